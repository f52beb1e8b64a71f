"""The ten critical success factors of the implementation phase, as the
result page, the reviews and the plan read them.

Decisions, pinned by tests:

- **A factor** is a numbered single-choice question of the checklist; its
  evidence is the text question that is ``part_of`` it. Factors are numbered
  1–10 through the sections and counted as factors, never as their evidence.
- **Evidence.** A factor rated "in place" needs its evidence: the checklist
  cannot be completed without it, and the result names every factor that
  lacks it.
- **A re-check** is a later take of the checklist; its change is each
  factor's state before and after, and how many factors are in place.
- **The pilot.** The factor ``pilot_first`` and the plan's pilot package say
  the same thing twice: "in place" goes with a pilot that is done, "partly"
  with one under way or on hold, "not yet" with one planned or on hold. Any
  other pair, or a factor in place with no pilot package, disagrees.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from assessments.questionnaire import Definition, Kind
from assessments.transition import WorkStatus

#: the factor that says the system was tried in a pilot first
PILOT_FACTOR = "pilot_first"


class FactorState(StrEnum):
    """How far a factor holds today: the options of every factor."""

    IN_PLACE = "in_place"
    PARTLY = "partly"
    NOT_YET = "not_yet"


@dataclass(frozen=True)
class Factor:
    """One factor of a take: its number, its question, its state and evidence."""

    number: int
    question_id: str
    state: FactorState | None
    evidence: str

    @property
    def lacks_evidence(self) -> bool:
        return self.state == FactorState.IN_PLACE and not self.evidence


def _state(value: object) -> FactorState | None:
    try:
        return FactorState(value)
    except ValueError:
        return None


def factors(definition: Definition, answers: Mapping[str, object]) -> list[Factor]:
    """The checklist's factors in order, numbered from 1, with their evidence."""
    numbers = definition.numbers()
    evidence = {
        q.part_of: str(answers.get(q.id) or "").strip()
        for q in definition.questions()
        if q.part_of and q.kind == Kind.TEXT
    }
    return [
        Factor(numbers[q.id], q.id, _state(answers.get(q.id)), evidence.get(q.id, ""))
        for q in definition.questions()
        if q.id in numbers and q.kind == Kind.SINGLE
    ]


def in_place(found: list[Factor]) -> int:
    """How many factors are in place."""
    return sum(factor.state == FactorState.IN_PLACE for factor in found)


@dataclass(frozen=True)
class FactorChange:
    """A factor at the last check and at this one."""

    number: int
    question_id: str
    before: FactorState | None
    after: FactorState | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def changes(before: list[Factor], after: list[Factor]) -> list[FactorChange]:
    """Every factor of the later check beside its state at the earlier one."""
    earlier = {factor.question_id: factor.state for factor in before}
    return [
        FactorChange(f.number, f.question_id, earlier.get(f.question_id), f.state)
        for f in after
    ]


_PILOT_AGREES: dict[FactorState, frozenset[WorkStatus]] = {
    FactorState.IN_PLACE: frozenset({WorkStatus.DONE}),
    FactorState.PARTLY: frozenset({WorkStatus.IN_PROGRESS, WorkStatus.ON_HOLD}),
    FactorState.NOT_YET: frozenset({WorkStatus.PLANNED, WorkStatus.ON_HOLD}),
}


def pilot_disagrees(state: FactorState | None, package: WorkStatus | None) -> bool:
    """Whether the pilot factor and the plan's pilot package tell different
    stories; nothing to compare (no factor answer) never disagrees."""
    if state is None:
        return False
    if package is None:
        return state == FactorState.IN_PLACE
    return package not in _PILOT_AGREES[state]
