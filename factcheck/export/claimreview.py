"""ClaimReview: schema.org JSON-LD, what search engines and fact-check aggregators read.

One `ClaimReview` per approved claim with a verdict, whatever statuses the report
selects: publishing a review of an unapproved verdict would be publishing a draft.
The output is a JSON array of ClaimReview objects (each with its own @context), the
form accepted inside one `<script type="application/ld+json">` block; the HTML report
embeds the same objects, one block per claim card, encoded by `script_safe`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.export.common import claim_url, day, dumps, one_line, safe_http_url
from factcheck.export.registry import register

if TYPE_CHECKING:
    from factcheck.export.loader import ClaimRecord, Report

CONTEXT = "https://schema.org"


def claim_review(report: Report, c: ClaimRecord) -> dict[str, Any] | None:
    """The ClaimReview object for one claim, None when it has no verdict."""
    if not c.verdict:
        return None
    step = report.scale.find(c.verdict)
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": step.label if step else c.verdict,
    }
    best, worst = report.scale.best, report.scale.worst
    if step is not None and step.value is not None and best is not None and worst is not None:
        rating.update(ratingValue=step.value, bestRating=best, worstRating=worst)

    article = c.article
    item: dict[str, Any] = {"@type": "Claim"}
    if c.speaker:
        item["author"] = {"@type": "Person", "name": c.speaker}
    elif article.outlet:
        item["author"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        item["datePublished"] = day(article.published)
    appearance_url = safe_http_url(article.url)
    if appearance_url:
        item["appearance"] = {
            "@type": "CreativeWork",
            "url": appearance_url,
            "headline": one_line(article.title),
        }

    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": claim_url(report.report_url, c.id),
        "claimReviewed": one_line(c.text),
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": report.organization or "Fact-check desk"},
        "reviewRating": rating,
    }
    if c.approved_at:
        review["datePublished"] = day(c.approved_at)
    return review


def reviews(report: Report) -> Iterator[dict[str, Any]]:
    """ClaimReviews of the report's approved claims, streamed."""
    for claim in report.claims(statuses=frozenset({"approved"})):
        review = claim_review(report, claim)
        if review is not None:
            yield review


def _write_array(report: Report, out: TextIO, encode: Any) -> int:
    count = 0
    out.write("[")
    for review in reviews(report):
        out.write(",\n  " if count else "\n  ")
        out.write(encode(review))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


@register(
    "claimreview",
    description="ClaimReview JSON-LD (schema.org, search engines)",
    extension="jsonld",
    order=50,
)
def write_claimreview(report: Report, out: TextIO) -> int:
    return _write_array(report, out, dumps)


def script_safe(value: Any) -> str:
    """JSON that cannot end its <script> element or open an HTML comment."""
    text = dumps(value)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
