"""Markdown: what the editor reads. Per article: title, outlet, date, link, a summary
of verdict counts, then each claim with verdict, explanation, sources and sign-off.

User text is escaped for CommonMark/GFM so that it renders as the words typed: no
raw HTML (`<script>` shows as text), no emphasis, links or headings the reviewer did
not mean. Only plain http(s) URLs become links.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from factcheck.export.common import by_article, day, one_line, revision_line, safe_http_url
from factcheck.export.registry import register

if TYPE_CHECKING:
    from factcheck.export.loader import ArticleRecord, ClaimRecord, Report

# Inline punctuation that CommonMark/GFM can turn into markup; all are escapable.
# One str.translate pass: regex substitution was most of a large report's time.
_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()|~&!#"})
# Line starts that open a block: list item "-", "+", setext underline "=", ordered list
# ("#", ">" and "|" are already escaped as inline punctuation).
_BLOCK_SYMBOLS = frozenset("+=-")
_ORDERED = re.compile(r"^(\d+)([.)])")


def _escape_line(line: str) -> str:
    line = line.translate(_INLINE)
    if line[:1] in _BLOCK_SYMBOLS:
        return "\\" + line
    if line[:1].isdigit():
        return _ORDERED.sub(r"\1\\\2", line)
    return line


def md(text: str | None) -> str:
    """One line of user text, escaped so it renders literally (also at a line start)."""
    return _escape_line(one_line(text))


def md_block(text: str | None) -> str:
    """Multi-line user text (an explanation): paragraphs kept, markup neutralized."""
    paragraphs = []
    for para in re.split(r"\n\s*\n", (text or "").strip()):
        lines = []
        for raw in para.splitlines():
            line = _escape_line(raw.strip())
            if line:
                lines.append(line)
        if lines:
            paragraphs.append("  \n".join(lines))
    return "\n\n".join(paragraphs)


def md_link(label: str | None, url: str | None) -> str:
    """A link when the URL is plain http(s); otherwise the URL as escaped text."""
    shown = md(label) if label and label.strip() else md(url)
    safe = safe_http_url(url)
    if safe is None:
        return shown if not url or shown == md(url) else f"{shown} ({md(url)})"
    target = safe.replace("<", "%3C").replace(">", "%3E")
    return f"[{shown}](<{target}>)"


def _counts_line(report: Report, counts: dict[str | None, int]) -> str:
    parts = [
        f"{md(label) if label else 'No verdict yet'}: {counts[label]}"
        for label in report.scale.label_order(counts)
    ]
    return " · ".join(parts) if parts else "no claims"


@register("markdown", description="Markdown, for editors", extension="md", order=10)
def write_markdown(report: Report, out: TextIO) -> int:
    org = md(report.organization) or "Fact-check"
    out.write(f"# {org} report\n\n")
    scope = ", ".join(sorted(report.statuses)) if not report.approved_only else "approved"
    out.write(f"Generated {day(report.generated_at)} · claims: {scope}\n\n")
    totals = report.verdict_counts()
    out.write("## Summary\n\n")
    if totals:
        out.write("| Verdict | Claims |\n|---|---:|\n")
        for label in report.scale.label_order(totals):
            name = md(label) if label else "No verdict yet"
            out.write(f"| {name} | {totals[label]} |\n")
        out.write(f"| **Total** | **{sum(totals.values())}** |\n\n")
    else:
        out.write("No claims match this report.\n")
    count = 0
    claims = report.claims(sources=True)
    for article, group in by_article(claims):
        _write_article_head(report, article, out)
        for claim in group:
            _write_claim(report, claim, out)
            count += 1
    return count


def _write_article_head(report: Report, a: ArticleRecord, out: TextIO) -> None:
    out.write(f"\n---\n\n## {md(a.title) or 'Untitled article'}\n\n")
    meta = [f"*{md(a.outlet)}*" if a.outlet else "", md(a.author), day(a.published)]
    meta.append(revision_line(a))
    if a.url:
        meta.append(md_link("original article", a.url) if safe_http_url(a.url) else md(a.url))
    meta_line = " · ".join(m for m in meta if m)
    if meta_line:
        out.write(meta_line + "\n\n")
    out.write(f"**Verdicts:** {_counts_line(report, report.verdict_counts(a.id))}\n\n")


def _write_claim(report: Report, c: ClaimRecord, out: TextIO) -> None:
    step = report.scale.find(c.verdict)
    verdict = md(step.label if step else c.verdict) if c.verdict else "No verdict yet"
    out.write(f"### Claim {c.id}: {verdict}\n\n> {md(c.text)}\n\n")
    facts = []
    if c.speaker:
        facts.append(f"- **Speaker:** {md(c.speaker)}")
    if step is not None and step.value is not None and report.scale.best is not None:
        facts.append(f"- **Rating:** {md(step.label)} ({step.value} of {report.scale.best})")
    if not report.approved_only:
        facts.append(f"- **Status:** {md(c.status)}")
    if facts:
        out.write("\n".join(facts) + "\n\n")
    if c.explanation and c.explanation.strip():
        out.write(md_block(c.explanation) + "\n\n")
    if c.sources:
        out.write("**Sources**\n\n")
        for s in c.sources:
            line = f"- {md_link(s.title, s.url)} ({md(s.stance)})"
            if s.note and s.note.strip():
                line += f": {md(s.note)}"
            out.write(line + "\n")
        out.write("\n")
    signoff = []
    if c.verdict_by:
        signoff.append(_signed("verdict by", c.verdict_by, day(c.verdict_at)))
    if c.approved_by:
        signoff.append(_signed("approved by", c.approved_by, day(c.approved_at)))
    if signoff:
        out.write(f"*Sign-off: {'; '.join(signoff)}.*\n\n")


def _signed(what: str, who: str, when: str) -> str:
    return f"{what} {md(who)} on {when}" if when else f"{what} {md(who)}"
