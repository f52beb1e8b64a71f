"""The balanced scorecard's arithmetic: a measure's status from its value and
thresholds, statuses rolled up, customer measures computed from an analysis,
and the periods values are kept in.

Decisions, pinned by tests:

- **Thresholds.** A measure has a green and an amber threshold. For a measure
  where higher is better: green when the value is at or above the green
  threshold, else amber when at or above the amber one, else red; where lower
  is better, the same with "at or below". The first rule that matches wins.
  Green must be at least as demanding as amber.
- **Thresholds from the plan.** A measure whose thresholds were not set yet
  judges by its plan: green at the target, amber halfway from the baseline to
  the target (without a baseline there is no amber). Without a target either,
  it has no status.
- **No value** is its own status: it is never counted as red or green.
- **Roll-up.** An objective or a perspective is as good as its worst measure
  that has a value ("a chain is as strong as its weakest link"); with no value
  at all it has no status.
- **Computed measures** take their value from the headline figures stored with
  an analysis (see ``assessments.figures``), so the scorecard shows the very
  figure of the analysis it names.
- **Periods.** Values are kept per month or per quarter; a computed value
  belongs to the period of its analysis date, and a later analysis in the same
  period replaces it.
- **Basis.** A measure of value groups keeps the basis it was set on
  (turnover or profit) and takes values only from analyses of that basis.
- **Customers above a value** count the analysed customers whose value (by
  the measure's basis) is at or above the amount kept with the measure.
"""

from __future__ import annotations

import re
import unicodedata
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


def target_worse_than_baseline(
    direction: Direction, baseline: float | None, target: float | None
) -> bool:
    """Whether the target asks for less than the starting point in the
    measure's own direction (a retention target of 70% from 78%, or 12
    complaints from 8 where fewer is better): a plan to get worse."""
    if baseline is None or target is None:
        return False
    if direction == Direction.HIGHER_IS_BETTER:
        return target < baseline
    return target > baseline


def thresholds_for(
    green: float | None,
    amber: float | None,
    target: float | None,
    baseline: float | None,
) -> Thresholds | None:
    """The thresholds a measure is judged by: its own, else its plan's."""
    if green is not None and amber is not None:
        return Thresholds(green, amber)
    if target is None:
        return None
    if baseline is None:
        return Thresholds(target, target)
    return Thresholds(target, round((baseline + target) / 2, 4))


def status(
    value: float | None, direction: Direction, thresholds: Thresholds | None
) -> Status:
    """The status of one value; the first matching rule wins."""
    if value is None or thresholds is None:
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
    MVC_VALUE_SHARE = "mvc_value_share"
    BZ_SHARE = "bz_share"
    CUSTOMERS_ABOVE_VALUE = "customers_above_value"
    CUSTOMERS_LOST = "lost_customers"
    RETENTION_12M = "retention_12m"
    MVC_RETENTION_12M = "mvc_retention_12m"
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


class Basis(StrEnum):
    """What an analysis ranks customers by, and so what a measure of value
    groups counts: a measure keeps its basis, so one run valued by profit does
    not swap the figures its chart compares."""

    TURNOVER = "turnover"
    PROFIT = "profit"


#: Computed measures whose figure depends on what customers are valued by;
#: the others (sales, profit, retention, data quality) read the same from any
#: analysis.
VALUED_BY_BASIS = frozenset(
    {
        ComputedMeasure.MVC_COUNT,
        ComputedMeasure.MVC_SHARE,
        ComputedMeasure.MVC_VALUE_SHARE,
        ComputedMeasure.BZ_SHARE,
        ComputedMeasure.CUSTOMERS_ABOVE_VALUE,
        ComputedMeasure.AVERAGE_VALUE,
        ComputedMeasure.VALUABLE_COMPLAINTS,
    }
)

#: Computed measures that count against an amount kept with the measure (the
#: value a customer must reach); each analysis's figure is counted from its
#: customers for that amount, not stored with the analysis.
NEEDS_AMOUNT = frozenset({ComputedMeasure.CUSTOMERS_ABOVE_VALUE})


#: Computed measures the analysis rules fix: the MVC group is the top share
#: of customers the analysis is set to, so its share of customers stays at
#: that setting whatever the customers do.
FIXED_BY_RULES = frozenset({ComputedMeasure.MVC_SHARE})


#: What a typed measure's name says it counts, in English and Turkish (words
#: without accents, see ``_plain``), for each figure the analyses compute; the
#: first match wins, so the narrower figures come first ("profit of the sales
#: department" is profit, not sales).
_NAMED_BY = (
    (
        ComputedMeasure.MVC_RETENTION_12M,
        r"(retention|retain|elde tut)\w*.*(mvc|most valuable|en degerli)"
        r"|(mvc|most valuable|en degerli)\w*.*(retention|retain|elde tut)",
    ),
    (
        ComputedMeasure.MVC_VALUE_SHARE,
        r"(mvc|most valuable|en degerli)\w*.*\b(share of (value|revenue|sales)"
        r"|(ciro|satis|deger)\w* pay)",
    ),
    (
        ComputedMeasure.MVC_COUNT,
        r"\b(number|count) of (mvc|most valuable)|en degerli musteri sayisi",
    ),
    (ComputedMeasure.PROFIT_12M, r"\bprofit|\bkar(i|in|imiz|li|lilik\w*)?\b"),
    (ComputedMeasure.DECISION_MAKER_COVERAGE, r"\bdecision.?maker|\bkarar verici"),
    (ComputedMeasure.VALUABLE_COMPLAINTS, r"\bcomplain|\bsikayet"),
    (ComputedMeasure.CUSTOMERS_LOST, r"\blost customer|\bchurn|\bkaybedilen|\bkayip"),
    (ComputedMeasure.RETENTION_12M, r"\bretention|\bretain|\belde tut|\bmusteri tutma"),
    (ComputedMeasure.BZ_SHARE, r"\bbelow.?zero|\bbz\b|\bsifirin altinda"),
    (ComputedMeasure.INTERACTIONS_PER_CUSTOMER, r"\binteraction|\betkilesim|\btemas"),
    (
        ComputedMeasure.DATA_COMPLETENESS,
        r"\bcompleteness|\bdata quality|\bveri kalite|\beksiksiz",
    ),
    (ComputedMeasure.AVERAGE_FREQUENCY, r"\bfrequency|\bsiklig|\bsiklik"),
    (
        ComputedMeasure.AVERAGE_VALUE,
        r"\baverage (customer )?value|\bortalama (musteri )?deger",
    ),
    (
        ComputedMeasure.REVENUE_12M,
        r"\brevenue|\bturnover|\b(net )?sales (revenue|volume|amount|of the last)"
        r"|\bnet sales|\bciro|\bsatis (tutar|hacm|gelir)",
    ),
)


def _plain(text: str) -> str:
    """Lower case without accents, the Turkish dotless i read as i: "Kârı"
    and "kari" name the same thing."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def named_figure(name: str) -> ComputedMeasure | None:
    """The figure of the customer data that a typed measure's name says it
    counts, if any: the measure could compute itself instead of being typed
    from the same data by hand."""
    plain = _plain(name)
    return next(
        (figure for figure, pattern in _NAMED_BY if re.search(pattern, plain)),
        None,
    )


def takes_from(measure: ComputedMeasure, basis: Basis, analysis_basis: Basis) -> bool:
    """Whether an analysis of that basis gives the measure a value."""
    return measure not in VALUED_BY_BASIS or basis == analysis_basis


class MeasureScope(StrEnum):
    """Whose performance a measure tracks: the scorecard's measures are the
    company's; KPIs index a department's or a person's work to the goals."""

    COMPANY = "company"
    DEPARTMENT = "department"
    PERSONAL = "personal"


class Period(StrEnum):
    """How often a measure gets a value."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


def period_start(day: date, period: Period) -> date:
    """The first day of the month or quarter the day falls in."""
    month = day.month if period == Period.MONTHLY else 3 * ((day.month - 1) // 3) + 1
    return date(day.year, month, 1)
