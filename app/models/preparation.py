"""The preparation phase: questionnaire takes and answers, gate reviews, the
client's project organisation and the change log."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import Revised, enum_column, utcnow
from assessments.organisation import Department
from assessments.questionnaire import Gate
from assessments.readiness import GateStatus, SponsorDecision  # the core decides


class QuestionnaireTake(db.Model):
    """One run through a questionnaire; a re-assessment is a new take."""

    __tablename__ = "questionnaire_takes"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "questionnaire", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    #: the questionnaire (a ``QuestionnaireId`` value)
    questionnaire: Mapped[str] = mapped_column(sa.String(50))
    #: 1 for the first take of this questionnaire in the engagement, then 2, …
    number: Mapped[int]
    #: the definition's version when the take started
    definition_version: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    #: set when someone marks the take complete (all required answers given)
    completed_at: Mapped[datetime | None]

    answers: Mapped[list[Answer]] = relationship(
        back_populates="take", cascade="all, delete-orphan"
    )
    started_by: Mapped[User | None] = relationship()


class ClaimReview(db.Model):
    """The consultant's word on an answer the customer data contradicts: the
    answer is kept, with the reason the data does not tell the whole story
    (changing the answer instead needs no record: the claim is then gone)."""

    __tablename__ = "claim_reviews"
    __table_args__ = (sa.UniqueConstraint("take_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    take_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_takes.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(sa.String(80))
    reason: Mapped[str] = mapped_column(sa.Text)
    #: the figure as it was when the answer was kept
    figure_value: Mapped[float | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow)

    reviewed_by: Mapped[User | None] = relationship()


class ClaimFlag(db.Model):
    """Since when the customer data contradicts an answer (or, once
    ``cleared_at`` is set, stopped doing so), as imports and analyses found."""

    __tablename__ = "claim_flags"
    __table_args__ = (sa.UniqueConstraint("take_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    take_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_takes.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(sa.String(80))
    raised_at: Mapped[datetime] = mapped_column(default=utcnow)
    cleared_at: Mapped[datetime | None]


class Answer(Revised, db.Model):
    __tablename__ = "answers"
    __table_args__ = (sa.UniqueConstraint("take_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    take_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_takes.id", ondelete="CASCADE")
    )
    question_id: Mapped[str] = mapped_column(sa.String(80))
    #: option id, list of option ids, 1–5, a number or a text, by question kind
    value: Mapped[object] = mapped_column(sa.JSON)
    answered_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    take: Mapped[QuestionnaireTake] = relationship(back_populates="answers")
    answered_by: Mapped[User | None] = relationship()


class GateReview(db.Model):
    """A consultant's override of a failed gate and the sponsor's decision on it."""

    __tablename__ = "gate_reviews"
    __table_args__ = (sa.UniqueConstraint("take_id", "gate"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    take_id: Mapped[int] = mapped_column(
        sa.ForeignKey("questionnaire_takes.id", ondelete="CASCADE")
    )
    gate: Mapped[Gate] = mapped_column(enum_column(Gate))
    #: why a failed gate should not stop the project; None when not overridden
    override_reason: Mapped[str | None] = mapped_column(sa.Text)
    overridden_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    overridden_at: Mapped[datetime | None]
    sponsor_decision: Mapped[SponsorDecision | None] = mapped_column(
        enum_column(SponsorDecision)
    )
    #: the sponsor's reason: required to go on past a failed gate and to send
    #: back (then the consultant's next step)
    sponsor_comment: Mapped[str | None] = mapped_column(sa.Text)
    #: the gate's outcome the sponsor decided on (passed, failed, overridden),
    #: so a decision always reads with what it was about
    gate_outcome: Mapped[GateStatus | None] = mapped_column(enum_column(GateStatus))
    decided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None]

    overridden_by: Mapped[User | None] = relationship(foreign_keys=[overridden_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class OrgPerson(db.Model):
    """Someone in the client's project organisation (not necessarily a user)."""

    __tablename__ = "org_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(120))
    title: Mapped[str] = mapped_column(sa.String(120), default="")
    department: Mapped[Department] = mapped_column(enum_column(Department))
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    is_sponsor: Mapped[bool] = mapped_column(default=False)
    is_project_manager: Mapped[bool] = mapped_column(default=False)
    is_consultant: Mapped[bool] = mapped_column(default=False)
    in_project_team: Mapped[bool] = mapped_column(default=False)
    in_working_group: Mapped[bool] = mapped_column(default=False)
    #: the owner or general manager: the one who must sponsor
    is_top_decision_maker: Mapped[bool] = mapped_column(default=False)
    #: does the operational work, e.g. a sales representative
    is_front_line: Mapped[bool] = mapped_column(default=False)
    #: from outside the company, e.g. the consulting firm
    is_external: Mapped[bool] = mapped_column(default=False)
    crm_knowledge: Mapped[bool] = mapped_column(default=False)
    crm_project_experience: Mapped[bool] = mapped_column(default=False)
    trusted: Mapped[bool] = mapped_column(default=False)
    communicates_well: Mapped[bool] = mapped_column(default=False)
    knows_market: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: the day they were removed from the organisation; set instead of deleting
    #: them when a record (a held session, the announcement) names them
    left_on: Mapped[date | None]


class AwarenessKind(StrEnum):
    INFORMAL_MEETING = "informal_meeting"
    TRAINING = "training"
    VISIT = "visit"


class AwarenessActivity(db.Model):
    """A relaxed meeting, training or visit where managers meet CRM's ideas."""

    __tablename__ = "awareness_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date]
    kind: Mapped[AwarenessKind] = mapped_column(enum_column(AwarenessKind))
    topic: Mapped[str] = mapped_column(sa.String(200))
    attendees: Mapped[str] = mapped_column(sa.Text, default="")


class ResistanceStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class ResistanceItem(db.Model):
    """A manager's push-back against the project, and how it was handled."""

    __tablename__ = "resistance_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    raised_on: Mapped[date]
    #: who raised it, typed: someone outside the organisation (empty when
    #: ``raised_by_person`` names them)
    raised_by: Mapped[str] = mapped_column(sa.String(120))
    #: who raised it, when they are a person of the organisation; they are
    #: then kept (marked as having left) if removed from it
    raised_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL")
    )
    concern: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[ResistanceStatus] = mapped_column(
        enum_column(ResistanceStatus), default=ResistanceStatus.OPEN
    )
    resolution: Mapped[str] = mapped_column(sa.Text, default="")

    raised_by_person: Mapped[OrgPerson | None] = relationship()

    @property
    def who(self) -> str:
        """Who raised it: the person of the organisation, else the typed name."""
        return self.raised_by_person.name if self.raised_by_person else self.raised_by


class PreparationMilestones(db.Model):
    """The dated milestones of preparation, one row per engagement."""

    __tablename__ = "preparation_milestones"

    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), primary_key=True
    )
    #: when the project team's appointment was made known
    team_announced_on: Mapped[date | None]
    #: the company-wide announcement that closes the phase
    announced_on: Mapped[date | None]
    announced_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL")
    )
    announcement_note: Mapped[str] = mapped_column(sa.Text, default="")

    announced_by: Mapped[OrgPerson | None] = relationship()
