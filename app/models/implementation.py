"""The implementation phase: the transition plan and its settings, and the
review log (the scorecard's rows are in ``app.models.scorecard``)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.columns import Revised, enum_column, utcnow
from app.models.preparation import OrgPerson, QuestionnaireTake
from app.models.scorecard import Measure
from assessments.transition import LONGEST_MONTHS, SHORTEST_MONTHS, WorkStatus


class WorkPackage(Revised, db.Model):
    """A step of the transition plan; a milestone is a package of one day."""

    __tablename__ = "work_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    #: a person of the project organisation, with or without a login
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL")
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
    #: the gap analysis's cells whose gaps it closes, as codes
    #: ("people/operational", ``assessments.gaps.cell_code``)
    closes: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    #: the plan's pilot: the one package the pilot success factor is held to
    is_pilot: Mapped[bool] = mapped_column(default=False)

    owner: Mapped[OrgPerson | None] = relationship()
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
    #: who follows the actions up: a person of the project organisation
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL")
    )
    #: the re-check of the success factors this review started or linked
    factors_take_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("questionnaire_takes.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[OrgPerson | None] = relationship()
    factors_take: Mapped[QuestionnaireTake | None] = relationship()
    actions: Mapped[list[ReviewAction]] = relationship(
        back_populates="review",
        cascade="all, delete-orphan",
        order_by="ReviewAction.due_on, ReviewAction.id",
    )


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class ReviewAction(db.Model):
    """What a review decided to do: an owner, a due date, a status, and the
    work package or measure it is about."""

    __tablename__ = "review_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    review_id: Mapped[int] = mapped_column(
        sa.ForeignKey("reviews.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(sa.Text)
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL")
    )
    due_on: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus), default=ActionStatus.OPEN
    )
    work_package_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("work_packages.id", ondelete="SET NULL")
    )
    measure_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("measures.id", ondelete="SET NULL")
    )

    review: Mapped[Review] = relationship(back_populates="actions")
    owner: Mapped[OrgPerson | None] = relationship()
    work_package: Mapped[WorkPackage | None] = relationship()
    measure: Mapped[Measure | None] = relationship()
