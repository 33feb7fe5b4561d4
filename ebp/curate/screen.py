"""Screening with active learning: rank the records by the seminar's topic, then by a model of the organiser's
decisions, refitted after each one.

Features of a record (computed once per project, ``build_features``): TF-IDF of its words and word pairs,
its multilingual-e5 vector, and how well it matches the topic (e5 similarity and BM25, an Indonesian topic's
words also bridged into English, each standardised). Before the first include and exclude the ranking is the
topic match alone (cold start). After, a linear SVM over TF-IDF and e5 features, trained on the decisions plus
the topic itself as one more included "record", ranks the rest, with the topic match added with a weight that
shrinks as includes accumulate. The SVM's regularisation and class weights are ASReview's published elas_u4
settings; the rest of ``ScreenParams`` was checked on NFCorpus screening simulations
(``benchmarks/curate/tune.py``) and nine of ASReview's SYNERGY sets (``benchmarks/curate/tune_synergy.py``),
never on the benchmark set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ebp.embed import Embedder


@dataclass(frozen=True)
class ScreenParams:
    """How the ranking is made (chosen on NFCorpus simulations; see the module's docstring)."""

    # C and include_ratio: ASReview 3.0.8's elas_u4 (its SVM's C, its "balanced" ratio), tuned by ASReview on
    # SYNERGY; on NFCorpus no worse than C 1 with equal class weights (WSS@95 English 0.562 vs 0.560, Indonesian
    # 0.444 vs 0.409, ``benchmarks/curate/tune.py``).
    C: float = 0.11  # inverse regularisation of the SVM
    include_ratio: float = 9.8  # 0: classes weighted equally; r > 0: excludes weigh, together, the includes' 1/r
    embedding_weight: float = 1.0  # scale of the e5 block against the (unit-length) TF-IDF block
    topic_weight: float = 1.0  # weight of the standardised topic match added to the model's score ...
    topic_half_life: float = 5.0  # ... halved after this many includes
    lexical_weight: float = 1.0  # BM25 against e5 similarity in the topic match
    loss: str = "hinge"  # the SVM's loss: "hinge" (fitted through its kernel) or "squared_hinge" (liblinear)
    # Variants measured on SYNERGY (``benchmarks/curate/tune_synergy.py``), off: neither beat the shipped model.
    topic_record_half_life: float = 0.0  # > 0: the topic's weight as a training include halves every this many
    tfidf_model_weight: float = 0.0  # > 0: add this times a TF-IDF-only model's standardised score (an ensemble)
    embedding_half_life: float = 0.0  # > 0: the e5 block's weight halves every this many includes

    def __post_init__(self) -> None:
        if self.loss not in ("hinge", "squared_hinge"):
            raise ValueError(f"unknown SVM loss {self.loss!r}: hinge or squared_hinge")


DEFAULT_PARAMS = ScreenParams()


@dataclass(frozen=True)
class Features:
    """What the ranking needs of every record, computed once (``build_features``)."""

    tfidf: Any  # scipy CSR matrix, one L2-normalised row per record
    vectors: np.ndarray  # e5 passage vectors, one row per record
    topic_match: np.ndarray  # standardised topic match of each record (0 everywhere without a topic)
    topic_tfidf: Any  # the topic as a TF-IDF row (1 × vocabulary)
    topic_vector: np.ndarray  # the topic's e5 query vector (zeros without a topic)
    embedding_weight: float = 1.0  # the e5 block's scale in the kernel (``ScreenParams.embedding_weight``)
    # filled as records are labelled: the e5 weight a row was made with, and the row
    kernel_rows: dict[int, tuple[float, np.ndarray]] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.vectors.shape[0])


@dataclass(frozen=True)
class Ranking:
    order: np.ndarray  # unscreened record rows, best first
    scores: np.ndarray  # score of every record (rows), higher = more likely to be included
    trained: bool  # False: the topic alone ranked (no include and exclude yet)


def standardise(values: np.ndarray) -> np.ndarray:
    """Mean 0, standard deviation 1 (all zeros when the values do not vary).

    Example: ``standardise(np.array([1.0, 3.0])).tolist() == [-1.0, 1.0]``
    """
    values = np.asarray(values, dtype=np.float64)
    sd = float(values.std())
    return (values - values.mean()) / sd if sd > 1e-12 else np.zeros_like(values)


def embed_records(texts: Sequence[str], embedder: Embedder) -> np.ndarray:
    """The records' e5 passage vectors (the embedder adds the model's ``passage:`` prefix)."""
    return np.asarray(embedder.embed_passages(list(texts)), dtype=np.float32)


def topic_terms(topic: str, texts: Sequence[str]) -> tuple[str, str, tuple[str, ...]]:
    """(language of the topic, the topic's text, its words bridged into English when it is Indonesian)."""
    from ebp.language import detect_language

    lang = detect_language(topic, ("en", "id")) if topic.strip() else "en"
    if lang != "id":
        return lang, topic, ()
    from ebp.index.lexical import analyze
    from ebp.retrieve.bridge import translate

    vocabulary = {term for text in texts for term in analyze(text, "en")}
    terms = translate(
        topic, lambda word: all(t in vocabulary for t in analyze(word, "en")) and bool(analyze(word, "en"))
    )
    return lang, topic, terms


def lexical_match(topic: str, texts: Sequence[str]) -> np.ndarray:
    """BM25 of the topic against each record (an Indonesian topic: its own words plus their English terms)."""
    from ebp.index.lexical import LexicalIndex

    if not topic.strip() or not texts:
        return np.zeros(len(texts))
    lang, _, bridged = topic_terms(topic, texts)
    ids = list(range(len(texts)))

    def scores_of(index: LexicalIndex, query: str, query_lang: str) -> np.ndarray:
        by_id = index.scores(query, query_lang, ids)
        return np.array([by_id[i] for i in ids])

    index = LexicalIndex.build(ids, list(texts), ["en"] * len(texts))
    scores = scores_of(index, topic, "en")
    if lang == "id":
        scores = scores + scores_of(LexicalIndex.build(ids, list(texts), ["id"] * len(texts)), topic, "id")
        if bridged:
            scores = scores + scores_of(index, " ".join(bridged), "en")
    return scores


def build_features(
    texts: Sequence[str],
    vectors: np.ndarray,
    topic: str,
    embedder: Embedder | None,
    params: ScreenParams = DEFAULT_PARAMS,
) -> Features:
    """Features of the records ``texts`` (with their e5 ``vectors``) for a topic; ``embedder`` embeds the topic."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    # min_df=2: a term of one record only cannot move any other record's score; dropping them shrinks the model.
    options = {"min_df": 2, "max_df": 0.95} if len(texts) >= 20 else {}  # a handful of records: keep every term
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32, **options)  # type: ignore[arg-type]
    tfidf = vectorizer.fit_transform(list(texts))
    topic_text = topic
    if topic.strip():
        _, _, bridged = topic_terms(topic, texts)
        topic_text = " ".join([topic, *bridged])
    topic_tfidf = vectorizer.transform([topic_text])
    if topic.strip() and embedder is not None:
        topic_vector = np.asarray(embedder.embed_queries([topic])[0], dtype=np.float32)
        dense = standardise(vectors @ topic_vector)
        match = standardise(dense + params.lexical_weight * standardise(lexical_match(topic, texts)))
    else:
        topic_vector = np.zeros(vectors.shape[1], dtype=np.float32)
        match = np.zeros(len(texts))
    return Features(
        tfidf.tocsr(),
        np.asarray(vectors, dtype=np.float32),
        match,
        topic_tfidf.tocsr(),
        topic_vector,
        params.embedding_weight,
    )


def include_weights(y: np.ndarray, ratio: float) -> np.ndarray:
    """ASReview's "balanced" sample weights: an include weighs 1, an exclude n_includes / (ratio · n_excludes),
    rescaled to sum to the number of samples.

    Example: ``include_weights(np.array([1, 0, 0]), 1.0).tolist() == [1.5, 0.75, 0.75]``
    """
    y = np.asarray(y)
    weights = np.where(y == 1, 1.0, (y == 1).sum() / (ratio * max(1, int((y == 0).sum())))).astype(np.float64)
    return weights * (len(y) / weights.sum())


def _kernel_row(features: Features, row: int, weight: float) -> np.ndarray:
    """Linear-kernel values of record ``row`` (or the topic, ``row == len(features)``) with every record and the
    topic, the e5 block scaled by ``weight``; kept, since the labelled set only grows by one record a decision (and
    made again only when the weight changes, which only ``ScreenParams.embedding_half_life`` does)."""
    cached = features.kernel_rows.get(row)
    if cached is not None and cached[0] == weight:
        return cached[1]
    n = len(features)
    terms = features.topic_tfidf if row == n else features.tfidf[row]
    vector = features.topic_vector if row == n else features.vectors[row]
    squared = weight**2
    values = np.empty(n + 1, dtype=np.float32)
    dense_terms = np.asarray(terms.todense(), dtype=np.float32).ravel()  # one row: a sparse product is slower
    values[:n] = features.tfidf @ dense_terms + squared * (features.vectors @ vector)
    values[n] = float((features.topic_tfidf @ dense_terms).sum()) + squared * float(vector @ features.topic_vector)
    features.kernel_rows[row] = (weight, values)
    return values


def _fit_squared_hinge(
    features: Features, rows: np.ndarray, y: np.ndarray, params: ScreenParams, topic: bool
) -> np.ndarray:
    """A linear SVM with the squared hinge loss (liblinear, as ASReview's ``svm``) over [TF-IDF, w·e5], fitted on
    the labelled rows (and the topic as one more include), and the score of every record."""
    from scipy.sparse import csr_matrix, hstack, vstack
    from sklearn.svm import LinearSVC

    weight = _embedding_weight(features, y, params)
    matrix = hstack([features.tfidf, csr_matrix(weight * features.vectors)], format="csr")
    train = matrix[[int(r) for r in rows]]
    if topic:
        train = vstack([train, hstack([features.topic_tfidf, csr_matrix(weight * features.topic_vector[None, :])])])
        y = np.append(y, 1)
    model = LinearSVC(loss="squared_hinge", C=params.C, class_weight=None if params.include_ratio else "balanced")
    model.fit(train, y, sample_weight=include_weights(y, params.include_ratio) if params.include_ratio else None)
    return np.asarray(matrix @ model.coef_.ravel(), dtype=np.float64) + float(model.intercept_[0])


def _embedding_weight(features: Features, y: np.ndarray, params: ScreenParams) -> float:
    """The e5 block's scale now: ``features.embedding_weight``, halved every ``params.embedding_half_life``
    includes when that is set."""
    if params.embedding_half_life <= 0:
        return features.embedding_weight
    return features.embedding_weight * 0.5 ** (float(np.sum(y == 1)) / params.embedding_half_life)


def _tfidf_scores(features: Features, rows: np.ndarray, y: np.ndarray, params: ScreenParams) -> np.ndarray:
    """ASReview's model beside ebp's: a squared-hinge linear SVM over the TF-IDF block alone, no topic record."""
    from sklearn.svm import LinearSVC

    model = LinearSVC(loss="squared_hinge", C=params.C)
    model.fit(features.tfidf[[int(r) for r in rows]], y, sample_weight=include_weights(y, params.include_ratio or 1.0))
    return np.asarray(features.tfidf @ model.coef_.ravel(), dtype=np.float64) + float(model.intercept_[0])


def _fit_scores(features: Features, rows: np.ndarray, y: np.ndarray, params: ScreenParams, topic: bool) -> np.ndarray:
    """A linear SVM over [TF-IDF, w·e5] fitted on the labelled rows (and the topic as one more include) and the
    score of every record. Fitted through its linear kernel, whose rows are kept between re-ranks: a few hundred
    decisions make a small Gram matrix, so a re-rank takes tens of milliseconds where fitting weights over tens of
    thousands of terms took a second."""
    from sklearn.svm import SVC

    if params.loss == "squared_hinge":
        return _fit_squared_hinge(features, rows, y, params, topic)
    weight = _embedding_weight(features, y, params)
    left = [int(r) for r in rows] + ([len(features)] if topic else [])
    if topic:
        y = np.append(y, 1)
    gram = np.stack([_kernel_row(features, r, weight)[left] for r in left]).astype(np.float64)
    model = SVC(kernel="precomputed", C=params.C, class_weight=None if params.include_ratio else "balanced")
    weights = include_weights(y, params.include_ratio) if params.include_ratio else np.ones(len(y))
    if topic and params.topic_record_half_life > 0:
        weights[-1] *= 0.5 ** (float(y[:-1].sum()) / params.topic_record_half_life)
    model.fit(gram, y, sample_weight=weights)
    alpha = model.dual_coef_.ravel()
    support = [left[i] for i in model.support_]
    raw = np.stack([_kernel_row(features, r, weight)[: len(features)] for r in support]).T @ alpha
    return np.asarray(raw, dtype=np.float64) + float(model.intercept_[0])


def rank(
    features: Features,
    screened: Sequence[int],
    labels: Sequence[int],
    params: ScreenParams = DEFAULT_PARAMS,
) -> Ranking:
    """The unscreened records, most likely include first, given the decisions so far (``labels[i]`` 1 = include,
    0 = exclude, for the record row ``screened[i]``)."""

    n = len(features)
    rows = np.asarray(screened, dtype=np.int64)
    done = np.zeros(n, dtype=bool)
    done[rows] = True
    y = np.asarray(labels, dtype=np.int64)
    has_topic = bool(np.any(features.topic_match))
    trained = bool(y.size and 0 < y.sum() < y.size) or (has_topic and y.size > 0 and y.sum() == 0)
    if not trained:
        scores = features.topic_match.astype(np.float64)
    else:
        scores = standardise(_fit_scores(features, rows, y, params, has_topic))
        if params.tfidf_model_weight > 0 and 0 < y.sum() < y.size:
            scores = scores + params.tfidf_model_weight * standardise(_tfidf_scores(features, rows, y, params))
        includes = int(np.sum(labels))
        scores = scores + params.topic_weight * 0.5 ** (includes / params.topic_half_life) * features.topic_match
    pool = np.flatnonzero(~done)
    order = pool[np.lexsort((pool, -scores[pool]))]  # ties: the earlier record first
    return Ranking(order, scores, trained)


@dataclass(frozen=True)
class Progress:
    """How far the organiser is, and what the model expects is left."""

    screened: int
    included: int
    total: int
    remaining_estimate: float  # includes expected among the unscreened records
    since_last_include: int  # decisions since the last include
    stop_suggested: bool


def estimate_remaining(shown_scores: Sequence[float], labels: Sequence[int], pool_scores: np.ndarray) -> float:
    """Includes expected among the unscreened: a one-feature logistic calibration of the score each screened
    record had when it was shown (before its own decision trained the model, so out of sample), applied to the
    unscreened records' current scores."""
    from sklearn.linear_model import LogisticRegression

    y = np.asarray(labels, dtype=np.int64)
    if not pool_scores.size:
        return 0.0
    if y.size < 2 or y.sum() in (0, y.size):
        return float(pool_scores.size) * (float(y.sum()) + 0.5) / (y.size + 1.0)  # Laplace: little known yet
    model = LogisticRegression(C=1.0)
    model.fit(np.asarray(shown_scores, dtype=np.float64)[:, None], y)
    return float(model.predict_proba(np.asarray(pool_scores, dtype=np.float64)[:, None])[:, 1].sum())


def progress(
    total: int, labels: Sequence[int], shown_scores: Sequence[float], pool_scores: np.ndarray, patience: int = 0
) -> Progress:
    """Counts, the estimate of includes left, and whether to suggest stopping: the estimate is under one and
    the last ``patience`` decisions (default: 5 % of the records, at least 50) brought no include."""
    y = [int(v) for v in labels]
    patience = patience or max(50, total // 20)
    last = max((i for i, v in enumerate(y) if v == 1), default=-1)
    since = len(y) - 1 - last
    remaining = estimate_remaining(shown_scores, y, pool_scores)
    stop = bool(sum(y)) and since >= patience and remaining < 1.0
    return Progress(len(y), sum(y), total, remaining, since, stop or not pool_scores.size)
