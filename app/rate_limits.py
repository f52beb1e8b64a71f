"""Flask-Limiter's counters in the app's own database, the "database://"
storage, so that every gunicorn worker (and every server on the database)
counts the same failed sign-ins and report packs.

The `limits` library has no SQL storage. This one serves its fixed-window
strategy, Flask-Limiter's default: one row per window, increased by a single
upsert, so two workers hitting at once both count. Each write also clears the
windows that have ended, so the table holds only live ones."""

from __future__ import annotations

import time

from flask import Flask
from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db, limiter
from app.models import RateLimitCounter

#: the dialects whose INSERT … ON CONFLICT DO UPDATE … RETURNING this uses
_UPSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
_COUNTERS = RateLimitCounter.__table__


def init_app(app: Flask) -> None:
    """Bind the limiter to the app, counting where RATELIMIT_STORAGE_URI says:
    ``database://`` (the default), ``redis://…``, or ``memory://``."""
    limiter.init_app(app)


class DatabaseStorage(Storage):
    """A `limits` storage on the current app's database engine, in
    transactions of its own (never the request's session)."""

    STORAGE_SCHEME = ["database"]

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Count ``amount`` hits in the key's window, starting a new window of
        ``expiry`` seconds when there is none or it has ended."""
        now = time.time()
        upsert = _UPSERTS[db.engine.dialect.name](_COUNTERS).values(
            key=key, hits=amount, expires_at=now + expiry
        )
        ended = _COUNTERS.c.expires_at <= now
        upsert = upsert.on_conflict_do_update(
            index_elements=[_COUNTERS.c.key],
            set_={
                "hits": case((ended, amount), else_=_COUNTERS.c.hits + amount),
                "expires_at": case(
                    (ended, upsert.excluded.expires_at), else_=_COUNTERS.c.expires_at
                ),
            },
        ).returning(_COUNTERS.c.hits)
        with db.engine.begin() as connection:
            hits = connection.execute(upsert).scalar_one()
            connection.execute(_clear_ended(now))
        return hits

    def get(self, key: str) -> int:
        """The hits in the key's current window (0 when it has ended)."""
        with db.engine.connect() as connection:
            hits = connection.scalar(
                select(_COUNTERS.c.hits).where(*_live(key, time.time()))
            )
        return hits or 0

    def get_expiry(self, key: str) -> float:
        """When the key's window ends (now, when there is none)."""
        now = time.time()
        with db.engine.connect() as connection:
            expires_at = connection.scalar(
                select(_COUNTERS.c.expires_at).where(*_live(key, now))
            )
        return expires_at or now

    def check(self) -> bool:
        try:
            with db.engine.connect() as connection:
                connection.scalar(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with db.engine.begin() as connection:
            return connection.execute(delete(_COUNTERS)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(delete(_COUNTERS).where(_COUNTERS.c.key == key))


def _live(key: str, now: float) -> tuple:
    return _COUNTERS.c.key == key, _COUNTERS.c.expires_at > now


def _clear_ended(now: float):
    """Delete the windows that have ended. Rows another transaction is
    counting in are skipped (PostgreSQL's SKIP LOCKED; SQLite has one writer
    at a time anyway), so clearing never waits or deadlocks."""
    ended = (
        select(_COUNTERS.c.key)
        .where(_COUNTERS.c.expires_at <= now)
        .with_for_update(skip_locked=True)
    )
    return delete(_COUNTERS).where(_COUNTERS.c.key.in_(ended))
