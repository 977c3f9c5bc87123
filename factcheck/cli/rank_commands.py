"""`factcheck rank` and `factcheck train-checkworthiness`: the check-worthiness model
from the command line (ranking a transcript, rebuilding the weights)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # the TSV's own line number when it has one, else the 1-based line
    text: str


def read_lines(path: Path) -> list[Line]:
    """One sentence a line, or a CLEF-style TSV (line, speaker, sentence[, label]).

    Every input line is kept (blank ones too) so that `--json` answers line for line.
    """
    from factcheck.errors import InvalidInput

    if not path.exists():
        raise InvalidInput(f"no such file: {path}")
    if not path.is_file():
        raise InvalidInput(f"not a file: {path}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(f"file too large to rank ({size // 1_048_576} MB): {path}")
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    if b"\x00" in raw[:65536]:
        raise InvalidInput(f"not a text file (binary data): {path}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"not UTF-8 text: {path}") from exc
    rows = text.splitlines()
    if not any(r.strip() for r in rows):
        raise InvalidInput(f"nothing to rank, the file is empty: {path}")
    filled = [r for r in rows if r.strip()]
    is_tsv = all(r.count("\t") >= 2 for r in filled)
    lines: list[Line] = []
    for n, row in enumerate(rows, 1):
        if is_tsv and row.strip():
            parts = row.split("\t")
            number = int(parts[0]) if parts[0].strip().isdigit() else n
            lines.append(Line(number, parts[2].strip()))
        else:
            lines.append(Line(n, row.strip()))
    return lines


@click.command("rank")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Every line, in input order, as JSON.")
@click.option(
    "--top",
    "top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many lines to list (ignored with --json).",
)
def rank(file: Path, as_json: bool, top: int) -> None:
    """Score every line of FILE for check-worthiness and list the best.

    FILE holds one sentence per line, or is a CLEF-style TSV whose third column is the
    sentence. `checkworthy` is the model's decision at its calibrated threshold.
    """
    from factcheck.checkworthiness import score_many, threshold

    lines = read_lines(file)
    scores = score_many([line.text for line in lines])
    cut = threshold()
    scores = [s if line.text else 0.0 for s, line in zip(scores, lines, strict=True)]
    if as_json:
        out = [
            {
                "line": line.number,
                "score": round(s, 6),
                "checkworthy": bool(line.text) and s >= cut,
                "text": line.text,
            }
            for line, s in zip(lines, scores, strict=True)
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    from factcheck.checkworthiness import score

    order = sorted((i for i, line in enumerate(lines) if line.text), key=lambda i: -scores[i])
    for i in order[:top]:
        line = lines[i]
        verdict = score(line.text)
        mark = "*" if verdict.checkworthy else " "
        click.echo(f"{verdict.score:.3f}{mark} line {line.number}: {line.text}")
        if verdict.reasons:
            click.echo(f"        because: {'; '.join(verdict.reasons)}")
    shown = min(top, len(order))
    worthy = sum(1 for i in order if scores[i] >= cut)
    click.echo(
        f"({shown} of {len(order)} lines shown; {worthy} check-worthy at threshold "
        f"{cut:.3f}, marked *)"
    )


@click.command("train-checkworthiness")
@click.option(
    "--benchmarks",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder holding claimbuster/ and clef2019/ (default: ../shared/benchmarks).",
)
def train_checkworthiness(benchmarks: Path | None) -> None:
    """Rebuild the check-worthiness weights from the public benchmarks and print CV figures.

    Needs scikit-learn: pip install -e ".[train]".
    """
    from factcheck.checkworthiness.train import train

    train(benchmarks, echo=click.echo)


def register(cli: click.Group) -> None:
    cli.add_command(rank)
    cli.add_command(train_checkworthiness)
