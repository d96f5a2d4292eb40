"""Award tables: counts laid out in a grid.

Two shapes are common, and both are read the same way — every numeric cell
takes its award, recipient, period and subject from its row header and its
column header:

* rows are awards, columns are recipients::

      TT | Hình thức khen thưởng            | Tập thể | Cá nhân | Cộng
      1  | Bằng khen của Thủ tướng Chính phủ | 01      | 01      | 02

* rows are years (or units), columns are awards::

      Năm  | Cờ thi đua của UBND tỉnh | Bằng khen của Chủ tịch UBND tỉnh (cá nhân) | ...
      2016 | 38                       | 986

Total columns (``Cộng``) are skipped; a total row (``Tổng cộng``) is kept when
its columns name one award each, with the period spanning the rows' years.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from pipeline.model import TABLE, Block, Cell, Fact, Row
from pipeline.normalize import match_form

from . import numbers as nums
from .analysis import Analysis
from .catalog import AwardMention, award_mentions, catalog, resolve_level
from .context import Period, _outside_parens, _pick, cell_period, period_mentions, status_at
from .subjects import row_place_level
from .text import heading_stack_at
from .lexicon import P

_YEAR = P("awt_year")
# what a year column says of its figures: "Năm 2024 (đề nghị)", "Năm 2023 (đã công nhận)"
_COL_PROPOSED = P("awt_col_proposed")
_COL_TARGET = P("awt_col_target")
_COL_GRANTED = P("awt_col_granted")
# a row of ratios under the counts ("Tỷ lệ Chiến sĩ thi đua cơ sở/Lao động tiên tiến (%)")
_RATIO_ROW = P("awt_ratio_row")
_TOTAL = P("awt_total")
_RECIP = {"tập thể": "tap_the", "cá nhân": "ca_nhan", "hộ gia đình": "ho_gia_dinh", "gia đình": "ho_gia_dinh",
          "lượt tập thể": "tap_the", "lượt cá nhân": "ca_nhan", "hộ": "ho_gia_dinh", "tt": "tap_the",
          "cn": "ca_nhan"}
# "Bằng khen ... (cá nhân)", "Giấy khen ... - Tập thể", "Gia đình văn hóa (hộ)"
_RECIP_IN = P("awt_recip_in")
_TT_HEAD = P("awt_tt_head")
_LABEL_HEAD = P("awt_label_head")


_COL_STAGE = P("awt_col_stage")


@dataclass
class Col:
    index: int
    award: Optional[AwardMention] = None
    recipient: Optional[str] = None
    period: Optional[str] = None
    status: Optional[str] = None        # "proposed"/"target"/"granted" when the header says so
    stage: Optional[str] = None         # the stage header over it ("Sở đề nghị"): the facts' qualifier
    total: bool = False
    label: bool = False
    tt: bool = False                    # the row-number column


def _cell_at(row: Row, col: int) -> Optional[Cell]:
    for c in row.cells:
        if c.col <= col < c.col + c.colspan:
            return c
    return None


def _mention(an: Analysis, cell: Cell) -> Optional[AwardMention]:
    return _span_mention(an, cell.start, cell.end)


def _span_mention(an: Analysis, start: int, end: int) -> Optional[AwardMention]:
    """The award a cell (or a caption) names first, with its granter."""
    ms = [m for m in award_mentions(an.doc.match_text[start:end], start)
          if m.entry.id != "aw.dien_hinh_tien_tien"]
    if not ms:
        return None
    m = ms[0]
    if m.needs_level:
        _granter_after(an, end, m)
    if m.needs_level:
        resolve_level(m, an.doc.match_text[start:m.start], [])
    return m


def _caption_award(an: Analysis, b: Block) -> Optional[AwardMention]:
    """'Bảng 3. Giấy khen của Ban Thường vụ Hội Nông dân huyện năm 2023 theo phong trào' over rows of
    movements: the one award the caption right before a table names is every row's."""
    prev = an.doc.blocks[b.index - 1] if b.index else None
    if prev is None or prev.kind == TABLE:
        return None
    text = an.doc.match_text[prev.start:prev.end]
    if not _is_caption(text):
        return None
    if len({m.code or m.entry.id for m in award_mentions(text, prev.start)}) != 1:
        return None
    return _span_mention(an, prev.start, prev.end)


def _granter_after(an: Analysis, end: int, m: AwardMention) -> None:
    """A label cell names one award: a granter anywhere after its name is its granter
    ("Bằng khen của BCH Hội LHPN tỉnh", "Cờ thi đua - Liên đoàn Lao động tỉnh")."""
    rest = an.doc.match_text[m.name_end:end]
    nxt = award_mentions(rest, m.name_end)
    if len(nxt) > 1 or (nxt and nxt[0].start > m.name_end):
        rest = rest[:nxt[0].start - m.name_end]      # not past a second award named in the cell
    for start, end, level, _ in catalog().granters_in(rest):
        if level in m.entry.levels:
            m.code, m.level_from = m.entry.levels[level], "tail"
            m.granter_span = (m.name_end + start, m.name_end + end)
            return


def _columns(an: Analysis, header: Row, ncols: int) -> list[Col]:
    cols = []
    for i in range(ncols):
        c = _cell_at(header, i)
        col = Col(i)
        if c is not None:
            t = match_form(c.text).strip()
            col.award = _mention(an, c)
            r = _RECIP_IN.search(t)
            if _TT_HEAD.match(t):
                pass
            elif t in _RECIP:
                col.recipient = _RECIP[t]
            elif r:
                col.recipient = _RECIP[r.group("r")]
            y = _YEAR.match(t)
            if y is None and (p := cell_period(t)):
                col.period = p              # "6 tháng năm 2020": a part of a year
            if y:
                col.period = f"{y.group('a')}-{y.group('b')}" if y.group("b") else y.group("a")
                note = y.group("note") or ""
                col.status = ("proposed" if _COL_PROPOSED.search(note) else "target" if _COL_TARGET.search(note)
                              else "granted" if _COL_GRANTED.search(note) else None)
            col.total = bool(_TOTAL.match(t)) and col.award is None
            col.label = bool(_LABEL_HEAD.match(t)) and col.award is None and col.period is None
            col.tt = bool(_TT_HEAD.match(t))
        cols.append(col)
    return cols


_CAPTION = P("awt_caption")
_LEAD_IN_END = P("awt_lead_in_end")


def _is_caption(text: str) -> bool:
    """A table's caption: 'Biểu 02. ...', or a short line that is no sentence."""
    return _CAPTION.match(text) is not None or (len(text) <= _CAPTION_CHARS and not text.rstrip().endswith("."))


_CAPTION_CHARS = 120    # characters of a caption written without 'Bảng'/'Biểu'


def _context_period(an: Analysis, b: Block) -> Optional[str]:
    """The period the text just before a table gives it: its caption ("Biểu 02. Kết quả khen
    thưởng năm 2021", "... (tính đến ngày 30/6/2022)") or the line it hangs from ("Kết quả khen
    thưởng năm 2021 như sau:"), else the section headings, else the document's frame.  A
    paragraph about something else between them does not date the table."""
    for prev in reversed(an.doc.blocks[max(0, b.index - 2):b.index]):
        if prev.kind == TABLE:
            break
        text = an.doc.match_text[prev.start:prev.end]
        caption = _is_caption(text)
        lead_in = text.rstrip().endswith(":") or _LEAD_IN_END.search(text) is not None
        if not (caption or lead_in):
            break
        found = _outside_parens(text, period_mentions(text, prev.start, an.doc_period), prev.start)
        p = _pick(found)
        if p:
            return Period(p, "lead_in")
        if lead_in and not caption:
            break
    for h in reversed(heading_stack_at(an.doc, b.index)):
        found = period_mentions(an.doc.match_text[h.start:h.end], h.start, an.doc_period)
        if found:
            return Period(found[0].period, "heading")
    return an.doc_period


def _status(an: Analysis, b: Block) -> Optional[str]:
    if an.meta.doc_type == "to_trinh":
        return "proposed"
    prev = an.doc.blocks[b.index - 1] if b.index else None
    if prev is not None and prev.kind != TABLE:
        sents = [s for s in an.sentences if s.block.index == prev.index]
        if sents:
            return status_at(sents[-1], sents[-1].end)
    return None


def extract_award_tables(an: Analysis) -> None:
    from .indicators import detect_columns
    for b in an.doc.blocks:
        if b.kind != TABLE or not b.rows or len(b.rows) < 2 or detect_columns(an.grid(b).rows) is not None:
            continue
        rows = an.grid(b).rows
        ncols = max(c.col + c.colspan for r in rows for c in r.cells)
        cols = _columns(an, rows[0], ncols)
        n_header = 1
        if _stage_header(an, rows, cols, ncols):
            # "| Sở đề nghị | Sở đề nghị | Hội đồng TĐKT tỉnh thống nhất | ... |" over "| Tập thể | Cá nhân |
            # Tập thể | Cá nhân |": the recipients are in the second header row, the stages over them
            cols, n_header = _stage_columns(an, rows, ncols), 2
        award_cols = [c for c in cols if c.award is not None]
        recip_cols = [c for c in cols if c.recipient is not None and c.award is None]
        period_cols = [c for c in cols if c.period is not None and c.award is None]
        # rows are awards when the header names recipients or periods; columns are awards otherwise
        if (recip_cols or len(period_cols) >= 2) and not award_cols:
            _rows_are_awards(an, b, cols, n_header)
        elif len(award_cols) >= 1 and not any(c.recipient and c.award is None for c in cols):
            _columns_are_awards(an, b, cols)


def _emit(an: Analysis, b: Block, ri: int, cell: Cell, award: AwardMention, recipient: Optional[str],
          period: Optional[str], status: Optional[str], rule: str, subject: Optional[str] = None,
          subject_level: Optional[str] = None) -> Optional[Fact]:
    found = nums.find_numbers(an.doc.match_text[cell.start:cell.end])
    if len(found) != 1:
        return None
    n = found[0]
    if n.percent or n.kind not in ("int", "fraction", "words") or n.value != int(n.value):
        return None
    row = an.grid(b).rows[ri]
    f = Fact(metric="award.count", value=float(n.value), char_start=cell.start + n.start,
             char_end=cell.start + n.end, text=an.doc.text[row.start:row.end], rule=f"{award.rule}/{rule}",
             unit="count", award=award.code, recipient=recipient or award.entry.recipient, status=status,
             granter=an.granter_of(award),
             of_total=n.of_total if n.kind == "fraction" else None,
             period=period, subject=subject, subject_level=subject_level if subject else None, page=b.page,
             block_index=b.index, table_index=b.table_index, row_index=ri, col_index=cell.col, raw=an.doc.text[cell.start + n.start:cell.start + n.end],
             local_id=len(an.facts))
    an.facts.append(f)
    return f


def _stage_header(an: Analysis, rows: list[Row], cols: list[Col], ncols: int) -> bool:
    """Is the first row a header of stages over a second header row of recipients?"""
    if len(rows) < 3 or any(c.recipient for c in cols):
        return False
    stages = [c for i in range(ncols) if (c := _cell_at(rows[0], i)) is not None
              and _COL_STAGE.search(match_form(c.text))]
    second = [_cell_at(rows[1], i) for i in range(ncols)]
    recips = [c for c in second if c is not None and match_form(c.text).strip() in _RECIP]
    numbers = [c for c in rows[1].cells if nums.find_numbers(an.doc.match_text[c.start:c.end])]
    return bool(stages) and len(recips) >= 2 and not numbers


def _stage_columns(an: Analysis, rows: list[Row], ncols: int) -> list[Col]:
    cols = _columns(an, rows[1], ncols)
    for col in cols:
        top = _cell_at(rows[0], col.index)
        if col.recipient and top is not None and _COL_STAGE.search(match_form(top.text)):
            col.status, col.stage = "proposed", " ".join(top.text.split())
    return cols


def _rows_are_awards(an: Analysis, b: Block, cols: list[Col], n_header: int = 1) -> None:
    """Rows name awards (maybe with the recipient: 'Bằng khen ... - cá nhân'); columns are
    recipients ('Tập thể | Cá nhân') or periods ('Năm 2020 | Năm 2021 | ... | Cộng')."""
    period, status = _context_period(an, b), _status(an, b)
    years = sorted(int(c.period[:4]) for c in cols if c.period and len(c.period) == 4)
    span = f"{years[0]}-{years[-1]}" if len(years) >= 2 else period
    by_period = any(c.period for c in cols)
    col_statuses = {c.status for c in cols if c.period}
    caption = _caption_award(an, b)
    for ri, row in enumerate(an.grid(b).rows[n_header:], start=n_header):
        award, label, how = None, None, "table_rows"
        for c in row.cells:
            col = cols[c.col] if c.col < len(cols) else Col(c.col)
            if col.recipient is None and col.period is None and not col.total and not col.tt:
                m = _mention(an, c)
                if m is not None and award is None:
                    award, label = m, c
                elif label is None and c.text.strip():
                    label = c
        if award is None and caption is not None and label is not None \
                and not _TOTAL.match(match_form(label.text).strip()):
            award, how = caption, "table_caption"   # a row of the caption's award ("Phong trào ... | 18 | 40")
        if award is None or award.code is None or _RATIO_ROW.search(match_form(label.text).strip()):
            continue
        row_recipient = None
        r = _RECIP_IN.search(match_form(label.text).strip())
        if r:
            row_recipient = _RECIP[r.group("r")]
        for col in cols:
            if by_period:
                if col.period is None and (not col.total or len(col_statuses) > 1):
                    continue    # a total over columns of different status adds unlike things
                # the total column of a table by year spans the years (the report's period when wider)
                per = col.period or (an.meta.period if an.meta.period and "-" in an.meta.period
                                     and an.meta.period[:4] <= span[:4] else span)
                rec = row_recipient
            else:
                if col.recipient is None or col.total:
                    continue
                per, rec = an.grid(b).period(ri) or period, col.recipient
            cell = _cell_at(row, col.index)
            if cell is not None and cell is not label:
                st = status if col.status is None else (None if col.status == "granted" else col.status)
                f = _emit(an, b, ri, cell, award, rec, per, st, how)
                if f is not None and col.stage:
                    f.qualifier = col.stage
                    an.stage_cells.add(id(f))
                elif f is not None and how == "table_caption":
                    f.qualifier = " ".join(label.text.split())


def _columns_are_awards(an: Analysis, b: Block, cols: list[Col]) -> None:
    status = _status(an, b)
    ctx_period = _context_period(an, b)
    label_col = next((c.index for c in cols if c.label and not c.tt),
                     next((c.index for c in cols if c.award is None and not c.total and not c.tt), 0))
    row_periods: list[str] = []
    parsed: list[tuple[int, Optional[str], Optional[str], bool]] = []
    rows = an.grid(b).rows
    for ri, row in enumerate(rows[1:], start=1):
        key = _cell_at(row, label_col)
        t = match_form(key.text).strip() if key is not None else ""
        y = _YEAR.match(t)
        per = (f"{y.group('a')}-{y.group('b')}" if y and y.group("b") else y.group("a")) if y else None
        if per:
            row_periods.append(per)
        parsed.append((ri, per, key.text.strip() if key is not None and not y else None, bool(_TOTAL.match(t))))
    years = sorted(int(p[:4]) for p in row_periods if len(p) == 4)
    span = f"{years[0]}-{years[-1]}" if len(years) >= 2 else ctx_period
    hc = _cell_at(rows[0], label_col)
    header = hc.text if hc is not None else ""
    for ri, per, name, is_total in parsed:
        row = rows[ri]
        period = span if is_total else (per or ctx_period)
        subject = None if (is_total or per) else (name or None)
        level = row_place_level(subject, header) if subject else None
        for col in cols:
            if col.award is None or col.award.code is None:
                continue
            cell = _cell_at(row, col.index)
            if cell is not None and cell.col != label_col:
                _emit(an, b, ri, cell, col.award, col.recipient, period, status, "table_columns", subject, level)
