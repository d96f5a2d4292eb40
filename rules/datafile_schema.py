"""The schema of the rule files ``awards.toml``, ``metrics.toml`` and ``tables.toml``,
stated once: for every section, its keys, their types and what their values must be.
:func:`rules.datafiles.load` validates each file against it.

A ``[[list]]`` section is a list of entries; every entry also has ``id`` (unique in its
file, stored as ``facts.rule``), ``examples`` (match-form phrases its ``target`` key
must find; ``tests/test_rule_files.py`` runs them through the module that reads the
entry) and optionally ``not`` (phrases it must not find).  A ``[table]`` section is
one table of named keys.

``check`` says what a value must be: ``pattern`` (compiles after
:func:`rules.datafiles.pattern` expansion), ``metric`` (a code of the metric
catalogue, ``maps.metric_name`` of ``rules/lexicon/labels.toml``), ``award`` (a code
of the award catalogue, ``maps.award_name``) or ``recipient`` (``maps.recipient_name``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# value types
STR, BOOL, STRS, MAP = "a string", "true or false", "a list of strings", "a table of strings"


@dataclass(frozen=True)
class Key:
    type: str                       # STR, BOOL, STRS or MAP
    required: bool = False
    check: Optional[str] = None     # "pattern", "metric", "award", "recipient"


@dataclass(frozen=True)
class Section:
    keys: dict[str, Key]
    many: bool = True               # [[section]] (entries with id and examples) or [section]
    target: str = ""                # the key whose pattern(s) the examples must match
    required: bool = True
    doc: str = ""
    entry_keys: dict[str, Key] = field(init=False)

    def __post_init__(self) -> None:
        common = ({"id": Key(STR, True), "examples": Key(STRS, True), "not": Key(STRS)}
                  if self.many else {})
        object.__setattr__(self, "entry_keys", {**common, **self.keys})


PATTERN = Key(STR, True, "pattern")
PATTERNS = Key(STRS, True, "pattern")
FLAG = Key(BOOL)
METRIC = Key(STR, True, "metric")
UNIT = Key(STR, True)

SCHEMA: dict[str, dict[str, Section]] = {
    "awards.toml": {
        "award": Section({
            "forms": PATTERNS,
            "code": Key(STR),                       # or "huan_chuong_{kind}" when ranked
            "levels": Key(MAP, check="award"),      # granter level (or "default") -> code
            "recipient": Key(STR, check="recipient"),
            "ranked": FLAG,
            "kinds": Key(MAP),                      # group `kind` -> part of the code
            "elided_ranks": FLAG,                   # "..., hạng Nhì cho 88 đồng chí": this award again
            "person_title": FLAG,                   # written before a name as the person's title
        }, target="forms", doc="an award of the catalogue and its surface forms"),
        "granter": Section({"forms": PATTERNS, "level": Key(STR, True)}, target="forms",
                           doc="a phrase naming who grants, and the level it means"),
    },
    "metrics.toml": {
        "poverty_topic": Section({
            "keywords": PATTERNS,
            "count_metric": Key(STR, check="metric"),
            "rate_metric": Key(STR, check="metric"),
            "reduction_metric": Key(STR, check="metric"),
        }, target="keywords", doc="what a number near these words counts"),
        "poverty": Section({"reduction": PATTERN, "level": PATTERN, "beneficiary": PATTERN},
                           many=False),
        "ntm": Section({"context": PATTERN, "added": PATTERN}, many=False),
        "ntm_rule": Section({
            "count": PATTERN, "metric": METRIC, "unit": UNIT,
            "subject": FLAG, "needs_context": FLAG, "inherit": FLAG, "needs_lead": FLAG, "added": FLAG,
            "needs_subject": FLAG,
            "one": FLAG,                            # group n names one unit: a count of one
            "names_unit": FLAG,                     # counts the unit its paragraph names ("xã thứ 6/11")
        }, target="count", doc="an NTM figure: group n the number, of its denominator"),
        "quantity_rate": Section({"label": Key(STR, True), "pattern": PATTERN}, target="pattern",
                                 required=False, doc="a rate kept as a quantity"),
    },
    "tables.toml": {
        "table": Section({"rate": PATTERN, "bare_rate": PATTERN, "added": PATTERN,
                          "year_head": PATTERN, "year_cell": PATTERN, "households_total": PATTERN}, many=False),
        "ntm_column": Section({"header": PATTERN, "metric": METRIC, "unit": UNIT}, target="header",
                              doc="an NTM column of a per-unit or per-year table"),
    },
}
