"""The sign-in throttle's counters, kept where every worker sees them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class RateLimitCounter(db.Model):
    """One fixed window of one rate limit (Flask-Limiter's key): how many hits
    it has taken and when it ends. Written by ``app/rate_limits.py`` only."""

    __tablename__ = "rate_limit_counters"

    #: the limiter's key: the limit, the endpoint and the client address or user
    key: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    hits: Mapped[int]
    #: when the window ends, in seconds since the epoch (as `limits` counts);
    #: indexed so that expired windows are cheap to clear
    expires_at: Mapped[float] = mapped_column(sa.Double, index=True)
