"""Generate the bundled demo corpus: illustrative social-work articles as PDFs, made with fpdf2.

    python tools/demo_corpus.py [OUT_DIR]      # default: corpus/ at the repository root

Everything here is invented by the ebp team to exercise the pipeline (parsing, sections, study
designs, two languages). It is NOT real research: every document says so under its title, and the
authors, journals, DOIs and numbers are fictitious.

The content is plain data (``ARTICLES``); ``render`` turns one article into PDF bytes. Output is
deterministic: fixed creation dates and no randomness, so re-running gives identical files for a
given fpdf2 version (its version is written into the PDF's Producer field).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

REPO_ROOT = Path(__file__).resolve().parents[1]

DEMO_MARKER = {
    "en": "DEMO - illustrative content written for ebp; not real research findings",
    "id": "DEMO - konten ilustratif untuk ebp; bukan temuan penelitian nyata",
}
KEYWORDS_LABEL = {"en": "Keywords", "id": "Kata kunci"}
REFERENCES_HEADING = {"en": "References", "id": "Daftar Pustaka"}

# The core fonts only cover latin-1; typographic punctuation is mapped to plain ASCII.
_ASCII_PUNCTUATION = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": " - ", "\u2026": "..."}
)
# A compound word wrapped in the source text: "pretest-" at a line end, "posttest" on the next.
_WRAPPED_HYPHEN = re.compile(r"(?<=[A-Za-z])-\n[ \t]*(?=[A-Za-z])")


@dataclass(frozen=True)
class DemoArticle:
    """One demo document. In ``body`` a line "# Heading" starts a section; paragraphs are
    separated by a blank line and may be wrapped freely in the source."""

    path: str  # relative to the output folder, e.g. "en_rct_....pdf" or "case_studies/....pdf"
    language: str  # "en" or "id"
    topic: str  # e.g. "child_protection", "substance_use"
    design: str  # the label a study-design classifier should give, e.g. "rct", "qualitative"
    title: str
    authors: tuple[str, ...]
    journal: str
    year: int
    issue: str  # volume(number): pages, e.g. "5(2): 14-27"
    doi: str
    keywords: tuple[str, ...]
    body: str
    references: tuple[str, ...]


# Layout, in millimetres and points. A4 with a 10.5 pt body gives 2-3 pages for 700-1,200 words.
MARGIN_SIDE = 22.0
MARGIN_TOP = 20.0
MARGIN_BOTTOM = 20.0
BODY_SIZE = 10.5
BODY_LINE = 5.2
REFERENCE_LINE = 4.8
HEADING_KEEP = 22.0  # start a new page rather than leave a heading with less than this below it


def clean(text: str) -> str:
    """Plain latin-1 text with single spaces; raises ``ValueError`` on a character the core
    fonts cannot show.

    Example: ``clean("a \\u201cquoted\\u201d\\n  word") == 'a "quoted" word'``
    """
    flat = " ".join(text.translate(_ASCII_PUNCTUATION).split())
    try:
        flat.encode("latin-1")
    except UnicodeEncodeError as exc:
        raise ValueError(f"not latin-1: {flat[exc.start : exc.end]!r} in {flat[:60]!r}") from exc
    return flat


def sections(body: str) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) pairs of an article body, each paragraph joined to one line.

    Example: ``sections("# Methods\\nWe asked\\n12 people.") == [("Methods", ["We asked 12 people."])]``
    """
    body = _WRAPPED_HYPHEN.sub("-", body)  # keeps the hyphen, drops the line break
    found: list[tuple[str, list[str]]] = []
    for block in ("\n" + body).split("\n# ")[1:]:
        heading, _, text = block.partition("\n")
        found.append((clean(heading), [clean(part) for part in text.split("\n\n") if part.strip()]))
    if not found:
        raise ValueError(f"no '# Heading' line in the body starting {body[:60]!r}")
    return found


def render(article: DemoArticle) -> bytes:
    """The article as PDF bytes; the same article always gives the same bytes."""
    pdf = FPDF(format="A4")
    pdf.set_margins(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE)
    pdf.set_auto_page_break(True, MARGIN_BOTTOM)
    _set_metadata(pdf, article)
    pdf.add_page()
    _front_matter(pdf, article)
    for number, (heading, texts) in enumerate(sections(article.body)):
        _heading(pdf, heading)
        for text in texts:
            _paragraph(pdf, text)
        if number == 0:  # keywords follow the abstract, as journals print them
            label = KEYWORDS_LABEL[article.language]
            _paragraph(pdf, f"{label}: {'; '.join(article.keywords)}", style="I")
    _heading(pdf, REFERENCES_HEADING[article.language])
    pdf.set_font("Helvetica", "", 9.5)
    for reference in map(clean, article.references):
        # Keep each reference whole: one cut by a page break would read as two pieces of text.
        lines = pdf.multi_cell(0, REFERENCE_LINE, reference, dry_run=True, output="LINES")
        if pdf.get_y() + len(lines) * REFERENCE_LINE > pdf.page_break_trigger:
            pdf.add_page()
        pdf.multi_cell(0, REFERENCE_LINE, reference, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
    return bytes(pdf.output())


def _set_metadata(pdf: FPDF, article: DemoArticle) -> None:
    pdf.set_title(clean(article.title))
    pdf.set_author(", ".join(article.authors))
    pdf.set_subject(article.journal)
    pdf.set_keywords("; ".join(article.keywords))
    pdf.set_creator("ebp tools/demo_corpus.py (demo content)")
    pdf.set_lang(article.language)
    # Fixed date, so that re-running the script reproduces the same bytes.
    pdf.set_creation_date(datetime(article.year, 3, 1, tzinfo=UTC))


def _front_matter(pdf: FPDF, article: DemoArticle) -> None:
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, clean(article.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, ", ".join(article.authors), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(0, 5, f"{article.journal}, {article.year}, {article.issue}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, f"DOI: {article.doi}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("Helvetica", "B", 9)
    pdf.set_text_color(150, 20, 20)
    pdf.multi_cell(0, 5, DEMO_MARKER[article.language], new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.get_y() + HEADING_KEEP > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(1.5)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 7, clean(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.5)


def _paragraph(pdf: FPDF, text: str, style: str = "") -> None:
    pdf.set_font("Helvetica", style, BODY_SIZE)
    pdf.multi_cell(0, BODY_LINE, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def write_corpus(out_dir: Path, articles: tuple[DemoArticle, ...]) -> list[Path]:
    """Write every article under ``out_dir`` (folders are created); returns the paths written."""
    written = []
    for article in articles:
        path = out_dir / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(article))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the ebp demo corpus PDFs.")
    parser.add_argument("out_dir", nargs="?", type=Path, default=REPO_ROOT / "corpus", help="output folder")
    args = parser.parse_args(argv)
    for path in write_corpus(args.out_dir, ARTICLES):
        print(f"{path.stat().st_size:>7,} B  {path}")
    return 0


# ---------------------------------------------------------------------------------------------
# Content. Fictitious authors, journals, DOIs (10.5555 is a test prefix) and results.
# ---------------------------------------------------------------------------------------------

EN_JOURNAL = "Demo Journal of Social Work Practice"
EN_REVIEW = "Demo Review of Community Care"
EN_CASES = "Demo Bulletin of Practice Cases"
ID_JOURNAL = "Jurnal Demo Pekerjaan Sosial"
ID_WELFARE = "Jurnal Demo Kesejahteraan Sosial"

_EN_META_ANALYSIS = DemoArticle(
    path="en_meta_analysis_parenting_child_maltreatment.pdf",
    language="en",
    topic="child_protection",
    design="systematic_review",
    title="Parenting and home-visiting interventions to prevent the recurrence of child maltreatment: "
    "a systematic review and meta-analysis",
    authors=("Helen M. Carter", "David Osei", "Priya Raman"),
    journal=EN_JOURNAL,
    year=2023,
    issue="5(2): 14-27",
    doi="10.5555/demo.2023.014",
    keywords=("child protection", "maltreatment recurrence", "parenting programme", "home visiting", "meta-analysis"),
    body="""
# Abstract
Background: Families who are already known to child protection services face a high risk of further
maltreatment, yet the evidence on what social workers can offer them after a report is substantiated is
scattered across disciplines. Methods: We conducted a systematic review and meta-analysis of randomised and
quasi-randomised trials of parenting or home-visiting interventions for families with at least one
substantiated report of physical abuse or neglect. Six databases were searched from inception to December
2021. Two reviewers independently screened records, extracted data and assessed risk of bias. Results:
Twenty-one trials (N = 6,412 families) met the inclusion criteria and 14 contributed to the pooled analysis
of re-reports. Interventions reduced the risk of a new substantiated report within 12 months (pooled risk
ratio 0.78, 95% CI 0.66 to 0.92; I2 = 48%). Effects were larger for programmes of at least 12 sessions and
for those in which parents practised new skills with their child while being coached. Conclusions:
Structured parenting programmes are a reasonable first choice after substantiation, but the certainty of
the evidence is moderate and few trials were conducted in low- and middle-income countries.

# Introduction
Recurrence is one of the most troubling outcomes in child protection. Children who have been maltreated
once are several times more likely than their peers to be maltreated again, and each new episode deepens
the harm to their development and to their trust in adults. For practitioners, the period after a report
has been substantiated is therefore both a risk and an opportunity: the family is in contact with services,
and parents are often more open to help than at any other time.

Two broad families of interventions are offered in this period. Parenting programmes teach specific skills,
such as positive attention, consistent limits and calm responses to misbehaviour, usually in weekly sessions
with a parent group or a single family. Home-visiting programmes send a nurse, social worker or trained
paraprofessional to the home, combining parenting support with practical help and links to other services.
Previous reviews have examined these approaches for the primary prevention of maltreatment in families at
risk. Far fewer have asked whether they prevent recurrence once maltreatment has occurred. This review
addresses that question and explores which programme features are associated with larger effects.

# Methods
The protocol was registered before the searches were run, and the review is reported following common
standards for systematic reviews. We searched six bibliographic databases covering social work, psychology,
medicine and criminology, together with trial registers and the reference lists of included studies. No
language restrictions were applied; two Spanish and one Portuguese report were translated.

Studies were eligible if they randomly or quasi-randomly allocated families with at least one substantiated
report of physical abuse or neglect to a parenting or home-visiting intervention or to a comparison
condition (usual services, waiting list or an attention control). The primary outcome was a new
substantiated report during follow-up, taken from official records. Secondary outcomes were observed or
self-reported harsh parenting, child behaviour problems and out-of-home placement.

Two reviewers independently screened titles, abstracts and full texts, extracted data on a piloted form and
rated risk of bias with a standard tool for randomised trials; disagreements were resolved by discussion
with a third reviewer. Risk ratios were pooled with a random-effects model and heterogeneity was described
with the I2 statistic. Pre-specified subgroup analyses compared programme length, delivery format and the
presence of live coaching. The certainty of the evidence for each outcome was rated as high, moderate, low
or very low.

# Results
The searches returned 4,918 records. After removing duplicates and screening, 112 full texts were assessed
and 21 trials were included, involving 6,412 families. Fifteen trials were conducted in North America,
four in Europe, one in Australia and one in South Africa. Thirteen trials tested a parenting programme and
eight a home-visiting model; the median length of the intervention was 14 weeks. Usual services were the
comparison in 17 trials. Nine trials were judged at low risk of bias, ten raised some concerns and two were
at high risk, mainly because of incomplete outcome data.

Fourteen trials (4,870 families) reported official re-reports at 12 months. Across these trials, 21.4% of
families in the intervention groups and 27.9% of families in the comparison groups had a new substantiated
report (pooled risk ratio 0.78, 95% CI 0.66 to 0.92; I2 = 48%; moderate certainty). The effect was similar
when the two trials at high risk of bias were excluded (risk ratio 0.80, 95% CI 0.67 to 0.95). Programmes
with at least 12 sessions showed larger reductions than shorter ones (risk ratio 0.70 versus 0.91; test for
subgroup differences p = 0.04), as did programmes in which parents practised skills with their child during
sessions while a practitioner coached them.

Interventions also reduced self-reported harsh parenting (standardised mean difference -0.34, 95% CI -0.49
to -0.19; 11 trials) and child behaviour problems (standardised mean difference -0.22, 95% CI -0.36 to
-0.08; 9 trials). Evidence on out-of-home placement was sparse and inconclusive (risk ratio 0.87, 95% CI
0.64 to 1.18; 5 trials; low certainty).

# Discussion
This review suggests that parenting and home-visiting interventions offered after substantiation reduce
the recurrence of maltreatment by about one fifth. The absolute difference of roughly six percentage points
means that one new report would be prevented for about every 16 families served. Programmes that were
longer and that included live coaching appeared more effective, which is consistent with the idea that
parents need repeated, supported practice rather than information alone.

Several limitations apply. Official re-reports measure the detection of maltreatment as well as its
occurrence, and families receiving a programme may be watched more closely, which would bias results
towards no effect. Most trials came from high-income countries with well-resourced child protection
systems. Only one trial reported on fathers separately, and very few described how programmes were
adapted for families facing poverty, substance use or domestic violence at the same time.

For social workers, the findings support referring families to structured programmes with coaching
components rather than to general advice or short psychoeducation. Practitioners should also pay
attention to engagement, since completion rates in the included trials ranged from 48% to 86%.

# Conclusion
Structured parenting and home-visiting interventions are a reasonable first choice for families after a
substantiated report of abuse or neglect. Future trials should be conducted in low- and middle-income
countries, report outcomes for fathers and for families with multiple needs, and follow children for
longer than one year.
""",
    references=(
        "Abernathy, R. L., & Kim, S. (2019). Coaching parents in the room: live feedback in child welfare "
        "services. Demo Journal of Social Work Practice, 1(2), 45-58.",
        "Fairbanks, G., Moreau, L., & Tan, W. (2020). Recurrence of substantiated neglect: a review of "
        "administrative data studies. Demo Review of Community Care, 8(1), 3-19.",
        "Lindqvist, E., & Adeyemi, O. (2021). Home visiting after a child protection report: a pragmatic "
        "trial. Demo Journal of Social Work Practice, 3(4), 201-215.",
        "Ortega, M. P. (2018). Measuring harsh parenting in practice settings. Demo Press.",
        "Whitcombe, J., Hale, R., & Banerjee, A. (2022). Engagement and dropout in parenting programmes for "
        "families in child protection. Demo Review of Community Care, 10(3), 112-126.",
    ),
)

_EN_RCT_MI = DemoArticle(
    path="en_rct_motivational_interviewing_substance_use.pdf",
    language="en",
    topic="substance_use",
    design="rct",
    title="Brief motivational interviewing by social workers for young adults with risky alcohol and drug "
    "use: a randomised controlled trial",
    authors=("Thomas J. Whitfield", "Amara Nwosu", "Lucy Brennan", "Daniel K. Asante"),
    journal=EN_JOURNAL,
    year=2022,
    issue="4(3): 88-101",
    doi="10.5555/demo.2022.088",
    keywords=("substance use", "alcohol", "motivational interviewing", "young adults", "randomised controlled trial"),
    body="""
# Abstract
Objective: To test whether two sessions of motivational interviewing delivered by social workers in
community services reduce substance use among young adults with risky alcohol or drug use. Methods: In
this two-arm, parallel-group randomised controlled trial, 240 young adults aged 18 to 25 years (N = 240)
were recruited from youth housing, employment and community centres. Participants were randomly allocated
(1:1) to two sessions of motivational interviewing plus a written information leaflet or to the leaflet
and usual services alone (control group). The primary outcome was the number of days of alcohol or drug use
in the previous 30 days at six-month follow-up. Results: Follow-up data were obtained for 207 participants
(86%). At six months, the intervention group reported fewer days of use than the control group (adjusted
mean difference -2.9 days, 95% CI -4.8 to -1.0; Cohen's d = 0.36). Conclusions: A brief, low-cost
intervention delivered by trained social workers can reduce risky substance use in young adults who are
not seeking treatment.

# Introduction
Risky use of alcohol and other drugs peaks in early adulthood. Young people who are homeless, unemployed or
leaving care are at particular risk, and they rarely present to specialist treatment services. They are,
however, in regular contact with social workers and youth workers in housing projects, employment
programmes and community centres. These contacts offer a chance to raise the subject of substance use in a
setting that young people already trust.

Motivational interviewing is a collaborative, person-centred style of conversation that helps people
explore their own reasons for change. Brief versions have been tested widely in emergency departments and
universities, with small to moderate effects. Much less is known about its effectiveness when delivered by
social workers in ordinary community services, where caseloads are high and young people face many
problems at once. The aim of this trial was to estimate the effect of a two-session intervention on
substance use at six months.

# Methods
We conducted a pragmatic, two-arm, parallel-group randomised controlled trial in nine community services.
Young adults aged 18 to 25 were eligible if they scored in the moderate- or high-risk range on a brief
screening questionnaire for alcohol or drug use. Those already in specialist treatment, or unable to give
informed consent, were excluded. The study was approved by an ethics committee and all participants gave
written consent.

After the baseline interview, participants were randomised by an independent statistician using a
computer-generated sequence in permuted blocks of four and six, stratified by service. Allocation was
concealed until the participant had been enrolled. The intervention group received two 40-minute sessions
of motivational interviewing, one week apart, from one of 14 social workers who had completed two days of
training and received monthly supervision; a random 20% of recorded sessions was rated for fidelity. The
control group received the same information leaflet and continued with usual services. Research
assistants who conducted follow-up interviews were blind to allocation.

The primary outcome was the number of days on which any alcohol or drug was used in the previous 30 days,
measured with a calendar-based interview at three and six months. Secondary outcomes were risk scores on
the screening questionnaire, heavy drinking days and contact with any support service. Analyses followed the
intention-to-treat principle using linear mixed models adjusted for baseline values and service; missing
data were handled by multiple imputation. A sample of 240 gave 80% power to detect a difference of 0.4
standard deviations, allowing for 20% loss to follow-up.

# Results
Between March 2019 and February 2020, 412 young people were screened and 240 were randomised: 121 to the
intervention and 119 to the control group. The mean age was 20.6 years, 58% were men and 37% were living in
supported or temporary housing. Cannabis and alcohol were the most commonly used substances. In the
intervention group, 104 participants (86%) attended both sessions. Follow-up at six months was completed by
105 participants in the intervention group and 102 in the control group.

At baseline, participants reported a mean of 14.1 days of use in the previous 30 days. At six months, the
mean was 9.8 days in the intervention group and 12.6 days in the control group (adjusted mean difference
-2.9 days, 95% CI -4.8 to -1.0; p = 0.003; d = 0.36). The difference at three months was similar (-2.4
days, 95% CI -4.3 to -0.5). Screening risk scores were lower in the intervention group at six months (mean
difference -3.1 points, 95% CI -5.6 to -0.6), and more intervention participants had contacted a support
service (31% versus 18%; risk ratio 1.72, 95% CI 1.05 to 2.81). There was no clear difference in heavy
drinking days. No adverse events related to the intervention were reported.

# Discussion
Two sessions of motivational interviewing delivered by social workers produced a modest but meaningful
reduction in substance use among young adults who were not seeking help. The effect was of similar size to
that reported for brief interventions in health settings, which suggests that the approach transfers to
community social work when staff are trained and supervised. The increase in contact with support services
is also relevant for practice, because it indicates that a brief conversation can open the door to further
help.

The trial has limitations. Substance use was self-reported, although interviewers were blind and the
calendar method has acceptable reliability. Services volunteered to take part and may have been more
motivated than average. Follow-up ended at six months, so we do not know whether the effect lasts.

# Conclusion
Social workers in youth and housing services can deliver brief motivational interviewing with good fidelity,
and doing so reduces risky substance use at six months. Services should consider including brief training
and supervision in motivational interviewing in their workforce development plans.
""",
    references=(
        "Brennan, L., & Fairley, C. (2020). Screening for substance use in youth housing services. Demo Journal "
        "of Social Work Practice, 2(1), 5-17.",
        "Castellanos, R., Ito, M., & Grant, P. (2018). Brief motivational interventions in emergency care: an "
        "updated overview. Demo Review of Community Care, 6(2), 71-90.",
        "Nwosu, A. (2019). Training social workers in motivational interviewing: fidelity and drift. Demo "
        "Journal of Social Work Practice, 1(3), 130-142.",
        "Whitfield, T. J. (2017). Young adults, risk and help-seeking. Demo Press.",
    ),
)

_EN_COHORT_DIVERSION = DemoArticle(
    path="en_cohort_diversion_juvenile_justice.pdf",
    language="en",
    topic="juvenile_justice",
    design="cohort",
    title="Pre-court diversion and reoffending among young people: a five-year prospective cohort study",
    authors=("Marcus O. Bell", "Siobhan Keane", "Rafael Mendes"),
    journal=EN_JOURNAL,
    year=2021,
    issue="3(1): 22-36",
    doi="10.5555/demo.2021.022",
    keywords=("juvenile justice", "diversion", "reoffending", "young offenders", "cohort study"),
    body="""
# Abstract
Aims: To compare reoffending among young people who were diverted from prosecution at their first
police contact with that of young people who were prosecuted, and to identify which elements of
diversion were associated with better outcomes. Design and setting: A prospective cohort study of all
young people aged 12 to 17 who had a first recorded offence in two regions during 2015 and 2016. Young
people were followed for five years through linked police, court and social care records. Participants:
1,136 young people, of whom 612 were diverted to a youth justice social work programme and 524 were
prosecuted. Results: Within five years, 38.6% of diverted young people and 51.1% of prosecuted young
people had a proven reoffence. After adjustment for offence type, age, sex, school exclusion and previous
child protection involvement using propensity scores, diversion was associated with a lower risk of
reoffending (hazard ratio 0.71, 95% CI 0.60 to 0.84). Conclusions: Diversion at first contact was
associated with less reoffending, particularly when it included family work and contact with education.

# Introduction
Most young people who commit an offence do not go on to a criminal career. For this reason, many justice
systems now try to divert children and adolescents away from formal prosecution, especially for a first or
minor offence. Diversion can range from a simple warning to a structured programme delivered by social
workers, which may include restorative meetings with victims, family support and help to return to school.

Critics argue that diversion may be too lenient and that young people need a clear response from the
courts. Supporters point to evidence that formal processing can label young people, disrupt their
education and bring them into contact with more experienced offenders. Randomised trials of diversion are
few and mostly small. Large observational cohorts, which follow young people over several years, can add
useful evidence on longer-term outcomes when they adjust carefully for differences between groups.

# Methods
This prospective cohort study included all young people aged 12 to 17 who had a first recorded offence
in two regions between January 2015 and December 2016. The decision to divert or prosecute was made by
police and prosecutors under existing guidance and was not influenced by the study. Young people were
followed for five years from the date of the first offence, using linked police, court and social care
records. The study was approved by the relevant data protection and ethics bodies; individual consent was
not required for the use of de-identified administrative data.

The exposure was referral to the youth justice diversion programme, which was delivered by social workers
over 8 to 16 weeks and could include restorative meetings, family sessions, mentoring and liaison with the
young person's school. The comparison group was young people who were prosecuted. The primary outcome was
any proven reoffence within five years. Secondary outcomes were custodial sentences and time to first
reoffence.

Propensity scores for diversion were estimated with logistic regression including age, sex, offence type
and seriousness, school exclusion, previous child protection involvement, area deprivation and region.
Cox proportional hazards models weighted by the inverse of the propensity score were used to estimate
hazard ratios with 95% confidence intervals. Sensitivity analyses restricted the sample to young people
with offences of medium seriousness, for whom both decisions were common.

# Results
Of the 1,136 young people in the cohort, 612 (53.9%) were diverted and 524 (46.1%) were prosecuted. The
mean age at first offence was 15.1 years and 74% were boys. Prosecuted young people were older, more often
had a violent first offence and more often had been excluded from school. After weighting, the groups were
well balanced on all measured characteristics (all standardised differences below 0.1).

Within five years, 236 diverted young people (38.6%) and 268 prosecuted young people (51.1%) had a proven
reoffence. In the weighted analysis, diversion was associated with a lower risk of reoffending (hazard
ratio 0.71, 95% CI 0.60 to 0.84) and with fewer custodial sentences (hazard ratio 0.58, 95% CI 0.41 to
0.82). The median time to first reoffence was 19 months among diverted and 13 months among prosecuted young
people who reoffended. Results were similar in the sensitivity analysis restricted to offences of medium
seriousness (hazard ratio 0.76, 95% CI 0.60 to 0.96).

Within the diverted group, young people whose programme included at least three family sessions had a lower
risk of reoffending than those without family work (hazard ratio 0.74, 95% CI 0.56 to 0.98), and so did
young people whose social worker had at least one documented contact with their school (hazard ratio 0.79,
95% CI 0.63 to 0.99). Restorative meetings were not clearly associated with reoffending.

# Discussion
In this cohort, diversion at the first offence was associated with about 30% lower risk of reoffending
over five years. Because allocation was not random, residual confounding is possible: police and
prosecutors may have diverted young people whom they judged less likely to reoffend, for reasons not
captured in the records. The consistency of the results in the sensitivity analysis, where the decision
was most uncertain, gives some reassurance.

The associations with family work and school contact are relevant for social work practice. They suggest
that diversion is most useful when it addresses the young person's everyday environment rather than the
offence alone. Outcomes were measured through official records, which miss undetected offending and may
reflect policing patterns in different areas.

# Conclusion
Diverting young people from prosecution at their first offence was associated with less reoffending and
fewer custodial sentences. Diversion programmes should include work with families and active links with
schools.
""",
    references=(
        "Ashworth-Lane, P. (2016). Labelling and the young offender: a reappraisal. Demo Press.",
        "Bell, M. O., & Greer, T. (2019). Linking police and social care records for youth justice research. "
        "Demo Journal of Social Work Practice, 1(1), 12-25.",
        "Keane, S. (2020). Family work in youth diversion programmes. Demo Review of Community Care, 8(4), 201-214.",
        "Mendes, R., Hall, J., & Okafor, C. (2018). Propensity score methods for social work evaluation. Demo "
        "Journal of Social Work Practice, 0(1), 1-14.",
    ),
)

_EN_QUALITATIVE_ELDERLY = DemoArticle(
    path="en_qualitative_elderly_home_care_coordination.pdf",
    language="en",
    topic="elderly_care",
    design="qualitative",
    title="Older people's and family carers' experiences of home-based care coordination: a qualitative "
    "interview study",
    authors=("Margaret A. Lowe", "Kwabena Mensah", "Ingrid Solberg"),
    journal=EN_REVIEW,
    year=2022,
    issue="10(2): 57-69",
    doi="10.5555/demo.2022.057",
    keywords=("older people", "elderly care", "care coordination", "family carers", "qualitative research"),
    body="""
# Abstract
Care for older people living at home is often delivered by many services at once, and social workers are
increasingly asked to coordinate it. Little is known about how older people and their families experience
this coordination. This qualitative study explored their experiences and what they value in a care
coordinator. We conducted in-depth, semi-structured interviews with 18 older people aged 68 to 93 years
who received home care from at least two services, and with 14 family carers. Participants were selected
by purposive sampling from three community social work teams. Interviews were audio-recorded, transcribed
and analysed with reflexive thematic analysis. Four themes were developed: "someone who knows the whole
picture"; help that arrives on the service's clock; carers as unpaid coordinators; and dignity in small
decisions. Participants valued continuity with one named worker more than the number of services received.
Care coordination should be organised around a stable relationship and should recognise the work that
family carers already do.

# Introduction
Most older people wish to remain in their own homes for as long as possible. As health and mobility
decline, they may receive help from home care agencies, community nurses, therapists, day centres and
voluntary organisations, as well as from their families. When these services do not talk to each other,
older people can receive duplicated assessments, missed visits and conflicting advice. Care coordination,
often led by a social worker or case manager, is intended to prevent this.

Evaluations of care coordination have mostly measured hospital admissions, moves to residential care and
costs. These outcomes matter, but they say little about how coordination feels to the people who receive
it. Qualitative research can show which aspects of coordination older people and carers notice and value,
and where it falls short. This study asked: how do older people and family carers experience the
coordination of home-based care, and what do they want from a coordinator?

# Methods
We used a qualitative descriptive design. Participants were recruited through three community social work
teams serving urban and rural areas. Social workers invited people aged 65 or over who received home care
from at least two services, and their main family carer where there was one. We used purposive sampling
to include men and women, people living alone and with others, and people with and without cognitive
impairment. People with advanced dementia who could not give informed consent were not interviewed, but
their carers could take part.

In-depth, semi-structured interviews were carried out between May and October 2021, mostly in
participants' homes, and lasted 45 to 90 minutes. The topic guide asked about daily routines, the services
involved, contact with the coordinator, and times when care had worked well or badly. Interviews were
audio-recorded with permission and transcribed verbatim. Two researchers coded the transcripts
independently and developed themes through reflexive thematic analysis, meeting regularly to discuss and
refine them. Recruitment stopped when new interviews added little to the themes. The study received ethical
approval and all names used here are pseudonyms.

# Results
Eighteen older people (11 women, 7 men; median age 82 years) and 14 family carers (10 daughters or sons,
4 spouses) took part. Most received help from three or four services. Four themes were developed.

Someone who knows the whole picture. Participants described relief when one person understood their
situation and could explain it to others. "I don't have to tell my story again every time," said one
woman of 86. Changes of coordinator were experienced as a loss, and several participants said that a
coordinator who knew them well was more important than extra hours of care.

Help that arrives on the service's clock. Visits were often scheduled around staff rotas rather than the
older person's routine. Participants described being put to bed at seven in the evening or waiting for a
late morning visit before they could wash. Coordinators who negotiated times with agencies were highly
valued, even when they could not always succeed.

Carers as unpaid coordinators. Family carers described doing much of the coordination themselves: chasing
prescriptions, passing messages between services and filling gaps when visits were missed. Some felt that
services assumed they would always be available. Carers who were in paid work or lived far away found this
especially hard.

Dignity in small decisions. Older people wanted a say in everyday matters, such as which clothes to wear
or when to eat. Coordinators who asked about these preferences and wrote them into care plans were seen as
respectful; when preferences were ignored, participants felt they had become "a task on a list".

# Discussion
The findings suggest that, from the perspective of older people and carers, the heart of care coordination
is relationship rather than logistics. Continuity with a named worker allowed trust to develop and reduced
the burden of repeated explanations. This supports models in which coordinators hold small, stable
caseloads. The theme of carers as unpaid coordinators shows that families often bridge the gaps between
services, at a cost to their own health and employment. Carer assessments should recognise this hidden
coordination work.

The study has limitations. Participants were recruited through social workers, who may have approached
people with better experiences. People with advanced dementia were represented only through their carers.
The findings come from one country and may not transfer to systems where families provide most care without
formal services.

# Conclusion
Older people and family carers value care coordination that is personal, continuous and responsive to
everyday routines. Social work services should protect continuity of the coordinator, negotiate visit
times around the older person, and formally recognise the coordination work done by family carers.
""",
    references=(
        "Haldane, F., & Ruiz, C. (2019). Case management for older people living at home: a review of outcomes. "
        "Demo Review of Community Care, 7(1), 9-24.",
        "Lowe, M. A. (2020). Continuity of care in community social work. Demo Journal of Social Work Practice, "
        "2(3), 144-156.",
        "Mensah, K., & Solberg, I. (2021). The hidden work of family carers. Demo Review of Community Care, "
        "9(2), 66-79.",
        "Pritchard, L. (2018). Qualitative methods for practice research. Demo Press.",
    ),
)

_EN_NARRATIVE_DV = DemoArticle(
    path="en_narrative_review_domestic_violence_advocacy.pdf",
    language="en",
    topic="domestic_violence",
    design="narrative_review",
    title="Social work with survivors of domestic violence: a narrative review of advocacy, safety planning "
    "and trauma-informed practice",
    authors=("Rebecca L. Hughes", "Nadia Farouk"),
    journal=EN_REVIEW,
    year=2020,
    issue="8(3): 140-153",
    doi="10.5555/demo.2020.140",
    keywords=("domestic violence", "intimate partner violence", "advocacy", "safety planning", "trauma-informed"),
    body="""
# Abstract
Social workers meet survivors of domestic violence in almost every field of practice, from child protection
and health care to housing and income support. This narrative review summarises what is known about three
approaches that are central to social work with survivors: advocacy, safety planning and trauma-informed
practice. We did not aim to be exhaustive. Instead, we drew on systematic reviews, major trials and
qualitative studies identified through searches of social science databases and through the authors'
knowledge of the field, and we organised the literature around questions that practitioners commonly ask.
The evidence suggests that advocacy, particularly when it is intensive and linked to community resources,
can reduce re-abuse and improve quality of life; that safety planning is most useful when it is tailored
and revisited; and that trauma-informed principles are widely endorsed but have rarely been evaluated as
such. We discuss implications for practice and research.

# Introduction
Domestic violence, which includes physical, sexual, psychological and economic abuse by a current or
former partner or family member, remains common worldwide. Its effects extend beyond physical injury to
depression, anxiety, substance use, housing instability and poverty, and children living with it are
themselves harmed. Survivors often seek help first from informal networks and from general services
rather than from specialist agencies. Social workers are therefore well placed to recognise abuse and to
respond, but they report uncertainty about which interventions are supported by evidence.

This narrative review is intended as an accessible overview for practitioners. It does not follow the
procedures of a systematic review, and readers should see it as a map of the evidence rather than a
definitive estimate of effects.

# Methods
We searched four social science and health databases for systematic reviews, randomised trials and
qualitative studies published between 2000 and 2019 on advocacy, safety planning and trauma-informed
approaches with adult survivors of domestic violence. We supplemented the searches with reference lists
and with studies known to the authors. Sources were selected for their relevance to social work practice
and their methodological quality, and we gave more weight to systematic reviews and trials where they
existed. In total, 64 sources informed the review. Because this is a narrative review, study selection was
not duplicated and the quality of included studies was not formally rated.

# Results
Advocacy. Advocacy aims to help survivors access resources such as housing, legal protection, income and
health care, and to support their own decisions about safety. Trials of intensive community-based
advocacy, typically lasting several months, have reported reductions in physical re-abuse and improvements
in quality of life and social support, although effects vary and some studies are small. Brief advocacy in
health settings appears to improve the use of safety behaviours and services, with less consistent effects
on re-abuse. Qualitative studies emphasise that survivors value advocates who believe them, who are
available when needed and who do not pressure them to leave the relationship before they are ready.

Safety planning. Safety planning involves identifying risks and agreeing practical steps to reduce them,
such as a code word with a neighbour, copies of documents kept elsewhere or a plan for leaving safely.
Structured risk assessment tools can support this process by identifying survivors at risk of severe or
lethal violence. Studies of interactive and online safety planning tools suggest that tailored plans
reduce decisional conflict and increase the use of safety strategies. Plans that are written once and not
revisited are likely to become outdated as circumstances change, particularly around separation, which is
a period of heightened danger.

Trauma-informed practice. Trauma-informed approaches ask services to recognise the widespread impact of
trauma, to avoid re-traumatising people and to emphasise safety, choice, collaboration and empowerment.
These principles are now present in many policies and training programmes. However, we found few studies
that evaluated trauma-informed practice as a whole in domestic violence services; most described
organisational change or measured staff knowledge rather than outcomes for survivors. Specific
trauma-focused therapies have stronger evidence for reducing post-traumatic stress symptoms, but they are
usually delivered by mental health professionals rather than by social workers.

# Discussion
Taken together, the literature supports a model in which social workers combine practical advocacy with
ongoing, survivor-led safety planning, delivered in a way that respects choice and avoids blame. Three
points deserve emphasis. First, intensity matters: advocacy that lasts for months and connects survivors
to concrete resources appears more effective than single contacts. Second, safety planning is a process,
not a form. Third, trauma-informed language must be matched by changes in everyday practice, such as
flexible appointments, continuity of worker and attention to the survivor's own priorities.

Important gaps remain. Most trials come from a small number of high-income countries, and very few address
survivors with disabilities, older survivors or those in rural areas. Economic abuse and technology-facilitated
abuse are growing concerns with little intervention research. Studies rarely include outcomes
for children, even though many survivors are parents.

# Conclusion
Social workers can draw on a growing body of evidence when working with survivors of domestic violence.
Intensive advocacy and tailored safety planning have the strongest support. Trauma-informed practice is a
sound set of principles that now needs rigorous evaluation.
""",
    references=(
        "Bramwell, S., & Ochoa, L. (2017). Community advocacy for survivors of partner abuse: a two-year "
        "follow-up. Demo Journal of Social Work Practice, 0(2), 33-47.",
        "Farouk, N. (2019). Safety planning as a process: practitioner perspectives. Demo Review of Community "
        "Care, 7(4), 188-199.",
        "Hughes, R. L., Park, J., & Duarte, F. (2018). Trauma-informed services: principles in search of "
        "evidence. Demo Review of Community Care, 6(3), 120-134.",
        "Mwangi, E. (2016). Risk assessment in domestic abuse: tools and judgement. Demo Press.",
        "Stanton, K., & Liu, Y. (2019). Economic abuse and social work responses. Demo Journal of Social Work "
        "Practice, 1(4), 210-222.",
    ),
)

_EN_GUIDELINE_SUICIDE = DemoArticle(
    path="en_guideline_suicide_risk_mental_health.pdf",
    language="en",
    topic="mental_health",
    design="guideline",
    title="Practice guideline: responding to suicide risk and safety planning in community social work",
    authors=("Demo Guideline Development Group", "Catherine E. Moss", "Arjun Mehta"),
    journal=EN_JOURNAL,
    year=2024,
    issue="6(1): 1-13",
    doi="10.5555/demo.2024.001",
    keywords=("mental health", "suicide prevention", "safety planning", "practice guideline", "risk assessment"),
    body="""
# Abstract
This practice guideline sets out recommendations for social workers in community settings who work with
adults at risk of suicide. It was developed by a multidisciplinary group of social workers, psychiatrists,
nurses and people with lived experience, on the basis of a rapid review of systematic reviews and existing
guidelines. Each recommendation is graded as strong or conditional, and the certainty of the underlying
evidence as high, moderate, low or very low. The guideline recommends asking directly about suicidal
thoughts, collaborative safety planning, restricting access to lethal means, follow-up contact after a
crisis and involving family members with the person's consent. It recommends against using risk scales
alone to predict suicide or to decide who receives help. The guideline is intended to support, not replace,
professional judgement and local protocols.

# Introduction
Suicide is a leading cause of death among young and middle-aged adults, and many people who die by suicide
have been in contact with social or health services in the months before their death. Social workers in
community mental health teams, child and family services, housing, income support and substance use
services regularly meet people in suicidal crisis. Many report that they feel unprepared for these
conversations and uncertain about their role alongside clinical staff.

The purpose of this guideline is to give community social workers clear, evidence-informed recommendations
on how to recognise and respond to suicide risk. It covers adults aged 18 and over. It does not cover
inpatient care, the treatment of specific mental disorders, or work with children and adolescents, for
which separate guidance is available.

# Methods
The guideline development group of 12 members met six times between January and September 2023. Two
members had lived experience of suicidal crisis and one had been bereaved by suicide. Key questions were
agreed at the first meeting. A rapid review identified systematic reviews published in the last ten years
and four national guidelines; where reviews were lacking, individual trials were considered.

For each recommendation, the group considered the certainty of the evidence, the balance of benefits and
harms, the values of people with lived experience, feasibility in social work settings and resource use.
A strong recommendation means that the group was confident that benefits clearly outweigh harms for almost
everyone; a conditional recommendation means that the balance is closer or depends on circumstances.
Disagreements were resolved by discussion, and all recommendations reached consensus. A draft was reviewed
by 40 external practitioners and service users before publication.

# Results
Recommendation 1. Ask directly and openly about suicidal thoughts when there are signs of distress,
recent loss or crisis. Asking does not increase suicidal thinking. (Strong recommendation; moderate
certainty.)

Recommendation 2. Do not use risk assessment scales or scores on their own to predict suicide or to decide
who should receive support. Use them, if at all, to structure a conversation about the person's needs.
(Strong recommendation; moderate certainty.)

Recommendation 3. Develop a written safety plan together with the person, covering warning signs, coping
strategies, people and places that offer distraction, people to ask for help, professional and crisis
contacts, and steps to make the environment safer. Review the plan at each contact. (Strong
recommendation; moderate certainty.)

Recommendation 4. Discuss access to lethal means, such as stored medicines, pesticides or weapons, and
agree practical steps to reduce access with the person and, with consent, their family. (Strong
recommendation; moderate certainty.)

Recommendation 5. Offer follow-up contact within 72 hours after a crisis or after discharge from hospital,
by telephone, message or visit. (Conditional recommendation; low certainty.)

Recommendation 6. With the person's consent, involve family members or other trusted people in safety
planning, and give them information on how to respond in a crisis. Respect the person's wishes where they
do not consent, unless there is an immediate risk to life. (Conditional recommendation; low certainty.)

Recommendation 7. Address social circumstances that contribute to distress, such as debt, housing
insecurity, unemployment, isolation and violence, as part of the response to suicide risk. (Conditional
recommendation; low certainty.)

Recommendation 8. Record the conversation, the safety plan and the agreed follow-up, and share them with
other services involved, in line with consent and information-sharing rules. (Strong recommendation; very
low certainty, based on group consensus.)

# Discussion
Implementing these recommendations requires more than individual skill. Services should provide training
in suicide-related conversations and safety planning, protected time for follow-up contact and clear
pathways to crisis and clinical services. Supervision is essential, both to support decision-making and to
attend to the emotional impact of this work on practitioners. Services should monitor implementation, for
example by auditing the presence and quality of safety plans.

The evidence base has gaps. Most trials of safety planning and follow-up contact were conducted in health
settings, and few evaluated interventions delivered by social workers. Evidence on involving families and on
addressing social circumstances is mainly observational. The guideline will be reviewed within five years,
or earlier if important new evidence is published.

# Conclusion
Community social workers have an important role in suicide prevention. Asking directly, planning for safety
collaboratively, reducing access to means, staying in contact after a crisis and addressing social
circumstances are the core of that role.
""",
    references=(
        "Alvarez, D., & Chen, H. (2021). Safety planning interventions: a systematic review. Demo Review of "
        "Community Care, 9(1), 1-18.",
        "Demo Guideline Development Group. (2022). Methods manual for demo practice guidelines. Demo Press.",
        "Moss, C. E. (2020). Talking about suicide in social work: a training evaluation. Demo Journal of "
        "Social Work Practice, 2(2), 60-72.",
        "Sandoval, P., Mehta, A., & Roux, B. (2019). Risk scales and the prediction of suicide: limits and "
        "misuses. Demo Review of Community Care, 7(2), 80-94.",
        "Yamada, K. (2022). Follow-up contact after suicidal crisis. Demo Journal of Social Work Practice, "
        "4(1), 40-51.",
    ),
)

_EN_CASE_DISABILITY = DemoArticle(
    path="case_studies/en_case_study_disability_supported_employment.pdf",
    language="en",
    topic="disability",
    design="case_study",
    title="From day centre to paid work: a case study of supported employment for a young man with "
    "intellectual disability",
    authors=("Fiona J. Gallagher", "Samuel Ortiz"),
    journal=EN_CASES,
    year=2023,
    issue="2(1): 9-18",
    doi="10.5555/demo.2023.109",
    keywords=("disability", "intellectual disability", "supported employment", "person-centred planning", "case study"),
    body="""
# Abstract
This case study describes how a social worker and an employment specialist supported a 24-year-old man
with a mild intellectual disability to move from full-time attendance at a day centre into paid work. The
work followed the principles of supported employment: a focus on paid work in ordinary settings, rapid job
search based on the person's preferences, and ongoing support after placement. Over nine months, the young
man obtained a part-time job in a bakery, increased his income and social contacts, and reduced his
attendance at the day centre to one day a week. The case illustrates the importance of listening to the
person's own aspirations, working with family concerns about risk, and negotiating reasonable
adjustments with employers. As a single case, it cannot show whether the approach would work for others,
but it offers practical lessons for social workers in disability services.

# Introduction
People with intellectual disabilities have far lower rates of employment than the general population,
although many say they would like to work. Day centres have traditionally offered activities and respite
for families, but they can also limit opportunities for independence and community participation.
Supported employment, in which people are placed in ordinary jobs and then trained and supported on site,
has been shown in trials and reviews to increase employment among people with disabilities. Social workers
often coordinate services for adults with intellectual disabilities and can play a key role in opening up
these opportunities.

# Methods
This is a single descriptive case study written from the social worker's case records, the employment
specialist's notes and interviews with the young man and his mother after nine months. The young man, whom
we call Daniel, and his mother gave written consent for the case to be published. Names, places and some
details have been changed to protect their privacy.

# Results
Background and assessment. Daniel lived with his mother and younger sister and had attended a day centre
five days a week since leaving a special school at 19. At his annual review, he told the social worker
that he was bored and wanted "a proper job, like my sister". His mother was worried that he would be
exploited or would lose his disability benefits. A person-centred planning meeting with Daniel, his
mother, a day centre worker and the social worker identified his strengths (punctuality, good humour,
enjoyment of practical tasks and of baking) and his support needs (reading, handling money and coping with
sudden changes of routine).

Intervention. The social worker referred Daniel to a supported employment service and arranged a meeting
with a benefits adviser, who showed the family how part-time earnings would affect his income. The
employment specialist spent two sessions getting to know Daniel and then approached local employers
directly. After six weeks, a family-owned bakery agreed to a working interview. The specialist carried out
a task analysis of the job, trained Daniel on site using picture-based instructions, and agreed with the
manager on adjustments such as a fixed shift pattern and a checklist for cleaning tasks. Support on site
was gradually reduced over eight weeks.

Outcomes. After nine months, Daniel worked 16 hours a week on the minimum wage and his total income had
risen by about a third. He attended the day centre once a week to keep in touch with friends. He had
learned to travel to work independently. His mother said that she had been "proved wrong, in a good way",
although she still worried about what would happen if the bakery closed. There were two difficult periods,
after a change of manager and after a mistake with an order, which the specialist helped to resolve.

# Discussion
Three lessons stand out. First, the starting point was Daniel's own aspiration, expressed at a routine
review; asking open questions about what people want can reveal goals that services have not considered.
Second, the family's concerns about risk and benefits were real and needed practical answers, not
reassurance alone. Third, the job succeeded because support continued after placement and because the
employer was involved in designing adjustments. Social workers can contribute by brokering these
relationships and by keeping the person's goals at the centre of multi-agency plans.

# Conclusion
Supported employment enabled a young man with an intellectual disability to move from a day centre into
paid work. Social workers in disability services should routinely ask about employment goals and link
people to supported employment services.
""",
    references=(
        "Gallagher, F. J. (2021). Person-centred planning in adult disability services. Demo Press.",
        "Hollis, M., & Adebayo, T. (2019). Supported employment for people with intellectual disabilities: a "
        "review. Demo Review of Community Care, 7(3), 150-166.",
        "Ortiz, S., & Lang, E. (2022). Employers' views on reasonable adjustments. Demo Journal of Social Work "
        "Practice, 4(2), 70-82.",
    ),
)

_ID_RCT_PENGASUHAN = DemoArticle(
    path="id_uji_acak_pengasuhan_positif_keluarga_pkh.pdf",
    language="id",
    topic="child_protection",
    design="rct",
    title="Pengaruh program pengasuhan positif berbasis kelompok terhadap pengasuhan keras pada keluarga "
    "penerima PKH: uji acak terkontrol klaster",
    authors=("Ratna Dewi Kusuma", "Agus Setiawan", "Fitri Handayani"),
    journal=ID_JOURNAL,
    year=2022,
    issue="4(1): 33-47",
    doi="10.5555/demo.2022.033",
    keywords=("perlindungan anak", "pengasuhan positif", "PKH", "kemiskinan", "uji acak terkontrol"),
    body="""
# Abstrak
Kekerasan terhadap anak dalam bentuk pengasuhan keras, seperti memukul dan membentak, masih sering terjadi
pada keluarga miskin yang menghadapi tekanan ekonomi. Penelitian ini bertujuan menguji pengaruh program
pengasuhan positif berbasis kelompok yang disisipkan dalam pertemuan peningkatan kemampuan keluarga pada
Program Keluarga Harapan (PKH). Desain penelitian adalah uji acak terkontrol klaster (cluster randomized
controlled trial) dengan 24 kelompok dampingan sebagai klaster dan 312 keluarga sebagai peserta (N = 312).
Dua belas kelompok diacak ke kelompok intervensi yang menerima delapan sesi pengasuhan positif, dan dua
belas kelompok ke kelompok kontrol yang menerima pertemuan reguler. Hasil utama adalah skor pengasuhan keras
yang dilaporkan ibu pada tindak lanjut enam bulan. Pada enam bulan, skor pengasuhan keras lebih rendah pada
kelompok intervensi (selisih rerata terkoreksi -4,1 poin; IK 95% -6,0 sampai -2,2; d = 0,41). Program
pengasuhan positif yang diberikan oleh pendamping sosial terlatih layak dan efektif untuk mengurangi
pengasuhan keras pada keluarga penerima bantuan sosial bersyarat.

# Pendahuluan
Kemiskinan tidak secara langsung menyebabkan kekerasan terhadap anak, tetapi tekanan ekonomi, kepadatan
rumah, dan kelelahan orang tua meningkatkan kemungkinan pengasuhan keras. Di Indonesia, survei nasional
menunjukkan bahwa sebagian besar anak pernah mengalami hukuman fisik atau kekerasan verbal di rumah.
Pengasuhan keras berhubungan dengan masalah perilaku, prestasi belajar yang rendah, dan risiko kekerasan
yang lebih berat di kemudian hari.

Program bantuan sosial bersyarat seperti PKH menjangkau jutaan keluarga miskin dan memiliki pertemuan
kelompok rutin yang dipandu oleh pendamping sosial. Pertemuan ini membahas kesehatan, pendidikan,
pengelolaan keuangan, dan pengasuhan anak. Namun, materi pengasuhan umumnya bersifat ceramah dan belum
mengajarkan keterampilan secara terstruktur. Penelitian di berbagai negara menunjukkan bahwa program
pengasuhan yang melibatkan latihan keterampilan, bermain peran, dan tugas rumah lebih efektif daripada
penyuluhan. Penelitian ini menguji apakah program semacam itu dapat dijalankan melalui struktur PKH yang
sudah ada dan apakah program tersebut mengurangi pengasuhan keras.

# Metode
Penelitian ini merupakan uji acak terkontrol klaster dengan dua kelompok paralel yang dilaksanakan di dua
kabupaten pada tahun 2020 dan 2021. Klaster adalah kelompok dampingan PKH yang masing-masing terdiri atas
12 sampai 15 keluarga. Kriteria inklusi peserta adalah ibu atau pengasuh utama dari sedikitnya satu anak
berusia 2 sampai 12 tahun yang bersedia mengikuti penelitian. Keluarga dengan anak yang sedang ditangani
dalam kasus perlindungan anak dirujuk ke layanan terkait dan tidak diikutsertakan.

Pengacakan dilakukan oleh statistikawan independen menggunakan daftar acak yang dibuat komputer,
dengan stratifikasi menurut kabupaten, setelah seluruh klaster direkrut. Dua belas klaster dialokasikan ke
kelompok intervensi dan dua belas ke kelompok kontrol. Intervensi terdiri atas delapan sesi mingguan
selama 90 menit yang dipandu oleh pendamping sosial yang telah mengikuti pelatihan lima hari. Materi
mencakup pujian dan perhatian positif, bermain bersama anak, rutinitas harian, pengelolaan emosi orang tua,
dan disiplin tanpa kekerasan. Kelompok kontrol mengikuti pertemuan kelompok reguler dengan materi
pengasuhan standar. Setelah penelitian selesai, kelompok kontrol ditawari program yang sama.

Hasil utama adalah skor pengasuhan keras (rentang 0 sampai 40) yang diukur dengan kuesioner laporan diri
ibu pada awal penelitian, setelah intervensi, dan enam bulan kemudian. Hasil sekunder meliputi pengasuhan
positif, masalah perilaku anak, dan gejala depresi ibu. Pengumpul data tidak mengetahui alokasi kelompok.
Analisis dilakukan berdasarkan prinsip intention-to-treat menggunakan model regresi linier campuran
dengan efek acak klaster dan penyesuaian terhadap skor awal. Penelitian telah memperoleh persetujuan etik,
dan semua peserta memberikan persetujuan tertulis.

# Hasil dan Pembahasan
Sebanyak 312 keluarga dari 24 klaster mengikuti penelitian: 158 keluarga pada kelompok intervensi dan 154
keluarga pada kelompok kontrol. Rerata usia ibu adalah 34,2 tahun, 61% berpendidikan sekolah dasar atau
lebih rendah, dan rerata jumlah anak adalah 2,8. Karakteristik awal kedua kelompok relatif seimbang. Pada
kelompok intervensi, 79% ibu menghadiri sedikitnya enam dari delapan sesi. Data tindak lanjut enam bulan
diperoleh dari 287 keluarga (92%).

Pada awal penelitian, rerata skor pengasuhan keras adalah 17,6 pada kelompok intervensi dan 17,2 pada
kelompok kontrol. Pada tindak lanjut enam bulan, rerata skor turun menjadi 11,9 pada kelompok intervensi
dan 15,8 pada kelompok kontrol (selisih rerata terkoreksi -4,1; IK 95% -6,0 sampai -2,2; p < 0,001;
d = 0,41). Proporsi ibu yang melaporkan memukul anak dalam sebulan terakhir turun dari 58% menjadi 33% pada
kelompok intervensi dan dari 56% menjadi 49% pada kelompok kontrol (rasio risiko 0,68; IK 95% 0,52 sampai
0,88). Skor pengasuhan positif meningkat dan masalah perilaku anak menurun pada kelompok intervensi.
Gejala depresi ibu juga sedikit menurun, tetapi perbedaannya tidak bermakna secara statistik.

Temuan ini menunjukkan bahwa program pengasuhan terstruktur dapat dijalankan oleh pendamping sosial
dalam kerangka PKH dengan tingkat kehadiran yang baik. Besar efek yang diperoleh sebanding dengan hasil
program pengasuhan di negara berpenghasilan rendah dan menengah lainnya. Wawancara singkat dengan
pendamping menunjukkan bahwa latihan bermain peran dan tugas rumah dianggap paling bermanfaat, sedangkan
hambatan utama adalah beban kerja pendamping yang tinggi dan jadwal pertemuan yang bertabrakan dengan
pekerjaan ibu. Keterbatasan penelitian ini adalah penggunaan laporan diri ibu, yang mungkin dipengaruhi
oleh keinginan memberikan jawaban yang diterima secara sosial, serta tidak adanya data dari ayah.

# Kesimpulan
Program pengasuhan positif berbasis kelompok yang diberikan oleh pendamping sosial terlatih menurunkan
pengasuhan keras pada keluarga penerima PKH hingga enam bulan setelah intervensi. Program ini layak
dipertimbangkan untuk diperluas, dengan dukungan pelatihan, supervisi, dan pengaturan beban kerja
pendamping. Penelitian lanjutan perlu melibatkan ayah dan mengukur dampak jangka panjang terhadap anak.
""",
    references=(
        "Handayani, F., & Pratama, R. (2020). Pengasuhan keras pada keluarga miskin perkotaan. Jurnal Demo "
        "Kesejahteraan Sosial, 6(2), 101-114.",
        "Kusuma, R. D. (2019). Pertemuan kelompok dalam program bantuan sosial bersyarat. Jurnal Demo Pekerjaan "
        "Sosial, 1(1), 1-12.",
        "Lestari, M., Wibowo, H., & Siregar, T. (2021). Adaptasi program pengasuhan untuk keluarga Indonesia. "
        "Jurnal Demo Pekerjaan Sosial, 3(2), 55-68.",
        "Mbeki, N., & Harrow, J. (2018). Parenting programmes in low- and middle-income countries: a review. "
        "Demo Review of Community Care, 6(1), 20-37.",
        "Setiawan, A. (2021). Beban kerja pendamping sosial PKH. Penerbit Demo.",
    ),
)

_ID_KUASI_PKH = DemoArticle(
    path="id_kuasi_eksperimen_pendampingan_intensif_pkh.pdf",
    language="id",
    topic="poverty_cct",
    design="quasi_experimental",
    title="Efektivitas pendampingan intensif terhadap kehadiran sekolah anak dan pemanfaatan layanan kesehatan "
    "pada keluarga penerima PKH",
    authors=("Hendra Gunawan", "Siti Nurhaliza Rahman", "Yohanes Bato"),
    journal=ID_WELFARE,
    year=2021,
    issue="7(2): 77-91",
    doi="10.5555/demo.2021.077",
    keywords=("kemiskinan", "bantuan sosial bersyarat", "PKH", "pendampingan sosial", "kuasi eksperimen"),
    body="""
# Abstrak
Program bantuan tunai bersyarat bertujuan memutus rantai kemiskinan antargenerasi melalui peningkatan
pendidikan dan kesehatan anak, tetapi sebagian keluarga penerima tidak memenuhi kewajibannya. Penelitian
ini mengevaluasi model pendampingan intensif, yaitu kunjungan rumah bulanan oleh pendamping sosial dengan
beban dampingan yang lebih kecil, terhadap kehadiran sekolah anak dan pemanfaatan layanan kesehatan.
Penelitian menggunakan desain kuasi eksperimen dengan kelompok pembanding yang tidak setara (pretest-posttest
nonequivalent control group design). Sampel terdiri atas 418 keluarga penerima manfaat (N = 418):
206 keluarga di empat kecamatan intervensi dan 212 keluarga di empat kecamatan pembanding yang dipilih
berdasarkan kemiripan karakteristik. Analisis selisih-dalam-selisih (difference-in-differences) menunjukkan
bahwa proporsi anak dengan kehadiran sekolah sedikitnya 85% meningkat 9,4 poin persentase lebih besar
pada kelompok intervensi (95% CI 3,1 sampai 15,7). Kunjungan balita ke posyandu juga meningkat. Pendampingan
intensif berpotensi memperkuat dampak bantuan tunai bersyarat, tetapi perlu diuji dengan desain acak.

# Pendahuluan
Program Keluarga Harapan (PKH) memberikan bantuan tunai kepada keluarga miskin dengan syarat anggota
keluarga memanfaatkan layanan pendidikan dan kesehatan, misalnya anak hadir di sekolah dan balita
diperiksa di posyandu. Setiap kelompok keluarga didampingi oleh pendamping sosial yang bertugas
memverifikasi kepatuhan, memfasilitasi pertemuan kelompok, dan menghubungkan keluarga dengan layanan lain.
Dalam praktik, seorang pendamping dapat menangani lebih dari 250 keluarga, sehingga waktu untuk kunjungan
rumah dan pemecahan masalah individual sangat terbatas.

Keluarga yang tidak memenuhi kewajiban sering menghadapi hambatan yang kompleks: jarak ke sekolah, biaya
transportasi, anak yang harus bekerja, penyakit kronis anggota keluarga, atau konflik rumah tangga.
Pengurangan bantuan sebagai sanksi tidak menyelesaikan hambatan tersebut. Pendekatan pekerjaan sosial
yang berfokus pada asesmen kebutuhan keluarga dan rujukan diharapkan lebih efektif. Penelitian ini
bertujuan mengukur efektivitas model pendampingan intensif terhadap kehadiran sekolah anak dan
pemanfaatan layanan kesehatan.

# Metode
Desain penelitian adalah kuasi eksperimen dengan kelompok pembanding yang tidak setara dan pengukuran
sebelum serta sesudah intervensi. Pengacakan tidak dapat dilakukan karena penetapan lokasi uji coba
merupakan keputusan pemerintah daerah. Empat kecamatan uji coba menjadi kelompok intervensi, sedangkan
empat kecamatan pembanding dipilih dari kabupaten yang sama berdasarkan kemiripan tingkat kemiskinan,
jarak ke pusat kabupaten, dan cakupan PKH.

Pada kecamatan intervensi, beban dampingan dikurangi menjadi sekitar 120 keluarga per pendamping.
Pendamping melakukan kunjungan rumah bulanan, menyusun rencana keluarga bersama ibu, dan melakukan rujukan
aktif ke sekolah, puskesmas, dan layanan sosial lain. Pendamping juga mengikuti supervisi kelompok dua
kali sebulan. Pada kecamatan pembanding, pendampingan berjalan seperti biasa.

Sampel dipilih secara acak sistematis dari daftar keluarga penerima yang memiliki anak usia sekolah atau
balita. Data dikumpulkan melalui wawancara terstruktur dan data verifikasi kehadiran pada awal penelitian
(Januari 2019) dan setelah 12 bulan. Hasil utama adalah proporsi anak usia 7 sampai 15 tahun dengan
kehadiran sekolah sedikitnya 85%. Hasil sekunder adalah kunjungan balita ke posyandu dalam tiga bulan
terakhir dan pengeluaran rumah tangga untuk pendidikan. Efek intervensi diestimasi dengan model regresi
selisih-dalam-selisih yang disesuaikan dengan karakteristik keluarga, dengan galat baku yang
memperhitungkan pengelompokan menurut desa.

# Hasil dan Pembahasan
Sebanyak 418 keluarga mengikuti pengukuran awal dan 391 keluarga (93,5%) mengikuti pengukuran akhir. Pada
awal penelitian, keluarga di kecamatan intervensi sedikit lebih miskin dan lebih jauh dari sekolah
menengah pertama. Proporsi anak dengan kehadiran sekolah sedikitnya 85% adalah 71,2% pada kelompok
intervensi dan 74,5% pada kelompok pembanding.

Setelah 12 bulan, proporsi tersebut meningkat menjadi 84,9% pada kelompok intervensi dan 78,8% pada
kelompok pembanding. Estimasi selisih-dalam-selisih menunjukkan peningkatan 9,4 poin persentase (95% CI
3,1 sampai 15,7) yang dapat dikaitkan dengan pendampingan intensif. Peningkatan terbesar terjadi pada anak
usia sekolah menengah pertama dan pada keluarga dengan kepala keluarga perempuan. Proporsi balita yang
ditimbang di posyandu dalam tiga bulan terakhir meningkat 7,1 poin persentase (95% CI 0,8 sampai 13,4).
Tidak ditemukan perbedaan bermakna dalam pengeluaran pendidikan.

Catatan kasus pendamping menunjukkan bahwa hambatan yang paling sering ditangani adalah biaya transportasi,
anak yang bekerja membantu orang tua, dan dokumen kependudukan yang tidak lengkap. Rujukan ke program
beasiswa daerah dan layanan administrasi kependudukan merupakan tindakan yang paling sering dilakukan.
Hasil ini sejalan dengan pandangan bahwa bantuan tunai lebih efektif bila disertai layanan yang menangani
hambatan nonfinansial. Namun, karena kelompok tidak dialokasikan secara acak, perbedaan karakteristik yang
tidak terukur, misalnya kualitas kepemimpinan kecamatan, mungkin memengaruhi hasil. Asumsi tren paralel
hanya dapat diperiksa secara terbatas karena data sebelum intervensi hanya tersedia untuk satu tahun.

# Kesimpulan
Pendampingan intensif dengan beban dampingan yang lebih kecil dan kunjungan rumah rutin berhubungan dengan
peningkatan kehadiran sekolah anak dan pemanfaatan posyandu pada keluarga penerima PKH. Pemerintah daerah
dapat mempertimbangkan pengurangan rasio keluarga per pendamping di wilayah dengan tingkat kepatuhan
rendah, disertai evaluasi dengan desain yang lebih kuat.
""",
    references=(
        "Bato, Y., & Sinaga, L. (2020). Hambatan kepatuhan keluarga penerima bantuan tunai bersyarat. Jurnal "
        "Demo Kesejahteraan Sosial, 6(1), 14-29.",
        "Gunawan, H. (2018). Pendampingan sosial dan pemberdayaan keluarga miskin. Penerbit Demo.",
        "Rahman, S. N., Putri, A., & Hakim, L. (2019). Rasio pendamping dan kualitas layanan PKH. Jurnal Demo "
        "Pekerjaan Sosial, 1(2), 40-52.",
        "Vargas, E., & Holm, K. (2017). Conditional cash transfers and complementary services: a review. Demo "
        "Review of Community Care, 5(4), 170-189.",
    ),
)

_ID_POTONG_LINTANG_LANSIA = DemoArticle(
    path="id_potong_lintang_beban_pengasuh_lansia.pdf",
    language="id",
    topic="elderly_care",
    design="cross_sectional",
    title="Faktor-faktor yang berhubungan dengan beban pengasuhan pada keluarga yang merawat lansia dengan "
    "ketergantungan",
    authors=("Dian Puspitasari", "Bambang Sutrisno", "Made Ayu Wirawati"),
    journal=ID_WELFARE,
    year=2023,
    issue="9(1): 45-58",
    doi="10.5555/demo.2023.045",
    keywords=("lansia", "pengasuh keluarga", "beban pengasuhan", "dukungan sosial", "potong lintang"),
    body="""
# Abstrak
Jumlah lanjut usia (lansia) di Indonesia terus meningkat, dan sebagian besar perawatan lansia dengan
ketergantungan dilakukan oleh keluarga tanpa dukungan layanan formal. Penelitian ini bertujuan
mengidentifikasi faktor-faktor yang berhubungan dengan beban pengasuhan pada pengasuh keluarga. Penelitian
menggunakan desain survei potong lintang (cross-sectional) terhadap 286 pengasuh keluarga (N = 286) dari
lansia berusia 60 tahun ke atas yang memiliki ketergantungan sedang sampai total dalam aktivitas sehari-hari,
yang dipilih dengan teknik pengambilan sampel klaster bertahap di tiga kabupaten. Beban pengasuhan diukur
dengan instrumen beban pengasuh versi Indonesia. Sebanyak 41,3% pengasuh mengalami beban sedang sampai
berat. Analisis regresi logistik menunjukkan bahwa beban berat berhubungan dengan lama merawat lebih dari
20 jam per minggu (OR 2,64; IK 95% 1,51-4,62), lansia dengan gangguan kognitif (OR 2,11; IK 95% 1,22-3,65),
dan dukungan sosial yang rendah (OR 3,02; IK 95% 1,71-5,33). Layanan pendukung bagi pengasuh keluarga perlu
menjadi bagian dari program perlindungan sosial lansia.

# Pendahuluan
Penuaan penduduk merupakan salah satu perubahan demografis terpenting di Indonesia. Seiring meningkatnya
umur harapan hidup, semakin banyak lansia hidup dengan penyakit kronis, disabilitas, dan demensia yang
membuat mereka bergantung pada orang lain dalam aktivitas sehari-hari. Nilai budaya yang menempatkan
perawatan orang tua sebagai kewajiban anak membuat sebagian besar perawatan dilakukan di rumah oleh
keluarga, terutama anak perempuan, menantu, dan pasangan.

Merawat lansia dengan ketergantungan dapat memberikan makna dan kepuasan, tetapi juga menimbulkan beban
fisik, emosional, sosial, dan finansial. Beban pengasuhan yang berat berhubungan dengan depresi,
gangguan kesehatan pengasuh, kehilangan pekerjaan, dan kualitas perawatan yang menurun, termasuk risiko
penelantaran. Pekerja sosial di layanan lansia, baik di dinas sosial, puskesmas, maupun lembaga
kesejahteraan sosial, membutuhkan informasi tentang pengasuh mana yang paling berisiko agar dukungan dapat
diarahkan dengan tepat. Penelitian ini bertujuan mengukur tingkat beban pengasuhan dan faktor-faktor yang
berhubungan dengannya.

# Metode
Penelitian ini merupakan survei potong lintang yang dilaksanakan pada Juli sampai September 2022 di tiga
kabupaten. Sampel dipilih dengan teknik klaster bertahap: pada tahap pertama dipilih 18 desa secara acak
proporsional, dan pada tahap kedua rumah tangga yang memiliki lansia dengan ketergantungan diidentifikasi
melalui data posyandu lansia dan kader. Responden adalah pengasuh utama, yaitu anggota keluarga yang paling
banyak memberikan perawatan tanpa dibayar. Besar sampel dihitung untuk memperkirakan prevalensi beban
sedang sampai berat dengan presisi 6%.

Data dikumpulkan melalui wawancara tatap muka oleh enumerator terlatih. Beban pengasuhan diukur dengan
instrumen beban pengasuh 22 butir versi Indonesia; skor 41 atau lebih dikategorikan sebagai beban sedang
sampai berat. Tingkat ketergantungan lansia diukur dengan indeks aktivitas kehidupan sehari-hari, gangguan
kognitif dengan instrumen penapisan singkat, dan dukungan sosial dengan skala dukungan sosial
multidimensi. Variabel lain meliputi karakteristik pengasuh, jam perawatan per minggu, status pekerjaan,
dan penerimaan bantuan sosial. Hubungan antara variabel dan beban pengasuhan dianalisis dengan regresi
logistik ganda. Penelitian telah memperoleh persetujuan etik dan semua responden memberikan persetujuan.

# Hasil
Dari 301 pengasuh yang memenuhi kriteria, 286 bersedia diwawancarai (tingkat respons 95%). Sebagian besar
pengasuh adalah perempuan (78,7%), dengan rerata usia 49,3 tahun; 46,2% adalah anak kandung, 21,0%
menantu, dan 19,9% pasangan lansia. Rerata usia lansia yang dirawat adalah 76,8 tahun, 38,5% memiliki
ketergantungan berat atau total, dan 33,6% menunjukkan gangguan kognitif. Median lama merawat adalah 18 jam
per minggu. Hanya 12,2% rumah tangga yang pernah menerima layanan kunjungan rumah dari petugas kesehatan
atau sosial dalam enam bulan terakhir.

Sebanyak 118 pengasuh (41,3%; IK 95% 35,6-47,0) mengalami beban sedang sampai berat. Dalam model regresi
logistik ganda, beban sedang sampai berat berhubungan dengan lama merawat lebih dari 20 jam per minggu
(OR 2,64; IK 95% 1,51-4,62), gangguan kognitif pada lansia (OR 2,11; IK 95% 1,22-3,65), dukungan sosial
rendah (OR 3,02; IK 95% 1,71-5,33), dan pengasuh yang berhenti bekerja atau mengurangi jam kerja karena
merawat (OR 1,89; IK 95% 1,04-3,43). Hubungan keluarga dengan lansia dan penerimaan bantuan sosial tidak
berhubungan secara bermakna dengan beban pengasuhan.

# Pembahasan
Hampir dua dari lima pengasuh keluarga mengalami beban sedang sampai berat, sementara hanya sebagian kecil
yang pernah menerima dukungan layanan. Faktor yang berhubungan dengan beban bukan hanya kondisi lansia,
tetapi juga faktor yang dapat diubah, yaitu intensitas perawatan dan dukungan sosial. Hal ini menunjukkan
peluang intervensi pekerjaan sosial, misalnya perawatan pengganti sementara (respite), kelompok dukungan
sebaya bagi pengasuh, pelatihan perawatan lansia dengan demensia, serta mobilisasi dukungan dari keluarga
besar dan tetangga.

Temuan bahwa bantuan sosial tidak berhubungan dengan beban menunjukkan bahwa bantuan tunai saja belum
cukup untuk meringankan tekanan pengasuhan. Karena desain penelitian adalah potong lintang, arah hubungan
tidak dapat dipastikan; misalnya, pengasuh yang terbebani mungkin menarik diri sehingga melaporkan dukungan
sosial yang lebih rendah. Pengambilan sampel melalui data posyandu lansia dan kader mungkin tidak
menjangkau lansia yang paling terisolasi.

# Kesimpulan
Beban pengasuhan pada keluarga yang merawat lansia dengan ketergantungan cukup tinggi dan berhubungan dengan
jam perawatan, gangguan kognitif lansia, dukungan sosial, dan dampak terhadap pekerjaan pengasuh. Pekerja
sosial perlu melakukan asesmen terhadap pengasuh, bukan hanya terhadap lansia, dan mengembangkan layanan
dukungan pengasuh di tingkat desa.
""",
    references=(
        "Puspitasari, D. (2020). Perawatan lansia berbasis keluarga di perdesaan. Penerbit Demo.",
        "Sutrisno, B., & Ningsih, W. (2021). Validasi instrumen beban pengasuh versi Indonesia. Jurnal Demo "
        "Kesejahteraan Sosial, 7(1), 1-13.",
        "Wirawati, M. A., & Gede, P. (2022). Kader posyandu lansia sebagai mitra pekerja sosial. Jurnal Demo "
        "Pekerjaan Sosial, 4(2), 90-103.",
        "Ferraro, L., & Santos, J. (2019). Caregiver burden and respite services: a review. Demo Review of "
        "Community Care, 7(2), 95-110.",
    ),
)

_ID_KUALITATIF_KDRT = DemoArticle(
    path="id_kualitatif_kdrt_pendampingan.pdf",
    language="id",
    topic="domestic_violence",
    design="qualitative",
    title="Pengalaman perempuan korban kekerasan dalam rumah tangga dalam pendampingan oleh pekerja sosial",
    authors=("Nurul Aini", "Lestari Wulandari", "Josephine Tambunan"),
    journal=ID_JOURNAL,
    year=2023,
    issue="5(1): 19-32",
    doi="10.5555/demo.2023.019",
    keywords=("KDRT", "kekerasan dalam rumah tangga", "pendampingan korban", "pekerja sosial", "kualitatif"),
    body="""
# Abstrak
Kekerasan dalam rumah tangga (KDRT) terhadap perempuan merupakan masalah sosial yang sering tersembunyi
karena dianggap sebagai urusan pribadi keluarga. Penelitian ini bertujuan memahami pengalaman perempuan
korban KDRT selama menerima pendampingan dari pekerja sosial di unit layanan perlindungan perempuan dan
anak tingkat kabupaten. Penelitian menggunakan pendekatan kualitatif dengan wawancara mendalam terhadap 12
perempuan korban KDRT dan 5 pekerja sosial pendamping yang dipilih secara purposif. Data dianalisis
dengan analisis tematik. Penelitian menemukan empat tema: (1) keputusan untuk bercerita yang panjang dan
penuh pertimbangan, (2) merasa dipercaya sebagai titik balik, (3) pendampingan yang menjembatani layanan
hukum, kesehatan, dan ekonomi, serta (4) dilema antara keselamatan dan keutuhan keluarga. Pendampingan
yang tidak menghakimi, konsisten, dan menghormati keputusan korban dipandang paling membantu. Unit layanan
perlu memperkuat kapasitas pekerja sosial dalam perencanaan keselamatan dan pemberdayaan ekonomi korban.

# Pendahuluan
Undang-undang tentang penghapusan KDRT telah berlaku hampir dua dekade, tetapi banyak perempuan korban
belum mencari pertolongan. Rasa malu, ketergantungan ekonomi pada pelaku, tekanan keluarga besar, dan
kekhawatiran terhadap masa depan anak menjadi alasan utama. Ketika korban akhirnya datang ke layanan,
kualitas respons pertama sangat menentukan apakah ia akan melanjutkan proses atau kembali menutup diri.

Pekerja sosial di unit layanan perlindungan perempuan dan anak bertugas menerima pengaduan, melakukan
asesmen, menyusun rencana intervensi, serta mendampingi korban ke layanan kesehatan, hukum, rumah aman,
dan pemberdayaan ekonomi. Sebagian besar penelitian tentang KDRT di Indonesia berfokus pada prevalensi dan
faktor risiko, sementara pengalaman korban terhadap proses pendampingan masih jarang diteliti. Penelitian
ini berupaya mengisi kekosongan tersebut dengan mendengarkan suara korban dan pendamping secara langsung.

# Metode
Penelitian ini menggunakan pendekatan kualitatif dengan desain fenomenologis deskriptif. Partisipan
dipilih secara purposif melalui unit layanan di satu kabupaten. Kriteria inklusi korban adalah perempuan
berusia 18 tahun ke atas yang telah menerima pendampingan sedikitnya tiga bulan dan dinilai oleh pendamping
dalam kondisi aman untuk diwawancarai. Korban yang masih berada dalam situasi krisis tidak diikutsertakan.
Lima pekerja sosial yang menangani kasus KDRT juga diwawancarai untuk memperkaya perspektif.

Wawancara mendalam semi-terstruktur dilakukan pada Februari sampai Mei 2022 di ruang konseling unit
layanan atau tempat lain yang dipilih partisipan, dengan durasi 60 sampai 100 menit. Pewawancara adalah
peneliti perempuan yang berpengalaman dalam pendampingan korban. Wawancara direkam atas izin partisipan,
ditranskripsikan kata demi kata, dan dianalisis dengan analisis tematik melalui tahapan pengodean terbuka,
pengelompokan kode, dan perumusan tema. Keabsahan data dijaga melalui triangulasi sumber, diskusi antar
peneliti, dan pemeriksaan oleh partisipan (member checking) terhadap ringkasan temuan. Penelitian telah
mendapat persetujuan etik; protokol keselamatan disiapkan bila partisipan mengalami tekanan emosional.

# Hasil dan Pembahasan
Partisipan korban berusia 23 sampai 51 tahun, sebagian besar ibu rumah tangga dengan dua atau tiga anak,
dan telah mengalami kekerasan selama satu sampai lima belas tahun sebelum melapor. Bentuk kekerasan yang
dialami meliputi kekerasan fisik, psikis, seksual, dan penelantaran ekonomi.

Tema pertama adalah keputusan untuk bercerita yang panjang dan penuh pertimbangan. Hampir semua
partisipan pernah bercerita kepada keluarga atau tokoh agama dan diminta untuk bersabar. "Saya disuruh
sabar terus, katanya demi anak-anak," ungkap seorang partisipan. Keputusan melapor biasanya dipicu oleh
kekerasan yang semakin berat atau kekerasan yang mulai menyasar anak.

Tema kedua adalah merasa dipercaya sebagai titik balik. Partisipan menggambarkan pertemuan pertama dengan
pekerja sosial yang mendengarkan tanpa menyalahkan sebagai pengalaman yang sangat berarti. Sebaliknya,
pertanyaan seperti "apa yang ibu lakukan sampai suami marah" membuat korban merasa dihakimi.

Tema ketiga adalah pendampingan yang menjembatani layanan. Korban merasa terbantu ketika pekerja sosial
mendampingi mereka ke rumah sakit untuk visum, ke kantor polisi, dan ke pengadilan agama, karena prosedur
tersebut membingungkan dan menakutkan. Namun, beberapa partisipan mengeluhkan pergantian pendamping dan
lamanya proses hukum. Kebutuhan ekonomi, seperti modal usaha dan biaya sekolah anak, sering belum terjawab.

Tema keempat adalah dilema antara keselamatan dan keutuhan keluarga. Sebagian korban memilih bertahan atau
kembali kepada pasangan karena alasan ekonomi, anak, dan tekanan sosial. Pekerja sosial menggambarkan
ketegangan antara menghormati keputusan korban dan kekhawatiran terhadap keselamatannya. Perencanaan
keselamatan yang realistis, seperti menyimpan dokumen penting dan menyepakati tanda bahaya dengan tetangga,
dipandang sebagai jalan tengah. Temuan ini sejalan dengan prinsip pendampingan yang berpusat pada korban,
yaitu mendukung pilihan korban sambil terus menilai risiko.

# Kesimpulan
Pendampingan yang tidak menghakimi, konsisten, dan menghormati keputusan korban menjadi kunci pengalaman
positif perempuan korban KDRT. Unit layanan perlu menjaga kesinambungan pendamping, memperkuat
keterampilan perencanaan keselamatan, dan menjalin kerja sama dengan program pemberdayaan ekonomi agar
korban memiliki pilihan yang nyata.
""",
    references=(
        "Aini, N. (2021). Respons keluarga besar terhadap pengungkapan KDRT. Jurnal Demo Pekerjaan Sosial, "
        "3(1), 22-35.",
        "Hughes, R. L., & Farouk, N. (2020). Social work with survivors of domestic violence: a narrative "
        "review. Demo Review of Community Care, 8(3), 140-153.",
        "Tambunan, J., & Saragih, E. (2019). Rumah aman dan pemulihan korban kekerasan. Penerbit Demo.",
        "Wulandari, L., Prasetyo, D., & Amalia, R. (2022). Perencanaan keselamatan bagi korban KDRT di layanan "
        "berbasis masyarakat. Jurnal Demo Kesejahteraan Sosial, 8(2), 60-74.",
    ),
)

_ID_KUALITATIF_ABH = DemoArticle(
    path="id_kualitatif_abh_diversi.pdf",
    language="id",
    topic="juvenile_justice",
    design="qualitative",
    title="Makna diversi bagi anak berhadapan dengan hukum dan keluarganya: studi kualitatif",
    authors=("Rizky Firmansyah", "Maria Goreti Lamahoda", "Sri Mulyani"),
    journal=ID_JOURNAL,
    year=2021,
    issue="3(2): 61-74",
    doi="10.5555/demo.2021.061",
    keywords=("anak berhadapan dengan hukum", "diversi", "keadilan restoratif", "pekerja sosial", "kualitatif"),
    body="""
# Abstrak
Sistem peradilan pidana anak di Indonesia mewajibkan upaya diversi, yaitu pengalihan penyelesaian perkara
anak dari proses peradilan pidana ke proses di luar peradilan, untuk tindak pidana tertentu. Penelitian ini
bertujuan menggali makna diversi bagi anak berhadapan dengan hukum (ABH) dan keluarganya serta peran
pekerja sosial dalam proses tersebut. Penelitian menggunakan pendekatan kualitatif dengan wawancara
mendalam terhadap 10 anak berusia 14 sampai 17 tahun yang perkaranya diselesaikan melalui diversi, 8
orang tua, serta diskusi kelompok terarah dengan 6 pekerja sosial profesional dan pembimbing
kemasyarakatan. Analisis tematik menghasilkan tiga tema: diversi sebagai kesempatan kedua, rasa malu dan
tanggung jawab dalam musyawarah, serta rapuhnya dukungan setelah kesepakatan. Diversi dimaknai positif
oleh anak dan keluarga, tetapi pendampingan setelah kesepakatan diversi masih lemah. Diperlukan rencana
reintegrasi yang melibatkan sekolah dan masyarakat.

# Pendahuluan
Anak yang melakukan tindak pidana pada dasarnya juga merupakan anak yang membutuhkan perlindungan.
Pengalaman ditahan dan diadili dapat menimbulkan stigma, putus sekolah, dan kontak dengan pelaku yang
lebih berpengalaman. Karena itu, undang-undang sistem peradilan pidana anak mengedepankan keadilan
restoratif dan mewajibkan upaya diversi pada tahap penyidikan, penuntutan, dan pemeriksaan di pengadilan
untuk perkara dengan ancaman pidana di bawah tujuh tahun dan bukan pengulangan.

Pekerja sosial profesional berperan dalam asesmen sosial anak, pendampingan selama musyawarah diversi,
dan pelaksanaan kesepakatan, misalnya pengembalian anak kepada orang tua dengan pembinaan atau
keikutsertaan dalam program di lembaga penyelenggaraan kesejahteraan sosial. Evaluasi diversi selama ini
lebih banyak menghitung jumlah perkara yang berhasil didiversi. Penelitian ini ingin memahami bagaimana
anak dan keluarga mengalami dan memaknai proses tersebut.

# Metode
Penelitian ini menggunakan pendekatan kualitatif dengan desain fenomenologis. Lokasi penelitian adalah
satu kota dan satu kabupaten dengan jumlah perkara diversi yang cukup banyak. Partisipan dipilih secara
purposif dengan bantuan balai pemasyarakatan dan dinas sosial. Kriteria anak adalah berusia 12 sampai 17
tahun pada saat perkara, telah mencapai kesepakatan diversi dalam 6 sampai 18 bulan terakhir, dan
bersedia diwawancarai dengan persetujuan orang tua.

Wawancara mendalam dilakukan di rumah partisipan atau di kantor layanan sosial, dengan durasi 45 sampai 90
menit. Wawancara dengan anak menggunakan bahasa yang sederhana dan didampingi pekerja sosial bila anak
menghendaki. Diskusi kelompok terarah dengan pekerja sosial dan pembimbing kemasyarakatan membahas
pengalaman mereka memfasilitasi diversi. Seluruh data direkam, ditranskripsikan, dan dianalisis secara
tematik. Keabsahan data dijaga melalui triangulasi sumber dan metode serta diskusi antarpeneliti.
Identitas partisipan disamarkan dan penelitian telah memperoleh persetujuan komite etik.

# Hasil dan Pembahasan
Sepuluh anak (delapan laki-laki dan dua perempuan) terlibat dalam perkara pencurian, perkelahian, dan
kecelakaan lalu lintas. Sebagian besar masih bersekolah pada saat perkara, tetapi tiga anak telah putus
sekolah sebelumnya.

Diversi sebagai kesempatan kedua. Anak dan orang tua menggambarkan diversi sebagai kesempatan untuk
memperbaiki diri tanpa harus masuk penjara. "Saya kira hidup saya sudah selesai waktu ditangkap," tutur
seorang anak berusia 16 tahun. Orang tua merasa lega karena anak tetap dapat bersekolah dan tinggal di
rumah. Beberapa orang tua pada awalnya tidak memahami proses diversi dan baru mengerti setelah dijelaskan
oleh pekerja sosial.

Rasa malu dan tanggung jawab dalam musyawarah. Bertemu langsung dengan korban dan keluarganya dirasakan
berat, tetapi banyak anak mengatakan bahwa pertemuan itu membuat mereka memahami akibat perbuatannya.
Permintaan maaf dan ganti rugi dipandang sebagai bentuk tanggung jawab. Pekerja sosial menekankan
pentingnya persiapan sebelum musyawarah agar anak tidak merasa dipermalukan dan korban merasa didengar.

Rapuhnya dukungan setelah kesepakatan. Setelah kesepakatan tercapai, pendampingan sering berhenti atau
hanya berupa laporan rutin. Anak yang putus sekolah kesulitan kembali ke sekolah, dan beberapa anak kembali
bergaul dengan teman lama. Pekerja sosial mengakui bahwa beban kasus yang tinggi dan keterbatasan anggaran
membuat pemantauan tidak optimal. Temuan ini menunjukkan bahwa keberhasilan diversi tidak cukup diukur dari
tercapainya kesepakatan, tetapi dari reintegrasi anak di keluarga, sekolah, dan masyarakat.

# Kesimpulan
Diversi dimaknai oleh anak dan keluarga sebagai kesempatan kedua dan proses belajar bertanggung jawab.
Namun, tanpa pendampingan yang berkelanjutan setelah kesepakatan, manfaat diversi mudah hilang. Pekerja
sosial perlu menyusun rencana reintegrasi bersama anak, keluarga, dan sekolah, dan pemerintah daerah perlu
menyediakan dukungan sumber daya untuk pemantauan pascadiversi.
""",
    references=(
        "Bell, M. O., Keane, S., & Mendes, R. (2021). Pre-court diversion and reoffending among young people. "
        "Demo Journal of Social Work Practice, 3(1), 22-36.",
        "Firmansyah, R. (2019). Keadilan restoratif dalam perkara anak. Penerbit Demo.",
        "Lamahoda, M. G., & Kewa, Y. (2020). Peran pekerja sosial profesional dalam musyawarah diversi. Jurnal "
        "Demo Pekerjaan Sosial, 2(1), 30-44.",
        "Mulyani, S., & Hartono, B. (2020). Reintegrasi sosial anak setelah proses peradilan. Jurnal Demo "
        "Kesejahteraan Sosial, 6(3), 150-163.",
    ),
)

_ID_CAMPURAN_DISABILITAS = DemoArticle(
    path="id_metode_campuran_disabilitas_rbm.pdf",
    language="id",
    topic="disability",
    design="mixed_methods",
    title="Rehabilitasi berbasis masyarakat dan partisipasi sosial penyandang disabilitas fisik di perdesaan: "
    "studi metode campuran",
    authors=("Yusuf Hidayat", "Anak Agung Sri Dewi", "Theresia Ndun"),
    journal=ID_WELFARE,
    year=2020,
    issue="6(2): 88-103",
    doi="10.5555/demo.2020.088",
    keywords=("disabilitas", "rehabilitasi berbasis masyarakat", "partisipasi sosial", "perdesaan", "metode campuran"),
    body="""
# Abstrak
Penyandang disabilitas di perdesaan sering menghadapi keterbatasan akses terhadap layanan rehabilitasi,
pendidikan, dan pekerjaan. Rehabilitasi berbasis masyarakat (RBM) merupakan strategi yang melibatkan
keluarga, kader, dan pemerintah desa dalam mendukung penyandang disabilitas. Penelitian ini bertujuan
menilai hubungan keikutsertaan dalam program RBM dengan partisipasi sosial penyandang disabilitas fisik
dan memahami faktor yang mendukung serta menghambat program. Penelitian menggunakan desain metode campuran
sekuensial eksplanatori. Tahap kuantitatif berupa survei terhadap 164 penyandang disabilitas fisik
(N = 164) di 12 desa, terdiri atas 82 peserta RBM dan 82 nonpeserta. Tahap kualitatif berupa wawancara
mendalam dengan 20 partisipan, yaitu penyandang disabilitas, anggota keluarga, kader, dan pekerja sosial.
Skor partisipasi sosial lebih tinggi pada peserta RBM (selisih rerata terkoreksi 8,6 poin; 95% CI 4,2
sampai 13,0). Data kualitatif menunjukkan peran penting kader yang konsisten, alat bantu yang sesuai, dan
perubahan sikap keluarga, sementara hambatan utama adalah aksesibilitas fisik dan keberlanjutan anggaran
desa.

# Pendahuluan
Undang-undang tentang penyandang disabilitas menegaskan hak penyandang disabilitas untuk berpartisipasi
penuh dalam kehidupan bermasyarakat. Namun, di banyak desa, penyandang disabilitas fisik masih jarang
terlihat dalam kegiatan sosial, pertemuan desa, maupun kegiatan ekonomi. Hambatan fisik seperti jalan yang
tidak rata dan bangunan tanpa akses, ditambah dengan sikap keluarga yang terlalu melindungi atau merasa
malu, membuat banyak penyandang disabilitas lebih sering tinggal di rumah.

Rehabilitasi berbasis masyarakat dikembangkan untuk mendekatkan layanan kepada penyandang disabilitas
melalui sumber daya lokal. Kader desa dilatih untuk melakukan identifikasi, latihan fungsional sederhana,
rujukan, dan advokasi, sedangkan pekerja sosial kabupaten memberikan pembinaan dan menghubungkan program
dengan layanan lain. Bukti tentang dampak RBM terhadap partisipasi sosial di Indonesia masih terbatas.
Penelitian ini menggabungkan data kuantitatif dan kualitatif untuk menjawab apakah RBM berhubungan dengan
partisipasi sosial yang lebih tinggi dan bagaimana program tersebut bekerja dalam praktik.

# Metode
Penelitian menggunakan desain metode campuran sekuensial eksplanatori: tahap kuantitatif dilanjutkan
dengan tahap kualitatif untuk menjelaskan hasilnya. Tahap kuantitatif adalah survei potong lintang di 12
desa pada satu kabupaten, enam desa dengan program RBM yang telah berjalan sedikitnya dua tahun dan enam
desa tanpa program. Responden adalah penyandang disabilitas fisik berusia 15 sampai 64 tahun yang
diidentifikasi dari data desa. Partisipasi sosial diukur dengan skala partisipasi 18 butir (rentang 0
sampai 90). Perbedaan antara peserta dan nonpeserta dianalisis dengan regresi linier yang disesuaikan
dengan usia, jenis kelamin, tingkat keparahan disabilitas, pendidikan, dan status ekonomi rumah tangga.

Tahap kualitatif melibatkan wawancara mendalam dengan 20 partisipan yang dipilih secara purposif
berdasarkan hasil survei, termasuk peserta dengan skor partisipasi tinggi dan rendah. Wawancara membahas
pengalaman mengikuti RBM, perubahan dalam kehidupan sehari-hari, serta faktor pendukung dan penghambat.
Data dianalisis secara tematik, kemudian diintegrasikan dengan hasil kuantitatif dalam matriks gabungan.
Penelitian telah memperoleh persetujuan etik, dan wawancara dengan partisipan tunarungu didampingi juru
bahasa isyarat.

# Hasil dan Pembahasan
Responden survei berusia rata-rata 38,4 tahun, 57,3% laki-laki, dan sebagian besar memiliki disabilitas
akibat polio, cedera, atau stroke. Rerata skor partisipasi sosial adalah 52,7 pada peserta RBM dan 43,5
pada nonpeserta. Setelah penyesuaian, selisih rerata adalah 8,6 poin (95% CI 4,2 sampai 13,0). Peserta
RBM lebih sering menghadiri pertemuan desa (48,8% berbanding 26,8%) dan memiliki kegiatan ekonomi
(41,5% berbanding 29,3%). Perbedaan terbesar ditemukan pada penyandang disabilitas dengan tingkat keparahan
sedang.

Wawancara mendalam menjelaskan mekanisme di balik angka tersebut. Pertama, kunjungan kader yang
konsisten membangun kepercayaan dan mendorong penyandang disabilitas untuk keluar rumah. Seorang
partisipan mengatakan, "Dulu saya malu keluar, sekarang saya ikut arisan dan jualan di depan rumah."
Kedua, alat bantu yang sesuai, seperti kursi roda yang ukurannya tepat, membuka akses ke kegiatan di luar
rumah. Ketiga, perubahan sikap keluarga dari melindungi secara berlebihan menjadi mendukung kemandirian
dipandang sebagai perubahan terpenting oleh pekerja sosial. Hambatan yang dilaporkan meliputi balai desa
dan tempat ibadah yang tidak aksesibel, pergantian kader, dan anggaran desa untuk RBM yang tidak pasti
setiap tahun.

Integrasi data menunjukkan bahwa hubungan RBM dengan partisipasi sosial kemungkinan bekerja melalui
perubahan di tingkat individu, keluarga, dan lingkungan sekaligus. Karena tahap kuantitatif bersifat potong
lintang dan desa tidak dipilih secara acak, hubungan sebab-akibat tidak dapat dipastikan; desa yang
menjalankan RBM mungkin juga memiliki kepemimpinan yang lebih peduli terhadap penyandang disabilitas.

# Kesimpulan
Keikutsertaan dalam rehabilitasi berbasis masyarakat berhubungan dengan partisipasi sosial yang lebih
tinggi pada penyandang disabilitas fisik di perdesaan. Pekerja sosial dapat memperkuat RBM melalui
pembinaan kader, kerja dengan keluarga, advokasi aksesibilitas, dan dorongan agar RBM masuk dalam
perencanaan dan anggaran desa secara berkelanjutan.
""",
    references=(
        "Dewi, A. A. S., & Putra, K. (2018). Kader rehabilitasi berbasis masyarakat di desa. Jurnal Demo "
        "Kesejahteraan Sosial, 4(1), 25-38.",
        "Gallagher, F. J., & Ortiz, S. (2023). From day centre to paid work: a case study of supported "
        "employment. Demo Bulletin of Practice Cases, 2(1), 9-18.",
        "Hidayat, Y. (2019). Partisipasi sosial penyandang disabilitas: konsep dan pengukuran. Penerbit Demo.",
        "Ndun, T., & Lake, M. (2020). Aksesibilitas fasilitas publik di perdesaan. Jurnal Demo Pekerjaan Sosial, "
        "2(2), 75-86.",
    ),
)

_ID_KASUS_KONTROL_PASUNG = DemoArticle(
    path="id_kasus_kontrol_pemasungan_odgj.pdf",
    language="id",
    topic="mental_health",
    design="case_control",
    title="Faktor risiko pemasungan pada orang dengan gangguan jiwa berat: studi kasus-kontrol",
    authors=("Andi Pratama Saputra", "Eka Nurmalasari", "Ferdinandus Lewar"),
    journal=ID_JOURNAL,
    year=2024,
    issue="6(1): 5-18",
    doi="10.5555/demo.2024.005",
    keywords=("kesehatan jiwa", "pemasungan", "ODGJ", "stigma", "studi kasus-kontrol"),
    body="""
# Abstrak
Pemasungan, yaitu pengikatan atau pengurungan orang dengan gangguan jiwa (ODGJ) oleh keluarga atau
masyarakat, masih ditemukan di berbagai daerah meskipun telah dilarang. Penelitian ini bertujuan
mengidentifikasi faktor risiko pemasungan pada ODGJ berat. Penelitian menggunakan desain kasus-kontrol
dengan 96 kasus, yaitu ODGJ berat yang pernah dipasung dalam lima tahun terakhir, dan 192 kontrol, yaitu
ODGJ berat dari wilayah yang sama yang tidak pernah dipasung (N = 288). Data dikumpulkan melalui wawancara
dengan keluarga dan catatan puskesmas. Analisis regresi logistik ganda menunjukkan bahwa pemasungan
berhubungan dengan putus obat lebih dari tiga bulan (aOR 4,12; IK 95% 2,25-7,54), jarak ke fasilitas
kesehatan jiwa lebih dari 30 km (aOR 2,37; IK 95% 1,31-4,29), riwayat perilaku kekerasan (aOR 2,86;
IK 95% 1,58-5,18), dan stigma keluarga yang tinggi (aOR 2,21; IK 95% 1,22-4,01). Pencegahan pemasungan
memerlukan kesinambungan pengobatan, layanan kesehatan jiwa yang dekat, serta dukungan psikososial bagi
keluarga.

# Pendahuluan
Gangguan jiwa berat seperti skizofrenia dan gangguan bipolar memerlukan pengobatan jangka panjang dan
dukungan psikososial. Di daerah dengan layanan kesehatan jiwa yang terbatas, keluarga sering harus
menghadapi gejala akut seorang diri. Dalam kondisi takut, lelah, dan tidak tahu harus meminta bantuan ke
mana, sebagian keluarga memilih memasung anggota keluarganya dengan rantai, kayu, atau mengurungnya di
ruangan tertutup. Pemasungan melanggar hak asasi manusia dan dapat menyebabkan cedera, atrofi otot,
infeksi, serta memperburuk kondisi kejiwaan.

Program pembebasan pasung telah membebaskan banyak ODGJ, tetapi pemasungan ulang masih sering terjadi.
Pekerja sosial di dinas sosial dan puskesmas berperan dalam penjangkauan, rujukan, dan pendampingan
keluarga setelah pembebasan. Untuk merancang pencegahan yang efektif, diperlukan pemahaman tentang faktor
yang membedakan keluarga yang memasung dari keluarga yang tidak memasung dalam situasi serupa.

# Metode
Penelitian ini menggunakan desain kasus-kontrol berbasis populasi di dua kabupaten pada tahun 2023. Kasus
adalah ODGJ berat berusia 15 tahun ke atas yang tercatat pernah dipasung dalam lima tahun terakhir
berdasarkan data program pembebasan pasung dan laporan puskesmas. Kontrol adalah ODGJ berat yang tidak
pernah dipasung, dipilih secara acak dari register puskesmas yang sama dengan perbandingan dua kontrol
untuk setiap kasus, dan dipadankan menurut jenis kelamin serta kelompok umur.

Data dikumpulkan melalui wawancara terstruktur dengan anggota keluarga yang paling terlibat dalam
perawatan, dilengkapi dengan catatan pengobatan di puskesmas. Variabel yang diteliti meliputi riwayat
pengobatan, jarak ke fasilitas kesehatan jiwa, riwayat perilaku kekerasan, status ekonomi rumah tangga,
pengetahuan keluarga tentang gangguan jiwa, stigma keluarga, dan kunjungan petugas kesehatan atau pekerja
sosial. Analisis menggunakan regresi logistik kondisional untuk menghitung rasio odds terkoreksi (aOR)
beserta interval kepercayaan 95%. Persetujuan etik diperoleh dari komite etik, dan persetujuan diberikan
oleh keluarga serta oleh ODGJ yang mampu memberikan persetujuan.

# Hasil dan Pembahasan
Sebanyak 96 kasus dan 192 kontrol diikutsertakan. Sebagian besar kasus adalah laki-laki (71,9%) dengan
diagnosis skizofrenia (84,4%), dan median lama pemasungan adalah tujuh bulan. Pada saat penelitian, 81
kasus telah dibebaskan dan 15 kasus masih dalam proses pembebasan. Keluarga kasus lebih sering berada pada
kelompok pengeluaran terendah (54,2% berbanding 38,0%).

Dalam analisis multivariabel, putus obat lebih dari tiga bulan merupakan faktor risiko terkuat (aOR 4,12;
IK 95% 2,25-7,54). Faktor lain adalah jarak ke fasilitas kesehatan jiwa lebih dari 30 km (aOR 2,37; IK 95%
1,31-4,29), riwayat perilaku kekerasan terhadap anggota keluarga atau tetangga (aOR 2,86; IK 95% 1,58-5,18),
dan stigma keluarga yang tinggi (aOR 2,21; IK 95% 1,22-4,01). Kunjungan rumah oleh petugas kesehatan atau
pekerja sosial dalam setahun terakhir berhubungan dengan risiko yang lebih rendah (aOR 0,46; IK 95%
0,25-0,85). Status ekonomi tidak lagi bermakna setelah penyesuaian dengan variabel lain.

Temuan ini menunjukkan bahwa pemasungan terutama terjadi ketika keluarga kehilangan akses terhadap
pengobatan dan dukungan saat gejala kambuh. Putus obat sering disebabkan oleh biaya transportasi, obat yang
tidak tersedia di puskesmas, dan efek samping yang tidak ditangani. Stigma keluarga membuat keluarga enggan
meminta bantuan dan lebih memilih menyembunyikan anggota keluarganya. Hubungan protektif kunjungan rumah
menegaskan pentingnya penjangkauan aktif. Keterbatasan penelitian ini adalah kemungkinan bias ingatan pada
keluarga kasus dan kemungkinan kasus pemasungan yang tidak tercatat.

# Kesimpulan
Putus obat, jarak ke layanan, riwayat perilaku kekerasan, dan stigma keluarga merupakan faktor risiko
pemasungan pada ODGJ berat. Pekerja sosial dapat berkontribusi pada pencegahan melalui kunjungan rumah
rutin, dukungan kepatuhan pengobatan, edukasi dan pendampingan keluarga, rencana krisis bersama keluarga,
serta penguatan jejaring dengan puskesmas dan layanan kesehatan jiwa.
""",
    references=(
        "Lewar, F., & Bunga, M. (2021). Pemasungan ulang setelah program pembebasan pasung. Jurnal Demo "
        "Kesejahteraan Sosial, 7(2), 115-128.",
        "Moss, C. E., & Mehta, A. (2024). Responding to suicide risk in community social work. Demo Journal of "
        "Social Work Practice, 6(1), 1-13.",
        "Nurmalasari, E. (2022). Stigma keluarga terhadap orang dengan gangguan jiwa. Penerbit Demo.",
        "Saputra, A. P., Hamid, N., & Rusli, T. (2020). Penjangkauan kesehatan jiwa berbasis puskesmas. Jurnal "
        "Demo Pekerjaan Sosial, 2(3), 120-133.",
        "Vieira, C., & Omondi, J. (2018). Restraint of people with mental illness in the community: a review. "
        "Demo Review of Community Care, 6(4), 200-215.",
    ),
)

_ID_STUDI_KASUS_NAPZA = DemoArticle(
    path="case_studies/id_studi_kasus_remaja_napza_keluarga.pdf",
    language="id",
    topic="substance_use",
    design="case_study",
    title="Pendampingan remaja pengguna NAPZA melalui rehabilitasi sosial berbasis keluarga: sebuah studi kasus",
    authors=("Wahyu Kurniawan", "Dewi Sartika Lubis"),
    journal=ID_JOURNAL,
    year=2022,
    issue="4(2): 112-121",
    doi="10.5555/demo.2022.112",
    keywords=("NAPZA", "remaja", "rehabilitasi sosial", "keluarga", "studi kasus"),
    body="""
# Abstrak
Studi kasus ini menggambarkan proses pendampingan seorang remaja laki-laki berusia 16 tahun pengguna
ganja dan obat-obatan terlarang lainnya melalui rehabilitasi sosial rawat jalan berbasis keluarga. Remaja
tersebut dirujuk oleh sekolah setelah tertangkap membawa pil di lingkungan sekolah. Pekerja sosial
melakukan asesmen biopsikososial, menyusun rencana intervensi bersama remaja dan orang tua, dan
memberikan konseling motivasional, sesi keluarga, serta rujukan ke layanan kesehatan. Setelah enam bulan,
remaja melaporkan berhenti menggunakan pil dan mengurangi penggunaan ganja, kembali bersekolah secara
teratur, dan hubungan dengan orang tua membaik. Kasus ini menunjukkan pentingnya keterlibatan keluarga,
pendekatan yang tidak menghukum, dan kerja sama dengan sekolah. Sebagai studi kasus tunggal, hasilnya
tidak dapat digeneralisasi.

# Pendahuluan
Penyalahgunaan narkotika, psikotropika, dan zat adiktif lainnya (NAPZA) pada remaja merupakan masalah yang
mengkhawatirkan karena otak remaja masih berkembang dan penggunaan dini berhubungan dengan ketergantungan
di kemudian hari. Pendekatan yang menekankan hukuman, seperti pengeluaran dari sekolah, sering justru
memutus remaja dari lingkungan yang melindunginya. Rehabilitasi sosial berbasis keluarga menempatkan
keluarga sebagai mitra utama dalam pemulihan, dengan asumsi bahwa pola komunikasi, pengawasan, dan
dukungan keluarga memengaruhi perilaku penggunaan NAPZA pada remaja.

# Metode
Tulisan ini merupakan studi kasus deskriptif tunggal yang disusun dari catatan kasus pekerja sosial,
hasil instrumen asesmen, dan wawancara dengan remaja serta orang tuanya setelah enam bulan pendampingan.
Remaja dan orang tuanya memberikan persetujuan tertulis untuk publikasi. Nama dan beberapa detail telah
diubah untuk menjaga kerahasiaan. Remaja dalam tulisan ini disebut Raka.

# Hasil dan Pembahasan
Asesmen. Raka adalah anak kedua dari tiga bersaudara. Ayahnya bekerja sebagai sopir antarkota dan jarang
di rumah, sedangkan ibunya berjualan makanan di pasar. Raka mulai merokok pada usia 13 tahun dan mencoba
ganja pada usia 14 tahun bersama teman di lingkungan rumahnya. Dalam enam bulan sebelum dirujuk, ia
menggunakan ganja hampir setiap akhir pekan dan pil penenang beberapa kali sebulan. Hasil penapisan
menunjukkan risiko sedang untuk ganja dan risiko tinggi untuk pil penenang. Asesmen juga menemukan
konflik yang sering antara Raka dan ayahnya, nilai sekolah yang menurun, dan gejala kecemasan. Kekuatan
yang teridentifikasi adalah kedekatan Raka dengan ibunya, minatnya pada perbengkelan, dan guru bimbingan
konseling yang peduli.

Intervensi. Pekerja sosial menyusun rencana intervensi selama enam bulan bersama Raka dan orang tuanya.
Intervensi meliputi konseling motivasional individual setiap minggu pada dua bulan pertama, kemudian dua
minggu sekali; enam sesi keluarga untuk memperbaiki komunikasi, menyepakati aturan rumah, dan melatih
orang tua menanggapi kekambuhan tanpa kekerasan; rujukan ke puskesmas untuk penanganan kecemasan; serta
koordinasi dengan sekolah agar Raka tidak dikeluarkan dan dapat mengikuti kegiatan ekstrakurikuler
otomotif. Ayah Raka awalnya menolak terlibat, tetapi bersedia hadir setelah sesi dijadwalkan pada hari
libur kerjanya.

Hasil. Setelah enam bulan, Raka melaporkan tidak lagi menggunakan pil penenang sejak bulan kedua dan
menggunakan ganja sekitar sekali sebulan. Hasil tes urine acak di puskesmas sejalan dengan laporannya.
Kehadiran di sekolah meningkat dari sekitar 70% menjadi lebih dari 90%. Ibu Raka menyatakan bahwa
pertengkaran di rumah jauh berkurang. Terjadi satu kali kekambuhan setelah Raka bertengkar dengan
temannya, yang dibahas bersama dalam sesi keluarga tanpa hukuman fisik.

Kasus ini menggambarkan bahwa pendekatan yang tidak menghukum dan melibatkan keluarga dapat menjaga remaja
tetap terhubung dengan sekolah dan keluarga. Fleksibilitas jadwal menjadi kunci keterlibatan ayah.
Tantangan yang tersisa adalah lingkungan pertemanan di sekitar rumah dan keberlanjutan dukungan setelah
program berakhir.

# Kesimpulan
Rehabilitasi sosial rawat jalan berbasis keluarga membantu seorang remaja mengurangi penggunaan NAPZA dan
memperbaiki fungsi sosialnya. Pekerja sosial perlu melibatkan kedua orang tua dengan jadwal yang fleksibel,
bekerja sama dengan sekolah, dan merencanakan dukungan lanjutan setelah program selesai.
""",
    references=(
        "Kurniawan, W. (2020). Rehabilitasi sosial rawat jalan bagi remaja pengguna NAPZA. Penerbit Demo.",
        "Lubis, D. S., & Harahap, R. (2021). Keterlibatan ayah dalam pemulihan remaja. Jurnal Demo Pekerjaan "
        "Sosial, 3(3), 140-151.",
        "Whitfield, T. J., Nwosu, A., Brennan, L., & Asante, D. K. (2022). Brief motivational interviewing by "
        "social workers for young adults with risky alcohol and drug use. Demo Journal of Social Work "
        "Practice, 4(3), 88-101.",
    ),
)

ARTICLES: tuple[DemoArticle, ...] = (
    _EN_META_ANALYSIS,
    _EN_RCT_MI,
    _EN_COHORT_DIVERSION,
    _EN_QUALITATIVE_ELDERLY,
    _EN_NARRATIVE_DV,
    _EN_GUIDELINE_SUICIDE,
    _EN_CASE_DISABILITY,
    _ID_RCT_PENGASUHAN,
    _ID_KUASI_PKH,
    _ID_POTONG_LINTANG_LANSIA,
    _ID_KUALITATIF_KDRT,
    _ID_KUALITATIF_ABH,
    _ID_CAMPURAN_DISABILITAS,
    _ID_KASUS_KONTROL_PASUNG,
    _ID_STUDI_KASUS_NAPZA,
)


if __name__ == "__main__":
    sys.exit(main())
