"""Every tunable of an unattended run, in one validated place.

Values come, later ones winning, from the defaults below, a TOML config file,
the ``TDKT_DB`` environment variable (the warehouse only) and the command line.
The config file is ``--config FILE``, else ``$TDKT_CONFIG``, else the first of
``$XDG_CONFIG_HOME/tdkt/config.toml`` (``~/.config/tdkt/config.toml``) and
``/etc/tdkt/config.toml`` that exists.  A relative path in a config file is
relative to that file's folder; on the command line or in ``TDKT_DB``, to the
current directory — and every path is made absolute at once, so nothing that is
stored or locked depends on where a timer happened to start the job.

    db = "/srv/tdkt/tdkt.duckdb"
    wait = 600              # seconds a writer waits for another run or an open writer
    workers = 1
    keep_previous = true    # keep the warehouse replaced by the last run as <db>.prev

    [limits]                # per file, each read in a worker process of its own
    seconds = 180           # reading and rules together
    memory_mb = 1024        # the worker's resident memory
    pdf_pages = 1000
    docx_xml_mb = 150       # the XML parts of a .docx once unpacked
    [limits.max_mb]         # file size per format
    txt = 20
    pdf = 200

    [text]                  # when a reading is garbage rather than a report
    min_vietnamese = 0.55   # share of words that are Vietnamese syllables
    min_report = 0.25       # header, signature and figures of a report
    min_markup = 0.2        # ... and, besides, this share of lines in the markup of notes or code

A mistake (an unknown key, a wrong type, a value out of range) raises
:class:`ConfigError` with a sentence that names the key and the file.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping, Optional

from warehouse.db import DEFAULT_DB  # noqa: E402  (one default, the warehouse's)
FORMATS = ("txt", "md", "docx", "doc", "pdf")


class ConfigError(Exception):
    """A setting is wrong; the message says which and why."""


@dataclass(frozen=True)
class Limits:
    """What one file may cost; a file over a limit is recorded ``failed``."""
    seconds: float = 180.0
    memory_mb: int = 1024
    pdf_pages: int = 1000
    docx_xml_mb: int = 150
    max_mb: Mapping[str, float] = field(default_factory=lambda: {
        "txt": 20.0, "md": 20.0, "docx": 50.0, "doc": 50.0, "pdf": 200.0})

    def max_bytes(self, fmt: Optional[str]) -> Optional[int]:
        mb = self.max_mb.get(fmt or "")
        return int(mb * 1024 * 1024) if mb else None


@dataclass(frozen=True)
class TextChecks:
    """Thresholds of pipeline.plausible: below them a reading is not trusted."""
    min_vietnamese: float = 0.55
    min_report: float = 0.25        # below it, and ...
    min_markup: float = 0.2         # ... at least this share of lines in markup: not_report


@dataclass(frozen=True)
class Settings:
    db: Path = field(default_factory=lambda: DEFAULT_DB.absolute())
    wait: float = 600.0
    workers: int = 1
    keep_previous: bool = True
    limits: Limits = field(default_factory=Limits)
    text: TextChecks = field(default_factory=TextChecks)
    source: Optional[Path] = None          # the config file read, if any


# key -> (type, low, high): high None means unbounded
_RANGES: dict[str, tuple[type, float, Optional[float]]] = {
    "wait": (float, 0, None),
    "workers": (int, 1, 64),
    "seconds": (float, 1, 24 * 3600),
    "memory_mb": (int, 64, 1024 * 1024),
    "pdf_pages": (int, 1, 10 ** 6),
    "docx_xml_mb": (int, 1, 10 ** 6),
    "max_mb": (float, 0.001, 10 ** 6),
    "min_vietnamese": (float, 0, 1),
    "min_report": (float, 0, 1),
    "min_markup": (float, 0, 1),
}


def number(key: str, value: Any, where: str) -> float | int:
    """``value`` checked against the type and range of ``key`` (also used for command-line flags)."""
    typ, lo, hi = _RANGES[key]
    ok_types = (int,) if typ is int else (int, float)
    if isinstance(value, bool) or not isinstance(value, ok_types):
        kind = "a whole number" if typ is int else "a number"
        raise ConfigError(f"{where}: {key} must be {kind}, not {value!r}")
    if value < lo or (hi is not None and value > hi):
        span = f"at least {lo:g}" if hi is None else f"between {lo:g} and {hi:g}"
        raise ConfigError(f"{where}: {key} must be {span}, not {value!r}")
    return typ(value)


def _unknown(got: Mapping, known, where: str) -> None:
    extra = sorted(set(got) - set(known))
    if extra:
        raise ConfigError(f"{where}: unknown setting {', '.join(map(repr, extra))} "
                          f"(known: {', '.join(sorted(known))})")


def _limits(raw: Mapping, where: str) -> Limits:
    names = [f.name for f in fields(Limits)]
    _unknown(raw, names, where)
    vals: dict[str, Any] = {}
    for k, v in raw.items():
        if k == "max_mb":
            if not isinstance(v, Mapping):
                raise ConfigError(f"{where}: limits.max_mb must be a table of format = megabytes")
            _unknown(v, FORMATS, f"{where} [limits.max_mb]")
            vals[k] = {**Limits().max_mb, **{f: number("max_mb", x, f"{where} limits.max_mb.{f}")
                                              for f, x in v.items()}}
        else:
            vals[k] = number(k, v, f"{where} limits")
    return Limits(**vals)


def _text(raw: Mapping, where: str) -> TextChecks:
    _unknown(raw, [f.name for f in fields(TextChecks)], where)
    return TextChecks(**{k: number(k, v, f"{where} text") for k, v in raw.items()})


def parse(raw: Mapping, where: str, base: Path) -> dict[str, Any]:
    """The settings a config mapping gives (paths resolved against ``base``)."""
    _unknown(raw, ["db", "wait", "workers", "keep_previous", "limits", "text"], where)
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if k == "db":
            if not isinstance(v, str) or not v.strip():
                raise ConfigError(f"{where}: db must be a file path")
            out["db"] = absolute(v, base)
        elif k == "keep_previous":
            if not isinstance(v, bool):
                raise ConfigError(f"{where}: keep_previous must be true or false")
            out[k] = v
        elif k == "limits":
            if not isinstance(v, Mapping):
                raise ConfigError(f"{where}: [limits] must be a table")
            out[k] = _limits(v, where)
        elif k == "text":
            if not isinstance(v, Mapping):
                raise ConfigError(f"{where}: [text] must be a table")
            out[k] = _text(v, where)
        else:
            out[k] = number(k, v, where)
    return out


def absolute(p: str | Path, base: Optional[Path] = None) -> Path:
    """An absolute path without resolving symbolic links (the name a person gave)."""
    p = Path(os.path.expanduser(str(p)))
    if not p.is_absolute():
        p = (base or Path.cwd()) / p
    return Path(os.path.normpath(p))


def config_file(explicit: Optional[str] = None, env: Mapping[str, str] = os.environ) -> Optional[Path]:
    if explicit:
        p = absolute(explicit)
        if not p.is_file():
            raise ConfigError(f"config file {p} not found")
        return p
    if env.get("TDKT_CONFIG"):
        p = absolute(env["TDKT_CONFIG"])
        if not p.is_file():
            raise ConfigError(f"config file {p} (from TDKT_CONFIG) not found")
        return p
    xdg = env.get("XDG_CONFIG_HOME") or os.path.join(env.get("HOME", "~"), ".config")
    for cand in (Path(xdg) / "tdkt" / "config.toml", Path("/etc/tdkt/config.toml")):
        if cand.is_file():
            return cand
    return None


def load(*, config: Optional[str] = None, db: Optional[str] = None, env: Mapping[str, str] = os.environ,
         **overrides: Any) -> Settings:
    """The settings in force: defaults < config file < TDKT_DB < explicit arguments.

    ``overrides`` are command-line values (None means "not given"): ``wait``, ``workers``.
    """
    s = Settings()
    path = config_file(config, env)
    if path is not None:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"cannot read config file {path}: {e}") from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"config file {path} is not valid TOML: {e}") from e
        s = replace(s, source=path, **parse(raw, str(path), path.parent))
    if env.get("TDKT_DB"):
        s = replace(s, db=absolute(env["TDKT_DB"]))
    if db:
        s = replace(s, db=absolute(db))
    for k, v in overrides.items():
        if v is not None:
            s = replace(s, **{k: number(k, v, f"--{k}")})
    return s
