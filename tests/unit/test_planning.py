"""The completion of planning."""

import pytest

from assessments.planning import (
    Blocker,
    GoalFacts,
    PlanningFacts,
    completion_obstacles,
)


def facts(**changes) -> PlanningFacts:
    values = {
        "sessions_held": 4,
        "vision": "Müşterilerimizin ilk tercihi olmak.",
        "goals": (GoalFacts("Keep customers", 1), GoalFacts("Grow share", 2)),
    }
    return PlanningFacts(**(values | changes))


def test_planning_with_sessions_vision_and_measured_goals_can_close():
    assert completion_obstacles(facts()) == []


def test_a_goal_without_a_measure_blocks_completion():
    goals = (GoalFacts("Keep customers", 1), GoalFacts("Win back lost ones", 0))
    obstacles = completion_obstacles(facts(goals=goals))
    assert [o.blocker for o in obstacles] == [Blocker.GOAL_WITHOUT_MEASURE]
    assert obstacles[0].goals == ("Win back lost ones",)


@pytest.mark.parametrize(
    "changes, blocker",
    [
        ({"sessions_held": 3}, Blocker.SESSIONS_NOT_HELD),
        ({"vision": "  "}, Blocker.NO_VISION),
        ({"goals": ()}, Blocker.NO_GOALS),
    ],
)
def test_each_missing_output_blocks_completion(changes, blocker):
    assert [o.blocker for o in completion_obstacles(facts(**changes))] == [blocker]
