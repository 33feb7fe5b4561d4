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

from ebp.appraise.finding_cues import ACCOUNT, CLIENT_MOVED_ON, IMPLICATION, STATISTIC, THEMES
from ebp.text import LazyPattern, any_of
from ebp.types import Design

_DOWN = (
    r"(?:reduc\w*|decreas\w*|lower(?:ed)?|fewer|less|declin\w*|drop\w*|fell|shorter|menurun\w*|penurunan|"
    r"berkurang\w*|mengurangi|lebih\s+rendah|lebih\s+sedikit)"
)
_UP = r"(?:increas\w*|higher|more|greater|rais\w*|rose|risen|rising|gain\w*|better|longer|meningkat\w*|peningkatan|" \
      r"bertambah|lebih\s+tinggi|lebih\s+baik|lebih\s+banyak|membaik)"  # fmt: skip
_BAD = (
    r"(?:risks?|odds|hazard|mortality|deaths?|dying|symptoms?|depress\w*|anxi\w*|stress\w*|distress|burden|violence|abuse|"
    r"neglect|maltreatment|reoffend\w*|re-offend\w*|recidiv\w*|offend\w*|crimes?|arrests?|convictions?|suicid\w*|"
    r"self-harm|harm|injur\w*|disease|disorders?|incidence|loneliness|isolation|homeless\w*|evictions?|pain|dementia|"
    r"decline|hospitali[sz]\w*|admissions?|readmissions?|relapses?|dropout|drop-out|absence|absenteeism|bullying|"
    r"victimi[sz]\w*|shootings?|homicides?|obesity|weight|BMI|blood\s+pressure|suspensions?|poverty|complaints?|"
    r"use\s+of\s+force|returns?\s+to\s+homelessness|nights\s+in\s+shelter|absences?|progression|cholesterol|fatigue|exhaustion|burnout|exclusions?|custody|"
    r"erosion|cancer|insomnia|body\s+fat|body\s+mass|stigma|putus\s+obat|pasung\w*|bunuh\s+diri|poorer|"
    r"problems?|difficult\w*|errors?|costs?|debt|arrears|adverse|complications?|use\s+of\s+\w+|drinking|smoking|"
    r"risiko|kematian|gejala|depresi|kecemasan|stres|beban|kekerasan|penelantaran|kekambuhan|putus\s+sekolah|"
    r"perundungan|stunting|kesepian|ketergantungan|masalah|kemiskinan|stigma|isolasi|terisolasi|rasa\s+malu|"
    r"insecurity|hunger|non-?take-?up|non-?compliance|truancy|delinquen\w*|unemployment|overdoses?|discrimination|"
    r"harassment|exploitation|aggression|detention|placement\s+breakdowns?|pengangguran|gizi\s+buruk|kecanduan|"
    r"penyalahgunaan|eksploitasi|diskriminasi|kenakalan|penahanan|pernikahan\s+dini|perkawinan\s+anak)"
)
_GOOD = (
    r"(?:attendance|well-?being|quality\s+of\s+life|adherence|knowledge|skills?|employment|income|earnings|survival|"
    r"recovery|remission|self-efficacy|confidence|satisfaction|support|stability|achievement|literacy|reading|"
    r"numeracy|uptake|enrol\w*|completion|graduation|persistence|retention|resilience|function\w*|cognition|memory|"
    r"mental\s+health|health|telomere\s+length|self-esteem|empathy|"
    r"engagement|participation|compliance|payments?|savings|consumption|assets|attainment|learning|contributions?|"
    r"registrations?|registration\s+rates?|trust|tenancy|kemandirian|"
    r"kualitas\s+hidup|kesejahteraan|pengetahuan|keterampilan|kepatuhan|pendapatan|kehadiran|dukungan|kemandirian|"
    r"kepercayaan\s+diri|efikasi\s+diri|resiliensi|fungsi|prestasi|partisipasi|harga\s+diri|empati|keberanian|"
    r"take-?up|help-?seeking|reunification|permanency|food\s+security|coping|belonging|connectedness|empowerment|"
    r"kesehatan\s+jiwa|ketahanan\s+pangan|rasa\s+aman|pemberdayaan|keberdayaan)"
)
# Ending or reversing a bad thing is good ("smoking cessation improves", "reverse renal bone disease"):
# read as one benefit, and the bad word is not read again by _CHANGE.
_UNDO = re.compile(
    rf"\b(?:{_BAD})\s+cessation\b|\b(?:quitting|stopping|reversed?|reverses|reversing|prevent(?:s|ed|ing)?|"
    rf"mencegah|berhenti)\s+(?:\w+\s+){{0,3}}?(?:{_BAD})\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(rf"\b({_DOWN}|{_UP})\b(?:[^\w,;:]+\w+){{0,6}}?[^\w,;:]+\b({_BAD}|{_GOOD})\b", re.IGNORECASE)
_OUTCOME_FIRST = re.compile(
    rf"\b({_BAD}|{_GOOD})\b(?:[^\w,;:]+(?!(?:and|or|but|while|whereas|with|than|after|dan|atau|dengan)\b)\w+){{0,3}}?"
    rf"[^\w,;:]+\b(?:was|were|is|are|had|fell|rose|became|menjadi)?\s*({_DOWN}|{_UP})\b(?!\s+(?:in|of|on|the|a|an)\b)",
    re.IGNORECASE,
)
_GOOD_WORD = any_of(
    # "benefit" the verdict, not the welfare payment ("benefit sanctions", "the benefit system", "benefit receipt")
    r"\bbenefits?\b(?!\s+(?:system|sanctions?|claim\w*|receipt|recipients?|office|entitlements?|payments?|take-?up|"
    r"levels?|cuts?|caps?|rules|income))",
    r"\b(?:effective|efficacious|beneficial|protective|helpful|succeeded|successful|safe\s+and\s+effective|"
    r"efektif|bermanfaat|berhasil|membantu)\b",
    r"\bpositive\s+(?:effects?|impacts?|results?|outcomes?)\b",
    r"\b(?:were|was)\s+positive\b",
    r"\bfavou?ring\s+(?:the\s+)?(?:intervention|exercise|treatment|programme|program)\b",
    r"\b(?:modest|significant|large|small)\s+(?:\w+\s+)?(?:improvement|benefit)s?\b",
    r"\bshows?\s+promise\b",
    r"\bpromising\b",
    r"\b(?:produced|led\s+to|resulted\s+in|brought)\s+(?:\w+\s+){0,2}(?:improvements?|gains?)\b",
    r"\bimprov(?:e|es|ed|ing|ement|ements)\b(?!\s+(?:\w+\s+){0,2}(?:was|were)\s+(?:not|small|limited))",
    r"\b(?:advantage|benefit)\s+(?:\w+\s+){0,6}?in\s+favou?r\s+of\b",
    r"\b(?:membaik|perbaikan|memperbaiki)\b",
)
_BAD_WORD = any_of(
    r"\b(?:worse|worsen\w*|deteriorat\w*|harmful|detrimental|at\s+the\s+cost\s+of|adverse\s+effects?\s+(?:were|was)\s+more|"
    r"memburuk|merugikan)\b",
    r"\b\d+(?:[.,]\d+)?\s+times\s+(?:more\s+likely|as\s+likely|the\s+(?:rate|risk|odds)|higher|more\s+often)\b",
    r"\bexcess\s+(?:\w+\s+)?(?:deaths|mortality|risk|cases|admissions)\b",
    r"\b(?:risk|odds|rates?)\s+(?:was|were)\s+highest\b",
)
_NULL = any_of(
    r"\b(?:did\s+not|do\s+not|does\s+not|no|not)\s+(?:\w+\s+){0,2}?(?:evidence|find)\b",
    r"\bneither\b[^.;]{0,80}?\b(?:superior|better|different|differ\w*)\b",
    r"\bnot\s+superior\b",
    r"\b(?:unlikely|not\s+likely)\s+to\s+be\s+effective\b",
    r"\bineffective\b",
    r"\b(?:failed|was\s+not\s+enough|were\s+not\s+enough|not\s+sufficient)\s+to\s+(?:improve|reduce|change|move|increase|affect|prevent)\b",
    r"\bequally\s+effective\b",
    r"\binsufficient\s+evidence\b",
    r"\bno\s+(?:\w+\s+){0,2}?(?:difference|differences|effect|effects|association|change|improvement|benefit|impact)\b",
    r"\bdid\s+not\s+(?:\w+\s+)?(?:differ|improve|reduce|change|increase|affect|predict|lower)\b",
    r"\bnot\s+(?:significantly\s+|statistically\s+)?(?:associated|different|effective|related|improved|reduced)\b",
    r"\b(?:was|were)\s+(?:similar|comparable|unchanged)\b",
    r"\b(?:was|were)\s+not\s+(?:significantly\s+)?(?:changed|altered|affected)\b",
    r"\bnon-?significant\b",
    r"\bnull\s+(?:effect|result|finding)\b",
    r"\btidak\s+(?:terdapat|ada)\s+(?:perbedaan|pengaruh|hubungan)\b",
    r"\btidak\s+(?:berpengaruh|signifikan|bermakna|berbeda|efektif)\b",
    # "tidak menurunkan kejadian perkawinan anak": a change that did not happen
    r"\btidak\s+(?:secara\s+(?:signifikan|bermakna)\s+)?(?:menurunkan|meningkatkan|mengurangi|mengubah|memperbaiki|"
    r"berhubungan|berdampak)\b",
)
_CONTRAST = any_of(r"\bbut\b", r"\bhowever\b", r"\bwhereas\b", r"\bwhile\b", r"\balthough\b", r"\bnamun\b",
                   r"\btetapi\b", r"\bsedangkan\b", r"\bin\s+contrast\b")  # fmt: skip
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
    r"\bdeficit\s+of\s+(?:\w+\s+)?(?:deaths|cases|admissions)\b",
)
_RATIO = re.compile(r"\b(?:a?OR|a?HR|RR|IRR)\b\s*[=:(]?\s*(\d+(?:[.,]\d+)?)")
_ASSOCIATED = any_of(r"\bassociated\s+with\b", r"\bberhubungan\b", r"\bhubungan\b", r"\brelated\s+to\b",
                     r"\bpredict\w*\b", r"\bimplicate\w*\b", r"\b(?:more|less|lebih)\s+(?:likely|mungkin)\b",
                     r"\bfaktor\s+risiko\b", r"\brisk\s+factors?\b")  # fmt: skip
# A sentence that advises or interprets ("The findings support routine screening", "… should …") says which way
# the authors lean, not what was found: it is read after the sentences that report.
_ADVICE = any_of(
    r"\b(?:calls?\s+for|disarankan)\b",
    IMPLICATION.pattern,
)
_SIGNIFICANT = any_of(r"\bsignificant\w*\b", r"\bp\s*[<=]\s*0?[.,]0", r"\b95\s*%", r"\bCI\b", r"\bbermakna\b",
                      r"\bsignifikan\b", r"\d\s*%")  # fmt: skip


def direction_of(findings: Sequence[str], design: Design, results: Sequence[str] = ()) -> str:
    """benefit | harm | no_difference | mixed | unclear, from the key-finding sentences (best first) and the
    abstract's results sentences (``results``), read by their own words.

    Sentences that report come before sentences that advise; the first that points somewhere decides, unless
    another reported sentence finds a significant effect the opposite way (then ``mixed``). Only a qualitative
    study's, a guideline's or a laboratory study's label decides by itself (``unclear``), and even then not when
    a finding is a statistic of a change. A case study, a survey and a narrative review are read by their first
    key finding alone (a survey's or review's by its results as well when that finding only advises)."""
    if design not in _ONE_FINDING_DESIGNS:
        texts = list(dict.fromkeys([*findings, *results]))
    elif design is not Design.CASE_STUDY and findings and _ADVICE.search(findings[0]):
        texts = list(dict.fromkeys([*findings[:1], *results]))  # the key finding only advises: the results report
    else:
        texts = list(findings[:1])
    if design in _UNCLEAR_DESIGNS and not any(_SIGNIFICANT.search(t) and _CHANGE.search(t) for t in findings):
        return "unclear"
    read = [(t, _sentence_direction(t)) for t in texts]
    reported = [(t, d) for t, d in read if d != "unclear" and not _ADVICE.search(t)]
    advised = [(t, d) for t, d in read if d != "unclear" and _ADVICE.search(t)]
    if not reported:
        if not advised and design is Design.CASE_STUDY and texts and CLIENT_MOVED_ON.search(texts[0]):
            return "benefit"  # the client back at school, reunified, no longer using: the work helped (GUIDE)
        return advised[0][1] if advised else "unclear"
    first = reported[0][1]
    if first in ("benefit", "harm"):
        opposite = "harm" if first == "benefit" else "benefit"
        if any(d == opposite and _SIGNIFICANT.search(t) for t, d in reported[1:] if t in findings[:2]):
            return "mixed"
    return first


# A case's other sentences tell its history; a survey's or a narrative review's report side associations and
# descriptions. Their key finding alone says which way they point (a descriptive one: ``unclear``).
_ONE_FINDING_DESIGNS = frozenset({Design.CASE_STUDY, Design.CROSS_SECTIONAL, Design.REVIEW_NARRATIVE})
_UNCLEAR_DESIGNS = frozenset({Design.QUALITATIVE, Design.GUIDELINE_OR_OPINION, Design.OTHER, Design.REVIEW_NARRATIVE})
# A prevalence stated for itself, with no comparison: descriptive ("the prevalence of dementia was low").
_PREVALENCE = any_of(r"\b(?:the\s+)?(?:prevalence|proportion)\s+of\b[^.;]{0,80}?\b(?:was|were|is)\b", r"\bprevalensi\b")
_COMPARISON = any_of(r"\b(?:than|compared|versus|vs\.?|group|groups|intervention|dibandingkan|daripada|kelompok)\b")


def _sentence_direction(text: str, design: Design | None = None) -> str:
    if _PREVALENCE.search(text) and not _COMPARISON.search(text):
        return "unclear"
    ratio = _ratio_direction(text)
    if ratio:
        return ratio
    null = _NULL.search(text)
    good, bad = _votes(text)
    changed = good or bad or (_SIGNIFICANT.search(text) and _ANY_CHANGE.search(text))
    if null and changed and _CONTRAST.search(text):
        return "mixed"  # "improved on X, but not on Y"; "not changed in A, while in B it increased significantly"
    # "did not find evidence that fish lowered the risk": the negation decides; but in "greater improvement in
    # wellbeing; self-esteem did not differ" the outcome named first, the primary, does (GUIDE).
    if null and not ((good or bad) and _first_change(text) < null.start()):
        return "no_difference"
    if (good or bad) and _ONLY_SOME.search(text):
        return "mixed"  # "improved balance, albeit only in participants without Alzheimer's": not for everyone studied
    if good and bad:
        return "benefit" if good >= 2 * bad else "harm" if bad >= 2 * good else "mixed"
    if good:
        return "benefit"
    if bad:
        return "harm"
    return "unclear"


_ONLY_SOME = any_of(r"\b(?:albeit|but)\s+only\s+(?:in|among|for)\b", r"\bhanya\s+(?:pada|di\s+antara)\b")
_ANY_CHANGE = re.compile(rf"\b(?:{_DOWN}|{_UP})\b", re.IGNORECASE)


def _first_change(text: str) -> int:
    """Where the sentence's first reading of a change or a verdict starts (its length when there is none)."""
    patterns = (_CHANGE, _OUTCOME_FIRST, _GOOD_WORD, _BAD_WORD, _RISK_UP, _RISK_DOWN)
    found = [m.start() for p in patterns if (m := p.search(text))]
    return min(found, default=len(text))


def changed_outcome(text: str) -> tuple[int, int] | None:
    """Where the outcome that the sentence says changed is named (start, end of its word): "reduced *depressive*
    symptoms", "*stigma* scores fell"; None when no change of a known outcome is read."""
    found = [(m.start(2), m.end(2)) for m in (_CHANGE.search(text),) if m]
    found += [(m.start(1), m.end(1)) for m in (_OUTCOME_FIRST.search(text),) if m]
    return min(found) if found else None


def _votes(text: str) -> tuple[int, int]:
    """(benefit votes, harm votes) of one sentence."""
    undone = len(_UNDO.findall(text))
    text = _UNDO.sub(" ", text)
    good = len(_GOOD_WORD.findall(text)) + len(_RISK_DOWN.findall(text)) + undone
    bad = len(_RISK_UP.findall(text)) + len(_BAD_WORD.findall(text))
    if good or bad:  # a risk statement or a plain verdict says it already
        return good, bad
    changes = list(_CHANGE.finditer(text))
    starts = {m.start() for m in changes}
    for m in changes + list(_OUTCOME_FIRST.finditer(text)):
        if m.re is _OUTCOME_FIRST and m.start(2) in starts:
            continue  # "… and a small reduction in suspensions": the change belongs to what follows it
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


_READING_CUES: dict[str, LazyPattern | re.Pattern[str]] = {
    "null": _NULL, "contrast": _CONTRAST, "sig": _SIGNIFICANT, "assoc": _ASSOCIATED, "adv": _ADVICE,
    "prev": _PREVALENCE, "comp": _COMPARISON, "riskup": _RISK_UP, "riskdown": _RISK_DOWN, "only": _ONLY_SOME,
    "goodw": _GOOD_WORD, "badw": _BAD_WORD, "stat": STATISTIC, "themes": THEMES, "account": ACCOUNT,
    "change": _ANY_CHANGE,
}  # fmt: skip


def reading(text: str) -> dict[str, float]:
    """What the rules read in one sentence, as named features for the learnt direction (``direction_model``): its
    direction, its benefit and harm votes (at most 3 each), the cues that fired, an odds ratio's side."""
    good, bad = _votes(text)
    out = {f"sd={_sentence_direction(text)}": 1.0, "good": float(min(good, 3)), "bad": float(min(bad, 3))}
    out.update({name: 1.0 for name, pattern in _READING_CUES.items() if pattern.search(text)})
    ratio = _ratio_direction(text)
    if ratio:
        out[f"ratio={ratio}"] = 1.0
    if out.get("sd=no_difference") and not good and not bad and "contrast" not in out:
        out["null_only"] = 1.0  # "there was no significant difference in …", and nothing that changed
    return out
