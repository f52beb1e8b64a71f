"""Workshop composition and the completion of planning."""

import pytest

from assessments.organisation import Department
from assessments.planning import (
    WORKING_GROUP_DEPARTMENTS,
    Blocker,
    EmptySeat,
    GoalFacts,
    Participant,
    PlanningFacts,
    Seat,
    completion_obstacles,
    empty_seats,
)


def full_room() -> tuple[Participant, ...]:
    return tuple(
        person
        for department in WORKING_GROUP_DEPARTMENTS
        for person in (
            Participant(f"{department} manager", department, is_front_line=False),
            Participant(f"{department} staff", department, is_front_line=True),
        )
    )


def test_a_room_with_every_manager_and_front_line_seat_has_no_warning():
    assert empty_seats(full_room()) == []


def test_an_empty_room_misses_every_seat():
    assert len(empty_seats(())) == 2 * len(WORKING_GROUP_DEPARTMENTS)


@pytest.mark.parametrize("department", WORKING_GROUP_DEPARTMENTS)
def test_a_missing_manager_is_named_by_department(department):
    room = tuple(
        p
        for p in full_room()
        if not (p.department == department and not p.is_front_line)
    )
    assert empty_seats(room) == [EmptySeat(department, Seat.MANAGER)]


def test_managers_without_their_front_line_staff_are_warned():
    managers_only = tuple(p for p in full_room() if not p.is_front_line)
    seats = empty_seats(managers_only)
    assert {seat.seat for seat in seats} == {Seat.FRONT_LINE}
    assert [seat.department for seat in seats] == list(WORKING_GROUP_DEPARTMENTS)


def test_people_of_other_departments_fill_no_seat():
    room = (Participant("IT head", Department.IT, is_front_line=False),)
    assert len(empty_seats(room)) == 10


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
