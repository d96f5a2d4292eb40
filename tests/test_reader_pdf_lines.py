"""The PDF reader's layout steps on hand-placed words (positions in points, A4 page)."""
from __future__ import annotations

from extractors.pdf import PageContent, drop_furniture, footnote_texts, split_footnotes
from extractors.pdf_lines import Word, build_lines, column_order, page_frame, paragraphs, split_wide_gaps

H = 842.0


def words(text: str, x: float, top: float, size: float = 13.0, bold: bool = False, gap: float = 3.3):
    """Words of ``text`` set from ``x`` on one baseline, 0.5 em per character."""
    out = []
    for t in text.split(" "):
        w = 0.5 * size * len(t)
        out.append(Word(t, x, x + w, top, top + size, size, bold))
        x += w + gap
    return out


def line(text: str, x: float, top: float, **kw):
    [ln] = build_lines(words(text, x, top, **kw), 1)
    return ln


def test_superscript_reference_joins_its_word():
    ws = words("xây dựng nông thôn mới", 85, 100)
    end = ws[-1].x1
    ws.append(Word("1", end + 0.3, end + 4, 100.3, 107.8, 7.5, False))       # raised, small
    ws.append(Word(";", end + 4.1, end + 7.7, 100, 113, 13.0, False))
    ws.append(Word("Đoàn", end + 11, end + 40, 100, 113, 13.0, False))
    [ln] = build_lines(ws, 1)
    assert ln.text == "xây dựng nông thôn mới¹; Đoàn"


def test_a_syllable_split_by_a_narrow_gap_is_rejoined():
    ws = [Word("Vi", 85, 97, 100, 113, 13, False), Word("ệt", 98.2, 110, 100, 113, 13, False),
          Word("Nam", 113.5, 137, 100, 113, 13, False)]
    assert build_lines(ws, 1)[0].text == "Việt Nam"


def test_two_columns_are_read_one_after_the_other():
    ws = (words("ỦY BAN NHÂN DÂN", 100, 60, bold=True) + words("CỘNG HÒA XÃ HỘI", 330, 60, bold=True)
          + words("HUYỆN HÀ QUẢNG", 100, 76, bold=True) + words("Độc lập - Tự do", 330, 76, bold=True)
          + words("Số: 12/BC-UBND", 100, 100) + words("Hà Quảng, ngày 10", 330, 100)
          + words("Đoạn văn bản dài chạy hết chiều ngang của trang giấy in ra", 85, 140))
    lines = split_wide_gaps(build_lines(ws, 1))
    order = [x.text if x else None for x in column_order(lines, 3.0)]
    real = [t for t in order if t]
    assert real == ["ỦY BAN NHÂN DÂN", "HUYỆN HÀ QUẢNG", "Số: 12/BC-UBND", "CỘNG HÒA XÃ HỘI", "Độc lập - Tự do",
                    "Hà Quảng, ngày 10", "Đoạn văn bản dài chạy hết chiều ngang của trang giấy in ra"]
    assert order.index(None) < order.index("ỦY BAN NHÂN DÂN")


def test_paragraph_breaks_on_short_line_indent_and_gap():
    full = "a" * 60                                                         # 85 -> 475
    lines = [line(full, 85, 100), line("kết thúc.", 85, 116),              # short line ends the paragraph
             line("a" * 56, 113, 132), line(full, 85, 148),                 # indented first line
             line(full, 85, 180), line("cuối.", 85, 196)]                   # a larger gap before
    fr = page_frame(lines)
    paras = paragraphs(lines, {1: fr})
    assert [len(p.lines) for p in paras] == [2, 2, 2]


def _page(n, lines, rules=()):
    return PageContent(n, H, lines, [], [], list(rules))


def test_footnotes_leave_the_body_and_a_continued_note_needs_its_rule():
    body = "b" * 60
    p1 = _page(1, [line(body, 85, 100), line(body, 85, 116),
                   build_lines([Word("1", 85, 88, 740, 746, 5.8, False)] + words("Ghi chú thứ nhất dài", 91, 740, 10), 1)[0]],
               rules=[(85, 198, 735)])
    p2 = _page(2, [line(body, 85, 100), line("chú kéo sang trang sau", 85, 752, size=10)], rules=[(85, 198, 747)])
    p3 = _page(3, [line(body, 85, 100), line("- Lưu: VT, NV.", 85, 752, size=10)])        # no rule: body
    pages = [p1, p2, p3]
    split_footnotes(pages, 13.0)
    assert footnote_texts(pages) == [("¹ Ghi chú thứ nhất dài chú kéo sang trang sau", 1)]
    assert p3.lines[-1].text == "- Lưu: VT, NV." and not p3.footnotes


def test_page_numbers_and_running_headers_are_dropped():
    pages = []
    for n in range(1, 6):
        body = [line(f"{n}" + "b" * 59, 85, 60 + 16 * k) for k in range(3)]
        pages.append(_page(n, [line("Báo cáo tổng kết năm 2022", 300, 30, size=10)] + body
                           + [line(f"- {n} -", 290, 800)]))
    drop_furniture(pages)
    assert all([x.text for x in p.lines] == [f"{p.number}" + "b" * 59] * 3 for p in pages)


def test_glyphs_without_unicode_mapping_mean_no_usable_text():
    from extractors.pdf import _garbled

    from extractors.pdf_text import PageText

    assert _garbled(PageText([], 595, 842, chars=83, unmapped=80))
    assert not _garbled(PageText([], 595, 842, chars=165, unmapped=5))


def test_continued_note_followed_by_a_new_one_on_the_same_page():
    body = "b" * 60
    mark = lambda n, top: Word(str(n), 85, 88, top, top + 6, 5.8, False)  # noqa: E731
    p1 = _page(1, [line(body, 85, 100), build_lines([mark(1, 740)] + words("Ghi chú một", 91, 740, 10), 1)[0]],
               rules=[(85, 198, 735)])
    p2 = _page(2, [line(body, 85, 100), line("phần tiếp của ghi chú một", 85, 740, size=10),
                   build_lines([mark(2, 752)] + words("Ghi chú hai", 91, 752, 10), 2)[0]],
               rules=[(85, 198, 735)])
    pages = [p1, p2]
    split_footnotes(pages, 13.0)
    assert footnote_texts(pages) == [("¹ Ghi chú một phần tiếp của ghi chú một", 1), ("² Ghi chú hai", 2)]
    assert [x.text for x in p2.lines] == [body]


def test_a_count_after_a_colon_continues_the_line_before():
    a = line("- Tổng kết phong trào “Vì người nghèo”:", 85, 100)
    b = line("03 tập thể, 05 cá nhân;", 85, 116)
    c = line("3. Hướng dẫn các xã tổng kết.", 85, 132)
    paras = paragraphs([a, b, c], {1: page_frame([a, b, c])})
    assert [" ".join(x.text for x in p.lines) for p in paras] == [
        "- Tổng kết phong trào “Vì người nghèo”: 03 tập thể, 05 cá nhân;", "3. Hướng dẫn các xã tổng kết."]
