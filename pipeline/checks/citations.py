"""``citation_mismatch`` and ``outdated_citation``: the legal documents a report cites.

``citation_mismatch`` (``warning``), one finding per cited document and report:

* a catalogued document (``rules/data/legal_docs.toml``) cited with a date other
  than its own (``Nghị định số 91/2017/NĐ-CP ngày 30/7/2017``) or, recognised by
  its exact date and subject, under another number;
* any numbered document cited in one report with two different dates;
* a number whose year differs from the date given with it (``91/2016/NĐ-CP
  ngày 31/7/2017``).

``outdated_citation`` (``warning``): a catalogued document that was replaced,
cited *as the current basis* in a report issued on or after the day its
replacement took effect (a decision signed in March 2024 on 2023 work must cite
98/2023, not 91/2017).  A citation is not "current basis" when the text marks it
as history:

* it is the object of another document (``... sửa đổi một số điều của Nghị định
  42``, ``quy định chi tiết ... của``, ``thay thế ...``);
* it is said to be replaced or no longer in force (``đã hết hiệu lực``,
  ``được thay thế``, ``trước đây``) or its sentence also cites its replacement;
* its sentence speaks only of years before the replacement
  (``giai đoạn 2011-2015 thực hiện Nghị định 42/2010``).

Dates are not numbers, so these findings leave ``expected``/``observed`` empty
and put both dates in the message.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from pipeline.model import Finding

from .base import WARNING, CitationRow, Context, finding, quote
from rules.lexicon import P

MISMATCH, OUTDATED = "citation_mismatch", "outdated_citation"
KIND_VN = {"nghi_dinh": "Nghị định", "thong_tu": "Thông tư", "chi_thi": "Chỉ thị", "quyet_dinh": "Quyết định",
           "ke_hoach": "Kế hoạch", "huong_dan": "Hướng dẫn", "cong_van": "Công văn", "nghi_quyet": "Nghị quyết",
           "ket_luan": "Kết luận", "thong_bao": "Thông báo", "luat": "Luật", "quy_dinh": "Quy định"}
_OBJECT_OF = P("chk_citations_object_of")
_REPLACED_AFTER = P("chk_citations_replaced_after")
_HISTORY = P("chk_citations_history")
_YEAR = re.compile(r"(?<![\d/.,-])(19[5-9]\d|20[0-4]\d)(?![\d/])")
_DATES_NUMBERS = P("chk_citations_dates_numbers")


def _vn_date(d: Optional[date]) -> str:
    return f"{d.day}/{d.month}/{d.year}" if d else "không ghi ngày"


def _label(c: CitationRow, entry=None) -> str:
    kind = KIND_VN.get(c.doc_kind or "", c.doc_kind or "")
    num = entry.number if entry is not None else c.number
    return num if (c.doc_kind == "luat" and not re.match(r"\d", num or "")) else f"{kind} số {num}"


def around(ctx: Context, c: CitationRow, before: int = 70, after: int = 50) -> str:
    """The citation with a little of its sentence on each side, quoted."""
    text = ctx.text(c.doc_id)
    if not text or c.char_start is None:
        return quote(c.text, 160)
    sent = c.text or ""
    lo = text.rfind(sent[:30], max(0, c.char_start - len(sent)), c.char_start + 31) if sent else -1
    hi = lo + len(sent) if lo >= 0 else len(text)
    s = max(0 if lo < 0 else lo, c.char_start - before)
    e = min(hi, (c.char_end or c.char_start) + after)
    snippet = ("…" if s > max(lo, 0) else "") + text[s:e].replace("\n", " ") + ("…" if e < hi else "")
    return quote(snippet, 260)


def _catalogue():
    from rules.citations import catalogue
    return catalogue()


def _number_key(n: Optional[str]) -> str:
    from rules.citations import number_key
    return number_key(n or "")


def check_mismatch(ctx: Context) -> list[Finding]:
    cat = _catalogue()
    out = []
    by_doc: dict[str, list[CitationRow]] = {}
    for c in ctx.citations:
        by_doc.setdefault(c.doc_id, []).append(c)
    for doc_id in sorted(by_doc):
        groups: dict[str, list[CitationRow]] = {}
        for c in by_doc[doc_id]:
            if c.canonical:
                groups.setdefault("cat:" + c.canonical, []).append(c)
            elif c.number and re.search(r"[/-]", c.number):
                groups.setdefault(f"num:{c.doc_kind}:{_number_key(c.number)}", []).append(c)
        for gkey in sorted(groups):
            cs = groups[gkey]
            entry = cat.get(gkey[4:]) if gkey.startswith("cat:") else None
            problems: list[str] = []
            dates = sorted({c.issued_date for c in cs if c.issued_date})
            if entry is not None and entry.issued:
                wrong = [c for c in cs if c.issued_date and c.issued_date != entry.issued]
                right = sum(1 for c in cs if c.issued_date == entry.issued)
                for c in wrong:
                    problems.append(f"{around(ctx, c)} ghi ngày {_vn_date(c.issued_date)}, "
                                    f"trong khi {entry.number} ban hành ngày {_vn_date(entry.issued)}"
                                    + (f" (văn bản này ghi đúng ngày đó ở {right} chỗ khác)" if right else ""))
            elif len(dates) > 1:
                problems.append("được dẫn với các ngày " + ", ".join(_vn_date(d) for d in dates) + ": "
                                + "; ".join(around(ctx, c) for c in cs if c.issued_date))
            if entry is not None:
                for c in cs:
                    if re.search(r"[/-]", c.number or "") and _number_key(c.number) != _number_key(entry.number):
                        problems.append(f"{around(ctx, c)} ghi số {c.number}, nhưng văn bản ngày "
                                        f"{_vn_date(entry.issued)} là {entry.number}")
            for c in cs:
                m = re.search(r"/(\d{4})/", c.number or "")
                if m and c.issued_date and int(m.group(1)) != c.issued_date.year and entry is None:
                    problems.append(f"{around(ctx, c)}: số hiệu {c.number} mang năm {m.group(1)} nhưng "
                                    f"ngày ban hành ghi {_vn_date(c.issued_date)}")
            if not problems:
                continue
            first = cs[0]
            msg = (f"Trích dẫn văn bản không thống nhất — {_label(first, entry)}: " + "; ".join(problems) + ".")
            out.append(finding(MISMATCH, WARNING, doc_id, msg, rule="citation.mismatch",
                               key=gkey + "|" + ",".join(c.citation_id for c in cs)))
    return out


def _report_on_or_after(d, when: date) -> bool:
    if d.issued_date:
        return d.issued_date >= when
    if d.issued_year:
        return date(d.issued_year, 1, 1) >= when
    return False


def is_history(ctx: Context, c: CitationRow, same_sentence: list[CitationRow], entry) -> bool:
    text = ctx.text(c.doc_id)
    before = text[max(0, (c.char_start or 0) - 120):c.char_start or 0].lower()
    after = text[c.char_end or 0:(c.char_end or 0) + 80].lower()
    sentence = (c.text or "").lower()
    cut = max(before.rfind(";"), before.rfind("."), before.rfind("\n"))
    clause_before = before[cut + 1:] if cut >= 0 else before
    if _OBJECT_OF.search(clause_before) or _REPLACED_AFTER.search(after):
        return True
    if _HISTORY.search(sentence):
        return True
    successors = set()
    cat = _catalogue()
    e = entry
    while e is not None and e.replaced_by:
        successors.add(e.replaced_by)
        e = cat.get(e.replaced_by)
    if any(o.canonical in successors for o in same_sentence):
        return True
    for o in [c] + same_sentence:                 # the cited documents' own years are not the context
        if o.char_start is not None and o.char_end is not None:
            sentence = sentence.replace(text[o.char_start:o.char_end].lower(), " ")
    years = {int(y) for y in _YEAR.findall(_DATES_NUMBERS.sub(" ", sentence))}
    if years and entry.replaced_on and max(years) < entry.replaced_on.year:
        return True
    return False


def check_outdated(ctx: Context) -> list[Finding]:
    cat = _catalogue()
    out = []
    by_doc: dict[str, list[CitationRow]] = {}
    for c in ctx.citations:
        by_doc.setdefault(c.doc_id, []).append(c)
    for doc_id in sorted(by_doc):
        d = ctx.docs[doc_id]
        flagged: dict[str, list[CitationRow]] = {}
        for c in by_doc[doc_id]:
            entry = cat.get(c.canonical or "")
            if entry is None or not entry.replaced_on or not entry.replaced_by:
                continue
            if not _report_on_or_after(d, entry.replaced_on):
                continue
            same = [o for o in by_doc[doc_id] if o is not c and o.text == c.text]
            if is_history(ctx, c, same, entry):
                continue
            flagged.setdefault(entry.id, []).append(c)
        for eid in sorted(flagged):
            entry, cs = cat[eid], flagged[eid]
            new = cat.get(entry.replaced_by)
            when = d.issued_date.strftime("%d/%m/%Y") if d.issued_date else f"năm {d.issued_year}"
            msg = (f"Dẫn căn cứ pháp lý đã hết hiệu lực: {_label(cs[0], entry)} đã được thay thế bởi "
                   f"{new.number if new else entry.replaced_by} (có hiệu lực từ {_vn_date(entry.replaced_on)}), "
                   f"nhưng báo cáo ban hành {when} vẫn dẫn làm căn cứ: {around(ctx, cs[0])}"
                   + (f" (và {len(cs) - 1} chỗ khác)" if len(cs) > 1 else "") + ".")
            out.append(finding(OUTDATED, WARNING, doc_id, msg, rule="citation.outdated", key=eid))
    return out


def check(ctx: Context) -> list[Finding]:
    return check_mismatch(ctx) + check_outdated(ctx)
