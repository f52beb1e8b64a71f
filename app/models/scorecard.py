"""The balanced scorecard: its objectives, its measures (a goal's measure set
in planning is the scorecard's and the KPIs' record too) and their values."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import Revised, enum_column, utcnow
from app.models.design import Snapshot
from app.models.planning import Goal
from assessments.organisation import Department
from assessments.planning import CrmStrategy, Direction, Perspective
from assessments.scorecard import Basis, ComputedMeasure, MeasureScope, Period


class Objective(db.Model):
    """A scorecard objective: what a perspective must achieve for a goal."""

    __tablename__ = "objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    perspective: Mapped[Perspective] = mapped_column(enum_column(Perspective))
    title: Mapped[str] = mapped_column(sa.String(200))
    goal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("goals.id", ondelete="SET NULL"), index=True
    )
    #: the CRM strategy of planning the objective serves, if one
    crm_strategy: Mapped[CrmStrategy | None] = mapped_column(enum_column(CrmStrategy))

    goal: Mapped[Goal | None] = relationship()
    measures: Mapped[list[Measure]] = relationship(
        back_populates="objective", order_by="Measure.id"
    )


class Measure(db.Model):
    """A balanced-scorecard measure or a department's or person's KPI: set in
    planning, tracked in implementation."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("goals.id", ondelete="CASCADE"), index=True
    )
    perspective: Mapped[Perspective] = mapped_column(enum_column(Perspective))
    name: Mapped[str] = mapped_column(sa.String(200))
    #: e.g. "%", "TRY", "customers", "days"
    unit: Mapped[str] = mapped_column(sa.String(40), default="")
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    baseline: Mapped[float | None]
    target: Mapped[float | None]
    #: the statuses' thresholds (see assessments.scorecard); unset: no status
    green: Mapped[float | None]
    amber: Mapped[float | None]
    period: Mapped[Period] = mapped_column(
        enum_column(Period), default=Period.QUARTERLY, server_default="quarterly"
    )
    #: who reports the values; for a personal KPI, the person measured
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    objective_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("objectives.id", ondelete="SET NULL"), index=True
    )
    #: set when the values come from the customer analyses, not from people
    computed: Mapped[ComputedMeasure | None] = mapped_column(
        enum_column(ComputedMeasure, length=40)
    )
    #: what the analyses it reads value customers by (see assessments.scorecard)
    basis: Mapped[Basis] = mapped_column(
        enum_column(Basis), default=Basis.TURNOVER, server_default="turnover"
    )
    #: for "customers above a value": the value a customer must reach
    value_floor: Mapped[float | None]
    scope: Mapped[MeasureScope] = mapped_column(
        enum_column(MeasureScope),
        default=MeasureScope.COMPANY,
        server_default="company",
    )
    #: the department a department KPI measures
    department: Mapped[Department | None] = mapped_column(enum_column(Department))

    goal: Mapped[Goal | None] = relationship(back_populates="measures")
    owner: Mapped[User | None] = relationship()
    objective: Mapped[Objective | None] = relationship(back_populates="measures")
    values: Mapped[list[MeasureValue]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MeasureValue.period_start",
    )


class MeasureValue(Revised, db.Model):
    """A measure's value for one period: typed by its owner, or computed from
    an analysis (then ``snapshot_id`` names it)."""

    __tablename__ = "measure_values"
    __table_args__ = (sa.UniqueConstraint("measure_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        sa.ForeignKey("measures.id", ondelete="CASCADE")
    )
    #: the first day of the month or quarter
    period_start: Mapped[date]
    value: Mapped[float]
    snapshot_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("snapshots.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(sa.String(300), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    snapshot: Mapped[Snapshot | None] = relationship()
    recorded_by: Mapped[User | None] = relationship()
