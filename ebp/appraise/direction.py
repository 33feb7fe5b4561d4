"""Which way a finding points, from its own words: benefit, harm, no difference, mixed or unclear.

A change word ("reduced", "meningkatkan", "associated with a higher risk") is read together with the
outcome it changes: fewer depressive symptoms is a benefit, fewer children in school is a harm. A null
result ("no significant difference", "tidak terdapat perbedaan") is ``no_difference``; findings that
point both ways are ``mixed``; qualitative and purely descriptive findings are ``unclear``
(``benchmarks/brief/GUIDE.md``).

Example: ``direction_of(["Home visits reduced loneliness (p = 0.01)."], Design.RCT) == "benefit"``
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebp.text import any_of
from ebp.types import Design

_DOWN = (
    r"(?:reduc\w*|decreas\w*|lower(?:ed)?|fewer|less|declin\w*|drop\w*|fell|shorter|menurun\w*|penurunan|"
    r"berkurang|mengurangi|lebih\s+rendah|lebih\s+sedikit)"
)
_UP = r"(?:increas\w*|improv\w*|higher|more|greater|rais\w*|rose|gain\w*|better|longer|meningkat\w*|peningkatan|" \
      r"bertambah|lebih\s+tinggi|lebih\s+baik|lebih\s+banyak|membaik)"  # fmt: skip
_BAD = (
    r"(?:risks?|odds|hazard|mortality|deaths?|dying|symptoms?|depress\w*|anxi\w*|stress\w*|distress|burden|violence|abuse|"
    r"neglect|maltreatment|reoffend\w*|re-offend\w*|recidiv\w*|offend\w*|crimes?|arrests?|convictions?|suicid\w*|"
    r"self-harm|harm|injur\w*|disease|disorders?|incidence|loneliness|isolation|homeless\w*|evictions?|pain|dementia|"
    r"decline|hospitali[sz]\w*|admissions?|readmissions?|relapses?|dropout|drop-out|absence|absenteeism|bullying|"
    r"victimi[sz]\w*|shootings?|homicides?|obesity|weight|blood\s+pressure|cholesterol|fatigue|exhaustion|burnout|exclusions?|custody|"
    r"erosion|cancer|insomnia|body\s+fat|body\s+mass|stigma|putus\s+obat|pasung\w*|bunuh\s+diri|poorer|"
    r"problems?|difficult\w*|errors?|costs?|debt|arrears|adverse|complications?|use\s+of\s+\w+|drinking|smoking|"
    r"risiko|kematian|gejala|depresi|kecemasan|stres|beban|kekerasan|penelantaran|kekambuhan|putus\s+sekolah|"
    r"perundungan|stunting|kesepian|ketergantungan|masalah)"
)
_GOOD = (
    r"(?:attendance|well-?being|quality\s+of\s+life|adherence|knowledge|skills?|employment|income|earnings|survival|"
    r"recovery|remission|self-efficacy|confidence|satisfaction|support|stability|achievement|literacy|reading|"
    r"numeracy|uptake|enrol\w*|completion|graduation|persistence|retention|resilience|function\w*|cognition|memory|"
    r"mental\s+health|health|telomere\s+length|"
    r"engagement|participation|compliance|payments?|savings|consumption|assets|attainment|learning|"
    r"kualitas\s+hidup|kesejahteraan|pengetahuan|keterampilan|kepatuhan|pendapatan|kehadiran|dukungan|kemandirian|"
    r"kepercayaan\s+diri|efikasi\s+diri|resiliensi|fungsi|prestasi|partisipasi)"
)
# Ending or reversing a bad thing is good ("smoking cessation improves", "reverse renal bone disease"):
# read as one benefit, and the bad word is not read again by _CHANGE.
_UNDO = re.compile(
    rf"\b(?:{_BAD})\s+cessation\b|\b(?:quitting|stopping|reversed?|reverses|reversing|prevent(?:s|ed|ing)?|"
    rf"mencegah|berhenti)\s+(?:\w+\s+){{0,3}}?(?:{_BAD})\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(rf"\b({_DOWN}|{_UP})\b(?:\W+\w+){{0,6}}?\W+\b({_BAD}|{_GOOD})\b", re.IGNORECASE)
_OUTCOME_FIRST = re.compile(
    rf"\b({_BAD}|{_GOOD})\b(?:\W+\w+){{0,5}}?\W+\b(?:was|were|is|are|had|fell|rose|became|menjadi)?\s*({_DOWN}|{_UP})\b",
    re.IGNORECASE,
)
_GOOD_WORD = any_of(
    r"\b(?:effective|efficacious|beneficial|benefits?|protective|helpful|succeeded|successful|safe\s+and\s+effective|"
    r"efektif|bermanfaat|berhasil|membantu)\b",
    r"\bpositive\s+(?:effects?|impacts?|results?|outcomes?)\b",
    r"\b(?:were|was)\s+positive\b",
    r"\bfavou?ring\s+(?:the\s+)?(?:intervention|exercise|treatment|programme|program)\b",
    r"\b(?:modest|significant|large|small)\s+(?:\w+\s+)?(?:improvement|benefit)s?\b",
    r"\bshows?\s+promise\b",
    r"\bpromising\b",
    r"\b(?:produced|led\s+to|resulted\s+in|brought)\s+(?:\w+\s+){0,2}improvements?\b",
)
_NULL = any_of(
    r"\b(?:did\s+not|do\s+not|does\s+not|no|not)\s+(?:\w+\s+){0,2}?(?:evidence|find)\b",
    r"\bneither\b[^.;]{0,80}?\b(?:superior|better|different|differ\w*)\b",
    r"\bnot\s+superior\b",
    r"\bequally\s+effective\b",
    r"\binsufficient\s+evidence\b",
    r"\bno\s+(?:\w+\s+){0,2}?(?:difference|differences|effect|effects|association|change|improvement|benefit|impact)\b",
    r"\bdid\s+not\s+(?:\w+\s+)?(?:differ|improve|reduce|change|increase|affect|predict|lower)\b",
    r"\bnot\s+(?:significantly\s+|statistically\s+)?(?:associated|different|effective|related|improved|reduced)\b",
    r"\b(?:was|were)\s+(?:similar|comparable|unchanged)\b",
    r"\bnon-?significant\b",
    r"\bnull\s+(?:effect|result|finding)\b",
    r"\btidak\s+(?:terdapat|ada)\s+(?:perbedaan|pengaruh|hubungan)\b",
    r"\btidak\s+(?:berpengaruh|signifikan|bermakna|berbeda|efektif)\b",
)
_CONTRAST = any_of(r"\bbut\b", r"\bhowever\b", r"\bwhereas\b", r"\bnamun\b", r"\btetapi\b", r"\bsedangkan\b")
_RISK_UP = any_of(
    r"\b(?:higher|increased|greater|elevated)\s+(?:\w+\s+){0,2}?(?:risk|odds|hazard|rates?|incidence|likelihood)\b",
    r"\brisk\s+factors?\b",
    r"\bassociated\s+with\s+(?:an?\s+)?(?:increased|higher|greater|elevated|more)\b",
    r"\b(?:meningkatkan|peningkatan)\s+risiko\b",
    r"\bfaktor\s+risiko\b",
)
_RISK_DOWN = any_of(
    r"\b(?:lower|reduced|decreased)\s+(?:\w+\s+){0,2}?(?:risk|odds|hazard|rates?|incidence|likelihood)\b",
    r"\bassociated\s+with\s+(?:an?\s+)?(?:reduced|lower|decreased|less|fewer)\b",
    r"\b(?:menurunkan|penurunan)\s+risiko\b",
)
_UNCLEAR_DESIGNS = frozenset({Design.QUALITATIVE, Design.GUIDELINE_OR_OPINION, Design.OTHER})


_RATIO = re.compile(r"\b(?:a?OR|a?HR|RR|IRR)\b\s*[=:(]?\s*(\d+(?:[.,]\d+)?)")
_ASSOCIATED = any_of(r"\bassociated\s+with\b", r"\bberhubungan\b", r"\bhubungan\b", r"\brelated\s+to\b",
                     r"\bpredict\w*\b", r"\bimplicate\w*\b")  # fmt: skip
_OBSERVATIONAL = frozenset({Design.CASE_CONTROL, Design.COHORT, Design.CROSS_SECTIONAL})


def direction_of(findings: Sequence[str], design: Design) -> str:
    """benefit | harm | no_difference | mixed | unclear, from the key-finding sentences (the first that says
    something decides) and the study design."""
    if design in _UNCLEAR_DESIGNS:
        return "unclear"
    for text in findings:
        found = _sentence_direction(text, design)
        if found != "unclear":
            return found
    return "unclear"


def _sentence_direction(text: str, design: Design) -> str:
    if design in _OBSERVATIONAL:
        ratio = _ratio_direction(text)
        if ratio:
            return ratio
    null = bool(_NULL.search(text))
    good, bad = _votes(text)
    if null and (good or bad) and _CONTRAST.search(text):
        return "mixed"  # "improved on X, but not on Y"
    if null:
        return "no_difference"  # "did not find evidence that fish lowered the risk": the negation decides
    if good and bad:
        return "benefit" if good >= 2 * bad else "harm" if bad >= 2 * good else "mixed"
    if good:
        return "benefit"
    if bad:
        return "harm"
    return "unclear"


def _votes(text: str) -> tuple[int, int]:
    """(benefit votes, harm votes) of one sentence."""
    undone = len(_UNDO.findall(text))
    text = _UNDO.sub(" ", text)
    good = len(_GOOD_WORD.findall(text)) + len(_RISK_DOWN.findall(text)) + undone
    bad = len(_RISK_UP.findall(text))
    if good or bad:  # a risk statement or a plain verdict says it already
        return good, bad
    for m in list(_CHANGE.finditer(text)) + list(_OUTCOME_FIRST.finditer(text)):
        change, outcome = (m.group(1), m.group(2)) if m.re is _CHANGE else (m.group(2), m.group(1))
        down = re.fullmatch(_DOWN, change, re.IGNORECASE) is not None
        bad_outcome = re.fullmatch(_BAD, outcome, re.IGNORECASE) is not None
        if down == bad_outcome:
            good += 1
        else:
            bad += 1
    return good, bad


def _ratio_direction(text: str) -> str | None:
    """Odds or hazard ratios of an association all above 1: harmful exposure; all below 1: protective."""
    if not _ASSOCIATED.search(text):
        return None
    ratios = [float(v.replace(",", ".")) for v in _RATIO.findall(text)]
    if ratios and all(r > 1 for r in ratios):
        return "harm"
    if ratios and all(r < 1 for r in ratios):
        return "benefit"
    return None
