"""Two takes of the same questionnaire side by side: what moved, and how far."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessments.questionnaire import Category, Definition, Dimension, Gate
from assessments.readiness import READINESS_ORDER, GateStatus, classify, evaluate_gates
from assessments.scoring import AnswerValue, score


@dataclass(frozen=True)
class Movement:
    """One score before and after."""

    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)


@dataclass(frozen=True)
class AnswerChange:
    question_id: str
    before: AnswerValue | None
    after: AnswerValue | None


@dataclass(frozen=True)
class Comparison:
    category_before: Category | None
    category_after: Category | None
    categories: Mapping[Category, Movement]
    dimensions: Mapping[Dimension, Movement]
    gates: Mapping[Gate, tuple[GateStatus, GateStatus]]
    #: answers that differ, in questionnaire order
    changed_answers: tuple[AnswerChange, ...]

    @property
    def category_changed(self) -> bool:
        return self.category_before != self.category_after


def compare(
    definition: Definition,
    before: Mapping[str, AnswerValue],
    after: Mapping[str, AnswerValue],
) -> Comparison:
    """Compare an earlier take's answers with a later one's."""
    old, new = score(definition, before), score(definition, after)
    old_gates = {g.gate: g.status for g in evaluate_gates(definition, old)}
    new_gates = {g.gate: g.status for g in evaluate_gates(definition, new)}
    return Comparison(
        category_before=classify(old).category,
        category_after=classify(new).category,
        categories={
            c: Movement(old.categories[c].value, new.categories[c].value)
            for c in READINESS_ORDER
        },
        dimensions={
            d: Movement(old.dimensions[d].value, new.dimensions[d].value)
            for d in Dimension
        },
        gates={gate: (old_gates[gate], new_gates[gate]) for gate in old_gates},
        changed_answers=tuple(
            AnswerChange(q.id, before.get(q.id), after.get(q.id))
            for q in definition.questions()
            if before.get(q.id) != after.get(q.id)
        ),
    )
