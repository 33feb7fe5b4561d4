"""The query bridge: lexicon, Indonesian roots, cognate rules checked against the vocabulary, pass-through."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from ebp.index.lexical import LexicalIndex, analyze
from ebp.retrieve import bridge
from ebp.retrieve.bridge import cognates, default_lexicon, parse_lexicon, roots, translate


def vocabulary(*texts: str) -> bridge.Knows:
    """``knows`` of an English index over ``texts``, the way the searcher builds it."""
    index = LexicalIndex.build(list(range(len(texts))), list(texts), ["en"] * len(texts))
    return lambda word: index.knows(word, "en")


def known(words: Iterable[str]) -> bridge.Knows:
    stems = {t for w in words for t in analyze(w, "en")}
    return lambda word: bool(analyze(word, "en")) and set(analyze(word, "en")) <= stems


def test_shipped_lexicon_loads_with_its_header() -> None:
    lexicon = default_lexicon()
    assert len(lexicon.entries) > 500 and lexicon.longest >= 3
    assert lexicon.entries[("tekanan", "darah")] == ("blood pressure",)
    assert lexicon.entries[("rumah", "tangga")] == ("household",)
    assert ("paru",) in lexicon.entries  # "paru-paru" is keyed as a query tokenises it
    text = bridge.resources.files("ebp").joinpath("data/id_en.tsv").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines()[:4] if line.startswith("#"))
    assert "not copied from any dictionary" in header


def test_parse_lexicon_rejects_a_line_without_english() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_lexicon("# comment\nkanker\n")


def test_phrases_win_over_single_words() -> None:
    knows = known(["blood", "pressure", "high", "household", "house", "ladder", "elderly"])
    assert translate("tekanan darah lansia", knows) == ("blood pressure", "elderly")
    assert translate("rumah tangga", knows) == ("household",)  # not "house" + "ladder"
    lexicon = parse_lexicon("tekanan\tpressure\ndarah\tblood\ntekanan darah\tblood pressure\n")
    assert translate("tekanan darah", knows, lexicon) == ("blood pressure",)


def test_practice_words_of_social_work_reach_english() -> None:
    # "keselamatan" (safety) was missing, and "pemasyarakatan" (the correctional system) was read by its root as
    # "community, society"
    knows = known(["safety", "plan", "planning", "mother", "corrections", "correctional", "community", "custody"])
    assert translate("rencana keselamatan bagi ibu", knows) == ("safety plan", "safety planning", "mother")
    assert translate("pemasyarakatan", knows) == ("corrections", "correctional")
    assert "custody" in translate("hak asuh", knows)


def test_stop_words_dropped_and_only_known_terms_kept() -> None:
    knows = known(["child", "violence"])
    assert translate("Apakah anak yang mengalami kekerasan dalam keluarga?", knows) == ("child", "violence")
    assert translate("yang dan di dari untuk", known(["dan", "di"])) == ()


def test_roots_restore_the_first_sound_under_a_nasal_prefix() -> None:
    assert "obat" in roots("pengobatan") and "turun" in roots("menurunkan") and "sakit" in roots("penyakit")
    assert roots("pengobatan")[0] == "pengobatan"
    knows = known(["treated", "severe", "drug", "medication"])
    assert translate("diobatinya", knows) == ("treated",)  # "diobati" + "-nya"
    assert translate("memperparah", knows) == ("severe",)  # "memper-" + "parah"


def test_cognate_rules_accept_only_words_the_vocabulary_knows() -> None:
    assert "intervention" in cognates("intervensi") and "obesity" in cognates("obesitas")
    assert "clinical" in cognates("klinis") and "genomic" in cognates("genomik")
    assert "phosphorylation" in cognates("fosforilasi") and "effective" in cognates("efektif")
    knows = vocabulary("A community intervention against childhood obesity")
    assert translate("intervensi obesitas", knows) == ("intervention", "obesity")
    # the same rules produce nothing for a vocabulary without those words
    assert translate("intervensi obesitas", vocabulary("Loneliness in older adults")) == ()


def test_known_names_and_acronyms_pass_through() -> None:
    knows = vocabulary("HIV and BRCA1 carriers given lovastatin")
    assert translate("pasien HIV dengan BRCA1 diberi lovastatin", knows) == ("hiv", "brca1", "given", "lovastatin")


def test_the_shipped_lexicon_is_unambiguous_text() -> None:
    for key, terms in default_lexicon().entries.items():
        assert all(w == w.casefold() for w in key), key
        assert all(t and t == t.strip() for t in terms), key


def test_unfamiliar_keeps_only_the_words_the_vocabulary_lacks() -> None:
    english = {"air", "pollution"}.__contains__
    assert bridge.unfamiliar("air desa", english) == "desa"  # "air" is English here, not Indonesian water
    assert bridge.unfamiliar("Air pollution", english) == ""
    assert bridge.unfamiliar("Paru-paru kotor", english) == "paru kotor"
