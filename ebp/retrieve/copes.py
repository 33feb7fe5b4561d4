"""COPES: turn a practitioner's case description into a searchable practice question.

Client, Option, comparison (Pembanding), Expected outcome and the question type, found by rules in
English or Indonesian. Pure and forgiving: any text gives an answer, and a part that is not found is
an empty string, so the search stage can fall back to the plain case text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebp.text import LazyPattern
from ebp.types import DESIGNS

QUESTION_TYPES = ("effectiveness", "prevention", "assessment", "description", "risk")
_MAX_CHARS = 20000  # a case is a paragraph or two; longer input is cut rather than scanned


@dataclass(frozen=True)
class Copes:
    client: str  # who, with the problem when stated: "14-year-old girl who self-harms"
    option: str  # the intervention considered: "cognitive behavioural therapy", "konseling kelompok"
    comparison: str  # what it is weighed against; "usual care" / "layanan biasa" when an option has none
    expected_outcome: str  # "reduce self-harm", "meningkatkan kepercayaan diri"
    question_type: str  # one of QUESTION_TYPES, or "" when the text gives no clue


_AGE_EN = LazyPattern(
    r"\b\d{1,3}[- ]years?[- ]old\s+(?:[a-z]+\s+){0,2}?(?:girl|boy|woman|man|child|mother|father|"
    r"widow|widower|adolescent|teenager|student|person|patient|client|grandmother|grandfather|son|"
    r"daughter)\b",
    re.IGNORECASE,
)
_AGE_ID = LazyPattern(
    r"\b(?:anak|remaja|ibu|ayah|perempuan|laki-laki|pria|wanita|lansia|nenek|kakek|klien|siswa|siswi|"
    r"mahasiswa|janda|buruh|pekerja|bapak|gadis)\b(?:\s+[a-z-]+){0,3}?\s+(?:berusia|berumur|usia|umur)\s+"
    r"\d{1,3}\s+tahun",
    re.IGNORECASE,
)
_WHO = LazyPattern(
    r"\b(?:older\s+(?:adults?|people|persons?|man|woman|men|women)|elderly\s+(?:man|woman|people|person|parents?)|"
    r"single\s+(?:mothers?|fathers?|parents?)|housewi(?:fe|ves)|caregivers?|carers?|teenagers?|adolescents?|"
    r"young\s+(?:people|adults?|person)|youths?|children|child|students?|refugees?|migrants?|veterans?|widows?|"
    r"famil(?:y|ies)|parents?|mothers?|fathers?|women|woman|girls?|boys?|men|man|survivors?|victims?|"
    r"(?:clients?|klien)(?!\s+(?:is|was|has|had|adalah|ialah|merupakan)\b)|"
    r"people\s+with\s+\w+|ibu\s+rumah\s+tangga|lanjut\s+usia|lansia|anak(?:-anak)?(?:\s+jalanan)?|remaja|perempuan|"
    r"ibu\s+tunggal|ibu|ayah|bapak|nenek|kakek|pria|wanita|laki-laki|gadis|orang\s+tua|keluarga|penyandang\s+disabilitas|korban|pekerja\s+migran|buruh|siswa|mahasiswa|"
    r"janda|suami|istri|balita|bayi|ODGJ|orang\s+dengan\s+gangguan\s+jiwa|pengguna\s+napza)\b"
    # "child neglect", "child protection": the child is the topic, not the client
    r"(?!\s+(?:neglect|abuse|marriage|labou?r|protection|care|welfare|development|trafficking|rights|services?|support|"
    r"therapy|interventions?|programm?e?s?|training|counsel\w*|based)\b)",
    re.IGNORECASE,
)
_PROBLEM = LazyPattern(  # used with .match() right after the person: "... who self-harms", "... yang mengalami KDRT"
    r"[^.;?!]{0,40}?\b(?:with|who|that|living|experiencing|suffering\s+from|affected\s+by|diagnosed\s+with|"
    r"at\s+risk\s+of|after|following|since|dengan|yang|mengalami|menderita|korban|terdampak|berisiko|setelah|sejak|"
    r"tinggal)\b\s+[^.;?!,]{3,80}",
    re.IGNORECASE,
)
_NAMED_OPTION = LazyPattern(
    r"\b(?:trauma-focused\s+(?:cognitive[- ]behaviou?ral\s+therapy|CBT)|TF-CBT|cognitive[- ]behaviou?ral\s+therapy|CBT|"
    r"motivational\s+interviewing|mindfulness(?:-based\s+\w+)?|parenting\s+(?:programmes?|programs?|interventions?|"
    r"training|support|classes)|parent\s+training|home\s+visit(?:ing|s)?|case\s+management|family\s+therapy|"
    r"group\s+therapy|psycho-?education|peer\s+support|support\s+groups?|cash\s+transfers?|microfinance|mentoring|"
    r"play\s+therapy|art\s+therapy|music\s+therapy|narrative\s+therapy|problem[- ]solving\s+therapy|"
    r"multisystemic\s+therapy|dukungan\s+sebaya|kelompok\s+dukungan|bantuan\s+tunai|kunjungan\s+rumah|"
    r"manajemen\s+kasus|terapi\s+kognitif\s+perilaku|psikoedukasi(?:\s+keluarga)?)\b",
    re.IGNORECASE,
)
_ID_STOP = (
    r"untuk|agar|supaya|dalam|pada|bagi|dibandingkan|daripada|atau|dan|yang|dengan|apakah|apa|mana|lebih|"
    r"sehingga|karena|di|ke|dari|ini|itu|tersebut|efektif|bermanfaat|berguna|membantu|bisa|dapat|seperti|cocok"
)
_ID_OPTION = LazyPattern(
    r"\b(?:(?:terapi|konseling|pendampingan|pelatihan|rehabilitasi|parenting)\b"
    r"(?:\s+(?!(?:" + _ID_STOP + r")\b)[a-z-]+){0,3}|(?:intervensi|program)"
    r"(?:\s+(?!(?:" + _ID_STOP + r")\b)[a-z-]+){1,3})",
    re.IGNORECASE,
)
_EN_OPTION = LazyPattern(
    r"(?:\b(?!(?:a|an|the|this|that|of|for|to|in|on|with|and|or|which|what|whether|does|do|"
    r"is|are|would|could|should|best|effective|any|some|her|his|their|our|my)\b)[a-z-]+\s+){1,2}"
    r"\b(?:therapy|intervention|programme|program|training|counsel+ing|treatment|support)\b"
    r"|\b(?:therapy|counsel+ing)\b",
    re.IGNORECASE,
)
_COMPARISON = LazyPattern(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|rather\s+than|instead\s+of|"
    r"dibandingkan(?:\s+dengan)?|daripada)\s+([^.;?!,]{3,60})",
    re.IGNORECASE,
)
_OUTCOME = LazyPattern(
    r"\b(?:to|would|could|will|can|may|might|helps?|in\s+order\s+to|so\s+as\s+to|untuk|agar|supaya|guna|dapat|bisa)\s+"
    r"(?:(?:we|i|they|she|he|it|kami|saya|kita|ia|dia)\s+)?"
    r"((?:reduce|decrease|lower|prevent|improve|increase|enhance|promote|strengthen|stop|avoid|cope\s+with|manage|"
    r"maintain|restore|rebuild|mengurangi|menurunkan|meningkatkan|mencegah|memperbaiki|menghentikan|mengatasi|"
    r"memulihkan|memperkuat|mengembalikan|membangun)\b\s+[^.;?!]{2,80})",
    re.IGNORECASE,
)
_OUTCOME_VERB = LazyPattern(  # the same verbs without "to"/"untuk": "would a cash transfer improve attendance?"
    r"\b((?:reduce|decrease|lower|prevent|improve|increase|enhance|strengthen|mengurangi|menurunkan|meningkatkan|"
    r"mencegah|memperbaiki|mengatasi|memulihkan|memperkuat)\b\s+[^.;?!]{2,80})",
    re.IGNORECASE,
)
_STOP_AFTER = LazyPattern(
    r"\s+\b(?:compared|versus|vs\.?|than|rather|instead|dibandingkan|daripada|or|atau|"
    r"and\s+(?:whether|what|how)|while|because|karena|sedangkan|namun|but|untuk|agar|supaya|to|for)"
    r"\b.*$",
    re.IGNORECASE,
)
_QUESTION_CUES = {
    "risk": (
        1.0,
        LazyPattern(
            r"\b(?:risks?|risk\s+factors?|likely|likelihood|predict\w*|prognos\w*|faktor\s+risiko|"
            r"berisiko|risiko|kemungkinan|memprediksi)\b",
            re.IGNORECASE,
        ),
    ),
    "prevention": (2.0, LazyPattern(r"\b(?:prevent\w*|pencegahan|mencegah|menghindari|preventif)\b", re.IGNORECASE)),
    "assessment": (
        1.5,
        LazyPattern(
            r"\b(?:assess\w*|screen\w*|measur\w*|instruments?|tools?|scales?|diagnos\w*|"
            r"detect\w*|asesmen|skrining|penapisan|alat\s+ukur|instrumen|mengukur|mendeteksi|"
            r"menilai)\b",
            re.IGNORECASE,
        ),
    ),
    "description": (
        1.0,
        LazyPattern(
            r"\b(?:experiences?|experienced|perceptions?|perceive\w*|feelings?|meanings?|"
            r"views|what\s+is\s+it\s+like|lived|pengalaman|persepsi|makna|perasaan|pandangan|"
            r"memahami)\b",
            re.IGNORECASE,
        ),
    ),
    "effectiveness": (
        1.0,
        LazyPattern(
            r"\b(?:effective\w*|efficacy|works?|helps?|improve\w*|reduc\w*|better|best|"
            r"impact|efektif\w*|efektivitas|pengaruh|dampak|membantu|mengurangi|menurunkan|"
            r"meningkatkan)\b",
            re.IGNORECASE,
        ),
    ),
}
_ID_WORDS = LazyPattern(
    r"\b(?:yang|dan|dengan|untuk|di|ini|tidak|anak|ibu|seorang|mengalami|karena|dari|pada|apakah|"
    r"atau|dapat|bisa|akan|sering|sudah|belum|juga|sangat|berbasis|korban|remaja|lansia|"
    r"bagaimana)\b",
    re.IGNORECASE,
)
_EN_WORDS = LazyPattern(
    r"\b(?:the|and|with|for|of|is|she|he|who|has|her|his|a|to|what|would|does|can|how)\b", re.IGNORECASE
)
_BOOSTS: dict[str, dict[str, float]] = {
    "effectiveness": {"systematic_review_meta_analysis": 1.15, "rct": 1.15, "quasi_experimental": 1.08},
    "prevention": {"systematic_review_meta_analysis": 1.15, "rct": 1.12, "quasi_experimental": 1.06, "cohort": 1.06},
    "assessment": {"cross_sectional": 1.12, "systematic_review_meta_analysis": 1.08, "cohort": 1.05},
    "description": {
        "qualitative": 1.15,
        "cross_sectional": 1.06,
        "case_study": 1.05,
        "systematic_review_meta_analysis": 1.05,
    },
    "risk": {"cohort": 1.15, "case_control": 1.12, "systematic_review_meta_analysis": 1.08, "cross_sectional": 1.04},
}
# Every boosted design must be a known design: a typo here would silently boost nothing.
if not all(design in DESIGNS for boosts in _BOOSTS.values() for design in boosts):  # pragma: no cover
    raise RuntimeError("design_boost names an unknown design")


def copes(case_text: str) -> Copes:
    """The COPES parts of a case description; never raises, whatever the input.

    Example: ``copes("Seorang ibu rumah tangga mengalami KDRT. Apakah konseling kelompok efektif untuk
    menurunkan depresi?").option == "konseling kelompok"``
    """
    text = re.sub(r"\s+", " ", str(case_text or ""))[:_MAX_CHARS].strip()
    if not text:
        return Copes("", "", "", "", "")
    option = _option(text)
    comparison = _phrase(_COMPARISON.search(text))
    if option and not comparison:
        comparison = "layanan biasa" if _is_indonesian(text) else "usual care"
    outcome = _phrase(_OUTCOME.search(text) or _OUTCOME_VERB.search(text))
    return Copes(_client(text), option, comparison, outcome, _question_type(text, bool(option)))


def design_boost(question_type: str) -> dict[str, float]:
    """Small multiplicative boosts for the designs that answer a question type best (1.0 = no change).

    Example: ``design_boost("risk")["cohort"] > 1.0``; ``design_boost("") == {}``
    """
    if question_type and question_type not in QUESTION_TYPES:
        raise ValueError(f"unknown question type {question_type!r}; expected one of {QUESTION_TYPES}")
    return dict(_BOOSTS.get(question_type, {}))


def _client(text: str) -> str:
    who = _AGE_EN.search(text) or _AGE_ID.search(text) or _WHO.search(text)
    if who is None:
        return ""
    problem = _PROBLEM.match(text, who.end())
    end = problem.end() if problem else who.end()
    return _trim(text[who.start() : end], 15)


def _option(text: str) -> str:
    named = _NAMED_OPTION.search(text)
    if named:
        return named.group(0)
    found = [m for m in (_ID_OPTION.search(text), _EN_OPTION.search(text)) if m]
    if not found:
        return ""
    return _trim(min(found, key=lambda m: m.start()).group(0), 5)


def _phrase(m: re.Match[str] | None) -> str:
    if m is None:
        return ""
    return _trim(_STOP_AFTER.sub("", m.group(1)), 10)


def _question_type(text: str, has_option: bool) -> str:
    scores = {kind: weight * len(pattern.findall(text)) for kind, (weight, pattern) in _QUESTION_CUES.items()}
    if has_option:
        scores["effectiveness"] += 1.5
    best = max(QUESTION_TYPES, key=lambda kind: scores[kind])  # ties keep QUESTION_TYPES order
    return best if scores[best] > 0 else ""


def _is_indonesian(text: str) -> bool:
    indonesian = len(_ID_WORDS.findall(text))
    return indonesian > 0 and indonesian >= len(_EN_WORDS.findall(text))


def _trim(phrase: str, max_words: int) -> str:
    words = phrase.strip(" ,;:-").split()
    return " ".join(words[:max_words]).rstrip(" ,;:-?")
