"""The key-finding sentence model (``ebp.appraise.finding_model``) and its use in ``findings.key_findings``."""

from __future__ import annotations

import json
from importlib import resources

from ebp.appraise.direction import direction_of
from ebp.appraise.finding_model import CLASSES, default_model, key_probabilities, sentence_features
from ebp.appraise.findings import key_findings
from ebp.appraise.quotes import Quote
from ebp.types import Design

# A real abstract (SciFact 12709184, labels stripped; not in the labelled set's test half — it is in dev2).
VEGETARIAN = [
    "Some evidence suggests vegetarian dietary patterns may be associated with reduced mortality, but the "
    "relationship is not well established.",
    "To evaluate the association between vegetarian dietary patterns and mortality.",
    "Prospective cohort study; mortality analysis by Cox proportional hazards regression, controlling for important "
    "demographic and lifestyle confounders.",
    "A total of 96,469 Seventh-day Adventist men and women recruited between 2002 and 2007, from which an analytic "
    "sample of 73,308 participants remained after exclusions.",
    "There were 2570 deaths among 73,308 participants during a mean follow-up time of 5.79 years.",
    "The adjusted hazard ratio (HR) for all-cause mortality in all vegetarians combined vs nonvegetarians was 0.88 "
    "(95% CI, 0.80-0.97).",
    "Vegetarian diets are associated with lower all-cause mortality and with some reductions in cause-specific "
    "mortality.",
    "Results appeared to be more robust in males.",
    "These favorable associations should be considered carefully by those offering dietary guidance.",
]


def test_shipped_weights_match_the_features_and_rank_a_real_abstract() -> None:
    data = json.loads(resources.files("ebp.data").joinpath("finding_model.json").read_text(encoding="utf-8"))
    assert data["classes"] == list(CLASSES) and len(data["coef"][0]) == len(data["features"])
    extracted = {name for f in sentence_features(VEGETARIAN) for name in f if not name.startswith("w:")}
    assert extracted <= set(data["features"])  # cue and position features all known to the model
    scores = key_probabilities(VEGETARIAN)
    assert max(range(len(scores)), key=scores.__getitem__) == 6  # the conclusion, not background, aims or methods
    assert scores[1] < 0.2 and scores[2] < 0.2  # aims and design


def test_key_findings_of_an_unlabelled_abstract_are_its_main_result_and_conclusion() -> None:
    # The guide: the main result or the conclusion, whichever states it more clearly; never background or methods.
    quotes = [Quote(text, 1, "") for text in VEGETARIAN]
    assert {q.text for q in key_findings(quotes, Design.COHORT)} == {VEGETARIAN[5], VEGETARIAN[6]}


def test_model_is_fast() -> None:
    import time

    model = default_model()
    start = time.perf_counter()
    for _ in range(20):
        model.key_scores(VEGETARIAN * 3)
    assert (time.perf_counter() - start) / 20 < 0.05  # well under the brief's budget per document


def test_direction_reads_ending_a_harm_and_promise_as_benefit() -> None:
    stop = "Smoking cessation after diagnosis of early stage lung cancer improves prognostic outcomes."
    assert direction_of([stop], Design.RCT) == "benefit"  # not "smoking … improves" = harm
    reverse = "Oral vitamin D3 can reverse renal bone disease and increase growth."
    assert direction_of([reverse], Design.RCT) == "benefit"
    assert direction_of(["Peer mentoring shows promise for young carers."], Design.QUASI_EXPERIMENTAL) == "benefit"
    assert direction_of(["Focused deterrence was associated with a reduction in shootings."], Design.RCT) == "benefit"


def test_direction_reads_the_results_not_only_an_advising_conclusion() -> None:
    advice = "The findings support routine housing risk screening at admission, rather than at discharge."
    results = ["Risk was highest among those with admissions longer than 60 days (OR 2.4, 95% CI 1.6-3.5)."]
    assert direction_of([advice], Design.COHORT, results) == "harm"  # the results say which way, not the advice
    # the same sentences under another design label: an association's ratio does not depend on it
    assert direction_of([advice], Design.CROSS_SECTIONAL, results) == "harm"
    assert direction_of([advice], Design.COHORT) == "unclear"


def test_direction_mixed_and_descriptive_from_the_sentence_itself() -> None:
    iop = (
        "For normal individuals, IOP was not changed by ingestion of caffeine, while for patients with glaucoma "
        "or OHT, IOP increased significantly."
    )
    assert direction_of([iop], Design.SYSTEMATIC_REVIEW) == "mixed"
    prevalence = "In this population, the prevalence of dementia was low and increased with age."
    assert direction_of([prevalence], Design.COHORT) == "unclear"  # a survey labelled cohort stays descriptive
    first = "Link workers produced modest gains in wellbeing."
    opposite = "Hospital admissions rose significantly (p = 0.01) among participants."
    assert direction_of([first, opposite], Design.RCT) == "mixed"  # opposing significant effects
    attendance = (
        "Adoption was associated with a 0.6 percentage point increase in average daily attendance and a small "
        "reduction in out-of-school suspensions."
    )
    assert direction_of([attendance], Design.QUASI_EXPERIMENTAL) == "benefit"


def test_direction_reads_a_change_within_its_clause_and_the_outcome_named_first() -> None:
    # "higher after the programme, and depression": the change belongs to wellbeing, not to the next clause
    assert direction_of(["Wellbeing scores were higher after the programme, and depression was rare."], Design.RCT) == (
        "benefit"
    )
    worse = "Patients were significantly worse with gluten for overall symptoms (P=0.047)."
    assert direction_of([worse], Design.RCT) == "harm"
    primary_first = (
        "Mentored young carers showed greater improvement in wellbeing and school connectedness; self-esteem did not "
        "differ."
    )
    assert direction_of([primary_first], Design.QUASI_EXPERIMENTAL) == "benefit"  # a null secondary is not mixed
    null_first = "Self-esteem did not differ, and there was no improvement in wellbeing."
    assert direction_of([null_first], Design.QUASI_EXPERIMENTAL) == "no_difference"


def test_direction_reads_rates_excess_deaths_and_effects_too_small() -> None:
    rate = "Pupils with a disability were suspended at 3.2 times the rate of other pupils."
    assert direction_of([rate], Design.COHORT) == "harm"
    both = "This cohort had excess deaths from stomach cancer, and a deficit of deaths from stroke."
    assert direction_of([both], Design.COHORT) == "mixed"
    assert direction_of(["Virtual coaching was not enough to move test scores."], Design.RCT) == "no_difference"


def test_direction_mixed_only_from_what_the_brief_quotes_and_for_a_benefit_to_some_only() -> None:
    risk = "Pemasungan berhubungan dengan putus obat lebih dari tiga bulan (aOR 4,12; IK 95% 2,25-7,54)."
    advice = "Pencegahan pemasungan memerlukan kesinambungan pengobatan."
    protective = "Kunjungan rumah berhubungan dengan risiko yang lebih rendah (aOR 0,46; IK 95% 0,25-0,85)."
    assert direction_of([risk, advice, protective], Design.CASE_CONTROL) == "harm"  # the third is not quoted
    assert direction_of([risk, protective], Design.CASE_CONTROL) == "mixed"
    some = "The programme appears to improve balance, albeit only in participants with non-Alzheimer's dementia."
    assert direction_of([some], Design.RCT) == "mixed"
    assert direction_of(["Punitive responses are unlikely to be effective."], Design.COHORT) == "no_difference"


def test_direction_knows_self_esteem_and_indonesian_suffixes() -> None:
    harga_diri = (
        "Hasil uji menunjukkan peningkatan harga diri yang lebih besar pada kelompok perlakuan dibandingkan kelompok "
        "kontrol (p = 0,01)."
    )
    assert direction_of([harga_diri], Design.QUASI_EXPERIMENTAL) == "benefit"
    assert direction_of(["Mentored pupils reported higher self-esteem than controls (p = 0.02)."], Design.RCT) == (
        "benefit"
    )
    end = "Pada akhir intervensi, anak mulai mengikuti terapi rutin, sedangkan ibu melaporkan berkurangnya isolasi."
    assert direction_of([end], Design.CASE_STUDY) == "benefit"


def test_a_narrative_reviews_summary_of_other_studies_has_no_direction_of_its_own() -> None:
    summary = "Clinical trials have documented the beneficial effects of metabolic control on platelet function."
    assert direction_of([summary], Design.REVIEW_NARRATIVE) == "unclear"  # GUIDE: no overall effect direction
    assert direction_of([summary], Design.SYSTEMATIC_REVIEW) == "benefit"


def test_direction_knows_social_work_outcomes_in_both_languages() -> None:
    marriage = "Program berhubungan dengan penurunan angka perkawinan anak sebesar 3,1 per 1.000 perempuan (p < 0,05)."
    assert direction_of([marriage], Design.QUASI_EXPERIMENTAL) == "benefit"
    detention = "Eliminating cash bail substantially reduced pretrial detention by 16 percentage points."
    assert direction_of([detention], Design.QUASI_EXPERIMENTAL) == "benefit"
    empowerment = "Family empowerment scores increased significantly after the conference."
    assert direction_of([empowerment], Design.QUASI_EXPERIMENTAL) == "benefit"


def test_a_survey_is_read_by_its_key_finding_not_its_side_associations() -> None:
    prevalence = "In this population, the prevalence of dementia was low and increased with age."
    side = ["Literacy was associated with a lower risk of dementia (OR 0.6, 95% CI 0.4-0.9)."]
    assert direction_of([prevalence], Design.CROSS_SECTIONAL, side) == "unclear"  # descriptive (GUIDE)
    assert direction_of([prevalence], Design.COHORT, side) == "benefit"  # a cohort's results still speak


def test_a_case_studys_direction_is_what_happened_to_the_client_not_its_history() -> None:
    """Seen in the app: 'the victim decided to stay with her sister and sought legal protection' was shown as
    harmful, read from the case's history ('the violence grew worse')."""
    outcome = "Setelah tiga bulan, korban memutuskan untuk tinggal sementara di rumah kakaknya."
    history = ["Kekerasan meningkat setelah suaminya kehilangan pekerjaan.", "The violence grew worse."]
    assert direction_of([outcome, *history], Design.CASE_STUDY, history) == "unclear"
    assert direction_of(["After six months his loneliness had decreased."], Design.CASE_STUDY, history) == "benefit"
    back_at_school = "Setelah enam bulan, anak kembali bersekolah secara teratur dan tidak terlibat perkara baru."
    assert direction_of([back_at_school], Design.CASE_STUDY, history) == "benefit"  # the client moved on (GUIDE)


def test_a_sentence_asking_for_more_research_is_never_a_key_finding() -> None:
    # The guide: "more research is needed" sentences are never key sentences, in Indonesian as in English.
    review = [
        "Depresi pada remaja merupakan masalah kesehatan masyarakat.",
        "Tinjauan ini bertujuan menilai efek terapi kognitif perilaku pada remaja.",
        "Kami menelusuri lima basis data dan menyertakan 12 uji acak.",
        "Terapi menurunkan gejala depresi dibandingkan kontrol (g = 0,45; IK 95% 0,20-0,70).",
        "Diperlukan uji dengan tindak lanjut yang lebih panjang.",
    ]
    chosen = [q.text for q in key_findings([Quote(text, 1, "") for text in review], Design.SYSTEMATIC_REVIEW)]
    assert chosen[0] == review[3] and review[4] not in chosen
    trials = "Larger randomised trials are still needed to confirm these effects."
    chosen = [q.text for q in key_findings([Quote(text, 1, "") for text in [*VEGETARIAN[:7], trials]], Design.COHORT)]
    assert chosen[0] in (VEGETARIAN[5], VEGETARIAN[6]) and trials not in chosen


def test_a_trial_abstract_is_quoted_by_its_first_result_not_its_closing_advice() -> None:
    """An abstract without section labels (as most social-work journals print them): the primary outcome is
    reported first, and the closing sentence advises. The guide's key finding is the primary outcome's result."""
    abstract = [
        "School absence has lasting consequences for children's learning.",
        "We tested whether text messages to parents reduce absence in 42 primary schools.",
        "Families of 9,860 pupils were randomly assigned to weekly messages or to no messages.",
        "Messages reduced total absences by 6.2% relative to the control group (95% CI 2.1 to 10.3).",
        "Messages that included a peer comparison were no more effective than messages reporting absences alone.",
        "Schools should adopt low-cost messaging to parents as part of their attendance policies.",
    ]
    quoted = [q.text for q in key_findings([Quote(text, 1, "") for text in abstract], Design.RCT)]
    assert quoted[0].startswith("Messages reduced total absences")  # not the secondary comparison after it
    assert not any(text.startswith("Schools should") for text in quoted)  # the advice is not what was found
    # An abstract record's title runs into its opening sentence ("…: a text-message experiment Chronic absence
    # affects …") and reads like a result; it is not the first result.
    titled = ["Text messages to parents reduced absence: an experiment in 22 schools " + abstract[0], *abstract[1:]]
    quoted = [q.text for q in key_findings([Quote(text, 1, "") for text in titled], Design.RCT)]
    assert quoted[0].startswith("Messages reduced total absences")


def test_a_qualitative_abstract_is_quoted_by_its_first_account_not_its_closing_implication() -> None:
    abstract = [
        "Supervised consumption sites are contested, and little is known about how clients experience them.",
        "In-depth interviews were conducted with 27 clients of a site, recruited through peer workers.",
        "Interviews were analysed using inductive thematic analysis.",
        "Participants described the site as a place of safety and dignity in contrast to hostile encounters with "
        "police.",
        "Barriers included opening hours, queues and concerns about being seen entering the site.",
        "Participants who travelled from outer suburbs reported using alone on days when they could not reach it.",
        "Extending hours and developing satellite services could increase reach.",
    ]
    quoted = [q.text for q in key_findings([Quote(text, 1, "") for text in abstract], Design.QUALITATIVE)]
    assert quoted[0].startswith("Participants described the site")
    assert not any(text.startswith("Extending hours") for text in quoted)


def test_what_a_case_study_sets_out_to_do_is_not_what_came_of_it() -> None:
    from ebp.appraise.finding_cues import NOT_FINDING

    assert NOT_FINDING.search("This case study examines how one school moved from inadequate to good.")
    assert not NOT_FINDING.search("Improvements in attendance and examination results followed.")


def test_a_baseline_comparison_and_a_need_are_not_the_result() -> None:
    abstract = [
        "Unpaid parking fines are costly for municipalities.",
        "In 2021 five districts began sending text message reminders; five others sent letters only.",
        "We compared the payment of 27,530 fines issued in the two years around the change.",
        "Before the introduction, the share of fines paid on time was similar in the two groups (about 58%).",
        "After the introduction, on-time payment increased by 8 percentage points more in districts with reminders.",
        "The effect was concentrated among fines issued to local residents.",
        "Reminders by text message are needed in every municipality.",
    ]
    quoted = [q.text for q in key_findings([Quote(text, 1, "") for text in abstract], Design.QUASI_EXPERIMENTAL)]
    assert quoted[0].startswith("After the introduction")
    assert not any(text.startswith(("Before the introduction", "Reminders by text")) for text in quoted)


def test_a_case_outcome_under_its_own_heading_is_the_key_finding() -> None:
    # The demo corpus's self-neglect case: its "## Outcome" heading (a blank line after it) falls inside the passage
    # that began with the intervention; what came of the work is quoted, not nothing.
    from pathlib import Path

    from ebp.appraise.findings import evidence_row
    from ebp.appraise.quotes import candidate_sentences
    from ebp.ingest.chunk import chunk
    from ebp.ingest.parse import parse_file

    path = Path(__file__).resolve().parents[1] / "corpus" / "case_studies" / "en_case_self_neglect_older_man.md"
    doc = parse_file(path, path.parent)
    quotes = candidate_sentences(chunk(doc.pages), {p.number: p.text for p in doc.pages})
    assert any(q.section == "outcome" and q.text.startswith("After five months") for q in quotes)
    row = evidence_row(quotes, Design.CASE_STUDY)
    assert row.key_findings and row.key_findings[0].text.startswith("After five months, the leg ulcers were healing")


def test_a_change_that_did_not_happen_and_a_welfare_benefit_are_read_as_such() -> None:
    # "tidak menurunkan …" is a null result beside the change that did happen; "the benefit system" is a payment,
    # not a verdict, and "rising homelessness" is a harm.
    split = "Program ini meningkatkan pengetahuan, tetapi tidak menurunkan kejadian perkawinan anak."
    assert direction_of([split], Design.RCT) == "mixed"
    assert direction_of(["Pelatihan tidak menurunkan gejala depresi pada pengasuh."], Design.RCT) == "no_difference"
    sanctions = "Conditionality in the benefit system contributed to rising homelessness among single adults."
    assert direction_of([sanctions], Design.COHORT) == "harm"
