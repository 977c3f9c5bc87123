"""The claims desk: the table, the sidebar filters and the detail of the claim under the cursor.

All reads go through thread workers that post messages back; every message carries
the generation of the query it answers, so results of an old filter are dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from textual import on, work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import get_current_worker

from factcheck.errors import FactcheckError
from factcheck.tui.data import Counts
from factcheck.tui.dialogs.filter import FilterChoice, FilterDialog
from factcheck.tui.paging import PageWindow
from factcheck.tui.screens.base import ClaimActionsScreen, PaletteCommand
from factcheck.tui.style import KINDS, STATUS_ORDER, ellipsize, status_label
from factcheck.tui.widgets.claim_detail import ClaimDetailPane
from factcheck.tui.widgets.claims_table import ClaimsTable
from factcheck.tui.widgets.filter_bar import FilterBar
from factcheck.tui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.tui.data import Backend, ClaimExtras
    from factcheck.workflow import ArticleRow, ClaimDetail, ClaimFilter, ClaimRow

SORTS: tuple[str, ...] = ("score", "position", "updated")
Stamp = tuple[int, int]
PAGE_SIZE = 100
MAX_PAGES = 4


def matches(row: ClaimRow, flt: ClaimFilter) -> bool:
    """Whether a claim still belongs in the table after it changed."""
    if flt.statuses and row.status not in flt.statuses:
        return False
    if flt.kinds and row.kind not in flt.kinds:
        return False
    if flt.article_id is not None and row.article_id != flt.article_id:
        return False
    if flt.assignee is not None and row.assignee != flt.assignee:
        return False
    return not (flt.search and flt.search.casefold() not in row.text.casefold())


class DeskScreen(ClaimActionsScreen):
    """The main screen."""

    DETAIL_DELAY = 0.06  # seconds the cursor must rest before the detail pane is read
    EXTRAS_DELAY = 0.3  # seconds more before evidence and earlier verdicts are looked up
    RECOUNT_DELAY = 0.4  # seconds after the last change before the counts are queried again

    BINDINGS = [
        Binding("q", "app.quit", "Quit", show=False, id="desk.quit"),
        Binding("A", "article_view", "Article", id="desk.article"),
        Binding("slash", "search", "Search", key_display="/", id="desk.search"),
        Binding("f", "filter", "Filter", id="desk.filter"),
        Binding("m", "mine", "Mine", show=False, id="desk.mine"),
        Binding("S", "sort", "Sort", show=False, id="desk.sort"),
        Binding("e", "export", "Export", show=False, id="desk.export"),
        Binding("ctrl+r", "refresh", "Refresh", show=False, id="desk.refresh"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar", show=False, id="desk.sidebar"),
        Binding("escape", "clear_filters", "Clear filters", show=False, id="desk.clear"),
    ]

    @dataclass
    class PageLoaded(Message):
        stamp: Stamp
        mode: Literal["reset", "down", "up", "replace"]
        rows: list[ClaimRow]
        keep: int | None = None

    @dataclass
    class CountsLoaded(Message):
        stamp: Stamp
        counts: Counts

    @dataclass
    class ArticlesLoaded(Message):
        articles: list[ArticleRow]

    @dataclass
    class DetailLoaded(Message):
        detail: ClaimDetail

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self, backend: Backend, *, refresh_seconds: float = 10.0) -> None:
        super().__init__(backend, id="desk")
        from factcheck.workflow import ClaimFilter, cursor_of

        self.flt: ClaimFilter = ClaimFilter()
        self.sort = "score"
        self.window: PageWindow[ClaimRow] = PageWindow(
            cursor_of=lambda row: cursor_of(row, self.sort),
            page_size=PAGE_SIZE,
            max_pages=MAX_PAGES,
        )
        self.counts: Counts | None = None
        self._generation = 0
        self._changes = 0  # claims changed here; reads started before a change are stale
        self._loading = False
        self._detail: ClaimDetail | None = None
        self._articles: dict[int, ArticleRow] = {}
        self._refresh_seconds = refresh_seconds
        self._detail_timer: Timer | None = None
        self._recount_timer: Timer | None = None
        self._extras_timer: Timer | None = None
        self._articles_requested = False

    def compose(self) -> ComposeResult:
        yield FilterBar(id="filter-bar")
        with Horizontal(id="desk-body"):
            yield Sidebar(id="sidebar")
            with Vertical(id="desk-main"):
                yield ClaimsTable(id="claims")
                yield ClaimDetailPane(id="detail")
        yield Footer(compact=True)

    @property
    def table(self) -> ClaimsTable:
        return self.query_one(ClaimsTable)

    @property
    def pane(self) -> ClaimDetailPane:
        return self.query_one(ClaimDetailPane)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()
        if self._refresh_seconds > 0:
            self.set_interval(self._refresh_seconds, self.periodic_refresh)

    def on_screen_resume(self) -> None:
        # Back from the article view or a dialog: pick up what changed there.
        if self.counts is not None:
            self.periodic_refresh()

    # Loading -----------------------------------------------------------------

    def reload(self, keep: int | None = None) -> None:
        """Run the current filter and sort from the top."""
        self._generation += 1
        self.window.reset()
        self._loading = True
        self._load_page(self._stamp(), self.flt, self.sort, None, PAGE_SIZE, "reset", keep)
        self._load_counts(self._stamp(), self.flt)
        self._update_summary()

    @work(thread=True, group="page")
    def _load_page(
        self,
        stamp: Stamp,
        flt: ClaimFilter,
        sort: str,
        after: tuple[Any, ...] | None,
        limit: int,
        mode: Literal["reset", "down", "up", "replace"],
        keep: int | None = None,
    ) -> None:
        try:
            rows = self.backend.claims_page(flt, sort, after, limit)
        except FactcheckError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        self.post_message(self.PageLoaded(stamp, mode, rows, keep))

    @work(thread=True, group="counts", exclusive=True)
    def _load_counts(self, stamp: Stamp, flt: ClaimFilter) -> None:
        try:
            counts = self.backend.counts(flt)
        except FactcheckError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.CountsLoaded(stamp, counts))

    @work(thread=True, group="articles", exclusive=True)
    def _load_articles(self) -> None:
        try:
            articles = self.backend.articles()
        except FactcheckError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        self.post_message(self.ArticlesLoaded(articles))

    @work(thread=True, group="detail", exclusive=True)
    def _load_detail(self, claim_id: int) -> None:
        try:
            detail = self.backend.detail(claim_id)
        except FactcheckError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.DetailLoaded(detail))

    @on(PageLoaded)
    def _on_page_loaded(self, message: PageLoaded) -> None:
        if message.stamp[0] != self._generation:
            return
        self._loading = False
        if message.mode == "replace" and (message.stamp != self._stamp() or self._busy):
            return  # read before a change made here: it would bring back the old rows
        table = self.table
        current = table.current_claim()
        if message.mode == "reset":
            self.window.append(message.rows)
            table.show_rows(message.rows, keep=message.keep)
            if not self._articles_requested:
                # The article list is the slowest read; the claims come first.
                self._articles_requested = True
                self._load_articles()
        elif message.mode == "down":
            dropped = self.window.append(message.rows)
            table.append_rows(message.rows)
            if dropped:
                table.drop_first(dropped)
        elif message.mode == "up":
            self.window.prepend(message.rows)
            table.show_rows(self.window.rows, keep=current.id if current else None)
        else:
            self.window.replace(message.rows)
            fresh = self.window.rows
            if [r.id for r in fresh] == [r.id for r in table.loaded]:
                for row in fresh:
                    table.update_claim(row)
            else:
                table.show_rows(fresh, keep=current.id if current else None, row=table.cursor_row)
        self._after_rows_changed()

    def _after_rows_changed(self) -> None:
        current = self.table.current_claim()
        if current is None:
            self._detail = None
            self.pane.show_message(self._empty_message())
        elif (
            self._detail is None
            or self._detail.row.id != current.id
            or (self._detail.row.version != current.version)
        ):
            self._request_detail(current.id)

    def _empty_message(self) -> str:
        if (
            self.counts is not None
            and sum(self.counts.by_status.values()) == 0
            and not (self.flt.search or self.flt.article_id or self.flt.kinds or self.flt.assignee)
        ):
            return (
                "No claims yet. Ingest an article with `factcheck ingest FILE`, "
                "then refresh (ctrl+r)."
            )
        return "No claims match this filter. Press escape to clear the filters."

    @on(CountsLoaded)
    def _on_counts_loaded(self, message: CountsLoaded) -> None:
        if message.stamp != self._stamp() or self._busy:
            return  # another filter, or counted before or during a change made here
        self._show_counts(message.counts)
        if self.table.current_claim() is None:
            self.pane.show_message(self._empty_message())

    def _show_counts(self, counts: Counts) -> None:
        self.counts = counts
        self.query_one(Sidebar).set_counts(counts.by_status, self._single_status())
        self._update_summary()

    @on(ArticlesLoaded)
    def _on_articles_loaded(self, message: ArticlesLoaded) -> None:
        self._articles = {a.id: a for a in message.articles}
        self.query_one(Sidebar).set_articles(message.articles, self.flt.article_id)
        self._update_summary()

    @on(DetailLoaded)
    def _on_detail_loaded(self, message: DetailLoaded) -> None:
        current = self.table.current_claim()
        if current is None or current.id != message.detail.row.id:
            return
        self._detail = message.detail
        self.pane.show(message.detail)
        self._request_extras(current.id)
        if message.detail.row.version != current.version:
            self.table.update_claim(message.detail.row)

    @on(LoadFailed)
    def _on_load_failed(self, message: LoadFailed) -> None:
        self._loading = False
        self.notify(message.message, title="Could not load", severity="error")

    @on(ClaimsTable.NeedRows)
    def _on_need_rows(self, message: ClaimsTable.NeedRows) -> None:
        if self._loading:
            return
        if message.direction == "down" and self.window.can_go_forward and self.window.pages:
            self._loading = True
            after = self.window.next_cursor()
            self._load_page(self._stamp(), self.flt, self.sort, after, PAGE_SIZE, "down")
        elif message.direction == "up" and self.window.can_go_back:
            self._loading = True
            after = self.window.previous_cursor()
            self._load_page(self._stamp(), self.flt, self.sort, after, PAGE_SIZE, "up")

    @on(ClaimsTable.Highlighted)
    def _on_row_highlighted(self, _event: ClaimsTable.Highlighted) -> None:
        current = self.table.current_claim()
        if current is None:
            return
        if self._detail is not None and self._detail.row.id == current.id:
            return
        self._request_detail(current.id)

    def _request_extras(self, claim_id: int) -> None:
        """Evidence and memory once the reviewer stays on a claim: their scoring holds the
        GIL for a few milliseconds, which a cursor flying through the table should not pay."""
        if self._extras_timer is not None:
            self._extras_timer.stop()
            self._extras_timer = None
        if self.EXTRAS_DELAY <= 0:
            self.load_extras(claim_id)
        else:
            self._extras_timer = self.set_timer(
                self.EXTRAS_DELAY, functools.partial(self.load_extras, claim_id)
            )

    def _request_detail(self, claim_id: int) -> None:
        """Load the detail once the cursor rests, so holding a key never queues reads."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if self._extras_timer is not None:
            self._extras_timer.stop()
            self._extras_timer = None
        if self.DETAIL_DELAY <= 0:
            self._load_detail(claim_id)
        else:
            self._detail_timer = self.set_timer(
                self.DETAIL_DELAY, functools.partial(self._load_detail, claim_id)
            )

    @on(ClaimsTable.Selected)
    def _on_row_selected(self, _event: ClaimsTable.Selected) -> None:
        self.action_article_view()

    def periodic_refresh(self) -> None:
        """Cheap: the counts and the rows already loaded, so other reviewers' work shows."""
        if self._loading or not self.is_current:
            return
        self._loading = True
        start = self.window.starts[self.window.first] if self.window.starts else None
        limit = max(PAGE_SIZE, self.window.row_count)
        self._load_page(self._stamp(), self.flt, self.sort, start, limit, "replace")
        self._load_counts(self._stamp(), self.flt)

    # ClaimActionsScreen ----------------------------------------------------

    def current_claim(self) -> ClaimRow | None:
        return self.table.current_claim()

    def current_detail(self) -> ClaimDetail | None:
        current = self.table.current_claim()
        if current is not None and self._detail is not None and self._detail.row.id == current.id:
            return self._detail
        return None

    def perform(self, action: str, row: ClaimRow, **kwargs: Any) -> None:
        # Reads started while the write is in flight may or may not see it: mark them stale.
        self._changes += 1
        super().perform(action, row, **kwargs)

    def _stamp(self) -> Stamp:
        """What a read answers: the query (generation) and the local changes made before it."""
        return (self._generation, self._changes)

    def show_claim(self, detail: ClaimDetail) -> None:
        row = detail.row
        self._changes += 1
        before = self.table.claim(row.id)
        if before is not None:
            self._adjust_counts(before, row)
        current = self.table.current_claim()
        if matches(row, self.flt):
            self.table.update_claim(row)
            if current is not None and current.id == row.id:
                self._detail = detail
                self.pane.show(detail)
                self.load_extras(row.id)
        else:
            self.table.remove_claim(row.id)
            self._detail = None
            self._after_rows_changed()
        self._recount_soon()

    def _adjust_counts(self, before: ClaimRow, after: ClaimRow) -> None:
        """Move one claim between the status counts at once; the exact recount follows."""
        if self.counts is None or before.status == after.status:
            return
        by_status = dict(self.counts.by_status)
        unfiltered = replace(self.flt, statuses=None)
        if matches(before, unfiltered):
            by_status[before.status] = max(0, by_status.get(before.status, 0) - 1)
        if matches(after, unfiltered):
            by_status[after.status] = by_status.get(after.status, 0) + 1
        total = self.counts.total + int(matches(after, self.flt)) - int(matches(before, self.flt))
        self._show_counts(Counts(by_status=by_status, total=max(0, total)))

    def _recount_soon(self) -> None:
        """Count again once the reviewer pauses, so a burst of changes costs one query."""
        if self._recount_timer is not None:
            self._recount_timer.stop()
        self._recount_timer = self.set_timer(
            self.RECOUNT_DELAY, lambda: self._load_counts(self._stamp(), self.flt)
        )

    def show_extras(self, extras: ClaimExtras) -> None:
        self.pane.show_extras(extras)

    def current_extras(self) -> ClaimExtras | None:
        current = self.table.current_claim()
        extras = self.pane.extras
        return extras if current and extras and extras.claim_id == current.id else None

    def export_scope(self) -> tuple[int | None, str | None]:
        article_id = self.flt.article_id
        if article_id is None:
            return None, None
        article = self._articles.get(article_id)
        return article_id, article.title if article else None

    def palette_commands(self) -> Iterator[PaletteCommand]:
        yield from super().palette_commands()
        for sort in SORTS:
            yield PaletteCommand(
                f"Sort by {sort}",
                "order of the claims table",
                functools.partial(self.set_sort, sort),
            )
        yield PaletteCommand(
            "Show every status", "clear the status filter", lambda: self.set_statuses(None)
        )
        for status in STATUS_ORDER:
            yield PaletteCommand(
                f"Show status: {status_label(status)}",
                "filter the claims table",
                functools.partial(self.set_statuses, frozenset({status})),
            )
        for kind in KINDS:
            yield PaletteCommand(
                f"Show kind: {kind}",
                "filter the claims table",
                functools.partial(self.set_kinds, kind),
            )
        yield PaletteCommand("Clear filters", "show every claim", self.action_clear_filters)

    # Filters and sorting ---------------------------------------------------

    def set_filter(self, flt: ClaimFilter) -> None:
        keep = self.table.current_claim()
        self.flt = flt
        self.table.set_show_article(flt.article_id is None)
        self.query_one(Sidebar).set_active(self._single_status(), flt.article_id)
        self.reload(keep=keep.id if keep else None)

    def _single_status(self) -> str | None:
        statuses = self.flt.statuses
        return next(iter(statuses)) if statuses and len(statuses) == 1 else None

    def set_sort(self, sort: str) -> None:
        keep = self.table.current_claim()
        self.sort = sort
        self.reload(keep=keep.id if keep else None)

    def set_statuses(self, statuses: frozenset[str] | None) -> None:
        self.set_filter(replace(self.flt, statuses=statuses))

    def set_kinds(self, kind: str | None) -> None:
        self.set_filter(replace(self.flt, kinds=frozenset({kind}) if kind else None))

    def _update_summary(self) -> None:
        parts: list[str] = []
        if self.counts is not None:
            parts.append(f"{self.counts.total:,} claims")
        if self.flt.statuses:
            parts.append("status " + "/".join(status_label(s) for s in sorted(self.flt.statuses)))
        if self.flt.kinds:
            parts.append("kind " + "/".join(sorted(self.flt.kinds)))
        if self.flt.assignee:
            mine = self.flt.assignee == self.backend.user
            parts.append("mine" if mine else f"assigned to {self.flt.assignee}")
        if self.flt.article_id is not None:
            article = self._articles.get(self.flt.article_id)
            title = article.title if article else str(self.flt.article_id)
            parts.append(f"in “{ellipsize(title, 30)}”")
        parts.append(f"sort {self.sort}")
        self.query_one(FilterBar).set_summary(" · ".join(parts))

    @on(Sidebar.StatusChosen)
    def _on_status_chosen(self, message: Sidebar.StatusChosen) -> None:
        self.set_statuses(frozenset({message.status}) if message.status else None)

    @on(Sidebar.ArticleChosen)
    def _on_article_chosen(self, message: Sidebar.ArticleChosen) -> None:
        self.set_filter(replace(self.flt, article_id=message.article_id))

    @on(FilterBar.SearchChanged)
    def _on_search_changed(self, message: FilterBar.SearchChanged) -> None:
        search = message.text or None
        if search != self.flt.search:
            self.set_filter(replace(self.flt, search=search))

    @on(FilterBar.Done)
    def _on_search_done(self, _message: FilterBar.Done) -> None:
        self.table.focus()

    def action_search(self) -> None:
        self.query_one(FilterBar).focus_search()

    def action_mine(self) -> None:
        mine = self.backend.user
        self.set_filter(replace(self.flt, assignee=None if self.flt.assignee == mine else mine))

    def action_sort(self) -> None:
        self.set_sort(SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])
        self.notify(f"Sorted by {self.sort}.", timeout=2)

    def action_clear_filters(self) -> None:
        from factcheck.workflow import ClaimFilter

        self.query_one(FilterBar).set_search("")
        self.set_filter(ClaimFilter())

    def action_refresh(self) -> None:
        self._load_articles()
        keep = self.table.current_claim()
        self.reload(keep=keep.id if keep else None)
        self.notify("Refreshed.", timeout=2)

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one(Sidebar)
        sidebar.display = not sidebar.display

    def action_filter(self) -> None:
        self._open_filter()

    @work(thread=True, group="dialog-data")
    def _open_filter(self) -> None:
        try:
            known = self.backend.assignees()
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._show_filter_dialog, known)

    def _show_filter_dialog(self, known: list[str]) -> None:
        current = FilterChoice(self.flt.statuses, self.flt.kinds, self.flt.assignee)

        def done(choice: FilterChoice | None) -> None:
            if choice is not None:
                self.set_filter(
                    replace(
                        self.flt,
                        statuses=choice.statuses,
                        kinds=choice.kinds,
                        assignee=choice.assignee,
                    )
                )

        self.app.push_screen(FilterDialog(current, assignees=known), done)

    def action_article_view(self) -> None:
        from factcheck.tui.screens.article import ArticleScreen

        current = self.table.current_claim()
        if current is None:
            self.notify("No claim selected.", severity="warning")
            return
        self.app.push_screen(ArticleScreen(self.backend, current.article_id, current.id))
