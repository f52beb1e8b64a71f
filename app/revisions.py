"""Saves that never lose someone else's change.

Rows that people edit from forms are ``Revised`` (app.models.columns): their
UPDATE only applies to the revision that was read. A form carries the revision
its page showed, and ``check_seen`` refuses a save based on an older one. Two
saves may still pass that check at the same moment; then the database decides:
the second UPDATE matches no row, or the second first-time INSERT of the same
key breaks a unique constraint. ``commit`` turns both into the same refusal,
``Refusal("changed")``, after rolling back, so exactly one of two simultaneous
saves wins and the other is told, with nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.models.columns import Revised
from app.refusals import Refusal

Outcome = TypeVar("Outcome")

#: how often a save that lost a race is tried again on the fresh rows
ATTEMPTS = 5


def check_seen(row: Revised | None, seen: int) -> None:
    """Refuse a save when the row changed since the form showed revision
    ``seen`` (0: the form showed no row yet)."""
    if (row.revision if row is not None else 0) != seen:
        raise Refusal("changed")


def commit() -> None:
    """Commit the session, or roll it back and refuse when another writer
    changed or added the same row since it was read."""
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise Refusal("changed") from error
    except IntegrityError as error:
        db.session.rollback()
        if not _is_duplicate_key(error):
            raise
        raise Refusal("changed") from error


def retried(save: Callable[[], Outcome]) -> Outcome:
    """Run a save of several rows that reports rows changed since its form
    was shown as conflicts (a questionnaire section) rather than refusing.
    When it loses a race at commit, it runs again on the fresh rows: the rows
    the other writer changed are conflicts now, and the rest is kept."""
    for _attempt in range(ATTEMPTS - 1):
        try:
            return save()
        except Refusal as refusal:
            if refusal.code != "changed":
                raise
    return save()


#: how PostgreSQL and SQLite name a broken unique constraint
_DUPLICATE_KEY = {"23505", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"}


def _is_duplicate_key(error: IntegrityError) -> bool:
    original = error.orig
    return (
        getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", "")
    ) in _DUPLICATE_KEY
