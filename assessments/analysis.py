"""One analysis of a company's customers: measures, scores, grids, groups, flags.

This is what a snapshot stores and what ``flask analyze`` writes; it is a pure
function of its inputs, so the page, the report and the command line agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from assessments import rfm
from assessments.value_groups import Flag, GroupRules, ValueGroup, classify

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
    and profit when ``use_profit``)."""
    # Customer ids as a category: every grouping below then works on integer codes.
    transactions = transactions.assign(
        **{rfm.CUSTOMER: transactions[rfm.CUSTOMER].astype("category")}
    )
    measures = rfm.measure(transactions, parameters.as_of, parameters.use_profit)
    scored = rfm.score(measures, parameters.bands)
    classified = classify(
        scored,
        transactions,
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
