"""Where an engagement stands in the four phases of the method.

Each phase is a list of steps in the method's order. A phase is complete only
when its closing step is done (for preparation, the company-wide announcement).
Preparation is *stopped* while the sponsor has decided "stop here" at one of
its gates: its next step stays clearing the gates, which only the sponsor's
change of mind or a re-assessment reopens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    """The four phases, in the order the method runs them."""

    PREPARATION = "preparation"
    PLANNING = "planning"
    DESIGN = "design"
    IMPLEMENTATION = "implementation"


class PhaseStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    #: the sponsor decided "stop here" at one of the phase's gates
    STOPPED = "stopped"
    COMPLETE = "complete"


class Step(StrEnum):
    """Steps the product can track; each phase lists its own in order."""

    COMPLETE_QUESTIONNAIRE = "complete_questionnaire"
    CLEAR_GATES = "clear_gates"
    RECORD_ORGANISATION = "record_organisation"
    HOLD_AWARENESS = "hold_awareness"
    ANNOUNCE_PROJECT = "announce_project"
    HOLD_WORKSHOPS = "hold_workshops"
    WRITE_VISION = "write_vision"
    MEASURE_GOALS = "measure_goals"
    CLOSE_PLANNING = "close_planning"
    IMPORT_CUSTOMERS = "import_customers"
    ASSESS_CAPABILITY = "assess_capability"
    ANALYSE_CUSTOMERS = "analyse_customers"
    SET_GROUP_STRATEGIES = "set_group_strategies"
    ANALYSE_GAPS = "analyse_gaps"
    SET_TRANSITION_PLAN = "set_transition_plan"
    RECORD_MEASURE_VALUES = "record_measure_values"


#: The trackable steps of each phase, in the method's order.
PHASE_STEPS: dict[Phase, tuple[Step, ...]] = {
    Phase.PREPARATION: (
        Step.COMPLETE_QUESTIONNAIRE,
        Step.CLEAR_GATES,
        Step.RECORD_ORGANISATION,
        Step.HOLD_AWARENESS,
        Step.ANNOUNCE_PROJECT,
    ),
    Phase.PLANNING: (
        Step.HOLD_WORKSHOPS,
        Step.WRITE_VISION,
        Step.MEASURE_GOALS,
        Step.CLOSE_PLANNING,
    ),
    Phase.DESIGN: (
        Step.IMPORT_CUSTOMERS,
        Step.ASSESS_CAPABILITY,
        Step.ANALYSE_CUSTOMERS,
        Step.SET_GROUP_STRATEGIES,
    ),
    Phase.IMPLEMENTATION: (
        Step.ANALYSE_GAPS,
        Step.SET_TRANSITION_PLAN,
        Step.RECORD_MEASURE_VALUES,
    ),
}


@dataclass(frozen=True)
class EngagementFacts:
    """What is known about an engagement, as plain values."""

    #: the latest preparation questionnaire take is complete
    questionnaire_complete: bool = False
    #: every gate of that take passed or was overridden, and the sponsor
    #: approved it: a decision that lets the project go on
    gates_cleared: bool = False
    #: the sponsor decided "stop here" at a gate of that take
    gates_stopped: bool = False
    #: sponsor, project manager and team recorded, and no rule blocks them
    organisation_recorded: bool = False
    awareness_activities: int = 0
    #: the top executive announced the project company-wide
    announced: bool = False
    #: every planning workshop session has been held
    workshops_held: bool = False
    vision_set: bool = False
    #: there are goals, and each has at least one measure
    goals_measured: bool = False
    planning_closed: bool = False
    #: customers with sales are in the database
    customers_imported: bool = False
    #: the IDIC capability questionnaire has a completed take
    capability_assessed: bool = False
    #: at least one analysis (snapshot) was taken
    customers_analysed: bool = False
    #: MVC, MGC and BZ each have a strategy: the design is decided
    group_strategies_set: bool = False
    #: the gap-analysis questionnaire has a completed take
    gaps_analysed: bool = False
    #: the transition plan has at least one work package
    plan_set: bool = False
    #: there are goals, and every measure of every goal has a value
    goals_have_values: bool = False

    def done_steps(self) -> frozenset[Step]:
        """The steps these facts show as done."""
        done = {
            Step.COMPLETE_QUESTIONNAIRE: self.questionnaire_complete,
            Step.CLEAR_GATES: self.gates_cleared,
            Step.RECORD_ORGANISATION: self.organisation_recorded,
            Step.HOLD_AWARENESS: self.awareness_activities > 0,
            Step.ANNOUNCE_PROJECT: self.announced,
            Step.HOLD_WORKSHOPS: self.workshops_held,
            Step.WRITE_VISION: self.vision_set,
            Step.MEASURE_GOALS: self.goals_measured,
            Step.CLOSE_PLANNING: self.planning_closed,
            Step.IMPORT_CUSTOMERS: self.customers_imported,
            Step.ASSESS_CAPABILITY: self.capability_assessed,
            Step.ANALYSE_CUSTOMERS: self.customers_analysed,
            Step.SET_GROUP_STRATEGIES: self.group_strategies_set,
            Step.ANALYSE_GAPS: self.gaps_analysed,
            Step.SET_TRANSITION_PLAN: self.plan_set,
            Step.RECORD_MEASURE_VALUES: self.goals_have_values,
        }
        return frozenset(step for step, is_done in done.items() if is_done)

    @property
    def closed_phases(self) -> frozenset[Phase]:
        """Phases whose closing step is done."""
        closing = {
            Phase.PREPARATION: self.announced,
            Phase.PLANNING: self.planning_closed,
            Phase.DESIGN: self.done_steps() >= set(PHASE_STEPS[Phase.DESIGN]),
            Phase.IMPLEMENTATION: self.done_steps()
            >= set(PHASE_STEPS[Phase.IMPLEMENTATION]),
        }
        return frozenset(phase for phase, closed in closing.items() if closed)

    @property
    def stopped_phases(self) -> frozenset[Phase]:
        """Phases the sponsor stopped at a gate (preparation, the only one)."""
        stopped = self.gates_stopped and not self.announced
        return frozenset({Phase.PREPARATION} if stopped else ())


@dataclass(frozen=True)
class PhaseProgress:
    """One phase tile: its status, the steps done, and the one next step."""

    phase: Phase
    status: PhaseStatus
    steps_done: int
    steps_total: int
    next_step: Step | None


def overview(facts: EngagementFacts) -> list[PhaseProgress]:
    """The four phases with their status and next step, in order."""
    done = facts.done_steps()
    return [
        _phase_progress(phase, done, facts.closed_phases, facts.stopped_phases)
        for phase in Phase
    ]


def _phase_progress(
    phase: Phase,
    done: frozenset[Step],
    closed: frozenset[Phase],
    stopped: frozenset[Phase],
) -> PhaseProgress:
    steps = PHASE_STEPS[phase]
    finished = [step for step in steps if step in done]
    remaining = [step for step in steps if step not in done]
    if phase in closed:
        status = PhaseStatus.COMPLETE
    elif phase in stopped:
        status = PhaseStatus.STOPPED
    elif finished:
        status = PhaseStatus.IN_PROGRESS
    else:
        status = PhaseStatus.NOT_STARTED
    return PhaseProgress(
        phase=phase,
        status=status,
        steps_done=len(finished),
        steps_total=len(steps),
        next_step=remaining[0]
        if remaining and status != PhaseStatus.COMPLETE
        else None,
    )
