"""When the gates let the project go on: a decision of the sponsor on each."""

import pytest

from assessments.questionnaire import Gate
from assessments.readiness import (
    DECISIONS,
    GateResult,
    GateState,
    GateStatus,
    Recommendation,
    SponsorDecision,
    gate_state,
    lets_project_go_on,
    may_override,
    needs_reason,
    recommend,
)


def gate(which: Gate, status: GateStatus) -> GateResult:
    return GateResult(which, status, 0.5, 0.6, 3, 3, ())


def every_gate(status: GateStatus) -> list[GateResult]:
    return [gate(which, status) for which in Gate]


@pytest.mark.parametrize("status", [GateStatus.PASSED, GateStatus.OVERRIDDEN])
def test_cleared_gates_the_sponsor_approved_let_the_project_go_on(status):
    """DOMAIN.md, Phase 1 — Preparation, steps 3–5: only if all of the above
    are positive is the project organisation set up."""
    assert lets_project_go_on(every_gate(status), approved=list(Gate))


def test_a_cleared_gate_still_waiting_for_the_sponsor_holds_the_project():
    """DOMAIN.md, Phase 1 — Preparation, step 3: the top decision maker's
    backing is a gate; the sponsor's decision is what lets it pass."""
    waiting = set(Gate) - {Gate.BACKING}
    assert not lets_project_go_on(every_gate(GateStatus.PASSED), approved=waiting)


def test_a_sponsor_who_goes_on_past_a_failed_gate_lets_the_project_go_on():
    """Issue 19: on a failed gate the sponsor may decide "go on, and here is
    why" — the sponsor's own override, which the phase follows."""
    gates = [*every_gate(GateStatus.PASSED)[1:], gate(list(Gate)[0], GateStatus.FAILED)]
    assert lets_project_go_on(gates, approved=list(Gate))


def test_an_unanswered_gate_holds_the_project_whatever_was_approved():
    """DOMAIN.md, Phase 1 — Preparation, step 5: all of the above positive."""
    gates = [
        *every_gate(GateStatus.PASSED)[1:],
        gate(list(Gate)[0], GateStatus.NOT_ANSWERED),
    ]
    assert not lets_project_go_on(gates, approved=list(Gate))


@pytest.mark.parametrize(
    "status, decision, state",
    [
        (GateStatus.NOT_ANSWERED, SponsorDecision.APPROVED, GateState.NOT_ANSWERED),
        (GateStatus.PASSED, None, GateState.AWAITING_SPONSOR),
        (GateStatus.FAILED, None, GateState.AWAITING_SPONSOR),
        (GateStatus.FAILED, SponsorDecision.APPROVED, GateState.GOING_ON),
        (GateStatus.FAILED, SponsorDecision.STOPPED, GateState.STOPPED),
        (GateStatus.OVERRIDDEN, SponsorDecision.SENT_BACK, GateState.SENT_BACK),
    ],
)
def test_a_gates_state_is_its_outcome_then_the_sponsors_decision(
    status, decision, state
):
    assert gate_state(status, decision) == state


def test_the_sponsor_decides_each_outcome_in_the_methods_terms():
    """Issue 19: on a failed gate "stop here" / "go on, and here is why"; a
    passed gate cannot be stopped, only confirmed or sent back."""
    assert DECISIONS[GateStatus.FAILED][0] == SponsorDecision.STOPPED
    assert SponsorDecision.STOPPED not in DECISIONS[GateStatus.PASSED]
    assert GateStatus.NOT_ANSWERED not in DECISIONS


@pytest.mark.parametrize(
    "status, decision, needed",
    [
        (GateStatus.FAILED, SponsorDecision.APPROVED, True),
        (GateStatus.PASSED, SponsorDecision.APPROVED, False),
        (GateStatus.OVERRIDDEN, SponsorDecision.APPROVED, False),  # the override's
        (GateStatus.FAILED, SponsorDecision.STOPPED, False),
        (GateStatus.PASSED, SponsorDecision.SENT_BACK, True),
    ],
)
def test_going_on_past_a_failed_gate_and_sending_back_need_a_reason(
    status, decision, needed
):
    assert needs_reason(status, decision) is needed


def test_no_gates_at_all_do_not_let_the_project_go_on():
    assert not lets_project_go_on([], approved=list(Gate))


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((GateStatus.PASSED,) * 3, Recommendation.GO),
        (
            (GateStatus.PASSED, GateStatus.OVERRIDDEN, GateStatus.PASSED),
            Recommendation.GO_WITH_CONDITIONS,
        ),
        (
            (GateStatus.PASSED, GateStatus.FAILED, GateStatus.OVERRIDDEN),
            Recommendation.NO_GO,
        ),
        (
            (GateStatus.FAILED, GateStatus.NOT_ANSWERED, GateStatus.PASSED),
            Recommendation.NOT_YET,
        ),
        ((), Recommendation.NOT_YET),
    ],
)
def test_the_gates_recommend_go_go_with_conditions_or_no_go(statuses, expected):
    gates = [gate(which, status) for which, status in zip(Gate, statuses, strict=False)]
    assert recommend(gates) == expected


@pytest.mark.parametrize(
    "status, decision, open_",
    [
        (GateStatus.FAILED, None, True),
        (GateStatus.OVERRIDDEN, None, True),
        (GateStatus.FAILED, SponsorDecision.SENT_BACK, True),
        (GateStatus.OVERRIDDEN, SponsorDecision.SENT_BACK, True),
        (GateStatus.FAILED, SponsorDecision.STOPPED, False),
        (GateStatus.FAILED, SponsorDecision.APPROVED, False),
        (GateStatus.OVERRIDDEN, SponsorDecision.APPROVED, False),
        (GateStatus.OVERRIDDEN, SponsorDecision.STOPPED, False),
        (GateStatus.PASSED, None, False),
        (GateStatus.NOT_ANSWERED, None, False),
    ],
)
def test_the_consultant_overrides_only_until_the_sponsor_goes_on_or_stops(
    status, decision, open_
):
    """Issue 19: going on or stopping is the sponsor's; a send-back returns
    the gate to the consultant, who may override it then."""
    assert may_override(status, decision) is open_
