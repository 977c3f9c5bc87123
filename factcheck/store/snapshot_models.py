"""Snapshots of the pages behind source URLs (issue 10).

A snapshot is what a source said when factcheck last read it: the final address after
redirects, the HTTP status, the extracted text and its hash. Rows are only ever
inserted (a re-check adds one), so the evidence an editor approved stays readable
after the page behind the link has changed or died.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from factcheck.store.base import Base
from factcheck.store.models import TZDateTime, utcnow


class SourceSnapshot(Base):
    """One fetch (or one attached file) of a source; `error` set when nothing was read."""

    __tablename__ = "source_snapshot"
    __table_args__ = (Index("ix_source_snapshot_source_fetched", "source_id", "fetched_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"))
    # "web" for a fetched URL, "file" for a local file attached by a reviewer
    origin: Mapped[str] = mapped_column(String(8), default="web")
    requested_url: Mapped[str] = mapped_column(String(2000))
    final_url: Mapped[str | None] = mapped_column(String(2000))
    # every hop followed, as [{"status": 301, "url": "..."}], so "moved elsewhere" is visible
    redirects: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status_code: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[int | None] = mapped_column(Integer)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str | None] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str | None] = mapped_column(Text)
    # "not fetched: timed out", "not fetched: HTTP 404", ...; None for a good snapshot
    error: Mapped[str | None] = mapped_column(String(500))
    fetched_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    fetched_by: Mapped[str | None] = mapped_column(String(200))
