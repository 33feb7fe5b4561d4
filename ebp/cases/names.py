"""Personal names in case notes, found without a model: titles, cue phrases, name lists and capitals.

A word is taken for (part of) a name when a title comes before it (Bu, Pak, Mbak, Mrs, dr.), a cue phrase does ("atas
nama", "bernama", "dipanggil", "named", "née", "the … family", "anaknya, …"), it is a known given name or surname
(ebp/data/deid_names*.txt), or it is a capitalised word in mid-sentence that is neither an ordinary word
(ebp/data/deid_vocab.txt) nor a place, nor part of an institution's name (Puskesmas Sukaluyu, Harrow Council). A name
that is also an ordinary word (Putri, Hope, Will) needs more: a title, a cue, a capital in mid-sentence or another
name beside it. Once a word is a name in a note, its other occurrences in that note are too (a lower-case ordinary
word only when the name itself was written in lower case). Titles and degrees stay outside the span, particles that
belong to the name (bin, binti, Ni Luh, I Wayan, Teuku, Andi) inside it. In a chat, a word that opens two lines or
more as "jess:" is a speaker's name; the layouts that say where a name stands (a time-stamped chat label, a greeting,
a quoted nickname, "s/o") are read in ebp.cases.name_forms. Word lists: ebp/data/deid_*.txt (names and vocabulary
by build_lists.py).
"""

from __future__ import annotations

import re

from ebp.cases.name_forms import beside_capital, chat_speakers, greetings, joints, list_item, nicknames, speakers
from ebp.cases.name_words import (
    AGE_AFTER,
    ALIAS,
    BALINESE,
    CALL_PARTICLES,
    CUES,
    DRUG,
    HONORIFICS,
    INSTITUTION,
    KIN,
    LABEL_BEFORE,
    PARTICLES,
    PERSON_VERB,
    PLACE_BEFORE,
    ROLES,
    SHORT_TITLES,
    THE_FAMILY,
    Token,
    lines,
    message_starts,
    tokens,
)
from ebp.cases.patterns import MONTHS, Span, stems

_AND = ("and", "dan", "&", "sama", "serta", "or", "atau")
_AGED = re.compile(r"\s*\(\d{1,2}\)")  # "(11)": an age in brackets, nothing else


class _Finder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text)
        self.names = lines("deid_names.txt") | lines("deid_names_extra.txt")
        self.vocab = lines("deid_vocab.txt") | lines("deid_vocab_extra.txt")
        self.roots = lines("deid_vocab_id.txt")  # dictionary words: only for the word opening a sentence
        self.places = lines("deid_places.txt")
        self.towns = lines("deid_places_geo.txt")  # the world's towns: many are surnames too, so asked about less
        self.blocked = self._institutions()
        self.found: set[int] = set()

    # -- what a word is ----------------------------------------------------------------------------------
    def common(self, t: Token) -> bool:
        low = t.low
        for suffix in ("nya", "ku", "mu", "lah"):  # Indonesian clitics: "tirinya" is "tiri" + "nya"
            if low.endswith(suffix) and low[: -len(suffix)] in self.vocab:
                return True
        if re.search(r"-(?:born|based|speaking|raised|bred|led|run|compliant|in-law)$", low) or DRUG.search(low):
            return True
        if low in self.vocab or low in HONORIFICS or low in INSTITUTION or low in MONTHS or low in ROLES:
            return True
        if low.rstrip("s") in MONTHS:  # "on Wednesdays"
            return True
        return not t.upper and any(stem in self.vocab for stem in stems(low))  # "says", "disalin", "dipukulnya"

    def place(self, i: int) -> bool:
        t = self.toks[i]
        cue = PLACE_BEFORE.search(self.gap_before(i))
        if t.low in self.places or t.low.split("-")[0] in self.places or cue and cue.group("admin"):
            return True
        nxt = i + 1 < len(self.toks) and self.adjacent(i) and self.toks[i + 1].upper and self._name_word(i + 1)
        if t.low in self.names and not self.common(t) or nxt and not self.common(t):  # "from Carys Morgan": a name
            return False
        # the place cue may stand up to three capitalised words before: "Kec. Tuah Madani"
        for k in range(i, max(-1, i - 4), -1):
            prev = self.toks[k]
            if k < i and (not (self.toks[k + 1].upper and prev.upper and self.adjacent(k)) or prev.low in self.names):
                return False
            if (k < i and self.toks[k].low in self.places) or PLACE_BEFORE.search(self.gap_before(k)):
                return True
        return False

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
        known = t.low in self.names or not self.common(t)  # "suster ani", "si bintang", "(dawn)"
        short = title in SHORT_TITLES or (title in HONORIFICS or paren) and known
        if after_cue and short and t.low not in ROLES and t.low not in MONTHS:
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
            if any(self.toks[j].low in INSTITUTION and (len(self.toks[j].low) > 2 or self.toks[j].acronym or
                   self.toks[j].low == "st") for j in run):  # fmt: skip
                blocked.update(run)
            run = [i] if t is not None and t.upper else []
        return blocked

    def mark(self, i: int, lower_ok: bool = False, titled: bool = False) -> None:
        """Token i is a name: take it with the name words and particles right after it (after a title or cue, a
        place word too: "Bapak Hamid Ternate")."""
        self.found.add(i)
        j = i
        while self.adjacent(j) and j + 1 not in self.blocked:
            nxt = self.toks[j + 1]
            if nxt.low in PARTICLES and j + 2 < len(self.toks) and self.adjacent(j + 1):
                j += 1
                self.found.add(j)
                continue
            if nxt.upper and nxt.low in MONTHS and self._month_in_name(j + 1):
                j += 1
                self.found.add(j)
                continue
            if nxt.acronym or nxt.low in HONORIFICS or nxt.dot and len(nxt.text) <= 3 and nxt.low not in PARTICLES:
                break
            if self.text[nxt.end : nxt.end + 1] == ":":  # the next label: "Mother: Rowena Dizon   Child: Angelo"
                break
            surname = titled and nxt.low in self.places and not self.common(nxt)
            if nxt.upper and nxt.low not in MONTHS | INSTITUTION and (not self.place(j + 1) or surname or
                                                                      self._surname_after(j)):  # fmt: skip
                j += 1  # a capitalised word inside a name is the name's, even an ordinary one ("Petrus Ajang")
            elif lower_ok and not nxt.upper and not self.common(nxt) and (nxt.low in self.names or self._unknown(nxt)):
                j += 1
            else:
                break
            self.found.add(j)

    def _month_in_name(self, i: int) -> bool:
        """A month word between name words, no number beside it: "Lim Mei Hua", "Zhang Mei and …"."""
        around = self.text[max(0, self.toks[i].start - 4) : self.toks[i].end + 6]
        return not re.search(r"\d", around) and (i + 1 >= len(self.toks) or not self.adjacent(i) or
                                                  self.toks[i + 1].upper or self.common(self.toks[i + 1]))  # fmt: skip

    def titles_and_cues(self) -> None:
        for i, t in enumerate(self.toks[:-1]):
            titled = t.low in HONORIFICS and self.adjacent(i) and self.text[t.start - 1 : t.start] != "."  # not "M.Si."
            titled = titled and not (t.upper and t.initial and t.low == "ibu" and not self.toks[i + 1].upper)
            gap = self.text[max(0, self.toks[i + 1].start - 30) : self.toks[i + 1].start].rsplit("\n", 1)[-1]
            cued = bool(CUES.search(gap) or KIN.search(gap)) and (
                not self.place(i + 1) or self._surname_after(i + 1) or bool(ALIAS.search(gap))
            )
            paren = gap.rstrip().endswith("(") and self.text[self.toks[i + 1].end : self.toks[i + 1].end + 1] == ")"
            appos = cued and self._apposition(i + 1, gap)  # "pemilik rumah, Acai, meminta …"
            if (titled or cued) and self.nameish(i + 1, after_cue=titled or paren or appos or bool(CUES.search(gap))):
                nxt = self.toks[i + 1]
                paren = gap.rstrip().endswith("(") and self.text[nxt.end : nxt.end + 1] == ")"
                if cued and not titled and not nxt.upper and self.common(nxt) and not paren:
                    continue
                if cued and not titled and nxt.dot and len(nxt.text) <= 3 and nxt.low not in self.names:
                    continue  # "Pasien: An. Fadhil": an abbreviated title, the name after it
                if re.search(r"keluarga\s*$", gap, re.I) and self.common(nxt) and nxt.low not in self.names:
                    continue  # "keluarga Tionghoa", "keluarga besar": no family name
                self.mark(i + 1, lower_ok=not nxt.upper, titled=True)
        for i, t in enumerate(self.toks):  # "chidi (14)": a lower-case word with an age after it
            if not t.upper and not self.common(t) and len(t.low) > 2 and AGE_AFTER.match(self.text, t.end):
                self.found.add(i)
        for m in THE_FAMILY.finditer(self.text):
            i = next(k for k, t in enumerate(self.toks) if t.start == m.start(1))
            if (self.toks[i].low in self.names or not self.common(self.toks[i])) and not self.place(i):
                self.found.add(i)

    def _surname_after(self, i: int) -> bool:
        """A place word with an unknown capitalised word after it is a person after a kin cue ("ex-partner, Dallas
        Reihana"); alone it stays a place ("care worker (Auckland)")."""
        nxt = self.toks[i + 1] if self.adjacent(i) else None
        return bool(nxt and nxt.upper and not nxt.acronym and not self.common(nxt) and nxt.low not in self.places)

    def _apposition(self, i: int, gap: str) -> bool:
        """A capitalised word set off by commas right after a kin word or role is that person's name, even an ordinary
        word ("her landlord, Hope, said"): the comma after it (or after one or two more capitalised words) closes it."""
        t = self.toks[i]
        after = re.match(r"(?:\s+[A-Z][\w'’-]*){0,2}\s*(?:[,;)]|\.(?:\s|$))", self.text[t.end :])
        return gap.rstrip().endswith(",") and t.upper and not t.initial and bool(after)

    def capitals(self) -> None:
        """Capitalised words: known names, or unknown words in mid-sentence that are no place."""
        for i, t in enumerate(self.toks):
            if not t.upper or t.acronym or i in self.blocked or i in self.found or t.low in HONORIFICS:
                continue
            if t.low in MONTHS and not (self.adjacent(i) and self._name_word(i + 1) and self._month_in_name(i)):
                continue
            if t.low in PARTICLES:
                self._particles(i)
            elif t.low in MONTHS:  # "Jun Santos", "May Lee": a month word as a given name before a known surname
                self.mark(i)
            elif self._capital_is_name(i):
                self.mark(i)

    def _capital_is_name(self, i: int) -> bool:
        t = self.toks[i]
        known, common = t.low in self.names, self.common(t)
        if self.place(i):
            return False
        if known:  # an ordinary word that is also a name needs a capital in mid-sentence or a name beside it
            beside = (
                self.adjacent(i)
                and self._name_word(i + 1)
                or bool(i and self.adjacent(i - 1) and self._name_word(i - 1))
            )
            acts = bool(AGE_AFTER.match(self.text, t.end) or PERSON_VERB.match(self.text, t.end))  # "Joy said"
            return not common or not t.initial or beside or acts
        if common or t.initial and self._opener(t):
            return False
        if t.low in self.towns and not beside_capital(self, i):  # "the Kisumu office"; "Wanjiru Eldoret" stays a name
            return False
        alone = self.text[t.start - 1 : t.start] == "(" and self.text[t.end : t.end + 1] == ")"
        return (
            (not t.initial and len(t.text) > 2 and (not alone or i - 1 in self.found))  # "(Peterborough)": a place
            or bool(AGE_AFTER.match(self.text, t.end))  # "Chidi (14)": a person with an age
            or bool(len(t.text) > 3 and re.match(r" \((?!\d)", self.text[t.end :]) and list_item(self, i))
            or bool(LABEL_BEFORE.search(self.gap_before(i)))  # "Supervisor: Yusrizal"
            or (len(t.text) > 3 and self._verb_after(i))  # "Nofriyanti melaporkan …" opening a sentence
        )

    def _opener(self, t: Token) -> bool:
        """A dictionary word, bare or with an affix, opening a sentence or a list item ("Kronologi singkat",
        "Menghubungi …", "Diteruskan ke …"): its capital is the sentence's. The dictionary holds names too (Bayu,
        Akbar), so it is not asked about a word in mid-sentence or in lower case."""
        return any(w in self.roots or w in self.vocab for w in (t.low, *(w for w in stems(t.low) if len(w) > 3)))

    def _particles(self, i: int) -> None:
        """ "Ni Luh Putu Ariani", "I Made Sudarsana": particles are in the name when a name follows them."""
        j = i
        while j + 1 < len(self.toks) and self.adjacent(j) and self.toks[j + 1].low in PARTICLES:
            j += 1
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) and self.adjacent(j) else None
        if nxt and nxt.upper and (nxt.low in self.names or not self.common(nxt)) and j + 1 not in self.blocked:
            if self.toks[i].low != "i" or self.toks[i + 1].low in BALINESE:
                self.found.update(range(i, j + 1))
                self.mark(j + 1)

    def lower_case_names(self) -> None:
        """Known names written in lower case, in an informal note (most sentences open in lower case)."""
        said = message_starts(self.text)  # a chat line's message opens after "Grace W:"
        initials = [t.upper for t in self.toks if t.initial or t.start in said]
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
        said = message_starts(self.text)
        for i in sorted(self.found):
            j = i
            while j > 0 and j - 1 not in self.found and self.adjacent(j - 1):
                prev = self.toks[j - 1]
                if prev.acronym or prev.low in HONORIFICS | MONTHS | ROLES or j - 1 in self.blocked:
                    break
                if not prev.upper:  # "amber lewis": a known given name before a lower-case name
                    opens = prev.initial or prev.start in said  # "amber lewis." opening a message, not "i'll ring shaz"
                    known = prev.low in self.names and (
                        not self.common(prev) or opens and self.toks[i].low in self.names
                    )
                    if self.toks[i].upper or not known or len(prev.low) < 3:
                        break
                    self.found.add(j - 1)
                    j -= 1
                    continue
                opens = prev.initial or self.gap_before(j - 1).rstrip().endswith(":")  # "Kasus 1: Keluarga …"
                ordinary = self.common(prev) and opens
                if self.place(j - 1) or ordinary or not self.toks[i].upper:
                    break
                self.found.add(j - 1)
                j -= 1

    def coordinated(self) -> None:
        """ "alfie and lily", "Chen Li and Zhang Mei": a name's partner after "and" is a name too; so is an ordinary
        word with an age after it beside a name with one ("rudi (11) sama bunga (6)")."""
        for i in sorted(self.found):
            if i + 2 >= len(self.toks) or self.toks[i + 1].low not in _AND or i + 2 in self.found:
                continue
            t, nxt = self.toks[i], self.toks[i + 2]
            if i + 2 in self.blocked or nxt.acronym or nxt.low in HONORIFICS | ROLES or KIN.search(nxt.low):
                continue
            aged = bool(_AGED.match(self.text, t.end) and _AGED.match(self.text, nxt.end))
            if nxt.upper == t.upper and (nxt.low in self.names or not self.common(nxt) or aged):
                self.mark(i + 2, lower_ok=not nxt.upper)

    def _unknown(self, t: Token) -> bool:
        """A word of no dictionary, not a chat's vowelless shorthand ("yg", "skrg") nor an English inflection the word
        lists lack ("kicked"): a name's, beside a name."""
        shape = bool(re.search("[aeiou]", t.low)) and not t.low.endswith(("ed", "ing", "ly", "ies"))
        return len(t.low) > 2 and t.low not in self.roots and shape and not self.common(t)

    def _name_word(self, i: int) -> bool:
        t = self.toks[i]
        return t.upper and not t.acronym and i not in self.blocked and t.low in self.names and t.low not in self.places

    def propagate(self) -> None:
        """Every other occurrence of a word found as a name in this note."""
        seen = {(self.toks[i].low, self.toks[i].upper) for i in self.found if self.toks[i].low not in PARTICLES}
        lower = {low for low, upper in seen if not upper}
        upper = {low for low, upper in seen if upper}
        upper |= {self.toks[i].low for i in self.found if self.toks[i].low in CALL_PARTICLES}  # "Baiq dinikahkan"
        for i, t in enumerate(self.toks):
            if i in self.found or i in self.blocked or len(t.low) < 3 or t.acronym:
                continue
            if (t.upper and t.low in upper | lower) or (not t.upper and t.low in lower):
                self.found.add(i)
            elif not t.upper and t.low in upper and not self.common(t):
                self.found.add(i)

    def whole_names(self) -> None:
        """Every other occurrence of a name of two words or more found in this note, its short words included."""
        for span in self.spans():
            phrase = self.text[span.start : span.end]
            if " " not in phrase:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", self.text):
                self.found.update(i for i, t in enumerate(self.toks) if m.start() <= t.start < m.end())

    def spans(self) -> list[Span]:
        out: list[Span] = []
        for i in sorted(self.found):
            t = self.toks[i]
            gap = self.text[self.toks[i - 1].end : t.start] if i else ""
            if out and i - 1 in self.found and (self.adjacent(i - 1) or gap == "/"):  # "Arun s/o Krishnan"
                out[-1] = Span(out[-1].start, t.end, "name")
            else:  # a Polynesian okina opens the name: "'Ofa Tupou", not a quotation ('Ofa')
                okina = t.start > 0 and self.text[t.start - 1] in "'‘ʻ" and self.text[t.end : t.end + 1] not in "'’"
                okina = okina and (t.start == 1 or self.text[t.start - 2].isspace())
                out.append(Span(t.start - 1 if okina else t.start, t.end, "name"))
        return out


def find_names(text: str) -> list[Span]:
    """The personal names in ``text``, one span per run of name words.

    Example: ``find_names("Ibunya, Bu Sri Mulyani, bekerja.")`` gives the span of "Sri Mulyani"
    """
    finder = _Finder(text)
    speakers(finder)
    chat_speakers(finder)
    greetings(finder)
    finder.titles_and_cues()
    finder.capitals()
    finder.lower_case_names()
    finder.extend_left()
    finder.coordinated()
    nicknames(finder)
    joints(finder)
    finder.propagate()
    finder.whole_names()
    return finder.spans()
