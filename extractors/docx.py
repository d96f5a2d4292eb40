"""Reader for Word documents (.docx, Office Open XML).

Reads, in order:

* the body's paragraphs and tables in document order (the body element's
  children, including content controls); a paragraph's text is what Word shows:
  runs, ``w:br`` as a newline, field results, automatic list numbers
  (``1.``, ``a)``, ``-``), footnote references as superscript numbers (``¹``),
  tracked insertions kept and deletions dropped; text boxes follow the paragraph
  that anchors them;
* headings from Word heading styles (outline level) when present, else
  :func:`pipeline.layout.classify` with ``bold`` = every run with visible text
  is bold;
* tables row by row; a merged cell is read once: a horizontal merge is one cell
  with ``colspan``, a vertical merge gives its text to the first row and empty
  cells below; trailing empty cells of a row are dropped (as the text reader
  does); a table nested in a cell becomes its own table block right after the
  table that holds it;
* footnotes and endnotes as ``footnote`` blocks after the body, in reference
  order, each starting with its superscript number (``¹ ...``);
* page headers and footers as ``header`` / ``footer`` blocks after the
  footnotes, except those that are only a page number.

Nothing is written: the file is read into memory and opened as a ZIP archive.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Optional

from lxml import etree

from pipeline.document import DocumentBuilder
from pipeline.layout import classify
from pipeline.model import (EMPTY, FAILED, FOOTER, FOOTNOTE, HEADER, HEADING, NEEDS_OCR, Document,
                            ExtractError)

from .common import read_bytes
from .ooxml import MC_NS, PARSER, R_NS, W, NoteMarks, Numbering, Styles, paragraph_text, to_int, wattr

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PART_BYTES = 300 * 1024 * 1024
REL_OFFICE_DOC = "/officeDocument"
_PAGE_NUMBER_ONLY = re.compile(r"^[\s\d\-–—/.|()]*((trang|page)[\s\d\-–—/.|()]*)?$", re.I)

STRICT_NAMESPACES = [
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
]
BROKEN_ZIP = "Tệp .docx bị hỏng hoặc không phải tệp Word: nội dung không phải định dạng ZIP."


def is_encrypted_ole(data: bytes) -> bool:
    """An OLE compound file holding an encrypted Office package (a .docx with a password)."""
    return data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data


def password_error(ext: str = ".docx") -> ExtractError:
    return ExtractError(FAILED, f"Tệp Word ({ext}) được đặt mật khẩu: không đọc được nội dung. "
                                "Hãy mở bằng Word, bỏ mật khẩu, lưu lại rồi nạp lại.")


# --- the package ----------------------------------------------------------------
class Package:
    """Parts and relationships of an OPC (ZIP) package."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.names = {n.lstrip("/"): n for n in zf.namelist()}
        self.lower = {n.lower(): n for n in self.names}

    def has(self, name: str) -> bool:
        return name.lstrip("/").lower() in self.lower

    def read(self, name: str) -> Optional[bytes]:
        real = self.lower.get(name.lstrip("/").lower())
        if real is None:
            return None
        info = self.zf.getinfo(self.names[real])
        if info.file_size > MAX_PART_BYTES:
            raise ExtractError(FAILED, f"Tệp Word quá lớn để đọc: phần {real} vượt quá 300 MB khi giải nén.")
        try:
            return self.zf.read(info)
        except (zipfile.BadZipFile, zlib_error(), EOFError, ValueError, NotImplementedError):
            raise ExtractError(FAILED, f"Tệp .docx bị hỏng: không giải nén được phần {real}.")

    def xml(self, name: str):
        data = self.read(name)
        if data is None:
            return None
        if b"purl.oclc.org/ooxml/" in data:      # "Strict Open XML": the same schema, other names
            for strict, transitional in STRICT_NAMESPACES:
                data = data.replace(strict, transitional)
        try:
            return etree.fromstring(data, PARSER)
        except etree.XMLSyntaxError:
            raise ExtractError(FAILED, f"Tệp .docx bị hỏng: phần {name} không phải XML hợp lệ.")

    def rels(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part name) of a part's internal relationships."""
        d, base = posixpath.split(part.lstrip("/"))
        root = self.xml(posixpath.join(d, "_rels", base + ".rels"))
        out = []
        if root is None:
            return out
        for rel in root:
            if rel.get("TargetMode") == "External" or not rel.get("Target"):
                continue
            target = rel.get("Target")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(d, target))
            out.append((rel.get("Id") or "", rel.get("Type") or "", name))
        return out

    def main_part(self) -> Optional[str]:
        for _, typ, name in self.rels(""):
            if typ.endswith(REL_OFFICE_DOC) and self.has(name):
                return name
        return "word/document.xml" if self.has("word/document.xml") else None


def zlib_error():
    import zlib
    return zlib.error


def open_package(data: bytes, ext: str = ".docx") -> Package:
    if data.startswith(OLE_MAGIC):
        if is_encrypted_ole(data):
            raise password_error(ext)
        raise ExtractError(FAILED, "Tệp có đuôi .docx nhưng là tệp Word 97-2003 (.doc); hãy đổi đuôi thành .doc.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        if data.startswith(b"PK"):
            raise ExtractError(FAILED, "Tệp .docx bị hỏng: tệp nén ZIP không đọc được (có thể bị cắt cụt).")
        raise ExtractError(FAILED, BROKEN_ZIP)
    return Package(zf)


# --- reading ----------------------------------------------------------------------
class _Reader:
    def __init__(self, pkg: Package, main: str, builder: DocumentBuilder):
        self.pkg = pkg
        self.main = main
        self.b = builder
        rels = pkg.rels(main)
        self.rel_by_id = {rid: name for rid, _, name in rels}
        by_type = {}
        for _, typ, name in rels:
            by_type.setdefault(typ.rsplit("/", 1)[-1], name)
        styles_xml = pkg.read(by_type["styles"]) if "styles" in by_type else None
        self.styles = Styles.parse(styles_xml)
        main_xml = pkg.read(main) or b""
        self.styles.legacy_fonts = any(m in xml for xml in (main_xml, styles_xml or b"") for m in (b'".Vn', b'"VNI'))
        self.numbering = Numbering(pkg.read(by_type["numbering"]) if "numbering" in by_type else None)
        self.notes_parts = {kind: by_type.get(kind + "s") for kind in ("footnote", "endnote")}
        self.marks = NoteMarks()
        self.images = 0
        self.warnings: list[str] = []
        if self.styles.broken or self.numbering.broken:
            self.warnings.append("Phần định dạng của tệp Word (styles.xml/numbering.xml) bị hỏng: đã đọc nội dung "
                                 "nhưng không dùng được kiểu tiêu đề và số thứ tự tự động.")

    # body ---------------------------------------------------------------
    def block(self, el) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == W + "p":
            self.paragraph(el)
        elif tag == W + "tbl":
            self.table(el)
        elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo"):
            for ch in el:
                self.block(ch)
        elif tag == "{%s}AlternateContent" % MC_NS:
            branch = el.find("{%s}Choice" % MC_NS)
            for ch in (branch if branch is not None else []):
                self.block(ch)
        elif tag == W + "altChunk":
            self.warnings.append("Tài liệu có nội dung nhúng (altChunk) chưa đọc được.")

    def para_text(self, p) -> tuple[str, bool, list]:
        pt = paragraph_text(p, self.styles, self.marks)
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        pstyle = wattr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        num_id, ilvl = self.styles.numbering(pstyle or self.styles.default_para)
        if numpr is not None:     # the paragraph's own numbering, each part falling back on its style's
            num_id = wattr(numpr.find(W + "numId"), "val") or num_id
            ilvl = to_int(wattr(numpr.find(W + "ilvl"), "val"), ilvl)
        label = self.numbering.label(num_id, ilvl) if num_id else ""
        if p.find(f".//{W}drawing") is not None or p.find(f".//{W}pict") is not None:
            self.images += 1
        text = pt.text
        if label and text.strip():
            text = label + text.lstrip()
        return text, pt.bold, pt.boxes

    def heading_level(self, p) -> Optional[int]:
        ppr = p.find(W + "pPr")
        if ppr is None:
            lvl = self.styles.outline(self.styles.default_para)
        else:
            own = wattr(ppr.find(W + "outlineLvl"), "val")
            if own is not None and own.isdigit():
                lvl = int(own)
            else:
                lvl = self.styles.outline(wattr(ppr.find(W + "pStyle"), "val") or self.styles.default_para)
        if lvl is None or lvl > 8:
            return None
        return min(lvl + 1, 5)

    def paragraph(self, p) -> None:
        text, bold, boxes = self.para_text(p)
        if text.strip():
            level = self.heading_level(p)
            if level is not None:
                kind = HEADING
            else:
                kind, level = classify(text.strip(), bold)
            self.b.add(kind, text, level=level, bold=bold)
        for box in boxes:
            for ch in box:
                self.block(ch)

    # tables -------------------------------------------------------------
    def table(self, tbl) -> None:
        nested: list = []
        rows: list[list[tuple[str, int]]] = []
        for tr in _children(tbl, W + "tr"):
            cells: list[tuple[str, int]] = []
            trpr = tr.find(W + "trPr")
            before = max(0, to_int(wattr(trpr.find(W + "gridBefore"), "val"))) if trpr is not None else 0
            if before:
                cells.append(("", before))
            for tc in _children(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                span = 1
                cont = False
                if tcpr is not None:
                    gs = wattr(tcpr.find(W + "gridSpan"), "val")
                    span = int(gs) if gs and gs.isdigit() and int(gs) > 0 else 1
                    vm = tcpr.find(W + "vMerge")
                    cont = vm is not None and (wattr(vm, "val") or "continue") != "restart"
                    if tcpr.find(W + "hMerge") is not None and wattr(tcpr.find(W + "hMerge"), "val") != "restart":
                        continue   # legacy horizontal merge: the first cell holds the text
                cells.append(("" if cont else self.cell_text(tc, nested), span))
            while cells and not cells[-1][0].strip():
                cells.pop()
            rows.append(cells)
        self.b.add_table(rows)
        for t in nested:
            self.table(t)

    def cell_text(self, tc, nested: list) -> str:
        lines: list[str] = []

        def walk(el):
            for ch in el:
                if ch.tag == W + "p":
                    text, _, boxes = self.para_text(ch)
                    lines.append(text)
                    for box in boxes:
                        walk(box)
                elif ch.tag == W + "tbl":
                    nested.append(ch)
                elif ch.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                    walk(ch)
        walk(tc)
        return "\n".join(x.strip() for x in lines if x.strip())

    # notes, headers, footers -------------------------------------------
    def notes(self) -> None:
        parts = {kind: self.pkg.xml(name) if name else None for kind, name in self.notes_parts.items()}
        by_id = {}
        for kind, root in parts.items():
            if root is None:
                continue
            for fn in root.iter(W + kind):
                if wattr(fn, "type") in (None, "normal"):
                    by_id[(kind, wattr(fn, "id") or "")] = fn
        # a footnote may reference another note only rarely; iterate over a snapshot
        for key in list(self.marks.order):
            fn = by_id.get(key)
            if fn is None:
                continue
            mark = self.marks.mark[key]
            paras = [paragraph_text(p, self.styles, None, note_mark=mark).text.strip() for p in fn.iter(W + "p")]
            text = "\n".join(x for x in paras if x)
            if not text.startswith(mark):
                text = f"{mark} {text}"
            elif not text[len(mark):len(mark) + 1].isspace():
                text = f"{mark} {text[len(mark):]}"
            self.b.add(FOOTNOTE, text)

    def headers_footers(self, body) -> None:
        seen: set[str] = set()
        for kind, tag in ((HEADER, "headerReference"), (FOOTER, "footerReference")):
            texts = []
            for ref in body.iter(W + tag):
                name = self.rel_by_id.get(ref.get("{%s}id" % R_NS) or "")
                if not name or name in seen:
                    continue
                seen.add(name)
                root = self.pkg.xml(name)
                if root is None:
                    continue
                lines = [self.para_text(p)[0].strip() for p in root.iter(W + "p")]
                text = "\n".join(x for x in lines if x)
                if text and not _PAGE_NUMBER_ONLY.match(text) and text not in texts:
                    texts.append(text)
            for text in texts:
                self.b.add(kind, text)


def _children(el, tag: str):
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for ch in el:
        if ch.tag == tag:
            yield ch
        elif ch.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(ch, tag)


def read_docx(path: str, *, fmt: str = "docx", shown_path: Optional[str] = None, ext: str = ".docx") -> Document:
    """Read the .docx at ``path``; the Document records ``shown_path`` (default ``path``)."""
    data = read_bytes(path)
    if ext == ".docx" and data.startswith(OLE_MAGIC) and not is_encrypted_ole(data):
        from . import doc as doc_reader   # a Word 97 file with a .docx name
        d = doc_reader.extract(path, suffix=".doc")
        d.warnings.append("Tệp có đuôi .docx nhưng là tệp Word 97-2003 (.doc); đã đọc như tệp .doc.")
        return d
    pkg = open_package(data, ext)
    main = pkg.main_part()
    if main is None:
        raise ExtractError(FAILED, "Tệp nén ZIP này không phải tài liệu Word: không có phần nội dung chính "
                                   "(word/document.xml).")
    root = pkg.xml(main)
    body = root.find(W + "body") if root is not None else None
    if body is None:
        raise ExtractError(FAILED, "Tệp .docx bị hỏng: phần nội dung chính không có thân văn bản (w:body).")
    b = DocumentBuilder(shown_path or path, fmt)
    try:
        r = _Reader(pkg, main, b)
        for el in body:
            r.block(el)
        if b.empty:
            if r.images:
                raise ExtractError(NEEDS_OCR, "Tài liệu Word chỉ có hình ảnh, không có chữ: cần OCR để đọc nội dung.")
            raise ExtractError(EMPTY, "Tài liệu Word không có nội dung văn bản.")
        for part, step in (("chú thích", r.notes), ("đầu trang/chân trang", lambda: r.headers_footers(body))):
            try:
                step()
            except ExtractError as e:
                if e.status != FAILED:
                    raise
                r.warnings.append(f"Phần {part} của tệp Word bị hỏng, chưa đọc được: {e.message}")
    except (ValueError, KeyError, IndexError, RecursionError) as e:
        raise ExtractError(FAILED, f"Tệp .docx bị hỏng: nội dung không đúng cấu trúc tài liệu Word "
                                   f"({type(e).__name__}).")
    b.warnings.extend(r.warnings)
    return b.build()


def extract(path: str) -> Document:
    return read_docx(path)
