"""Verdict reports: Markdown, standalone HTML, JSON, CSV and ClaimReview JSON-LD.

One module per format registers itself in `registry`; `loader` streams claims from
the database in batches; `api` writes a report to a stream or atomically to a file.
Importing this package does not import SQLAlchemy.
"""

from factcheck.export.api import export_report, export_to_path
from factcheck.export.registry import FormatInfo, available_formats

__all__ = ["FormatInfo", "available_formats", "export_report", "export_to_path"]
