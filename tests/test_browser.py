"""One real-browser test: `streamlit run app.py` as a server, driven by headless Chromium.

Skips with a message when Debian's Chromium (/usr/bin/chromium) or the playwright package is
missing (in CI, where .ci/run installs them, it fails instead); never downloads a browser. Screenshots
go to the test's temporary folder, or to $SCREENSHOTS_DIR when set (to look at them).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import rispy
from conftest import require_system
from pypdf import PdfReader

from ebp.present.readinglists import ReadingLists

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LIST = "Daftar bacaan saya"  # the default list's Indonesian name
CASE = "Seorang ibu korban KDRT dengan dua anak kecil membutuhkan rencana keselamatan dan tempat aman"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_health(url: str, server: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer at {url} within {seconds:.0f} s")


def _saved_count(index_dir: Path) -> int:
    lists = ReadingLists.in_index(index_dir)
    return len(lists.get(LIST).items) if LIST in lists.names() else 0


def _wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {seconds:.0f} s")
        time.sleep(0.2)


@pytest.fixture
def server(tmp_path: Path, make_pdf) -> Iterator[tuple[str, Path]]:
    corpus = tmp_path / "corpus"
    make_pdf(
        corpus / "kdrt.pdf",
        [
            "Pendampingan Perempuan Korban KDRT\nJurnal Pekerjaan Sosial, 2023\nAbstrak\n"
            + "Pekerja sosial menyusun rencana keselamatan bersama ibu korban KDRT dan anak-anaknya. " * 10
        ],
    )
    make_pdf(
        corpus / "elderly.pdf",
        ["Home Care for Older People Living Alone\nAbstract\n" + "Older people living alone need home visits. " * 12],
    )
    make_pdf(
        corpus / "shelter.pdf",
        [
            "Safety Planning with Survivors of Domestic Violence: a randomised controlled trial\nAbstract\n"
            + "Mothers who survived domestic violence made safety plans with a social worker and found shelter. " * 8
        ],
    )
    make_pdf(
        corpus / "anak.pdf",
        [
            "Dampak Kekerasan dalam Rumah Tangga pada Anak\nAbstrak\n"
            + "Anak yang menyaksikan kekerasan dalam rumah tangga membutuhkan tempat aman dan pendampingan. " * 8
        ],
    )
    port = _free_port()
    env = {**os.environ, "EBP_CORPUS_DIR": str(corpus), "EBP_INDEX_DIR": str(tmp_path / "index")}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_health(f"http://127.0.0.1:{port}", process, 60)
        yield f"http://127.0.0.1:{port}", tmp_path / "index"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


def test_a_newcomer_finds_evidence_saves_three_and_exports_them_in_a_real_browser(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    """The README's promise: an Indonesian case, three results into a reading list, RIS and a handout."""
    if not CHROMIUM.exists():
        require_system(False, f"Debian's chromium ({CHROMIUM})", "apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    artifacts = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path / "screenshots")
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1100})
            url, index_dir = server
            page.goto(url)
            case_box = page.locator("textarea").first
            case_box.wait_for(timeout=120_000)  # the first run loads the model and indexes the corpus
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
                _wait_until(lambda n=i + 1: _saved_count(index_dir) == n)  # each click is saved before the next
            page.get_by_text("Daftar bacaan", exact=True).first.click()
            page.get_by_text("3 dokumen").wait_for()
            page.screenshot(path=str(artifacts / "browser-list.png"), full_page=True)
            exported = {}
            for button in ("RIS", "Markdown"):
                with page.expect_download() as download:
                    page.get_by_role("button", name=button, exact=True).click()
                exported[button] = Path(download.value.path()).read_text(encoding="utf-8")
        finally:
            browser.close()
    entries = rispy.loads(exported["RIS"])
    assert [e["title"] for e in entries] == saved
    handout = exported["Markdown"]
    assert all(title in handout for title in saved) and "Tingkat bukti" in handout
