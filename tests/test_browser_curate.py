"""The real-browser test of "Kurasi bacaan": an RIS export imported (a duplicate merged), records screened with the
buttons and a keyboard shortcut, the includes saved as a reading list and exported as RIS. Shares the session's
app server (``browser_support``); its project and list carry a name no other test uses."""

from __future__ import annotations

from pathlib import Path

import rispy
from browser_support import AppServer, chromium_page, screenshots, wait_until

from ebp.curate.project import Projects

PROJECT = "Uji kurasi KDRT"
RECORDS = [
    ("Safety planning with survivors of domestic violence: a randomised controlled trial", "10.5555/dv1",
     "Women who survived domestic violence made safety plans with a social worker; shelter use and safety rose."),
    ("Pendampingan psikososial anak korban kekerasan dalam rumah tangga", "10.5555/kdrt2",
     "Studi kualitatif tentang pendampingan anak yang menyaksikan kekerasan dalam rumah tangga oleh pekerja sosial."),
    ("Statin use and breast cancer survival", "10.5555/statin",
     "A nationwide cohort of women with breast cancer: statin users had lower cancer mortality."),
    ("Home care for older people living alone", "10.5555/home",
     "Older people living alone received home visits; loneliness fell in a cross-sectional survey."),
    ("Dialysis outcomes in kidney failure", "10.5555/kidney",
     "Haemodialysis patients were followed for five years; mortality depended on age and diabetes."),
]  # fmt: skip


def _ris(path: Path) -> Path:
    entries = [{"type_of_reference": "JOUR", "title": t, "doi": d, "abstract": a, "authors": ["Putri, Sari"],
                "year": "2022"} for t, d, a in RECORDS]  # fmt: skip
    entries.append({**entries[0], "title": entries[0]["title"].upper(), "doi": ""})  # a second export of paper 1
    path.write_text(rispy.dumps(entries), encoding="utf-8")
    return path


def _press(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click the button ``name`` once a Streamlit rerun has finished drawing (a rerun can briefly show the record's
    buttons twice, the old ones fading; seen in a fresh-clone CI run)."""
    button = page.get_by_role("button", name=name)
    wait_until(lambda: button.count() == 1)
    button.click()


def _decisions(index_dir: Path) -> int:
    projects = Projects.in_index(index_dir)
    return len(projects.get(PROJECT).decisions) if PROJECT in projects.names() else -1


def test_an_organiser_imports_screens_and_exports_the_included_records(app_server: AppServer, tmp_path: Path) -> None:
    artifacts = screenshots(tmp_path)
    export = _ris(tmp_path / "garuda.ris")
    with chromium_page(app_server) as page:
        page.get_by_text("Kurasi bacaan", exact=True).first.click()
        page.get_by_label("Nama proyek").wait_for()  # "Proyek baru" is open while there is no project
        page.get_by_label("Nama proyek").fill(PROJECT)
        page.get_by_label("Topik seminar (bahasa Indonesia atau Inggris)").fill(
            "rencana keselamatan bagi perempuan dan anak korban KDRT"
        )
        page.locator("input[type=file]").set_input_files(str(export))
        page.get_by_role("button", name="Impor dan mulai").click()
        page.get_by_text("0 dari 5 disaring").first.wait_for(timeout=120_000)  # six read, one duplicate merged
        assert "DV1" not in page.content()
        first = page.locator(".ebp-card h4").first.inner_text()
        assert "KDRT" in first.upper() or "domestic" in first  # the topic ranks first, Indonesian or English
        page.screenshot(path=str(artifacts / "curate-first.png"), full_page=True)
        assert page.locator(".ebp-card mark").count() > 0, page.locator(".ebp-card").first.inner_html()
        _press(page, "Sertakan")
        wait_until(lambda: _decisions(app_server.index_dir) == 1)
        page.get_by_text("1 dari 5 disaring").first.wait_for()
        _press(page, "Tolak")
        wait_until(lambda: _decisions(app_server.index_dir) == 2)
        page.get_by_text("2 dari 5 disaring").first.wait_for()
        page.locator("body").press("i")  # the keyboard shortcut of "Sertakan"
        wait_until(lambda: _decisions(app_server.index_dir) == 3)
        page.get_by_text("3 dari 5 disaring · 2 disertakan").first.wait_for()
        _press(page, "Urungkan")  # undo, then include again
        wait_until(lambda: _decisions(app_server.index_dir) == 2)
        _press(page, "Sertakan")
        wait_until(lambda: _decisions(app_server.index_dir) == 3)
        _press(page, "Simpan sebagai daftar bacaan")
        page.get_by_text(f"Daftar '{PROJECT}' disimpan dengan 2 rekaman.").wait_for()
        page.screenshot(path=str(artifacts / "curate-list.png"), full_page=True)
        with page.expect_download() as download:
            page.get_by_role("button", name="RIS", exact=True).click()
        exported = rispy.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        _press(page, "Sertakan")  # one more include after the list was saved: the page says the list is behind
        wait_until(lambda: _decisions(app_server.index_dir) == 4)
        page.get_by_text("1 rekaman yang disertakan belum ada di daftar").first.wait_for()
    included = [r.title for r in Projects.in_index(app_server.index_dir).get(PROJECT).records
                if r.title in {e["title"] for e in exported}]  # fmt: skip
    assert len(exported) == 2 and len(included) == 2
    assert all(e.get("abstract") and e.get("doi") for e in exported), exported
