"""JSON and CSV reports, read back with json and csv."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from factcheck.export.csv_report import neutralize
from factcheck.store.database import Database
from tests.export.seed import GOOD_TEXT, ORG, REPORT_URL, SCRIPT, Seeded, render

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def test_json_holds_everything_with_a_format_version(db: Database, seeded: Seeded) -> None:
    text, count = render(db, "json")
    doc = json.loads(text)
    assert doc["format"] == "factcheck-report"
    assert doc["format_version"] == 1
    assert doc["organization"] == ORG
    assert doc["selection"] == {"statuses": ["approved"], "article_id": None}
    assert [s["label"] for s in doc["rating_scale"]][:2] == ["True", "Mostly true"]
    assert count == doc["claim_count"] == 5
    good = next(a for a in doc["articles"] if a["id"] == seeded.good_article)
    assert good["text"] == GOOD_TEXT
    assert good["published"] == "2026-02-20"
    for article in doc["articles"]:
        for claim in article["claims"]:
            # Offsets index the article text exactly.
            assert article["text"][claim["start"] : claim["end"]] == claim["text"]
    claim = next(c for c in good["claims"] if c["id"] == seeded.approved_false)
    assert claim["verdict"] == "False"  # stored as "false": the scale's spelling
    assert claim["rating_value"] == 1
    assert claim["quantities"] == [
        {"value": 1000000.0, "bound": "lower", "unit": None, "text": "over a million"}
    ]
    assert claim["approved_at"] == "2026-03-04T15:00:00+00:00"
    assert [s["url"] for s in claim["sources"]] == [
        "https://stats.example.gov/census",
        "https://example.org/b",
    ]
    assert claim["sources"][0] == {
        "id": claim["sources"][0]["id"],
        "url": "https://stats.example.gov/census",
        "title": "Census 2020",
        "note": "Table 4",
        "stance": "refutes",
        "added_by": "alice",
        "added_at": "2026-03-01T09:30:00+00:00",
    }
    assert claim["sources"][1]["title"] is None
    assert [e["action"] for e in claim["history"]] == ["triage", "submit", "approve"]
    assert claim["history"][1]["details"] == {"note": SCRIPT}
    assert claim["history"][0]["at"] == "2026-03-01T09:30:00+00:00"
    assert claim["history"][2] == {
        "id": claim["history"][2]["id"],
        "actor": "bob",
        "action": "approve",
        "from_status": "in_review",
        "to_status": "approved",
        "details": {},
        "at": "2026-03-01T09:30:00+00:00",
    }
    rents = next(c for c in good["claims"] if c["id"] == seeded.approved_true)
    assert rents["times"][0]["expression"] == "in 2023"


def test_json_empty_report_parses(db: Database) -> None:
    doc = json.loads(render(db, "json")[0])
    assert doc["articles"] == [] and doc["claim_count"] == 0


def test_csv_one_row_per_claim_with_header(db: Database, seeded: Seeded) -> None:
    text, count = render(db, "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert count == len(rows) == 5
    by_id = {int(r["claim_id"]): r for r in rows}
    row = by_id[seeded.approved_false]
    assert row["article_title"] == "Expats in Shenzhen — 深圳"
    assert row["verdict"] == "False" and row["rating_value"] == "1"
    assert row["explanation"] == "Census data shows 30,000.\n\nSee the second source."
    assert row["sources"].splitlines() == [
        "https://stats.example.gov/census",
        "https://example.org/b",
    ]
    assert row["source_count"] == "2"
    assert row["report_link"] == f"{REPORT_URL}#claim-{seeded.approved_false}"
    assert by_id[seeded.approved_misleading]["rating_value"] == ""


def test_csv_cells_cannot_run_as_formulas(db: Database, seeded: Seeded) -> None:
    rows = list(csv.reader(io.StringIO(render(db, "csv")[0], newline="")))
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    by_id = {r[0]: r for r in rows[1:]}
    header = rows[0]
    formula = dict(zip(header, by_id[str(seeded.formula_claim)], strict=True))
    assert formula["claim"] == "'=1+1 says the sheet"  # shown as typed, apostrophe first
    assert formula["explanation"] == "'+SUM(A1:A9)"
    assert formula["sources"] == "'-2+3"
    assert formula["outlet"] == "'=cmd|' /C calc'!A0"
    evil = dict(zip(header, by_id[str(seeded.evil_claim)], strict=True))
    assert evil["speaker"] == f"'@{SCRIPT}"


def test_neutralize_catches_hidden_formula_starts() -> None:
    assert neutralize("  =1+1") == "'  =1+1"
    assert neutralize("\t=1") == "'\t=1"
    assert neutralize("＝1+1") == "'＝1+1"  # full-width equals sign
    assert neutralize("12% rise") == "12% rise"
    assert neutralize("") == ""


def test_csv_written_to_a_file_is_utf8(db: Database, seeded: Seeded, tmp_path: Path) -> None:
    from factcheck.export import export_to_path

    target = tmp_path / "report.csv"
    assert export_to_path(db, "csv", target) == 5
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert "深圳" in text
    assert text.splitlines()[0].startswith("claim_id,article_id,")
