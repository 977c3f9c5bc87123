"""CSV: one row per claim, for spreadsheets and other systems.

Spreadsheet-safe: a text cell that a spreadsheet would run as a formula (starting
with =, +, -, @, a tab or a carriage return, also after leading spaces or in their
full-width forms) gets a leading apostrophe, which spreadsheets show as text (OWASP
"CSV injection"). Numbers we produce ourselves are written as numbers. UTF-8, with a
header row, no byte-order mark.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.export.common import claim_url, day, iso, one_line
from factcheck.export.registry import register

if TYPE_CHECKING:
    from factcheck.export.loader import ArticleRecord, ClaimRecord, Report

HEADER = (
    "claim_id",
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "published",
    "claim",
    "speaker",
    "kind",
    "score",
    "status",
    "verdict",
    "rating_value",
    "explanation",
    "sources",
    "source_count",
    "verdict_by",
    "verdict_at",
    "approved_by",
    "approved_at",
    "assignee",
    "start",
    "end",
    "report_link",
)

_TRIGGERS = frozenset("=+-@\t\r\n＝＋－＠")


def neutralize(text: str | None) -> str:
    """Text a spreadsheet will display, never evaluate."""
    if not text:
        return ""
    if text[0] in _TRIGGERS or text.lstrip()[:1] in _TRIGGERS:
        return "'" + text
    return text


@register("csv", description="CSV, one row per claim (spreadsheets)", extension="csv", order=40)
def write_csv(report: Report, out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    count = 0
    article_id, article_cells = -1, []
    for claim in report.claims(sources=True):
        if claim.article.id != article_id:
            article_id, article_cells = claim.article.id, _article_cells(claim.article)
        writer.writerow(_row(report, claim, article_cells))
        count += 1
    return count


def _article_cells(a: ArticleRecord) -> list[Any]:
    """The article's columns, computed once per article rather than once per claim."""
    return [a.id, neutralize(one_line(a.title)), neutralize(a.url), neutralize(a.outlet),
            day(a.published)]  # fmt: skip


def _row(report: Report, c: ClaimRecord, article_cells: list[Any]) -> list[Any]:
    step = report.scale.find(c.verdict)
    text = neutralize
    return [
        c.id,
        *article_cells,
        text(one_line(c.text)),
        text(c.speaker),
        c.kind,
        round(c.score, 4),
        c.status,
        text(step.label if step else c.verdict),
        "" if step is None or step.value is None else step.value,
        text(c.explanation),
        text("\n".join(s.url for s in c.sources)),
        len(c.sources),
        text(c.verdict_by),
        iso(c.verdict_at) or "",
        text(c.approved_by),
        iso(c.approved_at) or "",
        text(c.assignee),
        c.start,
        c.end,
        text(claim_url(report.report_url, c.id)) if report.report_url else "",
    ]
