"""Appraisal items: the facts a practitioner checks first in a study, with the sentence each came from.

Sample size, randomisation, control group, follow-up and effect size; pure functions over text, English and
Indonesian, rules only (see ebp.appraise for the study design).
"""

from __future__ import annotations

import re

from ebp.appraise.context import PASSING_MENTION, RANDOMISED
from ebp.text import LazyPattern, any_of, sentences, strip_references
from ebp.types import AppraisalItem

_MAX_TEXT = 200_000  # characters read by appraise(): a long paper's opening is where its design and N are


def _own_sentences(text: str) -> list[str]:
    """The text's sentences without its reference list and without passing mentions of other studies."""
    return [s for s in sentences(strip_references((text or "")[:_MAX_TEXT])) if not PASSING_MENTION.search(s)]


def appraise(text: str) -> tuple[AppraisalItem, ...]:
    """sample_size, randomisation, control_group, follow_up and effect_size, each with its sentence.

    Example: ``appraise("We randomly assigned 120 women.")[1].status == "present"``
    """
    own = _own_sentences(text)
    size = _sample_size(own)
    items = [AppraisalItem("sample_size", "present", str(size[0]), size[1]) if size else _unknown("sample_size")]
    for name, (present, absent) in _FLAGS.items():
        items.append(_first_flag(name, own, ((absent, "absent"), (present, "present"))))
    follow = _follow_up(own)
    items.append(AppraisalItem("follow_up", *follow) if follow else _unknown("follow_up"))
    effect = _effect_size(own)
    items.append(AppraisalItem("effect_size", "present", *effect) if effect else _unknown("effect_size"))
    return tuple(items)


def stated_sample_size(text: str) -> int | None:
    """The total number of participants the text states (not subgroups, years or percentages).

    Example: ``stated_sample_size("A total of 1,234 women took part.") == 1234``
    """
    found = _sample_size(_own_sentences(text))
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
        any_of(
            RANDOMISED + r"ed\s+(?:to|into|in|controlled|clinical|trial|double|placebo|,)",
            r"(?<![\w-])randomly\s+"
            r"(?:assigned|allocated|divided)",
            RANDOMISED + r"ation",
            r"random\s+(?:allocation|assignment)",
            r"(?<!not\s)(?:were|was)\s+randomi[sz]ed",
            r"dirandomisasi",
            r"\brandomisasi",
            r"diacak\s+ke",
            r"dialokasikan\s+secara\s+acak",
            r"uji\s+(?:klinis\s+)?acak",
            r"alokasi\s+acak",
            r"pengacakan",
        ),
        any_of(
            r"non-?randomi[sz]ed",
            r"not\s+(?:been\s+)?randomi[sz]ed",
            r"without\s+randomi[sz]ation",
            r"quasi-?experiment\w*",
            r"tidak\s+diacak",
            r"tanpa\s+(?:randomisasi|pengacakan)",
            r"kuasi[- ]?eksperimen\w*",
        ),
    ),
    "control_group": (
        any_of(
            r"control\s+(?:group|arm|condition|participants|diet)",
            r"placebo",
            r"usual\s+care",
            r"treatment\s+as\s+usual",
            r"wait-?\s?list",
            r"comparison\s+group",
            r"comparator",
            r"(?:matched|healthy)\s+controls",
            r"kelompok\s+(?:kontrol|pembanding)",
            r"plasebo",
            r"layanan\s+biasa",
            r"daftar\s+tunggu",
        ),
        any_of(
            r"without\s+(?:a\s+)?(?:control|comparison)\s+group",
            r"no\s+(?:control|comparison)\s+group",
            r"uncontrolled",
            r"single[- ](?:group|arm)",
            r"one[- ]group",
            r"tanpa\s+kelompok\s+(?:kontrol|pembanding)",
            r"satu\s+kelompok",
            r"tidak\s+(?:ada|menggunakan)\s+kelompok\s+kontrol",
        ),
    ),
}


# --- number helpers -------------------------------------------------------------------------------

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
_NUMBER = LazyPattern(
    r"(?<![\w.,])(\d{1,3}(?:[,.\u2009\u202f\u00a0 ]\d{3})+|\d+)(?![\d]|[.,]\d)"  # 1,234 · 1.234 · 15 315 · 86
    r"|\b((?:(?:" + _NUMBER_WORD + r")(?:[\s-]+(?:and[\s-]+)?(?=(?:" + _NUMBER_WORD + r")\b))?)+)\b"
    r"(?:\s*\((\d+)\))?",  # forty-five · one hundred and seven (107) · dua puluh tujuh
    re.IGNORECASE,
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
    before, after = sentence[max(0, m.start() - 60) : m.start()], sentence[m.end() : m.end() + 90]
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


_FU_NUM = (
    r"(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"satu|dua|tiga|empat|lima|enam|sepuluh)"
)
_FU_UNIT = r"(years?|yrs?|y|months?|mo|weeks?|wk|days?|tahun|bulan|minggu|hari)\b"
_FOLLOW_UP = (
    LazyPattern(_FU_NUM + r"[\s-]+" + _FU_UNIT + r"[\s-]+follow[\s-]?up", re.IGNORECASE),
    LazyPattern(
        r"follow[\s-]?up(?:\s+(?:period|duration|time))?\s+(?:of|was|for|at|lasted)\s+(?:up\s+to\s+|approximately\s+|"
        r"about\s+|a\s+(?:median|mean)\s+of\s+)?" + _FU_NUM + r"\s*" + _FU_UNIT,
        re.IGNORECASE,
    ),
    LazyPattern(
        r"(?:median|mean|average)\s+(?:duration\s+of\s+)?follow[\s-]?up\s+(?:of\s+|was\s+|time\s+(?:of|was)\s+)?"
        + _FU_NUM
        + r"\s*"
        + _FU_UNIT,
        re.IGNORECASE,
    ),
    LazyPattern(
        r"followed\s+(?:up\s+)?(?:for|over)\s+(?:a\s+(?:median|mean|total)\s+of\s+|up\s+to\s+|an\s+average\s+of\s+)?"
        + _FU_NUM
        + r"\s*"
        + _FU_UNIT,
        re.IGNORECASE,
    ),
    LazyPattern(_FU_NUM + r"\s*" + _FU_UNIT + r"\s+of\s+follow[\s-]?up", re.IGNORECASE),
    LazyPattern(
        r"(?:diikuti|dipantau|tindak\s+lanjut|follow[\s-]?up|pemantauan)\s+(?:selama|hingga|sampai)\s+"
        + _FU_NUM
        + r"\s*"
        + _FU_UNIT,
        re.IGNORECASE,
    ),
)
_FOLLOW_UP_ABSENT = any_of(
    r"\bno\s+follow[\s-]?up", r"without\s+(?:a\s+)?follow[\s-]?up", r"tanpa\s+(?:tindak\s+lanjut|follow[\s-]?up)"
)
_FOLLOW_UP_ANY = any_of(r"\bfollow[\s-]?up\b", r"\btindak\s+lanjut\b", r"\bdiikuti\s+selama\b")


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
    LazyPattern(
        r"\b(?:adjusted\s+)?a?(?:OR|RR|HR|IRR|SMD|WMD|MD|RD|ARR)s?\b\s*(?:\([^()]{0,30}\)\s*)?[=:,]?\s*" + _DEC
    ),
    LazyPattern(r"(?:odds|risk|hazard|rate|prevalence)\s+ratios?\b[^.;]{0,60}?" + _DEC, re.IGNORECASE),
    LazyPattern(r"(?:standardi[sz]ed\s+)?mean\s+differences?[^.;]{0,40}?" + _DEC, re.IGNORECASE),
    LazyPattern(r"(?:effect\s+sizes?|ukuran\s+efek|selisih\s+rerata)[^.;]{0,40}?" + _DEC, re.IGNORECASE),
    LazyPattern(
        r"\b95\s?%\s?(?:CI|confidence\s+intervals?)|\b(?:IK|CI|KI)\s?95\s?%|selang\s+kepercayaan\s+95\s?%",
        re.IGNORECASE,
    ),
)
_CI_TAIL = LazyPattern(
    r"[^.)]{0,12}?(?:95\s?%\s?(?:CI|confidence\s+intervals?)|(?:IK|CI)\s?95\s?%)[^);]{0,45}\)?", re.IGNORECASE
)


def _effect_size(sentences: list[str]) -> tuple[str, str] | None:
    for sentence in sentences:
        found = [(m.start(), i, m) for i, pattern in enumerate(_EFFECT) for m in pattern.finditer(sentence)]
        if found:
            _, kind, m = min(found, key=lambda x: x[:2])
            tail = _CI_TAIL.match(sentence, m.end()) if kind < len(_EFFECT) - 1 else None  # last: a bare CI
            end = tail.end() if tail else m.end()
            return sentence[m.start() : end].strip(" ;,("), sentence
    return None
