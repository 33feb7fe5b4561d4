"""A screening project from files to reading list: import, deduplicate, appraise, embed, store; then one record at
a time, the decision, the re-rank, the progress; and the includes as reading-list items."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ebp.appraise import classify_design, evidence_level
from ebp.appraise.levels import DEFAULT_HIERARCHY
from ebp.curate.dedup import DedupResult, deduplicate
from ebp.curate.project import Label, Project, Projects
from ebp.curate.records import Record
from ebp.curate.screen import (
    DEFAULT_PARAMS,
    Features,
    Progress,
    Ranking,
    ScreenParams,
    build_features,
    embed_records,
    progress,
    rank,
    topic_terms,
)
from ebp.embed import Embedder
from ebp.present.readinglists import ReadingItem
from ebp.types import Hierarchy, StoredDocument

EMBED_BATCH = 64  # records embedded between two progress reports


def designs_of(records: Sequence[Record]) -> list[str]:
    """The study design of each record, from its title and abstract (as ``ebp describe --jsonl`` does)."""
    return [classify_design(r.title, r.abstract).label for r in records]


def create_project(
    projects: Projects,
    name: str,
    topic: str,
    records: Sequence[Record],
    embedder: Embedder,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[str, DedupResult]:
    """Deduplicate, appraise and embed ``records`` and store them as a new project; returns (name, what was merged).

    ``on_progress(done, total)`` is called as records are embedded (the slow part: about 10 records a second).
    """
    dedup = deduplicate(records)
    kept = dedup.records
    vectors = []
    for start in range(0, len(kept), EMBED_BATCH):
        batch = kept[start : start + EMBED_BATCH]
        vectors.append(embed_records([r.text for r in batch], embedder))
        if on_progress:
            on_progress(min(start + EMBED_BATCH, len(kept)), len(kept))
    matrix = np.vstack(vectors) if vectors else np.zeros((0, embedder.dim), dtype=np.float32)
    clean = projects.create(name, topic, kept, designs_of(kept), matrix, embedder.name, dedup.merges)
    return clean, dedup


def records_from_documents(
    documents: Iterable[StoredDocument], abstracts: dict[int, str] | None = None
) -> list[Record]:
    """Indexed documents as records (keyed by their corpus path), with the text given per document id as abstract."""
    abstracts = abstracts or {}
    return [
        Record(
            key=f"corpus:{doc.path}",
            title=doc.info.title,
            abstract=abstracts.get(doc.doc_id, ""),
            authors=tuple(doc.info.authors),
            year=doc.info.year,
            doi=doc.info.doi,
            journal=doc.info.journal,
            source=doc.path,
            path=doc.path,
        )
        for doc in documents
    ]


@dataclass
class Screening:
    """One project being screened: its features (built once) and the ranking after the decisions so far."""

    project: Project
    features: Features
    params: ScreenParams

    @classmethod
    def open(
        cls, projects: Projects, name: str, embedder: Embedder, params: ScreenParams = DEFAULT_PARAMS
    ) -> Screening:
        project = projects.get(name)
        texts = [r.text for r in project.records]
        features = build_features(texts, projects.vectors(name), project.topic, embedder, params)
        return cls(project, features, params)

    def refresh(self, projects: Projects) -> None:
        """Read the decisions again (after a decision or an undo, possibly from another browser tab)."""
        self.project = projects.get(self.project.name)

    def ranking(self) -> Ranking:
        rows = set(self.project.decided_rows())
        train_rows, labels = self.project.training()
        result = rank(self.features, train_rows, labels, self.params)
        if len(rows) != len(train_rows):  # a "maybe" is set aside: not shown again, not trained on
            keep = np.array([r not in rows for r in result.order], dtype=bool)
            result = Ranking(result.order[keep], result.scores, result.trained)
        return result

    def progress(self, ranking: Ranking) -> Progress:
        decisions = [d for d in self.project.decisions if d.label != Label.MAYBE]
        return progress(
            len(self.project.records),
            [int(d.label) for d in decisions],
            [d.score for d in decisions],
            ranking.scores[ranking.order],
        )

    def decide(self, projects: Projects, row: int, label: Label, ranking: Ranking) -> None:
        projects.decide(self.project.name, row, label, float(ranking.scores[row]))
        self.refresh(projects)


def topic_marks(topic: str, text: str) -> tuple[str, frozenset[str]]:
    """(the record's language, the terms to mark in it): the topic's content words in both languages and, for an
    Indonesian topic, their English terms (``ebp.retrieve.bridge``) that the record contains."""
    from ebp.language import detect_language
    from ebp.present.cards import query_terms

    lang = detect_language(text, ("en", "id")) if text.strip() else "en"
    if not topic.strip():
        return lang, frozenset()
    terms = query_terms(topic, lang) | query_terms(topic, "en" if lang == "id" else "id")
    _, _, bridged = topic_terms(topic, [text])
    return lang, terms | query_terms(" ".join(bridged), lang)


def reading_items(project: Project, hierarchy: Hierarchy = DEFAULT_HIERARCHY) -> list[ReadingItem]:
    """The project's includes, in the order they were included, as reading-list items with design and level."""
    items = []
    for row in project.included():
        record, design = project.records[row], project.designs[row]
        key = record.path or (f"doi:{record.doi}" if record.doi else f"record:{project.name}/{record.key}")
        items.append(
            ReadingItem(
                path=key,
                title=record.title,
                authors=record.authors,
                year=record.year,
                journal=record.journal,
                doi=record.doi,
                design=design,
                level=evidence_level(design, hierarchy or DEFAULT_HIERARCHY),
                abstract=record.abstract,
            )
        )
    return items
