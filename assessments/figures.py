"""The headline figures of one analysis: what the balanced scorecard's customer
measures are computed from, stored with the snapshot so that a measure always
shows the figure of the analysis it came from.

Definitions (the 12 months are those up to the analysis date, the year before
is the 12 months before them):

- ``mvc_share`` / ``bz_share``: percent of the analysed customers in the group
  (``mvc_share`` stays near the analysis's MVC setting by construction).
- ``mvc_value_share``: the MVC group's percent of the positive value of all
  customers: it moves when the best customers buy more or less.
- ``lost_customers``: customers with no order for a year or more.
- ``mvc_retention_12m``: of last year's most valuable customers (those whose
  net sales in the year before put them in the top share the analysis sets
  for the MVC group, ties kept together), the percent who bought again in the
  last 12 months; None without sales the year before. Unlike the MVC group's
  share of customers it moves when the best customers stay or leave.
- ``retention_12m``: of the customers who bought (net) in the year before,
  the percent who bought again in the last 12 months; None without such buyers.
- ``average_frequency`` / ``average_value``: means over the analysed customers.
- ``revenue_12m`` / ``profit_12m``: net sales (and profit, None when the data
  has none) of the last 12 months.
- ``valuable_complaints``: valuable customers (MVC or class A) who complained.
- ``interactions_per_customer``: interactions of the last 12 months per
  analysed customer.
- ``decision_maker_coverage`` / ``data_completeness``: from the data quality
  at the time, in percent.
"""

from __future__ import annotations

import pandas as pd

from assessments.analysis import yearly
from assessments.value_groups import Flag, GroupRules, ValueGroup, top_share_mask

FIGURES = (
    "customers",
    "mvc_count",
    "mvc_share",
    "mvc_value_share",
    "bz_share",
    "lost_customers",
    "retention_12m",
    "mvc_retention_12m",
    "average_frequency",
    "average_value",
    "revenue_12m",
    "profit_12m",
    "valuable_complaints",
    "interactions_per_customer",
    "decision_maker_coverage",
    "data_completeness",
)


def headline_figures(
    figures: pd.DataFrame,
    results: pd.DataFrame,
    interactions: int,
    quality: dict,
    mvc_share: float = GroupRules().mvc_share,
) -> dict[str, float | int | None]:
    """The figures above from the analysed customers' sums of their sales
    (``assessments.analysis.CUSTOMER_FIGURES``) and per-customer results
    (value_group, frequency, monetary and the flag columns); ``mvc_share`` is
    the analysis's MVC setting, which names last year's best customers."""
    count = len(results)
    groups = results["value_group"]
    this_year, last_year = yearly(figures)
    buyers_before = last_year[last_year > 0].index
    retained = this_year.reindex(buyers_before, fill_value=0) > 0
    best_before = last_year[buyers_before]
    best_before = best_before[top_share_mask(best_before, mvc_share)].index
    best_retained = this_year.reindex(best_before, fill_value=0) > 0
    profit = figures["profit_12m"]
    return {
        "customers": count,
        "mvc_count": int((groups == ValueGroup.MVC.value).sum()),
        "mvc_share": _percent((groups == ValueGroup.MVC.value).sum(), count),
        "mvc_value_share": _percent(
            results["monetary"][groups == ValueGroup.MVC.value].clip(lower=0).sum(),
            results["monetary"].clip(lower=0).sum(),
        ),
        "bz_share": _percent((groups == ValueGroup.BZ.value).sum(), count),
        "lost_customers": int(results[Flag.NO_ORDER_FOR_A_YEAR.value].sum()),
        "retention_12m": _percent(retained.sum(), len(retained))
        if len(retained)
        else None,
        "mvc_retention_12m": _percent(best_retained.sum(), len(best_retained))
        if len(best_retained)
        else None,
        "average_frequency": _mean(results["frequency"]),
        "average_value": _mean(results["monetary"]),
        "revenue_12m": round(float(this_year.sum()), 2),
        "profit_12m": round(float(profit.sum()), 2) if profit.notna().any() else None,
        "valuable_complaints": int(results[Flag.VALUABLE_COMPLAINED.value].sum()),
        "interactions_per_customer": round(interactions / count, 2) if count else None,
        "decision_maker_coverage": quality.get("decision_maker_coverage"),
        "data_completeness": quality.get("completeness"),
    }


def _percent(part, whole: int) -> float:
    return round(100 * float(part) / whole, 1) if whole else 0.0


def _mean(values: pd.Series) -> float | None:
    return round(float(values.mean()), 2) if len(values) else None
