"""The real-browser test of issue 18: a case goes from the search page to a saved, de-identified workspace,
gets a follow-up entry and leaves as a supervision record (the shared ``app_server``, headless Chromium)."""

from __future__ import annotations

from pathlib import Path

from browser_support import AppServer, chromium_page, download, screenshots, wait_until

from ebp.cases.workspace import CaseStore

NAME = "Kasus uji browser 18"  # unique on the shared server
CASE = (
    "Bu Ratna Dewi (HP 0812-1111-2222) korban KDRT dengan dua anak kecil membutuhkan rencana keselamatan "
    "dan tempat aman"
)


def _saved(index_dir: Path) -> bool:
    path = index_dir / "cases.sqlite"
    return path.exists() and NAME in CaseStore(path).names()


def test_a_case_is_saved_masked_followed_up_and_exported_as_a_supervision_record(
    app_server: AppServer, tmp_path: Path
) -> None:
    artifacts = screenshots(tmp_path)
    with chromium_page(app_server) as page:
        page.locator("textarea").first.fill(CASE)
        page.get_by_role("button", name="Cari bukti").click()
        page.locator(".ebp-card").first.wait_for(timeout=60_000)
        page.get_by_text("Simpan sebagai kasus").click()
        preview = page.get_by_label("Teks yang akan disimpan")
        preview.wait_for()
        assert "[NAMA-1]" in preview.input_value() and "[TELEPON]" in preview.input_value()
        assert "Ratna" not in preview.input_value()
        name = page.get_by_label("Nama kasus")
        name.fill(NAME)
        name.press("Enter")
        preview.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / "browser-case-preview.png"))
        page.get_by_role("button", name="Simpan kasus").click()
        wait_until(lambda: _saved(app_server.index_dir))
        assert b"Ratna" not in (app_server.index_dir / "cases.sqlite").read_bytes()

        page.get_by_text("Kasus saya", exact=True).first.click()
        page.get_by_text("Kasus saya: terapkan, evaluasi, supervisi").wait_for()
        page.get_by_label("Hasil yang teramati").fill("Ibu dan anak tinggal di rumah aman; merasa lebih tenang")
        page.get_by_role("button", name="Tambah tindak lanjut").click()
        page.locator("td", has_text="merasa lebih tenang").first.wait_for()
        page.screenshot(path=str(artifacts / "browser-case-page.png"))
        html = download(page, "Catatan supervisi (HTML)").read_text(encoding="utf-8")
    assert NAME in html and "[NAMA-1]" in html and "Ratna" not in html
    assert "merasa lebih tenang" in html and "Tingkat bukti" in html
    assert CaseStore.in_index(app_server.index_dir).get(NAME).follow_ups[0].result.startswith("Ibu dan anak")
