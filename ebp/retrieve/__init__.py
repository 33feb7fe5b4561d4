"""Retrieve: a case → ranked evidence.

``copes`` (the case as a practice question), ``bridge`` (Indonesian words → English terms),
``search`` (hybrid dense + BM25 retrieval, documents with their passages and reasons).
"""
