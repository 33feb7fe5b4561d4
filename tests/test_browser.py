"""One real-browser test: `streamlit run app.py` as a server, driven by headless Chromium.

Skips with a message when Debian's Chromium (/usr/bin/chromium) or the playwright package is
missing; never downloads a browser. The screenshot goes to artifacts/ (not committed).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def server(tmp_path: Path, make_pdf) -> Iterator[str]:
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
    port = _free_port()
    env = {**os.environ, "EBP_CORPUS_DIR": str(corpus), "EBP_INDEX_DIR": str(tmp_path / "index")}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_health(f"http://127.0.0.1:{port}", process, 60)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()


def test_a_practitioner_finds_evidence_in_a_real_browser(server: str) -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1100})
            page.goto(server)
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
        finally:
            browser.close()
