"""Report data inserted directly through the models (no workflow functions needed).

Two articles: an ordinary one with approved, in-review, new and dismissed claims, and
a hostile one whose title, text, claims, notes and links try HTML and formula
injection. Everything the tests check is derived from `Seeded`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import update

from factcheck.store.database import Database
from factcheck.store.models import (
    Article,
    Claim,
    Kind,
    ReviewEvent,
    Setting,
    Source,
    Stance,
    Status,
)

ORG = "Example Checks <Ltd>"
REPORT_URL = "https://example.org/report"
SCRIPT = "<script>alert('x')</script>"
JS_URL = "javascript:alert(document.cookie)"

GOOD_TEXT = (
    "Shenzhen has over a million foreign residents, the mayor said. "
    "Rents rose 12% in 2023. "
    "The city was founded in 1979.\n\n"
    "Most expats work in technology. Some enjoy the food."
)
EVIL_TEXT = f"Intro. {SCRIPT} is a claim here. =1+1 says the sheet. The end & more."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@dataclass(frozen=True)
class Seeded:
    good_article: int
    evil_article: int
    approved_false: int  # good article, verdict False, 2 sources, speaker
    approved_true: int  # good article, verdict True, outlet as author
    approved_misleading: int  # good article, non-numeric verdict
    in_review: int
    new: int
    dismissed: int
    evil_claim: int  # evil article, approved, hostile everything
    formula_claim: int  # evil article, approved, text starts with "="
    approved_at: datetime


T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
APPROVED_AT = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)


def _claim(article: Article, text: str, part: str, **kw: object) -> Claim:
    start, end = _span(text, part)
    defaults: dict[str, object] = {
        "kind": Kind.FACT,
        "score": 0.5,
        "checkworthy": True,
        "reasons": [],
        "quantities": [],
        "times": [],
        "status": Status.NEW,
        "created_at": T0,
        "updated_at": T0,
    }
    defaults.update(kw)
    return Claim(article=article, text=part, sentence=part, start=start, end=end, **defaults)


def _approved(**kw: object) -> dict[str, object]:
    return {
        "status": Status.APPROVED,
        "verdict_by": "alice",
        "verdict_at": datetime(2026, 3, 3, 10, 0, tzinfo=UTC),
        "approved_by": "bob",
        "approved_at": APPROVED_AT,
        **kw,
    }


def seed(db: Database) -> Seeded:
    with db.transaction() as s:
        s.execute(update(Setting).where(Setting.key == "organization").values(value=ORG))
        s.execute(update(Setting).where(Setting.key == "report_url").values(value=REPORT_URL))
        good = Article(
            title="Expats in Shenzhen — 深圳",
            url="https://news.example.com/shenzhen?id=1&x=2",
            outlet="Example Daily",
            author="Jo Writer",
            published=date(2026, 2, 20),
            text=GOOD_TEXT,
            content_hash="a" * 64,
        )
        evil = Article(
            title=f"Bad {SCRIPT} title & co",
            url=JS_URL,
            outlet="=cmd|' /C calc'!A0",
            published=None,
            text=EVIL_TEXT,
            content_hash="b" * 64,
        )
        s.add_all([good, evil])
        c_false = _claim(
            good,
            GOOD_TEXT,
            "Shenzhen has over a million foreign residents",
            kind=Kind.QUANTITY,
            speaker="the mayor",
            quantities=[
                {"value": 1000000.0, "bound": "lower", "unit": None, "text": "over a million"}
            ],
            verdict="false",  # stored lower-case: the scale's spelling is shown
            explanation="Census data shows 30,000.\n\nSee the second source.",
            **_approved(),
        )
        c_true = _claim(
            good,
            GOOD_TEXT,
            "Rents rose 12% in 2023",
            kind=Kind.QUANTITY,
            times=[{"expression": "in 2023", "date": "2023-01-01", "granularity": "year"}],
            verdict="True",
            explanation="Matches the statistics office.",
            **_approved(),
        )
        c_mis = _claim(
            good,
            GOOD_TEXT,
            "The city was founded in 1979",
            kind=Kind.TEMPORAL,
            verdict="Misleading",
            explanation="It became a city in 1979; the town is older.",
            **_approved(),
        )
        c_review = _claim(
            good,
            GOOD_TEXT,
            "Most expats work in technology",
            status=Status.IN_REVIEW,
            verdict="Half true",
            explanation="Partly.",
            verdict_by="alice",
        )
        c_new = _claim(good, GOOD_TEXT, "Some enjoy the food", kind=Kind.OPINION)
        c_dismissed = _claim(good, GOOD_TEXT, "Shenzhen", status=Status.DISMISSED)
        c_evil = _claim(
            evil,
            EVIL_TEXT,
            f"{SCRIPT} is a claim here",
            speaker=f"@{SCRIPT}",
            verdict="Mostly false",
            explanation=f"Note {SCRIPT} and [link]({JS_URL})\n# not a heading\n- not a list",
            **_approved(approved_by="carol"),
        )
        c_formula = _claim(
            evil,
            EVIL_TEXT,
            "=1+1 says the sheet",
            verdict="Unverifiable",
            explanation="+SUM(A1:A9)",
            **_approved(),
        )
        s.add_all([c_false, c_true, c_mis, c_review, c_new, c_dismissed, c_evil, c_formula])
        s.flush()
        s.add_all(
            [
                Source(
                    claim=c_false,
                    url="https://stats.example.gov/census",
                    title="Census 2020",
                    note="Table 4",
                    stance=Stance.REFUTES,
                    added_by="alice",
                    added_at=T0,
                ),
                Source(
                    claim=c_false,
                    url="https://example.org/b",
                    title=None,
                    stance=Stance.CONTEXT,
                    added_by="alice",
                    added_at=T0,
                ),
                Source(
                    claim=c_true,
                    url="https://stats.example.gov/rents",
                    title="Rent index",
                    stance=Stance.SUPPORTS,
                    added_by="alice",
                    added_at=T0,
                ),
                Source(
                    claim=c_evil,
                    url=JS_URL,
                    title=f"Click {SCRIPT}",
                    note=f"{SCRIPT} note",
                    stance=Stance.REFUTES,
                    added_by="alice",
                    added_at=T0,
                ),
                Source(
                    claim=c_evil,
                    url=" javascript:alert(2)",
                    title="spaced",
                    stance=Stance.CONTEXT,
                    added_by="alice",
                    added_at=T0,
                ),
                Source(
                    claim=c_formula,
                    url="-2+3",
                    title="@SUM(1)",
                    stance=Stance.CONTEXT,
                    added_by="alice",
                    added_at=T0,
                ),
            ]
        )
        for claim in (c_false, c_true, c_mis, c_evil, c_formula):
            for action, frm, to, actor in (
                ("triage", "new", "to_check", "alice"),
                ("submit", "researching", "in_review", "alice"),
                ("approve", "in_review", "approved", "bob"),
            ):
                s.add(
                    ReviewEvent(
                        claim=claim,
                        actor=actor,
                        action=action,
                        from_status=frm,
                        to_status=to,
                        details={"note": SCRIPT} if action == "submit" else {},
                        at=T0,
                    )
                )
        s.flush()
        return Seeded(
            good_article=good.id,
            evil_article=evil.id,
            approved_false=c_false.id,
            approved_true=c_true.id,
            approved_misleading=c_mis.id,
            in_review=c_review.id,
            new=c_new.id,
            dismissed=c_dismissed.id,
            evil_claim=c_evil.id,
            formula_claim=c_formula.id,
            approved_at=APPROVED_AT,
        )


def render(db: Database, fmt: str, **kw: object) -> tuple[str, int]:
    """The report as a string, and the number of claims the exporter says it wrote."""
    import io

    from factcheck.export import export_report

    buf = io.StringIO()
    with db.session() as session:
        count = export_report(session, fmt, buf, **kw)  # type: ignore[arg-type]
    return buf.getvalue(), count
