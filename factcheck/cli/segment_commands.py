"""`factcheck segment` (show the claims of one article) and `factcheck eval` (score gold files)."""

from __future__ import annotations

import json
from pathlib import Path

import click


def _parse_published(value: str | None) -> object:
    from factcheck.cli.ingest_commands import parse_date_option

    return parse_date_option(value)


@click.command("segment")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a listing.")
@click.option(
    "--max-size",
    "max_mb",
    type=click.FloatRange(min=0.001),
    envvar="FACTCHECK_MAX_ARTICLE_MB",
    help="Largest article file to read, in MB (default 20).",
)
def segment_command(path: Path, published: str | None, as_json: bool, max_mb: float | None) -> None:
    """Print the checkable claims of an article, best first; stores nothing."""
    from dataclasses import asdict

    from factcheck.segmenter import read_article, segment
    from factcheck.workflow.readable import quantity_text, time_text

    article = read_article(
        path,
        published=_parse_published(published),  # type: ignore[arg-type]
        max_bytes=int(max_mb * 1_000_000) if max_mb else None,
    )
    claims = segment(article)
    if as_json:
        doc = {
            "article": {
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "url": article.url,
                "outlet": article.outlet,
                "author": article.author,
                "path": article.source_path,
                "chars": len(article.text),
            },
            "claims": [c.to_json() for c in claims],
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    date_note = article.published.isoformat() if article.published else "publication date unknown"
    click.echo(f"{article.title}  ({date_note}; {len(claims)} claims)")
    for claim in sorted(claims, key=lambda c: -c.score):
        mark = "*" if claim.checkworthy else " "
        click.echo(f"{mark} {claim.score:.2f} {claim.kind:<10} {claim.text}")
        # the review desk's wording: "at least 1,000,000 foreigners", not "1e+06"
        details = [quantity_text(asdict(q)) for q in claim.quantities]
        details += [time_text(asdict(t)) for t in claim.times]
        if claim.speaker:
            details.append(f"speaker: {claim.speaker}")
        if details:
            click.echo(f"{'':18}{'; '.join(details)}")
        if claim.reasons:
            click.echo(f"{'':18}why: {'; '.join(claim.reasons)}")


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="List missed claims and false positives.")
def eval_command(gold: tuple[Path, ...], as_json: bool, verbose: bool) -> None:
    """Score the segmenter against gold files (factcheck-gold/1)."""
    from factcheck.segmenter import evaluate_files, format_table

    scores, pooled = evaluate_files(list(gold))
    if as_json:
        doc = {"articles": [s.to_json() for s in scores], "pooled": pooled.to_json()}
        click.echo(json.dumps(doc, indent=2))
        return
    click.echo(format_table(scores, pooled))
    click.echo("R-cw: recall of check-worthy claims; P, F1 use recall of all claims; "
               "qty/time: share of matched gold quantities/times read right; kind: matched "
               "claims of the gold's kind; cw?: check-worthy flag agrees (percent)")  # fmt: skip
    if verbose:
        for s in scores:
            if s.missed or s.false_positives:
                click.echo(f"\n{s.name}")
                for quote in s.missed:
                    click.echo(f"  missed: {quote}")
                for text in s.false_positives:
                    click.echo(f"  extra:  {text}")


def register(cli: click.Group) -> None:
    cli.add_command(segment_command)
    cli.add_command(eval_command)
