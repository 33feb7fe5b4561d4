"""Walk the app in headless Chromium and save screenshots, as a new user meets it.

    .venv/bin/python tools/walk_app.py OUT_DIR [--lang id|en] [--port 8765]

Starts ``streamlit run app.py`` on the corpus and index of the environment (``EBP_CORPUS_DIR``,
``EBP_INDEX_DIR``), waits for the first start, then: a case on the search page (with the brief, the
cards and the matched page shown), the corpus page with the topic map, the manage page, a reading list.
Needs Debian's Chromium (/usr/bin/chromium) and playwright; never downloads a browser. The README's
screenshots (``docs/``) are made with it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "id": "Seorang ibu korban KDRT dengan dua anak takut melapor ke polisi karena bergantung secara ekonomi "
    "pada suaminya. Apa yang efektif untuk mendampinginya?",
    "en": "An older man living alone after a stroke refuses home care; what helps him accept support at home?",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            f"--server.port={args.port}",
            "--server.fileWatcherType=none",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=open(args.out / "server.log", "wb"),
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(url, 120)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector("textarea", timeout=600_000)  # first start: indexing before the case box
            if args.lang == "en":
                page.get_by_text("English").click()
                time.sleep(2)
            _walk(page, args.out, args.lang)
            browser.close()
    finally:
        server.terminate()
        server.wait(30)
    return 0


def _walk(page, out: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.locator("textarea").first.fill(CASES[lang])
    page.keyboard.press("Control+Enter")
    time.sleep(1)
    page.get_by_role("button", name="Cari bukti" if lang == "id" else "Find evidence").click()
    page.wait_for_selector(".ebp-card", timeout=120_000)
    time.sleep(3)
    page.screenshot(path=str(out / f"search-{lang}.png"), full_page=False)
    page.mouse.move(800, 500)  # Streamlit scrolls its main block, not the window: one screenshot per screenful
    for step in range(1, 4):
        page.mouse.wheel(0, 850)
        time.sleep(1)
        page.screenshot(path=str(out / f"search-{lang}-{step}.png"), full_page=False)
    save = page.get_by_role("button", name="Simpan ke" if lang == "id" else "Save to")
    for i in range(min(3, save.count())):  # the first results into the default reading list
        save.nth(i).click()
        time.sleep(2)
    toggle = page.get_by_text("Tampilkan hlm." if lang == "id" else "Show page").first
    toggle.click()
    time.sleep(6)  # a PDF page is drawn as an image; a Markdown or Word file's page is shown as text
    toggle.scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"page-view-{lang}.png"), full_page=False)
    pages = (
        ("corpus", ("Korpus & topik", "Corpus & topics")),
        ("lists", ("Daftar bacaan", "Reading lists")),
        ("curate", ("Kurasi bacaan", "Curate readings")),
        ("cases", ("Kasus saya", "My cases")),
        ("manage", ("Kelola korpus", "Manage corpus")),
    )
    for name, label in pages:
        page.get_by_text(label[0] if lang == "id" else label[1], exact=True).first.click()
        time.sleep(4)
        page.screenshot(path=str(out / f"{name}-{lang}.png"), full_page=True)


def _wait(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the app did not answer at {url}")


if __name__ == "__main__":
    sys.exit(main())
