"""Numbers in English and Indonesian text, and the nouns they count: people, things, or clusters of people.

Example: ``number_value(NUMBER.search("Forty-two caseworkers"))`` is 42; ``noun_after(" informan (tujuh orang)")`` is
("informan", 0); ``PERSON.match("responden")`` holds, ``NOT_PERSON.match("prescriptions")`` too.
"""

from __future__ import annotations

import re

from ebp.text import LazyPattern

_EN = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_EN.update({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
_ID = {w: i for i, w in enumerate("nol satu dua tiga empat lima enam tujuh delapan sembilan".split())}
_ID.update({"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000})
_WORD = "|".join(sorted({*_EN, *_ID, "hundred", "thousand", "belas", "puluh", "ratus", "ribu"}, key=len, reverse=True))
NUMBER = LazyPattern(
    r"(?<![\w.,/])(\d{1,3}(?:[,.\u2009\u202f\u00a0 ]\d{3})+|\d+)(?!\d|[.,]\d|\s*%)"  # 1,234 · 1.234 · 15 315 · 86
    r"|\b((?:(?:" + _WORD + r")(?:[\s-]+(?:and[\s-]+)?(?=(?:" + _WORD + r")\b))?)+)\b(?:\s*\((\d+)\))?",
    re.IGNORECASE,
)
PERSON_WORDS = (
    "participants? patients? people persons? individuals? subjects? respondents? volunteers? women woman men man "
    "males? females? girls? boys? children child adolescents? youths? teenagers? infants? newborns? neonates? babies "
    "adults? students? pupils? mothers? fathers? parents? caregivers? carers? relatives? famil(?:y|ies) households? "
    "couples? dyads? informants? interviewees? employees? nurses? physicians? doctors? practitioners? professionals? "
    "clinicians? teachers? stakeholders? veterans? residents? survivors? users? smokers? twins? immigrants? migrants? "
    "refugees? elderly members? clients? offenders? prisoners? victims? consumers? athletes? officers? staff "
    "caseworkers? managers? leaders? recipients? beneficiaries claimants? applicants? taxpayers? graduates? "
    "trainees? learners? principals? heads? tutors? mentors? volunteers? pharmacists? technicians? midwives? "
    "responden partisipan peserta pasien informan subjek orang anak ibu ayah remaja lansia keluarga siswa siswi "
    "mahasiswa balita bayi pekerja perempuan laki-laki pria wanita klien guru perawat penyandang pengasuh korban "
    "warga penduduk santri kader pendamping petugas penerima nenek kakek janda buruh narapidana tahanan rumah"
).split()
PERSON = LazyPattern(r"^(?:" + "|".join(PERSON_WORDS) + r")$", re.IGNORECASE)
PERSON_SUFFIX = LazyPattern(r"^[a-z]{3,}(?:ians|ists|ers|ors|ees|ants|ents)$", re.IGNORECASE)  # physicians, dentists
NOT_PERSON_WORDS = (
    "studies? trials? articles? papers? reports? publications? datasets? records? files? notes? documents? letters? "
    "prescriptions? visits? sessions? items? questions? interviews? episodes? events? incidents? claims? applications? "
    "decisions? cases? controls? deaths? doses? genes? cells? samples? years? months? weeks? days? hours? minutes? "
    "times? points? percent words? pages? numbers? centers? layers? markers? parameters? orders? answers? "
    "matters? registers? chapters? waves? rounds? tweets? posts? messages? texts? calls? contacts? tenancies? "
    "studi artikel kasus sesi pertanyaan kali tahun bulan minggu hari berkas dokumen"
).split()
NOT_PERSON = LazyPattern(r"^(?:" + "|".join(NOT_PERSON_WORDS) + r")$", re.IGNORECASE)
CLUSTER = LazyPattern(
    r"^(?:schools?|clinics?|practices?|hospitals?|villages?|districts?|classrooms?|classes|wards?|courts?|agencies|"
    r"agency|organi[sz]ations?|municipalities|sites?|cent(?:re|er)s|facilities|communities|neighbou?rhoods?|teams?|"
    r"prisons?|counties|regions?|provinces?|countries|homes|shelters?|units?|sekolah|desa|kelurahan|posyandu|puskesmas|"
    r"kecamatan|kabupaten|kota|kelas|panti|lembaga|LKSA|madrasah|pesantren)$",
    re.IGNORECASE,
)
_SKIP_BEFORE_NOUN = LazyPattern(
    r"^(?:of|on|the|in|at|for|with|from|to|by|who|that|which|were|was|had|have|per|over|among|and|or|dari|di|ke|yang|"
    r"pada|untuk|dengan|selama|orang)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][\w'-]*|\d[\d,.]*")


def noun_after(after: str) -> tuple[str, int]:
    """The first content word after a number, skipping up to three modifiers ("87 practising social workers")."""
    text = re.sub(r"^\s*\)?\s*(?:\([^()]{0,40}\)\s*)?", "", after)
    tokens = _TOKEN.findall(text[:80])[:5]
    for gap, token in enumerate(tokens):
        if token[0].isdigit():
            break  # another number comes first: "2024, and 134 social workers"
        if PERSON.match(token) or NOT_PERSON.match(token) or CLUSTER.match(token) or PERSON_SUFFIX.match(token):
            return token, gap
        if _SKIP_BEFORE_NOUN.match(token) and gap == 0:
            return "", 0
        if gap >= 3:
            break
    return "", 0


def number_value(m: re.Match[str]) -> int | None:
    if m.group(1):
        return int(re.sub(r"\D", "", m.group(1)))
    if m.group(3):
        return int(m.group(3))
    return words_to_int(m.group(2) or "")


def words_to_int(phrase: str) -> int | None:
    total, current = 0, 0
    for word in re.findall(r"[a-z]+", phrase.lower()):
        if word in _EN or word in _ID:
            current += _EN.get(word, _ID.get(word, 0))
        elif word in ("hundred", "ratus"):
            current = max(current, 1) * 100
        elif word == "belas":
            current += 10
        elif word == "puluh":
            current = current * 10 + (0 if current else 10)
        elif word in ("thousand", "ribu"):
            total, current = total + max(current, 1) * 1000, 0
    return (total + current) or None
