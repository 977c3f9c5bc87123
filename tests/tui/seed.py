"""Deterministic data for the TUI tests: two articles, claims in every status, fixed times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, ReviewEvent, Source, Status

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

SHENZHEN = (
    "Shenzhen set to overtake Silicon Valley in tech innovations\n\n"
    "Shenzhen's rise as a new hub for innovation is now drawing increasing numbers of "
    "expat entrepreneurs from the West.\n\n"
    "Just two years ago, the Chinese city was already home to over a million foreigners, "
    "with the vast majority arriving from South Korea, Japan and India. Numbers have "
    "increased significantly from that point.\n\n"
    "Its business district is now a hub for major Chinese hi-tech companies, and holds a "
    "total of 2,223 other tech-focused firms as well as three laboratories set up by "
    "Nobel Prize-winning scientists.\n\n"
    "The city has a pleasant climate and good food.\n\n"
    "French entrepreneur Laurent Le Pen first arrived in Shenzhen eleven years ago. "
    "China, he says, is more than willing to adopt all the new technologies."
)

BUDGET = (
    "Budget plans unveiled\n\n"
    "The chancellor said unemployment fell by 3.5% last year, the largest fall since 1990.\n\n"
    "Critics said the figures were misleading because they excluded part-time work."
)


@dataclass(frozen=True)
class Seeded:
    shenzhen_id: int
    budget_id: int
    claims: dict[str, int]  # short name -> claim id


def _claim(
    article: Article, text: str, name: str, status: Status, score: float, kind: str, **extra
) -> tuple[str, Claim]:
    start = article.text.index(text)
    sentence_start = article.text.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = article.text.find(".", start + len(text) - 1)
    sentence = article.text[sentence_start : sentence_end + 1]
    claim = Claim(
        article=article,
        text=text,
        sentence=sentence,
        start=start,
        end=start + len(text),
        kind=kind,
        score=score,
        checkworthy=score >= 0.5,
        reasons=extra.pop("reasons", ["contains a number"]),
        quantities=extra.pop("quantities", []),
        times=extra.pop("times", []),
        speaker=extra.pop("speaker", None),
        status=status,
        created_at=T0,
        updated_at=T0,
        **extra,
    )
    return name, claim


def seed(db: Database) -> Seeded:
    with db.transaction() as s:
        shenzhen = Article(
            title="Shenzhen set to overtake Silicon Valley in tech innovations",
            outlet="Example News",
            text=SHENZHEN,
            content_hash="a" * 64,
            ingested_at=T0,
        )
        budget = Article(
            title="Budget plans unveiled",
            outlet="Example News",
            text=BUDGET,
            content_hash="b" * 64,
            ingested_at=T0,
        )
        s.add_all([shenzhen, budget])
        claims = dict(
            [
                _claim(
                    shenzhen,
                    "the Chinese city was already home to over a million foreigners",
                    "million",
                    Status.NEW,
                    0.91,
                    "quantity",
                    quantities=[
                        {
                            "value": 1000000.0,
                            "bound": "lower",
                            "unit": "people",
                            "text": "over a million foreigners",
                            "value_max": None,
                        }
                    ],
                    times=[
                        {
                            "expression": "two years ago",
                            "date": "2016-01-01",
                            "granularity": "year",
                            "years_before_publication": 2,
                        }
                    ],
                ),
                _claim(
                    shenzhen,
                    "holds a total of 2,223 other tech-focused firms",
                    "firms",
                    Status.TO_CHECK,
                    0.84,
                    "quantity",
                ),
                _claim(
                    shenzhen,
                    "three laboratories set up by Nobel Prize-winning scientists",
                    "labs",
                    Status.RESEARCHING,
                    0.72,
                    "fact",
                    assignee="tester",
                ),
                _claim(
                    shenzhen,
                    "Laurent Le Pen first arrived in Shenzhen eleven years ago",
                    "lepen",
                    Status.DISMISSED,
                    0.35,
                    "personal",
                    reasons=["names a person"],
                ),
                _claim(
                    budget,
                    "unemployment fell by 3.5% last year",
                    "unemployment",
                    Status.IN_REVIEW,
                    0.88,
                    "quantity",
                    speaker="the chancellor",
                    assignee="ana",
                    verdict="Mostly true",
                    explanation="ONS figures show a 3.4% fall.",
                    verdict_by="ana",
                    verdict_at=T0,
                ),
                _claim(
                    budget,
                    "the largest fall since 1990",
                    "since1990",
                    Status.APPROVED,
                    0.66,
                    "comparison",
                    assignee="ana",
                    verdict="False",
                    explanation="The fall in 1997 was larger.",
                    verdict_by="ana",
                    verdict_at=T0,
                    approved_by="ben",
                    approved_at=T0,
                ),
            ]
        )
        s.add_all(claims.values())
        s.flush()
        unemployment = claims["unemployment"]
        s.add(
            Source(
                claim_id=unemployment.id,
                url="https://www.ons.gov.uk/employment",
                title="ONS labour market",
                note="table A02",
                stance="supports",
                added_by="ana",
                added_at=T0,
            )
        )
        for action, frm, to in (
            ("triage", "new", "to_check"),
            ("start", "to_check", "researching"),
            ("submit", "researching", "in_review"),
        ):
            s.add(
                ReviewEvent(
                    claim_id=unemployment.id,
                    actor="ana",
                    action=action,
                    from_status=frm,
                    to_status=to,
                    details={},
                    at=T0,
                )
            )
        return Seeded(
            shenzhen_id=shenzhen.id,
            budget_id=budget.id,
            claims={name: claim.id for name, claim in claims.items()},
        )
