import math
from pathlib import Path

import pytest

from ebp.bench.metrics import evaluate, load_beir

# Hand-computed graded example (nDCG gain = relevance, discount = log2(rank + 1), as trec_eval):
#   qrels q1: d1 = 2, d2 = 1, d3 = 0;   run q1: d3 (3.0), d1 (2.0), d2 (1.0)
#   DCG  = 0/log2(2) + 2/log2(3) + 1/log2(4) = 0 + 1.261860 + 0.5 = 1.761860
#   IDCG = 2/log2(2) + 1/log2(3) + 0/log2(4) = 2 + 0.630930     = 2.630930
#   nDCG@10 = 1.761860 / 2.630930 = 0.669672
#   RR@10 = 1/2 (first doc with relevance ≥ 1 is at rank 2); R@100 = 2/2 = 1 (d3, rel 0, is not relevant)
QRELS = {"q1": {"d1": 2, "d2": 1, "d3": 0}}
RUN = {"q1": {"d3": 3.0, "d1": 2.0, "d2": 1.0}}
NDCG_Q1 = (2 / math.log2(3) + 1 / 2) / (2 + 1 / math.log2(3))


def test_hand_computed_graded_example() -> None:
    assert NDCG_Q1 == pytest.approx(0.669672, abs=1e-6)
    scores = evaluate(RUN, QRELS)
    assert scores["ndcg@10"] == pytest.approx(NDCG_Q1)
    assert scores["mrr@10"] == pytest.approx(0.5)
    assert scores["recall@100"] == pytest.approx(1.0)


def test_perfect_ranking_scores_one() -> None:
    scores = evaluate({"q1": {"d1": 3.0, "d2": 2.0, "d3": 1.0}}, QRELS)
    assert scores == pytest.approx({"ndcg@10": 1.0, "recall@100": 1.0, "mrr@10": 1.0})


def test_queries_without_results_count_zero_and_unjudged_are_ignored() -> None:
    qrels = {**QRELS, "q2": {"d9": 1}, "q3": {"d8": 1}}
    run = {**RUN, "q3": {}, "unjudged": {"d1": 1.0}}  # q2 missing, q3 empty
    scores = evaluate(run, qrels)
    assert scores["ndcg@10"] == pytest.approx(NDCG_Q1 / 3)
    assert scores["mrr@10"] == pytest.approx(0.5 / 3)
    assert scores["recall@100"] == pytest.approx(1 / 3)


def test_cutoffs() -> None:
    # The only relevant doc at rank 11: outside nDCG@10 and RR@10, inside R@100.
    run = {"q": {f"n{i}": 100.0 - i for i in range(10)} | {"rel": 1.0}}
    scores = evaluate(run, {"q": {"rel": 1}})
    assert scores == pytest.approx({"ndcg@10": 0.0, "recall@100": 1.0, "mrr@10": 0.0})
    # Half the relevant docs retrieved: recall 1/2; first at rank 1: RR 1;
    # nDCG = (1/log2(2)) / (1/log2(2) + 1/log2(3)) = 1 / 1.630930 = 0.613147
    scores = evaluate({"q": {"a": 2.0, "x": 1.0}}, {"q": {"a": 1, "b": 1}})
    assert scores == pytest.approx({"ndcg@10": 0.613147, "recall@100": 0.5, "mrr@10": 1.0}, abs=1e-6)


def test_empty_qrels_rejected() -> None:
    with pytest.raises(ValueError):
        evaluate(RUN, {})


def _write_beir(root: Path) -> None:
    (root / "qrels").mkdir(parents=True)
    (root / "corpus.jsonl").write_text(
        '{"_id": "d1", "title": "Child care", "text": "Parenting support."}\n'
        '{"_id": "d2", "title": "", "text": "Stroke rehabilitation."}\n',
        encoding="utf-8",
    )
    (root / "queries.jsonl").write_text(
        '{"_id": "q1", "text": "parenting"}\n{"_id": "q2", "text": "stroke"}\n{"_id": "q3", "text": "unjudged"}\n',
        encoding="utf-8",
    )
    (root / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t2\nq2\td2\t1\nq2\td1\t0\n")


def test_load_beir(tmp_path: Path) -> None:
    _write_beir(tmp_path)
    data = load_beir(tmp_path, "test")
    assert data.corpus == {"d1": ("Child care", "Parenting support."), "d2": ("", "Stroke rehabilitation.")}
    assert data.queries == {"q1": "parenting", "q2": "stroke"}
    assert data.qrels == {"q1": {"d1": 2}, "q2": {"d2": 1, "d1": 0}}

    other = tmp_path / "queries-id.jsonl"
    other.write_text('{"_id": "q1", "text": "pengasuhan"}\n', encoding="utf-8")
    assert load_beir(tmp_path, "test", other).queries == {"q1": "pengasuhan"}


def test_load_beir_rejects_a_qrels_file_without_header(tmp_path: Path) -> None:
    _write_beir(tmp_path)
    (tmp_path / "qrels" / "test.tsv").write_text("q1\td1\t2\n")
    with pytest.raises(ValueError, match="header"):
        load_beir(tmp_path, "test")
