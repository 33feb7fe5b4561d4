"""Participants and outcomes of the evidence row: phrases of the document's own sentences, as the guide asks."""

from __future__ import annotations

from ebp.appraise.pico import outcomes_of, participants_of
from ebp.appraise.quotes import Quote
from ebp.types import Design

TRIAL = [
    Quote("Depression is common and often undertreated in primary care.", 1, ""),
    Quote(
        "We randomised 196 adults (53% female; mean [SD] age = 44.7 [13.4] years) with major depressive disorder to "
        "supervised exercise or sertraline.",
        1,
        "",
    ),
    Quote("Exercise reduced depressive symptoms more than sertraline (p = 0.01).", 1, ""),
]


def test_participants_are_described_as_the_text_does_up_to_its_verb() -> None:
    """The guide's participants: age, condition and setting as written; not the bare noun ("adults")."""
    found = participants_of(TRIAL, 196, Design.RCT)
    assert found.text == "196 adults (53% female; mean [SD] age = 44.7 [13.4] years) with major depressive disorder"
    assert found.text in found.sentence  # a phrase of the sentence it came from, never paraphrased
    survey = [Quote("Sebanyak 286 pengasuh keluarga dari lansia berusia 60 tahun ke atas mengisi kuesioner.", 1, "")]
    assert (
        participants_of(survey, 286, Design.CROSS_SECTIONAL).text
        == "286 pengasuh keluarga dari lansia berusia 60 tahun ke atas"
    )


def test_a_case_studys_participant_is_its_client() -> None:
    case = [
        Quote(
            "Studi kasus ini menggambarkan pendampingan terhadap seorang anak laki-laki berusia 15 tahun yang "
            "ditangkap karena mencuri telepon genggam.",
            1,
            "",
        )
    ]
    assert participants_of(case, None, Design.CASE_STUDY).text.startswith("seorang anak laki-laki berusia 15 tahun")
    assert (
        outcomes_of(case, Design.CASE_STUDY, ()).text == ""
    )  # "terhadap seorang anak" names the client, not an outcome


def test_the_outcome_is_the_one_the_key_finding_says_changed_unless_a_primary_outcome_is_named() -> None:
    assert outcomes_of(TRIAL, Design.RCT, TRIAL[2:]).text == "depressive symptoms"
    named = [*TRIAL, Quote("The primary outcome was the HAM-D score at 16 weeks.", 1, "")]
    assert outcomes_of(named, Design.RCT, TRIAL[2:]).text == "HAM-D score at 16 weeks"
    ind = [Quote("Intervensi kelompok menurunkan gejala depresi dengan besar efek sedang (SMD -0,62).", 1, "")]
    assert outcomes_of(ind, Design.SYSTEMATIC_REVIEW, ind).text == "gejala depresi"


def test_the_control_arm_is_the_comparison_whichever_arm_is_named_first() -> None:
    from ebp.appraise.pico import comparison_of, intervention_of

    both = [
        Quote(
            "Volunteers were randomly allocated to an education and usual care group or to a 24-week home-based "
            "program of physical activity.",
            1,
            "",
        )
    ]
    assert intervention_of(both, Design.RCT).text == "24-week home-based program of physical activity"
    assert comparison_of(both, Design.RCT).text == "education and usual care group"
    usual = [Quote("Families were randomly assigned to home visits or usual care.", 1, "")]
    assert (intervention_of(usual, Design.RCT).text, comparison_of(usual, Design.RCT).text) == (
        "home visits",
        "usual care",
    )


def test_the_exposure_of_an_association_study_and_no_date_as_an_intervention() -> None:
    from ebp.appraise.pico import intervention_of

    cohort = [Quote("We examined the association between coffee consumption and the risk of suicide.", 1, "")]
    assert intervention_of(cohort, Design.COHORT).text == "coffee consumption"
    ind = [Quote("Efektivitas terapi kognitif perilaku untuk remaja dengan gejala depresi: meta-analisis.", 1, "")]
    assert intervention_of(ind, Design.SYSTEMATIC_REVIEW).text == "terapi kognitif perilaku"
    dated = [Quote("Received 24 August 2009; accepted 2 March 2010.", 1, "")]
    assert intervention_of(dated, Design.RCT).text == ""


def test_a_case_studys_title_and_what_its_client_received_are_not_read_as_fields() -> None:
    from ebp.appraise.pico import intervention_of

    titled = [
        Quote("Working with self-neglect: an older man living alone This case study follows a social worker.", 1, ""),
        Quote("After three months, she began to receive sewing orders from neighbours.", 1, ""),
    ]
    assert participants_of(titled, None, Design.CASE_STUDY).text == "older man living alone"
    assert intervention_of(titled, Design.CASE_STUDY).text == ""  # the client received orders: not an intervention
    cohort = [Quote("Diversion was associated with better outcomes than prosecution.", 1, "")]
    assert intervention_of(cohort, Design.COHORT).text == ""  # "better outcomes" is the outcome, not the exposure
