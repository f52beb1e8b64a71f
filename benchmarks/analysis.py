"""The customer analysis against the engines an analyst would reach for.

    .venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python -m benchmarks.analysis            # 1,000,000 transactions
    .venv/bin/python -m benchmarks.analysis --ten-million   # and 10,000,000
    scripts/with-postgres.sh .venv/bin/python -m benchmarks.analysis  # + PostgreSQL

Generates a deterministic sales file (one customer per ten transactions, skewed
like real sales: many one-time buyers, a few heavy ones, 1 % returns), then
times each engine in a process of its own, so that each peak memory is its
own: the product's ``flask analyze`` path (read the CSV, measures, scores,
grids, groups, A/B/C, flags), the product's analysis of the same sales stored
in SQLite (and PostgreSQL when TEST_POSTGRES_URL is set; one whole analysis
as a job runs it, storing the snapshot included; loading the database is not
timed), and R/F/M per customer with 1–5 scores in plain pandas, DuckDB
(read_csv, GROUP BY, NTILE) and Polars (scan_csv, group_by, rank). Prints
seconds, the ratio to the faster of DuckDB and Polars, and peak memory.
Goal (issue 17): the product ≤ 1.5× that, peak ≤ 1 GB at 10M.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

AS_OF = pd.Timestamp("2025-12-31")
MILLION = 1_000_000


def synthetic_file(folder: Path, transactions: int = MILLION) -> Path:
    """Skewed, realistic-looking sales: many one-time buyers, a few heavy ones."""
    customers = transactions // 10
    rng = np.random.default_rng(42)
    weights = rng.pareto(1.2, customers) + 1
    buyers = rng.choice(customers, transactions, p=weights / weights.sum())
    days = rng.integers(0, 3 * 365, transactions)
    amounts = np.round(rng.lognormal(5, 1, transactions), 2)
    amounts[rng.random(transactions) < 0.01] *= -1  # returns
    frame = pd.DataFrame(
        {
            "customer": pd.Series(buyers).map("{:07d}".format),
            "date": (AS_OF - pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d"),
            "amount": amounts,
        }
    )
    path = folder / f"transactions-{transactions}.csv"
    frame.to_csv(path, index=False)
    return path


# --- the engines, each run in a process of its own --------------------------


def product_file(path: Path) -> int:
    """What ``flask analyze`` does with the file."""
    from assessments.analysis import Parameters, analyse_figures
    from assessments.transactions_file import read_sales, sales_figures

    columns = {"customer": "customer", "date": "date", "amount": "amount"}
    sales = read_sales(path, columns, date_format="%Y-%m-%d")
    figures = sales_figures(sales, AS_OF.date())
    return len(analyse_figures(figures, Parameters(as_of=AS_OF)).customers)


def _stored_app(url: str):
    from app.factory import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "benchmark-secret-key-that-is-long-enough-0123",
        }
    )


def load_database(url: str, path: Path) -> None:
    """The file's sales stored by a raw bulk insert (not timed), and a user."""
    from app.extensions import db
    from app.models import SiteRole, User

    imports = importlib.import_module("benchmarks.import")
    app = imports._app(url)
    imports.raw(app, path)
    with app.app_context():
        db.session.add(
            User(email="bench@example.com", name="Bench", site_role=SiteRole.CONSULTANT)
        )
        db.session.commit()


def product_stored(url: str) -> int:
    """One analysis of the stored sales, as the job runs it (snapshot stored)."""
    from sqlalchemy import select

    from app.design import analyses
    from app.extensions import db
    from app.models import Engagement, User

    app = _stored_app(url)
    with app.app_context():
        engagement = db.session.scalars(select(Engagement)).first()
        user = db.session.scalars(select(User)).first()
        settings = analyses.Settings(as_of=AS_OF.date())
        return analyses.take_snapshot(engagement, settings, user).customer_count


def _scores(frame: pd.DataFrame) -> None:
    for column in ("recency", "frequency", "monetary"):
        ranks = frame[column].rank(method="first", pct=True).to_numpy()
        frame[f"{column}_score"] = np.ceil(ranks * 5).astype(int)


def pandas_reference(path: Path) -> int:
    frame = pd.read_csv(path, parse_dates=["date"], dtype={"customer": "string"})
    rfm = frame.groupby("customer").agg(
        last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum")
    )
    rfm["recency"] = (AS_OF - rfm["last"]).dt.days
    _scores(rfm)
    return len(rfm)


def duckdb_reference(path: Path) -> int:
    import duckdb

    query = f"""
        WITH rfm AS (
            SELECT customer, DATE '{AS_OF:%Y-%m-%d}' - max(date) AS recency,
                   count(*) AS frequency, sum(amount) AS monetary
            FROM read_csv(?, types={{'customer': 'VARCHAR', 'date': 'DATE'}})
            GROUP BY customer
        )
        SELECT customer, NTILE(5) OVER (ORDER BY recency DESC) AS r,
               NTILE(5) OVER (ORDER BY frequency) AS f,
               NTILE(5) OVER (ORDER BY monetary) AS m
        FROM rfm
    """  # noqa: S608 (a fixed date, the path is a parameter)
    return len(duckdb.execute(query, [str(path)]).fetchall())


def polars_reference(path: Path) -> int:
    import polars as pl

    rfm = (
        pl.scan_csv(path, schema_overrides={"customer": pl.String, "date": pl.Date})
        .group_by("customer")
        .agg(
            recency=(pl.lit(AS_OF.date()) - pl.col("date").max()).dt.total_days(),
            frequency=pl.len(),
            monetary=pl.col("amount").sum(),
        )
        .with_columns(
            (pl.col(c).rank("ordinal") * 5 / pl.len()).ceil().alias(f"{c}_score")
            for c in ("recency", "frequency", "monetary")
        )
        .collect()
    )
    return rfm.height


ENGINES = {
    "product: flask analyze (file)": lambda target: product_file(Path(target)),
    "product: analysis of stored sales": product_stored,
    "plain pandas": lambda target: pandas_reference(Path(target)),
    "DuckDB": lambda target: duckdb_reference(Path(target)),
    "Polars": lambda target: polars_reference(Path(target)),
}
REFERENCES = ("DuckDB", "Polars")


def _run_one(engine: str, target: str) -> None:
    """In the child: time the engine once, print seconds, customers, peak MB."""
    start = time.perf_counter()
    customers = ENGINES[engine](target)
    seconds = time.perf_counter() - start
    peak = _peak_megabytes()
    print(f"{seconds} {customers} {peak}")


def _peak_megabytes() -> float:
    """This process's peak resident memory: VmHWM starts anew with the
    program (ru_maxrss would keep the parent's from before the exec)."""
    status = Path("/proc/self/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmHWM"))
    return int(line.split()[1]) / 1024


def _in_child(*arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.analysis", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def measure(transactions: int, folder: Path) -> None:
    path = synthetic_file(folder, transactions)
    pd.read_csv(path)  # warm the file cache
    databases = {"SQLite": f"sqlite:///{folder / f'bench-{transactions}.sqlite'}"}
    if os.environ.get("TEST_POSTGRES_URL"):
        databases["PostgreSQL"] = os.environ["TEST_POSTGRES_URL"]
    rows = []
    for engine in ENGINES:
        if engine == "product: analysis of stored sales":
            for name, url in databases.items():
                _in_child("--load", url, str(path))
                rows.append((f"{engine} ({name})", _in_child("--run", engine, url)))
        else:
            rows.append((engine, _in_child("--run", engine, str(path))))
    results = {
        name: tuple(map(float, out.splitlines()[-1].split())) for name, out in rows
    }
    fastest = min(results[name][0] for name in REFERENCES)
    print(f"\n{transactions:,} transactions, as of {AS_OF:%Y-%m-%d}")
    print(f"{'engine':46} {'seconds':>8} {'× fastest':>10} {'peak MB':>8} customers")
    for name, (seconds, customers, peak) in results.items():
        print(
            f"{name:46} {seconds:8.2f} {seconds / fastest:9.1f}× "
            f"{peak:8.0f} {customers:,.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ten-million", action="store_true", help="also at 10M")
    parser.add_argument("--run", nargs=2, metavar=("ENGINE", "TARGET"))
    parser.add_argument("--load", nargs=2, metavar=("URL", "FILE"))
    arguments = parser.parse_args()
    if arguments.run:
        return _run_one(*arguments.run)
    if arguments.load:
        return load_database(arguments.load[0], Path(arguments.load[1]))
    with tempfile.TemporaryDirectory() as folder:
        for transactions in (MILLION, 10 * MILLION)[
            : 2 if arguments.ten_million else 1
        ]:
            measure(transactions, Path(folder))


if __name__ == "__main__":
    main()
