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
    return measures(figures(transactions, as_of, use_profit), as_of)


def figures(
    transactions: pd.DataFrame, as_of: pd.Timestamp, use_profit: bool = False
) -> pd.DataFrame:
    """Per customer: the day of the last purchase (``last``), the purchases
    (``frequency``) and the value (``monetary``), from every sale.

    A database computes the same with GROUP BY (``app.design.analyses``); this
    is the reference for files, and for tests. It works on integer codes and
    day numbers with numpy, not on strings: a million transactions take a
    fraction of a second. Money is counted in cents: a day whose lines add up
    to less than a cent is no purchase, whatever order the lines are summed in.
    """
    frame = transactions[transactions[DATE] <= as_of]
    codes, customers = pd.factorize(frame[CUSTOMER])
    count = len(customers)
    days = frame[DATE].to_numpy().astype("datetime64[D]").astype("int64")
    amounts = frame[AMOUNT].to_numpy(dtype="float64")
    value_column = PROFIT if use_profit else AMOUNT
    values = frame[value_column].to_numpy(dtype="float64")

    first_day = days.min() if len(days) else 0
    span = int(days.max() - first_day + 1) if len(days) else 1
    keys = codes.astype("int64") * span + (days - first_day)
    day_keys, day_index = np.unique(keys, return_inverse=True)
    day_totals = np.round(np.bincount(day_index, weights=amounts), 2)
    purchase_keys = day_keys[day_totals > 0]  # sorted by customer, then day

    last_line = _last_per_customer(day_keys, span, count)
    last_purchase = _last_per_customer(purchase_keys, span, count)
    last = np.where(last_purchase >= 0, last_purchase, last_line) + first_day
    return pd.DataFrame(
        {
            "last": last.astype("datetime64[D]").astype("datetime64[ns]"),
            "frequency": np.bincount(purchase_keys // span, minlength=count).astype(
                "int64"
            ),
            "monetary": np.bincount(codes, weights=values, minlength=count),
        },
        index=pd.Index(customers, name=CUSTOMER),
    )


def measures(figures: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Recency (days from ``last`` to the analysis date), frequency and
    monetary value (to the cent) from per-customer figures: however they were
    summed up, from a file or by a database."""
    last = figures["last"].to_numpy().astype("datetime64[D]").astype("int64")
    as_of_day = np.datetime64(as_of.normalize(), "D").astype("int64")
    return pd.DataFrame(
        {
            "recency": (as_of_day - last).astype("int64"),
            "frequency": figures["frequency"].to_numpy().astype("int64"),
            "monetary": np.round(figures["monetary"].to_numpy(dtype="float64"), 2),
        },
        index=figures.index,
    )


def _last_per_customer(sorted_keys: np.ndarray, span: int, count: int) -> np.ndarray:
    """Each customer's last day offset in keys sorted by (customer, day), or -1."""
    last = np.full(count, -1, dtype="int64")
    if len(sorted_keys):
        customer = sorted_keys // span
        ends = np.r_[np.nonzero(np.diff(customer))[0], len(customer) - 1]
        last[customer[ends]] = sorted_keys[ends] % span
    return last


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


#: "11" … "55", looked up by 10 × first score + second score.
_CELLS = np.array([f"{code:02d}" for code in range(100)], dtype=object)


def _cell(first: pd.Series, second: pd.Series) -> pd.Series:
    """The two scores as one label ("53"): one lookup per customer."""
    codes = first.to_numpy().astype("int64") * 10 + second.to_numpy()
    return pd.Series(_CELLS[codes], index=first.index)


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
