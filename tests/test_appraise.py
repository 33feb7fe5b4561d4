"""The appraisal stage: study design, evidence level, appraisal items and COPES questions.

Fast tests on short texts written for them, in English and Indonesian; one slow test scores the
whole labelled development set (it needs ../shared for the SciFact and NFCorpus records)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ebp.appraise import (
    DEFAULT_HIERARCHY,
    DesignLabel,
    appraise,
    classify_design,
    evidence_level,
    stated_sample_size,
)
from ebp.retrieve.copes import QUESTION_TYPES, Copes, copes, design_boost
from ebp.types import DESIGNS, AppraisalItem

DEV = Path(__file__).resolve().parents[1] / "benchmarks" / "appraisal" / "dev_labels.jsonl"

# (title, abstract, expected design): one or two per class, both languages.
EXAMPLES = [
    (
        "Parenting programmes to prevent child maltreatment: a systematic review and meta-analysis",
        "We searched MEDLINE, PsycINFO and ERIC for randomised trials. Twenty trials met the inclusion criteria.",
        "systematic_review_meta_analysis",
    ),
    (
        "Dukungan keluarga bagi penyandang disabilitas: tinjauan sistematis",
        "Penelusuran basis data Scopus dan Garuda menemukan 14 artikel yang memenuhi kriteria inklusi.",
        "systematic_review_meta_analysis",
    ),
    (
        "Group counselling for survivors of domestic violence",
        "Methods: 120 women were randomly assigned to eight sessions of group counselling or usual care.",
        "rct",
    ),
    (
        "Terapi bermain untuk kecemasan anak: uji acak terkontrol",
        "Sebanyak 64 anak dirandomisasi ke kelompok terapi bermain atau kelompok kontrol.",
        "rct",
    ),
    (
        "Psikoedukasi keluarga dan stigma skizofrenia",
        "Penelitian ini menggunakan desain kuasi eksperimen pretest-posttest dengan kelompok kontrol.",
        "quasi_experimental",
    ),
    (
        "Life-skills training in residential care",
        "This study used a one-group pretest-posttest design with 30 youths.",
        "quasi_experimental",
    ),
    (
        "Loneliness and mortality in older adults",
        "In this prospective cohort study we followed 5,210 adults for 8 years.",
        "cohort",
    ),
    (
        "Faktor risiko putus sekolah",
        "Studi kohort retrospektif ini menggunakan data 532 anak dari dinas sosial.",
        "cohort",
    ),
    (
        "Childhood adversity and suicide attempts",
        "A case-control study of 62 cases and 124 matched controls.",
        "case_control",
    ),
    (
        "Stunting pada balita",
        "Penelitian ini menggunakan desain kasus-kontrol dengan 80 kasus dan 80 kontrol.",
        "case_control",
    ),
    (
        "Burnout among social workers",
        "We conducted a cross-sectional online survey of 1,032 social workers.",
        "cross_sectional",
    ),
    (
        "Dukungan keluarga dan kualitas hidup lansia",
        "Penelitian ini menggunakan pendekatan potong lintang dengan 150 responden.",
        "cross_sectional",
    ),
    (
        "Mothers' experiences of caring for a child with autism",
        "This qualitative study used in-depth interviews with 12 mothers; transcripts were analysed thematically.",
        "qualitative",
    ),
    (
        "Pengalaman pengasuh lansia: studi fenomenologi",
        "Data dikumpulkan melalui wawancara mendalam dengan 8 informan dan dianalisis secara tematik.",
        "qualitative",
    ),
    (
        "Narrative therapy with a bereaved older man: a case report",
        "We describe a 70-year-old man referred after the death of his wife.",
        "case_study",
    ),
    (
        "Pendampingan psikososial anak korban perundungan: studi kasus",
        "Artikel ini memaparkan pendampingan seorang anak perempuan berusia 12 tahun.",
        "case_study",
    ),
    (
        "Social work in the digital age: a narrative review",
        "This review discusses what the literature says about online risks to children.",
        "review_narrative",
    ),
    (
        "Peran pekerja sosial dalam perlindungan anak: tinjauan pustaka",
        "Tinjauan pustaka ini membahas peran pekerja sosial dalam pencegahan dan penanganan kasus.",
        "review_narrative",
    ),
    (
        "Practice guidelines for child protection assessment",
        "These guidelines were developed by an expert panel and give recommendations for assessment.",
        "guideline_or_opinion",
    ),
    (
        "Editorial: why evidence matters for social workers",
        "In this editorial we argue that practitioners need training in reading research.",
        "guideline_or_opinion",
    ),
    (
        "Oxytocin and maternal behaviour in mice",
        "Here we show that knockout mice had lower pup retrieval; in vitro assays in cultured cells agreed.",
        "other",
    ),
]


@pytest.mark.parametrize(("title", "abstract", "expected"), EXAMPLES, ids=[e[2] for e in EXAMPLES])
def test_classify_design_examples(title: str, abstract: str, expected: str) -> None:
    design = classify_design(title, abstract)
    assert design.label == expected, design
    assert 0.0 <= design.confidence <= 1.0
    text = f"{title} {abstract}".lower()
    assert all(cue.lower() in text for cue in design.cues if cue != "doc_type: case_study")


def test_every_class_has_an_example() -> None:
    assert {e[2] for e in EXAMPLES} == set(DESIGNS)


@pytest.mark.parametrize(
    ("title", "abstract", "not_expected"),
    [
        (
            "Loneliness among older adults in Jakarta",
            "We surveyed 400 older adults in a cross-sectional design. A systematic review is needed to pool them.",
            "systematic_review_meta_analysis",
        ),
        (
            "Parenting stress in a household survey",
            "Previous RCTs have shown benefits of parenting programmes. "
            "This cross-sectional survey included 300 parents.",
            "rct",
        ),
        (
            "Kualitas hidup lansia",
            "Diperlukan uji acak terkontrol di masa depan. Penelitian ini menggunakan desain potong lintang.",
            "rct",
        ),
    ],
)
def test_mentions_in_passing_do_not_decide(title: str, abstract: str, not_expected: str) -> None:
    design = classify_design(title, abstract)
    assert design.label != not_expected
    assert design.label == "cross_sectional"


def test_a_narrative_review_citing_systematic_reviews_stays_narrative() -> None:
    design = classify_design(
        "Social work with survivors of domestic violence: a narrative review of advocacy",
        "Social workers meet survivors in every field. This narrative review summarises what is known about "
        "advocacy. We did not aim to be exhaustive. Instead, we drew on systematic reviews, major trials and "
        "qualitative studies identified through searches of social science databases. We discuss implications.",
    )
    assert design.label == "review_narrative"


def test_protocol_is_not_evidence_yet() -> None:
    design = classify_design(
        "A protocol for a randomized trial of home visiting",
        "Families will be randomised to home visiting or usual care; outcomes will be measured.",
    )
    assert design.label == "other"  # a planned study is not evidence yet
    assert any("protocol" in cue.lower() or "will be" in cue.lower() for cue in design.cues)


def test_animal_study_is_other_even_when_randomised() -> None:
    design = classify_design(
        "Early stress and anxiety-like behaviour in rats",
        "Forty rats were randomly assigned to separation or control; mice were tested too.",
    )
    assert design.label == "other"


def test_secondary_analysis_of_randomised_arms_stays_rct() -> None:
    design = classify_design(
        "Effects on fathers: a secondary analysis of a randomised controlled trial",
        "We re-analysed outcomes of 240 fathers randomised to the parenting programme or control.",
    )
    assert design.label == "rct"


def test_observational_secondary_analysis_is_cohort() -> None:
    design = classify_design(
        "Predictors of attendance: secondary analysis of a randomised controlled trial",
        "Among 240 parents in the intervention arm we examined predictors of attendance; "
        "this is an observational analysis.",
    )
    assert design.label == "cohort"  # an observational question asked of trial data (GUIDE.md, step 3)


def test_case_study_doc_type_wins_unless_another_design_is_clear() -> None:
    vague = classify_design("Ibu Sari", "Ibu Sari tinggal bersama tiga anaknya.", doc_type="case_study")
    assert vague == DesignLabel("case_study", 0.8, (), False)  # filed as a case study; no made-up cue
    clear = classify_design(
        "A randomised controlled trial of cash transfers",
        "Households were randomly assigned to cash transfers or control.",
        doc_type="case_study",
    )
    assert clear.label == "rct"


def test_body_counts_less_than_title_and_abstract_and_references_are_ignored() -> None:
    body = (
        "Introduction. Earlier work used interviews.\n\nMethods. This cross-sectional survey included 210 parents."
        "\n\n"
        + "Results were analysed. " * 40
        + "\n\nReferences\n\nSmith J. A randomized controlled trial. 2019.\nLee K. A meta-analysis of parenting.\n"
    )
    assert classify_design("Parenting and poverty", "", body).label == "cross_sectional"
    with_abstract = classify_design("Parenting and poverty", "We randomly assigned 120 parents to a programme.", body)
    assert with_abstract.label == "rct"


@pytest.mark.parametrize("title, abstract", [("", ""), ("   ", "\n\n"), ("!!!", "12345"), ("x" * 50000, "y" * 50000)])
def test_odd_input_never_raises(title: str, abstract: str) -> None:
    design = classify_design(title, abstract, abstract)
    assert design.label in DESIGNS and design.needs_checking


def test_evidence_level_default_hierarchy() -> None:
    ranks = {d: evidence_level(d).rank for d in DESIGNS}
    assert ranks["systematic_review_meta_analysis"] == 1
    assert ranks["rct"] == 2 < ranks["quasi_experimental"] < ranks["cohort"] == ranks["case_control"]
    assert ranks["case_control"] < ranks["cross_sectional"] < ranks["qualitative"] < ranks["case_study"]
    assert ranks["case_study"] < ranks["guideline_or_opinion"] == ranks["review_narrative"] < ranks["other"]
    assert evidence_level("other").name == "unranked"
    level = evidence_level("rct")
    assert level.label_en == "Randomised controlled trial" and level.label_id == "Uji acak terkontrol"
    # an empty hierarchy is the default one, as for hierarchy_levels (it used to rank a case study first)
    assert all(evidence_level(d, ()).rank == ranks[d] for d in DESIGNS)


def test_hierarchy_covers_every_ranked_design_once() -> None:
    listed = [d for _, designs in DEFAULT_HIERARCHY for d in designs]
    assert sorted(listed) == sorted(d for d in DESIGNS if d != "other")


def test_evidence_level_custom_hierarchy_and_unknown_design() -> None:
    custom = (("qualitative_first", ("qualitative",)), ("trials", ("rct", "quasi_experimental")))
    assert evidence_level("qualitative", custom).rank == 1
    assert evidence_level("quasi_experimental", custom).rank == 2
    assert evidence_level("cohort", custom).rank == 3  # not in this hierarchy: unranked
    with pytest.raises(ValueError, match="unknown study design"):
        evidence_level("randomised")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Participants (N = 240) completed the scale.", 240),
        ("Adolescents with depression (n=35) took part in 2019.", 35),
        ("We recruited 240 participants from three clinics.", 240),
        ("Sampel sebanyak 120 responden dipilih secara purposive.", 120),
        ("Data dikumpulkan dari 12 informan melalui wawancara.", 12),
        ("A total of 1,234 women were interviewed in 2015, of whom 45% were employed.", 1234),
        ("The trial enrolled 86 between 2010 and 2012.", 86),
        ("Studi ini mengikuti 1.245 anak selama tiga tahun.", 1245),
        ("Forty-five healthy volunteers were studied.", 45),
        ("Of 116 patients enrolled, 100 were randomly allocated (52 and 48 per arm).", 116),
        ("A total of 108 participants were randomised; 87 participants completed the study.", 108),
        ("The study included 149 men and 156 women.", 305),  # two groups listed together add up (GUIDE.md)
        ("Boys (n = 17) and girls (n = 19) were compared.", None),
        ("Rates rose by 12% between 1998 and 2004 (p = 0.03; OR 1.5).", None),
        ("Twenty-three trials met the inclusion criteria.", None),
        ("Jurnal Pekerjaan Sosial, 2023 Pekerja sosial menyusun rencana keselamatan.", None),  # a header's year
        ("We surveyed 1987 participants in 2020.", 1987),
        ("", None),
    ],
)
def test_stated_sample_size(text: str, expected: int | None) -> None:
    assert stated_sample_size(text) == expected


def test_sample_size_ignores_the_reference_list() -> None:
    text = (
        "Methods. We interviewed 18 carers.\n\n"
        + "Discussion text. " * 60
        + "\n\nReferences\n\nJones A. A survey of 5000 participants. 2001.\n"
    )
    assert stated_sample_size(text) == 18


def test_appraise_items_in_english() -> None:
    text = (
        "We randomly assigned 240 parents to a parenting programme or usual care. "
        "At 12-month follow-up, harsh discipline was lower (d = 0.42, 95% CI 0.20 to 0.64)."
    )
    items = appraise(text)
    assert [i.name for i in items] == ["sample_size", "randomisation", "control_group", "follow_up", "effect_size"]
    by = {i.name: i for i in items}
    assert by["sample_size"] == AppraisalItem("sample_size", "present", "240", text.split(". ")[0] + ".", "parents")
    assert by["randomisation"].status == "present" and by["randomisation"].value == "randomly assigned"
    assert by["control_group"].value == "usual care"
    assert by["follow_up"].value == "12 month"
    assert by["effect_size"].value is not None and by["effect_size"].value.startswith("d = 0.42")
    for item in items:
        assert item.sentence is not None and item.value is not None and item.value.split()[0] in item.sentence


def test_appraise_items_in_indonesian_with_absences() -> None:
    text = (
        "Desain kuasi eksperimen one group pretest-posttest tanpa kelompok kontrol digunakan pada 30 remaja. "
        "Peserta diikuti selama 6 bulan. Skor meningkat (OR 2,1; IK 95% 1,2-3,6)."
    )
    by = {i.name: i for i in appraise(text)}
    assert by["sample_size"].value == "30"
    assert by["randomisation"].status == "absent"
    assert by["control_group"].status == "absent"
    assert by["follow_up"].status == "present" and by["follow_up"].value == "6 bulan"
    assert by["effect_size"].status == "present" and "IK 95%" in (by["effect_size"].value or "")


@pytest.mark.parametrize(
    "text",
    [
        "Hazard ratio 0.72 (95% CI 0.60-0.86)",
        "RR = 1.4",
        "Hedges' g = 0.31",
        "aOR 2.3 (1.1-4.8)",
        "95% confidence interval 1.1 to 2.0",
    ],
)
def test_effect_size_forms(text: str) -> None:
    item = appraise(f"The association was clear. {text}.")[-1]
    assert item.status == "present" and item.value


def test_appraise_unknowns_and_passing_mentions() -> None:
    items = appraise("Previous trials randomly assigned 500 children (d = 0.3). Future research should follow them up.")
    assert all(i.status == "unknown" and i.value is None and i.sentence is None for i in items)
    assert all(i.status == "unknown" for i in appraise(""))


def test_copes_indonesian_case() -> None:
    result = copes(
        "Seorang ibu rumah tangga berusia 35 tahun mengalami kekerasan dalam rumah tangga. Apakah "
        "konseling kelompok efektif untuk menurunkan depresi dibandingkan dengan layanan biasa?"
    )
    assert result.client.startswith("ibu rumah tangga berusia 35 tahun")
    assert result.option == "konseling kelompok"
    assert result.comparison == "layanan biasa"
    assert result.expected_outcome == "menurunkan depresi"
    assert result.question_type == "effectiveness"


def test_copes_english_case() -> None:
    result = copes(
        "A 14-year-old girl who self-harms after bullying. Would cognitive behavioural therapy help "
        "to reduce self-harm compared with family therapy?"
    )
    assert result == Copes(
        "14-year-old girl who self-harms after bullying",
        "cognitive behavioural therapy",
        "family therapy",
        "reduce self-harm",
        "effectiveness",
    )


@pytest.mark.parametrize(
    ("text", "question_type"),
    [
        ("How can we prevent child neglect in poor families? A parenting programme is planned.", "prevention"),
        ("What are the risk factors for school dropout among children of migrant workers?", "risk"),
        ("Bagaimana cara melakukan skrining depresi pada remaja di sekolah?", "assessment"),
        ("What is the experience of caregivers of people with dementia?", "description"),
        ("Apakah terapi bermain membantu anak korban bencana?", "effectiveness"),
    ],
)
def test_copes_question_types(text: str, question_type: str) -> None:
    assert copes(text).question_type == question_type


def test_copes_comparison_only_when_the_case_states_one() -> None:
    # Issue 15.9: no invented 'usual care' / 'layanan biasa'; a stated alternative is kept.
    assert copes("Would a parenting programme reduce harsh discipline?").comparison == ""
    assert copes("Apakah program pemberdayaan ekonomi meningkatkan pendapatan keluarga?").comparison == ""
    assert copes("An older man living alone after a stroke.").comparison == ""
    assert copes("Is group therapy better than individual counselling for depressed teenagers?").comparison


@pytest.mark.parametrize("text", ["", "   ", "?!", "1234567890", "a" * 200000, "kata " * 50000, "\x00\ufffd", None])
def test_copes_never_raises(text: str) -> None:
    result = copes(text)  # type: ignore[arg-type]
    assert isinstance(result, Copes)
    assert result.question_type in (*QUESTION_TYPES, "")


def test_design_boost() -> None:
    assert design_boost("effectiveness")["rct"] > 1.0
    assert design_boost("risk")["cohort"] > design_boost("risk").get("rct", 1.0)
    assert design_boost("description")["qualitative"] > 1.0
    assert design_boost("") == {}
    for kind in QUESTION_TYPES:
        boosts = design_boost(kind)
        assert boosts and all(d in DESIGNS and 1.0 < b <= 1.2 for d, b in boosts.items())
    design_boost("risk")["cohort"] = 99.0  # a copy: callers cannot change the table
    assert design_boost("risk")["cohort"] < 2.0
    with pytest.raises(ValueError, match="unknown question type"):
        design_boost("efficacy")


def _dev_records() -> list[dict]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dev_set_shape() -> None:
    records = _dev_records()
    beir = [r for r in records if r["source"] in ("scifact", "nfcorpus")]
    own = [r for r in records if r["source"] == "ebp-id"]
    assert len(beir) >= 150 and len(own) >= 20 and len(beir) + len(own) == len(records)
    assert len({(r["source"], r["id"]) for r in records}) == len(records)
    assert {r["design"] for r in records} == set(DESIGNS)
    assert {r["design"] for r in own} == set(DESIGNS)
    for r in records:
        assert r["design"] in DESIGNS and (r["sample_size"] is None or isinstance(r["sample_size"], int))
        assert ("abstract" in r) == (r["source"] == "ebp-id")


def test_indonesian_dev_abstracts() -> None:
    own = [r for r in _dev_records() if r["source"] == "ebp-id"]
    designs = sum(classify_design(r["title"], r["abstract"]).label == r["design"] for r in own)
    sizes = sum(stated_sample_size(f"{r['title']}.\n\n{r['abstract']}") == r["sample_size"] for r in own)
    assert designs / len(own) >= 0.85
    assert sizes / len(own) >= 0.85


@pytest.mark.slow
def test_dev_set_quality() -> None:
    from conftest import shared_path
    from sklearn.metrics import f1_score, recall_score

    corpora = {}
    for source in ("scifact", "nfcorpus"):
        with shared_path("data", "beir", source, "corpus.jsonl").open(encoding="utf-8") as fh:
            corpora[source] = {d["_id"]: d for d in map(json.loads, fh)}
    gold, pred, sizes = [], [], []
    for r in _dev_records():
        if r["source"] != "ebp-id":
            doc = corpora[r["source"]][r["id"]]
            r = {**r, "title": doc["title"], "abstract": doc["text"]}
        gold.append(r["design"])
        pred.append(classify_design(r["title"], r["abstract"]).label)
        sizes.append(stated_sample_size(f"{r['title']}.\n\n{r['abstract']}") == r["sample_size"])
    assert f1_score(gold, pred, average="macro") >= 0.80
    recalls = recall_score(gold, pred, labels=["rct", "systematic_review_meta_analysis"], average=None)
    assert min(recalls) >= 0.95
    assert sum(sizes) / len(sizes) >= 0.85


def test_a_sentence_about_the_literature_is_not_the_studys_own_randomisation() -> None:
    # seen on a cohort study's card: "Randomisation — present", from its background sentence
    text = "Randomised trials of diversion are few and mostly small. We followed 2,000 young people for five years."
    assert next(i for i in appraise(text) if i.name == "randomisation").status == "unknown"
    own = "We randomly assigned 120 women to home visits or usual care."
    assert next(i for i in appraise(own) if i.name == "randomisation").status == "present"
