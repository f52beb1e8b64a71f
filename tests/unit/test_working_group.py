"""The working group's make-up: one rule, read by the organisation page and
by each planning session (DOMAIN.md, Phase 2 — Planning, "Working group")."""

import pytest

from assessments.organisation import (
    WORKING_GROUP_DEPARTMENTS,
    Department,
    EmptySeat,
    Participant,
    Seat,
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
