"""The balanced scorecard's arithmetic: a measure's status from its value and
thresholds, statuses rolled up, customer measures computed from an analysis,
and the length of the transition plan.

Decisions, pinned by tests:

- **Thresholds.** A measure has a green and an amber threshold. For a measure
  where higher is better: green when the value is at or above the green
  threshold, else amber when at or above the amber one, else red; where lower
  is better, the same with "at or below". The first rule that matches wins.
  Green must be at least as demanding as amber.
- **No value** is its own status: it is never counted as red or green.
- **Roll-up.** An objective or a perspective is as good as its worst measure
  that has a value ("a chain is as strong as its weakest link"); with no value
  at all it has no status.
- **Computed measures** take their value from the headline figures stored with
  an analysis (see ``assessments.figures``), so the scorecard shows the very
  figure of the analysis it names.
- **Plan length.** A transition plan shorter than 3 months or longer than 24
  (both configurable) gets a warning: the method warns against both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from assessments.planning import Direction


class Status(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NO_VALUE = "no_value"


#: Worst first: the order a roll-up reads.
_SEVERITY = (Status.RED, Status.AMBER, Status.GREEN)


@dataclass(frozen=True)
class Thresholds:
    green: float
    amber: float

    def is_consistent(self, direction: Direction) -> bool:
        """Whether green asks at least as much as amber in this direction."""
        if direction == Direction.HIGHER_IS_BETTER:
            return self.green >= self.amber
        return self.green <= self.amber


def status(value: float | None, direction: Direction, thresholds: Thresholds) -> Status:
    """The status of one value; the first matching rule wins."""
    if value is None:
        return Status.NO_VALUE
    reaches = (
        (lambda limit: value >= limit)
        if direction == Direction.HIGHER_IS_BETTER
        else (lambda limit: value <= limit)
    )
    if reaches(thresholds.green):
        return Status.GREEN
    if reaches(thresholds.amber):
        return Status.AMBER
    return Status.RED


def roll_up(statuses: Iterable[Status]) -> Status:
    """The worst status among those with a value; NO_VALUE when none has one."""
    present = set(statuses)
    return next((s for s in _SEVERITY if s in present), Status.NO_VALUE)


class ComputedMeasure(StrEnum):
    """Customer measures the scorecard computes from an analysis; each value
    names the figure it reads."""

    MVC_COUNT = "mvc_count"
    MVC_SHARE = "mvc_share"
    BZ_SHARE = "bz_share"
    CUSTOMERS_LOST = "lost_customers"
    RETENTION_12M = "retention_12m"
    AVERAGE_FREQUENCY = "average_frequency"
    AVERAGE_VALUE = "average_value"
    REVENUE_12M = "revenue_12m"
    PROFIT_12M = "profit_12m"
    VALUABLE_COMPLAINTS = "valuable_complaints"
    INTERACTIONS_PER_CUSTOMER = "interactions_per_customer"
    DECISION_MAKER_COVERAGE = "decision_maker_coverage"
    DATA_COMPLETENESS = "data_completeness"


def computed_value(
    measure: ComputedMeasure, figures: Mapping[str, float | int | None]
) -> float | None:
    """The measure's value in an analysis's figures (None when it has none,
    e.g. profit in data without profit)."""
    value = figures.get(measure.value)
    return None if value is None else float(value)


@dataclass(frozen=True)
class PlanLength:
    months: float
    too_short: bool
    too_long: bool


def plan_length(
    start: date, end: date, shortest_months: int = 3, longest_months: int = 24
) -> PlanLength:
    """How long a transition plan runs, and whether the method would warn."""
    months = (end - start).days / (365.25 / 12)
    return PlanLength(
        months=round(months, 1),
        too_short=months < shortest_months,
        too_long=months > longest_months,
    )
