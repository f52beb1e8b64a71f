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
    return pd.Series(_top_share(values.to_numpy(dtype="float64"), share), values.index)


def _top_share(values: np.ndarray, share: float) -> np.ndarray:
    """``top_share_mask`` on an array: numpy positions, no index to look up."""
    if not len(values):
        return np.zeros(0, dtype=bool)
    count = max(1, int(np.ceil(len(values) * share)))
    threshold = np.partition(values, len(values) - count)[len(values) - count]
    return values >= threshold


#: The A/B/C classes by their codes 0, 1, 2.
_CLASSES = np.array(["A", "B", "C"], dtype=object)


def abc(values: pd.Series, rules: GroupRules = GroupRules()) -> pd.Series:
    """A, B or C by cumulative value share, equal values in one class."""
    return pd.Series(
        _CLASSES[_abc_codes(values.to_numpy("float64"), rules)], values.index
    )


def _abc_codes(values: np.ndarray, rules: GroupRules) -> np.ndarray:
    positive = values.clip(min=0)
    total = positive.sum()
    order = np.argsort(-positive, kind="stable")
    ordered = positive[order]
    before = np.cumsum(ordered) - ordered
    # Ties take the share before the first of them, so they share a class
    # (``before`` grows along the order, so the first is the least).
    starts = np.r_[True, ordered[1:] != ordered[:-1]] if len(ordered) else []
    before = before[np.maximum.accumulate(np.where(starts, np.arange(len(order)), 0))]
    # Rounded, so that 0.80 + 0.15 is 0.95 and not 0.9500000000000001.
    share = np.round(before / total if total > 0 else np.ones_like(before), 9)
    a_edge, b_edge = round(rules.a_share, 9), round(rules.a_share + rules.b_share, 9)
    codes = np.empty(len(values), dtype="int8")
    codes[order] = np.where(share < a_edge, 0, np.where(share < b_edge, 1, 2))
    return np.where(values > 0, codes, 2)


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
    value = result["monetary"].to_numpy(dtype="float64")
    extra = _aligned_frame(customers, result.index)
    this_year = _aligned(this_year, result.index)
    last_year = _aligned(last_year, result.index)
    potential = extra.get("potential", pd.Series(np.nan, index=result.index))

    below_zero = value < rules.cost_to_serve
    most_valuable = np.zeros(len(value), dtype=bool)
    most_valuable[~below_zero] = _top_share(value[~below_zero], rules.mvc_share)
    growing = (last_year > 0) & (this_year > last_year * (1 + rules.growth))
    high = (potential >= rules.high_potential).to_numpy()
    growable = ~below_zero & ~most_valuable & (high | growing)
    codes = np.select([below_zero, most_valuable, growable], [0, 1, 2], default=3)
    if overrides:
        known = [k for k in overrides if k in result.index]
        codes[result.index.get_indexer(known)] = [
            _GROUPS.index(overrides[k].value) for k in known
        ]
    abc_codes = _abc_codes(value, rules)
    # Text columns from small tables of their values: one lookup per
    # customer, not a string built for each.
    result["value_group"] = np.array(_GROUPS, dtype=object)[codes]
    result["abc"] = _CLASSES[abc_codes]
    valuable = (codes == _GROUPS.index(ValueGroup.MVC.value)) | (abc_codes == 0)
    flags = _flags(
        result, valuable, this_year, last_year, as_of, rules, extra, complaints
    )
    for flag, column in flags.items():
        result[flag.value] = column
    return result


#: The groups by their codes 0–3, in the order the rules decide them.
_GROUPS = tuple(g.value for g in (ValueGroup.BZ, ValueGroup.MVC, ValueGroup.MGC))
_GROUPS += (ValueGroup.OTHER.value,)


def _aligned(values: pd.Series, index: pd.Index) -> np.ndarray:
    """The values in the order of ``index`` (zero where missing)."""
    if values.index is not index and not values.index.equals(index):
        values = values.reindex(index, fill_value=0)
    return values.to_numpy(dtype="float64")


def _aligned_frame(customers: pd.DataFrame | None, index: pd.Index) -> pd.DataFrame:
    if customers is None:
        return pd.DataFrame(index=index)
    return customers.reindex(index)


def _flags(result, valuable, this_year, last_year, as_of, rules, extra, complaints):
    complained = np.zeros(len(result), dtype=bool)
    if complaints is not None and not complaints.empty:
        recent = complaints[
            (complaints[DATE] > as_of - pd.Timedelta(days=365))
            & (complaints[DATE] <= as_of)
        ]
        complained = result.index.isin(recent[CUSTOMER].unique())
    wallet = extra.get("share_of_wallet", pd.Series(np.nan, index=result.index))
    buyers = this_year > 0
    top = np.zeros(len(result), dtype=bool)
    top[buyers] = _top_share(this_year[buyers], rules.top_share)
    return {
        # "Last year's sales": the 12 months up to the analysis date.
        Flag.TOP_FIVE_PERCENT: top,
        Flag.NO_ORDER_FOR_A_YEAR: result["recency"].to_numpy() >= rules.inactive_days,
        Flag.VALUABLE_COMPLAINED: valuable & complained,
        Flag.ORDERED_LESS: (last_year > 0) & (this_year < last_year),
        Flag.BUYS_FROM_COMPETITORS: (
            wallet.notna() & (wallet < rules.wallet_share)
        ).to_numpy(),
    }
