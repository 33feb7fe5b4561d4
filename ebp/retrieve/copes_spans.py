"""The spans of a COPES question, copied from a case by rules (English and Indonesian).

Helpers of ``ebp.retrieve.copes``. The case is read as sentences: the client comes from the first
sentence that names a person; the option, comparison and outcome from the question ("apakah X efektif
untuk Y", "would X, compared with Y, reduce Z?", "A atau B, mana yang ...") and from the sentences in
which someone proposes an action ("kami berencana buka X", "I'm thinking of offering X"). A part the
case does not state stays "": a wrong part costs the practitioner more than an empty one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebp.text import LazyPattern

_I = re.IGNORECASE
_SENTENCE_BREAK = LazyPattern(r"(?<=[.?!])\s+")
_ABBREVIATION = LazyPattern(r"\b(?:mr|mrs|ms|dr|ny|tn|bpk|sdr|vs|no|e\.g|i\.e)\.$", _I)
_QUESTION_START = LazyPattern(
    r"^\W*(?:apakah|bagaimana|apa|mana|seberapa|bisakah|dapatkah|efektifkah|does|do|did|would|will|is|are|"
    r"can|could|should|which|what|how|whether)\b",
    _I,
)
_FIRST_PERSON = LazyPattern(r"\b(?:saya|aku|kami|kita|i|i'm|i've|we|we're|we've)\b", _I)

# --- the client -----------------------------------------------------------------------------------
_PERSON = LazyPattern(
    r"\b(?:m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|kids?|sons?|daughters?|mothers?|fathers?|parents?|"
    r"grand(?:mother|father|parent)s?|widow(?:er)?s?|adults?|adolescents?|teen(?:ager)?s?|youths?|"
    r"young\s+people|students?|pupils?|clients?|patients?|users?|residents?|survivors?|victims?|caregivers?|"
    r"carers?|famil(?:y|ies)|couples?|refugees?|migrants?|veterans?|(?<!social\s)workers?|person|people|"
    r"individuals?|offenders?|prisoners?|pensioners?|tenants?|infants?|bab(?:y|ies)|toddlers?|mrs|mr|ms|"
    r"husband|wife|anak(?:-anak)?|remaja|balita|bayi|siswa|siswi|pelajar|mahasiswa|murid|ibu|ayah|bapak|bu|"
    r"pak|nenek|kakek|lansia|lanjut\s+usia|orang\s+tua|keluarga|klien|pasien|perempuan|laki-laki|pria|wanita|"
    r"gadis|pemuda|janda|duda|suami|istri|korban|penyintas|pengguna|pecandu|penyandang|pekerja(?!\s+sosial)|"
    r"buruh|petani|nelayan|warga|pengasuh|penerima|narapidana|napi|tahanan|ODGJ|ODHA|ABH|pengungsi|"
    r"tunawisma|gelandangan|pemulung|difabel)\b",
    _I,
)
_FRAMING = LazyPattern(  # "Client is a ...", "Klien saya adalah ...": the worker's words before the client
    r"^(?:(?:our|my|the|this)\s+)?client\s+(?:is|was)\s+|^klien\s+(?:saya\s+|kami\s+)?(?:adalah|ialah|merupakan)\s+",
    _I,
)
_NOT_CLIENT_PREFIX = LazyPattern(  # words before the person that belong to the worker or the setting
    r"\b(?:saya|aku|kami|kita|i|i'm|we|our|my|di|ke|dari|pada|dalam|sebagai|in|at|on|from|as|ada|terdapat|"
    r"there|is|are|has|have|punya|pegang|mendampingi|dampingi|menangani|see|support|work|apakah|bagaimana|apa|"
    r"mengapa|kenapa|does|do|would|will|can|could|should|how|what|which|why)\b",
    _I,
)
_ARTICLE = LazyPattern(r"^(?:a|an|the|seorang|sebuah)\s+", _I)
_AGE = LazyPattern(
    r"\b\d{1,3}(?:\s*-\s*\d{1,3})?\s*(?:th|thn|tahun|years?(?:[- ]old)?|y\.?o)\b|"
    r"\b(?:aged|usia|umur|berusia|berumur)\s+\d{1,3}(?:\s*-\s*\d{1,3})?|\([^()]{0,20}\)",
    _I,
)
_PURE_AGE = LazyPattern(
    r"^(?:(?:aged|usia|umur|berusia|berumur)\s+)?\d{1,3}(?:\s*(?:th|thn|tahun|years?(?:\s+old)?|y\.?o\.?))?$", _I
)
_PROBLEM_MARK = LazyPattern(
    r"\b(?:with|who|that|whose|dengan|yang|korban|victims?|survivors?|mengalami|experiencing)\b", _I
)
_LONG_PARENTHESIS = LazyPattern(r"\s*\((?:[^()]*,[^()]*|\S+(?:\s+\S+){2,})\)")
_HARD_BREAK = LazyPattern(r"\s*[;:]\s+|\s+[-\u2013\u2014]\s+|\s*\u0000\s*")
_CLIENT_CUT = LazyPattern(  # where the description of who stops and a new statement begins
    r"\s+(?:(?:karena|sebab|sejak|ketika|saat|sewaktu|padahal|tetapi|tapi|namun|because|since|when|while|"
    r"whereas|but|although|though|after|before|until|unless)\s+(?!\w+ing\b)|"
    r"(?<!yang\s)(?<!dan\s)(?:takut|belum|enggan|menolak|nolak|ingin|mau|minta|butuh|membutuhkan|memerlukan|"
    r"perlu|masih|kini|sekarang|kemarin|kemudian|lalu|bisa|dapat|akan|harus)\b|(?:dan\s+)?sudah\b|"
    r"(?<!who\s)(?<!that\s)(?:is|was|are|were|has|had|says|said|wants|refuses|attends|lives|is\s+not)\b)",
    _I,
)
_TRAILING = LazyPattern(
    r"(?:[\s,;:.?!]+|\s+(?:dan|and|or|atau|yang|who|that|with|dengan|di|in|of|the|a|an|to|ke))+$", _I
)

# --- option, comparison, outcome -------------------------------------------------------------------
_EFFECT_VERB = (
    r"(?:reduces?|lowers?|cuts?|decreases?|prevents?|avoids?|stops?|improves?|increases?|raises?|boosts?|"
    r"strengthens?|builds?|restores?|helps?|makes?|keeps?|gets?|gives?|leads?|brings?|protects?|promotes?|"
    r"shortens?|delays?|works?)"
)
_COMPARE = (
    r"(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|versus|vs\.?|rather\s+than|instead\s+of|"
    r"as\s+opposed\s+to|(?:better|more\s+\w+|less\s+\w+)\s+than|dibandingkan(?:\s+dengan)?|"
    r"dibanding(?:\s+dengan)?|daripada|ketimbang)"
)
_ID_VERB = r"(?:me\w{3,}|ber\w{3,}|ter\w{3,})"
_COMPARE_CUE = LazyPattern(r"\s*,?\s*\b" + _COMPARE + r"(?:\s+|$)", _I)
_PART_STOP = LazyPattern(  # the end of an option or comparison phrase
    "|".join(
        (
            r"\s*[,?.;!]|\s+[-\u2013\u2014]\s",
            r"\s+(?:untuk|agar|supaya|buat|guna|sehingga|efektif|bisa|dapat|mampu|apakah|mana|so\s+that|in\s+order\s+to)\b",
            r"\s+(?:to\s+)?(?=" + _EFFECT_VERB + r"\b)",  # "..., reduce re-abuse", "... to reduce re-abuse"
            r"\s*,?\s*\b" + _COMPARE + r"\b",
            r"\s+(?:for|in|at)\s+(?=\w+ing\b)|\s+dalam\s+(?=" + _ID_VERB + r"\b)",  # "for reducing", "dalam menurunkan"
            r"\s+(?:do|does)\s+(?:more|better)\b",
            r"\s+to\s+(?=(?:screen|assess|measure|detect|identify|decide|check|treat)\b)",
        )
    ),
    _I,
)
_ID_PRED = r"(?:lebih\s+)?(?:efektif|baik|bisa|dapat|mampu|membantu|bermanfaat|berhasil|berguna|cocok|ampuh|manjur)"
_ID_EFFECT = (
    r"(?:mengurangi|menurunkan|meningkatkan|mencegah|memperbaiki|mengatasi|menghentikan|memulihkan|memperkuat|"
    r"menekan|menambah)"
)
_ID_FRAME = LazyPattern(
    r"\bapakah\s+(?!(?:dia|ia|mereka|anak|klien|ibu|ayah|remaja|kami|kita|saya|anda|itu|ini|hal|ada)\b)"
    r"(?P<x>[^?]{1,200}?)\s+(?=" + _ID_PRED + r"\b|" + _COMPARE + r"|" + _ID_EFFECT + r"\b)",
    _I,
)
_EN_FRAME = LazyPattern(
    r"(?:\b(?:would|will|does|do|did|can|could|should|might|may|is|are)|\bevidence\s+(?:that|for))\s+"
    r"(?!(?:it|that|this|these|those|he|she|they|i|we|you|there|his|her|their|my|our|(?:the\s+)?evidence|"
    r"the\s+(?:risk|chance))\b)"
    r"(?P<x>[^?]{1,200}?)\s*,?\s+(?=(?:be\s+)?(?:more\s+|less\s+)?(?:effective|helpful|useful|better|beneficial)\b|"
    + _EFFECT_VERB
    + r"\b)",
    _I,
)
_CONDITIONAL = LazyPattern(
    r"\b(?:kalau|jika|bila|apabila|seandainya|andaikan|if)\s+(?P<x>[^,?;]{1,200}?)\s*,\s*"
    r"(?:apakah|would|will|does|do|can|could|is|are|bisakah|dapatkah)\s+(?P<rest>[^?.]+)",
    _I,
)
_BETWEEN = LazyPattern(r"\b(?:between|antara)\s+(?P<a>[^.?;]{1,120}?)\s+(?:and|dan)\s+(?P<b>[^.?;,]+)", _I)
_OR = LazyPattern(r"\s+(?:or|atau)\s+", _I)
_CHOICE_QUESTION = LazyPattern(
    r"\b(?:mana|which|better|lebih\s+(?:baik|efektif|bisa)|should\s+(?:i|we)|sebaiknya|pilih)\b", _I
)
_PROPOSE = LazyPattern(  # someone proposes an action; an existing service ("sudah ikut", "already in") is not
    r"\b(?:mengusulkan|ngusulin|ngusulkan|usulkan|menyarankan|nyaranin|menawarkan|nawarin|offers?|offering|"
    r"merekomendasikan|mempertimbangkan|merujuk(?:nya)?|rujuk|considering|propos(?:es?|ed|ing)|suggest(?:s|ed|ing)?|"
    r"recommend(?:s|ed|ing)?|thinking\s+(?:of|about)(?:\s+(?:offering|using|starting|trying|running))?|"
    r"deciding\s+(?:on|between))(?:\s+(?:ke|kepada|pada))?\s+",
    _I,
)
_WISH = LazyPattern(  # the same, from the worker ("saya", "kami", "I", "we") only
    r"\b(?:ingin|mau|akan|hendak|berencana|berniat|bermaksud|mencoba|coba|plan(?:ning)?\s+to|want\s+to|"
    r"would\s+like\s+to|going\s+to|hop(?:e|ing)\s+to|intend\s+to)(?:\s+untuk)?(?:\s+(?:mencoba|coba))?"
    r"(?:\s+(?:membuka|buka|memberikan|memberi|mengadakan|adakan|menerapkan|menggunakan|pakai|memakai|merujuk|rujuk|offer|use|start|try|run|"
    r"introduce|provide|set\s+up))?(?:\s+(?:ke|kepada|pada))?\s+|\bshould\s+(?:i|we)\s+(?:use|offer|try|start|"
    r"choose)\s+|\bsebaiknya\s+(?:saya\s+|kami\s+|kita\s+)?(?:memakai|pakai|menggunakan|memilih|pilih)\s+",
    _I,
)
_PURPOSE = LazyPattern(
    r"\b(?:(?:untuk|buat|guna|dalam)\s+(?=" + _ID_VERB + r"\b)|(?:agar|supaya|sehingga)\s+|"
    r"(?:so\s+that|in\s+order\s+to|to)\s+(?=(?:reduce|lower|cut|decrease|prevent|avoid|stop|improve|increase|"
    r"raise|boost|strengthen|build|restore|help|keep|get|cope|manage|maintain|regain|return)\b)|"
    r"(?:for|in|at)\s+(?=(?:reduc|lower|cutt|decreas|prevent|avoid|stopp|improv|increas|rais|boost|strengthen|"
    r"build|restor|help|keep|gett)ing\b))",
    _I,
)
_WHICH = LazyPattern(
    r"\b(?:which|what)\s+(?:one\s+|option\s+|approach\s+)?(?:would\s+|will\s+|best\s+|is\s+more\s+likely\s+to\s+)?"
    r"(?=" + _EFFECT_VERB + r"\b)|(?<!di\s)(?<!ke\s)(?<!dari\s)\bmana\s+(?:yang\s+)?(?:lebih\s+)?"
    r"(?:efektif\s+|baik\s+|bisa\s+|dapat\s+|mampu\s+)*(?:untuk\s+|agar\s+|supaya\s+|buat\s+)?(?=" + _ID_VERB + r"\b)",
    _I,
)
_PRONOUN_THEN_VERB = LazyPattern(  # "will that cut down ...", "apakah itu bisa mengurangi ..."
    r"\b(?:will|would|can|could|does|do|might)\s+(?:that|it|this|they|these|those)\s+(?:really\s+)?"
    r"(?=" + _EFFECT_VERB + r"\b)|\bapakah\s+(?:itu|ini|hal\s+(?:itu|ini)|cara\s+(?:itu|ini))\s+"
    r"(?:(?:bisa|dapat|akan|efektif|benar-benar)\s+)*(?=" + _ID_VERB + r"\b)",
    _I,
)
_GIVE = LazyPattern(  # "gives him more X": more X; "help reduce X": reduce X
    r"^(?:(?:gives?|brings?|offers?|helps?)\s+(?:him|her|them|the\s+\w+|us|me)\s+(?:to\s+)?|helps?\s+(?:to\s+)?(?="
    + _EFFECT_VERB
    + r"\b))",
    _I,
)
_ACTOR = LazyPattern(r"^(?:we|i|kami|kita|saya)\s+\w+\s+", _I)  # "if we offer X": X
_PRONOUN = LazyPattern(r"^(?:it|that|this|they|he|she|ia|dia|mereka)\s+", _I)  # "would it reduce Y": reduce Y
_PREDICATE = LazyPattern(r"^[\s,]*(?:" + _ID_PRED + r"|gak|nggak|tidak|ya)?\s*", _I)
_VERB_FIRST = LazyPattern(r"(?:" + _EFFECT_VERB + r"|" + _ID_VERB + r")\b", _I)
_INTERVENTION_WORD = LazyPattern(
    r"\b(?:therap\w*|program\w*|intervention|training|counsel\w*|support|sessions?|groups?|visit\w*|meetings?|"
    r"treatment|services?|class\w*|conferenc\w*|mediation|terapi|konseling|pendampingan|pelatihan|kelas|"
    r"kunjungan|dukungan|layanan|mediasi|rehabilitasi)\b",
    _I,
)
_QUESTION_LEAD = LazyPattern(
    r"^(?:apakah|should|would|will|do|does|can|could|is|are|whether)\s+(?:(?:i|we|saya|kami|kita)\s+\w+\s+)?", _I
)
_EXPOSURE = LazyPattern(
    r"\s*(?:increases?|raises?|leads?\s+to|predicts?|causes?|meningkatkan|berhubungan|terkait)\s+(?:\w+\s+){0,2}?"
    r"(?:risk|risiko|chances?|likelihood|odds|kemungkinan|dengan)\b",
    _I,
)
_OUTCOME_END = LazyPattern(r"\s*[?.;!]|\s+[-\u2013\u2014]\s|\s*,?\s*\b" + _COMPARE + r"\b", _I)


@dataclass(frozen=True)
class Sentences:
    """A case as sentences: all of them, and the questions among them (ending in "?" or opening like one)."""

    all: tuple[str, ...]
    questions: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Sentences:
        parts: list[str] = []
        for piece in _SENTENCE_BREAK.split(text):
            if parts and _ABBREVIATION.search(parts[-1]):
                parts[-1] += " " + piece
            elif piece.strip():
                parts.append(piece.strip())
        questions = tuple(s for s in parts if s.endswith("?") or _QUESTION_START.search(s))
        return cls(tuple(parts), questions)


def client(sentences: Sentences) -> str:
    """Who the case is about, with their problem: the first clauses naming a person, kept short."""
    described = [s for s in sentences.all if s not in sentences.questions]
    for sentence in (*described, *sentences.questions):
        for segment in _HARD_BREAK.split(_LONG_PARENTHESIS.sub("\u0000", sentence)):
            found = _client_in(segment.strip())
            if found:
                return found
    return ""


def _client_in(segment: str) -> str:
    clauses = [c.strip() for c in segment.split(",")]
    while clauses and not _PERSON.search(_FRAMING.sub("", clauses[0])):
        clauses.pop(0)
    if not clauses:
        return ""
    first = _FRAMING.sub("", clauses[0])
    person = _PERSON.search(first)
    if person is None:  # pragma: no cover - the loop above keeps only clauses naming a person
        return ""
    prefix = first[: person.start()]
    if len(prefix.split()) > 2 or _NOT_CLIENT_PREFIX.search(prefix):
        first = first[person.start() :]
    phrase, cut = _cut_client(_ARTICLE.sub("", first))
    for clause in clauses[1:]:
        if cut or not (_PURE_AGE.match(clause) or _bare(phrase)):
            break
        more, cut = _cut_client(clause)
        if not more:
            break
        phrase = f"{phrase}, {more}"
    return _tidy(phrase, 16)


def _cut_client(clause: str) -> tuple[str, bool]:
    m = _CLIENT_CUT.search(clause)
    return (clause[: m.start()], True) if m else (clause, False)


def _bare(phrase: str) -> bool:
    """Only a person, a name or an age so far ("Young man, 19", "Ibu R (34 th)"): the problem comes next."""
    return len(_AGE.sub(" ", phrase).split()) <= 3 and not _PROBLEM_MARK.search(phrase)


def option_and_comparison(sentences: Sentences) -> tuple[str, str]:
    """The intervention considered and what the case weighs it against, each "" when not stated."""
    for question in sentences.questions:
        x, rest = _framed(question)
        option, comparison = _split_choice(x)
        if option:
            return option, comparison or _comparison_after(rest)
    if any(_CHOICE_QUESTION.search(q) for q in sentences.questions):
        for sentence in (*sentences.questions, *sentences.all):
            choice = _choice(sentence, sentence in sentences.questions)
            if choice[0]:
                return choice
    for sentence in sentences.all:
        proposed = _proposal(sentence)
        if proposed:
            option, comparison = _split_choice(_until_stop(sentence[proposed.end() :]))
            if option:
                return option, comparison or _comparison_after(sentence[proposed.end() :])
    return "", ""


def _framed(question: str) -> tuple[str, str]:
    """The option a question frames ("kalau X, apakah ...", "apakah X efektif", "would X reduce") and the rest."""
    conditional = _CONDITIONAL.search(question)
    if conditional:
        return _ACTOR.sub("", conditional.group("x")), question[conditional.end("x") :]
    framed = _ID_FRAME.search(question) or _EN_FRAME.search(question)
    if framed is None:
        return "", ""
    x = framed.group("x")
    person_first = _PERSON.match(_ARTICLE.sub("", x)) and not _INTERVENTION_WORD.search(x)
    exposure = _EXPOSURE.match(question[framed.end("x") :])  # "does poverty increase the risk of ..."
    if len(x.split()) > 15 or person_first or exposure:
        return "", ""
    return x, question[framed.end("x") :]


def _proposal(sentence: str) -> re.Match[str] | None:
    proposed = _PROPOSE.search(sentence)
    if proposed is None and _FIRST_PERSON.search(sentence):
        proposed = _WISH.search(sentence)
    return proposed


def _split_choice(x: str) -> tuple[str, str]:
    """Option and comparison inside one phrase: "A compared with B", "A atau B"."""
    x = _tidy(x, 40)
    cue = _COMPARE_CUE.search(x)
    if cue:
        return _tidy(x[: cue.start()], 12), _tidy(_until_stop(x[cue.end() :]), 12)
    halves = _OR.split(x, maxsplit=1)
    if len(halves) == 2:
        return _tidy(halves[0], 12), _tidy(_until_stop(halves[1]), 12)
    return _tidy(x, 12), ""


def _comparison_after(rest: str) -> str:
    cue = _COMPARE_CUE.search(rest)
    return _tidy(_until_stop(rest[cue.end() :]), 12) if cue else ""


def _choice(sentence: str, is_question: bool) -> tuple[str, str]:
    """ "between A and B", "A atau B" in a question or in a sentence proposing them."""
    anchors = [m.end() for m in (*_PROPOSE.finditer(sentence), *_WISH.finditer(sentence))]
    if not (anchors or is_question):
        return "", ""
    between = _BETWEEN.search(sentence)
    if between:
        return _tidy(between.group("a"), 12), _tidy(_until_stop(between.group("b")), 12)
    alternative = _OR.search(sentence)
    if alternative is None:
        return "", ""
    head = sentence[: alternative.start()]
    starts = [end for end in anchors if end <= alternative.start()]
    a = head[max(starts) :] if starts else _QUESTION_LEAD.sub("", head)
    if len(a.split()) > 10 or "," in a:
        return "", ""
    return _tidy(a, 12), _tidy(_until_stop(sentence[alternative.end() :]), 12)


def _until_stop(phrase: str) -> str:
    stop = _PART_STOP.search(phrase)
    return phrase[: stop.start()] if stop else phrase


def outcome(sentences: Sentences, option: str) -> str:
    """What the worker hopes to achieve, copied from the question; "" when it is not stated."""
    for question in sentences.questions:
        conditional = _CONDITIONAL.search(question)
        if conditional:
            return _outcome_phrase(_PRONOUN.sub("", conditional.group("rest")))
        at = question.lower().find(option.lower()) if option else -1
        after = question[at + len(option) :] if at >= 0 else question
        for text in dict.fromkeys((after, question)):
            for pattern in (_PURPOSE, _WHICH, _PRONOUN_THEN_VERB):
                found = pattern.search(text)
                phrase = _outcome_phrase(text[found.end() :]) if found else ""
                if phrase:
                    return phrase
        if at >= 0:
            phrase = _tail_after_option(after)
            if phrase:
                return phrase
    return ""


def _tail_after_option(after: str) -> str:
    """ "... bisa mencegah dia bunuh diri?", "..., compared with B, reduce re-abuse?": the effect named."""
    rest = _PREDICATE.sub("", after)
    cue = _COMPARE_CUE.match(rest)
    if cue:  # skip the comparison phrase: what follows it is the effect
        stop = _PART_STOP.search(rest[cue.end() :])
        rest = _PREDICATE.sub("", rest[cue.end() + stop.start() :] if stop else "")
    return _outcome_phrase(rest) if _VERB_FIRST.match(rest) else ""


def _outcome_phrase(phrase: str) -> str:
    end = _OUTCOME_END.search(phrase)
    phrase = _tidy(_GIVE.sub("", (phrase[: end.start()] if end else phrase).strip()), 12)
    return phrase if len(phrase.split()) >= 2 else ""  # a bare "help" or "works" names no outcome


def _tidy(phrase: str, max_words: int) -> str:
    words = phrase.strip(" ,;:-").split()
    return _TRAILING.sub("", " ".join(words[:max_words]))
