"""Domain errors.

Every user mistake or refused operation raises a subclass of `FactcheckError`; the
CLI and the TUI turn it into a one-line message, never a traceback.
"""


class FactcheckError(Exception):
    """Base of every error that is the user's to fix, shown as one line."""

    exit_code = 1


class NotFound(FactcheckError):
    """An article, claim, source or rating id that does not exist."""


class InvalidInput(FactcheckError):
    """Bad argument: a URL, a date, a status name, a rating."""


class ArticleError(FactcheckError):
    """An article file that cannot be read: empty, binary, too large, no text."""


class DatabaseError(FactcheckError):
    """The database cannot be reached, is locked, or has the wrong schema."""


class SchemaOutOfDate(DatabaseError):
    """The database is older than the code: `factcheck init` upgrades it."""


class SchemaTooNew(DatabaseError):
    """The database was created by a newer factcheck than this one."""


class TransitionRefused(FactcheckError):
    """A workflow move that is not allowed from the claim's status or rules."""


class Conflict(FactcheckError):
    """Somebody else changed the claim since it was loaded (optimistic locking)."""
