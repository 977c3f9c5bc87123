"""factcheck: find the checkable claims in an article and carry them through review.

Kept empty on purpose: `factcheck --help` must not pay for SQLAlchemy, Textual or
dateparser imports.
"""

__version__ = "0.1.0"
