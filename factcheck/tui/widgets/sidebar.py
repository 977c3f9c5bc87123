"""The sidebar: status counts and articles, each entry a filter for the table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from factcheck.tui.style import STATUS_ORDER, ellipsize, status_label, status_style

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.workflow import ArticleRow

ALL = "all"


def _status_prompt(status: str, count: int, active: bool) -> Text:
    mark = "▸" if active else " "
    if status == ALL:
        return Text.assemble(mark, ("All statuses", "bold"), f"  {count:,}")
    dot = Style(color=status_style(status).bgcolor)
    return Text.assemble(mark, ("● ", dot), status_label(status), (f"  {count:,}", "dim"))


# Cells of the article list before the first layout (sidebar 30 wide, less borders,
# padding and a scrollbar); replaced by the measured width once the list has a size.
DEFAULT_PROMPT_WIDTH = 22


def article_prompt(
    article: ArticleRow | None, active: bool, width: int = DEFAULT_PROMPT_WIDTH
) -> Text:
    """One line of `width` cells at most: the title is cut, never the count after it.

    OptionList crops a prompt wider than the list, and the count is the part cropped,
    so the title gets only what the marker, the gap and the count leave.
    """
    mark = "▸" if active else " "
    if article is None:
        return Text.assemble(mark, ("All articles", "bold"))
    count = f"{article.claim_count:,}"
    room = max(4, width - len(mark) - 2 - len(count))
    title = ellipsize(article.title, room).ljust(room)
    return Text.assemble(mark, title, (f"  {count}", "dim"))


class Sidebar(Vertical):
    """Chooses the status and the article the table shows."""

    @dataclass
    class StatusChosen(Message):
        status: str | None  # None: every status

    @dataclass
    class ArticleChosen(Message):
        article_id: int | None  # None: every article

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts: dict[str, int] = {}
        self._total = 0
        self._status: str | None = None
        self._article: int | None = None
        self._articles: list[ArticleRow] = []

    def compose(self) -> ComposeResult:
        statuses = OptionList(id="status-list")
        statuses.border_title = "Status"
        yield statuses
        articles = OptionList(id="article-list")
        articles.border_title = "Articles"
        yield articles

    def on_mount(self) -> None:
        self._render_statuses()
        self._render_articles()

    def set_counts(self, counts: dict[str, int], active: str | None) -> None:
        self._counts = dict(counts)
        self._total = sum(counts.values())
        self._status = active
        self._render_statuses()

    def set_articles(self, articles: list[ArticleRow], active: int | None) -> None:
        self._articles = list(articles)
        self._article = active
        self._render_articles()

    def set_active(self, status: str | None, article_id: int | None) -> None:
        changed_articles = article_id != self._article
        self._status, self._article = status, article_id
        self._render_statuses()
        if changed_articles:
            self._render_articles()

    def _render_statuses(self) -> None:
        options = [Option(_status_prompt(ALL, self._total, self._status is None), id=ALL)]
        options += [
            Option(_status_prompt(s, self._counts.get(s, 0), self._status == s), id=s)
            for s in STATUS_ORDER
        ]
        widget = self.query_one("#status-list", OptionList)
        highlighted = widget.highlighted
        widget.set_options(options)
        widget.highlighted = highlighted

    def on_resize(self) -> None:
        self._render_articles()

    @staticmethod
    def _prompt_width(widget: OptionList) -> int:
        """The list's text width, with room for a scrollbar kept whether one shows or not.

        Keeping the room means the prompts fit before and after a scrollbar appears,
        and the counts stay in one column either way.
        """
        width = widget.scrollable_content_region.width
        if width <= 0:
            return DEFAULT_PROMPT_WIDTH
        if not widget.show_vertical_scrollbar:
            width -= widget.styles.scrollbar_size_vertical
        return max(8, width)

    def _render_articles(self) -> None:
        widget = self.query_one("#article-list", OptionList)
        width = self._prompt_width(widget)
        options = [Option(article_prompt(None, self._article is None, width), id=ALL)]
        options += [
            Option(article_prompt(a, self._article == a.id, width), id=str(a.id))
            for a in self._articles
        ]
        highlighted = widget.highlighted
        widget.set_options(options)
        widget.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ALL
        if event.option_list.id == "status-list":
            status = None if option_id == ALL else option_id
            self.post_message(self.StatusChosen(status))
        else:
            article_id = None if option_id == ALL else int(option_id)
            self.post_message(self.ArticleChosen(article_id))
