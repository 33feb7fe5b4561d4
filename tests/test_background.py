"""Indexing in the background (issue 15.4, 15.6): the run lives in its own thread, reports counts and an
estimate that only needs what it has seen, and a run cut short is reported at the next start."""

from __future__ import annotations

from pathlib import Path

from ebp.config import Settings
from ebp.ingest import IngestReport, Progress
from ebp.ingest.background import MARKER, IndexJob, JobStatus, Tracker
from ebp.types import Stage


def test_the_tracker_counts_files_and_passages_and_estimates_the_time_left() -> None:
    tracker = Tracker(started=0.0)
    assert tracker.feed(Progress(Stage.SCAN, 10, 10), now=0.1).files_total == 10
    status = tracker.feed(Progress(Stage.PARSE, 1, 4, "a.pdf", passages=30), now=2.0)
    assert (status.files_read, status.files_todo, status.passages_read) == (1, 4, 30)
    assert status.remaining_s is None  # nothing embedded yet: no rate to estimate with
    tracker.feed(Progress(Stage.PARSE, 2, 4, "b.pdf", passages=30), now=4.0)
    tracker.feed(Progress(Stage.EMBED, 0, 60), now=4.0)
    status = tracker.feed(Progress(Stage.EMBED, 30, 60), now=7.0)
    assert status.passages_embedded == 30
    status = tracker.feed(Progress(Stage.WRITE, 60, 60), now=10.0)
    # 4 s reading 2 files (2 s each), 6 s embedding 60 passages (0.1 s each); 2 files and 60 passages to go
    assert status.passages_embedded == 60 and status.remaining_s == 2 * 2.0 + 60 * 0.1
    assert 0.0 < status.fraction < 1.0
    tracker.feed(Progress(Stage.PARSE, 3, 4, "c.pdf", passages=10), now=12.0)
    tracker.feed(Progress(Stage.EMBED, 0, 10), now=12.0)
    status = tracker.feed(Progress(Stage.WRITE, 10, 10), now=13.0)
    assert status.passages_embedded == 70  # counted across batches
    done = tracker.feed(IngestReport(), now=14.0)
    assert not done.running and done.fraction == 1.0 and done.report is not None


def test_the_fraction_moves_only_with_an_estimate() -> None:
    assert JobStatus(running=True).fraction == 0.0
    assert JobStatus(running=True, elapsed_s=30, remaining_s=10).fraction == 0.75


def _corpus(root: Path, make_pdf, n: int) -> Path:  # type: ignore[no-untyped-def]
    for i in range(n):
        make_pdf(root / f"doc{i}.pdf", [f"Dokumen {i} tentang pendampingan keluarga dan anak. " * 12])
    return root


def test_a_job_runs_in_its_own_thread_and_reports_the_result(tmp_path: Path, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(tmp_path / "corpus", make_pdf, 3)
    settings = Settings.from_env({}, corpus_dir=corpus, index_dir=tmp_path / "index")
    job = IndexJob(settings.index_dir)
    assert job.start(corpus, settings, fake_embedder)
    status = job.wait(120)
    assert not status.running and not status.error and status.report is not None
    assert status.report.documents == 3 and status.files_read == 3 and status.passages_embedded > 0
    assert not (settings.index_dir / MARKER).exists()  # finished: no marker left
    assert job.start(corpus, settings, fake_embedder)  # a second run: nothing changed, nothing embedded
    assert job.wait(120).report.embedded == 0  # type: ignore[union-attr]


def test_a_run_cut_short_is_reported_at_the_next_start(tmp_path: Path, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(tmp_path / "corpus", make_pdf, 2)
    settings = Settings.from_env({}, corpus_dir=corpus, index_dir=tmp_path / "index")
    settings.index_dir.mkdir(parents=True)
    (settings.index_dir / MARKER).write_text("4242 0\n")  # what a run leaves when the app is closed mid-way
    job = IndexJob(settings.index_dir)
    assert job.status().interrupted
    job.start(corpus, settings, fake_embedder)
    status = job.wait(120)
    assert status.report is not None and status.report.documents == 2 and not status.interrupted
    assert not (settings.index_dir / MARKER).exists()


def test_an_error_is_one_line_and_the_job_can_run_again(tmp_path: Path, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({}, corpus_dir=tmp_path / "missing", index_dir=tmp_path / "index")
    job = IndexJob(settings.index_dir)
    job.start(tmp_path / "missing", settings, fake_embedder)
    status = job.wait(60)
    assert not status.running and "missing" in status.error and "\n" not in status.error
    corpus = _corpus(tmp_path / "corpus", make_pdf, 1)
    job.start(corpus, settings, fake_embedder)
    assert job.wait(120).report is not None
