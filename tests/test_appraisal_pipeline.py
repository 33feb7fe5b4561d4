"""Appraisal through the pipeline: stored per document, shown in search JSON, filters, the
settings-file hierarchy, and the describe / copes commands."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from ebp import cli, embed, ingest
from ebp.config import Settings
from ebp.retrieve.search import Searcher
from ebp.types import Filters, SearchOptions

ROOT = Path(__file__).resolve().parents[1]
DEMO_LABELS = {  # the generator's names → ebp's design names
    "systematic_review": "systematic_review_meta_analysis",
    "narrative_review": "review_narrative",
    "guideline": "guideline_or_opinion",
}


def _generator_designs() -> dict[str, str]:
    """file name → design, read from the demo generator's content records."""
    tree = ast.parse((ROOT / "tools" / "demo_corpus.py").read_text(encoding="utf-8"))
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and {k.arg for k in node.keywords} >= {"path", "design"}:
            kw = {k.arg: k.value for k in node.keywords}
            name, design = ast.literal_eval(kw["path"]), ast.literal_eval(kw["design"])
            out[Path(name).name] = DEMO_LABELS.get(design, design)
    return out


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from conftest import FakeEmbedder

    settings = Settings.from_env({}, index_dir=tmp_path_factory.mktemp("demo") / "index")
    ingest.ingest(ROOT / "corpus", settings, FakeEmbedder())
    return settings


def test_demo_documents_get_their_design(demo_index: Settings) -> None:
    expected = _generator_designs()
    assert len(expected) >= 12
    store = Searcher(demo_index.index_dir, _fake()).store
    docs = {Path(d.path).name: d for d in store.all_documents(store.generation())}
    confident = {
        name: d.appraisal.design for name, d in docs.items() if name in expected and not d.appraisal.needs_checking
    }
    assert len(confident) >= 10
    assert confident == {name: expected[name] for name in confident}
    rct = docs["en_rct_motivational_interviewing_substance_use.pdf"].appraisal
    items = {i.name: i for i in rct.items}
    assert items["sample_size"].value == "240" and items["sample_size"].sentence
    assert items["randomisation"].status == "present" and items["effect_size"].status == "present"
    for name, doc in docs.items():
        if "case_studies/" in doc.path:
            assert doc.appraisal.design == "case_study", name


def _fake():  # type: ignore[no-untyped-def]
    from conftest import FakeEmbedder

    return FakeEmbedder()


def test_filters_by_design_and_level(demo_index: Settings) -> None:
    searcher = Searcher(demo_index.index_dir, _fake())
    rcts = searcher.search("parenting programme", SearchOptions(k=20, filters=Filters(designs=("rct",))))
    assert rcts and {h.document.appraisal.design for h in rcts} == {"rct"}
    strong = searcher.search("keluarga anak", SearchOptions(k=20, filters=Filters(min_level=2)))
    assert strong and {h.document.appraisal.design for h in strong} <= {"rct", "systematic_review_meta_analysis"}


def test_search_json_has_appraisal_and_hierarchy_comes_from_settings_file(
    demo_index: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": _fake())
    args = ["search", "randomised trial of motivational interviewing", "--index", str(demo_index.index_dir), "--json"]
    assert cli.main([*args, "--design", "rct", "-k", "1"]) == 0
    hit = json.loads(capsys.readouterr().out)[0]
    assert hit["design"] == "rct" and hit["level"]["rank"] == 2 and hit["design_cues"]
    assert 0 <= hit["design_confidence"] <= 1 and {i["name"] for i in hit["appraisal"]} >= {
        "sample_size",
        "effect_size",
    }
    assert hit["why"]["fused_rank"] == 1
    assert cli.main([*args, "-k", "20", "--year-from", "2021", "--year-to", "2022"]) == 0
    years = {h["year"] for h in json.loads(capsys.readouterr().out)}
    assert years and years <= {2021, 2022}

    settings_file = tmp_path / "ebp.toml"
    settings_file.write_text(
        '[[evidence_hierarchy]]\nname = "trials"\ndesigns = ["rct"]\n'
        '[[evidence_hierarchy]]\nname = "reviews"\ndesigns = ["systematic_review_meta_analysis"]\n'
    )
    monkeypatch.setenv("EBP_SETTINGS", str(settings_file))
    assert cli.main([*args, "--design", "rct", "-k", "1"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["level"]["rank"] == 1
    settings_file.write_text('[[evidence_hierarchy]]\nname = "x"\ndesigns = ["astrology"]\n')
    assert cli.main([*args]) == 2
    assert "astrology" in capsys.readouterr().err


def test_describe_jsonl_and_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {
            "id": "a",
            "title": "Parenting support: a randomised controlled trial",
            "abstract": "We randomly assigned 120 families.",
        },
        {
            "id": "b",
            "title": "Pengalaman lansia",
            "abstract": "Penelitian kualitatif dengan wawancara mendalam pada 12 informan.",
        },
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(x) for x in lines))
    assert cli.main(["describe", "--jsonl", str(jsonl)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(o["id"], o["design"], o["sample_size"]) for o in out] == [("a", "rct", 120), ("b", "qualitative", 12)]
    assert out[0]["level"] == 2 and out[0]["cues"] and 0 < out[0]["confidence"] <= 1
    assert cli.main(["describe", str(ROOT / "corpus" / "id_potong_lintang_beban_pengasuh_lansia.pdf")]) == 0
    described = json.loads(capsys.readouterr().out)
    assert described["design"] == "cross_sectional" and described["language"] == "id" and described["pages"] >= 2


def test_copes_command(capsys: pytest.CaptureFixture[str]) -> None:
    case = "Seorang ibu berusia 34 tahun korban KDRT; apakah konseling kelompok efektif untuk mengurangi depresi?"
    assert cli.main(["copes", case, "--json"]) == 0
    question = json.loads(capsys.readouterr().out)
    assert question["question_type"] == "effectiveness"
    assert "ibu" in question["client"].lower() and "konseling" in question["option"].lower()
    assert "depresi" in question["expected_outcome"].lower()


def test_documents_labelled_by_an_older_appraisal_are_appraised_again_without_embedding(
    tmp_path: Path, make_pdf, fake_embedder
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    settings = Settings.from_env({}, index_dir=tmp_path / "index")
    corpus = tmp_path / "corpus"
    make_pdf(corpus / "trial.pdf", ["Abstract\nWe randomly assigned 240 mothers to home visiting or usual care. " * 8])
    ingest.ingest(corpus, settings, fake_embedder)
    with sqlite3.connect(settings.index_dir / "ebp.sqlite") as conn:  # as an older ebp left it
        conn.execute("UPDATE documents SET design = 'other', appraised_by = 'old', appraisal = '[]'")
        conn.execute("DELETE FROM pages")  # an index made before page texts were kept
    embedded_before = fake_embedder.embedded
    report = ingest.ingest(corpus, settings, fake_embedder)
    assert report.embedded == 0 and fake_embedder.embedded == embedded_before  # nothing embedded again
    doc = Searcher(settings.index_dir, fake_embedder).store.all_documents(report.generation)[0]
    assert doc.appraisal.design == "rct" and any(
        i.name == "sample_size" and i.value == "240" for i in doc.appraisal.items
    )


def test_sample_size_with_its_unit_clusters_apart_and_abstaining() -> None:
    from ebp.appraise import stated_sample_size
    from ebp.appraise.items import all_sentences, sample_size

    found = sample_size(all_sentences("We surveyed 1,204 pupils in 48 schools. Most pupils liked reading."))
    assert (found.value, found.unit, found.clusters, found.cluster_unit) == (1204, "pupils", 48, "schools")
    # the number analysed, not the number invited, in a recruitment funnel
    assert stated_sample_size("Of 2,544 teachers invited, 1,860 responded and were analysed.") == 1860
    assert stated_sample_size("Forty-two caseworkers and 12 supervisors took part.") in (42, 54)
    assert stated_sample_size("Tiga puluh dua responden mengisi kuesioner.") == 32
    # a case description and numbers that count no one: no sample size
    assert stated_sample_size("Ibu Sari tinggal bersama dua anak di Jakarta sejak 2019.") is None
    assert stated_sample_size("We reviewed 1,062 case files from 2021.") is None


def test_a_mixed_methods_study_is_named_as_such_on_its_card(tmp_path: Path, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from ebp.present.cards import badges_html
    from ebp.present.i18n import strings

    settings = Settings.from_env({}, index_dir=tmp_path / "index")
    text = (
        "Abstract\nThis mixed-methods evaluation combined a survey of 310 parents with interviews of 14 caseworkers. "
        * 6
    )
    make_pdf(tmp_path / "corpus" / "mixed.pdf", [text])
    report = ingest.ingest(tmp_path / "corpus", settings, fake_embedder)
    doc = Searcher(settings.index_dir, fake_embedder).store.all_documents(report.generation)[0]
    assert doc.appraisal.mixed_methods
    assert "metode campuran" in badges_html(doc, strings("id"), "id", ())
    assert "mixed methods" in badges_html(doc, strings("en"), "en", ())
