"""The database's per-customer sums (figures_frame) against the reference that
sums every sale in pandas (customer_figures): same figures, same analysis, on
SQLite and PostgreSQL, on random sales full of ties, returns and empty days."""

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app.design.analyses import figures_frame
from app.extensions import db
from app.models import Customer, Transaction
from assessments.analysis import customer_figures
from tests.figures import assert_same_figures

AS_OF = date(2025, 12, 31)
CUSTOMERS = 6
# Few days and few amounts: many lines share a day, a day's lines cancel out,
# customers tie on every measure.
day = st.integers(-800, 30).map(lambda offset: AS_OF + timedelta(days=offset))
cents = st.sampled_from([-25000, -10000, -1, 0, 1, 10000, 15000, 25000, 33333])
sale = st.tuples(
    st.integers(0, CUSTOMERS - 1),
    day,
    cents,
    st.one_of(st.none(), st.sampled_from([-500, 0, 700, 1200])),
)


@pytest.fixture
def customer_ids(app, engagement):
    with app.app_context():
        customers = [
            Customer(engagement_id=engagement, account_number=f"C{n}", name=f"C{n}")
            for n in range(CUSTOMERS)
        ]
        db.session.add_all(customers)
        db.session.commit()
        return [customer.id for customer in customers]


def _store(engagement_id: int, ids: list[int], sales) -> pd.DataFrame:
    """The sales stored, and as the frame the reference sums up."""
    db.session.execute(delete(Transaction))
    rows = [
        Transaction(
            engagement_id=engagement_id,
            customer_id=ids[customer],
            occurred_on=day,
            amount=amount / 100,
            profit=None if profit is None else profit / 100,
        )
        for customer, day, amount, profit in sales
    ]
    db.session.add_all(rows)
    db.session.commit()
    frame = pd.DataFrame(
        [(r.customer_id, r.occurred_on, r.amount, r.profit) for r in rows],
        columns=["customer", "date", "amount", "profit"],
    )
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype({"profit": "float64"})


def _reference(frame: pd.DataFrame, use_profit: bool) -> pd.DataFrame:
    as_of = pd.Timestamp(AS_OF)
    figures = customer_figures(frame, as_of)
    if use_profit:  # as an analysis values them: a sale without profit has none
        valued = frame.fillna({"profit": 0.0})
        figures["monetary"] = customer_figures(valued, as_of, True)["monetary"]
    figures.index = figures.index.astype("int64")
    return figures.sort_index()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(sales=st.lists(sale, min_size=1, max_size=40), use_profit=st.booleans())
def test_the_database_sums_as_the_reference_does(
    app, engagement, customer_ids, sales, use_profit
):
    with app.app_context():
        frame = _store(engagement, customer_ids, sales)
        stored = figures_frame(engagement, AS_OF, use_profit)
    reference = _reference(frame, use_profit)
    assert_same_figures(stored, reference, AS_OF, use_profit)
