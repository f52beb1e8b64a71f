"""The planning phase: when planning is done, and the codes it weighs.

Who must sit in each workshop (a manager **and** front-line staff of each
working-group department) is the organisation's rule,
``assessments.organisation.empty_seats``, which the session pages apply to
each session's people. Planning is complete only when the four sessions
are held, the CRM vision is written and every goal has at least one measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: One workshop session per section of the planning guide.
SESSION_COUNT = 4
#: CRM strategies are weighed from 0 (not pursued) to 3 (top priority).
MAX_PRIORITY = 3


class CrmStrategy(StrEnum):
    """The four CRM strategies the planning workshop weighs."""

    PROSPECTING = "prospecting"
    CROSS_SELLING = "cross_selling"
    WIN_BACK = "win_back"
    LOYALTY = "loyalty"


class Perspective(StrEnum):
    """The four perspectives of the balanced scorecard."""

    FINANCIAL = "financial"
    CUSTOMER = "customer"
    INTERNAL = "internal"
    LEARNING = "learning"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


class Blocker(StrEnum):
    """What keeps planning from being complete."""

    SESSIONS_NOT_HELD = "sessions_not_held"
    NO_VISION = "no_vision"
    NO_GOALS = "no_goals"
    GOAL_WITHOUT_MEASURE = "goal_without_measure"


@dataclass(frozen=True)
class GoalFacts:
    name: str
    measures: int


@dataclass(frozen=True)
class PlanningFacts:
    sessions_held: int
    vision: str
    goals: tuple[GoalFacts, ...]


@dataclass(frozen=True)
class Obstacle:
    blocker: Blocker
    #: the goals concerned, for GOAL_WITHOUT_MEASURE
    goals: tuple[str, ...] = ()


def completion_obstacles(facts: PlanningFacts) -> list[Obstacle]:
    """Everything that must still happen before planning can be closed."""
    obstacles = []
    if facts.sessions_held < SESSION_COUNT:
        obstacles.append(Obstacle(Blocker.SESSIONS_NOT_HELD))
    if not facts.vision.strip():
        obstacles.append(Obstacle(Blocker.NO_VISION))
    if not facts.goals:
        obstacles.append(Obstacle(Blocker.NO_GOALS))
    unmeasured = tuple(goal.name for goal in facts.goals if goal.measures == 0)
    if unmeasured:
        obstacles.append(Obstacle(Blocker.GOAL_WITHOUT_MEASURE, unmeasured))
    return obstacles
