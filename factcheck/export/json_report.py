"""JSON: everything, for other systems: articles with text, claims with offsets,
quantities, times, sources, verdicts and history.

The document is written piece by piece (one claim at a time) but is one valid JSON
object. `format_version` changes whenever a field is renamed or removed; new fields
may appear without a version change, so readers should ignore keys they do not know.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.export.common import by_article, dumps, iso, json_text
from factcheck.export.registry import register

if TYPE_CHECKING:
    from factcheck.export.loader import ArticleRecord, ClaimRecord, Report

FORMAT_NAME = "factcheck-report"
FORMAT_VERSION = 1


@register("json", description="JSON, everything (other systems)", extension="json", order=30)
def write_json(report: Report, out: TextIO) -> int:
    head = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "generated_at": iso(report.generated_at),
        "organization": report.organization,
        "report_url": report.report_url,
        "selection": {"statuses": sorted(report.statuses), "article_id": report.article_id},
        "rating_scale": [
            {
                "label": s.label,
                "description": s.description,
                "value": s.value,
                "position": s.position,
            }
            for s in report.scale.steps
        ],
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "articles": [')
    claims = report.claims(sources_json=True, history_json=True, analysis=True, article_text=True)
    count = 0
    articles = 0
    for article, group in by_article(claims):
        out.write(",\n    " if articles else "\n    ")
        out.write(dumps(article_json(article))[:-1] + ', "claims": [')
        for i, claim in enumerate(group):
            out.write(",\n      " if i else "\n      ")
            out.write(claim_text(report, claim))
            count += 1
        out.write("\n    ]}")
        articles += 1
    out.write("\n  ]" if articles else "]")
    out.write(f',\n  "article_count": {articles},\n  "claim_count": {count}\n}}\n')
    return count


def article_json(a: ArticleRecord) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "author": a.author,
        "published": iso(a.published),
        "language": a.language,
        "ingested_at": iso(a.ingested_at),
        "revision": a.revision,
        "revised_at": iso(a.revised_at),
        "text": a.text,
    }


def claim_text(report: Report, c: ClaimRecord) -> str:
    """One claim as JSON; the analysis columns are spliced in as stored, sources and
    history as the database encoded them: nothing is decoded to be encoded again."""
    return (
        f"{dumps(claim_json(report, c))[:-1]}, "
        f'"reasons": {json_text(c.reasons_raw, "[]")}, '
        f'"quantities": {json_text(c.quantities_raw, "[]")}, '
        f'"times": {json_text(c.times_raw, "[]")}, '
        f'"sources": {c.sources_json or "[]"}, '
        f'"history": {c.history_json or "[]"}}}'
    )


def claim_json(report: Report, c: ClaimRecord) -> dict[str, Any]:
    """A claim's own fields; claim_text adds analysis, sources and history."""
    step = report.scale.find(c.verdict)
    return {
        "id": c.id,
        "article_id": c.article.id,
        "text": c.text,
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "kind": c.kind,
        "score": c.score,
        "checkworthy": c.checkworthy,
        "speaker": c.speaker,
        "status": c.status,
        "verdict": step.label if step else c.verdict,  # the scale's spelling
        "rating_value": step.value if step else None,
        "explanation": c.explanation,
        "verdict_by": c.verdict_by,
        "verdict_at": c.verdict_at,
        "approved_by": c.approved_by,
        "approved_at": c.approved_at,
        "assignee": c.assignee,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "updated_by": c.updated_by,
        "version": c.version,
    }
