"""The vocabulary files: validated at load, every entry's examples run."""
from __future__ import annotations

import pytest

from rules.lexicon import LexiconError, expand, lexicon, Lexicon, _read, _build_patterns

LEX = lexicon()
PATTERN_EXAMPLES = [(name, ex) for name, p in LEX.patterns.items() for ex in p.examples]
PATTERN_COUNTER = [(name, ex) for name, p in LEX.patterns.items() for ex in p.counter]
WORD_EXAMPLES = [(name, ex) for name, exs in LEX.word_examples.items() for ex in exs]


def test_every_entry_has_examples():
    assert not [n for n, p in LEX.patterns.items() if not p.examples]
    assert not [n for n in LEX.words if not LEX.word_examples.get(n)]


@pytest.mark.parametrize("name,example", PATTERN_EXAMPLES)
def test_pattern_accepts_its_examples(name, example):
    assert LEX.patterns[name].accepts(example), f"{name} ({LEX.patterns[name].file}) refuses {example!r}"


@pytest.mark.parametrize("name,example", PATTERN_COUNTER)
def test_pattern_refuses_its_counter_examples(name, example):
    assert not LEX.patterns[name].accepts(example), f"{name} accepts {example!r}"


@pytest.mark.parametrize("name,example", WORD_EXAMPLES)
def test_word_class_matches_its_examples_whole(name, example):
    import regex
    assert regex.fullmatch(LEX.alt(name), example), f"word class {name} does not cover {example!r}"


def _load(tmp_path, text):
    (tmp_path / "x.toml").write_text(text, encoding="utf-8")
    lex, raw = Lexicon(), {}
    _read(lex, tmp_path / "x.toml", raw)
    _build_patterns(lex, raw)
    return lex


def test_unknown_key_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match=r"x.toml: \[patterns.a\] unknown key"):
        _load(tmp_path, "[patterns.a]\nre = 'a'\nexample = ['a']\n")


def test_unknown_section_and_reference_are_errors(tmp_path):
    with pytest.raises(LexiconError, match="unknown section"):
        _load(tmp_path, "[pattern.a]\nre = 'a'\n")
    with pytest.raises(LexiconError, match=r"undefined word class \{hamlet\}"):
        _load(tmp_path, "[patterns.a]\nre = '{hamlet} văn hóa'\nexamples = ['x']\n")
    with pytest.raises(LexiconError, match="does not compile"):
        _load(tmp_path, "[patterns.a]\nre = '(?:a'\nexamples = ['a']\n")


def test_references_expand_longest_form_first(tmp_path):
    lex = _load(tmp_path, "[words.v]\nforms = ['tổ', 'tổ dân phố']\nexamples = ['tổ']\n"
                          "[patterns.a]\nre = '{v} văn hóa'\nexamples = ['tổ dân phố văn hóa']\n"
                          "[patterns.b]\nre = '^{@a}$'\nexamples = ['tổ văn hóa']\n")
    assert lex.patterns["a"].compiled.search("tổ dân phố văn hóa").group(0) == "tổ dân phố văn hóa"
    assert lex.patterns["b"].accepts("tổ văn hóa") and not lex.patterns["b"].accepts("xã văn hóa")
    # \p{Lu} and quantifiers are not references
    assert expand(r"\p{Lu}{1,3}", lex) == r"\p{Lu}{1,3}"


def test_pattern_cycle_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="cycle"):
        _load(tmp_path, "[patterns.a]\nre = '{@b}'\nexamples = ['x']\n[patterns.b]\nre = '{@a}'\nexamples = ['x']\n")


def test_a_name_is_defined_once(tmp_path):
    (tmp_path / "y.toml").write_text("[words.a]\nforms = ['x']\nexamples = ['x']\n", encoding="utf-8")
    (tmp_path / "z.toml").write_text("[patterns.a]\nre = 'x'\nexamples = ['x']\n", encoding="utf-8")
    lex, raw = Lexicon(), {}
    _read(lex, tmp_path / "y.toml", raw)
    with pytest.raises(LexiconError, match="already defined in y.toml"):
        _read(lex, tmp_path / "z.toml", raw)
