"""Sources: only http(s) URLs with a host, each once per claim, with a stance and an author."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import workflow as wf
from factcheck.errors import InvalidInput, NotFound, TransitionRefused

from .conftest import EDITOR, RESEARCHER, Desk


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("HTTP://WWW.Example.ORG", "http://www.example.org/"),
        ("  https://example.org/path  ", "https://example.org/path"),
        ("https://example.org:8443/x", "https://example.org:8443/x"),
        ("https://[2001:db8::1]/report", "https://[2001:db8::1]/report"),
        ("http://127.0.0.1/stats", "http://127.0.0.1/stats"),
        ("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"),
        ("https://bücher.example/", "https://bücher.example/"),
    ],
)
def test_valid_urls_are_normalized(url: str, normalized: str) -> None:
    assert wf.validate_source_url(url) == normalized


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "'javascript:'"),
        ("JavaScript://example.org/%0aalert(1)", "'javascript:'"),
        ("ftp://example.org/file", "'ftp:'"),
        ("file:///etc/passwd", "'file:'"),
        ("data:text/html,<b>x</b>", "contains '<'"),
        ("data:text/plain,hello", "'data:'"),
        ("mailto:desk@example.org", "'mailto:'"),
        ("example.org/page", "no scheme"),
        ("//example.org/page", "no scheme"),
        ("https://", "no host"),
        ("https:///path-only", "no host"),
        ("http://:80/", "no host"),
        ("https://exa mple.org/", "a space"),
        ("https://example.org/a b", "a space"),
        ("https://user:secret@example.org/", "user name or password"),
        ("https://example.org:99999/", "invalid port"),
        ("https://exa_mple.org/", "host"),
        ("https://-bad.example/", "host"),
        ("", "needs a URL"),
        ("   ", "needs a URL"),
        ("https://example.org/" + "a" * 2000, "longer than 2000"),
    ],
)
def test_invalid_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        wf.validate_source_url(url)
    assert reason in str(refused.value)


_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_hosts = st.lists(_label, min_size=1, max_size=4).map(".".join)
_paths = st.from_regex(r"(/[A-Za-z0-9._~%!$&'()*+,;=:@-]{0,12}){0,4}", fullmatch=True)


@given(scheme=st.sampled_from(["http", "https", "HTTP", "Https"]), host=_hosts, path=_paths)
def test_property_well_formed_web_addresses_are_accepted(scheme: str, host: str, path: str) -> None:
    normalized = wf.validate_source_url(f"{scheme}://{host}{path}")
    parts = urlsplit(normalized)
    assert parts.scheme == scheme.lower()
    assert parts.hostname == host
    assert parts.path == (path or "/")
    assert wf.validate_source_url(normalized) == normalized  # idempotent


@given(
    scheme=st.from_regex(r"[A-Za-z][A-Za-z0-9+.-]{0,10}", fullmatch=True).filter(
        lambda s: s.lower() not in ("http", "https")
    ),
    rest=st.text(max_size=40),
)
def test_property_other_schemes_are_always_refused(scheme: str, rest: str) -> None:
    with pytest.raises(InvalidInput):
        wf.validate_source_url(f"{scheme}:{rest}")


@given(st.text(max_size=80))
def test_property_any_text_is_accepted_as_http_with_a_host_or_refused(text: str) -> None:
    try:
        normalized = wf.validate_source_url(text)
    except InvalidInput as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    parts = urlsplit(normalized)
    assert parts.scheme in ("http", "https")
    assert parts.hostname
    assert wf.validate_source_url(normalized) == normalized


def test_add_source_records_who_when_and_stance(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    version = desk.claim(cid).version
    info = desk.do(
        wf.add_source,
        cid,
        RESEARCHER,
        "HTTPS://Stats.gov.cn/2023",
        title="  Statistical bulletin 2023 ",
        note="table 3",
        stance="Refutes",
    )
    assert (info.url, info.title, info.note, info.stance, info.added_by) == (
        "https://stats.gov.cn/2023",
        "Statistical bulletin 2023",
        "table 3",
        "refutes",
        RESEARCHER,
    )
    assert info.added_at.tzinfo is not None
    assert desk.claim(cid).version == version + 1
    with desk.db.session() as s:
        detail = wf.claim_detail(s, cid)
    assert detail.sources == [info]
    event = detail.history[-1]
    assert (event.action, event.actor) == ("source_added", RESEARCHER)
    assert event.details["source"] == {
        "id": info.id,
        "url": "https://stats.gov.cn/2023",
        "title": "Statistical bulletin 2023",
        "note": "table 3",
        "stance": "refutes",
    }


@pytest.mark.parametrize(
    "second",
    ["https://example.org/report", "HTTPS://EXAMPLE.org/report", " https://example.org/report "],
)
def test_same_url_twice_is_refused(desk: Desk, second: str) -> None:
    cid = desk.claim_in("researching")
    desk.do(wf.add_source, cid, RESEARCHER, "https://example.org/report")
    before = desk.snapshot(cid)
    with pytest.raises(InvalidInput, match="already has this source"):
        desk.do(wf.add_source, cid, EDITOR, second)
    assert desk.snapshot(cid) == before


def test_same_url_on_two_claims_is_fine(desk: Desk) -> None:
    first, second = desk.claim_in("researching"), desk.claim_in("researching")
    desk.do(wf.add_source, first, RESEARCHER, "https://example.org/report")
    desk.do(wf.add_source, second, RESEARCHER, "https://example.org/report")
    assert desk.source_count(first) == desk.source_count(second) == 1


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "ftp://x.org/", "https://"])
def test_bad_url_leaves_the_claim_untouched(desk: Desk, url: str) -> None:
    cid = desk.claim_in("researching")
    before = desk.snapshot(cid)
    with pytest.raises(InvalidInput):
        desk.do(wf.add_source, cid, RESEARCHER, url)
    assert desk.snapshot(cid) == before


def test_unknown_stance_is_refused(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    with pytest.raises(InvalidInput, match="choose from supports, refutes, context"):
        desk.do(wf.add_source, cid, RESEARCHER, "https://example.org/", stance="agrees")


@pytest.mark.parametrize("status", ["new", "to_check", "researching"])
def test_sources_can_be_gathered_before_review(desk: Desk, status: str) -> None:
    cid = desk.claim_in(status)
    desk.do(wf.add_source, cid, RESEARCHER, "https://example.org/early")
    assert desk.source_count(cid) == 1


@pytest.mark.parametrize(
    ("status", "hint"),
    [
        ("in_review", "send it back to research first"),
        ("approved", "reopen it first"),
        ("dismissed", "reopen it first"),
    ],
)
def test_sources_are_frozen_under_review_and_after(desk: Desk, status: str, hint: str) -> None:
    cid = desk.claim_in(status)
    before = desk.snapshot(cid)
    with pytest.raises(TransitionRefused, match=hint):
        desk.do(wf.add_source, cid, EDITOR, "https://example.org/late")
    assert desk.snapshot(cid) == before
    if status != "dismissed":
        with desk.db.session() as s:
            source_id = wf.claim_detail(s, cid).sources[0].id
        with pytest.raises(TransitionRefused, match=hint):
            desk.do(wf.remove_source, cid, source_id, EDITOR)
        assert desk.snapshot(cid) == before


def test_remove_source_keeps_it_in_history(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    info = desk.do(wf.add_source, cid, RESEARCHER, "https://example.org/x", title="X")
    desk.do(wf.remove_source, cid, info.id, EDITOR)
    assert desk.source_count(cid) == 0
    with desk.db.session() as s:
        history = wf.claim_detail(s, cid).history
    removed = history[-1]
    assert (removed.action, removed.actor) == ("source_removed", EDITOR)
    assert removed.details["source"]["url"] == "https://example.org/x"
    assert removed.details["source"]["title"] == "X"
    # the same URL may be added again after removal
    desk.do(wf.add_source, cid, RESEARCHER, "https://example.org/x")
    assert desk.source_count(cid) == 1


def test_remove_a_source_of_another_claim_is_not_found(desk: Desk) -> None:
    first, second = desk.claim_in("researching"), desk.claim_in("researching")
    info = desk.do(wf.add_source, first, RESEARCHER, "https://example.org/x")
    before = desk.snapshot(second)
    with pytest.raises(NotFound, match=f"claim {second} has no source {info.id}"):
        desk.do(wf.remove_source, second, info.id, EDITOR)
    with pytest.raises(NotFound, match=f"claim {second} has no source 4242"):
        desk.do(wf.remove_source, second, 4242, EDITOR)
    assert desk.snapshot(second) == before
    assert desk.source_count(first) == 1
