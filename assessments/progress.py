"""Where an engagement stands in the four phases of the method.

Each phase is a list of steps in the method's order. A phase is complete only
when its closing step says so (for preparation, the company-wide announcement),
never merely because every step listed so far is ticked.
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
    COMPLETE = "complete"


class Step(StrEnum):
    """Steps the product can track; each phase lists its own in order."""

    INVITE_SPONSOR = "invite_sponsor"
    INVITE_TEAM = "invite_team"


#: The trackable steps of each phase, in the method's order.
PHASE_STEPS: dict[Phase, tuple[Step, ...]] = {
    Phase.PREPARATION: (Step.INVITE_SPONSOR, Step.INVITE_TEAM),
    Phase.PLANNING: (),
    Phase.DESIGN: (),
    Phase.IMPLEMENTATION: (),
}


@dataclass(frozen=True)
class EngagementFacts:
    """What is known about an engagement, as plain values."""

    sponsor_count: int = 0
    team_count: int = 0
    closed_phases: frozenset[Phase] = frozenset()

    def done_steps(self) -> frozenset[Step]:
        """The steps these facts show as done."""
        done = set()
        if self.sponsor_count:
            done.add(Step.INVITE_SPONSOR)
        if self.team_count:
            done.add(Step.INVITE_TEAM)
        return frozenset(done)


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
    return [_phase_progress(phase, done, facts.closed_phases) for phase in Phase]


def _phase_progress(
    phase: Phase, done: frozenset[Step], closed: frozenset[Phase]
) -> PhaseProgress:
    steps = PHASE_STEPS[phase]
    finished = [step for step in steps if step in done]
    remaining = [step for step in steps if step not in done]
    if phase in closed:
        status = PhaseStatus.COMPLETE
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
