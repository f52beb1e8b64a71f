"""A snapshot taken from the database, and the customer list, at 100,000
customers with 1,000,000 transactions.

    .venv/bin/python -m benchmarks.customers

Loads the synthetic sales of benchmarks.analysis into the demo engagement on a
throw-away SQLite database, then times: one analysis from the database (read +
analyse + store 100,000 results; target ≤ 5 s), and 200 requests of the
customer list cycling through pages, two searches, a group and a rule filter
(target p95 ≤ 100 ms); a common rule and a deep page are timed apart.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from sqlalchemy import insert, select

from app.design import analyses
from app.extensions import db
from app.models import Customer, Engagement, Transaction, User
from benchmarks.analysis import AS_OF, synthetic_file
from benchmarks.demo_client import demo_client
from benchmarks.pages import p95

REQUESTS = 200
_CHUNK = 50_000


def load(engagement_id: int, path: Path) -> int:
    """The synthetic customers and sales, bulk-inserted; returns the rows."""
    sales = pd.read_csv(path, dtype={"customer": "string"})
    numbers = sales["customer"].unique()
    db.session.execute(
        insert(Customer),
        [
            {"engagement_id": engagement_id, "account_number": f"B{n}", "name": f"F{n}"}
            for n in numbers
        ],
    )
    ids = dict(
        db.session.execute(
            select(Customer.account_number, Customer.id).where(
                Customer.engagement_id == engagement_id
            )
        ).all()
    )
    sales["customer_id"] = ("B" + sales["customer"]).map(ids)
    sales["occurred_on"] = pd.to_datetime(sales["date"]).dt.date
    records = (
        sales[["customer_id", "occurred_on", "amount"]]
        .assign(engagement_id=engagement_id)
        .to_dict("records")
    )
    for start in range(0, len(records), _CHUNK):
        db.session.execute(insert(Transaction), records[start : start + _CHUNK])
    db.session.commit()
    return len(records)


def main() -> None:
    with demo_client() as client, tempfile.TemporaryDirectory() as folder:
        app = client.application
        with app.app_context():
            engagement = db.session.scalar(select(Engagement).order_by(Engagement.id))
            user = db.session.scalar(select(User))
            rows = load(engagement.id, synthetic_file(Path(folder)))
            start = time.perf_counter()
            snapshot = analyses.take_snapshot(
                engagement, analyses.Settings(as_of=AS_OF.date()), user
            )
            seconds = time.perf_counter() - start
            print(f"transactions in the database   {rows:,}")
            print(
                f"snapshot from the database     {seconds:6.2f} s for "
                f"{snapshot.customer_count:,} customers (target <= 5 s)"
            )
            engagement_id = engagement.id
        base = f"/engagements/{engagement_id}/design/customers"
        paths = [f"{base}?page={page}" for page in (1, 2, 50, 500)]
        paths += [f"{base}?q={text}" for text in ("F00123", "no such name")]
        paths += [f"{base}?group=mvc", f"{base}?flag=top_five_percent"]
        for path in [*paths, f"{base}?flag=ordered_less", f"{base}?page=1800"]:
            assert client.get(path).status_code == 200
            begin = time.perf_counter()
            client.get(path)
            elapsed = (time.perf_counter() - begin) * 1000
            print(f"  {path.removeprefix(base):<28} {elapsed:6.1f} ms")
        durations = []
        for index in range(REQUESTS):
            begin = time.perf_counter()
            client.get(paths[index % len(paths)])
            durations.append(time.perf_counter() - begin)
        print(
            f"customer list                  p50 "
            f"{statistics.median(durations) * 1000:6.1f} ms   p95 "
            f"{p95(durations) * 1000:6.1f} ms ({REQUESTS} requests; target <= 100 ms)"
        )


if __name__ == "__main__":
    main()
