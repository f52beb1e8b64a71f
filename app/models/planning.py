"""The planning phase: workshop sessions, the guide's answers, strategies, the
vision and goals (a goal's measures live with the scorecard's, in
``app.models.scorecard``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import Revised, enum_column, utcnow
from app.models.preparation import OrgPerson
from assessments.organisation import Department
from assessments.planning import CrmStrategy

if TYPE_CHECKING:
    from app.models.scorecard import Measure


class WorkshopSession(db.Model):
    """One day of the planning workshop, on one section of the guide."""

    __tablename__ = "workshop_sessions"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "section_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    #: the planning guide's section this session discusses
    section_id: Mapped[str] = mapped_column(sa.String(50))
    held_on: Mapped[date | None]
    #: who led it, one of the organisation's people
    facilitator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL"), index=True
    )
    #: the facilitator's name as recorded: kept when the person is removed, and
    #: all that older sessions hold (typed before facilitators were people)
    facilitator: Mapped[str] = mapped_column(sa.String(120), default="")
    #: set once the session took place and attendance was taken
    held: Mapped[bool] = mapped_column(default=False)

    facilitator_person: Mapped[OrgPerson | None] = relationship()
    participants: Mapped[list[SessionParticipant]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )

    @property
    def facilitator_name(self) -> str:
        """Who led the session: the person, else the name recorded."""
        if self.facilitator_person is not None:
            return self.facilitator_person.name
        return self.facilitator


class SessionParticipant(db.Model):
    __tablename__ = "session_participants"
    __table_args__ = (sa.UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("workshop_sessions.id", ondelete="CASCADE")
    )
    person_id: Mapped[int] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="CASCADE"), index=True
    )
    attended: Mapped[bool] = mapped_column(default=True)

    session: Mapped[WorkshopSession] = relationship(back_populates="participants")
    person: Mapped[OrgPerson] = relationship()


class GuideAnswer(Revised, db.Model):
    """What the room said about one question of the planning guide."""

    __tablename__ = "guide_answers"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    question_id: Mapped[str] = mapped_column(sa.String(80))
    #: the facilitator's raw notes, typed live
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    #: the answer the room agreed on, recorded apart from the notes
    agreed: Mapped[str] = mapped_column(sa.Text, default="")
    #: why the room agreed nothing, when it did not: the question is settled
    #: either way, and closing planning asks for one or the other
    nothing_agreed: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    updated_by: Mapped[User | None] = relationship()


class BusinessStrategy(db.Model):
    """A business strategy agreed in the workshop."""

    __tablename__ = "business_strategies"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    statement: Mapped[str] = mapped_column(sa.Text)
    #: ids of the guide questions whose discussion it came from
    source_questions: Mapped[list] = mapped_column(sa.JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    goals: Mapped[list[Goal]] = relationship(
        back_populates="strategy", order_by="Goal.id"
    )


class StrategyPriority(db.Model):
    """How much weight one of the four CRM strategies gets, and why."""

    __tablename__ = "strategy_priorities"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "strategy"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    strategy: Mapped[CrmStrategy] = mapped_column(enum_column(CrmStrategy))
    #: 0 (not pursued) to 3 (top priority)
    priority: Mapped[int] = mapped_column(default=0)
    rationale: Mapped[str] = mapped_column(sa.Text, default="")


class PlanningState(db.Model):
    """The vision and the closing of planning, one row per engagement."""

    __tablename__ = "planning_states"

    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), primary_key=True
    )
    #: the CRM vision: where the company wants to be with its customers
    vision: Mapped[str] = mapped_column(sa.Text, default="")
    closed_at: Mapped[datetime | None]


class Goal(db.Model):
    """A goal of the CRM project, derived from a business strategy."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    strategy_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("business_strategies.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    #: the measurable target in words, e.g. "keep 90% of last year's customers"
    target: Mapped[str] = mapped_column(sa.String(300), default="")
    deadline: Mapped[date | None]
    department: Mapped[Department] = mapped_column(enum_column(Department))

    strategy: Mapped[BusinessStrategy | None] = relationship(back_populates="goals")
    measures: Mapped[list[Measure]] = relationship(
        back_populates="goal", cascade="all, delete-orphan", order_by="Measure.id"
    )
