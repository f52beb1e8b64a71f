"""The completion of planning."""

import pytest

from assessments.planning import (
    HOLLOW_SESSION,
    Blocker,
    GoalFacts,
    Perspective,
    PlanningFacts,
    SessionFacts,
    completion_obstacles,
)

SECTIONS = ("market", "customers", "company", "offer")


def held(section_id: str, **changes) -> SessionFacts:
    values = {"held": True, "dated": True, "facilitated": True, "attendees": 6}
    return SessionFacts(section_id, **(values | changes))


def facts(**changes) -> PlanningFacts:
    values = {
        "sessions": tuple(held(section_id) for section_id in SECTIONS),
        "vision": "Müşterilerimizin ilk tercihi olmak.",
        "strategies": 1,
        "goals": (
            GoalFacts(1, "Keep customers", True, (Perspective.CUSTOMER,)),
            GoalFacts(
                2,
                "Grow share",
                True,
                (Perspective.FINANCIAL, Perspective.INTERNAL, Perspective.LEARNING),
            ),
        ),
    }
    return PlanningFacts(**(values | changes))


def blockers(planning: PlanningFacts) -> list[Blocker]:
    return [o.blocker for o in completion_obstacles(planning)]


def test_planning_with_sessions_outputs_and_four_perspectives_can_close():
    assert completion_obstacles(facts()) == []


def test_a_goal_without_a_measure_blocks_completion():
    """DOMAIN.md, planning (output): the metrics of the project's performance
    monitoring come out of planning; a goal nobody can measure is not done."""
    goals = facts().goals + (GoalFacts(3, "Win back lost ones", True),)
    obstacles = completion_obstacles(facts(goals=goals))
    assert [o.blocker for o in obstacles] == [Blocker.GOAL_WITHOUT_MEASURE]
    assert [goal.name for goal in obstacles[0].goals] == ["Win back lost ones"]


def test_a_goal_tied_to_no_strategy_blocks_completion():
    """DOMAIN.md, planning (output): business strategies become the project's
    goals, so every goal comes from one."""
    loose = GoalFacts(3, "Cut costs", False, (Perspective.FINANCIAL,))
    obstacles = completion_obstacles(facts(goals=facts().goals + (loose,)))
    assert [o.blocker for o in obstacles] == [Blocker.GOAL_WITHOUT_STRATEGY]
    assert obstacles[0].goals == (loose,)


def test_measures_must_cover_all_four_perspectives():
    """DOMAIN.md, measuring: measures in four perspectives track the goals."""
    goals = (GoalFacts(1, "Keep customers", True, (Perspective.CUSTOMER,)),)
    obstacles = completion_obstacles(facts(goals=goals))
    assert [o.blocker for o in obstacles] == [Blocker.PERSPECTIVE_WITHOUT_MEASURE]
    assert obstacles[0].perspectives == (
        Perspective.FINANCIAL,
        Perspective.INTERNAL,
        Perspective.LEARNING,
    )


@pytest.mark.parametrize(
    "changes, blocker",
    [
        ({"vision": "  "}, Blocker.NO_VISION),
        ({"strategies": 0}, Blocker.NO_STRATEGY),
    ],
)
def test_each_missing_output_blocks_completion(changes, blocker):
    """DOMAIN.md, planning (output): business strategies and the vision."""
    assert blockers(facts(**changes)) == [blocker]


def test_no_goals_blocks_completion_and_leaves_every_perspective_unmeasured():
    assert blockers(facts(goals=())) == [
        Blocker.NO_GOALS,
        Blocker.PERSPECTIVE_WITHOUT_MEASURE,
    ]


@pytest.mark.parametrize(
    "session, blocker",
    [
        (SessionFacts("company"), Blocker.SESSION_NOT_HELD),
        (held("company", dated=False), Blocker.SESSION_WITHOUT_DATE),
        (held("company", facilitated=False), Blocker.SESSION_WITHOUT_FACILITATOR),
        (held("company", attendees=0), Blocker.SESSION_WITHOUT_ATTENDANCE),
    ],
)
def test_a_hollow_session_blocks_completion_and_is_named(session, blocker):
    """DOMAIN.md, planning: a workshop of the project group, about four days,
    one per section; a session counts once it took place on a day, led by the
    consultant or the PM, with the working group in the room."""
    sessions = tuple(
        session if section_id == "company" else held(section_id)
        for section_id in SECTIONS
    )
    obstacles = completion_obstacles(facts(sessions=sessions))
    assert [(o.blocker, o.section_id) for o in obstacles] == [(blocker, "company")]
    assert blocker in HOLLOW_SESSION


def test_unsettled_questions_block_completion_with_their_numbers():
    """DOMAIN.md, planning: the workshop discusses the guide's questions; each
    needs the answer the room agreed on, or why it agreed none."""
    sessions = (held("market", unsettled=(2, 5)),) + tuple(
        held(section_id) for section_id in SECTIONS[1:]
    )
    obstacles = completion_obstacles(facts(sessions=sessions))
    assert [(o.blocker, o.section_id, o.questions) for o in obstacles] == [
        (Blocker.ANSWERS_NOT_AGREED, "market", (2, 5))
    ]
