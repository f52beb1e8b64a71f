"""Jobs: long work that runs in a worker, recorded where every web server
reads it, so a person can leave the page and come back."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import enum_column, utcnow
from assessments.jobs import JobKind, JobStatus


class Job(db.Model):
    """One piece of long work of an engagement: who started it, when it ran,
    and how it ended. Its progress while it runs lives in the queue's store
    (app/jobs/queue.py), which a long write here would otherwise lock."""

    __tablename__ = "jobs"
    __table_args__ = (
        sa.Index("ix_jobs_engagement_created", "engagement_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind, length=20))
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus, length=20), default=JobStatus.QUEUED
    )
    #: what the job was asked to do (e.g. an analysis's settings), as JSON
    parameters: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: the same work asked for twice while the first still runs is one job
    dedupe_key: Mapped[str] = mapped_column(sa.String(200), default="")
    started_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    #: the worker running it, "host:pid", so a worker that starts again can
    #: tell the jobs it left behind when it was stopped
    worker: Mapped[str] = mapped_column(sa.String(120), default="")
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    #: what it made: the id of the analysis (by kind)
    result_id: Mapped[int | None]
    #: what it found, for a kind whose result is a summary rather than a
    #: record (an import check: what importing the file would do), as JSON
    outcome: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: why it failed: a refusal code with its details, shown in words
    error_code: Mapped[str] = mapped_column(sa.String(60), default="")
    error_details: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    started_by: Mapped[User | None] = relationship()
