"""The index on disk (``index/``): SQLite is the source of truth, FAISS and BM25 are fast copies.

``store`` (SQLite: documents, passages with vectors, metadata, migrations), ``vectors`` (FAISS),
``lexical`` (BM25), ``generations`` (which generation is live, and its files).
"""
