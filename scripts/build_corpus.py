#!/usr/bin/env python3
"""Build the sample corpus from the seed reports (run once; the outputs are committed).

For each seed ``<stem>.txt`` (default: ``../shared/seeds``) this writes, under
``corpus/``:

* ``<stem>.txt``  - a copy of the seed;
* ``<stem>.docx`` - built from :func:`extractors.txt.parse_blocks`, so its blocks
  are the text reader's blocks by construction: real paragraphs (whole-bold
  lines bold, ``**x**`` bold runs, ``*x*`` italic runs), the title lines
  centred, headings bold (seeds listed in ``HEADING_STYLE_SEEDS`` use Word's
  Heading styles instead, so both reader paths are exercised), real Word tables
  with merged cells (a two-row header gets a horizontally merged top cell and
  vertically merged cells beside it), the seed's ``¹ ...`` lines as real Word
  footnotes (``word/footnotes.xml`` written with lxml) referenced from the body,
  and a page-number field in the page header;
* ``<stem>.pdf``  - the .docx printed by LibreOffice;
* ``<stem>.doc``  - the .docx saved as Word 97 by LibreOffice.

usage: scripts/build_corpus.py [--seeds DIR] [--out DIR] [--no-soffice]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document as new_docx  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.opc.constants import CONTENT_TYPE as CT  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402
from lxml import etree  # noqa: E402

from extractors.txt import SUPERSCRIPTS, TextBlock, parse_blocks  # noqa: E402
from pipeline.model import FOOTNOTE, HEADING, TABLE  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FONT = "Times New Roman"
HEADING_STYLE_SEEDS = ("001", "004")   # seeds whose headings use Word Heading styles
DOC_TYPES = ("BÁO CÁO", "HƯỚNG DẪN", "KẾ HOẠCH", "TỜ TRÌNH", "QUYẾT ĐỊNH", "CÔNG VĂN")
TEXT_WIDTH_CM = 16.0


@dataclass
class Layout:
    """Page layout of a built .docx (the corpus uses the defaults; tests vary them)."""
    size: float = 13            # body font size, pt
    space_after: float = 6      # between paragraphs, pt
    line_spacing: float = 1.1
    running_header: str = ""    # text repeated at the top of every page but the first


# --- styles ------------------------------------------------------------------
def _set_fonts(rpr_owner, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Explicit Times New Roman on a style (theme fonts removed), black."""
    font = rpr_owner.font
    font.name = FONT
    rpr = rpr_owner.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(a), FONT)
    font.color.rgb = RGBColor(0, 0, 0)
    color = rpr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attr), None)
    if size_pt:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    font.italic = False


def _setup_styles(doc, layout: Layout) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _set_fonts(normal, layout.size)
    normal.paragraph_format.space_after = Pt(layout.space_after)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = layout.line_spacing
    for lvl in range(1, 6):
        st = styles[f"Heading {lvl}"]
        _set_fonts(st, layout.size, bold=True)
        st.paragraph_format.space_before = Pt(layout.space_after)
        st.paragraph_format.space_after = Pt(layout.space_after)
    ft = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    ft.base_style = normal
    ft.font.size = Pt(10)
    ft.paragraph_format.space_after = Pt(0)
    ft.paragraph_format.line_spacing = 1.0
    fr = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    fr.font.superscript = True
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.header_distance = Cm(1)
    if layout.running_header:
        _running_header(section, layout.running_header)
    else:
        _page_number_header(section)


def _field_runs(paragraph, instr: str, shown: str) -> None:
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", shown), ("end", None)):
        r = paragraph.add_run()
        if kind == "instr":
            el = etree.SubElement(r._r, qn("w:instrText"))
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = text
        elif kind == "text":
            r.add_text(text)
        else:
            fc = etree.SubElement(r._r, qn("w:fldChar"))
            fc.set(qn("w:fldCharType"), kind)


def _page_number_header(section) -> None:
    """A centred PAGE field in the header, none on the first page (the usual layout)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field_runs(p, " PAGE ", "2")


def _running_header(section, text: str) -> None:
    """A running header (text, right-aligned) and a centred ``Trang N`` footer."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = p.add_run(text)
    r.italic = True
    r.font.size = Pt(10)
    f = section.footer.paragraphs[0]
    f.alignment = WD_ALIGN_PARAGRAPH.CENTER
    f.add_run("Trang ")
    _field_runs(f, " PAGE ", "2")


# --- inline markup -------------------------------------------------------------
def markup_runs(raw: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) runs of a seed line: ``**`` toggles bold, a ``*`` that
    opens or closes an emphasis (not inside a word) toggles italic."""
    runs: list[tuple[str, bool, bool]] = []
    bold = italic = False
    buf: list[str] = []

    def flush():
        if buf:
            runs.append(("".join(buf), bold, italic))
            buf.clear()

    i, n = 0, len(raw)
    while i < n:
        if raw.startswith("**", i):
            flush()
            bold = not bold
            i += 2
            continue
        c = raw[i]
        if c == "*":
            prev = raw[i - 1] if i else " "
            nxt = raw[i + 1] if i + 1 < n else " "
            opens = not italic and not (prev.isalnum()) and not nxt.isspace()
            closes = italic and not prev.isspace() and not nxt.isalnum()
            if opens or closes:
                flush()
                italic = not italic
                i += 1
                continue
        buf.append(c)
        i += 1
    flush()
    # trim outer whitespace
    out = [r for r in runs if r[0]]
    if out:
        out[0] = (out[0][0].lstrip(), *out[0][1:])
        out[-1] = (out[-1][0].rstrip(), *out[-1][1:])
    return [r for r in out if r[0]]


def block_runs(tb: TextBlock) -> list[tuple[str, bool, bool]]:
    """Runs whose texts concatenate to exactly ``tb.text``; whole-bold blocks are bold."""
    runs = markup_runs(tb.raw) if tb.raw else []
    if "".join(r[0] for r in runs) != tb.text:
        runs = [(tb.text, tb.bold, False)]
    if tb.bold:
        runs = [(t, True, it) for t, _, it in runs]
    return runs


# --- footnotes ---------------------------------------------------------------
def _sup_to_int(mark: str) -> int:
    return int("".join(str(SUPERSCRIPTS.index(c)) for c in mark))


def footnote_refs(blocks: list[TextBlock]) -> dict[tuple[int, int], int]:
    """(block index, offset in text) of each footnote reference -> footnote number.

    Footnote k's reference is the first superscript mark ``k`` in the body after
    the previous reference that is not a unit exponent (``km²``, ``m³``)."""
    notes = [b for b in blocks if b.kind == FOOTNOTE]
    refs: dict[tuple[int, int], int] = {}
    cursor = (0, 0)
    for fn in notes:
        mark = re.match(rf"[{SUPERSCRIPTS}]+", fn.text).group(0)
        found = None
        for bi, b in enumerate(blocks):
            if b.kind in (FOOTNOTE, TABLE) or bi < cursor[0]:
                continue
            for m in re.finditer(re.escape(mark) + rf"(?![{SUPERSCRIPTS}])", b.text):
                pos = m.start()
                if (bi, pos) < cursor or (pos and b.text[pos - 1] in "mM") or (pos and b.text[pos - 1] in SUPERSCRIPTS):
                    continue
                found = (bi, pos)
                break
            if found:
                break
        if not found:
            raise SystemExit(f"no reference in the body for footnote {fn.text[:40]!r}")
        refs[found] = _sup_to_int(mark)
        cursor = (found[0], found[1] + 1)
    return refs


def _footnotes_xml(notes: list[tuple[int, str]]) -> bytes:
    W = "{%s}" % W_NS
    root = etree.Element(W + "footnotes", nsmap={"w": W_NS, "r": R_NS})
    for fid, kind in ((-1, "separator"), (0, "continuationSeparator")):
        fn = etree.SubElement(root, W + "footnote", {W + "type": kind, W + "id": str(fid)})
        p = etree.SubElement(fn, W + "p")
        ppr = etree.SubElement(p, W + "pPr")
        etree.SubElement(ppr, W + "spacing", {W + "after": "0", W + "line": "240", W + "lineRule": "auto"})
        r = etree.SubElement(p, W + "r")
        etree.SubElement(r, W + kind)
    for fid, text in notes:
        fn = etree.SubElement(root, W + "footnote", {W + "id": str(fid)})
        p = etree.SubElement(fn, W + "p")
        ppr = etree.SubElement(p, W + "pPr")
        etree.SubElement(ppr, W + "pStyle", {W + "val": "FootnoteText"})
        etree.SubElement(ppr, W + "jc", {W + "val": "both"})
        r = etree.SubElement(p, W + "r")
        rpr = etree.SubElement(r, W + "rPr")
        etree.SubElement(rpr, W + "rStyle", {W + "val": "FootnoteReference"})
        etree.SubElement(r, W + "footnoteRef")
        r = etree.SubElement(p, W + "r")
        t = etree.SubElement(r, W + "t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = " " + text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_footnote_ref(paragraph, fid: int) -> None:
    r = paragraph.add_run()
    r.style = "Footnote Reference"
    etree.SubElement(r._r, qn("w:footnoteReference")).set(qn("w:id"), str(fid))


def _attach_footnotes(doc, notes: list[tuple[int, str]]) -> None:
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, _footnotes_xml(notes), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


# --- tables --------------------------------------------------------------------
def _col_widths(rows: list[list[str]], ncols: int) -> list[float]:
    """Column widths (cm): every column fits its longest unbreakable token, the rest
    of the text width goes to the columns with the most text."""
    char_cm = 0.24                      # one character at 12 pt, roughly
    need = [1.0] * ncols
    mass = [1.0] * ncols
    for r in rows:
        for c, t in enumerate(r):
            tokens = re.split(r"\s+", t)
            longest = max((len(x) for x in tokens), default=0)
            need[c] = max(need[c], longest * char_cm + 0.45)
            mass[c] += min(len(t), 80)
    spare = TEXT_WIDTH_CM - sum(need)
    if spare <= 0:
        return [w * TEXT_WIDTH_CM / sum(need) for w in need]
    total = sum(mass)
    return [w + spare * m / total for w, m in zip(need, mass)]


def two_row_header(rows: list[list[str]], ncols: int) -> int | None:
    """k when rows 0-1 are a two-row header: row 0 has k+1 cells, the last spanning
    the columns k.. of row 1, whose first k cells are empty."""
    if len(rows) < 2:
        return None
    r0, r1 = rows[0], rows[1]
    k = len(r0) - 1
    if len(r1) == ncols and 0 < k < ncols - 1 and all(not c for c in r1[:k]) and all(r1[k:]) and all(r0):
        return k
    return None


def add_table(doc, rows: list[list[str]]) -> None:
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.style = "Table Grid"
    table.autofit = False
    widths = _col_widths(rows, ncols)
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            cell.width = Cm(widths[c])
    texts: dict[tuple[int, int], str] = {}
    k = two_row_header(rows, ncols)
    body_from = 0
    if k is not None:
        top = table.cell(0, k).merge(table.cell(0, ncols - 1))
        texts[(0, k)] = rows[0][k]
        for c in range(k):
            table.cell(0, c).merge(table.cell(1, c))
            texts[(0, c)] = rows[0][c]
        for c in range(k, ncols):
            texts[(1, c)] = rows[1][c]
        _ = top
        body_from = 2
    for ri in range(body_from, len(rows)):
        r = rows[ri]
        if len(r) == 2 and ncols >= 4 and ri > 0 and r[1]:
            # a section row ("9 | Chỉ tiêu văn hóa:") spans the remaining columns
            table.cell(ri, 1).merge(table.cell(ri, ncols - 1))
        for c, t in enumerate(r):
            texts[(ri, c)] = t
    header_rows = 2 if k is not None else 1
    for (ri, c), t in texts.items():
        cell = table.cell(ri, c)
        p = cell.paragraphs[0]
        run = p.add_run(t)
        run.font.size = Pt(12)
        if ri < header_rows and len(rows) > 2 and ncols > 2:
            run.bold = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.line_spacing = 1.0


# --- the document ----------------------------------------------------------------
def _title_end(blocks: list[TextBlock]) -> int:
    """Index just past the title lines (number, date, document type, title)."""
    for i, b in enumerate(blocks[:8]):
        if b.text.strip().upper() in DOC_TYPES:
            return i + 2
    return 0


def build_docx(seed_text: str, out: Path, heading_styles: bool = False, layout: Layout | None = None) -> None:
    blocks = parse_blocks(seed_text)
    doc = new_docx()
    _setup_styles(doc, layout or Layout())
    refs = footnote_refs(blocks)
    title_end = _title_end(blocks)
    notes: list[tuple[int, str]] = []
    for bi, tb in enumerate(blocks):
        if tb.kind == TABLE:
            add_table(doc, tb.rows)
            continue
        if tb.kind == FOOTNOTE:
            mark = re.match(rf"[{SUPERSCRIPTS}]+", tb.text).group(0)
            notes.append((_sup_to_int(mark), tb.text[len(mark):].lstrip()))
            continue
        is_heading = tb.kind == HEADING
        p = doc.add_paragraph(style=f"Heading {min(tb.level or 5, 5)}" if is_heading and heading_styles else None)
        if bi < title_end:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif is_heading:
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
        runs = block_runs(tb)
        cuts = sorted((pos, fid) for (b2, pos), fid in refs.items() if b2 == bi)
        offset = 0
        for text, bold, italic in runs:
            pieces = []
            start = 0
            for pos, fid in cuts:
                if offset <= pos < offset + len(text):
                    mark_len = len(str(fid))
                    pieces.append((text[start:pos - offset], None))
                    pieces.append(("", fid))
                    start = pos - offset + mark_len
            pieces.append((text[start:], None))
            for piece, fid in pieces:
                if fid is not None:
                    _add_footnote_ref(p, fid)
                elif piece:
                    r = p.add_run(piece)
                    r.bold = bold or (is_heading and not heading_styles) or None
                    r.italic = italic or None
            offset += len(text)
    if notes:
        _attach_footnotes(doc, notes)
    doc.core_properties.title = blocks[title_end - 1].text if title_end else ""
    doc.core_properties.author = "tdkt corpus builder"
    doc.save(str(out))


# --- LibreOffice -----------------------------------------------------------------
def soffice_convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert with a private LibreOffice profile; returns the new file."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise SystemExit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="tdkt-lo-") as prof, tempfile.TemporaryDirectory() as tmp:
        cmd = [exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", tmp, str(src)]
        subprocess.run(cmd, check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        produced = Path(tmp) / (src.stem + "." + fmt.split(":")[0])
        if not produced.exists():
            raise SystemExit(f"LibreOffice did not write {produced.name}")
        dest = outdir / produced.name
        shutil.copyfile(produced, dest)
        return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--out", default=str(ROOT / "corpus"))
    ap.add_argument("--no-soffice", action="store_true", help="only .txt and .docx")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    seeds = sorted(Path(a.seeds).glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {a.seeds}")
    for seed in seeds:
        stem = seed.stem
        shutil.copyfile(seed, out / f"{stem}.txt")
        text = seed.read_text(encoding="utf-8")
        docx_path = out / f"{stem}.docx"
        build_docx(text, docx_path, heading_styles=stem[:3] in HEADING_STYLE_SEEDS)
        print("wrote", docx_path)
        if not a.no_soffice:
            print("wrote", soffice_convert(docx_path, "pdf", out))
            print("wrote", soffice_convert(docx_path, "doc:MS Word 97", out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
