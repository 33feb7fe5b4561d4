"""Present: what people read and take away.

``cards`` (escaped HTML result cards), ``render`` (results as JSON and text), ``readinglists``
(SQLite), ``export`` (handouts, RIS, BibTeX, CSV), ``excerpt`` (matched pages as a PDF),
``topics`` (topic map), ``i18n`` (every UI string, Indonesian and English).
"""
