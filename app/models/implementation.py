"""The implementation phase: the transition plan and its settings, and the
review log (the scorecard's rows are in ``app.models.scorecard``)."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import Revised, enum_column, utcnow
from assessments.transition import LONGEST_MONTHS, SHORTEST_MONTHS, WorkStatus


class WorkPackage(Revised, db.Model):
    """A step of the transition plan; a milestone is a package of one day."""

    __tablename__ = "work_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    status: Mapped[WorkStatus] = mapped_column(
        enum_column(WorkStatus), default=WorkStatus.PLANNED
    )
    is_milestone: Mapped[bool] = mapped_column(default=False)
    depends_on_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("work_packages.id", ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(sa.Text, default="")

    owner: Mapped[User | None] = relationship()
    depends_on: Mapped[WorkPackage | None] = relationship(remote_side=[id])


class TransitionSettings(db.Model):
    """The plan length the method's warning uses, one row per engagement."""

    __tablename__ = "transition_settings"

    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), primary_key=True
    )
    shortest_months: Mapped[int] = mapped_column(default=SHORTEST_MONTHS)
    longest_months: Mapped[int] = mapped_column(default=LONGEST_MONTHS)


class Review(db.Model):
    """An entry of the review log: continuous improvement, written down."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date]
    findings: Mapped[str] = mapped_column(sa.Text)
    actions: Mapped[str] = mapped_column(sa.Text, default="")
    #: who follows the actions up
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User | None] = relationship()
