"""Article text in, checkable claims out. Pure functions; no database, no UI.

Public API (stable contract used by ingest and the CLI):
    read_article(path, *, published=None, max_bytes=...) -> ArticleText
    segment(article: ArticleText) -> list[ClaimSpan]
"""

from factcheck.segmenter.types import ArticleText, ClaimSpan, Quantity, TimeRef

__all__ = ["ArticleText", "ClaimSpan", "Quantity", "TimeRef"]
