"""What oversight reads: the activity feed and the archive of issued reports."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import enum_column, utcnow
from assessments.oversight import ActivityKind, ReportKind


class Activity(db.Model):
    """Who did what in an engagement, and when."""

    __tablename__ = "activities"
    __table_args__ = (
        sa.Index("ix_activities_engagement_time", "engagement_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    kind: Mapped[ActivityKind] = mapped_column(enum_column(ActivityKind, length=30))
    #: what it was about, in words (a questionnaire, a gate, a report title)
    subject: Mapped[str] = mapped_column(sa.String(300), default="")
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User | None] = relationship()


class IssuedReport(db.Model):
    """A report exactly as it was issued, kept so that anyone can see (and
    download again) what was handed out."""

    __tablename__ = "issued_reports"
    __table_args__ = (
        sa.Index("ix_issued_reports_engagement_time", "engagement_id", "issued_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    kind: Mapped[ReportKind] = mapped_column(enum_column(ReportKind))
    language: Mapped[str] = mapped_column(sa.String(5))
    issued_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: SHA-256 of the PDF, in hex
    checksum: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    pages: Mapped[int]
    #: the PDF itself; deferred, so lists never load it
    pdf: Mapped[bytes] = deferred(mapped_column(sa.LargeBinary, nullable=False))

    issued_by: Mapped[User | None] = relationship()
