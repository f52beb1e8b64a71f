"""The balanced scorecard: objectives, measures and their values, joined with
the scorecard arithmetic of ``assessments.scorecard``.

Computed measures never take typed values: every value they have comes from an
analysis and names it. When an analysis is taken, or a measure becomes
computed, the measure's values are rebuilt from every analysis there is, so the
scorecard cannot drift from the customer data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from app import activity
from app.extensions import db
from app.i18n import period_label
from app.models import (
    Engagement,
    Goal,
    Measure,
    MeasureValue,
    Objective,
    PlanningState,
    Snapshot,
    User,
)
from app.models.columns import utcnow
from app.refusals import Refusal, check_member
from app.tenancy import owned
from assessments.oversight import ActivityKind, Removable
from assessments.planning import Perspective
from assessments.scorecard import (
    MeasureScope,
    Status,
    computed_value,
    period_start,
    roll_up,
    status,
    thresholds_for,
)

# --- reading ---------------------------------------------------------------


@dataclass(frozen=True)
class MeasureState:
    """A measure as the scorecard shows it: its latest value and status."""

    measure: Measure
    latest: MeasureValue | None
    status: Status

    @property
    def trend(self) -> list[tuple[str, float]]:
        """Every period's value, oldest first, its period named in the reader's
        language."""
        return [
            (period_label(v.period_start, self.measure.period), v.value)
            for v in self.measure.values
        ]

    @property
    def thresholds(self):
        m = self.measure
        return thresholds_for(m.green, m.amber, m.target, m.baseline)


def measure_state(measure: Measure) -> MeasureState:
    latest = measure.values[-1] if measure.values else None
    return MeasureState(
        measure=measure,
        latest=latest,
        status=status(
            latest.value if latest else None,
            measure.direction,
            thresholds_for(
                measure.green, measure.amber, measure.target, measure.baseline
            ),
        ),
    )


def measures(
    engagement_id: int, scopes: Iterable[MeasureScope] = (MeasureScope.COMPANY,)
):
    """The engagement's measures of these scopes with everything pages show."""
    return list(
        db.session.scalars(
            select(Measure)
            .options(
                selectinload(Measure.values).selectinload(MeasureValue.snapshot),
                selectinload(Measure.goal),
                selectinload(Measure.owner),
                selectinload(Measure.objective),
            )
            .where(
                Measure.engagement_id == engagement_id, Measure.scope.in_(list(scopes))
            )
            .order_by(Measure.perspective, Measure.id)
        )
    )


def objectives(engagement_id: int) -> list[Objective]:
    return list(
        db.session.scalars(
            select(Objective)
            .options(selectinload(Objective.goal))
            .where(Objective.engagement_id == engagement_id)
            .order_by(Objective.perspective, Objective.id)
        )
    )


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective | None
    measures: list[MeasureState]

    @property
    def status(self) -> Status:
        return roll_up(state.status for state in self.measures)


@dataclass(frozen=True)
class PerspectiveRow:
    perspective: Perspective
    objectives: list[ObjectiveRow]

    @property
    def measures(self) -> list[MeasureState]:
        return [state for row in self.objectives for state in row.measures]

    @property
    def status(self) -> Status:
        return roll_up(state.status for state in self.measures)


@dataclass(frozen=True)
class Overview:
    """The scorecard in the shape a sponsor reads: four perspectives, each
    with its objectives and their measures, every level with its status."""

    perspectives: list[PerspectiveRow]

    @property
    def states(self) -> list[MeasureState]:
        return [state for row in self.perspectives for state in row.measures]

    def count(self, wanted: Status) -> int:
        return sum(1 for state in self.states if state.status == wanted)

    @property
    def status(self) -> Status:
        return roll_up(state.status for state in self.states)

    def worst(self, limit: int = 5) -> list[MeasureState]:
        """Red measures first, then amber, as far as the limit."""
        order = {Status.RED: 0, Status.AMBER: 1}
        flagged = [s for s in self.states if s.status in order]
        return sorted(flagged, key=lambda s: order[s.status])[:limit]


def overview(engagement_id: int) -> Overview:
    """The company scorecard; measures without an objective come last in their
    perspective, under no objective."""
    states = [measure_state(m) for m in measures(engagement_id)]
    every_objective = objectives(engagement_id)
    rows = []
    for perspective in Perspective:
        mine = [s for s in states if _perspective_of(s.measure) == perspective]
        objective_rows = [
            ObjectiveRow(o, [s for s in mine if s.measure.objective_id == o.id])
            for o in every_objective
            if o.perspective == perspective
        ]
        loose = [s for s in mine if s.measure.objective_id is None]
        if loose:
            objective_rows.append(ObjectiveRow(None, loose))
        rows.append(PerspectiveRow(perspective, objective_rows))
    return Overview(rows)


def _perspective_of(measure: Measure) -> Perspective:
    """Where the scorecard shows a measure: under its objective, if it has one."""
    return measure.objective.perspective if measure.objective else measure.perspective


@dataclass(frozen=True)
class MapGoal:
    goal: Goal
    objectives: list[ObjectiveRow]


@dataclass(frozen=True)
class StrategyMap:
    """Vision → goals → objectives → measures."""

    vision: str
    goals: list[MapGoal]
    #: objectives that serve no goal yet
    unlinked: list[ObjectiveRow]


def strategy_map(engagement: Engagement) -> StrategyMap:
    state = db.session.get(PlanningState, engagement.id)
    rows = [row for p in overview(engagement.id).perspectives for row in p.objectives]
    goals = db.session.scalars(
        select(Goal).where(Goal.engagement_id == engagement.id).order_by(Goal.id)
    )
    linked = [row for row in rows if row.objective is not None]
    return StrategyMap(
        vision=state.vision if state else "",
        goals=[
            MapGoal(goal, [row for row in linked if row.objective.goal_id == goal.id])
            for goal in goals
        ],
        unlinked=[row for row in linked if row.objective.goal_id is None],
    )


# --- writing ---------------------------------------------------------------


def remove_objective(objective: Objective, user_id: int | None) -> None:
    """Remove an objective (its measures stay, without one), and say so in the
    activity feed."""
    activity.record_removal(
        objective.engagement_id, user_id, Removable.OBJECTIVE, objective.title
    )
    db.session.delete(objective)
    db.session.commit()


def remove_value(measure: Measure, value: MeasureValue, user_id: int | None) -> None:
    """Remove a typed value of the measure, and say so in the activity feed."""
    activity.record_removal(
        measure.engagement_id, user_id, Removable.MEASURE_VALUE, measure.name
    )
    db.session.delete(value)
    db.session.commit()


def save_objective(
    engagement: Engagement, objective: Objective | None, data: dict
) -> Objective:
    """Add or change an objective; its goal must be one of this engagement's."""
    _check_belongs(Goal, data.get("goal_id"), engagement.id, "unknown_goal")
    objective = objective or Objective(engagement_id=engagement.id)
    for field, value in data.items():
        setattr(objective, field, value)
    # A measure tracks its objective, so it moves to the objective's perspective.
    for measure in objective.measures:
        measure.perspective = objective.perspective
    db.session.add(objective)
    db.session.commit()
    return objective


def save_measure(
    engagement: Engagement, measure: Measure | None, data: dict
) -> Measure:
    """Add or change a measure or KPI. Its goal, objective and owner must be
    this engagement's; a computed measure gets its values from the analyses."""
    _check_belongs(Goal, data.get("goal_id"), engagement.id, "unknown_goal")
    _check_belongs(
        Objective, data.get("objective_id"), engagement.id, "unknown_objective"
    )
    objective = (
        db.session.get(Objective, data["objective_id"])
        if data.get("objective_id")
        else None
    )
    if objective and objective.perspective != data.get(
        "perspective", objective.perspective
    ):
        raise Refusal("other_perspective")
    check_member(engagement, data.get("owner_id"))
    measure = measure or Measure(engagement_id=engagement.id)
    was_computed, old_period = measure.computed, measure.period
    for field, value in data.items():
        setattr(measure, field, value)
    db.session.add(measure)
    db.session.flush()
    if measure.computed is not None and (
        measure.computed != was_computed or measure.period != old_period
    ):
        _rebuild_computed_values(measure)
    elif measure.computed is None and was_computed is not None:
        _drop_computed_values(measure)
    elif old_period is not None and measure.period != old_period:
        _rebucket(measure)
    db.session.commit()
    return measure


def _drop_computed_values(measure: Measure) -> None:
    """A measure typed from now on keeps no value an analysis gave it: those
    could neither be corrected nor follow later analyses."""
    db.session.execute(
        delete(MeasureValue).where(
            MeasureValue.measure_id == measure.id,
            MeasureValue.snapshot_id.is_not(None),
        )
    )
    db.session.expire(measure, ["values"])


def _rebucket(measure: Measure) -> None:
    """Move typed values to the periods of a new period length; where several
    fall into one period, the latest of them stays."""
    kept: dict[date, MeasureValue] = {}
    for value in sorted(measure.values, key=lambda v: v.period_start):
        start = period_start(value.period_start, measure.period)
        if start in kept:
            db.session.delete(kept[start])
        kept[start] = value
    db.session.flush()
    for start, value in kept.items():
        value.period_start = start
    db.session.flush()
    db.session.expire(measure, ["values"])


def save_value(
    measure: Measure, period_day: date, value: float, note: str, user: User
) -> MeasureValue:
    """Record (or correct) the measure's value for the period of the day."""
    if measure.computed is not None:
        raise Refusal("computed")
    start = period_start(period_day, measure.period)
    row = db.session.scalar(
        select(MeasureValue).where(
            MeasureValue.measure_id == measure.id, MeasureValue.period_start == start
        )
    ) or MeasureValue(measure_id=measure.id, period_start=start)
    row.value, row.note = value, note
    row.recorded_by_id, row.recorded_at, row.snapshot_id = user.id, utcnow(), None
    db.session.add(row)
    activity.record(
        measure.engagement_id, user.id, ActivityKind.VALUE_RECORDED, measure.name
    )
    db.session.commit()
    return row


def record_analysis(snapshot: Snapshot) -> None:
    """Give every computed measure of the engagement its value from a new
    analysis (in the caller's transaction)."""
    computed = db.session.scalars(
        select(Measure).where(
            Measure.engagement_id == snapshot.engagement_id,
            Measure.computed.is_not(None),
        )
    )
    for measure in computed:
        _rebuild_computed_values(measure)


def _rebuild_computed_values(measure: Measure) -> None:
    """Replace the measure's values with one per period from the analyses; in
    a period with several analyses the latest one counts."""
    db.session.execute(
        delete(MeasureValue).where(MeasureValue.measure_id == measure.id)
    )
    analyses = db.session.scalars(
        select(Snapshot)
        .where(Snapshot.engagement_id == measure.engagement_id)
        .order_by(Snapshot.as_of, Snapshot.number)
    )
    by_period: dict[date, MeasureValue] = {}
    for snapshot in analyses:
        value = computed_value(measure.computed, snapshot.summary.get("figures", {}))
        if value is not None:
            start = period_start(snapshot.as_of, measure.period)
            by_period[start] = MeasureValue(
                measure_id=measure.id,
                period_start=start,
                value=value,
                snapshot_id=snapshot.id,
                recorded_by_id=snapshot.taken_by_id,
                recorded_at=snapshot.taken_at,
            )
    db.session.add_all(by_period.values())
    db.session.expire(measure, ["values"])


def _check_belongs(model, row_id: int | None, engagement_id: int, code: str) -> None:
    """Refuse a foreign key to a row of another engagement (or to none)."""
    if row_id and owned(model, row_id, engagement_id) is None:
        raise Refusal(code)


# --- progress --------------------------------------------------------------


def goals_have_values(engagement_id: int) -> bool:
    """Whether there are goals, and every measure of every goal has a value."""
    goals = list(
        db.session.scalars(
            select(Goal)
            .options(selectinload(Goal.measures).selectinload(Measure.values))
            .where(Goal.engagement_id == engagement_id)
        )
    )
    return bool(goals) and all(
        goal.measures and all(m.values for m in goal.measures) for goal in goals
    )
