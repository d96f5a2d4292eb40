"""The rule files (awards.toml, metrics.toml, tables.toml): validated at load, every
entry's examples run through the pattern the module that reads it compiles."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import pytest

from pipeline.normalize import match_form
from rules import metric_tables, ntm, poverty, quantities
from rules.catalog import catalog
from rules.datafile_schema import SCHEMA
from rules.datafiles import HERE, RuleFileError, load, read

Matcher = Callable[[str], bool]


def _found(rx) -> Matcher:
    return lambda s: rx.search(s) is not None


def _counted(rx) -> Matcher:
    """An NTM rule finds a figure: a match whose group n holds the number."""
    return lambda s: any(m.group("n") for m in rx.finditer(s))


def _matchers() -> dict[str, dict[str, Matcher]]:
    """section -> entry id -> the consumer's test of one phrase."""
    return {
        "award": {a.id: _found(a.pattern) for a in catalog().awards},
        "granter": {g.id: _found(g.pattern) for g in catalog().granters},
        "poverty_topic": {t.id: _found(t.pattern) for t in poverty.vocab().topics},
        "ntm_rule": {r.id: _counted(r.pattern) for r in ntm.vocab().rules},
        "quantity_rate": {rid: _found(rx) for rid, _label, rx in quantities._rate_topics()},
        "ntm_column": {c.id: _found(c.pattern) for c in metric_tables.vocab().ntm},
    }


MATCHERS = _matchers()
ENTRIES = [(file, section, e) for file, sections in SCHEMA.items()
           for section, spec in sections.items() if spec.many
           for e in load(file).get(section, [])]
EXAMPLES = [(s, e["id"], ex) for _f, s, e in ENTRIES for ex in e.get("examples", [])]
COUNTER = [(s, e["id"], ex) for _f, s, e in ENTRIES for ex in e.get("not", [])]


def test_every_list_section_has_a_matcher_and_every_entry_examples():
    sections = {s for sections in SCHEMA.values() for s, spec in sections.items() if spec.many}
    assert sections == set(MATCHERS)
    assert not [e["id"] for _f, _s, e in ENTRIES if not e.get("examples")]
    assert all(e["id"] in MATCHERS[s] for _f, s, e in ENTRIES)


@pytest.mark.parametrize("section,eid,example", EXAMPLES)
def test_entry_accepts_its_examples(section, eid, example):
    assert example == match_form(example), f"{eid}: example {example!r} is not in the match form"
    assert MATCHERS[section][eid](example), f"[{section} {eid}] refuses {example!r}"


@pytest.mark.parametrize("section,eid,example", COUNTER)
def test_entry_refuses_its_counter_examples(section, eid, example):
    assert not MATCHERS[section][eid](example), f"[{section} {eid}] accepts {example!r}"


# --- validation ------------------------------------------------------------------

def _read_with(tmp_path: Path, name: str, extra: str = "", replace: Optional[tuple[str, str]] = None) -> dict:
    """Read a copy of the real file ``name`` with ``extra`` appended (or one string replaced)."""
    text = (HERE / name).read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    (tmp_path / name).write_text(text + extra, encoding="utf-8")
    return read(tmp_path / name)


def test_the_real_files_are_valid(tmp_path):
    for name in SCHEMA:
        assert _read_with(tmp_path, name) == load(name)


# (file, text appended, the error it must raise): one schema, one kind of mistake each
APPENDED_ERRORS = [
    ("metrics.toml", '\n[[quantity_rate]]\nid = "qty.x"\nlabel = "x"\npattern = "x"\nexamples = ["x"]\nexample = ["x"]\n',
     r"metrics.toml: \[quantity_rate qty.x\] 'example': unknown key"),
    ("tables.toml", '\n[[ntm_columns]]\nid = "x"\n', r"tables.toml: \[ntm_columns\] unknown section"),
    ("tables.toml", '\n[[ntm_column]]\nid = "tcol.x"\nheader = "số hộ"\nunit = "commune"\nexamples = ["số hộ"]\n',
     r"tables.toml: \[ntm_column tcol.x\] 'metric': missing"),
    ("awards.toml", '\n[[granter]]\nid = "gr.x"\nlevel = "khac"\nforms = ["ban tổ chức"]\n',
     r"awards.toml: \[granter gr.x\] 'examples': missing"),
]


@pytest.mark.parametrize("name,extra,error", APPENDED_ERRORS)
def test_an_entry_breaking_the_schema_is_an_error(tmp_path, name, extra, error):
    with pytest.raises(RuleFileError, match=error):
        _read_with(tmp_path, name, extra)


def test_wrong_type_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match=r"\[ntm_rule ntm.avg_criteria\] 'inherit': must be true or false"):
        _read_with(tmp_path, "metrics.toml",
                   replace=('metric = "ntm.avg_criteria"\n', 'metric = "ntm.avg_criteria"\ninherit = "yes"\n'))


def test_duplicate_id_is_an_error(tmp_path):
    extra = '\n[[award]]\nid = "aw.bang_khen"\ncode = "giay_khen"\nforms = ["giấy khen"]\nexamples = ["giấy khen"]\n'
    with pytest.raises(RuleFileError, match=r"awards.toml: \[award aw.bang_khen\] 'id': already used"):
        _read_with(tmp_path, "awards.toml", extra)


def test_bad_metric_code_is_an_error(tmp_path):
    with pytest.raises(RuleFileError,
                       match=r"\[poverty_topic pov.poor\] 'rate_metric': 'poverty.poor_ratio' is not a metric"):
        _read_with(tmp_path, "metrics.toml",
                   replace=('rate_metric = "poverty.poor_rate"', 'rate_metric = "poverty.poor_ratio"'))


def test_bad_award_code_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match=r"\[award aw.dung_cam\] 'code': 'huan_chuong_can_dam' is not an award"):
        _read_with(tmp_path, "awards.toml", '\n[[award]]\nid = "aw.dung_cam"\ncode = "huan_chuong_can_dam"\n'
                                            'forms = ["huân chương can đảm"]\nexamples = ["huân chương can đảm"]\n')
    with pytest.raises(RuleFileError, match=r"\[award aw.huan_chuong_ranked\] 'code': 'huan_chuong_cong_hien'"):
        _read_with(tmp_path, "awards.toml", replace=('"kháng chiến" = "khang_chien"', '"kháng chiến" = "cong_hien"'))


def test_award_levels_must_fit_the_granters(tmp_path):
    with pytest.raises(RuleFileError, match=r"\[award aw.giay_khen\] 'levels': needs a 'default'"):
        _read_with(tmp_path, "awards.toml", replace=(', default = "giay_khen" }', ' }'))
    with pytest.raises(RuleFileError, match=r"\[award aw.giay_khen\] 'levels': 'thon' is no granter's level"):
        _read_with(tmp_path, "awards.toml", replace=('xa = "giay_khen_cap_xa"', 'thon = "giay_khen_cap_xa"'))


def test_pattern_that_does_not_compile_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match=r"\[table\] 'rate': pattern .* does not compile"):
        _read_with(tmp_path, "tables.toml", replace=('rate = "tỷ lệ|%"', 'rate = "(?:tỷ lệ|%"'))
    with pytest.raises(RuleFileError, match=r"\[ntm\] 'context': .*undefined word class \{hamlet\}"):
        _read_with(tmp_path, "metrics.toml", replace=("|{village} kiểu mẫu", "|{hamlet} kiểu mẫu"))
