"""The design analysis on 1,000,000 transactions of 100,000 customers.

    .venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python -m benchmarks.analysis

Generates a deterministic file, then times in one process: the product's
analysis end to end (read the CSV + measures, scores, grids, groups, A/B/C,
flags), a minimal reference (pandas read + groupby R/F/M + quintile scores) and
lifetimes' summary_data_from_transaction_data on the same frame, and prints the
ratios. Targets: product ≤ 2.5× the reference, faster than lifetimes, peak
memory ≤ 1.5 GB.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from assessments.analysis import Parameters, analyse
from assessments.transactions_file import read_transactions

CUSTOMERS = 100_000
TRANSACTIONS = 1_000_000
AS_OF = pd.Timestamp("2025-12-31")


def synthetic_file(folder: Path) -> Path:
    """Skewed, realistic-looking sales: many one-time buyers, a few heavy ones."""
    rng = np.random.default_rng(42)
    weights = rng.pareto(1.2, CUSTOMERS) + 1
    customers = rng.choice(CUSTOMERS, TRANSACTIONS, p=weights / weights.sum())
    days = rng.integers(0, 3 * 365, TRANSACTIONS)
    amounts = np.round(rng.lognormal(5, 1, TRANSACTIONS), 2)
    amounts[rng.random(TRANSACTIONS) < 0.01] *= -1  # returns
    frame = pd.DataFrame(
        {
            "customer": [f"{c:07d}" for c in customers],
            "date": (AS_OF - pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"),
            "amount": amounts,
        }
    )
    path = folder / "transactions.csv"
    frame.to_csv(path, index=False)
    return path


def product(path: Path) -> int:
    columns = {"customer": "customer", "date": "date", "amount": "amount"}
    transactions = read_transactions(path, columns, date_format="%Y-%m-%d")
    return len(analyse(transactions, Parameters(as_of=AS_OF)).customers)


def reference(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, parse_dates=["date"], dtype={"customer": "string"})
    rfm = frame.groupby("customer").agg(
        last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum")
    )
    rfm["recency"] = (AS_OF - rfm["last"]).dt.days
    for column in ("recency", "frequency", "monetary"):
        ranks = rfm[column].rank(method="first", pct=True).to_numpy()
        rfm[f"{column}_score"] = np.ceil(ranks * 5).astype(int)
    return frame


def timed(call, *args):
    start = time.perf_counter()
    result = call(*args)
    return time.perf_counter() - start, result


def main() -> None:
    from lifetimes.utils import summary_data_from_transaction_data

    with tempfile.TemporaryDirectory() as folder:
        path = synthetic_file(Path(folder))
        reference(path)  # warm the file cache and pandas
        ref_seconds, frame = timed(reference, path)
        product_seconds, customers = timed(product, path)
        lifetimes_seconds, _ = timed(
            summary_data_from_transaction_data,
            frame,
            "customer",
            "date",
            "amount",
            None,
            AS_OF,
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"customers analysed      {customers}")
    print(f"product (read+analyse)  {product_seconds:6.2f} s")
    print(
        f"minimal reference       {ref_seconds:6.2f} s   "
        f"ratio {product_seconds / ref_seconds:4.2f}x (target <= 2.5x)"
    )
    print(
        f"lifetimes summary       {lifetimes_seconds:6.2f} s   "
        f"product is {lifetimes_seconds / product_seconds:4.2f}x faster"
    )
    print(f"peak memory (process)   {peak_mb:6.0f} MB (target <= 1536 MB)")


if __name__ == "__main__":
    main()
