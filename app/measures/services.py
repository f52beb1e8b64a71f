"""The one owner of writing measures, their values and objectives.

Planning gives a goal its measures, the scorecard adds thresholds, owner,
objective and source, and an analysis feeds the computed ones; each of them
saves here, so every page keeps the same rules: a goal, objective or owner
must be the engagement's own, and a measure stands in its objective's
perspective.

Computed measures never take typed values: every value they have comes from
an analysis and names it. When an analysis is taken, or a measure becomes
computed, the measure's values are rebuilt from every analysis there is, so
the scorecard cannot drift from the customer data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from app import activity, revisions
from app.extensions import db
from app.models import (
    Engagement,
    Goal,
    Measure,
    MeasureValue,
    Objective,
    Snapshot,
    SnapshotResult,
    User,
)
from app.models.columns import assign, utcnow
from app.refusals import Refusal, check_member
from app.tenancy import owned
from assessments.organisation import Department
from assessments.oversight import ActivityKind, Removable
from assessments.planning import CrmStrategy, Direction, Perspective
from assessments.scorecard import (
    NEEDS_AMOUNT,
    Basis,
    ComputedMeasure,
    MeasureScope,
    Period,
    computed_value,
    period_start,
    takes_from,
    target_worse_than_baseline,
)


@dataclass(frozen=True)
class MeasureBasics:
    """What planning agrees on for a measure: what it counts, and from where
    to where it should move."""

    name: str
    perspective: Perspective
    unit: str
    direction: Direction
    baseline: float | None
    target: float | None


@dataclass(frozen=True)
class MeasureTracking:
    """How the scorecard follows a measure. A measure planning adds to a goal
    starts with the defaults: the company's, quarterly, typed in."""

    goal_id: int | None
    objective_id: int | None = None
    owner_id: int | None = None
    scope: MeasureScope = MeasureScope.COMPANY
    #: the department a department KPI measures (None for any other scope)
    department: Department | None = None
    period: Period = Period.QUARTERLY
    computed: ComputedMeasure | None = None
    #: what the analyses a computed measure reads value customers by
    basis: Basis = Basis.TURNOVER
    #: the value a customer must reach, for a measure in NEEDS_AMOUNT
    value_floor: float | None = None
    green: float | None = None
    amber: float | None = None


@dataclass(frozen=True)
class ObjectiveDetails:
    title: str
    perspective: Perspective
    goal_id: int | None
    crm_strategy: CrmStrategy | None


# --- goals -------------------------------------------------------------------


def goals(engagement: Engagement) -> list[Goal]:
    """The engagement's goals with their measures: what a measure may serve,
    and what planning lists."""
    return list(
        db.session.scalars(
            select(Goal)
            .options(selectinload(Goal.measures), selectinload(Goal.strategy))
            .where(Goal.engagement_id == engagement.id)
            .order_by(Goal.id)
        )
    )


# --- objectives and measures -------------------------------------------------


def save_objective(
    engagement: Engagement, objective: Objective | None, details: ObjectiveDetails
) -> Objective:
    """Add or change an objective; its goal must be one of this engagement's.
    Its measures move with it to its perspective, since a measure stands where
    its objective does."""
    _check_belongs(Goal, details.goal_id, engagement.id, "unknown_goal")
    objective = objective or Objective(engagement_id=engagement.id)
    objective.title = details.title
    objective.perspective = details.perspective
    objective.goal_id = details.goal_id
    objective.crm_strategy = details.crm_strategy
    for measure in objective.measures:
        measure.perspective = objective.perspective
    db.session.add(objective)
    db.session.commit()
    return objective


def save_measure(
    engagement: Engagement,
    measure: Measure | None,
    basics: MeasureBasics,
    tracking: MeasureTracking | None = None,
) -> Measure:
    """Add or change a measure or KPI, from planning (``tracking`` None keeps
    how the scorecard follows it) or from the scorecard. Refused: a goal,
    objective or owner of another engagement, a perspective other than the
    objective's, and a target worse than the baseline in the measure's own
    direction. A computed measure gets its values from the analyses."""
    if target_worse_than_baseline(basics.direction, basics.baseline, basics.target):
        raise Refusal("target_worse_than_baseline")
    measure = measure or Measure(engagement_id=engagement.id)
    if tracking is not None:
        _check_tracking(engagement, tracking)
    objective_id = tracking.objective_id if tracking else measure.objective_id
    _check_perspective(objective_id, basics.perspective)
    was = (measure.computed, measure.basis, measure.value_floor)
    old_period = measure.period
    assign(measure, basics)
    if tracking is not None:
        assign(measure, tracking)
    db.session.add(measure)
    db.session.flush()
    _follow_source(measure, was, old_period)
    db.session.commit()
    return measure


def compute_named_figure(measure: Measure, figure: ComputedMeasure) -> None:
    """Let a typed measure compute itself from the figure its name says it
    counts: its typed values give way to those of every analysis."""
    if figure in NEEDS_AMOUNT:
        raise Refusal("amount_needed")
    was = (measure.computed, measure.basis, measure.value_floor)
    measure.computed = figure
    _follow_source(measure, was, measure.period)
    db.session.commit()


def _check_tracking(engagement: Engagement, tracking: MeasureTracking) -> None:
    """A form's ids must not reach another company's goals, objectives or
    people."""
    _check_belongs(Goal, tracking.goal_id, engagement.id, "unknown_goal")
    _check_belongs(Objective, tracking.objective_id, engagement.id, "unknown_objective")
    check_member(engagement, tracking.owner_id)


def _check_perspective(objective_id: int | None, perspective: Perspective) -> None:
    """Refuse a perspective other than the objective's: the scorecard shows a
    measure under its objective, so the two would contradict each other."""
    objective = db.session.get(Objective, objective_id) if objective_id else None
    if objective is not None and objective.perspective != perspective:
        raise Refusal("other_perspective")


def _follow_source(
    measure: Measure,
    was: tuple[ComputedMeasure | None, Basis | None, float | None],
    old_period: Period | None,
) -> None:
    """Bring the stored values in line with a changed source, basis, amount
    or period."""
    was_computed = was[0]
    source = (measure.computed, measure.basis, measure.value_floor)
    if measure.computed is not None and (source != was or measure.period != old_period):
        rebuild_computed_values(measure)
    elif measure.computed is None and was_computed is not None:
        _drop_computed_values(measure)
    elif old_period is not None and measure.period != old_period:
        _rebucket(measure)


def _check_belongs(model, row_id: int | None, engagement_id: int, code: str) -> None:
    """Refuse a foreign key to a row of another engagement (or to none)."""
    if row_id and owned(model, row_id, engagement_id) is None:
        raise Refusal(code)


# --- removals ----------------------------------------------------------------


def remove_objective(objective: Objective, user_id: int | None) -> None:
    """Remove an objective (its measures stay, without one), and say so in the
    activity feed."""
    activity.record_removal(
        objective.engagement_id, user_id, Removable.OBJECTIVE, objective.title
    )
    db.session.delete(objective)
    db.session.commit()


def remove_measure(measure: Measure, user_id: int | None) -> None:
    """Remove a measure with its values, and say so in the activity feed (the
    planning and the scorecard pages alike remove a measure so)."""
    activity.record_removal(
        measure.engagement_id, user_id, Removable.MEASURE, measure.name
    )
    db.session.delete(measure)
    db.session.commit()


def remove_value(measure: Measure, value: MeasureValue, user_id: int | None) -> None:
    """Remove a typed value of the measure, and say so in the activity feed."""
    activity.record_removal(
        measure.engagement_id, user_id, Removable.MEASURE_VALUE, measure.name
    )
    db.session.delete(value)
    db.session.commit()


# --- values ------------------------------------------------------------------


def value_revisions(measure: Measure) -> dict[str, int]:
    """The revision of each of the measure's values, by its period's first
    day: what a page that shows them sends back with a new value."""
    return {value.period_start.isoformat(): value.revision for value in measure.values}


def save_value(
    measure: Measure,
    period_day: date,
    value: float,
    note: str,
    seen: Mapping[str, int],
    user: User,
) -> MeasureValue:
    """Record (or correct) the measure's value for the period of the day; a
    computed measure's values come only from the analyses. ``seen`` is what
    ``value_revisions`` gave the page: a value someone recorded for the period
    since then is not replaced (``Refusal("changed")``)."""
    if measure.computed is not None:
        raise Refusal("computed")
    start = period_start(period_day, measure.period)
    row = recorded_value(measure, period_day)
    revisions.check_seen(row, seen.get(start.isoformat(), 0))
    row = row or MeasureValue(measure_id=measure.id, period_start=start)
    row.value, row.note = value, note
    row.recorded_by_id, row.recorded_at, row.snapshot_id = user.id, utcnow(), None
    db.session.add(row)
    activity.record(
        measure.engagement_id, user.id, ActivityKind.VALUE_RECORDED, measure.name
    )
    revisions.commit()
    return row


def recorded_value(measure: Measure, period_day: date) -> MeasureValue | None:
    """The value stored for the period of the day, if any."""
    return db.session.scalar(
        select(MeasureValue).where(
            MeasureValue.measure_id == measure.id,
            MeasureValue.period_start == period_start(period_day, measure.period),
        )
    )


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


# --- analyses ----------------------------------------------------------------


def rebuild_computed_measures(engagement_id: int) -> None:
    """Give every computed measure of the engagement its values from the
    analyses that stand, after one is taken or withdrawn, in the caller's
    transaction, so the analysis and the values it gives are stored together
    or not at all."""
    computed = db.session.scalars(
        select(Measure).where(
            Measure.engagement_id == engagement_id,
            Measure.computed.is_not(None),
        )
    )
    for measure in computed:
        rebuild_computed_values(measure)


def basis_of(snapshot: Snapshot) -> Basis:
    """What the analysis valued customers by."""
    return Basis.PROFIT if snapshot.parameters.get("use_profit") else Basis.TURNOVER


def analyses_of_other_basis(measure: Measure) -> list[Snapshot]:
    """The standing analyses a computed measure leaves out because they value
    customers otherwise: its chart says where its basis and theirs differ."""
    if measure.computed is None:
        return []
    return [
        snapshot
        for snapshot in _standing_analyses(measure.engagement_id)
        if not takes_from(measure.computed, measure.basis, basis_of(snapshot))
    ]


def _standing_analyses(engagement_id: int) -> list[Snapshot]:
    """The analyses that stand, oldest first."""
    return list(
        db.session.scalars(
            select(Snapshot)
            .where(Snapshot.engagement_id == engagement_id, Snapshot.standing())
            .order_by(Snapshot.as_of, Snapshot.number)
        )
    )


def rebuild_computed_values(measure: Measure) -> None:
    """Replace the measure's values with one per period from every analysis
    of the measure's basis (see ``takes_from``), so each value names the
    analysis it came from; in a period with several analyses the latest one
    counts. In the caller's transaction."""
    db.session.execute(
        delete(MeasureValue).where(MeasureValue.measure_id == measure.id)
    )
    analyses = [
        snapshot
        for snapshot in _standing_analyses(measure.engagement_id)
        if takes_from(measure.computed, measure.basis, basis_of(snapshot))
    ]
    counted = _counted_figures(measure, analyses)
    by_period: dict[date, MeasureValue] = {}
    for snapshot in analyses:
        figures = {
            **snapshot.summary.get("figures", {}),
            **counted.get(snapshot.id, {}),
        }
        value = computed_value(measure.computed, figures)
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


def _counted_figures(
    measure: Measure, analyses: list[Snapshot]
) -> dict[int, dict[str, int]]:
    """The figures an analysis does not store because they depend on the
    measure's own amount: per analysis, the customers at or above it. Counted
    by the database in one query over the analyses' stored results."""
    if measure.computed not in NEEDS_AMOUNT or not analyses:
        return {}
    ids = [snapshot.id for snapshot in analyses]
    rows = db.session.execute(
        select(SnapshotResult.snapshot_id, func.count())
        .where(
            SnapshotResult.snapshot_id.in_(ids),
            SnapshotResult.monetary >= measure.value_floor,
        )
        .group_by(SnapshotResult.snapshot_id)
    )
    counts = {snapshot_id: count for snapshot_id, count in rows}
    return {i: {measure.computed.value: counts.get(i, 0)} for i in ids}
