"""Personal names in case notes, found without a model: titles, cue phrases, name lists and capitals.

A word is taken for (part of) a name when a title comes before it (Bu, Pak, Mbak, Mrs, dr.), a cue
phrase does ("atas nama", "bernama", "dipanggil", "named", "née", "the … family", "anaknya, …"), it is
a known given name or surname (ebp/data/deid_names*.txt), or it is a capitalised word in mid-sentence
that is neither an ordinary word (ebp/data/deid_vocab.txt) nor a place, nor part of an institution's
name (Puskesmas Sukaluyu, Harrow Council). A name that is also an ordinary word (Putri, Hope, Will)
needs more: a title, a cue, a capital in mid-sentence or another name beside it. Once a word is a
name in a note, its other occurrences in that note are too (a lower-case ordinary word only when the
name itself was written in lower case). Titles and degrees stay outside the span, particles that
belong to the name (bin, binti, Ni Luh, I Wayan, Teuku, Andi) inside it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from ebp.cases.patterns import Span

HONORIFICS = frozenset(
    """bu ibu pak bapak mas mbak dik adik teh aa akang kang uda uni mbah mbok oma opa koh cik om tante mama papa
    inaq amaq daeng ustadz ustadzah ustad ustadz pdt dr drg mr mrs ms miss mx koro kak bang abang bude pakde bulek
    bulik paklik nenek kakek eyang engkong encik uwak wak ners sdr sdri saudara saudari ompung opung amang inang bli
    nyonya tuan ny tn hj h haji hajjah bunda umi abi mak etek mamak pastor romo suster sister father prof""".split()
)
PARTICLES = frozenset("bin binti br boru ni luh made putu wayan nyoman ketut komang kadek gede nengah teuku cut andi "
                      "lalu baiq muh dela al van de der von da dos".split())  # fmt: skip
_BALINESE = frozenset("wayan made nyoman ketut putu gede kadek komang nengah".split())
_CUES = re.compile(
    r"(?:atas\s+nama|a\.n\.|bernama|namanya|nama\s*:|nama\s+klien\s*:?|nama\s+anak\s*:?|dipanggil|panggilan|"
    r"alias|named|called|nicknamed|known\s+as|aka|née|nee|name\s*:|client\s*:|klien\s*:|korban\s*:|pelaku\s*:|"
    r"perpetrator\s*:|victim\s*:|child\s*:|anak\s*:|keluarga|family\s+of)\s*$",
    re.IGNORECASE,
)
_KIN_GAP = r"\s*[,(]?\s*$"
_KIN = re.compile(
    r"(?:ibunya|ayahnya|bapaknya|anaknya|adiknya|kakaknya|suaminya|istrinya|neneknya|kakeknya|pamannya|bibinya|"
    r"tetangga|tetangganya|temannya|pacarnya|menantunya|cucunya|sepupunya|keponakannya|mantan\s+suami(?:nya)?|"
    r"ayah\s+tiri(?:nya)?|ibu\s+tiri(?:nya)?|mum|mom|mother|dad|father|son|daughter|sister|brother|nan|nana|gran|"
    r"grandma|grandmother|grandad|grandfather|aunt|auntie|uncle|cousin|partner|ex-partner|boyfriend|girlfriend|"
    r"husband|wife|carer|neighbour|neighbor|friend|stepfather|stepmother|stepdad|stepmum|niece|nephew|baby|"
    r"teacher|guru|wali\s+kelas|kader|pendamping|twins?|kids?|children|spouse|ex|suami|istri|pelapor|supervisor|"
    r"worker|caregiver|coordinator|carer|pekerja\s+sosial|pendamping|penanggung\s+jawab|kemasyarakatan)" + _KIN_GAP,
    re.IGNORECASE,
)
_THE_FAMILY = re.compile(r"\b(?:the\s+)?([A-Za-z][\w'’-]+)\s+(?:family|household|children|kids)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:di|ke|dari|asal|menuju|kota|kabupaten|in|at|from|near|into)\s*$", re.I)
_LABEL_BEFORE = re.compile(r"[\w)]\s*:\s*$")  # "Supervisor: Yusrizal", "Mother: Chioma Okafor"
_AND = frozenset({"and", "dan", "&"})
INSTITUTION = frozenset(
    """puskesmas rsud rsup rsia rs rumah sakit klinik sd smp sma smk mts ma mi slb sekolah pesantren universitas
    dinas uptd ptpn polsek polres polda pengadilan kejaksaan kantor yayasan lpka lapas rutan panti lembaga badan
    kementerian kecamatan kota kabupaten kab provinsi kelurahan desa pasar terminal stasiun masjid gereja pura
    bank kua bpjs bpbd bnn lpsk lbh p2tp2a hospital school college council university clinic centre center trust
    court academy elementary primary high church mosque station library service services team unit ward
    department police tamariki agency office ministry charity foundation house hostel refuge surgery practice
    nhs st saint mount""".split()
)
_EPONYMS = frozenset("alzheimer alzheimer's parkinson parkinson's asperger asperger's crohn down tourette huntington "
                     "merton".split())  # fmt: skip
PLACES = frozenset(
    """indonesia jakarta bandung surabaya medan semarang makassar palembang yogyakarta jogja solo surakarta malang
    bogor depok bekasi tangerang cimahi garut tasikmalaya cirebon sukabumi cianjur karawang purwakarta subang
    sumedang majalengka kuningan indramayu ciamis banjar pangandaran serang cilegon pandeglang lebak tegal brebes
    pekalongan batang kendal demak kudus jepara pati rembang blora grobogan boyolali klaten sukoharjo wonogiri
    karanganyar sragen magelang temanggung wonosobo purworejo kebumen banyumas purwokerto cilacap banjarnegara
    purbalingga sleman bantul kulonprogo gunungkidul kediri blitar tulungagung trenggalek madiun ponorogo pacitan
    ngawi magetan nganjuk jombang mojokerto sidoarjo gresik lamongan tuban bojonegoro pasuruan probolinggo
    lumajang jember banyuwangi bondowoso situbondo madura bangkalan sampang pamekasan sumenep denpasar badung
    gianyar tabanan bangli klungkung karangasem buleleng jembrana bali lombok mataram sumbawa bima kupang flores
    ende maumere sumba aceh banda lhokseumawe langsa sabang meulaboh padang bukittinggi payakumbuh pariaman
    pekanbaru dumai batam tanjungpinang jambi bengkulu lampung bandar metro pangkalpinang belitung pontianak
    singkawang palangkaraya banjarmasin banjarbaru samarinda balikpapan bontang tarakan manado bitung gorontalo
    palu kendari baubau mamuju pare-pare parepare bone gowa maros ambon ternate tidore sorong manokwari jayapura
    merauke wamena timika nabire biak papua maluku sulawesi kalimantan sumatera sumatra jawa java riau banten
    jabar jateng jatim ntt ntb diy dki sunda nusa tenggara barat timur utara selatan tengah pluit tanah abang
    kampung melayu petisah cikini menteng senen kemayoran cakung cilincing bintaro ciputat pamulang serpong
    malaysia singapore singapura australia england scotland wales ireland uk usa america london leeds manchester
    birmingham liverpool bristol sheffield bradford coventry leicester nottingham newcastle glasgow edinburgh
    dundee aberdeen cardiff belfast harrow lambeth croydon hackney brent ealing camden tower hamlets luton
    sydney melbourne brisbane perth adelaide auckland wellington christchurch toronto vancouver chicago boston
    houston dallas phoenix seattle denver atlanta miami springfield kabul kandahar herat pakistan afghanistan
    syria iraq iran somalia sudan eritrea ethiopia nigeria ghana kenya uganda myanmar rohingya timor leste
    philippines manila vietnam thailand bangkok china india bangladesh""".split()
)
MONTHS = frozenset(
    """januari februari pebruari maret april mei juni juli agustus september oktober november nopember desember
    january february march may june july august october december jan feb mar apr jun jul aug agu agt sep sept okt
    oct nov des dec senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday saturday
    sunday""".split()
)
# Roles and everyday words a title may stand before without a name following ("Pak RT", "bu kader", "ibu klien").
ROLES = frozenset(
    """rt rw lurah camat kades kadus bidan dokter guru kader klien korban pelaku polisi hakim jaksa ketua kepala
    sekretaris bendahara ustadz kyai kiai pendeta pastor imam lurahnya rumah tangga dan yang itu ini juga sudah
    tidak belum mau akan bilang kata tiri kandung angkat kami saya dia mereka minta cerita datang pulang pergi
    sakit kerja bekerja the a an and is was""".split()
)
_SHORT_TITLES = frozenset("bu pak mbak mas dik teh om tante kak bang mbah mr mrs ms miss koh cik uni uda".split())
_AGE_AFTER = re.compile(r"\s*\(\s*\d{1,2}\s*(?:th|thn|tahun|yo|y|yrs?|years?)?\s*[,)]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


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


@functools.cache
def _lines(name: str) -> frozenset[str]:
    text = resources.files("ebp").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())


def names_list() -> frozenset[str]:
    return _lines("deid_names.txt") | _lines("deid_names_extra.txt")


def vocabulary() -> frozenset[str]:
    return _lines("deid_vocab.txt") | _lines("deid_vocab_extra.txt")


def tokens(text: str) -> list[Token]:
    out = []
    for m in _WORD.finditer(text):
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


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text)
        self.names, self.vocab = names_list(), vocabulary()
        self.blocked = self._institutions()
        self.found: set[int] = set()

    # -- what a word is ----------------------------------------------------------------------------------
    def common(self, t: Token) -> bool:
        low = t.low
        for suffix in ("nya", "ku", "mu", "lah"):  # Indonesian clitics: "tirinya" is "tiri" + "nya"
            if low.endswith(suffix) and low[: -len(suffix)] in self.vocab:
                return True
        return low in self.vocab or low in HONORIFICS or low in INSTITUTION or low in MONTHS or low in ROLES

    def place(self, i: int) -> bool:
        t = self.toks[i]
        if t.low in PLACES or t.low in _EPONYMS:
            return True
        known = t.low in self.names and not self.common(t)  # "received from Carys Morgan"
        return not known and bool(_PLACE_BEFORE.search(self.gap_before(i)))

    def gap_before(self, i: int) -> str:
        start = self.toks[i - 1].end if i else 0
        return self.text[max(0, start - 30) : self.toks[i].start] if i else self.text[: self.toks[i].start]

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i with only spaces (or a title's full stop) between them."""
        if i + 1 >= len(self.toks):
            return False
        t, gap = self.toks[i], self.text[self.toks[i].end : self.toks[i + 1].start]
        if gap.strip(" ") == "." and (t.low in HONORIFICS or t.low in PARTICLES or len(t.text) == 1):
            return "\n" not in gap  # a title's or an initial's full stop: "dr. Fajar", "J. Smith"
        return gap.strip(" ") == "" and "\n" not in gap

    def nameish(self, i: int, after_cue: bool) -> bool:
        """Could token i be a name here (capitalised or, after a title or cue, a lower-case word)?"""
        t = self.toks[i]
        if i in self.blocked or t.acronym or t.low in HONORIFICS or len(t.text) < 2:
            return False
        if t.upper:
            return t.low in self.names or not self.common(t) or after_cue
        title = self.toks[i - 1].low if i else ""
        paren = self.text[t.start - 1 : t.start] == "(" and self.text[t.end : t.end + 1] == ")"
        if after_cue and (title in _SHORT_TITLES or paren) and t.low not in ROLES and t.low not in MONTHS:
            return True  # "bu wati", "mbak sari": after a short title a lower-case word is a name
        return after_cue and not self.common(t) or (t.low in self.names and not self.common(t) and len(t.low) > 2)

    # -- passes -------------------------------------------------------------------------------------------
    def _institutions(self) -> set[int]:
        """Capitalised runs that name an institution or hold a place word: none of their words is a name."""
        blocked: set[int] = set()
        run: list[int] = []
        for i, t in enumerate(self.toks + [None]):  # type: ignore[list-item]
            if t is not None and (t.upper or t.text.isdigit()) and (not run or self.adjacent(run[-1])):
                run.append(i)
                continue
            if any(self.toks[j].low in INSTITUTION or self.toks[j].low in _EPONYMS for j in run):
                blocked.update(run)
            run = [i] if t is not None and t.upper else []
        return blocked

    def mark(self, i: int, lower_ok: bool = False) -> None:
        """Token i is a name: take it with the name words and particles right after it."""
        self.found.add(i)
        j = i
        while self.adjacent(j) and j + 1 not in self.blocked:
            nxt = self.toks[j + 1]
            if nxt.low in PARTICLES and j + 2 < len(self.toks) and self.adjacent(j + 1):
                j += 1
                self.found.add(j)
                continue
            if nxt.acronym or nxt.low in HONORIFICS or nxt.dot and len(nxt.text) <= 3 and nxt.low not in PARTICLES:
                break
            if nxt.upper and nxt.low not in MONTHS | INSTITUTION and not self.place(j + 1):
                j += 1  # a capitalised word inside a name is the name's, even an ordinary one ("Petrus Ajang")
            elif lower_ok and not nxt.upper and nxt.low in self.names and not self.common(nxt):
                j += 1
            else:
                break
            self.found.add(j)

    def titles_and_cues(self) -> None:
        for i, t in enumerate(self.toks[:-1]):
            titled = t.low in HONORIFICS and self.adjacent(i) and not (t.upper and t.initial and t.low == "ibu" and
                                                                         not self.toks[i + 1].upper)  # fmt: skip
            gap = self.text[max(0, self.toks[i + 1].start - 30) : self.toks[i + 1].start]
            cued = bool(_CUES.search(gap) or _KIN.search(gap))
            paren = gap.rstrip().endswith("(") and self.text[self.toks[i + 1].end : self.toks[i + 1].end + 1] == ")"
            if (titled or cued) and self.nameish(i + 1, after_cue=titled or paren or bool(_CUES.search(gap))):
                nxt = self.toks[i + 1]
                paren = gap.rstrip().endswith("(") and self.text[nxt.end : nxt.end + 1] == ")"
                if cued and not titled and not nxt.upper and self.common(nxt) and not paren:
                    continue
                self.mark(i + 1, lower_ok=not nxt.upper)
        for i, t in enumerate(self.toks):  # "chidi (14)": a lower-case word with an age after it
            if not t.upper and not self.common(t) and len(t.low) > 2 and _AGE_AFTER.match(self.text, t.end):
                self.found.add(i)
        for m in _THE_FAMILY.finditer(self.text):
            i = next(k for k, t in enumerate(self.toks) if t.start == m.start(1))
            if self.toks[i].low in self.names or not self.common(self.toks[i]):
                self.found.add(i)

    def capitals(self) -> None:
        """Capitalised words: known names, or unknown words in mid-sentence that are no place."""
        for i, t in enumerate(self.toks):
            if not t.upper or t.acronym or i in self.blocked or i in self.found or t.low in HONORIFICS | MONTHS:
                continue
            if t.low in PARTICLES:
                self._particles(i)
            elif self._capital_is_name(i):
                self.mark(i)

    def _capital_is_name(self, i: int) -> bool:
        t = self.toks[i]
        known, common = t.low in self.names, self.common(t)
        if self.place(i):
            return False
        if known:  # an ordinary word that is also a name needs a capital in mid-sentence or a name beside it
            return not common or not t.initial or self._name_word(i + 1) or bool(i and self._name_word(i - 1))
        if common:
            return False
        return (
            (not t.initial and len(t.text) > 2)
            or bool(_AGE_AFTER.match(self.text, t.end))  # "Chidi (14)": a person with an age
            or bool(_LABEL_BEFORE.search(self.gap_before(i)))  # "Supervisor: Yusrizal"
            or (len(t.text) > 3 and self._verb_after(i))  # "Nofriyanti melaporkan …" opening a sentence
        )

    def _particles(self, i: int) -> None:
        """ "Ni Luh Putu Ariani", "I Made Sudarsana": particles are in the name when a name follows them."""
        j = i
        while j + 1 < len(self.toks) and self.adjacent(j) and self.toks[j + 1].low in PARTICLES:
            j += 1
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) and self.adjacent(j) else None
        if nxt and nxt.upper and (nxt.low in self.names or not self.common(nxt)) and j + 1 not in self.blocked:
            if self.toks[i].low != "i" or self.toks[i + 1].low in _BALINESE:
                self.found.update(range(i, j + 1))
                self.mark(j + 1)

    def lower_case_names(self) -> None:
        """Known names written in lower case, in an informal note (most sentences open in lower case)."""
        initials = [t.upper for t in self.toks if t.initial]
        if initials.count(False) < initials.count(True):
            return
        for i, t in enumerate(self.toks):
            if t.upper or i in self.found or self.common(t) or len(t.low) < 3:
                continue
            if t.low in self.names:
                self.mark(i, lower_ok=True)
            elif t.low.startswith(("mc", "mac", "o'")):
                self.found.add(i)  # "mcleod"

    def _verb_after(self, i: int) -> bool:
        """A lower-case word follows (the sentence goes on: the capital is the name's, not only the sentence's)."""
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        return bool(nxt and not nxt.upper and self.text[self.toks[i].end : nxt.start].strip() in ("", "(", ",") and
                    self.common(nxt))  # fmt: skip

    def extend_left(self) -> None:
        """A capitalised word right before a name is part of it ("night carer Precious Moyo")."""
        for i in sorted(self.found):
            j = i
            while j > 0 and j - 1 not in self.found and self.adjacent(j - 1):
                prev = self.toks[j - 1]
                if not prev.upper or prev.acronym or prev.low in HONORIFICS | MONTHS or j - 1 in self.blocked:
                    break
                if self.place(j - 1) or (prev.initial and self.common(prev)) or not self.toks[i].upper:
                    break
                self.found.add(j - 1)
                j -= 1

    def coordinated(self) -> None:
        """ "alfie and lily", "Chen Li and Zhang Mei": a name's partner after "and" is a name too."""
        for i in sorted(self.found):
            if i + 2 >= len(self.toks) or self.toks[i + 1].low not in _AND or i + 2 in self.found:
                continue
            t, nxt = self.toks[i], self.toks[i + 2]
            if i + 2 in self.blocked or nxt.acronym or nxt.low in HONORIFICS:
                continue
            if nxt.upper == t.upper and (nxt.low in self.names or not self.common(nxt)):
                self.mark(i + 2, lower_ok=not nxt.upper)

    def _name_word(self, i: int) -> bool:
        t = self.toks[i]
        return t.upper and not t.acronym and i not in self.blocked and t.low in self.names and t.low not in PLACES

    def propagate(self) -> None:
        """Every other occurrence of a word found as a name in this note."""
        seen = {(self.toks[i].low, self.toks[i].upper) for i in self.found if self.toks[i].low not in PARTICLES}
        lower = {low for low, upper in seen if not upper}
        upper = {low for low, upper in seen if upper}
        for i, t in enumerate(self.toks):
            if i in self.found or i in self.blocked or len(t.low) < 3 or t.acronym:
                continue
            if (t.upper and t.low in upper | lower) or (not t.upper and t.low in lower):
                self.found.add(i)
            elif not t.upper and t.low in upper and not self.common(t):
                self.found.add(i)

    def spans(self) -> list[Span]:
        out: list[Span] = []
        for i in sorted(self.found):
            t = self.toks[i]
            if out and i - 1 in self.found and self.adjacent(i - 1):
                out[-1] = Span(out[-1].start, t.end, "name")
            else:
                out.append(Span(t.start, t.end, "name"))
        return out


def find_names(text: str) -> list[Span]:
    """The personal names in ``text``, one span per run of name words.

    Example: ``find_names("Ibunya, Bu Sri Mulyani, bekerja.")`` gives the span of "Sri Mulyani"
    """
    finder = _Finder(text)
    finder.titles_and_cues()
    finder.capitals()
    finder.lower_case_names()
    finder.extend_left()
    finder.coordinated()
    finder.propagate()
    return finder.spans()
