"""Newsroom rules: stored per database in the `setting` table, checked here only.

Newsrooms differ (AFP wants two independent sources, a small desk may let an
editor approve their own verdict), so the rules are data, and every rule check
lives in this module so that no other code decides them differently.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.errors import InvalidInput
from factcheck.store.models import Setting
from factcheck.store.views import Rules
from factcheck.workflow.sources import validate_source_url

MAX_MIN_SOURCES = 20
DEFAULTS: dict[str, str] = {
    "min_sources": "1",
    "allow_self_approval": "false",
    "organization": "Factcheck desk",
    "report_url": "",
}
DESCRIPTIONS: dict[str, str] = {
    "min_sources": "sources a claim needs before it can be submitted for review (1 or more)",
    "allow_self_approval": "whether the person who set the verdict may approve it (true/false)",
    "organization": "the newsroom's name, shown in reports",
    "report_url": "where published reports live (an http(s) URL, or empty)",
}
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _parse_min_sources(value: str) -> str:
    try:
        n = int(value.strip())
    except ValueError:
        raise InvalidInput(f"min_sources must be a whole number, not {value!r}") from None
    if not 1 <= n <= MAX_MIN_SOURCES:
        raise InvalidInput(f"min_sources must be between 1 and {MAX_MIN_SOURCES}, not {n}")
    return str(n)


def _parse_bool(value: str) -> str:
    word = value.strip().lower()
    if word in _TRUE:
        return "true"
    if word in _FALSE:
        return "false"
    raise InvalidInput(f"allow_self_approval must be true or false, not {value!r}")


def _parse_organization(value: str) -> str:
    name = value.strip()
    if not name:
        raise InvalidInput("organization cannot be empty")
    if len(name) > 200:
        raise InvalidInput("organization is longer than 200 characters")
    return name


def _parse_report_url(value: str) -> str:
    return validate_source_url(value) if value.strip() else ""


_PARSERS: dict[str, Callable[[str], str]] = {
    "min_sources": _parse_min_sources,
    "allow_self_approval": _parse_bool,
    "organization": _parse_organization,
    "report_url": _parse_report_url,
}


def _rules_from(values: dict[str, str]) -> Rules:
    """Rules from stored strings; a value edited by hand into nonsense falls back to the default."""
    parsed: dict[str, str] = {}
    for key, parse in _PARSERS.items():
        try:
            parsed[key] = parse(values.get(key, DEFAULTS[key]))
        except InvalidInput:
            parsed[key] = DEFAULTS[key]
    return Rules(
        min_sources=int(parsed["min_sources"]),
        allow_self_approval=parsed["allow_self_approval"] == "true",
        organization=parsed["organization"],
        report_url=parsed["report_url"],
    )


def get_rules(session: Session) -> Rules:
    stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    return _rules_from(stored)


def set_rule(session: Session, key: str, value: str, actor: str) -> Rules:
    """Change one newsroom rule after validating it; returns the rules now in force.

    `actor` is accepted for symmetry with the claim actions; settings have no
    per-claim history, so nothing is logged.
    """
    del actor
    name = key.strip().lower().replace("-", "_")
    if name not in _PARSERS:
        raise InvalidInput(f"unknown setting {key!r}; choose from {', '.join(_PARSERS)}")
    normalized = _PARSERS[name](value)
    row = session.get(Setting, name)
    if row is None:
        session.add(Setting(key=name, value=normalized))
    else:
        row.value = normalized
    session.flush()
    return get_rules(session)


def rule_values(rules: Rules) -> dict[str, str]:
    """The rules as the strings a user types, for `factcheck settings`."""
    return {
        "min_sources": str(rules.min_sources),
        "allow_self_approval": "true" if rules.allow_self_approval else "false",
        "organization": rules.organization,
        "report_url": rules.report_url,
    }


def submit_problems(
    *,
    verdict: str | None,
    explanation: str | None,
    source_count: int,
    rules: Rules,
) -> list[str]:
    """What a claim still lacks before it may go to review (empty when ready)."""
    problems = []
    if not verdict:
        problems.append("a verdict")
    if not (explanation or "").strip():
        problems.append("an explanation")
    if source_count < rules.min_sources:
        word = "source" if rules.min_sources == 1 else "sources"
        problems.append(f"at least {rules.min_sources} {word} (it has {source_count})")
    return problems


def self_approval_refused(*, verdict_by: str | None, actor: str, rules: Rules) -> bool:
    """Four-eyes: the person who set the verdict may not approve it, unless allowed."""
    return not rules.allow_self_approval and verdict_by is not None and verdict_by == actor
