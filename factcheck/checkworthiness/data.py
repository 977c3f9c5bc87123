"""Readers for the public check-worthiness benchmarks (training and evaluation only).

The files live outside the project (../shared/benchmarks); they are read, never copied.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class ClaimBuster:
    """ClaimBuster crowdsourced sentences; `labels` is 1 for check-worthy factual."""

    texts: list[str]
    labels: list[int]
    debates: list[str]  # File_id, e.g. "2016-09-26.txt"
    verdicts: list[int]  # the crowd's class: -1 non-factual, 0 unimportant, 1 check-worthy


@dataclass(frozen=True, slots=True)
class ClefFile:
    """One CLEF CheckThat! 2019 transcript, lines in file order."""

    name: str
    texts: list[str]
    labels: list[int]
    speakers: list[str]


def default_benchmarks_dir() -> Path:
    """../shared/benchmarks next to the repository, where the team keeps the data."""
    return Path(__file__).resolve().parents[3] / "shared" / "benchmarks"


def read_claimbuster(benchmarks: Path) -> ClaimBuster:
    path = benchmarks / "claimbuster" / "crowdsourced.csv"
    if not path.is_file():
        raise InvalidInput(f"ClaimBuster data not found: {path}")
    texts: list[str] = []
    labels: list[int] = []
    debates: list[str] = []
    verdicts: list[int] = []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            verdict = int(row["Verdict"])
            texts.append(row["Text"])
            labels.append(1 if verdict == 1 else 0)
            debates.append(row["File_id"])
            verdicts.append(verdict)
    return ClaimBuster(texts, labels, debates, verdicts)


def read_clef_file(path: Path) -> ClefFile:
    texts: list[str] = []
    labels: list[int] = []
    speakers: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            speakers.append(parts[1])
            texts.append(parts[2])
            labels.append(int(parts[3]))
    return ClefFile(path.stem, texts, labels, speakers)


def read_clef(benchmarks: Path) -> list[ClefFile]:
    folder = benchmarks / "clef2019" / "train"
    files = sorted(folder.glob("*.tsv"))
    if not files:
        raise InvalidInput(f"CLEF 2019 training files not found in {folder}")
    return [read_clef_file(p) for p in files]
