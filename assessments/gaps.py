"""The gap analysis of the implementation phase: where the company stands today
against the system designed for it, for each component and architecture layer.

Decisions, pinned by tests:

- **Cells.** The four components (strategy, people, process, technology) are
  rated in each of the three layers of a CRM architecture (operational,
  analytical, collaborative): the current state and the designed state, 1–5.
  The answers live in the gap-analysis questionnaire under the ids
  ``{component}_{layer}_current``, ``…_designed`` and ``…_note``.
- **Gap size** is the designed level minus the current one. A cell already at
  or beyond its design has no gap (size 0, never negative).
- **Priority** is the gap size times the component's weight. People and
  process weigh 1.5, strategy and technology 1: the method warns that most CRM
  failures come from people and process, not from the software. Ties keep the
  method's order: strategy first, then people, process, technology, and the
  operational, analytical, collaborative layers.
- A cell with either level missing is left out: a half-rated cell has no gap.
- **A component's gap** is the mean of its cells' gaps, and its levels the
  means of theirs, all unrounded: a page rounds once, when it shows them (a
  gap taken from rounded means would read 1.4 where the cells' 1, 2, 1 make
  1.33). A cell beyond its design does not hide another cell's gap.
- **A cell's code** (``strategy/operational``) is how a work package names the
  gap it closes; a priority no package names is *uncovered*.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Component(StrEnum):
    """The components of a CRM system, strategy first."""

    STRATEGY = "strategy"
    PEOPLE = "people"
    PROCESS = "process"
    TECHNOLOGY = "technology"


class Layer(StrEnum):
    """The layers of a CRM architecture."""

    OPERATIONAL = "operational"
    ANALYTICAL = "analytical"
    COLLABORATIVE = "collaborative"


#: How much a gap of each component weighs in the priority list.
WEIGHTS: dict[Component, float] = {
    Component.STRATEGY: 1.0,
    Component.PEOPLE: 1.5,
    Component.PROCESS: 1.5,
    Component.TECHNOLOGY: 1.0,
}


def question_id(component: Component, layer: Layer, part: str) -> str:
    """The questionnaire id of one cell's ``current``, ``designed`` or ``note``."""
    return f"{component.value}_{layer.value}_{part}"


@dataclass(frozen=True)
class Gap:
    """One cell of the analysis: a component in a layer."""

    component: Component
    layer: Layer
    current: int
    designed: int
    note: str = ""

    @property
    def size(self) -> int:
        return max(self.designed - self.current, 0)

    @property
    def priority(self) -> float:
        return self.size * WEIGHTS[self.component]

    @property
    def code(self) -> str:
        return cell_code(self.component, self.layer)


def cell_code(component: Component, layer: Layer) -> str:
    """How a work package names the cell whose gap it closes."""
    return f"{component.value}/{layer.value}"


def cell_of(code: str) -> tuple[Component, Layer] | None:
    """The component and layer a cell code names; None for an unknown code."""
    component, _, layer = code.partition("/")
    try:
        return Component(component), Layer(layer)
    except ValueError:
        return None


def gaps(answers: Mapping[str, object]) -> list[Gap]:
    """Every fully rated cell, in the method's order."""
    found = []
    for component in Component:
        for layer in Layer:
            current = answers.get(question_id(component, layer, "current"))
            designed = answers.get(question_id(component, layer, "designed"))
            if current is None or designed is None:
                continue
            note = answers.get(question_id(component, layer, "note")) or ""
            found.append(
                Gap(component, layer, int(current), int(designed), str(note).strip())
            )
    return found


def priorities(cells: list[Gap]) -> list[Gap]:
    """The cells with a gap, the most pressing first (stable: ties keep order)."""
    return sorted((cell for cell in cells if cell.size), key=lambda c: -c.priority)


def uncovered(ranked: list[Gap], covered: set[str]) -> list[Gap]:
    """The priorities no work package names, in their ranked order."""
    return [cell for cell in ranked if cell.code not in covered]


@dataclass(frozen=True)
class ComponentGap:
    """A component's mean levels and mean gap over the layers it was rated
    in, unrounded."""

    component: Component
    current: float
    designed: float
    size: float


def _mean(values: list[int]) -> float:
    return sum(values) / len(values)


def by_component(cells: list[Gap]) -> list[ComponentGap]:
    """Mean current and designed level and mean gap per rated component."""
    summary = []
    for component in Component:
        rated = [cell for cell in cells if cell.component == component]
        if rated:
            summary.append(
                ComponentGap(
                    component,
                    _mean([c.current for c in rated]),
                    _mean([c.designed for c in rated]),
                    _mean([c.size for c in rated]),
                )
            )
    return summary
