"""The rule vocabularies under ``rules/`` (``awards.toml``, ``metrics.toml``,
``tables.toml``), each parsed and validated once per process and shared by the
modules that read it.  Callers must not change the returned dicts.

Validation follows :data:`rules.datafile_schema.SCHEMA`: an unknown section or
key, a missing required key, a value of the wrong type, an ``id`` used twice in
a file, a pattern that does not compile, a metric, award or recipient code
missing from its catalogue (``rules/lexicon/labels.toml``) is a
:class:`RuleFileError` naming the file, the entry and the key."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

import regex

from .datafile_schema import BOOL, MAP, SCHEMA, STR, STRS, Key, Section
from .lexicon import LexiconError, M

HERE = Path(__file__).resolve().parent


class RuleFileError(LexiconError):
    """A rule file is malformed (the message names the file, the entry and the key)."""


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    return read(HERE / name)


def read(path: Path) -> dict:
    """Parse and validate one rule file (its schema is chosen by the file's name)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise RuleFileError(f"{path.name}: not valid TOML: {e}") from None
    validate(path.name, data)
    return data


def pattern(source: str) -> str:
    """A pattern written in one of these files, ready to compile: its lexicon references
    (``{village}``, ``{NUM}``) expanded and its tone marks in the match form's placement."""
    from pipeline.normalize import canonical_tones

    from .lexicon import X
    return canonical_tones(X(source))


def entries(data: dict, section: str) -> list[dict]:
    """The entries of a ``[[section]]`` (none when the file has no such section)."""
    return data.get(section, [])


# --- validation -----------------------------------------------------------------

def _fail(file: str, where: str, key: str, why: str) -> None:
    raise RuleFileError(f"{file}: [{where}] '{key}': {why}" if key else f"{file}: [{where}] {why}")


_TYPES: dict[str, Callable[[Any], bool]] = {
    STR: lambda v: isinstance(v, str),
    BOOL: lambda v: isinstance(v, bool),
    STRS: lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    MAP: lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
}


def _compiles(source: str) -> Optional[str]:
    try:
        regex.compile(pattern(source))
    except (regex.error, LexiconError) as e:
        return f"pattern {source!r} does not compile: {e}"
    return None


def _in_catalogue(map_name: str, what: str) -> Callable[[str], Optional[str]]:
    def check(code: str) -> Optional[str]:
        if code in M(map_name):
            return None
        return f"{code!r} is not {what} (rules/lexicon/labels.toml maps.{map_name})"
    return check


_CHECKS: dict[str, Callable[[str], Optional[str]]] = {
    "pattern": _compiles,
    "metric": _in_catalogue("metric_name", "a metric code"),
    "award": _in_catalogue("award_name", "an award code"),
    "recipient": _in_catalogue("recipient_name", "a recipient code"),
}


def _strings_of(value: Any) -> list[str]:
    if isinstance(value, dict):
        return list(value.values())
    return value if isinstance(value, list) else [value]


def _check_value(file: str, where: str, name: str, key: Key, value: Any) -> None:
    if not _TYPES[key.type](value):
        _fail(file, where, name, f"must be {key.type}")
    for s in _strings_of(value) if key.check else ():
        why = _CHECKS[key.check](s)
        if why:
            _fail(file, where, name, why)


def _no_unknown(file: str, where: str, names: Iterable[str], known: Iterable[str], what: str) -> None:
    unknown = sorted(set(names) - set(known))
    if unknown:
        key, section = (unknown[0], where) if what == "key" else ("", unknown[0])
        _fail(file, section, key, f"unknown {what}; allowed: {', '.join(sorted(known))}")


def _check_entry(file: str, where: str, spec: Section, entry: Any) -> None:
    if not isinstance(entry, dict):
        _fail(file, where, "", "must be a table")
    _no_unknown(file, where, entry, spec.entry_keys, "key")
    for name, key in spec.entry_keys.items():
        if name in entry:
            _check_value(file, where, name, key, entry[name])
        elif key.required:
            _fail(file, where, name, "missing (required)")


def _where(section: str, entry: Any) -> str:
    eid = entry.get("id") if isinstance(entry, dict) else None
    return f"{section} {eid}" if isinstance(eid, str) else section


def _check_section(file: str, section: str, spec: Section, body: Any) -> None:
    if spec.many != isinstance(body, list):
        form = f"[[{section}]] entries" if spec.many else f"one [{section}] table"
        _fail(file, section, "", f"must be {form}")
    for entry in body if spec.many else [body]:
        _check_entry(file, _where(section, entry), spec, entry)


def _unique_ids(file: str, data: dict, schema: dict[str, Section]) -> None:
    seen: dict[str, str] = {}
    for section in (s for s, spec in schema.items() if spec.many):
        for e in entries(data, section):
            if e["id"] in seen:
                _fail(file, f"{section} {e['id']}", "id", f"already used by a [[{seen[e['id']]}]] entry")
            seen[e["id"]] = section


def _award_codes(a: dict) -> Iterator[str]:
    """The codes an award entry can produce (its levels' codes are checked as values)."""
    if "code" in a:
        kinds = a.get("kinds", {}) if a.get("ranked") else {}
        yield from (a["code"].format(kind=k) for k in kinds.values()) if kinds else [a["code"]]


def _award_problem(a: dict) -> Optional[tuple[str, str]]:
    """(key, why) of an award entry whose keys do not fit together."""
    if ("code" in a) == ("levels" in a):
        return "code", "an award has either 'code' or 'levels' (granter level -> code)"
    if "levels" in a and "default" not in a["levels"]:
        return "levels", "needs a 'default' level"
    if bool(a.get("ranked")) != ("{kind}" in a.get("code", "")) or bool(a.get("ranked")) != ("kinds" in a):
        return "ranked", "a ranked award has 'kinds' and a code template with {kind}; others neither"
    return None


def _check_award(file: str, a: dict, levels: set[str]) -> None:
    where = f"award {a['id']}"
    problem = _award_problem(a)
    if problem:
        _fail(file, where, *problem)
    for why in filter(None, map(_CHECKS["award"], _award_codes(a))):
        _fail(file, where, "code", why)
    for level in sorted(set(a.get("levels", {})) - levels):
        _fail(file, where, "levels", f"{level!r} is no granter's level nor 'default'")


def _check_awards(file: str, data: dict) -> None:
    levels = {g["level"] for g in entries(data, "granter")} | {"default"}
    for a in entries(data, "award"):
        _check_award(file, a, levels)


_FILE_CHECKS: dict[str, Callable[[str, dict], None]] = {"awards.toml": _check_awards}


def _check_sections(file: str, data: dict, schema: dict[str, Section]) -> None:
    _no_unknown(file, "", data, schema, "section")
    for section, spec in schema.items():
        if section in data:
            _check_section(file, section, spec, data[section])
        elif spec.required:
            _fail(file, section, "", "missing section")


def validate(file: str, data: dict) -> None:
    """Check one parsed rule file against its schema (see the module docstring)."""
    if file not in SCHEMA:
        raise RuleFileError(f"{file}: no schema (known rule files: {', '.join(SCHEMA)})")
    _check_sections(file, data, SCHEMA[file])
    _unique_ids(file, data, SCHEMA[file])
    _FILE_CHECKS.get(file, lambda f, d: None)(file, data)
