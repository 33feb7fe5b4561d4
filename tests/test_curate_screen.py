"""Screening: the active learner on a small synthetic set (fake embedder), projects in real SQLite (persist, resume,
undo), the includes as a reading list, the simulation's metrics and ``ebp curate simulate``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from ebp.cli import main
from ebp.curate.project import Label, ProjectError, Projects
from ebp.curate.records import Record
from ebp.curate.screen import ScreenParams, build_features, embed_records, progress, rank
from ebp.curate.simulate import prior_rows, replay, work_metrics
from ebp.curate.workflow import Screening, create_project, reading_items
from ebp.present.readinglists import ReadingLists

TOPIC_WORDS = "parenting programme mothers children behaviour home visits".split()
OTHER_WORDS = "blood pressure statin cholesterol kidney dialysis surgery tumour insulin".split()


def synthetic(n: int = 120, relevant: int = 12, seed: int = 0) -> tuple[list[Record], list[int]]:
    rng = random.Random(seed)
    records, labels = [], []
    for i in range(n):
        on_topic = i % (n // relevant) == 0
        words = [rng.choice(TOPIC_WORDS if on_topic and rng.random() < 0.6 else OTHER_WORDS) for _ in range(40)]
        title = ("A trial of " if i % 3 == 0 else "A survey of ") + " ".join(words[:4])
        records.append(Record(f"r{i}", title, " ".join(words), (f"Author{i}, A.",), 2000 + i % 20))
        labels.append(int(on_topic))
    return records, labels


def test_the_topic_ranks_first_and_decisions_move_the_includes_up(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    records, labels = synthetic()
    texts = [r.text for r in records]
    features = build_features(
        texts, embed_records(texts, fake_embedder), "parenting programme for mothers", fake_embedder
    )
    cold = rank(features, [], [])
    assert not cold.trained and np.mean([labels[r] for r in cold.order[:10]]) >= 0.7  # the topic alone
    prior = prior_rows(labels, seed=1)
    warm = rank(features, prior, [labels[r] for r in prior])
    assert warm.trained and set(warm.order).isdisjoint(prior)
    run = replay(features, labels, prior)
    wss95, wss100, recall10 = work_metrics(run.order, labels, prior)
    assert wss95 > 0.5 and recall10 >= 0.5 and run.seconds_per_decision < 1.0


@pytest.mark.parametrize(
    "params",
    [
        ScreenParams(),
        ScreenParams(loss="squared_hinge"),
        ScreenParams(topic_record_half_life=5.0),
        ScreenParams(tfidf_model_weight=1.0),
    ],
    ids=["hinge", "squared-hinge", "topic-record-fades", "plus-tfidf-model"],
)
def test_each_measured_variant_finds_the_includes_early(fake_embedder, params: ScreenParams) -> None:  # type: ignore[no-untyped-def]
    records, labels = synthetic(seed=2)
    texts = [r.text for r in records]
    topic = "parenting programme for mothers" if params.topic_record_half_life else ""
    features = build_features(texts, embed_records(texts, fake_embedder), topic, fake_embedder, params)
    prior = prior_rows(labels, seed=3)
    wss95, _, _ = work_metrics(replay(features, labels, prior, params).order, labels, prior)
    assert wss95 > 0.5
    with pytest.raises(ValueError, match="loss"):
        ScreenParams(loss="hinge2")


def test_work_metrics_follow_their_definitions() -> None:
    wss95, wss100, recall10 = work_metrics(list(range(20)), [1, 1] + [0] * 18, [])
    assert wss100 == pytest.approx(18 / 20) and wss95 == pytest.approx(18 / 20 - 0.05) and recall10 == 1.0
    assert work_metrics(list(range(10)), [0] * 9 + [1], [])[1] == pytest.approx(0.0)
    with pytest.raises(ValueError, match="no included"):
        work_metrics([0, 1], [1, 0], [0])


def test_the_stopping_hint_waits_for_a_run_of_excludes_and_a_small_estimate() -> None:
    scores = [3.0, 2.5, 2.0] + [-1.0] * 60
    labels = [1, 1, 1] + [0] * 60
    late = progress(1000, labels, scores, np.full(900, -3.0))
    assert late.since_last_include == 60 and late.stop_suggested and late.remaining_estimate < 1
    early = progress(1000, labels[:10], scores[:10], np.full(990, 0.5))
    assert not early.stop_suggested and early.remaining_estimate > late.remaining_estimate


def test_a_project_persists_resumes_undoes_and_becomes_a_reading_list(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    records, labels = synthetic(60, 6)
    duplicate = Record("dup", records[0].title.upper(), records[0].abstract, records[0].authors, records[0].year)
    projects = Projects.in_index(tmp_path)
    name, dedup = create_project(projects, " Seminar  parenting ", "parenting programme", [*records, duplicate],
                                 fake_embedder)  # fmt: skip
    assert name == "Seminar parenting" and len(dedup.merges) == 1 and dedup.merges[0].reasons == ("title",)
    with pytest.raises(ProjectError, match="already exists"):
        projects.create(name, "", records[:1], ["other"], np.zeros((1, 64)), "fake")
    screening = Screening.open(projects, name, fake_embedder)
    for _ in range(4):
        ranking = screening.ranking()
        row = int(ranking.order[0])
        screening.decide(projects, row, Label(labels[row]), ranking)
    ranking = screening.ranking()
    screening.decide(projects, int(ranking.order[0]), Label.MAYBE, ranking)
    resumed = Screening.open(Projects.in_index(tmp_path), name, fake_embedder)  # another process, later
    assert len(resumed.project.decisions) == 5 and resumed.project.topic == "parenting programme"
    assert len(resumed.ranking().order) == len(resumed.project.records) - 5  # a maybe is set aside too
    undone = projects.undo(name)
    assert undone is not None and undone.label == Label.MAYBE
    assert len(projects.get(name).decisions) == 4
    included = projects.get(name).included()
    items = reading_items(projects.get(name))
    assert [i.title for i in items] == [projects.get(name).records[r].title for r in included]
    assert all(i.design and i.level.rank >= 1 and i.abstract for i in items)
    lists = ReadingLists.in_index(tmp_path)
    lists.create("Seminar", items)
    assert [i.abstract for i in lists.get("Seminar").items] == [i.abstract for i in items]
    np.testing.assert_allclose(projects.vectors(name), fake_embedder.embed_passages([r.text for r in dedup.records]))


def test_curate_simulate_prints_the_metrics_as_json(tmp_path: Path, capsys, monkeypatch, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    import csv

    records, labels = synthetic(80, 8)
    path = tmp_path / "labelled.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "title", "abstract", "included"])
        writer.writerows(
            [(i + 1, r.title, r.abstract, y) for i, (r, y) in enumerate(zip(records, labels, strict=True))]
        )
    monkeypatch.setattr("ebp.curate.cli._embedder", lambda settings: fake_embedder)
    monkeypatch.setattr("pathlib.Path.home", lambda: tmp_path)
    code = main(["curate", "simulate", "--csv", str(path), "--label-column", "included", "--topic",
                 "program parenting untuk ibu", "--prior-ids", "1", "2", "--json"])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["prior_ids"] == ["1", "2"] and data["records"] == 80 and data["included"] == 8
    assert 0 < data["wss95"] <= 1 and 0 <= data["recall_at_10pct"] <= 1 and data["seconds_per_decision"] < 1
    assert main(["curate", "simulate", "--csv", str(path), "--label-column", "nope", "--json"]) == 1
    assert "nope" in capsys.readouterr().err


def test_include_weights_follow_asreviews_balance() -> None:
    """ASReview's "balanced" weights: the excludes together weigh the includes' 1/ratio, and the weights sum to the
    number of decisions; equal ratio and class sizes weigh every decision alike."""
    from ebp.curate.screen import include_weights

    y = np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
    weights = include_weights(y, 9.8)
    assert weights.sum() == pytest.approx(len(y))
    assert weights[y == 0].sum() == pytest.approx(weights[y == 1].sum() / 9.8)
    assert include_weights(np.array([1, 0]), 1.0).tolist() == [1.0, 1.0]
