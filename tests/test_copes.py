"""COPES fill-in (issue 15.9): the four failures reported, the cue phrases that mark a stated comparison,
the scoring of ``benchmarks/eval_copes.py`` and its figure on the team's 40 cases. Pure rules, no model."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType

import pytest

from ebp.retrieve.copes import QUESTION_TYPES, Copes, copes, design_boost

ROOT = Path(__file__).resolve().parents[1]
# benchmarks/eval_copes.py on the 40 cases: dev 1.000 (the half the rules were written on), test 0.818, all 0.900.
ALL_PARTS_RIGHT = 0.90


def _eval_copes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_copes", ROOT / "benchmarks" / "eval_copes.py")
    if spec is None or spec.loader is None:  # pragma: no cover
        raise ImportError("benchmarks/eval_copes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_kdrt_case_fills_client_option_and_outcome_with_short_spans() -> None:
    case = (
        "Seorang ibu korban KDRT dengan dua anak takut melapor ke polisi karena bergantung secara ekonomi pada "
        "suaminya. Saya ingin menyusun rencana keselamatan bersama dia. Apakah rencana keselamatan efektif untuk "
        "meningkatkan keselamatan ibu dan anak-anak?"
    )
    question = copes(case)
    assert question.client == "ibu korban KDRT dengan dua anak"  # not the whole first sentence
    assert question.option == "rencana keselamatan"
    assert question.expected_outcome == "meningkatkan keselamatan ibu dan anak-anak"
    assert question.comparison == "" and question.question_type == "effectiveness"


def test_the_kdrt_case_without_a_named_option_keeps_the_client_short() -> None:
    case = (
        "Seorang ibu korban KDRT dengan dua anak takut melapor ke polisi karena bergantung secara ekonomi pada "
        "suaminya. Apa yang efektif untuk mendampinginya?"
    )
    question = copes(case)
    assert question.client == "ibu korban KDRT dengan dua anak"
    assert question.option == "" and question.comparison == ""


@pytest.mark.parametrize(
    "case",
    [
        "Anak jalanan di terminal sudah ikut program rumah singgah tapi masih ngamen. Apakah program pelatihan "
        "kerja efektif agar mereka berhenti ngamen?",
        "Anak jalanan usia 12 tahun sudah ikut program dari dinas sosial. Apa yang bisa dilakukan agar anak "
        "kembali ke keluarga?",
        "Anak jalanan di Pasar Senen. Apakah program ini bisa membantu?",
    ],
)
def test_street_children_never_get_apakah_program_or_the_service_they_already_receive(case: str) -> None:
    question = copes(case)
    assert question.client.lower().startswith("anak jalanan")
    assert "apakah" not in question.option.lower()
    assert question.option not in ("program", "program rumah singgah", "program dari dinas sosial")


def test_street_children_get_the_option_the_question_names() -> None:
    case = (
        "Anak jalanan di terminal sudah ikut program rumah singgah tapi masih ngamen. Apakah program pelatihan "
        "kerja efektif agar mereka berhenti ngamen?"
    )
    question = copes(case)
    assert question.option == "program pelatihan kerja"
    assert question.expected_outcome == "mereka berhenti ngamen"


@pytest.mark.parametrize(
    "case",
    [
        "Remaja 15 tahun memakai NAPZA; apakah konseling keluarga efektif mengurangi pemakaian?",
        "A 16-year-old boy using cannabis daily. Would motivational interviewing reduce his use?",
    ],
)
def test_the_napza_case_gets_no_invented_comparison(case: str) -> None:
    question = copes(case)
    assert question.option in ("konseling keluarga", "motivational interviewing")
    assert question.comparison == ""
    assert question.expected_outcome in ("mengurangi pemakaian", "reduce his use")
    for default in ("layanan biasa", "usual care"):
        assert default not in " ".join(vars(question).values())


@pytest.mark.parametrize(
    "case",
    [
        "Family caregiver burnout: Mrs K, 62, has cared for her husband with dementia for six years and is "
        "exhausted. Would a respite programme reduce her stress?",
        "An older woman with family caregiver burnout, looking after her husband after a stroke. Does respite "
        "care help?",
    ],
)
def test_the_english_caregiver_case_keeps_family_caregiver_burnout(case: str) -> None:
    question = copes(case)
    assert "family caregiver burnout" in question.client.lower()
    assert question.option in ("a respite programme", "respite care")
    assert question.comparison == ""


@pytest.mark.parametrize(
    ("case", "option", "comparison"),
    [
        (
            "Apakah terapi bermain lebih efektif dibandingkan konseling individu untuk anak korban kekerasan?",
            "terapi bermain",
            "konseling individu",
        ),
        (
            "Lansia dengan demensia. Apakah pendampingan di rumah lebih baik daripada panti untuk kualitas hidup?",
            "pendampingan di rumah",
            "panti",
        ),
        (
            "Boy, 15, excluded from school. Would mentoring, compared with a managed move, keep him in education?",
            "mentoring",
            "a managed move",
        ),
        (
            "Is CBT better than usual care for reducing self-harm in girls?",
            "CBT",
            "usual care",  # stated by the case, so kept
        ),
        (
            "Police are deciding between a diversion programme and prosecution. Which lowers reoffending?",
            "a diversion programme",
            "prosecution",
        ),
        (
            "Konseling keluarga atau kelompok dukungan sebaya, mana yang lebih baik untuk mengurangi pemakaian?",
            "Konseling keluarga",
            "kelompok dukungan sebaya",
        ),
        (
            "Would a staged return rather than an immediate return home make the reunification last?",
            "a staged return",
            "an immediate return home",
        ),
    ],
)
def test_a_stated_comparison_is_split_from_the_option(case: str, option: str, comparison: str) -> None:
    question = copes(case)
    assert (question.option, question.comparison) == (option, comparison)


@pytest.mark.parametrize(
    ("case", "question_type"),
    [
        ("Faktor apa yang membuat lansia berisiko jatuh di rumah?", "risk"),
        ("Does poverty increase the risk of child neglect in single-parent families?", "risk"),
        ("Bagaimana pengalaman ODGJ yang pernah dipasung setelah dilepas?", "description"),
    ],
)
def test_risk_and_description_questions_have_no_option_or_outcome(case: str, question_type: str) -> None:
    question = copes(case)
    assert question.question_type == question_type
    assert (question.option, question.comparison, question.expected_outcome) == ("", "", "")


@pytest.mark.parametrize(
    "text", ["", "   ", "?", "...???", "\u0000 ( ( ( )", "is the " * 3000 + "?", "apakah " * 3000, "a or " * 4000]
)
def test_any_text_gives_an_answer_quickly(text: str) -> None:
    started = time.perf_counter()
    question = copes(text)
    assert isinstance(question, Copes) and question.question_type in ("", *QUESTION_TYPES)
    assert time.perf_counter() - started < 5  # ~0.4 s for the worst here on a laptop core


def test_design_boost_is_unchanged() -> None:
    assert design_boost("risk")["cohort"] > 1.0 and design_boost("") == {}
    with pytest.raises(ValueError, match="unknown question type"):
        design_boost("usual care")


def test_a_part_is_right_only_as_the_guide_says() -> None:
    ev = _eval_copes()
    assert ev.outcome(" Korban KDRT. ", "korban KDRT", []) == "right"  # case, spaces, trailing punctuation
    assert ev.outcome("korban KDRT", "korban KDRT dengan dua anak", ["korban KDRT"]) == "right"
    assert ev.outcome("", "", []) == "right"
    assert ev.outcome("usual care", "", []) == "wrong"  # gold "" is matched only by ""
    assert ev.outcome("", "rencana keselamatan", []) == "empty"
    assert ev.half("c01") in ("dev", "test")


def test_the_benchmark_figure_does_not_fall() -> None:
    ev = _eval_copes()
    report = ev.evaluate(ev.load_cases())
    assert report["all"]["cases"] == 40 and report["all"]["parts"] == 200
    assert report["all"]["parts_right"] >= ALL_PARTS_RIGHT - 0.02
    assert report["all"]["wrong_filled"] <= 0.08  # an empty part is better than a wrong one
    for name in ("dev", "test", "id", "en"):
        assert report[name]["parts_right"] >= 0.78, name
