"""Identifiers found by their shape: e-mail, NIK/KK, other ID numbers, phone numbers, dates of birth, addresses.

Each finder is pure: text in, ``Span``s out (character offsets, a kind). The rules follow
benchmarks/deid/GUIDE.md: labels ("NIK", "HP", "lahir", "NHS number") are left outside a span; an
address runs from its first element (Jl., Gang, Kp., Dusun, a house number, Flat/Unit) through
RT/RW and its kelurahan/desa, and up to a closing postcode, never on to a kecamatan or city; only a
date that follows a birth cue is a date of birth (visits and incidents keep their dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebp.text import LazyPattern


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # name | nik | kk | id_number | phone | email | address | dob


KINDS = ("name", "nik", "kk", "id_number", "phone", "email", "address", "dob")

_EMAIL = LazyPattern(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 16 digits with at most one separator between two digits: plain, 4-4-4-4, 12.71.03.030657.0001.
_SIXTEEN = LazyPattern(r"(?<![\d.,/-])\d(?:[ .-]?\d){15}(?![\d])")
_KK_LABEL = LazyPattern(r"\b(?:KK|kartu\s+keluarga|family\s+card)\b", re.IGNORECASE)
_NIK_LABEL = LazyPattern(r"\b(?:NIK|KTP|nomor\s+induk\s+kependudukan)\b", re.IGNORECASE)

_ID_LABEL = (
    r"NISN|NIS|NIP|NPWP|BPJS(?:\s+Kesehatan|\s+Ketenagakerjaan)?|KIS|JKN|KIA|paspor|passport|"
    r"akta(?:\s+kelahiran)?|perkara|register|reg\.|registrasi|rekam\s+medis|RM|LP|laporan\s+polisi|"
    r"case|file|reference|ref\.?|NHS|CHI|NI|national\s+insurance|SSN|social\s+security|Medicare|Medicaid|MRN|"
    r"NDIS|alien|A-number|DBS(?:\s+certificate)?|share\s+code|UCI|police|crime|incident|student\s+ID|IHI|"
    r"Home\s+Office(?:\s+reference)?|visa|permit|kartu\s+pelajar|nomor\s+induk|no\.?\s+induk|ID|"
    # more cards and registers: school, tax, licence, benefits, refugee and hospital numbers
    r"NIM|NRP|NRK|NIK\s+anak|KIA|KITAS|KITAP|UNHCR|SIM|KKS|KPS|DTKS|peserta|kasus|STPL|UPN|ULN|unique\s+pupil|"
    r"CRN|customer\s+reference|TFN|tax\s+file|SIN|TIN|SSS|UMID|PhilHealth|PhilSys|hospital|URN|unit\s+record|"
    r"licen[cs]e|driver'?s\s+licen[cs]e|claim|tenancy|client\s+ID|patient\s+ID|PNC|CRO|CAD|occurrence|docket|"
    r"petition|court\s+file|Mosaic|LCS|our\s+ref|your\s+ref|member(?:ship)?|NHI|birth\s+certificate|certificate|"
    r"NRIC|MyKad|IC|Aadhaar|PAN|NIN|BVN|PESEL|CURP|USCIS|green\s+card|inmate|prisoner|booking|DOC|student|"
    r"medical\s+record|chart|referral|"
    # intake and hotline numbers, Irish, NZ, Canadian and Singapore personal numbers, benefit and housing refs
    r"intake|hotline|report\s+(?:no|number|ID)|PPSN?|IRD|MSD|OHIP|health\s+card|FIN|CPF|Centrelink|CRN|"
    r"(?:nomor|no\.?)\s+(?:laporan|pengaduan|registrasi|berkas|surat|rujukan|pokok)"
)
_ID_VALUE = (
    r"[A-Z0-9]{2,4}(?:[ \t][A-Z0-9]{2,4}){1,3}(?:[ \t][A-Z](?![\w]))?(?![\w])"
    r"|(?:[A-Z]{1,3}[ -]?)?\d[\dA-Z]*(?:[-/.][\dA-Z]+)*(?:[ \t](?:\d+[A-Z]?|[A-Z]{1,2})(?![\w])(?:[-/.][\dA-Z]+)*)*"
    r"|[A-Z][A-Z0-9]*(?:[-/.][A-Z0-9]+)+"
)
_FILLER = (
    r"klien|korban|anak|kasus|pasien|ibu|ayah|the|his|her|their|of|for|child|client|case|patient|mum|mother|dad|father"
)
# Codes of letters and digits joined by - or / ("MP/24/118305", "DV-2025-0381"): case or police references.
_CODE = LazyPattern(r"(?<![\w/-])(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\d){4})[A-Z0-9]+(?:[-/][A-Z0-9]+)+(?![\w/-])")
_ID_NUMBER = LazyPattern(
    rf"\b(?:{_ID_LABEL})(?:nya)?\b\.?(?:\s+(?:number|no\b\.?|num\b\.?|nomor|nr\b\.?|ref(?:erence)?|card|ID|code|reg\b\.?|"
    rf"{_FILLER}))*\s*(?:is|#\s*:?|:|=)?\s*(?P<value>(?-i:{_ID_VALUE}))",
    re.IGNORECASE,
)
# References of three or more parts joined by "/", with letters and at least four digits: police reports
# ("LP/B/417/IX/2025/SPKT/Polresta Dps"), registers ("118/Reg/PPA/2025"); a closing short place code is in.
_SLASHED = LazyPattern(
    r"(?<![\w/])(?=[\w./-]*[A-Za-z])(?=(?:[^\s\d]*\d){4})[A-Za-z0-9][\w.-]*(?:/[\w.-]+){2,}"
    r"(?:(?<=[A-Za-z])\s[A-Z][a-z]{1,4}\b|(?:(?<=Polres)|(?<=Polresta)|(?<=Polrestabes)|(?<=Polda)|(?<=Polsek)|"
    r"(?<=Polrestro))\s[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)?"  # "…/SPKT/Polres Lombok Timur": the town's two words
)
_COURT = LazyPattern(r"\b\d{1,5}/(?:[A-Za-z.\-]+/){1,3}\d{4}(?:/[A-Z][A-Za-z.]*(?:\s[A-Z][a-z]{1,4}\b)?)?")

_PHONE_LABEL = LazyPattern(
    r"\b(?:HP|WA|whatsapp|telp?|telepon|telpon|phone|mobile|mob|cell|tel|kontak|contact|hubungi|call|ring|"
    r"no\.?\s+hp|nomor|number)\b\.?\s*:?\s*$",
    re.IGNORECASE,
)
_PHONE = LazyPattern(r"(?<![\w/.,+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d(?:[ .-]?\d){4,14}(?![\w/-])")
_US_PHONE = LazyPattern(r"^\d{3}([.-])\d{3}\1\d{4}$")
# Eight digits in two fours, a mobile's or a landline's start (Singapore, Hong Kong, Malaysia's 8/9): "8123 4567".
_EIGHT = LazyPattern(r"(?<![\w/.,+-])[689]\d{3}[ -]\d{4}(?![\w/-])")
_MONEY_BEFORE = LazyPattern(r"(?:Rp\.?|IDR|USD|£|\$|€|A\$)\s*$", re.IGNORECASE)

_MONTHS = (
    r"Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|Nopember|November|Desember|"
    r"January|February|March|May|June|July|August|October|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Agst|Aug|Sep|Sept|Okt|Oct|Nov|Des|Dec"
)
# Month and weekday words, never names on their own ("Mei", "May", "Senin").
MONTHS = frozenset(_MONTHS.lower().split("|")) | frozenset(
    "senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday saturday sunday".split()
)
_DATE = (
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}[-/](?:{_MONTHS})[-/]\d{{4}}|"  # 12-Mei-2010
    r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
)
_DOB = LazyPattern(
    rf"(?:\b(?:lahir(?:nya)?|lhr|kelahiran(?:nya)?|TTL|born|DOBs?|D\.O\.B|dates?\s+of\s+birth|birth\s*dates?|birthdays?)\b|"
    rf"(?<![\w.])b\.(?=\s?\d))"
    rf"(?P<gap>[^\n.!?]{{0,45}}?|[^\n]{{0,6}}?)(?P<date>{_DATE})",
    re.IGNORECASE,
)

_DATE_ONLY = LazyPattern(rf"{_DATE}|(?:19|20)\d\d")  # a date or a year is no ID number ("referral 12/03/2025")
_FAR_YEAR = LazyPattern(r"(?<!\d)(?!19|20)\d{4}$")  # "21-07-4410" has a date's shape but no year of ours: a number
# A form's label of capitals before a value with five digits or more ("KTM: A7712345", "PHN: 1234 567 890"), and a
# code of one to four capitals and six digits or more ("XYZ204518", "T0123456Z"): cards and records whatever their name.
_CAPS_LABEL = LazyPattern(
    r"\b(?!(?:HP|WA|TELP?|SMS|DOB|TTL|RT|RW|NO|TGL|HPL|PHONE|MOB)\b)[A-Z]{2,6}\s*(?:no\.?|number|#)?\s*:\s*"
    r"(?P<value>[A-Z]{0,4}\d[\d \-/.]{3,18}\d[A-Z]?|[A-Z]{1,4}\d{5,}[A-Z]?)(?![\w/-])"
)
_LETTER_CODE = LazyPattern(r"(?<![\w/-])[A-Z]{1,4}\d{6,}[A-Z]?(?![\w/-])")
_AMOUNT = LazyPattern(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")  # nor an amount in thousands ("RM 18.000")
_MORE_DATES = LazyPattern(rf"\s*(?:,|and|dan|&|;)\s*(?P<date>{_DATE})", re.IGNORECASE)
# Address: a start element, then further elements separated by spaces or commas.
# Abbreviated titles and words inside street names: "Jl. KH. Ahmad Dahlan", "Jl. Let. Jend. Suprapto", "Km. 5".
_STREET_ABBR = r"(?:KH|K\.H|Hj|Dr|Prof|Ir|Let|Jend|Kol|Mayjen|Brigjen|Laks|Kapt|Tgk|Drs|Mgr|Km|Pdt|Sp|Raya)\.(?=\s)"
_UPPER_WORD = rf"(?:{_STREET_ABBR}|[A-Z]\.(?=\s)|(?:[A-Z][\w'’-]*|[IVX]+|\d+[A-Za-z]?)(?:/\d+[A-Za-z]?)?)"
_LOWER_WORD = r"(?:(?:[a-z][\w'’-]*|[ivxIVX]+|\d+[a-z]?|[a-z]\d+)(?:/\d+[a-z]?)?)"
_ADDR_STOP = (
    r"(?!(?:Kecamatan|Kec|Kota|Kabupaten|Kab|Provinsi|Prov|RT|RW|No|Nomor|dan|di|yang|and|in|near|with|sejak|"
    r"since|dekat|bersama|tinggal|kecamatan|kota|kabupaten|rt|rw|no|nomor|Gg|Gang|Lr|Lorong|Blok|Jl|Jalan|gg|gang|lr|"
    r"lorong|blok|jl|jalan|Kelurahan|Kel|Desa|kelurahan|kel|desa)\b)"
)
_ID_STREET = (
    r"Jl\.|Jln\.?|Jalan|Gang|Gg\.|Lorong|Lr\.|Kp\.|Kampung|Dusun|Dsn\.|Banjar|Blok|Perumahan|Perum|Kompleks|Komplek|"
    r"Komp\.|Ruko|Gampong|Jorong|Lingkungan|Link\.|Asrama|Apartemen|Rusun|Rusunawa|BTN|Perumnas|Huta|Nagari|Pekon|"
    r"Lembang|Kavling|Kav\."
)
# A flat or unit ("Unit 4/27", "Apt 3C"), a Philippine block, lot or purok, a PO box or locked bag.
_UNIT = (
    r"(?:Flat|Unit|Apt\.?|Apartment|Room|Suite|Lot|Blk\.?|Block|Purok|Sitio)\s+\d+[A-Za-z]?(?:/\d+[A-Za-z]?)?"
    r"|(?:P\.?\s?O\.?|GPO)\s+Box\s+\d+|(?:Locked|Private)\s+Bag\s+\d+|House\s+No\.?\s*\d+[A-Za-z]?"
)
_STREET_TYPES = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Terrace|Tce|Grove|"
    r"Gardens|Gdns|Boulevard|Blvd|Parade|Square|Sq|Hill|Row|Walk|Mews|Highway|Hwy|Circle|Cir|Park|View|Rise|Green|"
    r"Esplanade|Quay|Wharf|Heights|Vale|Broadway|Promenade|Embankment|Circus|Chase|Approach|Meadows?|Fields|Glen|"
    r"Trail|Pike|Loop|Ridge|Gate|Yard|Wynd|Brae|Plaza|Parkway|Pkwy|Manor|Cottages|Villas|Crossing|Alley|Marg|Nagar|Lanes"
)
# After the street's type: its number ("Jurong West Street 42,") or a quarter of a US city ("Pine Ave NE").
_STREET_TAIL = r"(?:[ \t]\d{1,3}(?=,)|[ \t](?:N|S|E|W|NE|NW|SE|SW)\b)?"
_EN_STREET = (
    rf"(?:(?<![\d/])\d{{1,4}}/\d{{1,4}},?\s+)?\d+[A-Za-z]?(?:[-/]\d+)?\s+(?:(?:[A-Z][\w'’-]*|[A-Z]\.|\d+(?:st|nd|rd|th)?)\s+){{1,3}}"
    rf"(?:{_STREET_TYPES})\b\.?{_STREET_TAIL}"
)
_EN_STREET_LOWER = rf"\d+[a-z]?\s+(?:[a-z][\w'’-]*\s+){{1,3}}(?i:{_STREET_TYPES})\b\.?"
# A house number and a name closed by a full postcode: "4 Heol y Parc, Whitchurch, Cardiff CF14 2FR".
_STRONG_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}|[A-Z]{2}\s+\d{5}(?:-\d{4})?|"
    r"[A-Z]\d[A-Z]\s?\d[A-Z]\d|(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s[0-9AC-FHKNPRTV-Y]{4})\b"  # UK, AU, US, CA, IE
)
_NUMBER_POSTCODE = LazyPattern(
    rf"(?:(?<![\d/])\d{{1,4}}/\d{{1,4}},?\s+)?\d+[A-Za-z]?(?:/\d+[A-Za-z]?)?\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){{0,3}}(?:,?\s+[A-Z][\w'’-]*){{0,5}},?\s+{_STRONG_POSTCODE}"
)
# Inside an address (never its start): a building, or a street named without a house number.
_BUILDING = (
    r"(?:[A-Z][\w'’-]*\s+){1,3}(?:House|Court|Tower|Towers|Mansions|Apartments|Building|Lodge|Residences?|Flats|Hall)\b"
)
_NAMED_STREET = rf"(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{_STREET_TYPES})\b\.?{_STREET_TAIL}"
# Inside an address written in lower case: "blk 52 strathmore ave" (the unit's number comes first).
_NAMED_STREET_LOWER = (
    r"(?:[a-z][\w'’-]*\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|crescent|terrace|boulevard)\b"
)
# RT and RW: "RT 004/RW 002", "RT/RW 003/004", "RT 03/07", "rt.2", "RW 5".
_RT_RW = r"(?i:RT\.?\s*/\s*RW\.?\s*\d+\s*/\s*\d+|RT\.?\s*\d+\s*/\s*(?:RW\.?\s*)?\d+|RT\.?\s*\d+|RW\.?\s*\d+)"
_ADDR_PART = LazyPattern(
    rf"(?:(?:{_ID_STREET})[ \t]*{_ADDR_STOP}(?:{_UPPER_WORD}(?:\s+{_ADDR_STOP}{_UPPER_WORD}){{0,4}}))"
    rf"|(?:No\.?|Nomor|Blok)\s*\d+[A-Za-z]?(?:/\d+)?|{_RT_RW}|(?:Sector|Phase|Lantai|Floor)\s+\d+|(?i:\d{{1,2}}(?:st|nd|rd|th)|ground|first|second|third|top)\s+(?i:floor)|#\d{{1,3}}-\d{{1,5}}"
    rf"|(?:Kelurahan|Kel\.|Desa|Ds\.|Nagari|Gampong|Dusun|Banjar(?:\s+Dinas)?)\s+(?:Kota\s(?=[A-Z]))?{_ADDR_STOP}{_UPPER_WORD}"
    rf"(?:\s+{_ADDR_STOP}{_UPPER_WORD}){{0,3}}|{_UNIT}|{_EN_STREET}|{_BUILDING}|{_NAMED_STREET}"
    rf"|(?:Barangay|Brgy\.)\s+{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,2}}"
)
_ADDR_PART_LOWER = LazyPattern(
    rf"(?:(?:jl\.|jln\.?|jalan|gang|gg\.?|lorong|lr\.|kp\.|kampung|dusun|blok|perumahan|perum|kompleks|komplek)\s+"
    rf"{_ADDR_STOP}{_LOWER_WORD}(?:\s+{_ADDR_STOP}{_LOWER_WORD}){{0,3}})"
    rf"|(?:no\.?|nomor|blok)\s*\d+[a-z]?(?:/\d+)?|{_RT_RW}"
    rf"|(?:kelurahan|kel\.|desa|dusun)\s+{_ADDR_STOP}{_LOWER_WORD}|{_EN_STREET_LOWER}|{_NAMED_STREET_LOWER}|(?i:{_UNIT})|#\d{{1,3}}-\d{{1,5}}"
)
_ADDR_START = LazyPattern(rf"\b(?:{_ID_STREET})[ \t]|\b{_UNIT}\b|\b{_EN_STREET}|\b{_EN_STREET_LOWER}", re.IGNORECASE)
_ADDR_LABEL = LazyPattern(
    r"(?:alamat|beralamat|tinggal\s+di|berdomisili\s+di|domisili|address|lives\s+at|living\s+at|resides\s+at)"
    r"(?:\s*(?:\w+\s*)?:?|[^:\n.]{0,30}:)\s*$",
    re.IGNORECASE,
)
# A street with no number, RT or desa is an address only after a word that says someone lives there.
_STREET_ONLY = LazyPattern(r"(?i:jl\.|jln\.?|jalan|gang|gg\.?|lorong|lr\.)\s*[^\d,]*")
_HOME_BEFORE = LazyPattern(
    r"(?:alamat|beralamat|tinggal|berdomisili|domisili|rumah(?:nya)?|rmh(?:nya)?|kos|kontrak|ngontrak|menetap|address|"
    r"lives?|living|resides?|home|stays?|staying)\b[^.\n]*$",
    re.IGNORECASE,
)
_LOCAL_NAME = LazyPattern(r"\s*,\s*([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s*,)")
_NOT_LOCAL = frozenset({"kecamatan", "kec", "kota", "kabupaten", "kab", "provinsi", "prov", "jakarta", "bandung",
                        "surabaya", "medan", "batam", "makassar", "semarang", "yogyakarta", "denpasar"})  # fmt: skip
_SEPARATOR = LazyPattern(r"[ \t]*,?[ \t]*")
_POSTCODE = LazyPattern(
    # suburbs, towns, states, a city's postal district: "Ōtāhuhu, Auckland", "Dublin 8"
    # "Newcastle upon Tyne", "Co. Cork": a town's joining word, a county's abbreviation
    r"(?:[ \t]*,?[ \t]*(?:(?:upon|on|under|le|la|de|sur)[ \t](?=[A-Z])|Co\.[ \t](?=[A-Z]))?"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*(?:[ \t]\d{1,2}(?=,))?){0,6}[ \t]*,?[ \t]*"
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}|[A-Z]{2}\s+\d{5}(?:-\d{4})?|"
    r"[A-Z]\d[A-Z]\s?\d[A-Z]\d|(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s[0-9AC-FHKNPRTV-Y]{4}|"  # UK, AU, US, CA, Eircode
    r"\d{4,6})\b"  # 4 to 6 digits: AU/NZ, Indonesian, Indian (PIN), Singapore postcodes
)
# The same in a note written all in lower case: "london se15 4qu", "otara, auckland 2023".
_POSTCODE_LOWER = LazyPattern(
    r"(?:[ \t]*,?[ \t]*[a-z][\w'’-]*){0,4}[ \t]*,?[ \t]*(?:[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}|\d{4,6})\b"
)


_OFFICE_BEFORE = LazyPattern(r"\b(?:kepala|ketua|kadus|head\s+of)\s+$", re.IGNORECASE)
_UNIT_WORDS = ("Flat", "Unit", "Apt", "Apartment", "Room", "Lot", "Block")
_LABELLED_START = LazyPattern(r"\b(?:Desa|Kelurahan|Kel\.|Dusun|RT\.?\s*\d|Barangay|Brgy\.)\s?")


def emails(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "email") for m in _EMAIL.finditer(text)]


def population_numbers(text: str) -> list[Span]:
    """16-digit NIK and KK numbers, a KK when the nearest label before it says so."""
    out = []
    for m in _SIXTEEN.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        kk = [k.end() for k in _KK_LABEL.finditer(before)]
        nik = [k.end() for k in _NIK_LABEL.finditer(before)]
        kind = "kk" if kk and (not nik or kk[-1] > nik[-1]) else "nik"
        out.append(Span(m.start(), m.end(), kind))
    return out


def id_numbers(text: str) -> list[Span]:
    """Other personal or case numbers, found after their label ("NISN", "NHS number", "perkara"), and court
    case numbers by their shape ("45/Pid.Sus/2025/PN Mdn")."""
    out = [Span(m.start(), m.end(), "id_number") for m in _COURT.finditer(text)]
    out += [Span(m.start(), m.end(), "id_number") for m in _CODE.finditer(text)]
    out += [Span(m.start(), len(m.group(0).rstrip(".-")) + m.start(), "id_number") for m in _SLASHED.finditer(text)]
    for m in _ID_NUMBER.finditer(text):
        value = m.group("value").rstrip(".-/ ")
        if sum(c.isdigit() for c in value) >= 3 and not is_date(value) and not _AMOUNT.fullmatch(value):
            out.append(Span(m.start("value"), m.start("value") + len(value), "id_number"))
    for m in _CAPS_LABEL.finditer(text):
        value = m.group("value").rstrip(".-/ ")
        if sum(c.isdigit() for c in value) >= 5 and not is_date(value) and not _AMOUNT.fullmatch(value):
            out.append(Span(m.start("value"), m.start("value") + len(value), "id_number"))
    out += [Span(m.start(), m.end(), "id_number") for m in _LETTER_CODE.finditer(text)]
    return out


def is_date(value: str) -> bool:
    """A date or a year (of an event, never an ID number by itself); "21-07-4410" is not one."""
    return bool(_DATE_ONLY.fullmatch(value)) and not _FAR_YEAR.search(value)


def phones(text: str) -> list[Span]:
    """Phone numbers: 9 to 15 digits starting with 0, +, 62 or an area code in brackets; other starts only after
    a label (HP, WA, tel., mobile). Amounts of money and dates are never phone numbers."""
    out = []
    for m in _PHONE.finditer(text):
        value = m.group(0)
        digits = sum(c.isdigit() for c in value)
        before = text[max(0, m.start() - 25) : m.start()]
        if not 9 <= digits <= 15 or _MONEY_BEFORE.search(before):
            continue
        if value.startswith(("0", "+", "62", "(")) or _PHONE_LABEL.search(before) or _US_PHONE.match(value):
            out.append(Span(m.start(), m.end(), "phone"))
    for m in _EIGHT.finditer(text):
        if not _MONEY_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
            out.append(Span(m.start(), m.end(), "phone"))
    return out


def dates_of_birth(text: str) -> list[Span]:
    """The first date within a short reach after a birth cue (lahir, TTL, born, DOB)."""
    out = []
    for m in _DOB.finditer(text):
        out.append(Span(m.start("date"), m.end("date"), "dob"))
        more = _MORE_DATES.match(text, m.end())
        while more:  # "Dates of birth: 02.07.1980 and 15.12.1978"
            out.append(Span(more.start("date"), more.end("date"), "dob"))
            more = _MORE_DATES.match(text, more.end())
    return out


def addresses(text: str) -> list[Span]:
    """Residential addresses from their first element to their last (RT/RW, kelurahan/desa, postcode)."""
    out: list[Span] = []
    for m in _ADDR_START.finditer(text):
        start = m.start()
        if out and start < out[-1].end:
            continue
        lower = next((c for c in m.group(0) if c.isalpha()), "A").islower()
        end = _address_end(text, start, lower)
        if end <= start or _OFFICE_BEFORE.search(text[max(0, start - 20) : start]):
            continue  # "Kepala Lingkungan XII": an office, not where someone lives
        if lower and not re.search(r"[\d,]", text[start:end]):
            continue  # "tinggal di kampung untuk menjaga kebun": one lower-case street word, no number
        if text[start:end].split()[0].rstrip(".").capitalize() in _UNIT_WORDS:
            more = "|".join((_EN_STREET, _STRONG_POSTCODE, _NAMED_STREET, _BUILDING))
            if not re.search(more, text[start:end], re.IGNORECASE if lower else 0):  # not "Room 12 of a hostel"
                continue
        if _STREET_ONLY.fullmatch(text[start:end]) and not _HOME_BEFORE.search(text[max(0, start - 40) : start]):
            continue  # a street named as a place ("bekerja di Jalan Niaga", "Bapas, Jl. Sultan Alauddin (kantor)")
        out.append(Span(start, end, "address"))
    for m in _NUMBER_POSTCODE.finditer(text):
        if not any(s.start <= m.start() < s.end or m.start() <= s.start < m.end() for s in out):
            out.append(Span(m.start(), m.end(), "address"))
    for m in _LABELLED_START.finditer(text):  # a desa or an RT alone, after "alamat"/"tinggal di"
        if _ADDR_LABEL.search(text[max(0, m.start() - 40) : m.start()]) and not any(
            s.start <= m.start() < s.end for s in out
        ):
            out.append(Span(m.start(), _address_end(text, m.start(), False), "address"))
    return sorted(out, key=lambda s: s.start)


def _address_end(text: str, start: int, lower: bool) -> int:
    part = _ADDR_PART_LOWER if lower else _ADDR_PART
    pos = end = start
    while pos - start < 240:  # an address is never longer: a long run of parts is no address and costs no time
        m = part.match(text, pos)
        if not m or m.end() == m.start():
            break
        end = m.end()
        sep = _SEPARATOR.match(text, end)
        pos = sep.end() if sep else end
    postcode = (_POSTCODE_LOWER if lower else _POSTCODE).match(text, end)
    if postcode and end > start and re.search(r"\d", text[start:end]):
        end = postcode.end()
    elif end > start and not lower:
        local = _LOCAL_NAME.match(text, end)  # "…, Blok B No. 12, Batu Aji, Batam": an unlabelled kelurahan
        if local and local.group(1).split()[0].lower() not in _NOT_LOCAL:
            end = local.end(1)
    end = min(end, text.find("\n", start) % (len(text) + 1))  # an address does not run over a line break
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end


# Word shapes for ebp.cases.names: a lower-case word that is an ordinary word with an affix is no name.
_PREFIXES = ("di", "ber", "be", "ter", "te", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "ke", "se")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "kan", "an", "i", "nya")


def stems(low: str) -> list[str]:
    """Stems of a lower-case word without an English or Indonesian affix ("says", "dipukulnya")."""
    bare = [low[: -len(s)] for s in _SUFFIXES if low.endswith(s) and len(low) - len(s) >= 3]
    return bare + [w[len(p) :] for w in [low, *bare] for p in _PREFIXES if w.startswith(p) and len(w) - len(p) >= 4]
