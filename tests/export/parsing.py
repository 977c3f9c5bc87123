"""Reading reports back the way their readers do: an HTML parser, csv, json."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "img", "hr", "input", "rect"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""  # all text inside, decoded by the parser
    children: list[Element] = field(default_factory=list)


class PageParser(HTMLParser):
    """Builds a flat list of elements with their decoded text (enough for assertions)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script_attrs: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, dict(attrs))
        self.elements.append(el)
        if tag == "script":
            self._script_attrs = dict(attrs)
            self._script_text = []
        if tag not in VOID:
            self._open.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script_attrs is not None:
            self.scripts.append((self._script_attrs, "".join(self._script_text)))
            self._script_attrs = None
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._script_attrs is not None:
            self._script_text.append(data)
        for el in self._open:
            el.text += data

    def by_id(self, ident: str) -> Element:
        found = [e for e in self.elements if e.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]

    def find_all(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]


def parse_html(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser
