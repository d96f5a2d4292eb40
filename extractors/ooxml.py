"""WordprocessingML helpers for the .docx reader: styles, list numbering and the
text of one paragraph as Word shows it.

Only reading: the XML is parsed with a parser that resolves no entities and
fetches nothing from the network.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from lxml import etree

from . import legacy_fonts

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "{%s}" % W_NS

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def w(tag: str) -> str:
    return W + tag


def wattr(el, name: str) -> Optional[str]:
    return None if el is None else el.get(W + name)


def on(el) -> Optional[bool]:
    """A toggle property (<w:b/>, <w:b w:val="0"/>): None when absent."""
    if el is None:
        return None
    return (el.get(W + "val") or "true").lower() not in ("0", "false", "off", "none")


def to_int(value: Optional[str], default: int = 0) -> int:
    """An integer attribute, or ``default`` when it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def superscript(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(d)] for d in str(n))


# --- styles ----------------------------------------------------------------
@dataclass
class Style:
    style_id: str
    name: str = ""
    based_on: Optional[str] = None
    bold: Optional[bool] = None
    font: Optional[str] = None           # the font for Latin text (w:hAnsi, else w:ascii)
    outline: Optional[int] = None        # 0-based outline level
    num_id: Optional[str] = None
    num_ilvl: int = 0


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    default_para: Optional[str] = None
    default_bold: bool = False
    default_font: Optional[str] = None
    legacy_fonts: bool = False           # the document may use TCVN3 fonts (.VnTime): convert runs
    broken: bool = False                 # styles.xml could not be parsed: read without styles

    @classmethod
    def parse(cls, xml: Optional[bytes]) -> "Styles":
        out = cls()
        if not xml:
            return out
        try:
            root = etree.fromstring(xml, PARSER)
        except etree.XMLSyntaxError:
            out.broken = True
            return out
        out.default_bold = bool(on(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}b")))
        out.default_font = run_font_attr(root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        for st in root.iter(W + "style"):
            sid = wattr(st, "styleId") or ""
            s = Style(sid, name=(wattr(st.find(W + "name"), "val") or "").lower(),
                      based_on=wattr(st.find(W + "basedOn"), "val"),
                      bold=on(st.find(f"{W}rPr/{W}b")), font=run_font_attr(st.find(W + "rPr")))
            lvl = wattr(st.find(f"{W}pPr/{W}outlineLvl"), "val")
            if lvl is not None and lvl.isdigit() and int(lvl) < 9:
                s.outline = int(lvl)
            else:
                m = re.fullmatch(r"heading\s*(\d)", s.name)
                if m:
                    s.outline = int(m.group(1)) - 1
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                s.num_id = wattr(numpr.find(W + "numId"), "val")
                s.num_ilvl = to_int(wattr(numpr.find(W + "ilvl"), "val"))
            out.by_id[sid] = s
            if st.get(W + "type") == "paragraph" and (st.get(W + "default") or "").lower() in ("1", "true", "on"):
                out.default_para = sid
        return out

    def chain(self, sid: Optional[str]) -> Iterator[Style]:
        seen = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = st.based_on

    def bold(self, sid: Optional[str]) -> Optional[bool]:
        for st in self.chain(sid):
            if st.bold is not None:
                return st.bold
        return None

    def font(self, sid: Optional[str]) -> Optional[str]:
        for st in self.chain(sid):
            if st.font is not None:
                return st.font
        return None

    def outline(self, sid: Optional[str]) -> Optional[int]:
        for st in self.chain(sid):
            if st.outline is not None:
                return st.outline
        return None

    def numbering(self, sid: Optional[str]) -> tuple[Optional[str], int]:
        for st in self.chain(sid):
            if st.num_id is not None:
                return st.num_id, st.num_ilvl
        return None, 0


def run_font_attr(rpr) -> Optional[str]:
    """The font named in an rPr for Latin text (theme fonts are not legacy fonts)."""
    if rpr is None:
        return None
    rf = rpr.find(W + "rFonts")
    if rf is None:
        return None
    return rf.get(W + "hAnsi") or rf.get(W + "ascii")


# --- list numbering --------------------------------------------------------------
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letter(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"


class Numbering:
    """Renders the automatic number of a list paragraph (``1.``, ``a)``, ``-``)."""

    def __init__(self, xml: Optional[bytes]):
        self.levels: dict[str, dict[int, Level]] = {}
        self.abstract_of: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.broken = False
        if not xml:
            return
        try:
            root = etree.fromstring(xml, PARSER)
        except etree.XMLSyntaxError:
            self.broken = True
            return
        abstract: dict[str, dict[int, Level]] = {}
        for an in root.iter(W + "abstractNum"):
            lv = {}
            for lvl in an.iter(W + "lvl"):
                i = to_int(wattr(lvl, "ilvl"))
                lv[i] = Level(fmt=wattr(lvl.find(W + "numFmt"), "val") or "decimal",
                              text=wattr(lvl.find(W + "lvlText"), "val") or "",
                              start=to_int(wattr(lvl.find(W + "start"), "val"), 1),
                              suffix=wattr(lvl.find(W + "suff"), "val") or "tab")
            abstract[wattr(an, "abstractNumId") or ""] = lv
        for num in root.iter(W + "num"):
            nid = wattr(num, "numId") or ""
            aid = wattr(num.find(W + "abstractNumId"), "val") or ""
            self.levels[nid] = abstract.get(aid, {})
            self.abstract_of[nid] = aid
            for ov in num.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    self.overrides.setdefault(nid, {})[to_int(wattr(ov, "ilvl"))] = to_int(wattr(so, "val"), 1)

    def label(self, num_id: Optional[str], ilvl: int) -> str:
        """The label for the next paragraph of list ``num_id`` at level ``ilvl``."""
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        # list instances of one abstract list continue each other's numbers, unless
        # an instance restarts them (a start override): then it counts on its own
        key = num_id if num_id in self.overrides else self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, {})
        start = self.overrides.get(num_id, {}).get(ilvl, lvl.start)
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if lvl.fmt == "bullet":
            ch = lvl.text.strip()
            label = ch if ch and ch.isprintable() and not ("\ue000" <= ch[0] <= "\uf8ff") and ch in "-–—+•·*○◦▪●" \
                else "-"
        else:
            def sub(m: re.Match) -> str:
                k = int(m.group(1)) - 1
                other = levels.get(k, Level())
                n = counts.get(k, other.start)
                return format_number(n, other.fmt if k != ilvl else lvl.fmt)
            label = re.sub(r"%(\d)", sub, lvl.text)
        if not label:
            return ""
        return label + ("" if lvl.suffix == "nothing" else " ")


# --- paragraph text ----------------------------------------------------------------
@dataclass
class ParaText:
    text: str
    bold: bool                       # every run with visible text is bold
    boxes: list = field(default_factory=list)   # w:txbxContent elements found inside


class NoteMarks:
    """Numbers footnote/endnote references in the order they appear."""

    def __init__(self):
        self.order: list[tuple[str, str]] = []   # (kind, id)
        self.mark: dict[tuple[str, str], str] = {}

    def ref(self, kind: str, nid: str) -> str:
        key = (kind, nid)
        if key not in self.mark:
            self.order.append(key)
            self.mark[key] = superscript(sum(1 for k, _ in self.order if k == kind))
        return self.mark[key]


_SKIP = {w("del"), w("moveFrom"), w("instrText"), w("delText"), w("delInstrText"), w("rPr"), w("pPr"),
         w("fldData"), w("bookmarkStart"), w("bookmarkEnd"), w("proofErr"), w("commentReference"),
         w("annotationRef"), w("lastRenderedPageBreak")}


def paragraph_text(p, styles: Styles, notes: Optional[NoteMarks] = None, note_mark: str = "") -> ParaText:
    """The paragraph as Word shows it: runs, tabs and breaks, field results (not
    their codes), footnote references as superscript numbers, no deleted text.
    Text boxes inside it are returned in ``boxes`` for the caller to read."""
    parts: list[str] = []
    bold_flags: list[bool] = []
    boxes: list = []
    pstyle = wattr(p.find(f"{W}pPr/{W}pStyle"), "val") or styles.default_para
    para_bold = styles.bold(pstyle)
    para_bold = styles.default_bold if para_bold is None else para_bold
    field_depth: list[bool] = []      # per open field: True while in its code part

    def in_code() -> bool:
        return any(field_depth)

    def run_bold(r) -> bool:
        rpr = r.find(W + "rPr")
        b = on(rpr.find(W + "b")) if rpr is not None else None
        if b is None and rpr is not None:
            b = styles.bold(wattr(rpr.find(W + "rStyle"), "val"))
        return para_bold if b is None else b

    def run_font(r) -> Optional[str]:
        rpr = r.find(W + "rPr") if r is not None else None
        return (run_font_attr(rpr)
                or (styles.font(wattr(rpr.find(W + "rStyle"), "val")) if rpr is not None else None)
                or styles.font(pstyle) or styles.default_font)

    def emit(text: str, r) -> None:
        if not text:
            return
        if styles.legacy_fonts:
            text = legacy_fonts.convert(text, run_font(r))
        parts.append(text)
        if text.strip():
            bold_flags.append(run_bold(r))

    def walk(el, run=None):
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "r":
                walk(ch, ch)
            elif tag == W + "fldChar":
                kind = wattr(ch, "fldCharType")
                if kind == "begin":
                    field_depth.append(True)
                elif kind == "separate" and field_depth:
                    field_depth[-1] = False
                elif kind == "end" and field_depth:
                    field_depth.pop()
            elif in_code():
                continue
            elif tag == W + "t":
                emit(ch.text or "", run)
            elif tag in (W + "tab", W + "ptab"):
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                emit("-", run)
            elif tag == W + "sym":
                code = wattr(ch, "char") or ""
                try:
                    c = chr(int(code, 16))
                except (ValueError, OverflowError):
                    c = ""
                if c and not ("\ue000" <= c <= "\uf8ff"):
                    emit(c, run)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                if on(ch.find(W + "customMarkFollows")) or wattr(ch, "customMarkFollows") in ("1", "true"):
                    continue
                if notes is not None:
                    kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                    emit(notes.ref(kind, wattr(ch, "id") or ""), run)
            elif tag in (W + "footnoteRef", W + "endnoteRef"):
                emit(note_mark, run)
            elif tag == W + "txbxContent":
                boxes.append(ch)
            elif tag == "{%s}AlternateContent" % MC_NS:
                branch = ch.find("{%s}Choice" % MC_NS)
                if branch is None:
                    branch = ch.find("{%s}Fallback" % MC_NS)
                if branch is not None:
                    walk(branch, run)
            elif tag == "{%s}t" % M_NS:
                emit(ch.text or "", run)
            else:
                walk(ch, run)   # hyperlink, ins, smartTag, sdt, fldSimple, drawing, pict, math, ...

    walk(p)
    text = "".join(parts)
    return ParaText(text, bool(bold_flags) and all(bold_flags), boxes)
