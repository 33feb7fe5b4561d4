"""Appraisal stage: study design, evidence level and the facts a practitioner checks first.

Pure functions over text, English and Indonesian. Rules only: cue phrases are weighted by where
they occur (title > abstract > body) and discounted when a sentence mentions a design only in
passing ("previous RCTs have shown", "diperlukan tinjauan sistematis"). A TF-IDF + logistic
regression model trained on benchmarks/appraisal/dev_labels.jsonl did not beat the rules under
cross-validation (benchmarks/eval_appraisal.py --compare-ml), so none ships.

Labelling decisions (the dev set follows them):
- a protocol (a planned study, no results) is ``other`` and needs checking: it is not evidence yet;
- a secondary, post hoc or economic analysis of a randomised trial stays ``rct`` and needs
  checking, unless it says it is observational (predictors, factors associated with ...): then
  it is ``cohort``, the trial being only the source of participants;
- no design named at all: ``other`` when the text reports its own data, else ``review_narrative``;
- animal, in-vitro and modelling studies are ``other``; a meta-analysis of them is still one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

DESIGNS = ("systematic_review_meta_analysis", "rct", "quasi_experimental", "cohort", "case_control",
           "cross_sectional", "qualitative", "case_study", "review_narrative", "guideline_or_opinion", "other")
DEFAULT_HIERARCHY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("systematic_review", ("systematic_review_meta_analysis",)),
    ("randomised_trial", ("rct",)),
    ("quasi_experimental", ("quasi_experimental",)),
    ("analytic_observational", ("cohort", "case_control")),
    ("cross_sectional", ("cross_sectional",)),
    ("qualitative", ("qualitative",)),
    ("case_study", ("case_study",)),
    ("opinion", ("guideline_or_opinion", "review_narrative")),
)
_LEVEL_LABELS = {  # level name → (English, Indonesian)
    "systematic_review": ("Systematic review / meta-analysis", "Tinjauan sistematis / meta-analisis"),
    "randomised_trial": ("Randomised controlled trial", "Uji acak terkontrol"),
    "quasi_experimental": ("Quasi-experimental study", "Studi kuasi eksperimen"),
    "analytic_observational": ("Cohort or case-control study", "Studi kohort atau kasus-kontrol"),
    "cross_sectional": ("Cross-sectional study or survey", "Studi potong lintang atau survei"),
    "qualitative": ("Qualitative study", "Studi kualitatif"),
    "case_study": ("Case study or case report", "Studi kasus atau laporan kasus"),
    "opinion": ("Guideline, expert opinion or narrative review", "Pedoman, pendapat ahli atau tinjauan naratif"),
    "unranked": ("Not ranked", "Tidak diperingkat"),
}
CHECK_BELOW = 0.6  # confidence under which a person should check the label
_ZONE_WEIGHT = {"title": 3.0, "abstract": 1.0, "body": 0.35}
_BODY_CAP = 3.0  # body text can tip a decision but not outvote the title and abstract alone
_MAX_TEXT = 200_000  # characters read by appraise(): a long paper's opening is where its design and N are
_I = re.IGNORECASE


class LazyPattern:
    """A regular expression compiled on first use: importing ebp compiles none of the ~100 patterns here.

    Example: ``LazyPattern(r"\\bcohort\\b", re.I).search("A cohort study") is not None``
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str) -> Any:  # search, match, finditer, findall, split, sub ...
        return getattr(self.compiled, name)


@dataclass(frozen=True)
class Design:
    label: str  # one of DESIGNS
    confidence: float  # 0..1
    cues: tuple[str, ...]  # phrases that decided, as they appear in the text
    needs_checking: bool


@dataclass(frozen=True)
class Level:
    rank: int  # 1 = strongest; designs outside the hierarchy rank after every level
    name: str
    label_en: str = ""
    label_id: str = ""


@dataclass(frozen=True)
class AppraisalItem:
    name: str  # sample_size | randomisation | control_group | follow_up | effect_size
    status: str  # present | absent | unknown
    value: str | None
    sentence: str | None  # the sentence the value came from


@dataclass(frozen=True)
class _Match:
    design: str
    weight: float
    text: str
    zone: str


def _rx(*parts: str) -> LazyPattern:
    return LazyPattern("|".join(parts), _I)


_RAND = r"(?<![\w-])(?<!mendelian\s)randomi[sz]"  # not "non-randomised", "quasi-randomised", "Mendelian randomisation"
# (design, weight, pattern): weights are per mention before the zone and context factors.
_CUES: tuple[tuple[str, float, LazyPattern], ...] = (
    ("systematic_review_meta_analysis", 3.0, _rx(
        r"systematic(?:al)?\s+(?:literature\s+|scoping\s+)?reviews?", r"meta-?\s?analy[sz]\w*", r"meta-?analisis",
        r"tinjauan\s+(?:literatur\s+)?sistematis", r"kajian\s+(?:literatur|pustaka)\s+sistematis",
        r"telaah\s+sistematis", r"umbrella\s+review", r"scoping\s+review", r"review\s+of\s+(?:systematic\s+)?reviews",
        r"cochrane\s+reviews?", r"meta-?ethnograph\w*", r"meta-?synthesis", r"integrative\s+(?:literature\s+)?review",
        r"rapid\s+review", r"realist\s+review")),
    ("systematic_review_meta_analysis", 2.0, _rx(
        r"(?:searched|search(?:es)?\s+(?:of|in|was\s+conducted)|identified\s+(?:via|through|by\s+searching)|"
        r"retrieved\s+(?:from|by\s+searching)|(?:performed|conducted|carried\s+out)\s+an?\s+(?:\w+\s+){0,3}search|"
        r"penelusuran|menelusuri)\b[^.;]{0,80}?\b(?:medline|pubmed|embase|"
        r"cinahl|psyc\s?info|cochrane|scopus|web\s+of\s+science|databases?|basis\s+data|garuda|google\s+scholar)",
        r"\bprisma\b", r"(?:studies|trials|articles|papers|studi|artikel)\s+(?:met|fulfilled|meeting|memenuhi)\s+"
        r"(?:the\s+)?(?:inclusion|eligibility|kriteria)", r"pooled\s+(?:analysis|estimates?|data\s+from)")),
    ("systematic_review_meta_analysis", 1.0, _rx(r"random[- ]effects?\s+model", r"\bI\s?(?:2|²)\s?=", r"efek\s+acak")),
    ("rct", 3.0, _rx(
        _RAND + r"ed\b[\w\s,-]{0,60}?\b(?:trial|study|experiment)", r"\bRCTs?\b", r"uji\s+(?:klinis\s+|klinik\s+)?acak",
        r"uji\s+terkontrol\s+acak", r"cluster[- ]randomi[sz]ed", r"stepped[- ]wedge", r"true[- ]experiment\w*")),
    ("rct", 2.0, _rx(
        r"(?<![\w-])randomly\s+(?:assigned|allocated|divided|distributed)", r"(?<!not\s)(?:were|was)\s+randomi[sz]ed",
        _RAND + r"ed\s+(?:to|into|in\s+a)\b", r"random\s+(?:assignment|allocation)", _RAND + r"ation",
        r"dirandomisasi", r"diacak\s+ke", r"dialokasikan\s+secara\s+acak", r"alokasi\s+acak",
        r"in\s+(?:a\s+)?random(?:i[sz]ed)?\s+order")),
    ("rct", 1.2, _rx(r"\bor\s+(?:a\s+|matching\s+)?placebo\b", r"\b(?:versus|vs\.?)\s+placebo\b",
                     r"\bplacebo\s+(?:group|arm)\b")),
    ("rct", 1.5, _rx(r"placebo[- ]controlled", r"double[- ]blind\w*", r"intention[- ]to[- ]treat",
                     r"\b(?:ISRCTN|NCT)\s?\d{6,8}", r"trial\s+registration")),
    ("quasi_experimental", 3.0, _rx(r"quasi[- ]?experiment\w*", r"kuasi[- ]?eksperimen\w*", r"eksperimen\s+semu",
                                    r"pra[- ]?eksperimen\w*", r"pre-?experimental", r"natural\s+experiment",
                                    r"regression\s+discontinuity", r"non-?equivalent\s+(?:control|comparison)")),
    ("quasi_experimental", 2.0, _rx(
        r"non-?randomi[sz]ed", r"not\s+randomi[sz]ed", r"tidak\s+diacak", r"tanpa\s+randomisasi",
        r"pre-?\s?test[\s-]*(?:and\s+|-\s*)?post-?\s?test", r"\bpre-?post\b",
        r"matched\s+comparison\s+group",
        r"before\s+and\s+after\s+(?:\w+\s+){0,4}?(?:intervention|program|programme|training|treatment|"
        r"implementation|course|sessions?|therapy)",
        r"controlled\s+before", r"one[- ]group", r"single[- ](?:group|arm)", r"uncontrolled\s+(?:trial|study|pilot)",
        r"open[- ]label\s+(?:pilot|study|single)", r"interrupted\s+time[- ]series", r"difference[- ]in[- ]differences?",
        r"multiple[- ]baseline", r"(?:without|tanpa)\s+(?:a\s+)?(?:kelompok\s+)?(?:control|kontrol)")),
    ("quasi_experimental", 1.2, _rx(r"open[- ]label", r"wait-?\s?list(?:ed)?\s+control",
                                    r"(?:received|given|consumed|underwent)\b[^.;]{0,60}?\bfor\s+\d+\s+(?:weeks|months|days)")),
    ("cohort", 3.0, _rx(r"cohort\s+stud\w+",
                        r"(?:prospective|retrospective|population-based|birth|historical)\s+cohort",
                        r"\bkohort\b", r"longitudinal\s+(?:study|cohort|survey|data|analysis)",
                        r"(?:studi|penelitian)\s+longitudinal")),
    ("cohort", 2.0, _rx(r"prospective\s+(?:observational\s+|longitudinal\s+|population-based\s+)?study",
                        r"(?:were|was)\s+followed[- ]up\b", r"\bwe\s+followed\b")),
    ("cohort", 1.2, _rx(r"\bcohorts?\b", r"person[- ]years", r"observational\s+study", r"\bfollowed[- ]up\b",
                        r"followed\s+(?:up\s+)?(?:for|until|from|over)\b",
                        r"(?:median|mean|average)\s+(?:duration\s+of\s+)?follow-?up",
                        r"prospectively\s+(?:enrolled|recruited|collected|followed|studied|included|registered)",
                        r"retrospective(?:ly)?\b[\w\s,-]{0,30}?\b(?:study|analysis|review|chart|data)",
                        r"during\s+(?:the\s+)?(?:\d+[- ]\w+\s+)?follow-?up",
                        r"\bmonitored\s+(?:\w+\s+){0,3}?for\s+\d+", r"registry", r"register-based",
                        r"medical\s+records?\s+review", r"rekam\s+medis", r"hazard\s+ratio",
                        r"\blongitudinal(?:ly)?\b")),
    ("cohort", 0.6, _rx(r"incidence\s+of", r"\bincident\b")),
    ("case_control", 3.0, _rx(r"case[- ]control", r"kasus[- ]kontrol", r"case[- ]referent", r"nested\s+case")),
    ("case_control", 1.5, _rx(r"(?:matched|healthy|population)\s+controls", r"comparison\s+subjects",
                              r"\bcases\b[^.;]{0,60}?\bcontrols\b", r"\bkasus\s+dan\s+\d+\s+kontrol",
                              r"genome[- ]wide\s+association")),
    ("cross_sectional", 3.0, _rx(r"cross[- ]?sectional", r"potong\s+lintang", r"belah\s+lintang", r"lintas\s+seksional",
                                 r"prevalence\s+(?:study|survey)", r"studi\s+prevalensi")),
    ("cross_sectional", 1.5, _rx(r"\bsurvey\b", r"\bsurvei\b", r"\bnhanes\b", r"descriptive\s+(?:study|correlational)",
                                 r"deskriptif\s+(?:kuantitatif|analitik|korelasional)",
                                 r"correlational\s+(?:study|design)", r"\bkorelasional\b", r"analitik\s+observasional",
                                 r"validation\s+study", r"diagnostic\s+accuracy", r"validity\s+and\s+reliability",
                                 r"reliability\s+and\s+validity")),
    ("cross_sectional", 0.6, _rx(r"questionnaires?", r"kuesioner", r"\bprevalen(?:ce|si)\b", r"\brespondents?\b",
                                 r"\bresponden\b")),
    ("qualitative", 3.0, _rx(r"qualitative\s+(?:study|research|design|approach|method\w*|interview\w*|descriptive|"
                             r"inquiry|case|exploratory|content)",
                             r"(?:penelitian|studi|pendekatan|metode)\s+kualitatif", r"kualitatif\s+deskriptif",
                             r"deskriptif\s+kualitatif", r"phenomenolog\w+\s+(?:study|approach)",
                             r"(?:studi|pendekatan)\s+fenomenologi\w*", r"grounded\s+theory",
                             r"ethnograph\w+\s+study")),
    ("qualitative", 1.0, _rx(r"\bqualitative\b", r"\bkualitatif\b", r"fenomenologi\w*", r"ethnograph\w+",
                             r"etnograf\w+", r"phenomenolog\w+")),
    ("qualitative", 1.5, _rx(r"in-?depth\s+interviews?",
                             r"semi-?\s?structured\s+interviews?",
                             r"wawancara\s+(?:mendalam|semi-?\s?terstruktur)", r"focus\s+groups?", r"\bFGDs?\b",
                             r"diskusi\s+kelompok\s+terarah", r"\bthematic(?:al)?\s+analysis", r"analisis\s+tematik",
                             r"anali[sz]ed\s+thematically", r"dianalisis\s+secara\s+tematik", r"content\s+analysis",
                             r"analisis\s+isi", r"themes?\s+(?:emerged|were\s+identified)", r"\binforman\b",
                             r"\bkey\s+informants?", r"\bNVivo\b", r"atlas\.ti", r"colaizzi")),
    ("case_study", 3.0, _rx(r"case\s+reports?", r"laporan\s+kasus", r"studi\s+kasus", r"case\s+stud(?:y|ies)",
                            r"case\s+series", r"(?:we|(?:this|the)\s+(?:article|paper|report))\s+"
                            r"(?:report|describe|present)s?\s+(?:a|an|the|two|three)\s+"
                            r"(?:\w+\s+){0,3}(?:cases?|patients?)", r"\ba\s+case\s+of\b")),
    ("case_study", 1.0, _rx(r"\b\d{1,3}[- ]year[- ]old\s+(?:man|woman|boy|girl|male|female|patient|child)",
                            r"\bseorang\s+(?:anak|klien|perempuan|laki-laki|ibu|ayah|remaja|lansia|pria|wanita|pasien)")),
    ("review_narrative", 2.5, _rx(r"narrative\s+review", r"(?<!systematic\s)(?<!integrative\s)literature\s+review",
                                  r"(?<!systematic\s)review\s+of\s+(?:the\s+)?literature",
                                  r"tinjauan\s+(?:pustaka|naratif)", r"tinjauan\s+literatur(?!\s+sistematis)",
                                  r"kajian\s+(?:pustaka|literatur)(?!\s+sistematis)", r"studi\s+(?:pustaka|literatur)",
                                  r"telaah\s+pustaka")),
    # Generic review words count for a systematic review when one is declared, else for a narrative one.
    ("review_any", 2.5, _rx(r"\b(?:this|our|the\s+present)\s+(?:mini-?)?review\b", r"in\s+this\s+(?:mini-?)?review",
                            r"\bpurpose\s+of\s+(?:this\s+)?review\b")),
    ("review_any", 1.5, _rx(r"\bwe\s+(?:review|summari[sz]e|discuss|highlight)\b", r"\breview\s+(?:of|on)\b",
                                  r"\boverview\b", r"\bupdate\s+on\b", r"current\s+(?:knowledge|understanding|status)",
                                  r"state\s+of\s+the\s+art",
                                  r"(?:artikel|tulisan)\s+ini\s+(?:membahas|mengulas|merangkum)",
                                  r"kami\s+(?:merangkum|membahas|mengulas)",
                                  r"(?:this|the)\s+article\s+(?:reviews|discusses)",
                                  r"\breview(?:ed)?\b")),
    ("guideline_or_opinion", 3.0, _rx(r"practice\s+guidelines?", r"clinical\s+guidelines?",
                                      r"recommendation\s+statement", r"position\s+(?:statement|paper)",
                                      r"consensus\s+(?:statement|conference|report)", r"\beditorial\b",
                                      r"\bcommentary\b", r"\bviewpoint\b", r"letter\s+to\s+the\s+editor",
                                      r"pedoman\s+(?:praktik|pelayanan|klinis|nasional)", r"\bopini\b",
                                      r"tajuk\s+rencana")),
    ("guideline_or_opinion", 2.0, _rx(r"\b(?:these|this|our)\s+(?:guidelines?|recommendations|statement)\b",
                                      r"\b(?:pedoman|rekomendasi)\s+ini\b", r"\bwe\s+recommend\b")),
    ("guideline_or_opinion", 1.5, _rx(r"expert\s+panel", r"task\s+force",
                                      r"advisory\s+(?:committee|group|statement|panel)", r"\bwe\s+argue\b",
                                      r"kami\s+berpendapat", r"in\s+this\s+(?:commentary|essay|perspective)",
                                      r"\bexpert\s+opinion\b", r"rekomendasi\s+(?:untuk|bagi)\b")),
    ("guideline_or_opinion", 2.0, _rx(r"\b(?:statement|advisory|recommendations|guidance|guidelines)\s+from\s+the\b")),
    ("guideline_or_opinion", 0.4, _rx(r"\bguidelines?\b", r"\bpedoman\b", r"\brecommendations?\b",
                                      r"\brekomendasi\b", r"\bconsensus\b", r"\bkonsensus\b")),
)
_PASSING = _rx(  # a sentence about other studies or about studies still to be done
    r"\b(?:previous|prior|earlier|past)\s+(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|research|reviews?|reports?|"
    r"work|literature|investigations?|analys[ie]s|findings|evidence|meta-analys[ie]s|RCTs?|data)\b",
    r"\bpreviously\s+(?:shown|reported|described|published|demonstrated|found|suggested)",
    r"\brecent(?:ly)?\s+(?:studies|trials|reviews|meta-analyses|reports|work)",
    r"\bha(?:ve|s)\s+(?:been\s+)?(?:shown|suggested|reported|demonstrated|found|indicated)",
    r"\b(?:is|are)\s+needed", r"\bneeded\s+to\b", r"\bneed\s+(?:for|more)\b",
    r"\b(?:is|are)\s+(?:warranted|required|lacking)", r"\bfuture\b",
    r"\bfurther\s+(?:\w+\s+)?(?:studies|research|trials|investigation|work)", r"\bshould\s+be\b", r"\black\s+of\b",
    r"\babsence\s+of\b", r"\bno\s+(?:randomi[sz]ed|controlled|previous|published)", r"\bfew\s+(?:studies|trials)",
    r"\blimited\s+(?:data|evidence)", r"\bunlike\b", r"\bin\s+contrast\s+to\b",
    r"\bshown\s+(?:recently|previously)", r"\b(?:in|by)\s+a\s+(?:large|recent|previous|published|earlier)\s+"
    r"(?:systematic\s+review|meta-?analysis)", r"\b(?:a|one)\s+recent\b", r"\bsebelumnya\b", r"\bdiperlukan\b",
    r"\bperlu\s+dilakukan\b", r"\bpenelitian\s+(?:selanjutnya|lanjutan|berikutnya)", r"\bbelum\s+(?:ada|pernah)\b",
    r"\bmasih\s+(?:sedikit|terbatas)\b", r"\bberbeda\s+dengan\b", r"\bdisarankan\b",
    r"\bdi\s+masa\s+(?:depan|mendatang)")
_SELF = _rx(
    r"\b(?:this|the\s+present|our|the\s+current)\s+(?:study|trial|review|analysis|paper|article|report|survey|research)",
    r"\bwe\s+(?:conducted|performed|undertook|carried\s+out|did|designed|used|report|present|describe|analy[sz]ed|"
    r"followed|enrolled|recruited|randomi[sz]ed|searched|interviewed|surveyed|studied|examined|evaluated)\b",
    r"\b(?:was|were)\s+(?:designed|conducted|performed|carried\s+out|undertaken|used|evaluated|investigated|"
    r"examined|assessed|studied|compared|measured)\b", r"^\s*(?:study\s+)?design\b", r"^\s*methods?\b",
    r"\bdesign\s*[:.]",
    r"\bstudy\s+design\b", r"\bmethods?\s*[:.]", r"\bpurpose\s+of\s+(?:this\s+)?review\b",
    r"\b(?:penelitian|studi|artikel|kajian|tinjauan)\s+ini\b",
    r"\b(?:desain|rancangan|jenis|metode)\s+penelitian\b", r"\bmenggunakan\s+(?:desain|rancangan|metode|pendekatan)\b",
    r"\bmerupakan\s+(?:penelitian|studi|uji)\b", r"\bkami\s+melakukan\b")
_INCLUDED = LazyPattern(r"\b(?:studies|trials|RCTs|articles|reports|publications|studi|artikel)\b", _I)
_PROTOCOL = _rx(r"\bstudy\s+protocol\b", r"\btrial\s+protocol\b", r"\bprotocol\s+(?:for|of)\s+(?:a|an|the)\b",
                r"\bdesign\s+and\s+(?:methods|rationale)\b", r"\brationale\s+and\s+design\b",
                r"\bwill\s+be\s+(?:randomi[sz]ed|recruited|enrolled|allocated|assigned)\b",
                r"\bprotokol\s+(?:penelitian|uji|studi)\b", r"\bakan\s+(?:dirandomisasi|diacak|direkrut)\b")
_RESULTS = _rx(r"\bresults?\s*:", r"(?-i:\bRESULTS\b)", r"\bfindings\s*:", r"\bwe\s+found\b", r"\bhasil\s*:",
               r"\b95\s?%\s?(?:CI|confidence)",
               r"\bp\s*[<=]\s*0?[.,]\d")
_NONHUMAN = _rx(r"\b(?:mice|mouse|murine|rats?|rodents?|zebrafish|drosophila|yeasts?|nematodes?|xenografts?|"
                r"piglets?|pigs?|swine|herds?|boars?|sheep|cattle|monkeys?|macaques?|primates|alligators?|mosquito(?:es)?|"
                r"plasmids?|organoids?|fibroblasts?|tikus|mencit|kelinci)\b", r"c\.\s?elegans",
                r"\bin\s+vitro\b", r"\bcell\s+lines?\b", r"\bcultured\s+cells\b", r"\bknock-?out\b", r"\btransgenic\b",
                r"\bhewan\s+coba\b", r"\bmathematical\s+model\w*", r"\bsimulations?\b", r"\bsoftware\b",
                r"\bR\s+package\b", r"\balgorithms?\b", r"\bdatabase\s+of\b")
_REVIEWS = ("systematic_review_meta_analysis", "review_narrative")
_SECONDARY = _rx(r"secondary\s+analys[ie]s", r"post[- ]hoc\s+(?:\w+\s+)?analys[ie]s", r"ancillary\s+stud\w+",
                 r"sub-?study", r"analisis\s+sekunder", r"cost[- ]effectiveness\s+analys[ie]s",
                 r"economic\s+evaluation")
_OBSERVATIONAL = _rx(r"\bobservational\b", r"\bobservasional\b", r"\bpredictors?\s+of\b", r"\bprediktor\b",
                     r"factors\s+associated\s+with", r"faktor\s+yang\s+berhubungan")
_RESEARCH = _rx(r"\bwe\s+(?:show|demonstrate|found|find|identif(?:y|ied)|observed|measured|report|propose|developed|"
                r"provide\s+evidence|used|tested|analy[sz]ed|investigated)\b", r"\bhere,?\s+we\b",
                r"\bour\s+(?:results|data|findings)\b", r"\bresults\s+(?:show|indicate|suggest|revealed)\b",
                r"\bthis\s+(?:study|work)\s+(?:identifies|shows|demonstrates|reveals)\b",
                r"\b(?:subjects|participants|patients|respondents|volunteers)\s+(?:were|was)\b",
                r"\bwere\s+(?:obtained|collected|recruited|enrolled)\b",
                r"\bthe\s+(?:aim|purpose|objective)\s+of\s+(?:this|the\s+present)\s+(?:study|work|experiment)",
                r"\bwe\s+(?:have\s+)?(?:conducted|determined|performed|examined|evaluated|studied|quantified)\b",
                r"\bsignificant(?:ly)?\s+(?:increased|decreased|reduced|improved|inhibited|higher|lower|elevated)\b",
                r"\bexperiments?\b")
_STATISTICS = _rx(r"\bp\s*[<=>]\s*0?[.,]\d", r"\bp\s+less\s+than\b", r"±", r"\+/-", r"\b95\s?%", r"\b[nN]\s*=\s*\d",
                  r"\d\s?%",
                  r"\b(?:OR|HR|RR)\b\s*[=:]?\s*\d")
_HUMAN = _rx(r"\b(?:patients?|participants?|women|men|children|adults|adolescents|volunteers|respondents|individuals|"
             r"subjects|persons|people|infants|mothers|families|pasien|responden|partisipan|peserta|informan|anak|ibu|"
             r"remaja|lansia|keluarga)\b")


def evidence_level(design: str, hierarchy: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_HIERARCHY) -> Level:
    """Rank of a design in an evidence hierarchy (best first); designs outside it rank last.

    Example: ``evidence_level("rct").rank == 2`` and ``evidence_level("other").name == "unranked"``
    """
    for rank, (name, designs) in enumerate(hierarchy, start=1):
        if design in designs:
            en, id_ = _LEVEL_LABELS.get(name, (name, name))
            return Level(rank=rank, name=name, label_en=en, label_id=id_)
    if design not in DESIGNS:
        raise ValueError(f"unknown study design {design!r}; expected one of {DESIGNS}")
    en, id_ = _LEVEL_LABELS["unranked"]
    return Level(rank=len(hierarchy) + 1, name="unranked", label_en=en, label_id=id_)


def classify_design(title: str, abstract: str, body: str = "", doc_type: str = "journal_article") -> Design:
    """Study design from title, abstract and optional body text; never raises on odd input.

    Example: ``classify_design("Parenting support: a randomised controlled trial", "").label == "rct"``
    """
    zones = _zones(title or "", abstract or "", body or "")
    head = " ".join(text for zone, text in zones[:2])
    matches = [m for zone, text in zones[:2] for m in _zone_matches(zone, text)]
    scores = _scores(matches)
    ranked = sorted(scores.values(), reverse=True) + [0.0, 0.0]
    if ranked[0] - ranked[1] <= _BODY_CAP + 0.5:  # otherwise the capped body cannot change the label: skip it
        matches += _zone_matches(*zones[2])
        scores = _scores(matches)
    special = _protocol_or_nonhuman(head, scores)
    if special is not None:
        return special
    by_score = sorted(scores.items(), key=lambda kv: kv[1], reverse=True) or [("other", 0.0)]
    top, top_score = by_score[0]
    second = by_score[1][1] if len(by_score) > 1 else 0.0
    if doc_type == "case_study" and (top_score < 4.0 or top == "case_study"):
        return Design("case_study", 0.8, _cues_for("case_study", matches) or ("doc_type: case_study",), False)
    if top_score < 0.5 or (top in ("review_narrative", "guideline_or_opinion") and top_score < 3.0
                           and _RESEARCH.search(head)):
        return _without_cues(head)  # a weak review or opinion word in a text that reports its own results
    strength, margin = min(1.0, top_score / 4.0), (top_score - second) / top_score
    confidence = round(0.5 * strength + 0.5 * margin, 2)
    secondary = top == "rct" and bool(_SECONDARY.search(head))
    if secondary and _OBSERVATIONAL.search(head):
        cues = (*_SECONDARY.findall(head)[:1], *_OBSERVATIONAL.findall(head)[:2])
        return Design("cohort", min(confidence, 0.55), cues, needs_checking=True)  # observational use of trial data
    needs = confidence < CHECK_BELOW or second >= 0.6 * top_score or secondary
    return Design(top, confidence, _cues_for(top, matches), needs_checking=needs)


def _without_cues(head: str) -> Design:
    """No design named: a text that reports its own results is ``other``; one that only discusses is a review."""
    if _RESEARCH.search(head) or _STATISTICS.search(head) or len(_NONHUMAN.findall(head)) >= 2:
        return Design("other", 0.3, (), needs_checking=True)
    return Design("review_narrative", 0.35, (), needs_checking=True)


def _zones(title: str, abstract: str, body: str) -> list[tuple[str, str]]:
    body = _strip_references(body)
    if not abstract.strip() and body.strip():
        abstract, body = body[:3000], body[3000:]  # no separate abstract: the opening of the body stands in
    return [("title", title[:2000]), ("abstract", abstract[:20000]), ("body", body[:60000])]


def _zone_matches(zone: str, text: str) -> list[_Match]:
    out: list[_Match] = []
    sentences = _sentences(text)
    for i, sentence in enumerate(sentences):
        factor = _ZONE_WEIGHT[zone]
        if _PASSING.search(sentence):
            factor *= 0.15
        elif _SELF.search(sentence):
            factor *= 1.5
        elif zone == "abstract" and i == 0 and len(sentences) > 2:
            factor *= 0.6  # an abstract's opening sentence is usually background
        found = [(d, w, m) for d, w, rx in _CUES for m in rx.finditer(sentence)]
        reviewing = any(d == "systematic_review_meta_analysis" for d, _, _ in found) or _INCLUDED.search(sentence)
        for design, weight, m in found:
            # In "we pooled 12 randomised trials" the design names describe included studies.
            f = factor * (0.25 if reviewing and design != "systematic_review_meta_analysis" else 1.0)
            out.append(_Match(design, weight * f, m.group(0), zone))
    return out


def _scores(matches: list[_Match]) -> dict[str, float]:
    scores: dict[str, float] = {}
    body: dict[str, float] = {}
    for m in matches:
        target = body if m.zone == "body" else scores
        target[m.design] = target.get(m.design, 0.0) + m.weight
    for design, value in body.items():
        scores[design] = scores.get(design, 0.0) + min(value, _BODY_CAP)
    generic = scores.pop("review_any", 0.0)
    if generic:
        target = "systematic_review_meta_analysis" if scores.get("systematic_review_meta_analysis", 0.0) >= 2.0 \
            else "review_narrative"
        scores[target] = scores.get(target, 0.0) + generic
    return scores


def _protocol_or_nonhuman(head: str, scores: dict[str, float]) -> Design | None:
    """Protocols and non-human studies are ``other`` whatever design words they use."""
    review = scores.get("systematic_review_meta_analysis", 0.0)
    protocol = [m.group(0) for m in _PROTOCOL.finditer(head)]
    if protocol and not _RESULTS.search(head) and review < 6.0:
        return Design("other", 0.7, tuple(dict.fromkeys(protocol))[:4], needs_checking=True)
    nonhuman = [m.group(0) for m in _NONHUMAN.finditer(head)]
    best = max(scores.values(), default=0.0)
    top = max(scores, key=scores.__getitem__, default="other")
    if top in ("systematic_review_meta_analysis", "review_narrative", "guideline_or_opinion") and best >= 1.0:
        return None  # a review or guideline about animal or laboratory research is still a review
    if len(nonhuman) >= 2 and len(nonhuman) > len(_HUMAN.findall(head)) and best < 8.0:
        cues = tuple(dict.fromkeys(nonhuman))[:4]
        return Design("other", 0.8 if best < 2.0 else 0.6, cues, needs_checking=best >= 2.0)
    return None


def _cues_for(design: str, matches: list[_Match]) -> tuple[str, ...]:
    best: dict[str, tuple[float, str]] = {}
    for m in matches:
        key = m.text.strip().lower()
        same = m.design == design or (m.design == "review_any" and design in _REVIEWS)
        if same and m.weight > best.get(key, (0.0, ""))[0]:
            best[key] = (m.weight, m.text.strip())
    return tuple(text for _, text in sorted(best.values(), reverse=True)[:5])


# --- appraisal items ---------------------------------------------------------------------------


def appraise(text: str) -> tuple[AppraisalItem, ...]:
    """sample_size, randomisation, control_group, follow_up and effect_size, each with its sentence.

    Example: ``appraise("We randomly assigned 120 women.")[1].status == "present"``
    """
    sentences = [s for s in _sentences(_strip_references((text or "")[:_MAX_TEXT])) if not _PASSING.search(s)]
    size = _sample_size(sentences)
    items = [AppraisalItem("sample_size", "present", str(size[0]), size[1]) if size else _unknown("sample_size")]
    for name, (present, absent) in _FLAGS.items():
        items.append(_first_flag(name, sentences, ((absent, "absent"), (present, "present"))))
    follow = _follow_up(sentences)
    items.append(AppraisalItem("follow_up", *follow) if follow else _unknown("follow_up"))
    effect = _effect_size(sentences)
    items.append(AppraisalItem("effect_size", "present", *effect) if effect else _unknown("effect_size"))
    return tuple(items)


def stated_sample_size(text: str) -> int | None:
    """The total number of participants the text states (not subgroups, years or percentages).

    Example: ``stated_sample_size("A total of 1,234 women took part.") == 1234``
    """
    found = _sample_size([s for s in _sentences(_strip_references((text or "")[:_MAX_TEXT])) if not _PASSING.search(s)])
    return found[0] if found else None


def _unknown(name: str) -> AppraisalItem:
    return AppraisalItem(name, "unknown", None, None)


def _first_flag(name: str, sentences: list[str], checks: tuple[tuple[LazyPattern, str], ...]) -> AppraisalItem:
    for pattern, status in checks:  # an explicit "non-randomised" / "no control group" wins
        for sentence in sentences:
            m = pattern.search(sentence)
            if m:
                return AppraisalItem(name, status, m.group(0), sentence)
    return _unknown(name)


_FLAGS = {
    "randomisation": (
        _rx(_RAND + r"ed\s+(?:to|into|in|controlled|clinical|trial|double|placebo|,)", r"(?<![\w-])randomly\s+"
            r"(?:assigned|allocated|divided)", _RAND + r"ation", r"random\s+(?:allocation|assignment)",
            r"(?<!not\s)(?:were|was)\s+randomi[sz]ed", r"dirandomisasi", r"\brandomisasi", r"diacak\s+ke",
            r"dialokasikan\s+secara\s+acak", r"uji\s+(?:klinis\s+)?acak", r"alokasi\s+acak", r"pengacakan"),
        _rx(r"non-?randomi[sz]ed", r"not\s+(?:been\s+)?randomi[sz]ed", r"without\s+randomi[sz]ation",
            r"quasi-?experiment\w*", r"tidak\s+diacak", r"tanpa\s+(?:randomisasi|pengacakan)",
            r"kuasi[- ]?eksperimen\w*"),
    ),
    "control_group": (
        _rx(r"control\s+(?:group|arm|condition|participants|diet)", r"placebo", r"usual\s+care",
            r"treatment\s+as\s+usual", r"wait-?\s?list", r"comparison\s+group", r"comparator",
            r"(?:matched|healthy)\s+controls",
            r"kelompok\s+(?:kontrol|pembanding)", r"plasebo", r"layanan\s+biasa", r"daftar\s+tunggu"),
        _rx(r"without\s+(?:a\s+)?(?:control|comparison)\s+group", r"no\s+(?:control|comparison)\s+group",
            r"uncontrolled", r"single[- ](?:group|arm)", r"one[- ]group", r"tanpa\s+kelompok\s+(?:kontrol|pembanding)",
            r"satu\s+kelompok",
            r"tidak\s+(?:ada|menggunakan)\s+kelompok\s+kontrol"),
    ),
}


# --- text and number helpers -------------------------------------------------------------------

_HEADINGS = (r"BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|CONTEXT|DESIGN|SETTING|PARTICIPANTS|SUBJECTS|INTERVENTIONS?|"
             r"METHODS?|RESULTS|FINDINGS|INTERPRETATION|CONCLUSIONS?|MAIN OUTCOME MEASURES?|DATA SOURCES")
_SPLIT = LazyPattern(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])|\s+(?=(?:" + _HEADINGS + r")\b(?![a-z]))")
_REFERENCES = LazyPattern(r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|daftar\s+pustaka|kepustakaan|referensi|"
                         r"literature\s+cited|rujukan)\s*:?\s*$", _I | re.MULTILINE)


def _strip_references(text: str) -> str:
    for m in _REFERENCES.finditer(text):
        if m.start() > len(text) * 0.3:  # a "References" heading early on is a table of contents
            return text[: m.start()]
    return text


def _sentences(text: str) -> list[str]:
    text = re.sub(r"(\w)-\n(?=[a-z])", r"\1", text)  # words hyphenated across PDF lines
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = re.sub(r"\s+", " ", paragraph).strip()
        out.extend(s.strip() for s in _SPLIT.split(flat) if s.strip())
    return out


_EN_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_NUMBERS.update({w: 10 * i for i, w in enumerate(_TENS, 2)})
_ID_NUMBERS = {w: i for i, w in enumerate("nol satu dua tiga empat lima enam tujuh delapan sembilan".split())}
_ID_NUMBERS.update({"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000})
_NUMBER_WORD = "|".join(sorted({*_EN_NUMBERS, *_ID_NUMBERS, "hundred", "thousand", "belas", "puluh", "ratus", "ribu"},
                               key=len, reverse=True))
_NUMBER = LazyPattern(
    r"(?<![\w.,])(\d{1,3}(?:[,.\u2009\u202f\u00a0 ]\d{3})+|\d+)(?![\d]|[.,]\d)"  # 1,234 · 1.234 · 15 315 · 86
    r"|\b((?:(?:" + _NUMBER_WORD + r")(?:[\s-]+(?:and[\s-]+)?(?=(?:" + _NUMBER_WORD + r")\b))?)+)\b"
    r"(?:\s*\((\d+)\))?",  # forty-five · one hundred and seven (107) · dua puluh tujuh
    _I,
)
_PERSON = (r"(?:participants?|patients?|people|persons?|individuals?|subjects?|respondents?|volunteers?|women|woman|"
           r"men|man|males?|females?|girls?|boys?|children|child|adolescents?|youths?|teenagers?|infants?|newborns?|"
           r"neonates?|babies|adults?|students?|pupils?|mothers?|fathers?|parents?|caregivers?|carers?|relatives?|"
           r"famil(?:y|ies)|households?|couples?|dyads?|informants?|interviewees?|workers?|employees?|nurses?|"
           r"physicians?|doctors?|practitioners?|professionals?|clinicians?|teachers?|stakeholders?|veterans?|"
           r"residents?|survivors?|users?|smokers?|twins?|travell?ers?|immigrants?|migrants?|refugees?|elderly|"
           r"members?|clients?|offenders?|prisoners?|victims?|consumers?|athletes?|responden|partisipan|peserta|pasien|"
           r"informan|subjek|orang(?:\s+tua)?|anak|ibu|ayah|remaja|lansia|keluarga|siswa|mahasiswa|balita|bayi|"
           r"pekerja(?:\s+sosial)?|perempuan|laki-laki|pria|wanita|rumah\s+tangga|klien|guru|perawat|"
           r"penyandang\s+disabilitas|dewasa(?:\s+muda)?|pengasuh|korban|warga|penduduk|ekor)\b(?![\s-]+(?:years?|months?)\b)")
_NOT_PEOPLE = LazyPattern(
    r"\b(?:stud(?:y|ies)|trials?|articles?|papers?|reports?|publications?|datasets?|records?|sites?|cent(?:er|re)s?|"
    r"hospitals?|clinics?|practices?|countries|schools?|clusters?|villages?|wards?|episodes?|cases?|controls?|events?|"
    r"deaths?|doses?|items?|questions?|genes?|loci|cells?|interviews?|visits?|sessions?|groups?|studi|artikel|uji|"
    r"sekolah|kelompok|"
    r"desa|kelurahan|kabupaten|provinsi|kasus|kontrol|kali|sesi|pertanyaan)\b", _I)
_COUNTED_THINGS = LazyPattern(r"\b(?:studies|trials|articles|papers|reports|publications|datasets|records|cases|"
                              r"controls|groups|sessions|interviews|studi|artikel|kasus|kelompok)\b", _I)
_UNIT = LazyPattern(r"\s*(?:%|percent|persen|[-–]?\s*(?:decades?|years?|yrs?|y|tahun|months?|mo|bulan|weeks?|wk|"
                   r"minggu|days?|d|hari|hours?|h|jam|min|minutes?|mg|µg|g|kg|ml|l|mmol|cm|mm|m|kcal|times|kali|"
                   r"fold)\b)", _I)
_FUNCTION_WORD = (r"(?:of|on|the|in|at|for|with|from|to|by|who|that|which|were|was|had|have|per|over|among|"
                  r"including|involving|comprising|"
                  r"between|dari|di|ke|"
                  r"yang|pada|untuk|dengan|selama)\b")
_NOUN_AFTER = LazyPattern(r"\)?\s*(?:\([^()]{0,40}\)\s*)?((?:(?!" + _FUNCTION_WORD + r")[A-Za-z][\w'/-]*\s+){0,4}?)"
                         + _PERSON, _I)
_LIST_AFTER = LazyPattern(r"^(?:\s*[A-Za-z][\w-]*){0,4}\s*(?:\([^()]*\))?\s*"
                         r"(?:,|\band\b|\bdan\b|\bversus\b|\bvs\b\.?)\s+"
                         r"(?:(?!(?:aged?|ages|mean|median|usia|berusia|range|comprising|including|of|with|among|"
                         r"whom|consisting)\b)[A-Za-z][\w-]*\s+)?"
                         r"(?:\d{1,3}(?:[,.\u2009\u202f\u00a0 ]\d{3})+|\d+|(?:" + _NUMBER_WORD + r")\b)"
                         r"\s*(?:\([^()]*\)\s*)?"
                         # "149 men and 156 women" is a list; "116 enrolled, 100 were randomised" is not
                         r"(?!(?:were|was|are|is|had|have|did|of|completed|remained|received|underwent|agreed|died|"
                         r"dropped|withdrew|declined|met|left)\b)[A-Za-z]", _I)
_LIST_BEFORE = LazyPattern(r"(?:\d|\b(?:" + _NUMBER_WORD + r"))\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s*"
                          r"(?:\([^()]*\))?\s*(?:,|\band\b|\bdan\b|\bversus\b|\bvs\.?)\s*(?:and\s+)?$", _I)
_SAMPLE_BEFORE = LazyPattern(
    r"(?:sample\s+(?:size\s+)?(?:of|was|were|consisted\s+of|comprised|included)|study\s+population\s+(?:of|consisted\s+of|"
    r"comprised|included)|sampel\s+(?:penelitian\s+)?(?:sebanyak|berjumlah|terdiri\s+(?:atas|dari)|adalah|yaitu)?|"
    r"jumlah\s+(?:sampel|responden|subjek|partisipan|informan)(?:\s+(?:sebanyak|adalah|yaitu|berjumlah))?|"
    r"besar\s+sampel(?:\s+(?:sebanyak|adalah|yaitu))?|subjek\s+penelitian\s+(?:berjumlah|sebanyak))\s*:?\s*$", _I)
_MARKER = (r"(?:a\s+total\s+of|in\s+total|total(?:l?ing)?(?:\s+of)?|altogether|sebanyak|seluruhnya|enrolled|"
           r"recruited|included|including|involving|involved|comprised|comprising|studied|surveyed|interviewed|followed|"
           r"randomi[sz]ed|analy[sz]ed|evaluated|examined|assessed|among|melibatkan|mengikuti|merekrut|terhadap)\s+"
           r"(?:approximately\s+|about\s+|some\s+|nearly\s+|over\s+|the\s+)?$")
_MARKER_BEFORE = LazyPattern(_MARKER, _I)
# Without a person noun after it, only a strong marker makes a number a sample size ("a total of 34 192 Adventists").
_STRONG_MARKER_BEFORE = LazyPattern(r"(?:a\s+total\s+of|in\s+total|total(?:l?ing)?|sebanyak|enrolled|recruited|"
                                   r"randomi[sz]ed)\s+(?:approximately\s+|about\s+|the\s+)?$", _I)
_SCREENING_BEFORE = LazyPattern(r"(?:screened|invited|approached|contacted|eligible|eligibility)\b[^.]{0,30}$", _I)
_BAD_BEFORE = LazyPattern(r"(?:aged?|ages|usia|umur|berusia|mean|median|±|\+/-|[<>≤≥]|\b(?:OR|RR|HR|CI|IK|p)\s*=?|"
                         r"[-–/]|score\s+of|from\s+\d+\s+to|between|since|during|until|type|grade|stage|phase|"
                         r"class|level|step|day|week|wave|round|visit|arm|group|table|figure|fig\.|tipe|tahap|kelas)\s*$",
                         _I)


def _number_value(m: re.Match[str]) -> int | None:
    if m.group(1):
        return int(re.sub(r"\D", "", m.group(1)))
    if m.group(3):
        return int(m.group(3))
    return _words_to_int(m.group(2))


def _words_to_int(phrase: str) -> int | None:
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", phrase.lower()):
        if word in _EN_NUMBERS or word in _ID_NUMBERS:
            current += _EN_NUMBERS.get(word, _ID_NUMBERS.get(word, 0))
        elif word in ("hundred", "ratus"):
            current = max(current, 1) * 100
        elif word == "belas":
            current += 10
        elif word == "puluh":
            current = current * 10 + (0 if current else 10)
        elif word in ("thousand", "ribu"):
            total, current = total + max(current, 1) * 1000, 0
    value = total + current
    return value or None


def _sample_size(sentences: list[str]) -> tuple[int, str] | None:
    """The stated total N and its sentence: an explicit sample phrase, then a lone "N = ", then the largest
    count of people, preferring numbers that are not in a list of subgroups nor a screening pool."""
    lone_n = sum(len(re.findall(r"\b[nN]\s*=\s*\d", s)) for s in sentences) == 1
    best: tuple[int, int, str] | None = None
    for sentence in sentences:
        for m in _NUMBER.finditer(sentence):
            value = _number_value(m)
            tier = _candidate_tier(sentence, m, value, lone_n) if value else None
            if tier is not None and value and (best is None or (tier, value) > best[:2]):
                best = (tier, value, sentence)
    return (best[1], best[2]) if best else None


def _candidate_tier(sentence: str, m: re.Match[str], value: int, lone_n: bool) -> int | None:
    before, after = sentence[max(0, m.start() - 60): m.start()], sentence[m.end(): m.end() + 90]
    if value < 2 or _UNIT.match(after) or re.match(r"\s*(?:\(\s*\d+(?:[.,]\d+)?\s*%|[-–/]\s*\d)", after):
        return None
    if re.search(r"\b[nN]\s*=\s*$", before):
        return 3 if lone_n or re.search(r"total\s+[nN]\s*=\s*$", before, _I) else None
    if after.startswith(")") and not before.endswith("("):
        return None  # "4) patient follow-up": an enumeration
    if _SAMPLE_BEFORE.search(before):
        return 4
    if _BAD_BEFORE.search(before):
        return None
    noun = _NOUN_AFTER.match(after)
    if noun and _COUNTED_THINGS.search(noun.group(1) or ""):  # "12 trials including patients" counts trials
        noun = None
    words_after = " ".join(after.split()[:4])
    if not noun and (not _STRONG_MARKER_BEFORE.search(before) or _NOT_PEOPLE.search(words_after)):
        return None
    if 1900 <= value <= 2100 and not (noun and not noun.group(1)):
        return None  # a year, unless a person noun follows directly
    if not re.search(r"total|sebanyak", before[-25:], _I) and (_LIST_AFTER.match(after) or _LIST_BEFORE.search(before)):
        return None  # "149 men and 156 women": subgroups, the total is not stated
    return 1 if _SCREENING_BEFORE.search(before) else 2


_FU_NUM = (r"(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
           r"satu|dua|tiga|empat|lima|enam|sepuluh)")
_FU_UNIT = r"(years?|yrs?|y|months?|mo|weeks?|wk|days?|tahun|bulan|minggu|hari)\b"
_FOLLOW_UP = (
    LazyPattern(_FU_NUM + r"[\s-]+" + _FU_UNIT + r"[\s-]+follow[\s-]?up", _I),
    LazyPattern(r"follow[\s-]?up(?:\s+(?:period|duration|time))?\s+(?:of|was|for|at|lasted)\s+(?:up\s+to\s+|approximately\s+|"
               r"about\s+|a\s+(?:median|mean)\s+of\s+)?" + _FU_NUM + r"\s*" + _FU_UNIT, _I),
    LazyPattern(r"(?:median|mean|average)\s+(?:duration\s+of\s+)?follow[\s-]?up\s+(?:of\s+|was\s+|time\s+(?:of|was)\s+)?"
               + _FU_NUM + r"\s*" + _FU_UNIT, _I),
    LazyPattern(r"followed\s+(?:up\s+)?(?:for|over)\s+(?:a\s+(?:median|mean|total)\s+of\s+|up\s+to\s+|an\s+average\s+of\s+)?"
               + _FU_NUM + r"\s*" + _FU_UNIT, _I),
    LazyPattern(_FU_NUM + r"\s*" + _FU_UNIT + r"\s+of\s+follow[\s-]?up", _I),
    LazyPattern(r"(?:diikuti|dipantau|tindak\s+lanjut|follow[\s-]?up|pemantauan)\s+(?:selama|hingga|sampai)\s+"
               + _FU_NUM + r"\s*" + _FU_UNIT, _I),
)
_FOLLOW_UP_ABSENT = _rx(r"\bno\s+follow[\s-]?up", r"without\s+(?:a\s+)?follow[\s-]?up",
                        r"tanpa\s+(?:tindak\s+lanjut|follow[\s-]?up)")
_FOLLOW_UP_ANY = _rx(r"\bfollow[\s-]?up\b", r"\btindak\s+lanjut\b", r"\bdiikuti\s+selama\b")


def _follow_up(sentences: list[str]) -> tuple[str, str | None, str] | None:
    for sentence in sentences:
        if _FOLLOW_UP_ABSENT.search(sentence):
            return "absent", None, sentence
        for pattern in _FOLLOW_UP:
            m = pattern.search(sentence)
            if m:
                return "present", f"{m.group(1)} {m.group(2)}", sentence
    for sentence in sentences:
        if _FOLLOW_UP_ANY.search(sentence):
            return "present", None, sentence
    return None


_DEC = r"[-−–]?\d*[.,]\d+"
_EFFECT = (
    LazyPattern(r"\b(?:Cohen'?s\s+)?d\s*=\s*" + _DEC),
    LazyPattern(r"\b(?:Hedges'?\s+)?g\s*=\s*" + _DEC),
    LazyPattern(r"\b(?:adjusted\s+)?a?(?:OR|RR|HR|IRR|SMD|WMD|MD|RD|ARR)s?\b\s*(?:\([^()]{0,30}\)\s*)?[=:,]?\s*"
                + _DEC),
    LazyPattern(r"(?:odds|risk|hazard|rate|prevalence)\s+ratios?\b[^.;]{0,60}?" + _DEC, _I),
    LazyPattern(r"(?:standardi[sz]ed\s+)?mean\s+differences?[^.;]{0,40}?" + _DEC, _I),
    LazyPattern(r"(?:effect\s+sizes?|ukuran\s+efek|selisih\s+rerata)[^.;]{0,40}?" + _DEC, _I),
    LazyPattern(r"\b95\s?%\s?(?:CI|confidence\s+intervals?)|\b(?:IK|CI|KI)\s?95\s?%|selang\s+kepercayaan\s+95\s?%", _I),
)
_CI_TAIL = LazyPattern(r"[^.)]{0,12}?(?:95\s?%\s?(?:CI|confidence\s+intervals?)|(?:IK|CI)\s?95\s?%)[^);]{0,45}\)?", _I)


def _effect_size(sentences: list[str]) -> tuple[str, str] | None:
    for sentence in sentences:
        found = [(m.start(), i, m) for i, pattern in enumerate(_EFFECT) for m in pattern.finditer(sentence)]
        if found:
            _, kind, m = min(found, key=lambda x: x[:2])
            tail = _CI_TAIL.match(sentence, m.end()) if kind < len(_EFFECT) - 1 else None  # last: a bare CI
            end = tail.end() if tail else m.end()
            return sentence[m.start(): end].strip(" ;,("), sentence
    return None
