"""The HTML report, read back with a real HTML parser."""

from __future__ import annotations

import json

from factcheck.store.database import Database
from tests.export.parsing import parse_html
from tests.export.seed import (
    EVIL_TEXT,
    GOOD_TEXT,
    JS_URL,
    ORG,
    REPORT_URL,
    SCRIPT,
    Seeded,
    render,
)


def test_claims_are_marked_in_the_article_text_with_their_verdict(
    db: Database, seeded: Seeded
) -> None:
    page, count = render(db, "html")
    doc = parse_html(page)
    assert count == 5
    mark = doc.by_id(f"text-claim-{seeded.approved_false}")
    assert mark.tag == "mark"
    # The claim's words, then its verdict label (the scale's spelling of "false").
    assert mark.text == "Shenzhen has over a million foreign residentsFalse"
    assert doc.by_id(f"text-claim-{seeded.approved_misleading}").text.endswith("Misleading")
    # The whole article text is there, in order, around the marks.
    text_div = next(e for e in doc.find_all("div") if e.attrs.get("class") == "text")
    assert (
        text_div.text.replace("False", "").replace("True", "").replace("Misleading", "")
        == GOOD_TEXT
    )
    # Claims outside the report (in review, new) are neither marked nor listed.
    ids = {e.attrs.get("id") for e in doc.elements}
    assert f"text-claim-{seeded.in_review}" not in ids
    assert f"claim-{seeded.new}" not in ids


def test_claim_list_has_explanation_sources_and_signoff(db: Database, seeded: Seeded) -> None:
    doc = parse_html(render(db, "html")[0])
    item = doc.by_id(f"claim-{seeded.approved_false}")
    assert item.tag == "li"
    assert "Census data shows 30,000." in item.text
    assert "Speaker: the mayor" in item.text
    assert "Verdict by alice on 2026-03-03; approved by bob on 2026-03-04" in item.text
    links = [
        e for e in doc.find_all("a") if e.attrs.get("href") == "https://stats.example.gov/census"
    ]
    assert [a.text for a in links] == ["Census 2020"]
    assert "refutes" in item.text
    history = [e.text for e in doc.find_all("li") if e.text.startswith("2026-03-01T09:30")]
    assert "2026-03-01T09:30:00+00:00 bob approve in_review → approved" in history
    assert f"2026-03-01T09:30:00+00:00 alice submit researching → in_review: {SCRIPT}" in history


def test_summary_chart_is_inline_svg_with_a_bar_per_verdict(db: Database, seeded: Seeded) -> None:
    doc = parse_html(render(db, "html")[0])
    (svg,) = doc.find_all("svg")
    labels = [e.text for e in doc.elements if e.tag == "text" and not e.text.isdigit()]
    assert labels == ["True", "Mostly false", "False", "Misleading", "Unverifiable"]
    assert len(doc.find_all("rect")) == 5
    assert "Verdicts of 5 claims" in svg.text


def test_user_text_renders_as_text_and_unsafe_links_are_not_links(
    db: Database, seeded: Seeded
) -> None:
    page = render(db, "html")[0]
    doc = parse_html(page)
    # The only script elements are JSON-LD data blocks (browsers do not run them),
    # one per approved claim.
    assert [attrs.get("type") for attrs, _ in doc.scripts] == ["application/ld+json"] * 5
    # The hostile strings are visible as text where they were typed.
    heading = doc.by_id(f"article-{seeded.evil_article}")
    assert f"Bad {SCRIPT} title & co" in heading.text
    assert SCRIPT in doc.by_id(f"claim-{seeded.evil_claim}").text
    assert f"{SCRIPT} note" in doc.by_id(f"claim-{seeded.evil_claim}").text
    assert EVIL_TEXT.split(".")[1].strip() in heading.text  # article text with the tag in it
    # No href anywhere uses a script scheme; only http(s) and in-page anchors.
    hrefs = [e.attrs["href"] or "" for e in doc.elements if "href" in e.attrs]
    assert hrefs
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    # The javascript: URLs are still shown, as text.
    assert JS_URL in doc.by_id(f"claim-{seeded.evil_claim}").text
    assert "javascript:alert(2)" in doc.by_id(f"claim-{seeded.evil_claim}").text
    # The organization name in the title is escaped too.
    page_title = doc.find_all("title")[0]  # the second is the chart's
    assert page_title.text == f"{ORG} report"


def test_embedded_claimreview_is_valid_json_and_cannot_close_the_script(
    db: Database, seeded: Seeded
) -> None:
    page = render(db, "html")[0]
    doc = parse_html(page)
    bodies = [body for _attrs, body in doc.scripts]
    assert not any("</" in body or "<!--" in body for body in bodies)
    reviews = [json.loads(body) for body in bodies]
    assert {r["url"] for r in reviews} == {
        f"{REPORT_URL}#claim-{i}"
        for i in (
            seeded.approved_false,
            seeded.approved_true,
            seeded.approved_misleading,
            seeded.evil_claim,
            seeded.formula_claim,
        )
    }
    evil = next(r for r in reviews if r["url"].endswith(f"#claim-{seeded.evil_claim}"))
    assert evil["claimReviewed"] == f"{SCRIPT} is a claim here"
    # Every ClaimReview url points at an element of this page.
    for r in reviews:
        doc.by_id(r["url"].split("#", 1)[1])
    false = next(r for r in reviews if r["url"].endswith(f"#claim-{seeded.approved_false}"))
    assert false["reviewRating"]["alternateName"] == "False"
    assert false["author"]["name"] == ORG


def test_wider_report_labels_unreviewed_claims(db: Database, seeded: Seeded) -> None:
    page, count = render(db, "html", statuses={"all"})
    doc = parse_html(page)
    assert count == 8
    assert doc.by_id(f"text-claim-{seeded.new}").text.endswith("No verdict yet")
    assert "in_review" in doc.by_id(f"claim-{seeded.in_review}").text
    # The dismissed claim overlaps an earlier mark: listed, but not marked twice.
    doc.by_id(f"claim-{seeded.dismissed}")
    assert f"text-claim-{seeded.dismissed}" not in {e.attrs.get("id") for e in doc.elements}
    # ClaimReview stays approved-only even in a wider report.
    assert len(doc.scripts) == 5


def test_empty_report_is_a_valid_page(db: Database) -> None:
    page, count = render(db, "html")
    doc = parse_html(page)
    assert count == 0
    assert "No claims match this report." in page
    assert doc.scripts == []
