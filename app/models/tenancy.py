"""Engagements (one client company's CRM project each) and who belongs to them."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import enum_column, utcnow
from assessments.roles import Role


class CompanySize(StrEnum):
    """Head-count bands, as commonly used for small and medium enterprises."""

    MICRO = "micro"  #: fewer than 10 employees
    SMALL = "small"  #: 10–49
    MEDIUM = "medium"  #: 50–249
    LARGE = "large"  #: 250 or more


class Engagement(db.Model):
    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the client company's name, as it should appear on reports
    name: Mapped[str] = mapped_column(sa.String(200))
    sector: Mapped[str] = mapped_column(sa.String(120))
    size: Mapped[CompanySize] = mapped_column(enum_column(CompanySize))
    #: ISO 3166-1 alpha-2 code, e.g. "TR"
    country: Mapped[str] = mapped_column(sa.String(2))
    #: ISO 4217 code, e.g. "TRY": the currency of its sales, so amounts are
    #: shown in it
    currency: Mapped[str] = mapped_column(sa.String(3))
    #: "en" or "tr": the language reports are issued in
    report_language: Mapped[str] = mapped_column(sa.String(5), default="tr")
    #: where the company works, e.g. "Europe/Istanbul": what "today" means for
    #: its records; None means the product's zone (BABEL_DEFAULT_TIMEZONE)
    time_zone: Mapped[str | None] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="engagement",
        cascade="all, delete-orphan",
        order_by="Membership.id",
    )

    def __repr__(self) -> str:
        return f"<Engagement {self.id} {self.name!r}>"


class Membership(db.Model):
    """A user's place in one engagement; the role decides what they may do."""

    __tablename__ = "memberships"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: no index of its own: the unique constraint (engagement_id, user_id) leads with it
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(enum_column(Role))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    engagement: Mapped[Engagement] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship(back_populates="memberships")
