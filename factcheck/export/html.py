"""HTML: one standalone page people would rather look at than read.

No external assets: inline CSS, an inline SVG verdict chart, the article text with
claims highlighted and labelled by verdict, then a claim list with explanations,
sources, sign-off and history. Each approved claim's card carries its ClaimReview
as a JSON-LD block (search engines read several blocks per page).

Every piece of user text goes through `esc`; links are made only from plain http(s)
URLs; a Content-Security-Policy forbids scripts, so even a mistake here could not run
code. The page is written while claims stream: per article one pass over the claims
(without sources) marks up the text, a second pass writes the claim list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING, TextIO

from factcheck.export import claimreview
from factcheck.export.common import (
    by_article,
    claim_anchor,
    day,
    iso,
    one_line,
    revision_line,
    safe_http_url,
)
from factcheck.export.registry import register

if TYPE_CHECKING:
    from factcheck.export.loader import ArticleRecord, ClaimRecord, Report, Scale, SpanRecord

NO_VERDICT = "No verdict yet"
_OTHER_PALETTE = ("#7c4dcc", "#5b6b80", "#b26a00", "#00838f", "#ad1457", "#4e6e00")


_SPECIAL = re.compile(r"[&<>\"']")


def esc(text: object) -> str:
    """HTML-escaped text (quotes too, so it is safe in attributes)."""
    if text is None:
        return ""
    s = text if isinstance(text, str) else str(text)
    return escape(s, quote=True) if _SPECIAL.search(s) else s


def link(label: str | None, url: str | None) -> str:
    """An <a> for a plain http(s) URL; anything else (javascript:, data:) stays text."""
    shown = esc(one_line(label) or url or "")
    safe = safe_http_url(url)
    if safe is None:
        if not url or not label or one_line(label) == url:
            return f'<span class="unsafe-url">{shown}</span>'
        return f'{shown} <span class="unsafe-url">{esc(url)}</span>'
    return f'<a href="{esc(safe)}" rel="nofollow noopener noreferrer">{shown}</a>'


class Palette:
    """CSS class and colours per verdict: numeric steps from red (worst) to green."""

    def __init__(self, scale: Scale) -> None:
        self.scale = scale
        self.colours: dict[str, tuple[str, str]] = {}
        self._class: dict[str, str] = {}
        best, worst = scale.best, scale.worst
        others = 0
        for i, step in enumerate(scale.steps):
            if step.value is not None and best is not None and worst is not None:
                share = (step.value - worst) / (best - worst) if best != worst else 1.0
                hue = round(120 * share)
                colours = (f"hsl({hue} 65% 38%)", f"hsl({hue} 80% 90%)")
            else:
                colours = (_OTHER_PALETTE[others % len(_OTHER_PALETTE)], "#ece8f4")
                others += 1
            self._class[step.label.casefold()] = f"v{i}"
            self.colours[f"v{i}"] = colours
        self.colours["vx"] = ("#37474f", "#e0e0e0")  # a verdict no longer on the scale
        self.colours["vn"] = ("#8a8f98", "#eef0f3")  # no verdict yet

    def css_class(self, verdict: str | None) -> str:
        if not verdict:
            return "vn"
        return self._class.get(verdict.strip().casefold(), "vx")

    def css(self) -> str:
        return "".join(
            f".{cls}{{--c:{strong};--t:{tint}}}" for cls, (strong, tint) in self.colours.items()
        )


def _label(report: Report, verdict: str | None) -> str:
    if not verdict:
        return NO_VERDICT
    step = report.scale.find(verdict)
    return step.label if step else verdict


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:#1d232b;background:#f6f7f9}
main{max-width:920px;margin:0 auto;padding:24px 20px 64px}
header h1{margin:0 0 4px;font-size:1.8rem}
.sub{color:#5b6470;margin:0}
section.card{background:#fff;border:1px solid #e2e5ea;border-radius:10px;
padding:20px 24px;margin:20px 0}
h2{margin:0 0 6px;font-size:1.35rem}
.meta{color:#5b6470;margin:0 0 10px;font-size:.92rem}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 14px;padding:0;list-style:none}
.chip{background:var(--t);color:var(--c);border:1px solid var(--c);border-radius:999px;
padding:1px 10px;font-size:.85rem;font-weight:600}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:1.02rem;
line-height:1.7;border-left:3px solid #e2e5ea;padding-left:16px;margin:10px 0 18px}
mark{background:var(--t);border-bottom:2px solid var(--c);padding:1px 2px;border-radius:3px;
color:inherit}
mark a{color:inherit;text-decoration:none}
.tag{display:inline-block;margin-left:4px;padding:0 6px;border-radius:4px;background:var(--c);
color:#fff;font:600 .7rem/1.6 system-ui,sans-serif;vertical-align:1px;white-space:nowrap}
ol.claims{list-style:none;padding:0;margin:0}
.claim{border:1px solid #e2e5ea;border-left:5px solid var(--c);border-radius:8px;
padding:12px 16px;margin:12px 0;background:#fff}
.claim:target{box-shadow:0 0 0 3px var(--t)}
.claim blockquote{margin:6px 0 8px;font-weight:600}
.head{display:flex;gap:8px;align-items:center;flex-wrap:wrap;font-size:.88rem;color:#5b6470}
.badge{background:var(--c);color:#fff;border-radius:5px;padding:1px 8px;font-weight:700}
.explanation{white-space:pre-wrap;margin:6px 0}
.sources{margin:4px 0 8px;padding-left:20px}
.stance{font-size:.8rem;color:#5b6470;border:1px solid #d0d5dc;border-radius:4px;padding:0 5px}
.unsafe-url{font-family:ui-monospace,monospace;font-size:.85rem;color:#8a3b12}
.signoff,.history{font-size:.85rem;color:#5b6470}
details summary{cursor:pointer}
svg text{font:13px system-ui,sans-serif;fill:#1d232b}
"""


@register(
    "html", description="HTML page, standalone (website, reading)", extension="html", order=20
)
def write_html(report: Report, out: TextIO) -> int:
    palette = Palette(report.scale)
    org = one_line(report.organization) or "Fact-check"
    out.write(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{esc(org)} report</title>\n<style>{_CSS}{palette.css()}</style>\n"
    )
    out.write("</head>\n<body>\n<main>\n<header>\n")
    scope = "approved claims" if report.approved_only else ", ".join(sorted(report.statuses))
    out.write(
        f'<h1>{esc(org)} report</h1>\n<p class="sub">Generated '
        f"{esc(iso(report.generated_at))} · {esc(scope)}</p>\n</header>\n"
    )
    _write_summary(report, palette, out)
    count = 0
    for article, group in by_article(report.spans()):
        _write_article_head(report, palette, article, out)
        marked = _write_text(report, palette, article, group, out)
        out.write('<ol class="claims">\n')
        for claim in report.claims(sources=True, history=True, article_id=article.id):
            _write_claim(report, palette, claim, claim.id in marked, out)
            count += 1
        out.write("</ol>\n</section>\n")
    if count == 0:
        out.write('<section class="card"><p>No claims match this report.</p></section>\n')
    out.write("</main>\n</body>\n</html>\n")
    return count


def _write_summary(report: Report, palette: Palette, out: TextIO) -> None:
    counts = report.verdict_counts()
    labels = report.scale.label_order(counts)
    out.write('<section class="card summary">\n<h2>Verdicts</h2>\n')
    if not labels:
        out.write("<p>No claims.</p>\n</section>\n")
        return
    out.write(verdict_chart(report, palette, counts, labels))
    out.write("</section>\n")


def verdict_chart(
    report: Report,
    palette: Palette,
    counts: dict[str | None, int],
    labels: list[str | None],
) -> str:
    """A horizontal bar chart as inline SVG: one bar per verdict, with its count."""
    row, label_w, bar_w = 30, 170, 520
    height = row * len(labels) + 10
    peak = max(counts.values()) or 1
    total = sum(counts.values())
    desc = "; ".join(f"{_label(report, lb)}: {counts[lb]}" for lb in labels)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
        f'viewBox="0 0 {label_w + bar_w + 80} {height}" aria-label="{esc(desc)}">'
        f"<title>Verdicts of {total} claims: {esc(desc)}</title>"
    ]
    for i, lb in enumerate(labels):
        y = 5 + i * row
        width = max(2, round(bar_w * counts[lb] / peak))
        cls = palette.css_class(lb)
        parts.append(
            f'<g class="{cls}"><text x="{label_w - 8}" y="{y + 19}" text-anchor="end">'
            f"{esc(_label(report, lb))}</text>"
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="20" rx="4" '
            f'style="fill:var(--c)"/>'
            f'<text x="{label_w + width + 6}" y="{y + 19}">{counts[lb]}</text></g>'
        )
    parts.append("</svg>\n")
    return "".join(parts)


def _write_article_head(report: Report, palette: Palette, a: ArticleRecord, out: TextIO) -> None:
    out.write(f'<section class="card article" id="article-{a.id}">\n')
    out.write(f"<h2>{esc(one_line(a.title)) or 'Untitled article'}</h2>\n")
    meta = [esc(a.outlet), esc(a.author), esc(day(a.published)), esc(revision_line(a))]
    if a.url:
        meta.append(link("original article", a.url) if safe_http_url(a.url) else esc(a.url))
    out.write(f'<p class="meta">{" · ".join(m for m in meta if m)}</p>\n')
    counts = report.verdict_counts(a.id)
    out.write('<ul class="chips">')
    for lb in report.scale.label_order(counts):
        out.write(
            f'<li class="chip {palette.css_class(lb)}">{esc(_label(report, lb))}: {counts[lb]}</li>'
        )
    out.write("</ul>\n")


def _write_text(
    report: Report,
    palette: Palette,
    a: ArticleRecord,
    claims: Iterable[SpanRecord],
    out: TextIO,
) -> set[int]:
    """The article text with each claim marked; returns the ids that got a mark.

    Claims arrive ordered by start; one that overlaps the previous mark (or whose
    offsets fall outside the text) is listed below but not marked in the text.
    """
    text = a.text or ""
    marked: set[int] = set()
    pos = 0
    out.write('<div class="text">')
    for c in claims:
        if c.start < pos or c.end <= c.start or c.end > len(text):
            continue
        cls = palette.css_class(c.verdict)
        anchor = claim_anchor(c.id)
        out.write(esc(text[pos : c.start]))
        out.write(
            f'<mark class="{cls}" id="text-{anchor}"><a href="#{anchor}">'
            f"{esc(text[c.start : c.end])}</a>"
            f'<span class="tag">{esc(_label(report, c.verdict))}</span></mark>'
        )
        marked.add(c.id)
        pos = c.end
    out.write(esc(text[pos:]))
    out.write("</div>\n")
    return marked


def _write_claim(
    report: Report, palette: Palette, c: ClaimRecord, in_text: bool, out: TextIO
) -> None:
    anchor = claim_anchor(c.id)
    parts = [
        f'<li class="claim {palette.css_class(c.verdict)}" id="{anchor}">',
        f'<div class="head"><span class="badge">{esc(_label(report, c.verdict))}</span>',
        f"<span>claim {c.id}</span>",
    ]
    if not report.approved_only:
        parts.append(f"<span>{esc(c.status)}</span>")
    if in_text:
        parts.append(f'<a href="#text-{anchor}">in the text</a>')
    parts.append(f"</div><blockquote>{esc(one_line(c.text))}</blockquote>")
    if c.speaker:
        parts.append(f'<p class="meta">Speaker: {esc(c.speaker)}</p>')
    if c.explanation and c.explanation.strip():
        parts.append(f'<div class="explanation">{esc(c.explanation.strip())}</div>')
    if c.sources:
        parts.append('<ul class="sources">')
        for s in c.sources:
            note = f" {esc(s.note)}" if s.note else ""
            parts.append(
                f'<li>{link(s.title, s.url)} <span class="stance">{esc(s.stance)}</span>{note}</li>'
            )
        parts.append("</ul>")
    signoff = []
    if c.verdict_by:
        signoff.append(_signed("Verdict by", c.verdict_by, day(c.verdict_at)))
    if c.approved_by:
        signoff.append(_signed("approved by", c.approved_by, day(c.approved_at)))
    if signoff:
        parts.append(f'<p class="signoff">{"; ".join(signoff)}</p>')
    if c.history:
        parts.append(f'<details class="history"><summary>History ({len(c.history)})</summary><ol>')
        for e in c.history:
            moved = e.to_status and e.to_status != e.from_status
            move = f" {e.from_status or ''} → {e.to_status}" if moved else ""
            said = e.details.get("note") or e.details.get("reason")
            extra = f": {said}" if said else ""
            parts.append(f"<li>{esc(f'{e.at} {e.actor} {e.action}{move}{extra}')}</li>")
        parts.append("</ol></details>")
    if c.status == "approved":
        review = claimreview.claim_review(report, c)
        if review is not None:
            # One JSON-LD block per published claim: streams with the list, no extra pass.
            parts.append(
                f'<script type="application/ld+json">{claimreview.script_safe(review)}</script>'
            )
    parts.append("</li>\n")
    out.write("".join(parts))


def _signed(what: str, who: str, when: str) -> str:
    return f"{what} {esc(who)} on {esc(when)}" if when else f"{what} {esc(who)}"
