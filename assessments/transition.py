"""The transition plan of the implementation phase: the path from the current
system to the designed one, as work packages and milestones.

Decisions, pinned by tests:

- **Plan length.** The plan runs from its earliest start to its latest end. A
  plan shorter than 3 months or longer than 24 (both configurable) gets a
  warning: the method warns against a transition that is rushed and against
  one that drags on.
- **Overdue.** A package is overdue when its end date has passed and it is not
  done; a package due today is not overdue yet.
- **Dependencies.** A package may wait for one other package. It should not
  start before that one ends (a warning, not a refusal: plans slip), and a
  chain of dependencies must never lead back to where it began (refused).
  A package under way while the one it waits for is overdue gets a warning
  too: its work rests on something late.
- **The pilot.** One package may be the pilot (the method's "try it on one
  team first"); ``assessments.factors`` compares it with the success factor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

SHORTEST_MONTHS = 3
LONGEST_MONTHS = 24


class WorkStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ON_HOLD = "on_hold"


@dataclass(frozen=True)
class PlanLength:
    start: date
    end: date
    months: float
    too_short: bool
    too_long: bool


def plan_length(
    start: date,
    end: date,
    shortest_months: int = SHORTEST_MONTHS,
    longest_months: int = LONGEST_MONTHS,
) -> PlanLength:
    """How long a transition plan runs, and whether the method would warn."""
    months = (end - start).days / (365.25 / 12)
    return PlanLength(
        start=start,
        end=end,
        months=round(months, 1),
        too_short=months < shortest_months,
        too_long=months > longest_months,
    )


@dataclass(frozen=True)
class Package:
    """What the rules need to know of one work package."""

    id: int
    starts_on: date
    ends_on: date
    status: WorkStatus
    depends_on: int | None = None


def span(
    packages: Iterable[Package],
    shortest_months: int = SHORTEST_MONTHS,
    longest_months: int = LONGEST_MONTHS,
) -> PlanLength | None:
    """The whole plan's length; None for an empty plan."""
    packages = list(packages)
    if not packages:
        return None
    return plan_length(
        min(p.starts_on for p in packages),
        max(p.ends_on for p in packages),
        shortest_months,
        longest_months,
    )


def is_overdue(package: Package, today: date) -> bool:
    return package.status != WorkStatus.DONE and package.ends_on < today


def starts_too_early(packages: Iterable[Package]) -> set[int]:
    """Ids of packages that start before the package they wait for ends."""
    by_id = {p.id: p for p in packages}
    return {
        p.id
        for p in by_id.values()
        if p.depends_on in by_id and p.starts_on < by_id[p.depends_on].ends_on
    }


def waits_on_overdue(packages: Iterable[Package], today: date) -> set[int]:
    """Ids of packages under way while the package they wait for is overdue."""
    by_id = {p.id: p for p in packages}
    return {
        p.id
        for p in by_id.values()
        if p.status == WorkStatus.IN_PROGRESS
        and p.depends_on in by_id
        and is_overdue(by_id[p.depends_on], today)
    }


def would_loop(dependencies: Mapping[int, int | None], package: int, on: int) -> bool:
    """Whether letting ``package`` wait for ``on`` closes a circle of waits."""
    seen = set()
    current: int | None = on
    while current is not None and current not in seen:
        if current == package:
            return True
        seen.add(current)
        current = dependencies.get(current)
    return False
