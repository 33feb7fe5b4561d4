"""The real-browser test of the search page: `streamlit run app.py` as a server (``browser_support``),
driven by headless Chromium. Skips with a message when Debian's Chromium or playwright is missing
(in CI, where .ci/run installs them, it fails instead); never downloads a browser. Screenshots go to
the test's temporary folder, or to $SCREENSHOTS_DIR when set (to look at them).
"""

from __future__ import annotations

from pathlib import Path

import rispy
from browser_support import AppServer, chromium_page, screenshots, wait_until
from pypdf import PdfReader

from ebp.present.readinglists import ReadingLists

LIST = "Daftar bacaan saya"  # the default list's Indonesian name
CASE = "Seorang ibu korban KDRT dengan dua anak kecil membutuhkan rencana keselamatan dan tempat aman"


def _saved_count(index_dir: Path) -> int:
    lists = ReadingLists.in_index(index_dir)
    return len(lists.get(LIST).items) if LIST in lists.names() else 0


def test_a_newcomer_finds_evidence_saves_three_and_exports_them_in_a_real_browser(
    app_server: AppServer, tmp_path: Path
) -> None:
    """The README's promise: an Indonesian case, three results into a reading list, RIS and a handout."""
    artifacts = screenshots(tmp_path)
    with chromium_page(app_server) as page:
        case_box = page.locator("textarea").first
        assert "bukti ilmiah" in page.locator("h1").first.inner_text()  # Indonesian by default
        case_box.fill(CASE)
        page.get_by_role("button", name="Cari bukti").click()
        first = page.locator(".ebp-card").first
        first.wait_for(timeout=60_000)
        assert "Pendampingan Perempuan Korban KDRT" in first.inner_text()
        assert page.locator(".ebp-card mark").count() > 0  # the case's words are highlighted
        page.get_by_text("hlm. 1").first.wait_for()
        page.screenshot(path=str(artifacts / "browser-search.png"))
        with page.expect_download() as excerpt:
            page.get_by_role("button", name="Hanya hlm. 1").first.click()
        assert len(PdfReader(excerpt.value.path()).pages) == 1  # the matched page as its own PDF

        saved = [card.inner_text().split("\n")[0].split(". ", 1)[1] for card in page.locator(".ebp-card").all()[:3]]
        for i in range(3):
            page.get_by_role("button", name="Simpan ke").nth(i).click()
            wait_until(lambda n=i + 1: _saved_count(app_server.index_dir) == n)  # each click is saved before the next
        page.get_by_text("Daftar bacaan", exact=True).first.click()
        page.get_by_text("3 dokumen").first.wait_for()  # a rerun can briefly draw the page twice
        page.screenshot(path=str(artifacts / "browser-list.png"), full_page=True)
        exported = {}
        for button in ("RIS", "Markdown"):
            with page.expect_download() as download:
                page.get_by_role("button", name=button, exact=True).click()
            exported[button] = Path(download.value.path()).read_text(encoding="utf-8")
    entries = rispy.loads(exported["RIS"])
    assert [e["title"] for e in entries] == saved
    handout = exported["Markdown"]
    assert all(title in handout for title in saved) and "Tingkat bukti" in handout
