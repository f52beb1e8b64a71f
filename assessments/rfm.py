"""Recency, frequency and monetary value per customer, their 1–5 scores, and the
RF and MF grids — vectorised over a transactions DataFrame.

Decisions, pinned by tests:

- Only transactions on or before the analysis date count.
- A *purchase* is a day on which the customer's lines add up to more than zero:
  several lines on one day are one purchase, and a return (a negative line)
  lowers the day's total but is never a purchase of its own.
- Recency is the days from the last purchase to the analysis date; a customer
  with no purchase (only returns) gets the days since their last line.
- Monetary is the net sum of amounts (or of profit, when chosen), in cents.
- Scores: **customers with equal values always get equal scores**. Band edges
  are the quintiles of the *distinct* values (or fixed edges given by hand,
  Novo-style); a value on an edge goes to the upper band. Recency scores run the
  other way: 5 is the most recent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

SCORES = (1, 2, 3, 4, 5)
#: Required columns of the transactions frame.
CUSTOMER, DATE, AMOUNT, PROFIT = "customer", "date", "amount", "profit"


@dataclass(frozen=True)
class Bands:
    """Hand-set band edges: four ascending cut points per measure (None: quintiles)."""

    recency: Sequence[float] | None = None
    frequency: Sequence[float] | None = None
    monetary: Sequence[float] | None = None


def measure(
    transactions: pd.DataFrame, as_of: pd.Timestamp, use_profit: bool = False
) -> pd.DataFrame:
    """Per customer: recency (days), frequency (purchases) and monetary value."""
    value_column = PROFIT if use_profit else AMOUNT
    frame = transactions.loc[transactions[DATE] <= as_of, [CUSTOMER, DATE, AMOUNT]]
    frame = frame.assign(
        value=transactions.loc[frame.index, value_column],
        day=frame[DATE].dt.normalize(),
    )
    days = frame.groupby([CUSTOMER, "day"], sort=False)[AMOUNT].sum().reset_index()
    purchases = days[days[AMOUNT] > 0]
    per_customer = pd.DataFrame(
        {
            "last_line": frame.groupby(CUSTOMER)["day"].max(),
            "monetary": frame.groupby(CUSTOMER)["value"].sum().round(2),
        }
    )
    per_customer["last_purchase"] = purchases.groupby(CUSTOMER)["day"].max()
    per_customer["frequency"] = (
        purchases.groupby(CUSTOMER).size().reindex(per_customer.index, fill_value=0)
    )
    last = per_customer["last_purchase"].fillna(per_customer["last_line"])
    per_customer["recency"] = (as_of.normalize() - last).dt.days
    per_customer.index.name = CUSTOMER
    return per_customer[["recency", "frequency", "monetary"]].astype(
        {"recency": "int64", "frequency": "int64", "monetary": "float64"}
    )


def quintile_edges(values: pd.Series) -> np.ndarray:
    """Four cut points at the quintiles of the distinct values."""
    distinct = np.unique(values.to_numpy(dtype="float64"))
    if len(distinct) == 0:
        return np.zeros(4)
    return np.quantile(distinct, [0.2, 0.4, 0.6, 0.8])


def band(
    values: pd.Series, edges: Sequence[float], higher_is_better: bool = True
) -> pd.Series:
    """Scores 1–5 from four ascending edges; equal values share a score."""
    edges = np.asarray(edges, dtype="float64")
    if edges.shape != (4,) or np.any(np.diff(edges) < 0):
        raise ValueError("band edges must be four ascending numbers")
    position = np.searchsorted(edges, values.to_numpy(dtype="float64"), side="right")
    scores = position + 1 if higher_is_better else 5 - position
    return pd.Series(scores.astype("int8"), index=values.index)


def score(measures: pd.DataFrame, bands: Bands = Bands()) -> pd.DataFrame:
    """Add r_score, f_score and m_score (1–5) and the rf_cell / mf_cell labels."""
    scored = measures.copy()
    for column, edges, higher in (
        ("recency", bands.recency, False),
        ("frequency", bands.frequency, True),
        ("monetary", bands.monetary, True),
    ):
        cuts = quintile_edges(measures[column]) if edges is None else edges
        scored[f"{column[0]}_score"] = band(measures[column], cuts, higher)
    scored["rf_cell"] = _cell(scored["r_score"], scored["f_score"])
    scored["mf_cell"] = _cell(scored["m_score"], scored["f_score"])
    return scored


def _cell(first: pd.Series, second: pd.Series) -> pd.Series:
    return first.astype("string") + second.astype("string")


def grid(scored: pd.DataFrame, rows: str, value: str = "monetary") -> dict:
    """A 5×5 grid of customer counts and value per cell (rows × f_score).

    Every cell is present, empty ones with zero, so that the counts always add
    up to the number of customers.
    """
    index = pd.MultiIndex.from_product([SCORES, SCORES], names=[rows, "f_score"])
    grouped = scored.groupby([rows, "f_score"])
    counts = grouped.size().reindex(index, fill_value=0)
    values = grouped[value].sum().reindex(index, fill_value=0.0).round(2)
    return {
        "counts": counts.unstack().to_numpy().tolist(),
        "values": values.unstack().to_numpy().tolist(),
    }
