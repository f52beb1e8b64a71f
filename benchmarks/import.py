"""The customer-data import of 1,000,000 transactions of 100,000 customers.

    scripts/with-postgres.sh .venv/bin/python -m benchmarks.import

(without scripts/with-postgres.sh, or TEST_POSTGRES_URL, PostgreSQL is skipped)

Generates the analysis benchmark's deterministic sales file, then times in one
process, for SQLite and for PostgreSQL: the product's import (read and check
the whole CSV, plan, commit in one transaction) into an empty engagement, and a
raw bulk insert of the same rows (sqlite3 executemany / psycopg COPY of
prepared rows, ids assigned up front) into another. Target: product ≤ 3× raw.
"""

from __future__ import annotations

import csv
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.design import import_service
from app.design.import_file import ImportRequest, Kind, Limits, Settings
from app.extensions import db
from app.factory import create_app
from app.models import CompanySize, Customer, Engagement, Transaction
from benchmarks.analysis import synthetic_file

MAPPING = {"account_number": "customer", "occurred_on": "date", "amount": "amount"}


def _app(url: str):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "benchmark-secret-key-that-is-long-enough-0123",
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    return app


def _engagement(name: str) -> int:
    engagement = Engagement(
        name=name,
        sector="Food",
        size=CompanySize.MEDIUM,
        country="TR",
        currency="TRY",
        report_language="tr",
    )
    db.session.add(engagement)
    db.session.commit()
    return engagement.id


def product(app, path: Path) -> tuple[float, dict]:
    """The import as the commit route runs it."""
    with app.app_context():
        engagement_id = _engagement("product")
        upload = import_service.Upload("benchmark", path.name, path)
        start = time.perf_counter()
        request = ImportRequest(Kind.TRANSACTIONS, Settings(), MAPPING)
        plan = import_service.plan(
            engagement_id, upload, request, Limits(), date.today()
        )
        assert plan.ok, plan.problems[:3]
        run = import_service.commit(engagement_id, None, path.name, plan)
        seconds = time.perf_counter() - start
        return seconds, run.counts


def prepared_rows(path: Path, engagement_id: int, first_id: int):
    """The file's customers and sales as insert-ready tuples (not timed)."""
    ids: dict[str, int] = {}
    sales = []
    with path.open(newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for account, day, amount in reader:
            customer_id = ids.setdefault(account, first_id + len(ids))
            sales.append((engagement_id, customer_id, day, float(amount), None, ""))
    stamp = "2026-01-01 00:00:00.000000"
    customers = [
        (i, engagement_id, account, account, "", "", "", "", "", "", "", stamp, stamp)
        for account, i in ids.items()
    ]
    return customers, sales


CUSTOMER_COLUMNS = (
    "id, engagement_id, account_number, name, title, address, city, phone, email,"
    " sector, customisation_notes, created_at, updated_at"
)
SALE_COLUMNS = "engagement_id, customer_id, occurred_on, amount, profit, product"


def raw(app, path: Path) -> float:
    """sqlite3 executemany, or COPY, of the same rows."""
    with app.app_context():
        engagement_id = _engagement("reference")
        first_id = (db.session.scalar(select(db.func.max(Customer.id))) or 0) + 1
        customers, sales = prepared_rows(path, engagement_id, first_id)
        dialect = db.engine.dialect.name
        connection = db.engine.raw_connection()
    try:
        driver = connection.driver_connection
        start = time.perf_counter()
        if dialect == "postgresql":
            with driver.cursor() as cursor:
                with cursor.copy(
                    f"COPY customers ({CUSTOMER_COLUMNS}) FROM STDIN"
                ) as c:
                    for row in customers:
                        c.write_row(row)
                with cursor.copy(f"COPY transactions ({SALE_COLUMNS}) FROM STDIN") as c:
                    for row in sales:
                        c.write_row(row)
                # The ids were given: move the sequence past them.
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence('customers', 'id'),"
                    " (SELECT max(id) FROM customers))"
                )
        else:
            cursor = driver.cursor()
            marks = ", ".join("?" * 13)
            cursor.executemany(
                f"INSERT INTO customers ({CUSTOMER_COLUMNS}) VALUES ({marks})",  # noqa: S608
                customers,
            )
            cursor.executemany(
                f"INSERT INTO transactions ({SALE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
                sales,
            )
        driver.commit()
        return time.perf_counter() - start
    finally:
        connection.close()


def _count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(db.func.count(Transaction.id)))


def measure(label: str, url: str, path: Path) -> None:
    app = _app(url)
    reference = raw(app, path)
    seconds, counts = product(app, path)
    assert _count(app) == 2 * counts["transactions_created"]
    print(f"{label}: product import {seconds:6.2f} s   ({counts})")
    print(
        f"{label}: raw bulk insert {reference:6.2f} s   "
        f"ratio {seconds / reference:4.2f}x (target <= 3x)"
    )
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = synthetic_file(Path(folder))
        print(f"file: {path.stat().st_size / 1024 / 1024:.0f} MB")
        measure("sqlite", f"sqlite:///{Path(folder) / 'bench.sqlite'}", path)
        postgres = os.environ.get("TEST_POSTGRES_URL")
        if postgres:
            measure("postgresql", postgres, path)
        else:
            print("postgresql: skipped (TEST_POSTGRES_URL is not set; run through")
            print("            scripts/with-postgres.sh)")


if __name__ == "__main__":
    main()
