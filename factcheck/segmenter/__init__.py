"""Article text in, checkable claims out. Pure functions; no database, no UI.

Public API (stable contract used by ingest and the CLI):
    read_article(path, *, published=None, max_bytes=...) -> ArticleText
    parse_text(raw, *, fmt="txt", published=None, title=None) -> ArticleText
    segment(article: ArticleText) -> list[ClaimSpan]
    evaluate_files(gold_paths) -> (per-article scores, pooled score); format_table(...)
"""

from factcheck.segmenter.evaluate import (
    Score,
    evaluate_file,
    evaluate_files,
    format_table,
    load_gold,
    score_article,
)
from factcheck.segmenter.pipeline import segment
from factcheck.segmenter.reader import DEFAULT_MAX_BYTES, parse_text, read_article
from factcheck.segmenter.types import ArticleText, ClaimSpan, Quantity, TimeRef

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ArticleText",
    "ClaimSpan",
    "Quantity",
    "Score",
    "TimeRef",
    "evaluate_file",
    "evaluate_files",
    "format_table",
    "load_gold",
    "parse_text",
    "read_article",
    "score_article",
    "segment",
]
