"""What the consultant does next after a take: this take's steps first (its
gates, the sponsor, the organisation), then the category's own."""

from assessments.organisation import Finding, Rule, Severity
from assessments.questionnaire import Category, Gate
from assessments.readiness import (
    CATEGORY_STEPS,
    GateResult,
    GateStatus,
    NextStep,
    Readiness,
    Step,
    next_steps,
)


def gate(which: Gate, status: GateStatus) -> GateResult:
    return GateResult(which, status, 40.0, 50.0, 3, 3, ())


def readiness(category: Category | None) -> Readiness:
    return Readiness(category, (), (), ())


def steps(**facts) -> list[Step]:
    given = {
        "readiness": readiness(Category.SAVER),
        "gates": [gate(Gate.NEED, GateStatus.PASSED)],
        "complete": True,
        "undecided": [],
        "has_sponsor": True,
        "organisation_recorded": True,
        "findings": [],
    } | facts
    return next_steps(**given)


def test_a_failed_gate_comes_first_and_names_its_gate():
    found = steps(
        gates=[
            gate(Gate.NEED, GateStatus.PASSED),
            gate(Gate.BACKING, GateStatus.FAILED),
            gate(Gate.CULTURE, GateStatus.NOT_ANSWERED),
        ]
    )
    assert found[:2] == [
        Step(NextStep.DISCUSS_FAILED_GATE, Gate.BACKING),
        Step(NextStep.ANSWER_GATE, Gate.CULTURE),
    ]


def test_a_failed_gate_the_sponsor_decided_is_no_longer_discussed():
    failed = [gate(Gate.NEED, GateStatus.FAILED), gate(Gate.BACKING, GateStatus.FAILED)]
    found = steps(gates=failed, decided=[Gate.BACKING])
    assert Step(NextStep.DISCUSS_FAILED_GATE, Gate.NEED) in found
    assert not [s for s in found if s.gate == Gate.BACKING]


def test_an_overridden_gate_is_no_longer_a_step():
    found = steps(gates=[gate(Gate.BACKING, GateStatus.OVERRIDDEN)])
    assert not [s for s in found if s.gate is not None]


def test_without_a_sponsor_member_the_step_is_to_invite_one_not_to_wait():
    found = [s.step for s in steps(has_sponsor=False, undecided=[Gate.NEED])]
    assert NextStep.INVITE_SPONSOR in found
    assert NextStep.SPONSOR_DECIDES not in found
    found = [s.step for s in steps(undecided=[Gate.NEED])]
    assert NextStep.SPONSOR_DECIDES in found


def test_each_organisation_warning_is_a_step_of_its_own():
    warning = Finding(Rule.NO_PROJECT_MANAGER, Severity.WARNING)
    found = steps(organisation_recorded=False, findings=[warning])
    assert Step(NextStep.RECORD_ORGANISATION) in found
    assert Step(NextStep.FIX_ORGANISATION, finding=warning) in found


def test_an_open_take_is_finished_first_and_the_category_steps_come_last():
    found = steps(complete=False)
    assert found[0] == Step(NextStep.FINISH_TAKE)
    tail = [s.step for s in found[-len(CATEGORY_STEPS[Category.SAVER]) :]]
    assert tail == list(CATEGORY_STEPS[Category.SAVER])


def test_every_category_has_steps_of_its_own():
    for category in Category:
        assert [s.step for s in steps(readiness=readiness(category))] == list(
            CATEGORY_STEPS[category]
        )
