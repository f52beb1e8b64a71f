"""The balanced scorecard as pages read it: objectives, measures and their
values, joined with the scorecard arithmetic of ``assessments.scorecard``.
Every change to them goes through ``app.measures.services``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.i18n.locale import local_today
from app.i18n.numbers import period_label
from app.models import (
    BusinessStrategy,
    Engagement,
    Goal,
    Measure,
    MeasureValue,
    Objective,
    PlanningState,
)
from assessments.planning import Perspective
from assessments.scorecard import (
    MeasureScope,
    Status,
    roll_up,
    status,
    thresholds_for,
)


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
    """The measure's status from its latest value of a period that has begun
    by the engagement's today: a value stored for a later period (typed before
    such dates were refused) never makes a measure green ahead of time."""
    today = local_today()
    begun = [v for v in measure.values if v.period_start <= today]
    latest = begun[-1] if begun else None
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

    @property
    def empty_perspectives(self) -> list[Perspective]:
        """Perspectives with neither an objective nor a measure: a balanced
        scorecard that leaves one out is not balanced, so the page warns."""
        return [row.perspective for row in self.perspectives if not row.objectives]

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
class MapStrategy:
    """A business strategy of planning and the goals drawn from it."""

    strategy: BusinessStrategy
    goals: list[MapGoal]


@dataclass(frozen=True)
class StrategyMap:
    """Vision → business strategies → goals → objectives → measures."""

    vision: str
    strategies: list[MapStrategy]
    #: goals drawn from no business strategy yet
    loose_goals: list[MapGoal]
    #: objectives that serve no goal yet
    unlinked: list[ObjectiveRow]


def strategy_map(engagement: Engagement) -> StrategyMap:
    state = db.session.get(PlanningState, engagement.id)
    rows = [row for p in overview(engagement.id).perspectives for row in p.objectives]
    linked = [row for row in rows if row.objective is not None]
    goals = [
        MapGoal(goal, [row for row in linked if row.objective.goal_id == goal.id])
        for goal in db.session.scalars(
            select(Goal).where(Goal.engagement_id == engagement.id).order_by(Goal.id)
        )
    ]
    strategies = db.session.scalars(
        select(BusinessStrategy)
        .where(BusinessStrategy.engagement_id == engagement.id)
        .order_by(BusinessStrategy.id)
    )
    return StrategyMap(
        vision=state.vision if state else "",
        strategies=[
            MapStrategy(s, [g for g in goals if g.goal.strategy_id == s.id])
            for s in strategies
        ],
        loose_goals=[g for g in goals if g.goal.strategy_id is None],
        unlinked=[row for row in linked if row.objective.goal_id is None],
    )


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
