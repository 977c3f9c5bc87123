"""ClaimReview JSON-LD fields, and the Markdown report rendered by a CommonMark parser."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import update

from factcheck.store.database import Database
from factcheck.store.models import Setting
from tests.export.parsing import parse_html
from tests.export.seed import JS_URL, ORG, REPORT_URL, SCRIPT, Seeded, render


def _reviews(db: Database, **kw: object) -> dict[str, dict[str, Any]]:
    text, count = render(db, "claimreview", **kw)
    reviews = json.loads(text)
    assert count == len(reviews)
    return {r["url"].rsplit("#claim-", 1)[1]: r for r in reviews}


def test_claimreview_fields(db: Database, seeded: Seeded) -> None:
    reviews = _reviews(db)
    assert set(reviews) == {
        str(i)
        for i in (
            seeded.approved_false,
            seeded.approved_true,
            seeded.approved_misleading,
            seeded.evil_claim,
            seeded.formula_claim,
        )
    }
    r = reviews[str(seeded.approved_false)]
    assert r["@context"] == "https://schema.org"
    assert r["@type"] == "ClaimReview"
    assert r["claimReviewed"] == "Shenzhen has over a million foreign residents"
    assert r["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "False",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert r["itemReviewed"]["@type"] == "Claim"
    assert r["itemReviewed"]["author"] == {"@type": "Person", "name": "the mayor"}
    assert r["itemReviewed"]["datePublished"] == "2026-02-20"
    assert r["itemReviewed"]["appearance"]["url"] == "https://news.example.com/shenzhen?id=1&x=2"
    assert r["author"] == {"@type": "Organization", "name": ORG}
    assert r["datePublished"] == "2026-03-04"
    assert r["url"] == f"{REPORT_URL}#claim-{seeded.approved_false}"


def test_claimreview_author_falls_back_to_outlet_and_rating_to_text(
    db: Database, seeded: Seeded
) -> None:
    reviews = _reviews(db)
    no_speaker = reviews[str(seeded.approved_true)]
    assert no_speaker["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Example Daily",
    }
    misleading = reviews[str(seeded.approved_misleading)]["reviewRating"]
    assert misleading == {"@type": "Rating", "alternateName": "Misleading"}  # no number
    # A javascript: article URL is not an appearance.
    assert "appearance" not in reviews[str(seeded.evil_claim)]["itemReviewed"]


def test_claimreview_is_approved_only_whatever_the_statuses(db: Database, seeded: Seeded) -> None:
    assert len(_reviews(db, statuses={"all"})) == 5
    assert _reviews(db, statuses={"in_review", "new"}) == {}


def test_claimreview_without_report_url_uses_page_anchors(db: Database, seeded: Seeded) -> None:
    with db.transaction() as s:
        s.execute(update(Setting).where(Setting.key == "report_url").values(value=""))
    r = _reviews(db)[str(seeded.approved_true)]
    assert r["url"] == f"#claim-{seeded.approved_true}"


def _markdown_as_html(text: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    # "commonmark" passes raw HTML through, as GitHub-style renderers before sanitizing.
    return str(markdown_it.MarkdownIt("commonmark").render(text))


def test_markdown_lists_articles_verdicts_sources_and_signoff(db: Database, seeded: Seeded) -> None:
    text, count = render(db, "markdown")
    assert count == 5
    doc = parse_html(_markdown_as_html(text))
    headings = [e.text for e in doc.find_all("h2")]
    assert "Expats in Shenzhen — 深圳" in headings
    assert f"Bad {SCRIPT} title & co" in headings  # the tag is text, not markup
    assert f"Claim {seeded.approved_false}: False" in [e.text for e in doc.find_all("h3")]
    links = {e.attrs["href"]: e.text for e in doc.find_all("a")}
    assert links["https://stats.example.gov/census"] == "Census 2020"
    assert links["https://news.example.com/shenzhen?id=1&x=2"] == "original article"
    assert "Verdicts: True: 1 · False: 1 · Misleading: 1" in text.replace("**", "")
    assert "Sign-off: verdict by alice on 2026-03-03; approved by bob on 2026-03-04." in [
        e.text for e in doc.find_all("em")
    ]


def test_markdown_user_text_cannot_become_markup(db: Database, seeded: Seeded) -> None:
    doc = parse_html(_markdown_as_html(render(db, "markdown")[0]))
    assert doc.find_all("script") == []
    hrefs = [e.attrs.get("href") or "" for e in doc.find_all("a")]
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    body = "".join(e.text for e in doc.find_all("p"))
    assert f"[link]({JS_URL})" in body  # a Markdown link typed by a user stays text
    assert "# not a heading" in body and "- not a list" in body
    assert len(doc.find_all("h1")) == 1  # only the report title
