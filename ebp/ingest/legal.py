"""Statutes, regulations and court decisions: recognised from their own first page, titled and dated by it.

Indonesian legal documents open with a fixed form — "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 23 TAHUN
2004 TENTANG PENGHAPUSAN KEKERASAN DALAM RUMAH TANGGA", "PERATURAN MENTERI SOSIAL … NOMOR … TAHUN …
TENTANG …", "PUTUSAN Nomor 814 K/Pdt/2019" — and English ones name themselves ("Children and Families
Act 2014", "The Care and Support Regulations 2014"). Such a document is not a study: it gets its own
kind (``DocType.REGULATION``), a title made from its form ("UU No. 23 Tahun 2004 tentang Penghapusan
Kekerasan dalam Rumah Tangga") and its enactment year. Pure functions over text.

Example: ``recognise("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 35 TAHUN 2014 TENTANG PERUBAHAN …").year == 2014``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
# (short name, pattern of the form's head); the number and year follow it
_INSTRUMENTS: tuple[tuple[str, str], ...] = (
    ("Perppu", r"PERATURAN\s+PEMERINTAH\s+PENGGANTI\s+UNDANG\s*[-–]?\s*UNDANG"),
    ("UU", r"UNDANG\s*[-–]?\s*UNDANG(?:\s+REPUBLIK\s+INDONESIA)?"),
    ("PP", r"PERATURAN\s+PEMERINTAH(?:\s+REPUBLIK\s+INDONESIA)?"),
    ("Perpres", r"PERATURAN\s+PRESIDEN(?:\s+REPUBLIK\s+INDONESIA)?"),
    ("Permen", r"PERATURAN\s+MENTERI\s+[A-Z ,]{3,80}?(?:REPUBLIK\s+INDONESIA)?"),
    ("Perda", r"PERATURAN\s+DAERAH\s+[A-Z .]{3,60}?"),
    ("Perbup", r"PERATURAN\s+(?:BUPATI|WALI\s*KOTA|GUBERNUR)\s+[A-Z .]{3,40}?"),
    ("Keppres", r"KEPUTUSAN\s+PRESIDEN(?:\s+REPUBLIK\s+INDONESIA)?"),
    ("Kepmen", r"KEPUTUSAN\s+MENTERI\s+[A-Z ,]{3,80}?(?:REPUBLIK\s+INDONESIA)?"),
)
_NUMBER_YEAR = r"\s+NOMOR\s+([0-9A-Z./-]+)\s+TAHUN\s+((?:19|20)\d\d)"
_ABOUT = re.compile(r"\bTENTANG\s+(.{3,300}?)(?=\s+(?:DENGAN\s+RAHMAT|Dengan\s+Rahmat|Menimbang|MENIMBANG|"
                    r"Bahwa|BAHWA)\b|$)", re.S)  # fmt: skip
_PUTUSAN = re.compile(
    r"\bPUTUSAN\s+(?:Nomor|NOMOR|No\.)\s*:?\s*([0-9][^\s]*(?:\s+(?:(?:PN|PT|PA|PTUN|K|Pdt|Pid)\b|"
    r"[A-Z][a-z]+\.[A-Z][a-z]+)[^\s]*)*)"
)
_DECIDING = re.compile(r"KETUHANAN\s+YANG\s+MAHA\s+ESA\W+", re.I)  # the court that decides is named after this
_COURT = re.compile(
    r"\b((?:PENGADILAN|Pengadilan)\s+(?:NEGERI|TINGGI|AGAMA|TATA\s+USAHA\s+NEGARA|Negeri|Tinggi|Agama)"
    r"(?:\s+(?:[A-Z][a-z]+|[A-Z]{3,})){1,3}|MAHKAMAH\s*KONSTITUSI|MAHKAMAH\s*AGUNG|Mahkamah\s+Agung)"
)
_SPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")  # "P U T U S A N", "P S I K O T R O P I K A"
_FILE_NAME = re.compile(r"(?:^|[_\W])(UU|PP|Perpres|Permen|Perda|Perppu)[_ -]+(?:No[_. ]*)?(\d+)[_ -]+((?:19|20)\d\d)"
                        r"(?:[_ -]+(.+))?$", re.I)  # fmt: skip
_ACRONYMS = frozenset(
    "RI NKRI DPR DPRD MPR TNI POLRI HAM BPJS SJSN NAPZA KDRT ODGJ PNS ASN BUMN BUMD APBN APBD PKH UMKM".split()
)
_ENGLISH_ACT = re.compile(
    r"^\s*((?:The\s+)?[A-Z][A-Za-z,'() -]{3,120}?\s+(?:Act|Regulations?|Order|Ordinance|Code)\s+((?:19|20)\d\d))"
    r"[ \t]*(?:\(c\.\s*\d+\))?[ \t]*$",  # the whole first line: "The Care Act 2014 and carers" is a study
    re.M,
)
_SMALL_WORDS = frozenset(
    "dan dalam di ke dari yang untuk atas pada tentang serta atau bagi terhadap oleh dengan sebagai atau".split()
)


@dataclass(frozen=True)
class LegalDocument:
    kind: str  # UU, PP, Perpres, Permen, Perda, Putusan, Act …
    number: str
    year: int | None
    about: str  # what it regulates or decides, as its own text says
    title: str  # "UU No. 23 Tahun 2004 tentang Penghapusan Kekerasan dalam Rumah Tangga"


def recognise(text: str) -> LegalDocument | None:
    """A statute, regulation or court decision, from the opening of its text (the first page or two)."""
    head = _SPACE.sub(" ", _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text[:6000])).strip()
    top = head[:1500]
    found = [(m.start(), kind, m) for kind, form in _INSTRUMENTS if (m := re.search(r"\b" + form + _NUMBER_YEAR, top))]
    if found:
        _, kind, m = min(found, key=lambda f: f[0])  # the form the document opens with, not one it cites
        number, year = m.group(1).strip(" .,"), int(m.group(2))
        about_match = _ABOUT.search(head, m.end())
        about = _title_case(about_match.group(1)) if about_match else ""
        title = f"{kind} No. {number} Tahun {year}" + (f" tentang {about}" if about else "")
        return LegalDocument(kind, number, year, about, title)
    putusan = _PUTUSAN.search(top)
    if putusan:
        number = putusan.group(1).strip(" .,")
        years = re.findall(r"(?:19|20)\d\d", number)
        deciding = _DECIDING.search(head, putusan.end())
        court_match = _COURT.search(head, deciding.end() if deciding else putusan.end())
        court = (
            re.sub(r"(?i)MAHKAMAH\s*(AGUNG|KONSTITUSI)", r"Mahkamah \1", court_match.group(1)) if court_match else ""
        )
        where = f" {_title_case(court.upper())}" if court else ""
        return LegalDocument("Putusan", number, int(years[-1]) if years else None, "", f"Putusan{where} No. {number}")
    act = _ENGLISH_ACT.search(text[:3000])
    if act:
        return LegalDocument("Act", "", int(act.group(2)), "", _SPACE.sub(" ", act.group(1)).strip())
    return None


def readable(text: str) -> bool:
    """Whether a page's text is mostly words (a garbled font gives "#$%&’#()#(*+%")."""
    sample = text[:3000]
    return len(sample) > 0 and sum(len(w) for w in re.findall(r"[A-Za-z]{3,}", sample)) >= 0.4 * len(sample.strip())


def from_file_name(name: str) -> LegalDocument | None:
    """A statute named by its file ("UU_40_2004_SJSN_jaminan_sosial.pdf"), for a scan whose text cannot be read.

    Example: ``from_file_name("UU_40_2004_SJSN.pdf").title == "UU No. 40 Tahun 2004 (SJSN)"``
    """
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name)
    m = _FILE_NAME.search(stem)
    if not m:
        return None
    kind = {k.lower(): k for k, _ in _INSTRUMENTS}.get(m.group(1).lower(), m.group(1).upper())
    rest = _title_case(m.group(4).replace("_", " ").upper()) if m.group(4) else ""
    title = f"{kind} No. {m.group(2)} Tahun {m.group(3)}" + (f" ({rest})" if rest else "")
    return LegalDocument(kind, m.group(2), int(m.group(3)), rest, title)


def _title_case(upper: str) -> str:
    """ "PENGHAPUSAN KEKERASAN DALAM RUMAH TANGGA" → "Penghapusan Kekerasan dalam Rumah Tangga"."""
    words = _SPACE.sub(" ", upper).strip(" .,;:").split(" ")
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i and lower in _SMALL_WORDS:
            out.append(lower)
        elif word.strip(",.;:()") in _ACRONYMS or re.fullmatch(r"[IVXLC]+[,.]?", word) or not word.isupper():
            out.append(word)  # acronyms (BPJS, NAPZA), roman numerals and mixed case stay as written
        else:
            out.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(out)[:200]
