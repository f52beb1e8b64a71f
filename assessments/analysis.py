"""One analysis of a company's customers: measures, scores, grids, groups, flags.

This is what a snapshot stores and what ``flask analyze`` writes; it is a pure
function of its inputs, so the page, the report and the command line agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from assessments import rfm
from assessments.value_groups import (
    Flag,
    GroupRules,
    ValueGroup,
    classify,
    yearly_sales,
)

#: The per-customer columns of an analysis, in the order files show them.
COLUMNS = (
    "recency",
    "frequency",
    "monetary",
    "r_score",
    "f_score",
    "m_score",
    "rf_cell",
    "mf_cell",
    "value_group",
    "abc",
    *(flag.value for flag in Flag),
)


#: What an analysis needs of each customer's sales, one row per customer: the
#: day of the last purchase (of the last line, for a customer with only
#: returns), the purchases (days whose lines add up to more than zero), the
#: value (net amount, or profit), net sales of the 12 months to the analysis
#: date and of the 12 before, profit of those 12 months (NaN when no line has
#: one) and the lines (sales and returns) on or before the analysis date.
CUSTOMER_FIGURES = (
    "last",
    "frequency",
    "monetary",
    "sales_12m",
    "sales_prior_12m",
    "profit_12m",
    "lines",
)


@dataclass(frozen=True)
class Parameters:
    as_of: pd.Timestamp
    use_profit: bool = False
    bands: rfm.Bands = field(default_factory=rfm.Bands)
    rules: GroupRules = field(default_factory=GroupRules)


@dataclass(frozen=True)
class Analysis:
    parameters: Parameters
    #: one row per customer, indexed by customer, with COLUMNS
    customers: pd.DataFrame
    rf_grid: dict
    mf_grid: dict


def analyse(
    transactions: pd.DataFrame,
    parameters: Parameters,
    customers: pd.DataFrame | None = None,
    complaints: pd.DataFrame | None = None,
    overrides: Mapping[str, ValueGroup] | None = None,
) -> Analysis:
    """Run the whole analysis over a transactions frame (customer, date, amount,
    and profit when ``use_profit``): sum it up per customer, then analyse the
    sums, exactly as an analysis of stored sales does."""
    return analyse_figures(
        customer_figures(transactions, parameters.as_of, parameters.use_profit),
        parameters,
        customers=customers,
        complaints=complaints,
        overrides=overrides,
    )


def customer_figures(
    transactions: pd.DataFrame, as_of: pd.Timestamp, use_profit: bool = False
) -> pd.DataFrame:
    """The CUSTOMER_FIGURES of each customer with a sale on or before ``as_of``, from
    every sale: the reference that the database's GROUP BY of stored sales
    must match (a property test holds them to it)."""
    # Customer ids as a category: every grouping below then works on integer codes.
    transactions = transactions.assign(
        **{rfm.CUSTOMER: transactions[rfm.CUSTOMER].astype("category")}
    )
    figures = rfm.figures(transactions, as_of, use_profit)
    this_year, last_year = yearly_sales(transactions, as_of)
    dated = transactions[transactions[rfm.DATE] <= as_of]
    recent = dated[dated[rfm.DATE] > as_of - pd.Timedelta(days=365)]
    profit = (
        recent.groupby(rfm.CUSTOMER, observed=True)[rfm.PROFIT].sum(min_count=1)
        if rfm.PROFIT in recent
        else pd.Series(dtype="float64")
    )
    return figures.assign(
        sales_12m=_per_customer(this_year, figures.index, 0.0),
        sales_prior_12m=_per_customer(last_year, figures.index, 0.0),
        profit_12m=_per_customer(profit, figures.index, np.nan),
        lines=dated.groupby(rfm.CUSTOMER, observed=True).size().reindex(figures.index),
    )


def _per_customer(values: pd.Series, index: pd.Index, fill: float) -> pd.Series:
    # An empty series is all ``fill`` (pandas cannot reindex an empty
    # categorical index onto a larger one).
    if len(values):
        return values.astype("float64").reindex(index, fill_value=fill)
    return pd.Series(fill, index=index, dtype="float64")


def yearly(figures: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Net sales of the 12 months to the analysis date and of the 12 before,
    to the cent: equal sums compare equal, whatever order they were added in."""
    return figures["sales_12m"].round(2), figures["sales_prior_12m"].round(2)


def analyse_figures(
    figures: pd.DataFrame,
    parameters: Parameters,
    customers: pd.DataFrame | None = None,
    complaints: pd.DataFrame | None = None,
    overrides: Mapping[str, ValueGroup] | None = None,
) -> Analysis:
    """Run the whole analysis over CUSTOMER_FIGURES (one row per customer
    with a sale on or before the analysis date): the one implementation of the
    scores, groups and flags, whether the sums come from a file or a database."""
    scored = rfm.score(rfm.measures(figures, parameters.as_of), parameters.bands)
    classified = classify(
        scored,
        *yearly(figures),
        parameters.as_of,
        parameters.rules,
        customers=customers,
        complaints=complaints,
        overrides=overrides,
    )
    return Analysis(
        parameters=parameters,
        customers=classified[list(COLUMNS)],
        rf_grid=rfm.grid(classified, "r_score"),
        mf_grid=rfm.grid(classified, "m_score"),
    )
