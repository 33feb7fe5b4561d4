"""The cue phrases naming each study design, English and Indonesian, with weights ebp.appraise scores.

Primary-study designs are here; reviews, guidelines and opinion in ``ebp.appraise.cues_reviews``.
"""

from __future__ import annotations

from ebp.appraise.context import RANDOMISED
from ebp.appraise.cues_reviews import NARRATIVE_AND_OPINION_CUES, SYSTEMATIC_REVIEW_CUES, Cue
from ebp.text import any_of

PRIMARY_STUDY_CUES: tuple[Cue, ...] = (
    (
        "rct",
        3.0,
        any_of(
            RANDOMISED + r"ed\b[\w\s,-]{0,60}?\b(?:trial|study|experiment)",
            r"\bRCTs?\b",
            r"uji\s+(?:klinis\s+|klinik\s+)?acak",
            r"uji\s+terkontrol\s+acak",
            r"cluster[- ]randomi[sz]ed",
            r"stepped[- ]wedge",
            r"true[- ]experiment\w*",
        ),
    ),
    (
        "rct",
        2.0,
        any_of(
            r"(?<![\w-])randomly\s+(?:assigned|allocated|divided|distributed)",
            r"(?<!not\s)(?:were|was)\s+randomi[sz]ed",
            RANDOMISED + r"ed\s+(?:to|into|in\s+a)\b",
            r"random\s+(?:assignment|allocation)",
            RANDOMISED + r"ation",
            r"dirandomisasi",
            r"diacak\s+ke",
            r"dialokasikan\s+secara\s+acak",
            r"alokasi\s+acak",
            r"in\s+(?:a\s+)?random(?:i[sz]ed)?\s+order",
        ),
    ),
    (
        "rct",
        1.2,
        any_of(
            r"\bor\s+(?:a\s+|matching\s+)?placebo\b", r"\b(?:versus|vs\.?)\s+placebo\b", r"\bplacebo\s+(?:group|arm)\b"
        ),
    ),
    (
        "rct",
        1.5,
        any_of(
            r"placebo[- ]controlled",
            r"double[- ]blind\w*",
            r"intention[- ]to[- ]treat",
            r"\b(?:ISRCTN|NCT)\s?\d{6,8}",
            r"trial\s+registration",
        ),
    ),
    (
        "quasi_experimental",
        3.0,
        any_of(
            r"quasi[- ]?experiment\w*",
            r"kuasi[- ]?eksperimen\w*",
            r"eksperimen\s+semu",
            r"pra[- ]?eksperimen\w*",
            r"pre-?experimental",
            r"natural\s+experiment",
            r"regression\s+discontinuity",
            r"non-?equivalent\s+(?:control|comparison)",
        ),
    ),
    (
        "quasi_experimental",
        2.0,
        any_of(
            r"non-?randomi[sz]ed",
            r"not\s+randomi[sz]ed",
            r"tidak\s+diacak",
            r"tanpa\s+randomisasi",
            r"pre-?\s?test[\s-]*(?:and\s+|-\s*)?post-?\s?test",
            r"\bpre-?post\b",
            r"matched\s+comparison\s+group",
            r"before\s+and\s+after\s+(?:\w+\s+){0,4}?(?:intervention|program|programme|training|treatment|"
            r"implementation|course|sessions?|therapy)",
            r"controlled\s+before",
            r"one[- ]group",
            r"single[- ](?:group|arm)",
            r"uncontrolled\s+(?:trial|study|pilot)",
            r"open[- ]label\s+(?:pilot|study|single)",
            r"interrupted\s+time[- ]series",
            r"difference[- ]in[- ]differences?",
            r"multiple[- ]baseline",
            r"(?:without|tanpa)\s+(?:a\s+)?(?:kelompok\s+)?(?:control|kontrol)",
        ),
    ),
    (
        "quasi_experimental",
        1.2,
        any_of(
            r"open[- ]label",
            r"wait-?\s?list(?:ed)?\s+control",
            r"(?:received|given|consumed|underwent)\b[^.;]{0,60}?\bfor\s+\d+\s+(?:weeks|months|days)",
        ),
    ),
    (
        "cohort",
        3.0,
        any_of(
            r"cohort\s+stud\w+",
            r"(?:prospective|retrospective|population-based|birth|historical)\s+cohort",
            r"\bkohort\b",
            r"longitudinal\s+(?:study|cohort|survey|data|analysis)",
            r"(?:studi|penelitian)\s+longitudinal",
        ),
    ),
    (
        "cohort",
        2.0,
        any_of(
            r"prospective\s+(?:observational\s+|longitudinal\s+|population-based\s+)?study",
            r"(?:were|was)\s+followed[- ]up\b",
            r"\bwe\s+followed\b",
        ),
    ),
    (
        "cohort",
        1.2,
        any_of(
            r"\bcohorts?\b",
            r"person[- ]years",
            r"observational\s+study",
            r"\bfollowed[- ]up\b",
            r"followed\s+(?:up\s+)?(?:for|until|from|over)\b",
            r"(?:median|mean|average)\s+(?:duration\s+of\s+)?follow-?up",
            r"prospectively\s+(?:enrolled|recruited|collected|followed|studied|included|registered)",
            r"retrospective(?:ly)?\b[\w\s,-]{0,30}?\b(?:study|analysis|review|chart|data)",
            r"during\s+(?:the\s+)?(?:\d+[- ]\w+\s+)?follow-?up",
            r"\bmonitored\s+(?:\w+\s+){0,3}?for\s+\d+",
            r"registry",
            r"register-based",
            r"medical\s+records?\s+review",
            r"rekam\s+medis",
            r"hazard\s+ratio",
            r"\blongitudinal(?:ly)?\b",
        ),
    ),
    ("cohort", 0.6, any_of(r"incidence\s+of", r"\bincident\b")),
    ("case_control", 3.0, any_of(r"case[- ]control", r"kasus[- ]kontrol", r"case[- ]referent", r"nested\s+case")),
    (
        "case_control",
        1.5,
        any_of(
            r"(?:matched|healthy|population)\s+controls",
            r"comparison\s+subjects",
            r"\bcases\b[^.;]{0,60}?\bcontrols\b",
            r"\bkasus\s+dan\s+\d+\s+kontrol",
            r"genome[- ]wide\s+association",
        ),
    ),
    (
        "cross_sectional",
        3.0,
        any_of(
            r"cross[- ]?sectional",
            r"potong\s+lintang",
            r"belah\s+lintang",
            r"lintas\s+seksional",
            r"prevalence\s+(?:study|survey)",
            r"studi\s+prevalensi",
        ),
    ),
    (
        "cross_sectional",
        1.5,
        any_of(
            r"\bsurvey\b",
            r"\bsurvei\b",
            r"\bnhanes\b",
            r"descriptive\s+(?:study|correlational)",
            r"deskriptif\s+(?:kuantitatif|analitik|korelasional)",
            r"correlational\s+(?:study|design)",
            r"\bkorelasional\b",
            r"analitik\s+observasional",
            r"validation\s+study",
            r"diagnostic\s+accuracy",
            r"validity\s+and\s+reliability",
            r"reliability\s+and\s+validity",
        ),
    ),
    (
        "cross_sectional",
        0.6,
        any_of(r"questionnaires?", r"kuesioner", r"\bprevalen(?:ce|si)\b", r"\brespondents?\b", r"\bresponden\b"),
    ),
    (
        "qualitative",
        3.0,
        any_of(
            r"qualitative\s+(?:study|research|design|approach|method\w*|interview\w*|descriptive|"
            r"inquiry|case|exploratory|content)",
            r"(?:penelitian|studi|pendekatan|metode)\s+kualitatif",
            r"kualitatif\s+deskriptif",
            r"deskriptif\s+kualitatif",
            r"phenomenolog\w+\s+(?:study|approach)",
            r"(?:studi|pendekatan)\s+fenomenologi\w*",
            r"grounded\s+theory",
            r"ethnograph\w+\s+study",
        ),
    ),
    (
        "qualitative",
        1.0,
        any_of(
            r"\bqualitative\b",
            r"\bkualitatif\b",
            r"fenomenologi\w*",
            r"ethnograph\w+",
            r"etnograf\w+",
            r"phenomenolog\w+",
        ),
    ),
    (
        "qualitative",
        1.5,
        any_of(
            r"in-?depth\s+interviews?",
            r"semi-?\s?structured\s+interviews?",
            r"wawancara\s+(?:mendalam|semi-?\s?terstruktur)",
            r"focus\s+groups?",
            r"\bFGDs?\b",
            r"diskusi\s+kelompok\s+terarah",
            r"\bthematic(?:al)?\s+analysis",
            r"analisis\s+tematik",
            r"anali[sz]ed\s+thematically",
            r"dianalisis\s+secara\s+tematik",
            r"content\s+analysis",
            r"analisis\s+isi",
            r"themes?\s+(?:emerged|were\s+identified)",
            r"\binforman\b",
            r"\bkey\s+informants?",
            r"\bNVivo\b",
            r"atlas\.ti",
            r"colaizzi",
        ),
    ),
    (
        "case_study",
        3.0,
        any_of(
            r"case\s+reports?",
            r"laporan\s+kasus",
            r"studi\s+kasus",
            r"case\s+stud(?:y|ies)",
            r"case\s+series",
            r"(?:we|(?:this|the)\s+(?:article|paper|report))\s+"
            r"(?:report|describe|present)s?\s+(?:a|an|the|two|three)\s+"
            r"(?:\w+\s+){0,3}(?:cases?|patients?)",
            r"\ba\s+case\s+of\b",
        ),
    ),
    (
        "case_study",
        1.0,
        any_of(
            r"\b\d{1,3}[- ]year[- ]old\s+(?:man|woman|boy|girl|male|female|patient|child)",
            r"\bseorang\s+(?:anak|klien|perempuan|laki-laki|ibu|ayah|remaja|lansia|pria|wanita|pasien)",
        ),
    ),
)
# (design, weight, pattern): weights are per mention before the zone and context factors.
CUES: tuple[Cue, ...] = (*SYSTEMATIC_REVIEW_CUES, *PRIMARY_STUDY_CUES, *NARRATIVE_AND_OPINION_CUES)
