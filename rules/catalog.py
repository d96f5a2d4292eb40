"""The award catalogue (``awards.toml``) compiled for matching.

:func:`award_mentions` finds every award named in a document's match text and
resolves its catalogue code: the rank of an order (``hạng Ba`` → ``_3``) and,
for Bằng khen / Giấy khen / Cờ thi đua, the level of whoever grants it (the
phrase after the name, else a granter named before it in the sentence, else
the section heading, else the catalogue's default).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import regex

from pipeline.normalize import match_form

from .datafiles import load, pattern
from .lexicon import M, P

_W = r"\p{L}\p{M}\p{Nd}_"


@dataclass
class AwardEntry:
    id: str
    code: Optional[str]                 # fixed code, or a template with {kind}
    recipient: Optional[str]
    pattern: "regex.Pattern"
    levels: dict[str, str] = field(default_factory=dict)
    ranked: bool = False
    kinds: dict[str, str] = field(default_factory=dict)
    elided_ranks: bool = False          # a later bare "hạng Nhì cho ..." in its sentence is this award again
    person_title: bool = False          # written before a name as the person's title ("Bà mẹ VNAH Nguyễn Thị Mơ")


@dataclass
class Granter:
    id: str
    level: str
    pattern: "regex.Pattern"


@dataclass
class AwardMention:
    start: int                          # absolute span of the name (incl. "danh hiệu", quotes, issuer tail)
    end: int
    name_end: int                       # end of the name itself, before the issuer tail
    entry: AwardEntry
    code: Optional[str]                 # resolved later when it depends on the granter
    level_from: Optional[str] = None    # "tail", "before", "heading", "default"
    granter_span: Optional[tuple[int, int]] = None   # absolute span of who grants it, when written

    @property
    def rule(self) -> str:
        return self.entry.id

    @property
    def needs_level(self) -> bool:
        return bool(self.entry.levels) and self.code is None


def _compile_forms(forms: list[str]) -> "regex.Pattern":
    # forms are written in lower case already; only the tone placement is unified
    # (lower-casing would break regex syntax such as (?P<name>...))
    alts = "|".join(f"(?:{pattern(f)})" for f in forms)
    return regex.compile(rf"(?<![{_W}])(?:{alts})(?![{_W}])")


@dataclass
class Catalog:
    awards: list[AwardEntry]
    granters: list[Granter]

    def granter_level(self, mtext: str) -> Optional[tuple[str, str]]:
        """(level, granter id) of the first granter phrase found in mtext (leftmost)."""
        best = None
        for g in self.granters:
            m = g.pattern.search(mtext)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), g.level, g.id)
        return (best[1], best[2]) if best else None

    def granter_at(self, mtext: str, pos: int) -> Optional[tuple[str, str, int]]:
        """(level, granter id, end) of the longest granter phrase starting exactly at pos."""
        best = None
        for g in self.granters:
            m = g.pattern.match(mtext, pos)
            if m and (best is None or m.end() > best[2]):
                best = (g.level, g.id, m.end())
        return best

    def granters_in(self, mtext: str) -> list[tuple[int, int, str, str]]:
        """Every granter phrase in mtext as (start, end, level, id), left to right; a phrase
        inside a longer one ("liên đoàn lao động" in "tổng liên đoàn lao động") is dropped."""
        found = []
        for g in self.granters:
            for m in g.pattern.finditer(mtext):
                found.append((m.start(), m.end(), g.level, g.id))
        found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[tuple[int, int, str, str]] = []
        for f in found:
            if any(o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0]) for o in found):
                continue
            out.append(f)
        return out

    def last_granter(self, mtext: str, levels=None) -> Optional[tuple[int, str, str]]:
        """(position, level, id) of the rightmost granter phrase in mtext (of one of
        ``levels`` when given)."""
        for start, _end, level, gid in reversed(self.granters_in(mtext)):
            if levels is None or level in levels:
                return (start, level, gid)
        return None


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    data = load("awards.toml")
    awards = []
    for a in data["award"]:
        awards.append(AwardEntry(id=a["id"], code=a.get("code"), recipient=a.get("recipient"),
                                 pattern=_compile_forms(a["forms"]), levels=a.get("levels", {}),
                                 ranked=a.get("ranked", False), elided_ranks=a.get("elided_ranks", False),
                                 person_title=a.get("person_title", False),
                                 kinds={match_form(k): v for k, v in a.get("kinds", {}).items()}))
    granters = [Granter(g["id"], g["level"], _compile_forms(g["forms"])) for g in data["granter"]]
    return Catalog(awards, granters)


_RANK = P("cat_rank")
_MORE_RANKS = P("cat_more_ranks")
_JOINT_GRANTERS = P("cat_joint_granters")
GENERIC_AWARD = "khen_thuong"   # SPEC's code for a commendation whose form is not named
RANKS = {word: int(n) for word, n in M("rank_word").items()}
_TAIL = P("cat_tail")
_PREFIX = P("cat_prefix")


def award_mentions(mtext: str, base: int = 0) -> list[AwardMention]:
    """Every award named in ``mtext`` (a match-form string starting at absolute
    offset ``base``), non-overlapping, longest first, in order.  Codes that
    depend on the granter are left None when the name has no issuer tail."""
    cat = catalog()
    cands: list[tuple[int, int, AwardEntry, "regex.Match"]] = []
    for e in cat.awards:
        for m in e.pattern.finditer(mtext):
            cands.append((m.start(), m.end(), e, m))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[AwardMention] = []
    last_end = -1
    for s, e, entry, m in cands:
        if s < last_end:
            continue
        code = entry.code
        name_end = e
        end = e
        if entry.ranked:
            kind = entry.kinds.get(m.group("kind"), "")
            code = code.format(kind=kind)
            r = _RANK.match(mtext[e:e + 20])
            if r:
                more = _MORE_RANKS.match(mtext, e + r.end(), e + r.end() + 40)
                # "Huân chương Lao động hạng Nhì và hạng Ba": counted together, of no one rank
                code = code if more else f"{code}_{RANKS[r.group('r')]}"
                end = name_end = e + r.end() + (more.end() - more.start() if more else 0)
        if entry.levels:
            code = None
            t = _TAIL.match(mtext[end:end + 80])
            granter_span = None
            if t:
                g = cat.granter_at(mtext, end + t.start("p"))
                if g and g[0] in entry.levels:
                    code = entry.levels[g[0]]
                    granter_span = (base + end + t.start("p"), base + g[2])
                    end = g[2]
        # include a "danh hiệu" prefix and quotes in the span
        pre = _PREFIX.search(mtext[max(0, s - 30):s])
        start = s - (len(pre.group(0).lstrip()) if pre else 0)
        if end < len(mtext) and mtext[end] == '"':
            end += 1
        mention = AwardMention(base + start, base + end, base + name_end, entry, code,
                               "tail" if entry.levels and code else None,
                               granter_span if entry.levels and code else None)
        out.append(mention)
        last_end = e
    return _with_elided_ranks(mtext, base, out)


_ELIDED_RANK = P("cat_elided_rank")
_ELISION_GAP = 160      # characters from an award to the bare rank that repeats it


def _with_elided_ranks(mtext: str, base: int, out: list[AwardMention]) -> list[AwardMention]:
    """'Huy chương Chiến sĩ vẻ vang hạng Nhất cho 73 đồng chí ..., hạng Nhì cho 88 đồng chí và hạng
    Ba cho 120 đồng chí': each bare rank after an order or medal of ranks, in its sentence and with
    no other award between, names that award again at that rank."""
    if not any(m.entry.elided_ranks for m in out):
        return out
    extra = []
    for r in _ELIDED_RANK.finditer(mtext):
        s, e = base + r.start(), base + r.end()
        if any(m.start <= s < m.end for m in out):
            continue
        prev = [m for m in out if m.end <= s]
        if not prev or not prev[-1].entry.elided_ranks or s - prev[-1].end > _ELISION_GAP \
                or "." in mtext[prev[-1].end - base:r.start()].replace("..", ""):
            continue
        p = prev[-1]
        code = p.code
        if p.entry.ranked and code:
            code = f"{regex.sub(r'_[123]$', '', code)}_{RANKS[r.group('r')]}"
        extra.append(AwardMention(s, e, e, p.entry, code, p.level_from, p.granter_span))
    return sorted(out + extra, key=lambda m: m.start)


def resolve_level(mention: AwardMention, before: str, headings: list[str], base: Optional[int] = None) -> None:
    """Fill ``mention.code`` for a level-dependent award from the granter named
    before it (``before``: match text up to the mention, starting at absolute offset
    ``base`` when given, so the granter's span can be kept) or in the section
    headings (nearest first)."""
    if not mention.needs_level:
        return
    cat = catalog()
    levels = mention.entry.levels
    # names in brackets are honorees ("(Công đoàn ngành Giáo dục tỉnh; Liên đoàn Lao động huyện ...)"), not granters
    before = regex.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), before)
    near = cat.granters_in(before)
    if near:
        start, end, level, _ = near[-1]
        if level == "khac" and len(near) > 1 and near[-2][2] in levels and near[-2][2] != "khac" \
                and _JOINT_GRANTERS.fullmatch(before, near[-2][1], start):
            # "UBND TP Hải Phòng và LĐLĐ TP Hải Phòng tặng bằng khen": a body's award given jointly with an
            # organisation is the body's
            start, end, level, _ = near[-2]
        if level == "huyen" and "thành phố" in before[start:end] and "tinh" in levels:
            level = "tinh"  # "Ủy ban nhân dân Thành phố tặng Cờ thi đua": a city that is a province
        if level in levels:
            mention.code, mention.level_from = levels[level], "before"
            if base is not None:
                mention.granter_span = (base + start, base + end)
            return
    g = cat.last_granter(before, levels)
    if g and g[1] in levels:
        mention.code, mention.level_from = levels[g[1]], "before"
        if base is not None:
            hit = [x for x in cat.granters_in(before) if x[0] == g[0]]
            if hit:
                mention.granter_span = (base + hit[0][0], base + hit[0][1])
        return
    for h in headings:
        g = cat.last_granter(h, levels)
        if g and g[1] in levels:
            mention.code, mention.level_from = levels[g[1]], "heading"
            return
        if "nhà nước" in h and "chinh_phu" in levels:
            mention.code, mention.level_from = levels["chinh_phu"], "heading"
            return
    mention.code, mention.level_from = levels["default"], "default"
