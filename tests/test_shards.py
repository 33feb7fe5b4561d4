"""A library split into shards (issue 16): real PDFs, SQLite, FAISS and BM25 per shard, a manifest moved
atomically, and a search over the shards that gives the laptop's results."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ebp import cli, embed, ingest
from ebp.cluster.sharded import ShardedSearcher
from ebp.cluster.shards import MANIFEST, build, is_sharded, read_manifest
from ebp.config import Settings
from ebp.errors import EbpError
from ebp.retrieve.search import Searcher
from ebp.types import Mode

DOCUMENTS = {
    "en_parenting.pdf": "The parenting program reduced child neglect in poor families across villages.",
    "en_elderly.pdf": "Home visits for elderly people living alone reduced loneliness and hospital use.",
    "en_cash.pdf": "A cash transfer program raised school attendance and reduced child labour.",
    "en_violence.pdf": "Advocacy for women after domestic violence reduced repeat abuse and depression.",
    "en_youth.pdf": "Diversion of young offenders from court reduced reoffending over two years.",
    "id_pengasuhan.pdf": "Program pengasuhan positif menurunkan penelantaran anak pada keluarga miskin di desa.",
    "id_lansia.pdf": "Kunjungan rumah bagi lansia yang tinggal sendiri mengurangi kesepian dan rawat inap.",
    "id_kdrt.pdf": "Pendampingan korban kekerasan dalam rumah tangga meningkatkan rasa aman dan keberanian melapor.",
}
CASES = [
    "elderly man living alone and lonely at home",
    "program for poor families to stop child neglect",
    "Ibu korban KDRT takut melapor ke polisi",
    "lansia tinggal sendiri kesepian",
    "young offender diverted from court",
]


@pytest.fixture
def corpus(tmp_path: Path, make_pdf) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    for name, sentence in DOCUMENTS.items():
        make_pdf(folder / name, [" ".join([sentence] * 6), f"Results. {sentence} Discussion of {name}."])
    return folder


def _laptop(tmp_path: Path, corpus: Path, embedder) -> Searcher:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({}, index_dir=tmp_path / "laptop", corpus_dir=corpus)
    ingest.ingest(corpus, settings, embedder)
    return Searcher(settings.index_dir, embedder)


def _sharded(tmp_path: Path, corpus: Path, embedder, shards: int) -> ShardedSearcher:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({}, index_dir=tmp_path / f"sharded-{shards}", corpus_dir=corpus)
    build(corpus, settings.index_dir, settings, embedder, shards=shards)
    return ShardedSearcher(settings.index_dir, embedder)


def _view(hits) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(h.document.path, h.score, h.why.fused_score, h.why.lexical_score, [p.passage_id for p in h.passages])
            for h in hits]  # fmt: skip


@pytest.mark.parametrize("mode", [Mode.HYBRID, Mode.DENSE, Mode.BM25])
def test_one_shard_gives_the_laptops_results_score_for_score(tmp_path, corpus, fake_embedder, mode) -> None:  # type: ignore[no-untyped-def]
    laptop, sharded = _laptop(tmp_path, corpus, fake_embedder), _sharded(tmp_path, corpus, fake_embedder, 1)
    for case in CASES:
        assert _view(sharded.search(case, k=5, mode=mode)) == _view(laptop.search(case, k=5, mode=mode)), case


def test_several_shards_rank_as_the_laptop_does(tmp_path, corpus, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    laptop, sharded = _laptop(tmp_path, corpus, fake_embedder), _sharded(tmp_path, corpus, fake_embedder, 3)
    manifest = read_manifest(sharded.index_dir)
    assert manifest is not None and len(manifest.shards) == 3
    assert sorted(p for s in manifest.shards for p in s.documents) == sorted(DOCUMENTS)  # every document, once
    assert all(s.documents for s in manifest.shards)
    for case in CASES:
        dense = [h.document.path for h in sharded.search(case, k=5, mode=Mode.DENSE)]
        assert dense == [h.document.path for h in laptop.search(case, k=5, mode=Mode.DENSE)], case
        hybrid, reference = sharded.search(case, k=5), laptop.search(case, k=5)
        assert [h.document.path for h in hybrid] == [h.document.path for h in reference], case
        for got, want in zip(hybrid, reference, strict=True):  # BM25 at the library's IDF and mean length
            assert (got.why.lexical_score is None) == (want.why.lexical_score is None)
            if want.why.lexical_score:
                assert got.why.lexical_score == pytest.approx(want.why.lexical_score, rel=1e-4)


def test_adding_documents_rebuilds_only_the_open_shard(tmp_path, corpus, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    sharded = _sharded(tmp_path, corpus, fake_embedder, 3)
    before = read_manifest(sharded.index_dir)
    assert before is not None and [s.generation for s in before.shards] == [1, 1, 1]
    make_pdf(corpus / "zz_housing.pdf", ["Housing first reduced homelessness among veterans with addiction. " * 6])
    settings = Settings.from_env({}, index_dir=sharded.index_dir, corpus_dir=corpus)
    reports: dict[str, object] = {}
    after = build(corpus, sharded.index_dir, settings, fake_embedder, on_shard=reports.__setitem__)
    assert after.generation == before.generation + 1
    assert list(reports) == ["shard-002"]  # one shard built again
    assert [s.generation for s in after.shards] == [1, 1, 2]
    assert "zz_housing.pdf" in after.shards[-1].documents
    # a searcher opened before the change serves the new generation on its next query
    assert sharded.search("homelessness housing for veterans", k=1)[0].document.path == "zz_housing.pdf"
    (corpus / "en_cash.pdf").unlink()  # a removed document leaves its shard, which alone is built again
    reports.clear()
    removed = build(corpus, sharded.index_dir, settings, fake_embedder, on_shard=reports.__setitem__)
    holder = next(s.name for s in before.shards if "en_cash.pdf" in s.documents)
    assert list(reports) == [holder]
    assert "en_cash.pdf" not in [h.document.path for h in sharded.search("cash transfer school attendance", k=8)]
    assert removed.generation == after.generation + 1


def test_manifest_is_replaced_whole_and_a_damaged_one_says_so(tmp_path, corpus, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    sharded = _sharded(tmp_path, corpus, fake_embedder, 2)
    folder = sharded.index_dir
    assert is_sharded(folder) and not is_sharded(tmp_path)
    assert not [p for p in folder.iterdir() if p.name.startswith(".manifest-")]  # no temporary file left
    data = json.loads((folder / MANIFEST).read_text())
    assert data["version"] == 1 and [s["name"] for s in data["shards"]] == ["shard-000", "shard-001"]
    (folder / MANIFEST).write_text('{"version": 1, "generation": ')
    with pytest.raises(EbpError, match="damaged"):
        read_manifest(folder)


def test_unchanged_library_builds_nothing(tmp_path, corpus, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    sharded = _sharded(tmp_path, corpus, fake_embedder, 2)
    settings = replace(Settings.from_env({}), index_dir=sharded.index_dir, corpus_dir=corpus)
    reports: dict[str, object] = {}
    again = build(corpus, sharded.index_dir, settings, fake_embedder, on_shard=reports.__setitem__)
    assert reports == {} and [s.generation for s in again.shards] == [1, 1] and again.generation == 1


def _without_doc_ids(value):  # type: ignore[no-untyped-def]
    """A brief's JSON without its document ids (a shard's documents are keyed by shard and own id)."""
    if isinstance(value, dict):
        return {k: _without_doc_ids(v) for k, v in value.items() if k != "doc_id"}
    if isinstance(value, list):
        return [_without_doc_ids(v) for v in value]
    return value


def test_shards_never_import_ray() -> None:
    code = "import sys, ebp.cluster.shards, ebp.cluster.sharded; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_command_line_builds_and_searches_shards(tmp_path, corpus, real_embedder, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": real_embedder)
    monkeypatch.setenv("EBP_WARM_SEARCH", "0")
    folder = str(tmp_path / "sharded")
    assert cli.main(["index", str(corpus), "--index", folder, "--shards", "2"]) == 0
    assert "shards 2, documents 8" in capsys.readouterr().err
    assert cli.main(["search", "elderly man living alone", "--index", folder, "--json", "-k", "3"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert Path(hits[0]["path"]).name == "en_elderly.pdf" and len(hits) == 3
    laptop = str(tmp_path / "laptop")
    assert cli.main(["index", str(corpus), "--index", laptop]) == 0
    capsys.readouterr()
    quoted, second_shard, ids = 0, 0, []
    for case in ("elderly man living alone", "lansia tinggal sendiri kesepian", "young offender diverted from court"):
        briefs = []
        for index in (folder, laptop):  # the brief reads each document from its own shard, as from the laptop's
            assert cli.main(["brief", case, "--index", index, "--json"]) == 0
            briefs.append(json.loads(capsys.readouterr().out))
        assert _without_doc_ids(briefs[0]) == _without_doc_ids(briefs[1]), case
        quoted += len(briefs[0]["findings"])
        second_shard += sum(row["doc_id"] >> 40 == 1 for row in briefs[0]["rows"])
        ids.append([(Path(r["path"]).name, r["doc_id"]) for r in briefs[0]["rows"]])
    assert quoted and second_shard, ids  # briefs that quote something, with documents read from the second shard
    assert cli.main(["index", str(corpus), "--index", laptop, "--shards", "2"]) == 1  # a single index stays one
    assert "holds a single (laptop) index" in capsys.readouterr().err


def test_a_full_open_shard_sends_new_documents_to_a_new_one(tmp_path, corpus, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({}, index_dir=tmp_path / "sharded", corpus_dir=corpus, shard_passages=3)
    first = build(corpus, settings.index_dir, settings, fake_embedder, shards=2)
    assert [s.name for s in first.shards] == ["shard-000", "shard-001"] and first.shards[-1].passages >= 3
    make_pdf(corpus / "zz_housing.pdf", ["Housing first reduced homelessness among veterans with addiction. " * 6])
    reports: dict[str, object] = {}
    after = build(corpus, settings.index_dir, settings, fake_embedder, on_shard=reports.__setitem__)
    assert list(reports) == ["shard-002"] and after.shards[-1].documents.keys() == {"zz_housing.pdf"}
    assert [s.generation for s in after.shards] == [1, 1, 1]
    assert ShardedSearcher(settings.index_dir, fake_embedder).search("homelessness veterans", k=1)[0].document.path == (
        "zz_housing.pdf"
    )
    with pytest.raises(ValueError, match="shard_passages"):
        Settings.from_env({"EBP_SHARD_PASSAGES": "0"}).validate()


def test_light_candidates_answer_as_whole_ones_and_a_lost_document_is_asked_again(
    tmp_path, corpus, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    """The shards send the candidates unlikely to be shown light (no passage text), and a shown document that came
    light is asked whole in one more round; when a shard no longer holds it (a newer generation purged it in
    between), the search asks for whole candidates instead and still answers as before, with the passages' text."""
    from ebp.cluster.sharded import Done, LocalShard, _light, search_shards
    from ebp.types import SearchOptions

    sharded = _sharded(tmp_path, corpus, fake_embedder, 2)

    class Forgetful(LocalShard):
        sends_light = True  # as a remote shard does
        asked = 0

        def candidates(self, case, weights, chosen, light):  # type: ignore[no-untyped-def]
            docs = self.service.candidates(case, weights, chosen, False)
            return Done({d: _light(e) for d, e in docs.items()} if light else docs)  # every one light

        def rows(self, doc_ids, passage_ids):  # type: ignore[no-untyped-def]
            Forgetful.asked += 1
            return Done(({}, {}))

    class AllLight(LocalShard):
        sends_light = True

        def candidates(self, case, weights, chosen, light):  # type: ignore[no-untyped-def]
            docs = self.service.candidates(case, weights, chosen, False)
            return Done({d: _light(e) for d, e in docs.items()} if light else docs)

    class Light(LocalShard):
        sends_light = True
        asked = 0

        def rows(self, doc_ids, passage_ids):  # type: ignore[no-untyped-def]
            Light.asked += 1
            return super().__getattr__("rows")(doc_ids, passage_ids)

    options = SearchOptions(k=5)
    for case in CASES:
        expected = sharded.search(case, options)
        light = search_shards([Light(s) for s in sharded.shards()], fake_embedder, case, options)
        assert [(h.document, [(p.passage_id, p.text) for p in h.passages]) for h in light] == [
            (h.document, [(p.passage_id, p.text) for p in h.passages]) for h in expected
        ], case  # the shown documents whole: appraisal items and passage text
        filled = search_shards([AllLight(s) for s in sharded.shards()], fake_embedder, case, options)
        assert [(h.document, [(p.passage_id, p.text) for p in h.passages]) for h in filled] == [
            (h.document, [(p.passage_id, p.text) for p in h.passages]) for h in expected
        ], case  # every shown document came light and was asked whole
        got = search_shards([Forgetful(s) for s in sharded.shards()], fake_embedder, case, options)
        assert _view(got) == _view(expected), case
        assert all(p.text for h in got for p in h.passages) and all(p.text for h in expected for p in h.passages)
    assert Forgetful.asked >= len(CASES)
    assert Light.asked < len(CASES)  # the shown documents came whole: mostly no round to fill them


def test_cluster_options_fail_in_one_line(tmp_path, corpus, fake_embedder, capsys) -> None:  # type: ignore[no-untyped-def]
    """--cluster on an index that is not sharded, and (where the cluster extra is absent) without Ray: one line."""
    import importlib.util

    laptop = _laptop(tmp_path, corpus, fake_embedder).store.index_dir
    assert cli.main(["search", "lansia", "--index", str(laptop), "--cluster", "127.0.0.1:9"]) == 1
    assert "searches a sharded index" in capsys.readouterr().err
    assert cli.main(["serve", "--index", str(laptop), "--cluster", "local"]) == 1
    assert "not a sharded index" in capsys.readouterr().err
    if importlib.util.find_spec("ray") is None:
        sharded = _sharded(tmp_path, corpus, fake_embedder, 2).index_dir
        assert cli.main(["search", "lansia", "--index", str(sharded), "--cluster", "127.0.0.1:9"]) == 1
        assert capsys.readouterr().err.strip() == "ebp: --cluster needs Ray Serve: pip install -e .[cluster]"


def test_search_cluster_json_is_the_answer_alone_when_ray_prints(
    tmp_path, corpus, fake_embedder, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    """Ray prints its own warnings to stdout (seen with many replicas); `--json` must still be one JSON value."""
    from ebp.cluster import router

    sharded = _sharded(tmp_path, corpus, fake_embedder, 2)

    class Noisy:  # stands in for the router's client, printing as Ray does
        def __init__(self, index_dir, address, model) -> None:  # type: ignore[no-untyped-def]
            print("(raylet) WARNING: 14 PYTHON worker processes have been started")
            self.store, self.embedder = sharded.store, fake_embedder

        def search(self, text, options=None, **overrides):  # type: ignore[no-untyped-def]
            print("(ServeReplica) INFO: search")
            return sharded.search(text, options, **overrides)

    monkeypatch.setattr(router, "ClusterSearcher", Noisy)
    assert cli.main(["search", "lansia tinggal sendiri", "--index", str(sharded.index_dir), "--cluster", "x:1",
                     "--json", "-k", "2"]) == 0  # fmt: skip
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 2 and "raylet" in err and "raylet" not in out


def test_changed_shards_switch_only_after_the_manifest_moves(tmp_path, corpus, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """A build that changes two shards prepares both new generations while searches go on with the old ones;
    the manifest moves, then both switch: no search sees one shard new and the other old for the whole build."""
    from ebp.index.store import Store

    sharded = _sharded(tmp_path, corpus, fake_embedder, 2)
    before = read_manifest(sharded.index_dir)
    assert before is not None
    first = next(iter(before.shards[0].documents))
    make_pdf(corpus / first, ["Changed: home visits by volunteers for isolated older adults. " * 6])  # shard-000
    make_pdf(corpus / "zz_housing.pdf", ["Housing first reduced homelessness among veterans. " * 6])  # shard-001
    settings = Settings.from_env({}, index_dir=sharded.index_dir, corpus_dir=corpus)
    live_during: dict[str, dict[str, int]] = {}

    def built(name: str, report) -> None:  # type: ignore[no-untyped-def]
        assert not report.switched  # prepared, not live
        live_during[name] = {
            s.name: Store.open_existing(sharded.index_dir / s.name).generation() for s in before.shards
        }
        assert read_manifest(sharded.index_dir) == before  # the manifest has not moved yet
        assert "zz_housing.pdf" not in [h.document.path for h in sharded.search("homelessness veterans", k=8)]

    after = build(corpus, sharded.index_dir, settings, fake_embedder, on_shard=built)
    assert list(live_during) == ["shard-000", "shard-001"]
    assert all(gens == {"shard-000": 1, "shard-001": 1} for gens in live_during.values())  # both old while building
    assert {s.name: Store.open_existing(sharded.index_dir / s.name).generation() for s in after.shards} == {
        "shard-000": 2, "shard-001": 2
    }  # fmt: skip
    assert sharded.search("homelessness veterans", k=1)[0].document.path == "zz_housing.pdf"


def test_a_build_stopped_after_the_manifest_moved_is_switched_by_the_next(
    tmp_path, corpus, make_pdf, fake_embedder, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ebp.index.generations import Generations
    from ebp.index.store import Store

    sharded = _sharded(tmp_path, corpus, fake_embedder, 2)
    make_pdf(corpus / "zz_housing.pdf", ["Housing first reduced homelessness among veterans. " * 6])
    settings = Settings.from_env({}, index_dir=sharded.index_dir, corpus_dir=corpus)
    switch = Generations.switch

    def stopped(self, store, generation):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # the build is stopped between the manifest and the shards' switch

    monkeypatch.setattr(Generations, "switch", stopped)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, sharded.index_dir, settings, fake_embedder)
    moved = read_manifest(sharded.index_dir)
    assert moved is not None and "zz_housing.pdf" in moved.shards[-1].documents  # the manifest moved ...
    assert Store.open_existing(sharded.index_dir / "shard-001").generation() == 1  # ... the shard did not switch
    monkeypatch.setattr(Generations, "switch", switch)
    reports: dict[str, object] = {}
    again = build(corpus, sharded.index_dir, settings, fake_embedder, on_shard=reports.__setitem__)
    assert reports == {} and again == moved  # nothing to build: the prepared generation is switched
    assert Store.open_existing(sharded.index_dir / "shard-001").generation() == 2
    assert sharded.search("homelessness veterans", k=1)[0].document.path == "zz_housing.pdf"


def test_kept_summaries_answer_as_rounds_of_calls_and_are_asked_again_after_a_rebuild(
    tmp_path, corpus, make_pdf, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    """A router keeps each shard's BM25 statistics and English words (``LibraryStats``) instead of asking them for
    every case: the same hits, score for score, as the rounds of calls, asked once per shard; a shard rebuilt since
    proposes from a new generation, and the summaries are asked again before the case is answered."""
    from ebp.cluster.sharded import LocalShard, search_shards
    from ebp.cluster.summaries import LibraryStats
    from ebp.types import SearchOptions

    sharded = _sharded(tmp_path, corpus, fake_embedder, 3)

    class Counting(LocalShard):
        def __init__(self, searcher, calls: list[str]) -> None:  # type: ignore[no-untyped-def]
            super().__init__(searcher)
            self.calls = calls

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            self.calls.append(name)
            return super().__getattr__(name)

    library, calls = LibraryStats(), []
    options = SearchOptions(k=5)
    for case in CASES:
        shards = [Counting(s, calls) for s in sharded.shards()]
        kept = search_shards(shards, fake_embedder, case, options, library)
        assert _view(kept) == _view(sharded.search(case, options)), case
    assert calls.count("summary") == 3 and "stats" not in calls and "knows" not in calls
    make_pdf(corpus / "zz_housing.pdf", ["Housing first reduced homelessness among veterans with addiction. " * 6])
    settings = Settings.from_env({}, index_dir=sharded.index_dir, corpus_dir=corpus)
    build(corpus, sharded.index_dir, settings, fake_embedder)  # the open shard moves to generation 2
    calls.clear()
    case = "homelessness housing for veterans"
    kept = search_shards([Counting(s, calls) for s in sharded.shards()], fake_embedder, case, options, library)
    assert calls.count("summary") == 3 and kept[0].document.path == "zz_housing.pdf"  # all asked, merged anew
    assert _view(kept) == _view(sharded.search(case, options))


def test_merged_summaries_know_a_word_only_where_one_shard_holds_all_its_terms() -> None:
    """As the rounds of ``knows`` do: "home-care" is known when one shard's English passages hold both "home" and
    "care", not when one holds "home" and another "care"; totals sum the shards' counts."""
    from ebp.cluster.summaries import Library, ShardSummary
    from ebp.retrieve.queries import LexicalQueries

    home = ShardSummary(1, {"home": 2}, (3, 30), frozenset({"home"}))
    care = ShardSummary(1, {"care": 5}, (7, 70), frozenset({"care"}))
    split = Library.merged([home, care])
    knows = split.knows()
    assert knows is not None and knows("home") and knows("care") and not knows("home-care")
    both = Library.merged([ShardSummary(1, {"home": 2, "care": 1}, (3, 30), frozenset({"home", "care"})), care])
    assert both.knows()("home-care")  # type: ignore[misc]
    assert Library.merged([ShardSummary(1, {}, (0, 0), None)]).knows() is None  # no English passages anywhere
    totals = split.totals(LexicalQueries({"en": "home care"}))
    assert totals.counts["en"] == (10, {"home": 2, "care": 5}) and totals.avgdl == 10.0
