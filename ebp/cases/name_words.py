"""The words and cues that ebp.cases.names reads a name by: word lists, titles, particles, cue phrases, tokens.

Kept apart from the finder so that the lists and the phrases before a name can be read (and grown) in one place:
titles (Bu, Pak, Mrs, Pnt.) and particles (bin, binte, Ni Luh) from ebp/data/deid_honorifics.txt and below; cue
phrases ("bernama", "named", "the … family"); kin words and roles that may stand before a name ("ibunya, Sri",
"landlord, Acai"); the shapes after a name that say a person is meant ("(14)", "said").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


@functools.cache
def lines(name: str) -> frozenset[str]:
    text = resources.files("ebp").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


HONORIFICS = lines("deid_honorifics.txt")
PARTICLES = frozenset("bin binti br boru ni luh made putu wayan nyoman ketut komang kadek gede nengah teuku cut andi "
                      "lalu baiq muh dela al van de der von da dos gusti ngurah binte bte bt "
                      # Buton (La Ode, Wa Ode), Welsh (ap), abbreviated Muhammad (Moh., Mohd., Md.)
                      "la wa ode ap moh mohd md muhd ah".split())  # fmt: skip
BALINESE = frozenset("wayan made nyoman ketut putu gede kadek komang nengah".split())
# used alone as a call-name: "Baiq masih sekolah"
CALL_PARTICLES = BALINESE | {"baiq", "andi", "cut", "teuku", "ngurah"}
CUES = re.compile(
    r"(?:atas\s+nama|a\.n\.|bernama|namanya|nama\s*:|nama\s+klien\s*:?|nama\s+anak\s*:?|dipanggil|panggilan|"
    r"alias|als\.|a\.k\.a\.|named|called|nicknamed|known(?:\s+to\s+\w+)?\s+as|aka|née|nee|name\s*:|client\s*:|klien\s*:|korban\s*:|pelaku\s*:|"
    # a form's label for a person: "Pasien: …", "Pemohon: …", "Patient: …", "Caregiver: …"
    r"(?:pasien|pemohon|termohon|terdakwa|terlapor|pelapor|saksi|patient|caregiver|carer|resident|tenant|spouse|"
    r"young\s+person|service\s+user|principal\s+applicant|applicant|participant|subject|referrer|mother|father|"
    r"parents?|guardian|wali|ibu|ayah|istri|suami|supervisee)\s*:|"
    r"perpetrator\s*:|victim\s*:|child\s*:|anak\s*:|keluarga|family\s+of|full\s+name|nama\s+lengkap(?:nya)?)\s*[\"“']?\s*$",
    re.IGNORECASE,
)
# An alias: the word after it is a person's other name even when it is also a town ("alias Tebo", "als. Gembus").
ALIAS = re.compile(r"(?:alias|als\.|aka|a\.k\.a\.)\s*[\"“']?\s*$", re.IGNORECASE)
KIN = re.compile(  # a kin word or role before a name: "Ayah klien, Dedi", "her mother Kylie"
    r"(?<![\w-])(?:ibunya|ayahnya|bapaknya|anaknya|adiknya|kakaknya|suaminya|istrinya|neneknya|kakeknya|pamannya|"
    r"bibinya|tetangga|tetangganya|temannya|pacarnya|menantunya|cucunya|sepupunya|keponakannya|mantan\s+suami(?:nya)?|"
    r"ayah\s+tiri(?:nya)?|ibu\s+tiri(?:nya)?|mum|mom|mother|dad|father|son|daughter|sister|brother|nan|nana|gran|"
    r"grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|cousin|partner|ex-partner|boyfriend|girlfriend|"
    r"husband|wife|carer|neighbour|neighbor|friend|stepfather|stepmother|stepdad|stepmum|niece|nephew|baby|teacher|"
    r"guru|wali\s+kelas|kader|pendamping|twins?|kids?|children|spouse|ex|suami|istri|pelapor|supervisor|worker|"
    r"caregiver|coordinator|pekerja\s+sosial|penanggung\s+jawab|pembimbing\s+kemasyarakatan|"
    # who the client rents from, works for or was reported by: "pemilik rumah, Acai", "her landlord, Mr Burke"
    r"pemilik(?:\s+(?:rumah|kos|kontrakan|warung|toko))?|majikan(?:nya)?|landlord|landlady|employer|boss|owner|"
    r"ex-husband|ex-wife|ex-boyfriend|ex-girlfriend|housemate|flatmate|roommate|mentor|sponsor|"
    # a child by its place among siblings, a relative by marriage: "Anak kedua, Bintang", "son-in-law Jun Reyes"
    r"anak\s+(?:pertama|kedua|ketiga|keempat|kelima|keenam|sulung|bungsu|tertua|termuda)|"
    r"(?:son|daughter|brother|sister|father|mother)s?-in-law|(?:eldest|youngest|oldest|middle)\s+(?:son|daughter|child))"
    r"\s*[,(]?\s*$",
    re.IGNORECASE,
)
THE_FAMILY = re.compile(r"\b(?:the\s+)?([A-Za-z][\w'’-]+)\s+(?:family|household|children|kids)\b", re.IGNORECASE)
PLACE_BEFORE = re.compile(  # a preposition, or (admin) a unit's name or a place of birth: always a place
    r"(?:\b(?:di|ke|dari|asal|menuju|in|at|from|near|into)|(?P<admin>\b(?:kota|kabupaten|kab\.|kecamatan|kec\.|kelurahan|"
    r"kel\.|distrik|provinsi|county|state\s+of)|\bTTL\s*:?|\btempat\W{0,3}(?:dan\s+)?(?:tgl|tanggal)\.?\s+lahir\s*:?))\s*$",
    re.I,
)
LABEL_BEFORE = re.compile(r"[\w)]\s*:\s*$")  # "Supervisor: Yusrizal", "Mother: Chioma Okafor"
SPEAKER = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|\d{1,2}[:.]\d{2}[ \t]*[-–]?[ \t]*)?([^\W\d_][\w'’-]*)[ \t]*:[ \t]*\S",
    re.MULTILINE,
)
# Where a chat line's message opens, after its time and speaker: "[09:21] Tunde Adeyemi: amber lewis."
_MESSAGE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|\d{1,2}[:.]\d{2}[ \t]*[-–]?[ \t]*)?"
    r"[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2}[ \t]*:[ \t]*(?=\S)",
    re.MULTILINE,
)


def message_starts(text: str) -> set[int]:
    """The offsets where chat messages (or label values) open: the first word there opens a sentence."""
    return {m.end() for m in _MESSAGE.finditer(text)}


INSTITUTION = lines("deid_institution.txt")
ROLES = lines("deid_roles.txt")  # "Pak RT", "bu kader", "ibu klien": a title with no name after it
SHORT_TITLES = frozenset("bu pak mbak mas dik teh om tante kak bang mbah mr mrs ms miss koh cik uni uda inaq amaq "
                          "cak mdm bapa mama".split())  # fmt: skip
AGE_AFTER = re.compile(  # "Chidi (14)", "Mawar (bukan nama sebenarnya)", "Bunga (nama samaran)"
    r"\s*\(\s*(?:\d{1,2}\s*(?:th|thn|tahun|yo|y|yrs?|years?)?\s*[,)]|"
    r"bukan\s+nama|nama\s+samaran|samaran|not\s+(?:her|his|their)\s+real|pseudonym)",
    re.I,
)
PERSON_VERB = re.compile(
    r"\s+(?:said|says|told|tells|asked|reported|stated|disclosed|explained|admitted|denied|refused|cried|"
    r"mengatakan|mengaku|bilang|berkata|bercerita|menangis|menolak|menceritakan|melaporkan)\b"
)
DRUG = re.compile(  # medicine names by their stems: "Diazepam", "Olanzapine", "Omeprazole", "Fluoxetine"
    r"..(?:azepam|azolam|apine|azole|cillin|mycin|cycline|olol|pril|sartan|statin|oxetine|traline|idone|profen|formin)$"
)
WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int  # without a possessive 's
    text: str
    low: str
    upper: bool  # starts with a capital
    acronym: bool  # all capitals, two letters or more
    dot: bool  # a full stop right after it
    initial: bool  # first word of a sentence, line or label value: its capital says nothing


def tokens(text: str) -> list[Token]:
    out = []
    for m in WORD.finditer(text):
        word, end = m.group(0), m.end()
        for suffix in ("'s", "’s", "'", "’"):
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                word, end = word[: -len(suffix)], end - len(suffix)
                break
        before = text[max(0, m.start() - 12) : m.start()].rstrip(" \t\"'“‘([")
        before = before if before or m.start() <= 12 else "x"  # only spaces and brackets before it: mid-line
        initial = not before or before[-1] in ".!?;\n•-–—*" or before.endswith("\n")
        out.append(Token(m.start(), end, word, word.lower(), word[0].isupper(),
                         len(word) > 1 and word.isupper(), text[end:end + 1] == ".", initial))  # fmt: skip
    return out
