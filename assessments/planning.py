"""The planning phase: when planning is done, and the codes it weighs.

Who must sit in each workshop (a manager **and** front-line staff of each
working-group department) is the organisation's rule,
``assessments.organisation.empty_seats``, which the session pages apply to
each session's people. Planning closes only when every session took place and
settled its questions, and its outputs stand: the CRM vision, business
strategies, goals drawn from them and measures in all four perspectives of the
scorecard.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

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
    """What keeps planning from being closed, in the order the page lists it."""

    SESSION_NOT_HELD = "session_not_held"
    SESSION_WITHOUT_DATE = "session_without_date"
    SESSION_WITHOUT_FACILITATOR = "session_without_facilitator"
    SESSION_WITHOUT_ATTENDANCE = "session_without_attendance"
    ANSWERS_NOT_AGREED = "answers_not_agreed"
    NO_VISION = "no_vision"
    NO_STRATEGY = "no_strategy"
    NO_GOALS = "no_goals"
    GOAL_WITHOUT_STRATEGY = "goal_without_strategy"
    GOAL_WITHOUT_MEASURE = "goal_without_measure"
    PERSPECTIVE_WITHOUT_MEASURE = "perspective_without_measure"


#: What says a session has not really taken place (its answers aside).
HOLLOW_SESSION = frozenset(
    {
        Blocker.SESSION_NOT_HELD,
        Blocker.SESSION_WITHOUT_DATE,
        Blocker.SESSION_WITHOUT_FACILITATOR,
        Blocker.SESSION_WITHOUT_ATTENDANCE,
    }
)


@dataclass(frozen=True)
class SessionFacts:
    """One workshop session (one section of the guide) as closing sees it."""

    section_id: str
    held: bool = False
    dated: bool = False
    facilitated: bool = False
    attendees: int = 0
    #: the numbers (from 1, in the guide's order) of the section's questions
    #: with neither an agreed answer nor a recorded reason why none was agreed
    unsettled: tuple[int, ...] = ()


@dataclass(frozen=True)
class GoalFacts:
    id: int
    name: str
    has_strategy: bool
    #: the scorecard perspective of each of its measures
    measures: tuple[Perspective, ...] = ()


@dataclass(frozen=True)
class PlanningFacts:
    #: one per section of the guide, in its order
    sessions: tuple[SessionFacts, ...]
    vision: str
    strategies: int
    goals: tuple[GoalFacts, ...]


@dataclass(frozen=True)
class Obstacle:
    """One thing missing, with what it concerns so the page can link to it."""

    blocker: Blocker
    #: the session concerned, for the session blockers and ANSWERS_NOT_AGREED
    section_id: str = ""
    #: the unsettled questions' numbers, for ANSWERS_NOT_AGREED
    questions: tuple[int, ...] = ()
    #: the goals concerned, for GOAL_WITHOUT_STRATEGY and GOAL_WITHOUT_MEASURE
    goals: tuple[GoalFacts, ...] = ()
    #: the perspectives with no measure, for PERSPECTIVE_WITHOUT_MEASURE
    perspectives: tuple[Perspective, ...] = ()


def completion_obstacles(facts: PlanningFacts) -> list[Obstacle]:
    """Everything that must still happen before planning can be closed
    (DOMAIN.md, planning): every session held, on a day, led and attended, with
    the answers it exists for agreed (or why not); then the outputs: the vision,
    business strategies, goals drawn from them, and measures that cover the
    four perspectives of the scorecard."""
    obstacles = [o for session in facts.sessions for o in _session_obstacles(session)]
    if not facts.vision.strip():
        obstacles.append(Obstacle(Blocker.NO_VISION))
    if not facts.strategies:
        obstacles.append(Obstacle(Blocker.NO_STRATEGY))
    if not facts.goals:
        obstacles.append(Obstacle(Blocker.NO_GOALS))
    for blocker, lacking in (
        (Blocker.GOAL_WITHOUT_STRATEGY, lambda goal: not goal.has_strategy),
        (Blocker.GOAL_WITHOUT_MEASURE, lambda goal: not goal.measures),
    ):
        goals = tuple(goal for goal in facts.goals if lacking(goal))
        if goals:
            obstacles.append(Obstacle(blocker, goals=goals))
    covered = {perspective for goal in facts.goals for perspective in goal.measures}
    uncovered = tuple(p for p in Perspective if p not in covered)
    if uncovered:
        obstacles.append(
            Obstacle(Blocker.PERSPECTIVE_WITHOUT_MEASURE, perspectives=uncovered)
        )
    return obstacles


def _session_obstacles(session: SessionFacts) -> list[Obstacle]:
    """A session not held, or held without a date, a facilitator or anyone
    present; and its questions nobody settled."""
    if not session.held:
        found = [Blocker.SESSION_NOT_HELD]
    else:
        found = [
            blocker
            for blocker, missing in (
                (Blocker.SESSION_WITHOUT_DATE, not session.dated),
                (Blocker.SESSION_WITHOUT_FACILITATOR, not session.facilitated),
                (Blocker.SESSION_WITHOUT_ATTENDANCE, not session.attendees),
            )
            if missing
        ]
    obstacles = [Obstacle(blocker, section_id=session.section_id) for blocker in found]
    if session.unsettled:
        obstacles.append(
            Obstacle(
                Blocker.ANSWERS_NOT_AGREED,
                section_id=session.section_id,
                questions=session.unsettled,
            )
        )
    return obstacles
