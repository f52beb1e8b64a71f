"""When the gates let the project go on: a decision of the sponsor on each."""

import pytest

from assessments.questionnaire import Gate
from assessments.readiness import GateResult, GateStatus, lets_project_go_on


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


@pytest.mark.parametrize("status", [GateStatus.FAILED, GateStatus.NOT_ANSWERED])
def test_an_approval_does_not_let_a_failed_or_unanswered_gate_go_on(status):
    """DOMAIN.md, Phase 1 — Preparation, step 5: all of the above positive."""
    gates = [*every_gate(GateStatus.PASSED)[1:], gate(list(Gate)[0], status)]
    assert not lets_project_go_on(gates, approved=list(Gate))


def test_no_gates_at_all_do_not_let_the_project_go_on():
    assert not lets_project_go_on([], approved=list(Gate))
