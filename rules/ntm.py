"""Nông thôn mới (new rural development) metrics.

Each ``[[ntm_rule]]`` of ``metrics.toml`` is a pattern with ``{NUM}``
placeholders and named groups ``n`` (the figure), ``of`` (its denominator),
``band`` (a criteria band) applied to every sentence that speaks of NTM or of
criteria.  After a match the rule looks at what follows the phrase (``nâng
cao`` → advanced, ``kiểu mẫu`` → model), what precedes the number (``có thêm``
→ qualifier ``tăng thêm``), the place named before it (``Hà Vinh 4/7 thôn``) and
a percent written with a fraction (``03/19 xã ..., chiếm 15,8%``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex


from . import numbers as nums
from .numbers_words import parse_words
from .analysis import Analysis
from .awards import CULTURE_TITLES
from .context import Period, sourced
from .datafiles import load, pattern
from .subjects import (last_place_before, listed_places, place_after_prefix, place_list, places_before, prefix_level,
                       split_prefix, subject_before)
from .text import Sentence, clause_start
from .lexicon import P
from pipeline.model import Fact

NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"


@dataclass
class NtmRule:
    id: str
    pattern: "regex.Pattern"
    metric: str
    unit: str
    subject: bool = False
    needs_context: bool = False
    inherit: bool = False               # take the kind (standard/advanced/model) of the NTM figure before it
    needs_lead: bool = False            # only in a sentence that announces its kind ("Xã NTM kiểu mẫu: ...")
    added: bool = False                 # a count added in the period (qualifier "tăng thêm")
    needs_subject: bool = False         # only for a place named before it ("xã Ia Pal đạt 15 tiêu chí")
    one: bool = False                   # group n names one unit ("công nhận huyện Châu Thành đạt chuẩn ..."): 1
    names_unit: bool = False            # the figure counts the unit its paragraph names ("Đây là xã thứ 6/11")


@dataclass
class NtmVocab:
    rules: list[NtmRule]
    context: "regex.Pattern"
    added: "regex.Pattern"


@lru_cache(maxsize=1)
def vocab() -> NtmVocab:
    data = load("metrics.toml")
    rules = []
    for r in data["ntm_rule"]:
        pat = pattern(r["count"])
        rules.append(NtmRule(id=r["id"], pattern=regex.compile(rf"(?<![\d/.,])(?:{pat})"), metric=r["metric"],
                             unit=r["unit"], subject=r.get("subject", False),
                             needs_context=r.get("needs_context", False), inherit=r.get("inherit", False),
                             added=r.get("added", False), needs_lead=r.get("needs_lead", False),
                             needs_subject=r.get("needs_subject", False), one=r.get("one", False),
                             names_unit=r.get("names_unit", False)))
    n = data["ntm"]
    return NtmVocab(rules, regex.compile(pattern(n["context"])), regex.compile(pattern(n["added"])))


# the percent stated with a fraction, right after it or after the name of what it counts
# ("23/74 thôn đạt chuẩn “Thôn nông thôn mới kiểu mẫu”, tỷ lệ 34,1%")
_PCT_AFTER = P("ntm_pct_after")
_ADV = P("ntm_adv")
_MODEL = P("ntm_model")


_YEAR_LEAD = P("ntm_year_lead")


def _is_year(mt: str, ns: int, raw: str) -> bool:
    """'Năm 2020 xã đạt chuẩn nông thôn mới': the year the commune reached the standard."""
    return len(raw) == 4 and raw.isdigit() and 1945 <= int(raw) <= 2100 and \
        _YEAR_LEAD.search(mt, max(0, ns - 14), ns) is not None


def _count_value(raw: str) -> Optional[float]:
    """A count in digits or in words ('ba xã' → 3)."""
    v = nums.parse_number(raw)
    if v is None and raw[:1].isalpha():
        w = parse_words(raw)
        v = float(w) if w is not None else None
    return v


def _band_label(band: str, prev_low: Optional[str]) -> str:
    b = band.replace("tiêu chí", "").replace("từ", "").strip()
    if b.startswith("dưới"):
        rest = b[4:].strip()
        return f"<{rest}" if rest else (f"<{prev_low}" if prev_low else "<")
    if "trở lên" in b:
        return f">={b.replace('trở lên', '').strip()}"
    if "/" in b:
        return b.split("/")[0].strip()      # "19/19 tiêu chí": all of them
    return regex.sub(r"\s*(?:-|đến)\s*", "-", b)


def _has_context(an: Analysis, sent: Sentence) -> bool:
    v = vocab()
    mt = an.doc.match_text
    if v.context.search(sent.mtext) or v.context.search(mt[sent.block.start:sent.block.end]):
        return True
    prev = an.doc.blocks[sent.block.index - 1] if sent.block.index else None
    if prev is not None and _BREAKDOWN_HEAD.match(mt, sent.block.start, sent.block.end) and \
            v.context.search(mt[prev.start:prev.end]):
        return True     # "... đạt 166/209 tiêu chí nông thôn mới.  ¶ Cụ thể, các xã ...": the paragraph it details
    return any(v.context.search(mt[h.start:h.end]) for h in sent.headings[-2:])


_FAMILY = {"ntm.communes_standard": "communes", "ntm.communes_advanced": "communes",
           "ntm.communes_model": "communes", "ntm.villages_standard": "villages", "ntm.villages_model": "villages"}


_NEXT_ITEM = P("ntm_next_item")
_TITLED_KIND = P("ntm_titled_kind")
_TWO_KINDS = P("ntm_two_kinds")


def _kind(metric: str, tail: str, phrase: str) -> str:
    """The metric a phrase names: 'nâng cao' / 'kiểu mẫu' right after it, inside it, or
    later in its clause when that part still speaks of NTM ("9/9 thôn đạt chuẩn thôn nông
    thôn mới kiểu mẫu")."""
    clause = regex.split(r"[,;.(]", tail, maxsplit=1)[0]
    nxt = _NEXT_ITEM.search(clause)
    if nxt:
        clause = clause[:nxt.start()]
    ntm_phrase = bool(vocab().context.search(phrase + " " + clause))
    if metric == "ntm.communes_standard":
        # "nâng tổng số xã đạt chuẩn nông thôn mới nâng cao lên 06 xã": the kind inside the phrase
        titled = _TITLED_KIND.search(phrase)
        if _ADV.match(tail) or (ntm_phrase and "nâng cao" in clause) or (titled and titled.group("k") == "nâng cao"):
            return "ntm.communes_advanced"
        if _MODEL.match(tail) or (ntm_phrase and "kiểu mẫu" in clause) or (titled and titled.group("k") == "kiểu mẫu"):
            return "ntm.communes_model"
    elif metric == "ntm.villages_standard":
        if _MODEL.match(tail) or "kiểu mẫu" in phrase or (ntm_phrase and "kiểu mẫu" in clause):
            return "ntm.villages_model"
    return metric


_LEAD_KIND = P("ntm_lead_kind")


def _lead_kinds(mt: str, lo: int, hi: int) -> dict[str, str]:
    """'Xã đạt chuẩn nông thôn mới nâng cao: năm 2021 có thêm 02 xã; ...': the kind a
    sentence announces before its figures."""
    out: dict[str, str] = {}
    for m in _LEAD_KIND.finditer(mt, lo, hi):
        fam = "communes" if m.group("f") == "xã" else "villages"
        kind = {"nâng cao": "advanced", "kiểu mẫu": "model", None: "standard"}[m.group("k")]
        if fam == "villages" and kind == "advanced":
            continue
        if kind == "standard" and not regex.match(r"(?:số|tổng số)\s+$", mt[max(lo, m.start() - 9):m.start()]):
            continue  # a bare "xã đạt chuẩn nông thôn mới" is a figure's phrase, not a lead; "số xã đạt chuẩn ..." is
        out[fam] = f"ntm.{fam}_{kind}"
    return out


def _matches(an: Analysis, sent: Sentence) -> list[tuple[int, NtmRule, "regex.Match"]]:
    """Every rule match in the sentence, earliest first; at one figure the first rule wins."""
    v = vocab()
    mt = an.doc.match_text
    found: list[tuple[int, int, NtmRule, "regex.Match"]] = []
    for order, rule in enumerate(v.rules):
        if rule.needs_context and not _has_context(an, sent):
            continue
        for m in rule.pattern.finditer(mt, sent.start, sent.end):
            if rule.needs_lead and not _lead_kinds(mt, sent.start, m.start()):
                continue
            found.append((m.start("n"), order, rule, m))
    found.sort(key=lambda x: (x[0], x[1]))
    out, seen = [], set()
    for ns, _, rule, m in found:
        if ns in seen:
            continue
        seen.add(ns)
        out.append((ns, rule, m))
    return out


def extract_ntm(an: Analysis) -> None:
    _extract_rules(an)
    _breakdowns(an)


def _extract_rules(an: Analysis) -> None:
    v = vocab()
    mt = an.doc.match_text
    culture = {f.char_start for f in an.facts if f.metric == "award.count" and f.award in CULTURE_TITLES}
    units: dict[tuple[str, str], tuple[Fact, bool]] = {}     # the units recognised, by metric and name
    for sent in an.sentences:
        if sent.in_closing:
            continue
        st = sent.mtext
        if "tiêu chí" not in st and not v.context.search(st) and "thôn" not in st and \
                not ("đạt chuẩn" in st and _has_context(an, sent)):
            continue    # "... có 5 xã đạt chuẩn NTM. Trong đó có 02 xã đạt chuẩn năm 2015": its paragraph speaks of NTM
        prev_low: Optional[str] = None
        last_metric: dict[str, str] = {}
        # "49/56 thôn đạt chuẩn thôn văn hóa": a cultural title read as an award is never an NTM figure
        matches = [x for x in _matches(an, sent) if x[0] not in culture]
        seen = {ns for ns, _, _ in matches}
        made: list[tuple[int, NtmRule, Fact]] = []
        for ns, rule, m in matches:
            ne = m.end("n")
            if rule.metric in ("ntm.communes_standard", "ntm.villages_standard") and \
                    not v.context.search(m.group(0)) and not _has_context(an, sent):
                continue
            unit = _recognised_unit(an, sent, m, matches) if rule.one else None
            if rule.one and unit is None:
                continue
            value = 1.0 if rule.one else _count_value(m.group("n"))
            if value is None or _is_year(mt, ns, m.group("n")):
                continue
            of_total = nums.parse_number(m.group("of")) if "of" in m.groupdict() and m.group("of") else None
            base_metric = rule.metric
            if "f" in m.groupdict() and m.group("f") and m.group("f") != "xã":
                base_metric = "ntm.villages_standard"
            family = _FAMILY.get(base_metric)
            two = _TWO_KINDS.search(mt, max(ns, m.end() - 16), m.end() + 60) if family == "communes" else None
            if two is not None and two.start() <= m.end() + 2:
                continue    # "19 xã đạt chuẩn nông thôn mới kiểu mẫu và nông thôn mới nâng cao": two kinds together
            # a named unit's kind is what its title says ("đạt chuẩn nông thôn mới nâng cao"), nothing later
            metric = base_metric if rule.one else _kind(base_metric, mt[m.end():m.end() + 80], m.group(0))
            kind_word = m.groupdict().get("k")
            if kind_word and family == "communes":
                # "xã nông thôn mới nâng cao năm 2023 cho 9 xã": the kind the title before the count names
                metric = {"nâng cao": "ntm.communes_advanced", "kiểu mẫu": "ntm.communes_model"}[kind_word]
            if rule.added and made and made[-1][2].metric == "ntm.communes_by_criteria" and \
                    mt.rfind(";", made[-1][2].char_end, ns) < 0:
                continue    # "67 xã đạt từ 14 đến 18 tiêu chí (tăng 67 xã so với năm 2010)": a band's rise
            # "...; 36/36 xã được ... công nhận đạt chuẩn nông thôn mới", "5 xã đạt chuẩn nông thôn mới nâng cao,
            # 3 xã đạt chuẩn nông thôn mới": a clause naming the title itself after a ';' or ',' keeps its own kind
            own_title = made and regex.search(r"[;,]", mt[made[-1][2].char_end:ns]) and v.context.search(m.group(0))
            if rule.inherit and metric == base_metric and not own_title:
                if family in last_metric:
                    metric = last_metric[family]
                elif not last_metric:
                    metric = _lead_kinds(mt, sent.start, ns).get(family, metric)
            label = None
            if "band" in m.groupdict() and m.group("band"):
                label = _band_label(m.group("band"), prev_low)
                lo = regex.match(r"(\d+)", label.lstrip("<>="))
                if lo and not label.startswith("<"):
                    prev_low = str(int(lo.group(1)))
            cs = clause_start(sent, ns, seps=";")
            added = rule.added or v.added.search(mt[max(cs, ns - 20):ns]) or _list_added(sent, cs, ns)
            qualifier = "tăng thêm" if added else None
            if kind_word and family != "communes":
                qualifier = kind_word       # "huyện đạt chuẩn nông thôn mới nâng cao": the district's kind
            if metric == "ntm.criteria_met" and "nâng cao" in mt[sent.start:ns]:
                qualifier = qualifier or "nâng cao"
            subject = level = None
            others: list[tuple[str, Optional[str]]] = []    # the other places of a list the figure is for
            if unit is not None and base_metric == "ntm.districts_standard":
                subject, level = unit       # "công nhận huyện Châu Thành đạt chuẩn": the district itself
            elif m.groupdict().get("where"):
                subject, level = _named_unit(an, sent, m)
            elif m.groupdict().get("gap") and (own := _OF_UNIT.match(m.group("gap"))) is not None:
                # "2 xã thuộc huyện Mỹ Lộc đạt chuẩn nông thôn mới nâng cao": the unit the communes belong to
                subject, level = place_after_prefix(an.doc.text, m.start("gap") + own.end(), m.end("gap"),
                                                    anchored=True) or (None, None)
            elif rule.subject:
                subj = subject_before(an.doc.text, cs, m.start())
                if subj is not None and metric == "ntm.criteria_met":
                    # "xã Mỹ Hiệp và xã Phú Bình đạt 19/19 tiêu chí": each place of the list has met them
                    group = places_before(an.doc.text, cs, m.start())
                    if group[-1:] and group[-1][0] == subj[0]:
                        others = [(n, lv or subj[1]) for n, lv in group[:-1]]
                if subj is None and metric == "ntm.criteria_met" and (back := _places_pointed_at(an, sent, cs, m.start())):
                    # "Các xã được xét gồm: A; B, C và D. Đến nay, 4 xã trên đều đạt 19/19 tiêu chí": each of them
                    subj, others = back[0], back[1:]
                if subj is None and (par := sent.in_paren(ns)) is not None and \
                        not an.doc.text[par[0] + 1:m.start()].strip():
                    # "gồm: Mỹ Quang (đạt 16/19 tiêu chí), Mỹ Châu (...)": the place the bracket follows
                    subj = subject_before(an.doc.text, clause_start(sent, par[0], seps=";"), par[0])
                if subj is None and metric == "ntm.criteria_met" and not rule.needs_subject:
                    # "..., xã Phước Vĩnh Đông đã được đánh giá đạt 19/19 tiêu chí": the unit its own part of the
                    # sentence names, else the sentence's
                    subj = place_after_prefix(an.doc.text, clause_start(sent, ns, seps=";:,"), m.start()) or \
                        place_after_prefix(an.doc.text, sent.start, m.start())
                if subj:
                    subject, level = subj
            if rule.needs_subject and subject is None:
                continue
            num = nums.Num(value=value, start=ns, end=ne, raw=an.doc.text[ns:ne], kind="int",
                           base=value, of_total=of_total)
            period = an.period(sent, ns, m.end())
            if unit is not None and m.group("y"):
                period = Period(m.group("y"), "clause")     # "... đạt chuẩn nông thôn mới năm 2020"
            if unit is not None and an.status(sent, ns) is not None:
                continue    # "đề nghị công nhận huyện Chợ Lách đạt chuẩn ...": a step of the process, no figure
            if unit is not None and _restated_unit(units, metric, unit, f"{period}" if m.group("y") else None):
                continue
            if qualifier == "tăng thêm":
                # "tăng 104 xã so với cuối năm 2015": the increase over the years since the baseline
                b = regex.match(r"[^;.]{0,20}?so với (?:cuối |đầu )?năm (\d{4})", mt[m.end():m.end() + 40])
                if b and period and period[:4].isdigit() and len(period) == 4 and int(period) > int(b.group(1)) + 1:
                    period = Period(f"{int(b.group(1)) + 1}-{period}", "baseline")
            f = an.fact(sent, num, metric, rule.id, unit=rule.unit, of_total=of_total, label=label,
                        qualifier=qualifier, subject=subject, subject_level=level,
                        period=period, status=an.status(sent, ns))
            p = _PCT_AFTER.match(mt[m.end():m.end() + 90])
            if p and of_total:
                f.stated_percent = nums.parse_number(p.group("p"))
            f.char_end = (m.span("of")[1] if of_total else ne)
            f.raw = an.doc.text[f.char_start:f.char_end]
            for name, lv in others:
                _same_for(an, sent, f, name, lv, f"{rule.id}/coordinated")
            if family:
                last_metric[family] = metric
            if unit is not None:
                units[(metric, unit[0])] = (f, bool(m.group("y")))
                continue
            made.append((ns, rule, f))
        for ns, rule, f in made:
            _conjuncts(an, sent, ns, rule, f, seen)
        listed = [f for _, _, f in made if f.metric == "ntm.criteria_met" and f.subject]
        if listed:
            _criteria_items(an, sent, listed[0], seen)
    _drop_counted_units(an, units, {id(f) for f in an.facts if f.rule in _NAMES_UNIT})


_NAMES_UNIT = {r.id for r in vocab().rules if r.names_unit}


def _drop_counted_units(an: Analysis, units: dict[tuple[str, str], tuple[Fact, bool]],
                        counting: set[int]) -> None:
    """'Lễ công bố xã Tân Hưng đạt chuẩn nông thôn mới. Đây là xã thứ 6/11 của huyện': a paragraph
    that counts the unit it names (its rank) needs no count of one for it."""
    blocks = {(f.block_index, f.metric) for f in an.facts if id(f) in counting}
    drop = {id(f) for f, _ in units.values() if (f.block_index, f.metric) in blocks}
    if drop:
        an.facts[:] = [f for f in an.facts if id(f) not in drop]


def _recognised_unit(an: Analysis, sent: Sentence, m: "regex.Match",
                     matches: list[tuple[int, NtmRule, "regex.Match"]]) -> Optional[tuple[str, str]]:
    """'công nhận huyện Châu Thành đạt chuẩn ...': the unit group ``n`` names, (name, level). None
    when its words are no name (not capitalised in the text), when it is one of several units
    named together ('xã An Hòa và xã Phú Thọ được công nhận'), or when its sentence recognises
    several units one by one (a list of decisions the text counts elsewhere)."""
    mt = an.doc.match_text
    unit = place_after_prefix(an.doc.text, m.start("n"), m.end("n"), anchored=True)
    if unit is None or sum(1 for _, r, _ in matches if r.one) > 1 or \
            _COORDINATED.search(mt[max(sent.start, m.start("n") - 30):m.start("n")]):
        return None
    after = _COORDINATED_AFTER.match(mt, m.end("n"))
    if after and (after.group("u") is None or prefix_level(after.group("u")) == unit[1]):
        return None
    return unit


def _places_pointed_at(an: Analysis, sent: Sentence, lo: int, pos: int) -> list[tuple[str, str]]:
    """The places a back-pointing phrase before ``pos`` ('4 xã trên', 'các xã nói trên') stands for: the
    list opened by 'gồm' or ':' in the blocks just before, when its length is the number written ('các xã
    trên', with no number, may point at a longer list than its last opening shows)."""
    ana = None
    for ana in _LIST_ANAPHOR.finditer(an.doc.match_text, lo, pos):
        pass
    if ana is None:
        return []
    level = prefix_level(ana.group("u"))
    first = an.doc.blocks[max(0, sent.block.index - _ANAPHOR_BLOCKS)]
    places = listed_places(an.doc.text, first.start, sent.start)
    if not places or not ana.group("n") or int(ana.group("n")) != len(places):
        return []
    return [(name, lv or level or "commune") for name, lv in places]


_LIST_ANAPHOR = P("subj_list_anaphor")
_ANAPHOR_BLOCKS = 2     # blocks back where the list a phrase points at may stand
_COORDINATED = P("ntm_unit_coordinated_before")
_COORDINATED_AFTER = P("ntm_unit_coordinated_after")


def _restated_unit(units: dict[tuple[str, str], tuple[Fact, bool]], metric: str, unit: tuple[str, str],
                   year: Optional[str]) -> bool:
    """A unit already counted as recognised is one figure, however often the text names it (the
    headline and the lede); the mention that writes the year it is recognised for dates it."""
    known = units.get((metric, unit[0]))
    if known is None:
        return False
    fact, dated = known
    if year and not dated:
        fact.period, fact.period_source = year, "clause"
        units[(metric, unit[0])] = (fact, True)
    return True


def _named_unit(an: Analysis, sent: Sentence, m: "regex.Match") -> tuple[Optional[str], str]:
    """The unit a rule names in its group ``where`` ('xã thứ 8/10 của huyện Mỹ Xuyên'); named by
    its level alone ('thứ 2 của huyện'), the last unit of that level named before it, else the
    text's own unit of that level (name None)."""
    text = an.doc.text
    place = place_after_prefix(text, m.start("where"), m.end("where"), anchored=True)
    level, name = split_prefix(text[m.start("where"):m.end("where")])
    if place is None and name[:1].isupper():
        place = (name, level or "province")
    if place is None:
        heads = [b.start for b in an.doc.blocks[:1]]
        for lo in (sent.block.start, *heads):
            place = last_place_before(text, lo, m.start(), level)
            if place:
                break
    return place or (None, level or "province")


_CONJUNCT = P("ntm_conjunct_before")
_CONJUNCT_GUARD = P("ntm_conjunct_guard")
_LIST_ADDED = P("ntm_list_added_head")
_OPENS_WITH_COUNT = P("ntm_clause_opens_with_count")
# the family of NTM metrics a unit's level counts in (levels: the lexicon's maps.place_level)
_LEVEL_FAMILY = {"commune": ("communes", "commune"), "district": ("districts", "district"),
                 "village": ("villages", "village")}
# the metrics each family has, by kind
_FAMILY_KINDS = {"communes": ("standard", "advanced", "model"), "villages": ("standard", "model"),
                 "districts": ("standard",)}


def _list_added(sent: Sentence, cs: int, ns: int) -> bool:
    """'Có thêm 11 xã, 24 thôn đạt chuẩn NTM; 8 xã đạt chuẩn NTM nâng cao; 1 xã ... kiểu mẫu': a
    clause that is only a count takes 'tăng thêm' from the list head of the first clause."""
    mt = sent.doc.match_text
    if cs <= sent.start or mt[cs:ns].strip(" ;"):
        return False
    head = max(mt.rfind(":", sent.start, cs) + 1, sent.start)
    if not _LIST_ADDED.match(mt, head, cs):
        return False
    # every clause between the head and this one opens with a count
    clauses = mt[head:cs].split(";")[1:]
    return all(_OPENS_WITH_COUNT.match(c) for c in clauses if c.strip())


def _family_of(unit: str) -> tuple[str, str]:
    """'330 xã' counts communes, '8 đơn vị cấp huyện' districts, '869 thôn/bản' villages."""
    level = "district" if unit.startswith("đơn vị cấp huyện") else prefix_level(unit.split("/")[0].strip())
    return _LEVEL_FAMILY.get(level or "village", _LEVEL_FAMILY["village"])


def _conjuncts(an: Analysis, sent: Sentence, ns: int, rule: NtmRule, f: Fact, seen: set[int]) -> None:
    """Bare counts coordinated before an NTM count share its predicate, its kind and what heads
    the list: 'Hiện có 8 đơn vị cấp huyện, 330 xã, 869 thôn/bản đạt chuẩn NTM' gives 330 communes,
    'Có thêm 1 xã, 15 thôn/bản đạt chuẩn NTM kiểu mẫu' one model commune added."""
    mt = an.doc.match_text
    kind = f.metric.rsplit("_", 1)[-1]
    nxt_unit, at = mt[ns:ns + 40], ns
    chain: list["regex.Match"] = []
    while True:
        m = _CONJUNCT.search(mt, max(sent.start, at - 60), at)
        if m is None or _CONJUNCT_GUARD.search(mt, max(sent.start, m.start() - 16), m.start()):
            break
        # 'N xã, M xã' with a comma is a whole and its part; only 'và' joins two counts of one unit
        if m.group("j") == "," and nxt_unit.split(None, 2)[1:2] == [m.group("u").split()[0]]:
            break
        chain.append(m)
        nxt_unit, at = mt[m.start("n"):m.start("n") + 40], m.start("n")
    if not chain:
        return
    head = chain[-1].start("n")
    cs = clause_start(sent, head, seps=";")
    added = f.qualifier == "tăng thêm" or vocab().added.search(mt[max(cs, head - 20):head]) \
        or _list_added(sent, cs, head)
    if added and f.qualifier is None:
        f.qualifier = "tăng thêm"
    for m in chain:
        fam, unit = _family_of(m.group("u"))
        if m.start("n") in seen or kind not in _FAMILY_KINDS[fam]:   # read by a rule of its own
            continue
        s, e = m.span("n")
        value = nums.parse_number(m.group("n"))
        of_total = nums.parse_number(m.group("of")) if m.group("of") else None
        num = nums.Num(value=value, start=s, end=e, raw=an.doc.text[s:e], kind="int", base=value,
                       of_total=of_total)
        seen.add(s)
        an.fact(sent, num, f"ntm.{fam}_{kind}", f"{rule.id}/conjunct", unit=unit, of_total=of_total,
                qualifier="tăng thêm" if added else None, period=an.period(sent, s, m.end("u")),
                status=an.status(sent, s))


def _same_for(an: Analysis, sent: Sentence, f: Fact, name: str, level: Optional[str], rule_id: str,
              value: Optional[float] = None, span: Optional[tuple[int, int]] = None,
              of_total: Optional[float] = None) -> Fact:
    """The figure ``f`` says (or ``value`` at ``span``) for another place of its list."""
    s, e = span or (f.char_start, f.char_end)
    v = f.value if value is None else value
    num = nums.Num(value=v, start=s, end=e, raw=an.doc.text[s:e], kind="int", base=v,
                   of_total=f.of_total if span is None else of_total)
    return an.fact(sent, num, f.metric, rule_id, unit=f.unit, of_total=num.of_total, qualifier=f.qualifier,
                   subject=name, subject_level=level or f.subject_level,
                   period=sourced(f.period, f.period_source or "rule"), status=f.status)


def _criteria_items(an: Analysis, sent: Sentence, first: Fact, seen: set[int]) -> None:
    """'các xã Ea Toh, Phú Lộc đạt 19 tiêu chí; Ea Tam, Ea Tân 16 tiêu chí; Cư Klông 12 tiêu chí': the
    items after the first leave out the verb and keep its reading, place by place."""
    mt = an.doc.match_text
    for m in _CRITERIA_ITEM.finditer(mt, first.char_end, sent.end):
        if m.start("n") in seen:
            continue
        places = place_list(an.doc.text[m.start("places"):m.end("places")])
        if not places:
            continue
        seen.add(m.start("n"))
        value = nums.parse_number(m.group("n"))
        of_total = nums.parse_number(m.group("of")) if m.group("of") else None
        end = m.end("of") if m.group("of") else m.end("n")
        for name, lv in places:
            _same_for(an, sent, first, name, lv, f"{first.rule}/listed", value=value,
                      span=(m.start("n"), end), of_total=of_total)


_CRITERIA_ITEM = P("ntm_criteria_item")
_BREAKDOWN_HEAD = P("ntm_breakdown_head")
_BREAKDOWN_ITEM = P("ntm_breakdown_item")
_DISTRIBUTIVE = P("ntm_distributive")
_BREAKDOWN_COLON = P("ntm_breakdown_colon")
_OF_UNIT = P("ntm_of_unit")
_BREAKDOWN_ITEM_OF = P("ntm_breakdown_item_of")


def _breakdowns(an: Analysis) -> None:
    """'22 thôn đạt chuẩn Thôn nông thôn mới kiểu mẫu. ... Trong đó, huyện Yên Sơn có 5 thôn; ...
    Chiêm Hoá có 2 thôn', 'Thêm 21 thôn ... kiểu mẫu. Cụ thể, huyện Hiệp Hoà công bố thêm 8 thôn ...
    Huyện Lục Nam thêm 3 thôn ...': a total broken down place by place gives each place a figure of
    the total's kind.  The breakdown opens with 'Trong đó'/'Cụ thể' and goes on through the
    sentences that open with a place."""
    mt = an.doc.match_text
    taken = {f.char_start for f in an.facts}
    open_lead: Optional[Fact] = None
    for sent in an.sentences:
        if sent.in_closing:
            continue
        head = _BREAKDOWN_HEAD.match(mt, sent.start, sent.end)
        if head is not None and head.end() > sent.start:
            open_lead = _last_total(an, sent.start)
        elif open_lead is not None and an.opening_subject(sent, sent.end) is None:
            open_lead = None
        _colon_breakdown(an, sent, taken)
        if open_lead is None:
            continue
        for m in _BREAKDOWN_ITEM.finditer(mt, sent.start, sent.end):
            _breakdown_item(an, sent, m, open_lead, taken)


def _colon_breakdown(an: Analysis, sent: Sentence, taken: set[int]) -> None:
    """'21 xã đạt chuẩn nông thôn mới nâng cao năm 2022 gồm: 08 xã thuộc huyện Gia Lộc (...); 03 xã
    thuộc huyện Cẩm Giàng (...)': the places a total of the sentence lists after its colon."""
    mt = an.doc.match_text
    for c in _BREAKDOWN_COLON.finditer(mt, sent.start, sent.end):
        lead = _last_total(an, c.start())
        if lead is None or lead.char_start < sent.start:
            continue
        for m in _BREAKDOWN_ITEM_OF.finditer(mt, c.end(), sent.end):
            place = place_after_prefix(an.doc.text, m.end(), min(sent.end, m.end() + 60), anchored=True)
            if place is not None:
                _part(an, sent, m, lead, place, taken)


def _last_total(an: Analysis, before: int) -> Optional[Fact]:
    cands = [f for f in an.facts if f.char_start < before and f.unit in ("commune", "village")
             and f.metric.startswith("ntm.") and f.metric != "ntm.communes_by_criteria" and f.subject is None]
    return max(cands, key=lambda f: f.char_start) if cands else None


def _breakdown_item(an: Analysis, sent: Sentence, m: "regex.Match", lead: Fact, taken: set[int]) -> None:
    mt = an.doc.match_text
    s = m.start("n")
    if _DISTRIBUTIVE.search(mt, max(sent.start, m.start() - 16), m.start()):
        return
    cs = clause_start(sent, s, seps=";")
    place = subject_before(an.doc.text, cs, m.start()) or an.opening_subject(sent, s)
    if place is not None:
        _part(an, sent, m, lead, place, taken)


def _part(an: Analysis, sent: Sentence, m: "regex.Match", lead: Fact, place: tuple[str, str],
          taken: set[int]) -> None:
    """One place's share of an NTM total: a figure of the total's kind for that place."""
    s, e = m.span("n")
    fam = "communes" if m.group("u") == "xã" else "villages"
    value = _count_value(m.group("n"))
    if s in taken or value is None or _FAMILY.get(lead.metric) != fam:
        return
    num = nums.Num(value=value, start=s, end=e, raw=an.doc.text[s:e], kind="int", base=value)
    taken.add(s)
    an.fact(sent, num, lead.metric, "ntm.breakdown", unit=lead.unit, qualifier=lead.qualifier,
            subject=place[0], subject_level=place[1], period=an.period(sent, s, e) or _lead_period(lead),
            status=an.status(sent, s) or lead.status)


def _lead_period(lead: Fact) -> Optional[Period]:
    """A breakdown that dates nothing itself has the period of its total."""
    return Period(lead.period, "inherited") if lead.period else None
