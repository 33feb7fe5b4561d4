"""What a corpus holds: counts for charts, and a topic map for seminar organisers.

``corpus_summary`` counts documents by design, level of evidence, year, language and type.
``topic_map`` groups documents by meaning: k-means over each document's mean passage vector (the
multilingual model puts an Indonesian and an English paper on the same topic close together),
then names each group by the words and two-word phrases most typical of it (TF-IDF of the group against the
corpus), shared by at least two of its documents and never a stop word.
Each topic lists its documents best evidence first, ready to become a reading list.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level
from ebp.index.lexical import STOP_EN, STOP_ID
from ebp.index.store import Store
from ebp.language import GENERAL_WORDS
from ebp.types import Hierarchy, Level, StoredDocument

MAX_TOPICS = 12
TERMS_PER_TOPIC = 6
TITLE_WEIGHT = 3
PHRASE_BONUS = 1.25  # "safety planning" says more than "safety" or "planning": preferred unless clearly weaker
TEXT_PER_DOC = 30_000  # characters of a document used to name topics: plenty for its key words
_BATCH = 500  # passage ids per SQLite query
_LABEL_TOKEN = re.compile(r"(?u)\b[^\W\d_]{3,}\b")
# Words frequent in any research paper or in PDF furniture: they name no topic.
_EXTRA_STOP = frozenset(
    """
    also among analysis based been between both can case cases condition conditions could data demo did
    difference does doi each et al fig figure found from had has have http https however its local may more
    most other our over paper per ratio recommendation recommendations research results
    showed shown should studies study such than table these those through total under using were which while
    who within without would www year years
    agreed attended attendance began completed continued early factor factors group groups paid proportion
    received reported started unit units worked working
    adalah akan antara berdasarkan dalam data demo hasil ilustratif juga karena kepada lebih melalui memiliki
    menggunakan menunjukkan oleh penelitian sebesar sebanyak serta studi tabel tahun terdapat
    awal berat faktor kelompok proporsi uji
    """.split()
)


@dataclass(frozen=True)
class CorpusSummary:
    documents: int
    by_design: dict[str, int]  # design → documents, most frequent first
    by_level: tuple[tuple[Level, int], ...]  # every level of the hierarchy in order (strongest first), then unranked
    by_year: dict[int | None, int]  # ascending; None for documents without a year
    by_language: dict[str, int]
    by_doc_type: dict[str, int]


@dataclass(frozen=True)
class Topic:
    number: int  # 1-based; topic 1 is the largest
    terms: tuple[str, ...]  # the words most typical of the topic, best first
    documents: tuple[StoredDocument, ...]  # best evidence first


def corpus_summary(documents: Sequence[StoredDocument], hierarchy: Hierarchy = DEFAULT_HIERARCHY) -> CorpusSummary:
    """Counts for the corpus page.

    Example: ``corpus_summary([]).documents == 0``
    """
    hierarchy = hierarchy or DEFAULT_HIERARCHY
    levels = Counter(evidence_level(d.appraisal.design, hierarchy).rank for d in documents)
    unranked = evidence_level("other", ())  # only for its name and labels; its rank comes after the hierarchy
    all_levels = [evidence_level(designs[0], hierarchy) for _, designs in hierarchy]
    all_levels.append(Level(len(hierarchy) + 1, unranked.name, unranked.label_en, unranked.label_id))
    years = Counter(d.info.year for d in documents)
    return CorpusSummary(
        documents=len(documents),
        by_design=dict(Counter(d.appraisal.design for d in documents).most_common()),
        by_level=tuple((level, levels.get(level.rank, 0)) for level in all_levels),
        by_year={y: years[y] for y in sorted(years, key=lambda y: (y is None, y or 0))},
        by_language=dict(Counter(d.info.language for d in documents).most_common()),
        by_doc_type=dict(Counter(d.doc_type.value for d in documents).most_common()),
    )


def best_evidence_first(
    documents: Sequence[StoredDocument], hierarchy: Hierarchy = DEFAULT_HIERARCHY
) -> list[StoredDocument]:
    """Strongest level of evidence first, then the most recent, then by title.

    Example: ``best_evidence_first([opinion, rct])[0] is rct``
    """
    hierarchy = hierarchy or DEFAULT_HIERARCHY
    return sorted(
        documents,
        key=lambda d: (
            evidence_level(d.appraisal.design, hierarchy).rank,
            -(d.info.year or 0),
            d.info.title.casefold(),
        ),
    )


def suggested_topics(n_documents: int) -> int:
    """A reasonable number of topics for a corpus: about √n, between 2 and ``MAX_TOPICS``.

    Example: ``suggested_topics(20) == 4``
    """
    if n_documents < 2:
        return 1
    return max(2, min(MAX_TOPICS, round(math.sqrt(n_documents))))


def document_vectors(store: Store, generation: int) -> tuple[dict[int, np.ndarray], dict[int, str]]:
    """Each visible document's mean passage vector (unit length) and the start of its text, by doc_id."""
    dim = int(store.meta().get("dim", 0))
    if not dim:
        return {}, {}
    ids, vectors = store.vectors_at(generation, dim)
    sums: dict[int, np.ndarray] = {}
    texts: dict[int, list[str]] = {}
    lengths: dict[int, int] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        rows = store.passages([int(i) for i in chunk])
        for offset, pid in enumerate(chunk):
            row = rows.get(int(pid))
            if row is None:
                continue
            vector = vectors[start + offset]
            sums[row.doc_id] = sums[row.doc_id] + vector if row.doc_id in sums else vector.astype(np.float64)
            if lengths.get(row.doc_id, 0) < TEXT_PER_DOC:
                texts.setdefault(row.doc_id, []).append(row.text)
                lengths[row.doc_id] = lengths.get(row.doc_id, 0) + len(row.text)
    means = {d: (v / (np.linalg.norm(v) or 1.0)).astype(np.float32) for d, v in sums.items()}
    return means, {d: " ".join(parts)[:TEXT_PER_DOC] for d, parts in texts.items()}


def topic_map(
    documents: Sequence[StoredDocument],
    vectors: Mapping[int, np.ndarray],
    texts: Mapping[int, str],
    n_topics: int | None = None,
    hierarchy: Hierarchy = DEFAULT_HIERARCHY,
) -> list[Topic]:
    """Group documents into ``n_topics`` topics (default: ``suggested_topics``), largest topic first.

    Documents without a vector are left out. Deterministic: the same corpus gives the same map.
    """
    docs = [d for d in documents if d.doc_id in vectors]
    if not docs:
        return []
    k = max(1, min(n_topics or suggested_topics(len(docs)), len(docs), MAX_TOPICS))
    matrix = _without_language_offsets(np.stack([vectors[d.doc_id] for d in docs]), [d.info.language for d in docs])
    labels = _clusters(matrix, k)
    # a title says what a paper is about: its words count as if written three times more
    terms = _topic_terms([f"{d.info.title}. " * TITLE_WEIGHT + texts.get(d.doc_id, "") for d in docs], labels, k)
    groups = [[d for d, label in zip(docs, labels, strict=True) if label == c] for c in range(k)]
    order = sorted((c for c in range(k) if groups[c]), key=lambda c: (-len(groups[c]), min(d.path for d in groups[c])))
    return [
        Topic(number, terms[c], tuple(best_evidence_first(groups[c], hierarchy)))
        for number, c in enumerate(order, start=1)
    ]


def _without_language_offsets(matrix: np.ndarray, languages: Sequence[str]) -> np.ndarray:
    """Subtract each language's mean vector when the corpus holds several languages.

    Multilingual encoders put every text of one language in the same region: left alone, k-means
    would split the corpus by language before topic. Languages with fewer than 3 documents keep
    their vectors (their mean would be the documents themselves).
    """
    counts = Counter(languages)
    big = [lang for lang, n in counts.items() if n >= 3]
    if len(big) < 2:
        return matrix
    out = matrix.astype(np.float64, copy=True)
    langs = np.asarray(languages)
    for lang in big:
        rows = langs == lang
        out[rows] -= out[rows].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


def _clusters(matrix: np.ndarray, k: int) -> list[int]:
    if k == 1:
        return [0] * len(matrix)
    from sklearn.cluster import KMeans  # imported here: scikit-learn takes a second to import

    model = KMeans(n_clusters=k, n_init=10, random_state=0)
    return [int(label) for label in model.fit_predict(matrix.astype(np.float64))]


def _topic_terms(texts: Sequence[str], labels: Sequence[int], k: int) -> dict[int, tuple[str, ...]]:
    """Per topic, the words and two-word phrases whose TF-IDF weight in the topic most exceeds their weight in
    the corpus, shared by at least two of its documents (a name or a stray word of one paper names no topic),
    never a stop word or a general word (``label_stop_words``); a word already inside a chosen phrase is not
    repeated."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    many = len(texts) >= 8  # in a small corpus every word is rare: keep them all
    vectorizer = TfidfVectorizer(analyzer=label_terms, max_df=0.5 if many else 1.0, sublinear_tf=True,
                                 max_features=50_000)  # fmt: skip
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no word left at all (e.g. only numbers)
        return {c: () for c in range(k)}
    vocabulary = np.array(vectorizer.get_feature_names_out())
    phrase_bonus = np.where(np.char.find(vocabulary.astype(str), " ") >= 0, PHRASE_BONUS, 1.0)
    overall = np.asarray(matrix.mean(axis=0)).ravel()
    labels_array = np.asarray(labels)
    out: dict[int, tuple[str, ...]] = {}
    for c in range(k):
        rows = np.flatnonzero(labels_array == c)
        if not len(rows):
            out[c] = ()
            continue
        inside = np.asarray(matrix[rows].mean(axis=0)).ravel()
        support = np.asarray((matrix[rows] > 0).sum(axis=0)).ravel()
        score = (inside - overall if k > 1 else inside) * phrase_bonus
        chosen: list[str] = []
        for i in np.argsort(-score, kind="stable"):
            if len(chosen) == TERMS_PER_TOPIC or inside[i] <= 0:
                break
            term = str(vocabulary[i])
            if support[i] < min(2, len(rows)) or _overlaps(term, chosen):
                continue
            chosen.append(term)
        out[c] = tuple(chosen)
    return out


def label_terms(text: str) -> list[str]:
    """The words (3+ letters) and two-word phrases of ``text`` that may name a topic: none holds a stop word.

    Example: ``label_terms("the social worker and the caregiver") == ["social", "worker", "caregiver",
    "social worker"]``
    """
    stop = label_stop_words()
    tokens = _LABEL_TOKEN.findall(text.casefold())
    words = [w for w in tokens if w not in stop]
    phrases = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False) if a not in stop and b not in stop]
    return words + phrases


@lru_cache(maxsize=1)
def label_stop_words() -> frozenset[str]:
    """Words that never name a topic: the index's stop words, scikit-learn's English list, words frequent in any
    paper or in PDF furniture, and general words of a case (``ebp.language.GENERAL_WORDS``)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(STOP_EN | STOP_ID | ENGLISH_STOP_WORDS | _EXTRA_STOP | GENERAL_WORDS)


def _overlaps(term: str, chosen: Sequence[str]) -> bool:
    words = set(term.split())
    return any(words & set(c.split()) for c in chosen)
