"""The demo's customer data: the client's files, read the way the mapping page
reads them, and loaded through the customer-data import with its rules."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.demo.customers import (
    SETTINGS,
    DemoFile,
    DemoImportFailed,
    customer_files,
    customers_file,
    import_files,
)
from app.design.import_file import Limits, Settings, guess_mapping, read_table, resolved
from app.extensions import db
from app.models import (
    Activity,
    Customer,
    Engagement,
    ImportRun,
    Snapshot,
    Transaction,
    User,
)
from assessments.oversight import ActivityKind


def test_the_demo_files_read_as_the_mapping_page_guesses_and_detects(tmp_path):
    for file in customer_files(date(2026, 6, 30)):
        path = tmp_path / file.filename
        path.write_bytes(file.content())
        table = read_table(path, file.filename, Settings(), Limits())
        assert guess_mapping(file.kind, table.headers) == file.mapping, file.filename
        assert (table.encoding, table.delimiter) == (
            SETTINGS.encoding,
            SETTINGS.delimiter,
        )
        assert resolved(table, file.mapping, Settings()) == (
            SETTINGS.decimal,
            SETTINGS.date_format,
        )
        assert len(table.frame) == len(file.rows)


def test_the_demo_loads_its_customer_data_through_the_import(app, runner):
    runner.invoke(args=["demo"])
    with app.app_context():
        runs = db.session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
        assert [run.kind for run in runs] == [
            "customers",
            "transactions",
            "interactions",
            "complaints",
        ]
        assert {run.imported_by.email for run in runs} == {"consultant@example.com"}
        counts = [{key: n for key, n in run.counts.items() if n} for run in runs]
        assert counts == [
            {"customers_created": 343, "contacts_created": 229},
            {"customers_unchanged": 343, "transactions_created": 6000},
            {"interactions_created": 86},
            {"complaints_created": 23},
        ]
        imported = db.session.scalar(
            select(func.count()).where(Activity.kind == ActivityKind.CUSTOMERS_IMPORTED)
        )
        assert imported == 4
        assert db.session.scalar(select(func.count()).select_from(Transaction)) == 6000
        latest = db.session.scalar(select(Snapshot).order_by(Snapshot.number.desc()))
        assert (latest.customer_count, latest.transaction_count) == (343, 6000)


def test_a_file_the_import_refuses_stops_the_demo_and_stores_none_of_it(app, factory):
    user_id = factory.user("demo-check@example.com")
    engagement_id = factory.engagement(user_id)
    good = {"account_number": "120.0001", "name": "Ege Makine", "city": "İzmir"}
    bad = {"account_number": "120.0002", "name": "Toros Metal"}
    bad["strategic_potential"] = "9"
    broken = customers_file([good, bad])
    with app.app_context():
        user = db.session.get(User, user_id)
        engagement = db.session.get(Engagement, engagement_id)
        with pytest.raises(DemoImportFailed) as refused:
            import_files(engagement, user, [broken])
        assert "row 3" in str(refused.value)
        assert "Stratejik Potansiyel" in str(refused.value)
        assert db.session.scalar(select(func.count()).select_from(Customer)) == 0
        assert db.session.scalar(select(func.count()).select_from(ImportRun)) == 0


def test_a_file_imported_again_adds_nothing(app, factory):
    """The import's matching holds for the demo: the same customers and sales
    a second time are unchanged and skipped, not doubled."""
    user_id = factory.user("demo-again@example.com")
    engagement_id = factory.engagement(user_id)
    customers, sales = customer_files(date(2026, 6, 30))[:2]
    few = DemoFile(sales.filename, sales.kind, sales.mapping, sales.rows[:50])
    with app.app_context():
        user = db.session.get(User, user_id)
        engagement = db.session.get(Engagement, engagement_id)
        import_files(engagement, user, [customers, few])
        again = import_files(engagement, user, [customers, few])
        assert again[0].counts["customers_unchanged"] == 343
        assert again[0].counts["customers_created"] == 0
        assert again[1].counts["transactions_skipped"] == 50
        stored = select(func.count()).where(Transaction.engagement_id == engagement_id)
        assert db.session.scalar(stored) == 50


def test_flask_demo_says_which_demo_file_the_import_refused(runner, monkeypatch):
    refused = customers_file([{"account_number": "120.0001", "name": ""}])
    monkeypatch.setattr("app.demo.design.customer_files", lambda today: [refused])
    result = runner.invoke(args=["demo"])
    assert result.exit_code != 0
    assert "The import refused a demo file" in result.output
    assert "cari-hesaplar.csv, row 2, column “Cari Ünvanı”" in result.output
