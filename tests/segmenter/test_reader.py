from datetime import date
from pathlib import Path

import pytest

from factcheck.errors import ArticleError
from factcheck.segmenter import parse_text, read_article


def test_sample_headline_repeats_and_navigation_are_dropped(sample_article: Path) -> None:
    article = read_article(sample_article)
    assert article.title == "Shenzhen set to overtake Silicon Valley in tech innovations"
    assert article.text.count(article.title) == 1
    assert "Related Stories" not in article.text
    assert "Latest News" not in article.text
    assert article.published is None


def test_header_lines_give_metadata() -> None:
    raw = (
        "Title: Big news\nDate: 2018-05-14\nURL: https://example.org/a\nAuthor: Ann\n\n"
        "Big news\n\nBody text here."
    )
    article = parse_text(raw)
    assert article.title == "Big news"
    assert article.published == date(2018, 5, 14)
    assert article.url == "https://example.org/a"
    assert article.author == "Ann"
    assert "Title:" not in article.text


def test_front_matter() -> None:
    raw = "---\ntitle: Front\noutlet: Daily\n---\nFront\n\nText of it."
    article = parse_text(raw, fmt="md")
    assert (article.title, article.outlet) == ("Front", "Daily")
    assert article.text.startswith("Front")


def test_markdown_headings_and_links_are_plain() -> None:
    article = parse_text("# Heading\n\nSee [the report](http://x.org) for **more**.", fmt="md")
    assert article.title == "Heading"
    assert "See the report for more." in article.text


def test_published_argument_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("T\n\nBody.", encoding="utf-8")
    assert read_article(path, published=date(2020, 1, 2)).published == date(2020, 1, 2)


def test_latin1_fallback(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Price\n\nIt cost \xa3300.")
    assert "£300" in read_article(path).text


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02binary\x00data"])
def test_empty_or_binary_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError):
        read_article(path)


def test_size_limit_says_how_to_raise_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("T\n\n" + "word " * 100, encoding="utf-8")
    with pytest.raises(ArticleError, match="--max-size"):
        read_article(path, max_bytes=100)


def test_size_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("T\n\n" + "word " * 100, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_MAX_ARTICLE_MB", "0.00005")
    with pytest.raises(ArticleError, match="FACTCHECK_MAX_ARTICLE_MB"):
        read_article(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_html_page(tmp_path: Path) -> None:
    body = " ".join(["The council spent £2m on the new bridge in 2017."] * 6)
    html = (
        "<html><head><title>Bridge costs</title><meta name='author' content='Jo Bloggs'>"
        "<meta property='article:published_time' content='2018-03-04'></head><body>"
        "<nav>Home | News | Subscribe</nav><article><h1>Bridge costs</h1>"
        f"<p>{body}</p><p>{body}</p></article><footer>Share this</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Bridge costs"
    assert "£2m on the new bridge" in article.text
    assert "Subscribe" not in article.text
    assert article.published == date(2018, 3, 4)


def test_one_stray_legacy_byte_leaves_the_utf8_text_intact(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    body = "Prices – “quoted” here – rose to ".encode() + b"\xa34m in 2004.\n"
    path.write_bytes(b"Prices\n\n" + body)
    text = read_article(path).text
    assert "Prices – “quoted” here – rose to £4m in 2004." in text
    assert "â€" not in text


def test_a_legacy_file_with_no_utf8_is_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(b"Price\n\nIt cost \xa3300, \x93a bargain\x94 \x96 they said.\n")
    assert "It cost £300, “a bargain” – they said." in read_article(path).text


def test_many_stray_bytes_mean_a_legacy_file_even_if_a_pair_looks_like_utf8(
    tmp_path: Path,
) -> None:
    # "Ã©" (0xC3 0xA9) is valid UTF-8 for "é", but among a dozen cp1252-only bytes it is
    # more likely the legacy text it reads as.
    path = tmp_path / "legacy.txt"
    path.write_bytes(b"Price\n\nCaf\xc3\xa9 " + b"\x93x\x94 " * 6 + b"sold.\n")
    assert "CafÃ© “x”" in read_article(path).text


def test_bytes_that_are_neither_utf8_nor_western_text_are_refused() -> None:
    import random

    from factcheck.errors import ArticleError
    from factcheck.segmenter.reader import decode

    noise = bytes(random.Random(7).randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(ArticleError, match="not UTF-8"):
        decode(noise, "noise.txt")
    # A real legacy article with accents still reads.
    legacy = "Le café coûte 2,50 € à Paris, selon l'étude publiée mardi.".encode("cp1252")
    assert decode(legacy * 20, "fr.txt").startswith("Le café coûte")
