"""Value groups (MVC / MGC / BZ / others), A/B/C classes and the method's rule
flags, per customer, vectorised.

Default rules, each configurable through ``GroupRules``:

- **BZ** (below zero): the customer's value is below the cost to serve
  (default 0: a negative profit, or net returns).
- **MVC** (most valuable): not BZ, and value at or above the value of the
  customer at the top ``mvc_share`` (default 20%) — customers tied with that
  customer are all in.
- **MGC** (most growable): neither BZ nor MVC, and either a strategic potential
  of 4–5 or spending that grew by ``growth`` (default 10%) over the year before.
- **OTHER**: everyone else. The groups are exhaustive and disjoint; a
  consultant's strategic override wins over all of them.
- **A/B/C**: customers by value, highest first; a customer is A while the
  value share of everyone ranked above is below 80%, B below 95%, else C
  (defaults 80/15/5). Tied values share a class; zero or negative value is C.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from assessments.rfm import AMOUNT, CUSTOMER, DATE


class ValueGroup(StrEnum):
    MVC = "mvc"
    MGC = "mgc"
    BZ = "bz"
    OTHER = "other"


class Flag(StrEnum):
    """The rules of the method's differentiation table."""

    TOP_FIVE_PERCENT = "top_five_percent"
    NO_ORDER_FOR_A_YEAR = "no_order_for_a_year"
    VALUABLE_COMPLAINED = "valuable_complained"
    ORDERED_LESS = "ordered_less"
    BUYS_FROM_COMPETITORS = "buys_from_competitors"


@dataclass(frozen=True)
class GroupRules:
    cost_to_serve: float = 0.0
    mvc_share: float = 0.20
    growth: float = 0.10
    high_potential: int = 4
    a_share: float = 0.80
    b_share: float = 0.15
    top_share: float = 0.05
    inactive_days: int = 365
    #: share of wallet below which a customer buys more from competitors
    wallet_share: float = 0.5


def top_share_mask(values: pd.Series, share: float) -> pd.Series:
    """Customers at or above the value of the customer at the top ``share``."""
    if values.empty:
        return pd.Series(False, index=values.index)
    count = max(1, int(np.ceil(len(values) * share)))
    threshold = values.nlargest(count).min()
    return values >= threshold


def abc(values: pd.Series, rules: GroupRules = GroupRules()) -> pd.Series:
    """A, B or C by cumulative value share, equal values in one class."""
    positive = values.clip(lower=0)
    total = positive.sum()
    ordered = positive.sort_values(ascending=False, kind="stable")
    before = ordered.cumsum() - ordered
    # Ties take the share before the first of them, so they share a class.
    before = before.groupby(ordered).transform("min")
    # Rounded, so that 0.80 + 0.15 is 0.95 and not 0.9500000000000001.
    share = (before / total if total > 0 else before * 0 + 1).round(9)
    a_edge, b_edge = round(rules.a_share, 9), round(rules.a_share + rules.b_share, 9)
    classes = np.where(share < a_edge, "A", np.where(share < b_edge, "B", "C"))
    result = pd.Series(classes, index=ordered.index).reindex(values.index)
    return result.where(values > 0, "C")


def yearly_sales(
    transactions: pd.DataFrame, as_of: pd.Timestamp
) -> tuple[pd.Series, pd.Series]:
    """Net sales per customer: the 12 months to the analysis date, and the 12 before."""
    year = pd.Timedelta(days=365)
    dates = transactions[DATE]
    this = transactions[(dates > as_of - year) & (dates <= as_of)]
    last = transactions[(dates > as_of - 2 * year) & (dates <= as_of - year)]
    return (
        this.groupby(CUSTOMER, observed=True)[AMOUNT].sum(),
        last.groupby(CUSTOMER, observed=True)[AMOUNT].sum(),
    )


def classify(
    scored: pd.DataFrame,
    this_year: pd.Series,
    last_year: pd.Series,
    as_of: pd.Timestamp,
    rules: GroupRules = GroupRules(),
    customers: pd.DataFrame | None = None,
    complaints: pd.DataFrame | None = None,
    overrides: Mapping[str, ValueGroup] | None = None,
) -> pd.DataFrame:
    """Add value_group, abc and one boolean column per flag.

    ``this_year`` and ``last_year`` are each customer's net sales of the 12
    months to the analysis date and of the 12 before, indexed like ``scored``
    (zero without sales; see ``yearly_sales``). ``customers`` may carry ``potential``
    (1–5) and ``share_of_wallet`` (0–1), indexed by customer; ``complaints``
    has customer and date columns.
    """
    result = scored.copy()
    value = result["monetary"]
    extra = (customers if customers is not None else pd.DataFrame()).reindex(
        result.index
    )
    potential = extra.get("potential", pd.Series(np.nan, index=result.index))

    below_zero = value < rules.cost_to_serve
    most_valuable = ~below_zero & top_share_mask(
        value[~below_zero], rules.mvc_share
    ).reindex(result.index, fill_value=False)
    growing = (last_year > 0) & (this_year > last_year * (1 + rules.growth))
    growable = (
        ~below_zero & ~most_valuable & ((potential >= rules.high_potential) | growing)
    )
    groups = np.select(
        [below_zero, most_valuable, growable],
        [ValueGroup.BZ.value, ValueGroup.MVC.value, ValueGroup.MGC.value],
        default=ValueGroup.OTHER.value,
    )
    result["value_group"] = pd.Series(groups, index=result.index)
    if overrides:
        known = {k: v.value for k, v in overrides.items() if k in result.index}
        result.loc[list(known), "value_group"] = list(known.values())
    result["abc"] = abc(value, rules)

    flags = _flags(result, this_year, last_year, as_of, rules, extra, complaints)
    for flag, column in flags.items():
        result[flag.value] = column
    return result


def _flags(result, this_year, last_year, as_of, rules, extra, complaints):
    valuable = result["value_group"].eq(ValueGroup.MVC.value) | result["abc"].eq("A")
    complained = pd.Series(False, index=result.index)
    if complaints is not None and not complaints.empty:
        recent = complaints[
            (complaints[DATE] > as_of - pd.Timedelta(days=365))
            & (complaints[DATE] <= as_of)
        ]
        complained = result.index.isin(recent[CUSTOMER].unique())
    wallet = extra.get("share_of_wallet", pd.Series(np.nan, index=result.index))
    buyers = this_year[this_year > 0]
    return {
        # "Last year's sales": the 12 months up to the analysis date.
        Flag.TOP_FIVE_PERCENT: top_share_mask(buyers, rules.top_share).reindex(
            result.index, fill_value=False
        ),
        Flag.NO_ORDER_FOR_A_YEAR: result["recency"] >= rules.inactive_days,
        Flag.VALUABLE_COMPLAINED: valuable & complained,
        Flag.ORDERED_LESS: (last_year > 0) & (this_year < last_year),
        Flag.BUYS_FROM_COMPETITORS: wallet.notna() & (wallet < rules.wallet_share),
    }
