"""The app as a real server for browser tests: ``streamlit run app.py`` on a small corpus of real PDFs,
started once per test session (loading the model and indexing cost most of a browser test), and a
headless Chromium page on it.

Every browser test shares the one server and its index folder, so each test names what it creates
(a list, a project, a case) so as not to meet another test's. Debian's Chromium (/usr/bin/chromium)
and the playwright package are needed: without them the tests skip with a message, in CI (where
.ci/run installs them) they fail. No browser is ever downloaded.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import require_system

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
# The server's corpus: four short real PDFs, two Indonesian, two English.
CORPUS = {
    "kdrt.pdf": "Pendampingan Perempuan Korban KDRT\nJurnal Pekerjaan Sosial, 2023\nAbstrak\n"
    + "Pekerja sosial menyusun rencana keselamatan bersama ibu korban KDRT dan anak-anaknya. " * 10,
    "elderly.pdf": "Home Care for Older People Living Alone\nAbstract\n"
    + "Older people living alone need home visits. " * 12,
    "shelter.pdf": "Safety Planning with Survivors of Domestic Violence: a randomised controlled trial\nAbstract\n"
    + "Mothers who survived domestic violence made safety plans with a social worker and found shelter. " * 8,
    "anak.pdf": "Dampak Kekerasan dalam Rumah Tangga pada Anak\nAbstrak\n"
    + "Anak yang menyaksikan kekerasan dalam rumah tangga membutuhkan tempat aman dan pendampingan. " * 8,
}


@dataclass(frozen=True)
class AppServer:
    url: str
    index_dir: Path
    corpus_dir: Path
    home: Path  # the server's temporary folder (its log is server.log there)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {seconds:.0f} s")
        time.sleep(0.2)


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


@contextmanager
def run_app(home: Path, make_pdf: Callable[..., Path]) -> Iterator[AppServer]:
    """``streamlit run app.py`` on ``home/corpus`` with its index in ``home/index``, stopped on exit."""
    corpus = home / "corpus"
    for name, text in CORPUS.items():
        make_pdf(corpus / name, [text])
    port = free_port()
    env = {**os.environ, "EBP_CORPUS_DIR": str(corpus), "EBP_INDEX_DIR": str(home / "index")}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none"]  # fmt: skip
    with (home / "server.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for_health(f"http://127.0.0.1:{port}", process, 60)
            yield AppServer(f"http://127.0.0.1:{port}", home / "index", corpus, home)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


@contextmanager
def chromium_page(server: AppServer, width: int = 1280, height: int = 1100) -> Iterator[Any]:
    """A page of headless Chromium open at the app, after its first run (model loaded, corpus indexed)."""
    if not CHROMIUM.exists():
        require_system(False, f"Debian's chromium ({CHROMIUM})", "apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(server.url)
            page.locator("textarea").first.wait_for(timeout=120_000)  # the first run loads the model, indexes
            yield page
        finally:
            browser.close()


def screenshots(tmp_path: Path) -> Path:
    """Where a browser test saves its screenshots: $SCREENSHOTS_DIR when set, else the test's own folder."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def download(page, button: str, attempts: int = 3) -> Path:  # type: ignore[no-untyped-def]
    """The file the download button ``button`` gives. A click that lands while Streamlit redraws the page can hit
    the outgoing button and start nothing (seen once in a fresh-clone CI run); the user would click again, so this
    does too, up to ``attempts`` times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(attempts):
        try:
            with page.expect_download(timeout=15_000) as started:
                page.get_by_role("button", name=button).click()
            return Path(started.value.path())
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
