"""The first sample-size rules (2026-11), kept as prior knowledge: their verdict on each number is a
feature of the trained candidate ranking in ``ebp.appraise.sample``.

Tiers: 4 an explicit sample phrase ("sample of", "sebanyak"), 3 a lone "n =", 2 a count of people,
1 a count of people in a screening pool; None: not a sample size by these rules.
"""

from __future__ import annotations

import re

from ebp.text import LazyPattern

_EN_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_NUMBERS.update({w: 10 * i for i, w in enumerate(_TENS, 2)})
_ID_NUMBERS = {w: i for i, w in enumerate("nol satu dua tiga empat lima enam tujuh delapan sembilan".split())}
_ID_NUMBERS.update({"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000})
_NUMBER_WORD = "|".join(
    sorted(
        {*_EN_NUMBERS, *_ID_NUMBERS, "hundred", "thousand", "belas", "puluh", "ratus", "ribu"}, key=len, reverse=True
    )
)
_PERSON = (
    r"(?:participants?|patients?|people|persons?|individuals?|subjects?|respondents?|volunteers?|women|woman|"
    r"men|man|males?|females?|girls?|boys?|children|child|adolescents?|youths?|teenagers?|infants?|newborns?|"
    r"neonates?|babies|adults?|students?|pupils?|mothers?|fathers?|parents?|caregivers?|carers?|relatives?|"
    r"famil(?:y|ies)|households?|couples?|dyads?|informants?|interviewees?|workers?|employees?|nurses?|"
    r"physicians?|doctors?|practitioners?|professionals?|clinicians?|teachers?|stakeholders?|veterans?|"
    r"residents?|survivors?|users?|smokers?|twins?|travell?ers?|immigrants?|migrants?|refugees?|elderly|"
    r"members?|clients?|offenders?|prisoners?|victims?|consumers?|athletes?|responden|partisipan|peserta|pasien|"
    r"informan|subjek|orang(?:\s+tua)?|anak|ibu|ayah|remaja|lansia|keluarga|siswa|mahasiswa|balita|bayi|"
    r"pekerja(?:\s+sosial)?|perempuan|laki-laki|pria|wanita|rumah\s+tangga|klien|guru|perawat|"
    r"penyandang\s+disabilitas|dewasa(?:\s+muda)?|pengasuh|korban|warga|penduduk|ekor)\b(?![\s-]+(?:years?|months?)\b)"
)
_NOT_PEOPLE = LazyPattern(
    r"\b(?:stud(?:y|ies)|trials?|articles?|papers?|reports?|publications?|datasets?|records?|sites?|cent(?:er|re)s?|"
    r"hospitals?|clinics?|practices?|countries|schools?|clusters?|villages?|wards?|episodes?|cases?|controls?|events?|"
    r"deaths?|doses?|items?|questions?|genes?|loci|cells?|interviews?|visits?|sessions?|groups?|studi|artikel|uji|"
    r"sekolah|kelompok|"
    r"desa|kelurahan|kabupaten|provinsi|kasus|kontrol|kali|sesi|pertanyaan)\b",
    re.IGNORECASE,
)
_COUNTED_THINGS = LazyPattern(
    r"\b(?:studies|trials|articles|papers|reports|publications|datasets|records|cases|"
    r"controls|groups|sessions|interviews|studi|artikel|kasus|kelompok)\b",
    re.IGNORECASE,
)
_UNIT = LazyPattern(
    r"\s*(?:%|percent|persen|[-–]?\s*(?:decades?|years?|yrs?|y|tahun|months?|mo|bulan|weeks?|wk|"
    r"minggu|days?|d|hari|hours?|h|jam|min|minutes?|mg|µg|g|kg|ml|l|mmol|cm|mm|m|kcal|times|kali|"
    r"fold)\b)",
    re.IGNORECASE,
)
_FUNCTION_WORD = (
    r"(?:of|on|the|in|at|for|with|from|to|by|who|that|which|were|was|had|have|per|over|among|"
    r"including|involving|comprising|"
    r"between|dari|di|ke|"
    r"yang|pada|untuk|dengan|selama)\b"
)
_NOUN_AFTER = LazyPattern(
    r"\)?\s*(?:\([^()]{0,40}\)\s*)?((?:(?!" + _FUNCTION_WORD + r")[A-Za-z][\w'/-]*\s+){0,4}?)" + _PERSON, re.IGNORECASE
)
_LIST_AFTER = LazyPattern(
    r"^(?:\s*[A-Za-z][\w-]*){0,4}\s*(?:\([^()]*\))?\s*"
    r"(?:,|\band\b|\bdan\b|\bversus\b|\bvs\b\.?)\s+"
    r"(?:(?!(?:aged?|ages|mean|median|usia|berusia|range|comprising|including|of|with|among|"
    r"whom|consisting)\b)[A-Za-z][\w-]*\s+)?"
    r"(?:\d{1,3}(?:[,.\u2009\u202f\u00a0 ]\d{3})+|\d+|(?:" + _NUMBER_WORD + r")\b)"
    r"\s*(?:\([^()]*\)\s*)?"
    # "149 men and 156 women" is a list; "116 enrolled, 100 were randomised" is not
    r"(?!(?:were|was|are|is|had|have|did|of|completed|remained|received|underwent|agreed|died|"
    r"dropped|withdrew|declined|met|left)\b)[A-Za-z]",
    re.IGNORECASE,
)
_LIST_BEFORE = LazyPattern(
    r"(?:\d|\b(?:" + _NUMBER_WORD + r"))\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s*"
    r"(?:\([^()]*\))?\s*(?:,|\band\b|\bdan\b|\bversus\b|\bvs\.?)\s*(?:and\s+)?$",
    re.IGNORECASE,
)
_SAMPLE_BEFORE = LazyPattern(
    r"(?:sample\s+(?:size\s+)?(?:of|was|were|consisted\s+of|comprised|included)|study\s+population\s+(?:of|consisted\s+of|"
    r"comprised|included)|sampel\s+(?:penelitian\s+)?(?:sebanyak|berjumlah|terdiri\s+(?:atas|dari)|adalah|yaitu)?|"
    r"jumlah\s+(?:sampel|responden|subjek|partisipan|informan)(?:\s+(?:sebanyak|adalah|yaitu|berjumlah))?|"
    r"besar\s+sampel(?:\s+(?:sebanyak|adalah|yaitu))?|subjek\s+penelitian\s+(?:berjumlah|sebanyak))\s*:?\s*$",
    re.IGNORECASE,
)
_MARKER = (
    r"(?:a\s+total\s+of|in\s+total|total(?:l?ing)?(?:\s+of)?|altogether|sebanyak|seluruhnya|enrolled|"
    r"recruited|included|including|involving|involved|comprised|comprising|studied|surveyed|interviewed|followed|"
    r"randomi[sz]ed|analy[sz]ed|evaluated|examined|assessed|among|melibatkan|mengikuti|merekrut|terhadap)\s+"
    r"(?:approximately\s+|about\s+|some\s+|nearly\s+|over\s+|the\s+)?$"
)
_MARKER_BEFORE = LazyPattern(_MARKER, re.IGNORECASE)
# Without a person noun after it, only a strong marker makes a number a sample size ("a total of 34 192 Adventists").
_STRONG_MARKER_BEFORE = LazyPattern(
    r"(?:a\s+total\s+of|in\s+total|total(?:l?ing)?|sebanyak|enrolled|recruited|"
    r"randomi[sz]ed)\s+(?:approximately\s+|about\s+|the\s+)?$",
    re.IGNORECASE,
)
_SCREENING_BEFORE = LazyPattern(
    r"(?:screened|invited|approached|contacted|eligible|eligibility)\b[^.]{0,30}$", re.IGNORECASE
)
_BAD_BEFORE = LazyPattern(
    r"(?:aged?|ages|usia|umur|berusia|mean|median|±|\+/-|[<>≤≥]|\b(?:OR|RR|HR|CI|IK|p)\s*=?|"
    r"[-–/]|score\s+of|from\s+\d+\s+to|between|since|during|until|type|grade|stage|phase|"
    r"class|level|step|day|week|wave|round|visit|arm|group|table|figure|fig\.|tipe|tahap|kelas)\s*$",
    re.IGNORECASE,
)


def rule_tier(sentence: str, start: int, end: int, value: int, lone_n: bool) -> int | None:
    """The first rules' verdict on a number: None (not a sample size) or a tier, higher is likelier (2026-11)."""
    before, after = sentence[max(0, start - 60) : start], sentence[end : end + 90]
    if value < 2 or _UNIT.match(after) or re.match(r"\s*(?:\(\s*\d+(?:[.,]\d+)?\s*%|[-–/]\s*\d)", after):
        return None
    if re.search(r"\b[nN]\s*=\s*$", before):
        return 3 if lone_n or re.search(r"total\s+[nN]\s*=\s*$", before, re.IGNORECASE) else None
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
    if 1900 <= value <= 2100 and (
        not (noun and not noun.group(1)) or before.rstrip().endswith(",") or after.lstrip()[:1].isupper()
    ):
        return None  # a year ("Journal, 2023 Social workers …"), unless a person noun follows directly
    if not re.search(r"total|sebanyak", before[-25:], re.IGNORECASE) and (
        _LIST_AFTER.match(after) or _LIST_BEFORE.search(before)
    ):
        return None  # "149 men and 156 women": subgroups, the total is not stated
    return 1 if _SCREENING_BEFORE.search(before) else 2
