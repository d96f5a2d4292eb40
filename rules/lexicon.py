"""The rules' vocabulary: word classes, maps and patterns kept as data.

The grammar is in code, the vocabulary in ``rules/lexicon/*.toml``.  Three kinds
of entry, each defined once and referenced by name:

``[words.<name>]``
    a word class: ``forms`` (regex fragments in the text's match form: lower
    case, new tone placement; a form ``"{other}"`` includes another class) and
    ``examples`` (strings a form must match whole).  A pattern uses it as ``{name}``, which expands to
    ``(?:form|form|...)`` with the longest forms first.
``[maps.<name>]``
    a table from a phrase to a code (``"tập thể" = "tap_the"``; the key
    ``doc`` says what it is for); its keys are also usable in patterns as
    ``{name}``.
``[patterns.<name>]``
    ``re`` (Python ``regex`` syntax, may use ``{word class}``, ``{map}``,
    ``{@other pattern}``, and the built-ins ``{NUM}`` and ``{YEAR}``), ``use``
    (how the code applies it: ``search`` (default), ``match`` or
    ``fullmatch``), ``examples`` (strings it must accept) and ``not`` (strings
    it must refuse); ``doc`` says what it is for.

Every file is validated when loaded: an unknown key, an undefined reference, a
duplicate name or a pattern that does not compile is a :class:`LexiconError`
naming the file and the entry.  The examples are run by
``tests/test_lexicon.py``.  Other vocabulary files (``awards.toml``,
``metrics.toml``, ``tables.toml``) may use the same ``{name}`` references:
:func:`expand` resolves them.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import regex

HERE = Path(__file__).resolve().parent / "lexicon"

NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
BUILTINS = {"NUM": NUM, "YEAR": YEAR}

_KEYS = {
    "words": {"doc", "forms", "examples"},
    "maps": None,          # any phrase -> code
    "patterns": {"doc", "re", "use", "examples", "not", "flags"},
}
_USES = {"search", "match", "fullmatch"}
# {name} or {@name}; never \p{Lu}, never a quantifier {1,3}
_REF = regex.compile(r"(?<!\\[pPN])\{(?P<at>@?)(?P<name>[A-Za-z_][\w.]*)\}")


class LexiconError(ValueError):
    """A vocabulary file is malformed (the message names the file and the entry)."""


@dataclass(frozen=True)
class Pattern:
    name: str
    source: str               # the expanded regular expression
    use: str = "search"
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    doc: str = ""
    file: str = ""
    flags: int = 0

    @property
    def compiled(self) -> "regex.Pattern":
        return _compile(self.source, self.flags)

    def accepts(self, s: str) -> bool:
        return getattr(self.compiled, self.use)(s) is not None


@dataclass
class Lexicon:
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    word_examples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    maps: dict[str, dict[str, str]] = field(default_factory=dict)
    patterns: dict[str, Pattern] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)     # name -> file

    def alt(self, name: str) -> str:
        """A word class or map as one non-capturing alternation, longest form first."""
        if name in self.words:
            forms = self.words[name]
        elif name in self.maps:
            forms = tuple(regex.escape(k) for k in self.maps[name])
        else:
            raise LexiconError(f"no word class or map named {name!r}")
        return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


@lru_cache(maxsize=None)
def _compile(source: str, flags: int = 0) -> "regex.Pattern":
    return regex.compile(source, flags if flags & regex.V1 else flags | regex.V0)


def _fail(file: str, entry: str, why: str) -> None:
    raise LexiconError(f"{file}: [{entry}] {why}")


def _strings(file: str, entry: str, key: str, v) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        _fail(file, entry, f"'{key}' must be a list of strings")
    return tuple(v)


def _read(lex: Lexicon, path: Path, raw_patterns: dict[str, tuple[str, dict]]) -> None:
    file = path.name
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for section, entries in data.items():
        if section not in _KEYS:
            _fail(file, section, f"unknown section (expected one of {', '.join(_KEYS)})")
        if not isinstance(entries, dict):
            _fail(file, section, "must be a table of named entries")
        for name, body in entries.items():
            entry = f"{section}.{name}"
            if name in lex.origin:
                _fail(file, entry, f"name already defined in {lex.origin[name]}")
            if not isinstance(body, dict):
                _fail(file, entry, "must be a table")
            allowed = _KEYS[section]
            if allowed is not None:
                unknown = set(body) - allowed
                if unknown:
                    _fail(file, entry, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
            lex.origin[name] = file
            if section == "words":
                if "forms" not in body:
                    _fail(file, entry, "needs 'forms'")
                lex.words[name] = _strings(file, entry, "forms", body["forms"])
                lex.word_examples[name] = _strings(file, entry, "examples", body.get("examples", []))
            elif section == "maps":
                if not all(isinstance(v, str) for v in body.values()):
                    _fail(file, entry, "every value must be a string (a code)")
                lex.maps[name] = {k: v for k, v in body.items() if k != "doc"}
            else:
                if "re" not in body or not isinstance(body["re"], str):
                    _fail(file, entry, "needs 're' (a string)")
                if body.get("use", "search") not in _USES:
                    _fail(file, entry, f"'use' must be one of {sorted(_USES)}")
                raw_patterns[name] = (file, body)


def expand(source: str, lex: "Lexicon", *, where: str = "",
           pattern_source: Optional[Callable[[str], str]] = None) -> str:
    """Replace ``{name}`` references by their alternations (and ``{@name}`` by a pattern)."""
    def sub(m: "regex.Match") -> str:
        name = m.group("name")
        if m.group("at"):
            if pattern_source is not None:
                return f"(?:{pattern_source(name)})"
            if name not in lex.patterns:
                raise LexiconError(f"{where}: undefined pattern {{@{name}}}")
            return f"(?:{lex.patterns[name].source})"
        if name in BUILTINS:
            return BUILTINS[name]
        if name in lex.words or name in lex.maps:
            return lex.alt(name)
        raise LexiconError(f"{where}: undefined word class {{{name}}}")
    return _REF.sub(sub, source)


_FLAGS = {"i": regex.IGNORECASE, "1": regex.V1}


def _flags(file: str, name: str, spec: str) -> int:
    flags = 0
    for ch in spec:
        if ch not in _FLAGS:
            _fail(file, f"patterns.{name}", f"unknown flag {ch!r}")
        flags |= _FLAGS[ch]
    return flags


def _build_patterns(lex: Lexicon, raw: dict[str, tuple[str, dict]]) -> None:
    """Expand every pattern (references to other patterns first, cycles refused) and compile it."""
    done: dict[str, str] = {}

    def resolve(name: str, stack: tuple[str, ...]) -> str:
        if name in done:
            return done[name]
        if name not in raw:
            raise LexiconError(f"[patterns.{stack[-1]}] undefined pattern {{@{name}}}")
        if name in stack:
            raise LexiconError(f"pattern reference cycle {' -> '.join(stack + (name,))}")
        file, body = raw[name]
        done[name] = expand(body["re"], lex, where=f"{file}: [patterns.{name}]",
                            pattern_source=lambda n: resolve(n, stack + (name,)))
        return done[name]

    for name, (file, body) in raw.items():
        src = resolve(name, ())
        flags = _flags(file, name, body.get("flags", ""))
        try:
            _compile(src, flags)
        except regex.error as e:
            _fail(file, f"patterns.{name}", f"does not compile: {e}")
        lex.patterns[name] = Pattern(name, src, body.get("use", "search"),
                                     _strings(file, name, "examples", body.get("examples", [])),
                                     _strings(file, name, "not", body.get("not", [])),
                                     body.get("doc", ""), file, flags)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All of ``rules/lexicon/*.toml``, validated (cached per process)."""
    lex = Lexicon()
    raw: dict[str, tuple[str, dict]] = {}
    for path in sorted(HERE.glob("*.toml")):
        _read(lex, path, raw)
    _expand_words(lex)
    _build_patterns(lex, raw)
    return lex


def _expand_words(lex: Lexicon) -> None:
    """A word class may include another: ``forms = ["{village}", "khu vực"]``."""
    def resolve(name: str, stack: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        for f in lex.words[name]:
            m = _REF.fullmatch(f)
            if m and not m.group("at") and m.group("name") in lex.words:
                ref = m.group("name")
                if ref in stack:
                    raise LexiconError(f"word class cycle {' -> '.join(stack + (ref,))}")
                out.extend(resolve(ref, stack + (ref,)))
            else:
                out.append(expand(f, lex, where=f"{lex.origin[name]}: [words.{name}]"))
        return tuple(dict.fromkeys(out))
    for name in list(lex.words):
        lex.words[name] = resolve(name, (name,))


def P(name: str) -> "regex.Pattern":
    """The compiled pattern ``name``."""
    lex = lexicon()
    p = lex.patterns.get(name)
    if p is None:
        raise LexiconError(f"no pattern named {name!r} in rules/lexicon")
    return p.compiled


def W(name: str) -> tuple[str, ...]:
    """The forms of word class ``name`` (as written in the file)."""
    lex = lexicon()
    if name not in lex.words:
        raise LexiconError(f"no word class named {name!r} in rules/lexicon")
    return lex.words[name]


def A(name: str) -> str:
    """Word class or map ``name`` as a regex alternation (for code that builds a pattern)."""
    return lexicon().alt(name)


def M(name: str) -> dict[str, str]:
    """The map ``name`` (phrase -> code)."""
    lex = lexicon()
    if name not in lex.maps:
        raise LexiconError(f"no map named {name!r} in rules/lexicon")
    return lex.maps[name]


def X(source: str, where: str = "") -> str:
    """Expand the references of a pattern written in another vocabulary file."""
    return expand(source, lexicon(), where=where)


def word_set(name: str) -> frozenset[str]:
    """A word class or map's keys as a set of plain phrases (forms must be literal)."""
    lex = lexicon()
    if name in lex.maps:
        return frozenset(lex.maps[name])
    return frozenset(W(name))


def lookup(name: str, phrase: str) -> Optional[str]:
    return M(name).get(phrase)
