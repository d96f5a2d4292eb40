"""`tdkt review` in a real headless Chromium (Debian's chromium + chromedriver):
the index lists every file and filters, a document page highlights exactly its
facts at their offsets, clicking shows a fact's fields, a finding links to its
facts on both sides and to the other document, and screenshots are taken."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import tdkt

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")


@pytest.fixture(scope="module")
def site(workbench_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    r = tdkt("review", "--db", workbench_db, "--out", out)
    assert "trang duyệt" in r.stdout
    return out


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
              "--allow-file-access-from-files"):
        opts.add_argument(a)
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()


def rows(db, sql, *p):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(p)).fetchall()
    finally:
        con.close()


def test_index_lists_files_and_filters(site, browser, workbench_db, tmp_path):
    from selenium.webdriver.common.by import By
    browser.get((site / "index.html").as_uri())
    n_ok = rows(workbench_db, "SELECT count(*) FROM documents WHERE status = 'ok'")[0][0]
    trs = browser.find_elements(By.CSS_SELECTOR, "#docs tbody tr")
    assert len(trs) == n_ok
    box = browser.find_element(By.ID, "filter")
    box.send_keys("trung khanh 2023")              # without diacritics
    visible = [t for t in trs if t.is_displayed()]
    assert len(visible) == 4 and all("Trùng Khánh" in t.text for t in visible)
    assert browser.find_element(By.ID, "shown").text == f"4 / {n_ok} tệp"
    shot = tmp_path / "index.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10000


def test_document_page_highlights_every_fact_and_links_findings(site, browser, workbench_db, tmp_path):
    from selenium.webdriver.common.by import By
    doc_id, path = rows(workbench_db, "SELECT doc_id, path FROM v_files WHERE is_primary AND path LIKE "
                                      "'%trung_khanh_2023%'")[0]
    facts = rows(workbench_db, "SELECT fact_id, char_start, char_end FROM facts WHERE doc_id = ? ORDER BY char_start",
                 doc_id)
    text = rows(workbench_db, "SELECT text FROM document_text WHERE doc_id = ?", doc_id)[0][0]
    browser.get((site / "docs" / f"{doc_id[:16]}.html").as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, "#text mark.fact")
    assert len(marks) == len(facts) == 9
    for m, (fid, a, b) in zip(marks, facts):
        assert m.get_attribute("data-id") == fid and m.text == text[a:b]
    # the article's text is the document's text, unchanged
    assert browser.execute_script("return document.getElementById('text').textContent") == text
    assert {m.get_attribute("data-family") for m in marks} == {"award", "poverty"}
    # click a figure: the panel shows its fields
    marks[-1].click()
    panel = browser.find_element(By.ID, "panel-fields")
    assert panel.get_attribute("data-fact") == facts[-1][0]
    assert "poverty.poor_rate" in panel.text and "29,8" in panel.text and "Quy tắc" in panel.text
    # the conflict with 001 (45 here, 44 there): a link to this document's fact and one to the other's
    finding = next(f for f in browser.find_elements(By.CSS_SELECTOR, ".finding") if "45" in f.text and "44" in f.text)
    links = finding.find_elements(By.CSS_SELECTOR, "a.fact-link")
    local = [a for a in links if a.get_attribute("href").split("#")[0].endswith(f"{doc_id[:16]}.html")]
    other = [a for a in links if a not in local]
    assert len(local) == 1 and len(other) == 1
    local[0].click()
    fid = local[0].get_attribute("data-fact")
    assert "active" in browser.find_element(By.ID, f"f-{fid}").get_attribute("class")
    assert panel.get_attribute("data-fact") == fid and "45" in panel.text
    # ... the fact panel links back to the finding
    back = browser.find_elements(By.CSS_SELECTOR, "#panel-findings a.to-finding")
    assert back and back[0].get_attribute("href").endswith("#fd-" + finding.get_attribute("id")[3:])
    shot = tmp_path / "document.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10000
    # follow the other side: the other report's page opens on the fact 44
    href = other[0].get_attribute("href")
    browser.get(href)
    target = browser.find_element(By.ID, "f-" + href.split("#f-")[1])
    assert target.text == "44" and "active" in target.get_attribute("class")
    assert browser.find_element(By.ID, "panel-fields").get_attribute("data-fact") == href.split("#f-")[1]
    assert browser.find_element(By.CSS_SELECTOR, "a.other-doc")


def test_copies_unreadable_files_and_scorecard(site, browser, workbench_db, tmp_path):
    from selenium.webdriver.common.by import By
    pdf = rows(workbench_db, "SELECT doc_id FROM documents WHERE path LIKE '%ban_in.pdf'")[0][0]
    browser.get((site / "docs" / f"{pdf[:16]}.html").as_uri())
    assert "Đây là bản sao" in browser.find_element(By.CSS_SELECTOR, ".copies").text
    n = rows(workbench_db, "SELECT count(*) FROM facts WHERE doc_id = ?", pdf)[0][0]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#text mark.fact")) == n
    browser.get((site / "scorecard.html").as_uri())
    imgs = browser.find_elements(By.CSS_SELECTOR, ".charts img")
    assert len(imgs) == 2                    # poverty over the years, awards per district (no NTM by year here)
    assert all(browser.execute_script("return arguments[0].naturalWidth", i) > 100 for i in imgs)
    table = browser.find_element(By.ID, "scorecard").text
    assert "Trùng Khánh" in table and "29,8" in table
    # an unreadable file is listed with its reason
    box = tmp_path / "bad"
    box.mkdir()
    (box / "rong.docx").write_bytes(b"")
    db = tmp_path / "bad.duckdb"
    tdkt("ingest", box, "--db", db, "-q")
    out = tmp_path / "site"
    tdkt("review", "--db", db, "--out", out)
    browser.get((out / "index.html").as_uri())
    bad = browser.find_element(By.ID, "unreadable").text
    assert "rong.docx" in bad and "rỗng" in bad


def test_a_corrected_figure_is_marked_on_its_page(workbench_copy, browser, tmp_path):
    from selenium.webdriver.common.by import By
    db = workbench_copy
    doc_id, fid = rows(db, "SELECT f.doc_id, f.fact_id FROM facts f JOIN v_files v USING (doc_id) WHERE v.is_primary "
                           "AND f.metric = 'poverty.poor_rate' AND f.value = 29.8")[0]
    tdkt("review", "correct", fid, "--value", "29,5", "--note", "theo biểu 01", "--db", db)
    out = tmp_path / "site"
    tdkt("review", "--db", db, "--out", out)
    browser.get((out / "docs" / f"{doc_id[:16]}.html").as_uri() + f"#f-{fid}")
    m = browser.find_element(By.ID, f"f-{fid}")
    assert "corrected" in m.get_attribute("class") and "active" in m.get_attribute("class")
    panel = browser.find_element(By.ID, "panel-fields").text
    assert "đã sửa: value = 29,5 (theo biểu 01)" in panel and f"tdkt review correct {fid}" in panel
    browser.get((out / "scorecard.html").as_uri())
    assert "29,5 ✎" in browser.find_element(By.ID, "scorecard").text


def test_every_period_source_the_rules_document_has_a_vietnamese_label():
    """The review pages show where a figure's period came from in Vietnamese: every source listed in
    docs/RULES.md's table of period sources has a label (none falls back to the bare code)."""
    import re
    from pipeline.site import PERIOD_SOURCE_VN
    rules_md = (Path(__file__).resolve().parents[1] / "docs" / "RULES.md").read_text(encoding="utf-8")
    table = rules_md.split("| source (`facts.period_source`) | example |", 1)[1].split("\n\n", 1)[0]
    first_cells = [line.split("|")[1] for line in table.splitlines() if line.startswith("| ")]
    listed = {w for cell in first_cells for w in re.findall(r"`(\w+)`", cell)}
    assert {"anniversary", "latest_date", "span_end", "lede", "text", "present"} <= listed
    assert sorted(listed - set(PERIOD_SOURCE_VN)) == []
    # a period the rules only guessed (rules/context.py GUESSED_SOURCES) tells the analyst to check it
    from rules.context import GUESSED_SOURCES
    assert all("ước đoán" in PERIOD_SOURCE_VN[s] for s in GUESSED_SOURCES)
