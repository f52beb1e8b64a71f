"""R/F/M, scores and grids on small hand-computed data."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments import rfm

AS_OF = pd.Timestamp("2025-12-31")


def frame(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer", "date", "amount"]).assign(
        date=lambda f: pd.to_datetime(f["date"])
    )


def test_recency_frequency_and_monetary_by_hand():
    measures = rfm.measure(
        frame(
            [
                ("A", "2025-12-01", 100.0),
                ("A", "2025-12-21", 50.0),
                ("B", "2025-06-30", 20.0),
            ]
        ),
        AS_OF,
    )
    assert measures.loc["A"].tolist() == [10, 2, 150.0]
    assert measures.loc["B"].tolist() == [184, 1, 20.0]


def test_several_lines_on_one_day_are_one_purchase():
    measures = rfm.measure(
        frame([("A", "2025-12-01 09:00", 10.0), ("A", "2025-12-01 17:00", 5.0)]), AS_OF
    )
    assert measures.loc["A", "frequency"] == 1
    assert measures.loc["A", "monetary"] == 15.0


def test_a_return_lowers_value_but_is_no_purchase():
    measures = rfm.measure(
        frame([("A", "2025-11-01", 100.0), ("A", "2025-12-20", -30.0)]), AS_OF
    )
    assert measures.loc["A"].tolist() == [60, 1, 70.0]


def test_a_customer_with_only_returns_has_no_purchase():
    measures = rfm.measure(frame([("R", "2025-12-30", -10.0)]), AS_OF)
    assert measures.loc["R"].tolist() == [1, 0, -10.0]


def test_transactions_after_the_analysis_date_do_not_count():
    measures = rfm.measure(
        frame([("A", "2025-12-01", 10.0), ("A", "2026-01-05", 99.0)]), AS_OF
    )
    assert measures.loc["A"].tolist() == [30, 1, 10.0]


def test_profit_can_replace_turnover_as_monetary_value():
    rows = frame([("A", "2025-12-01", 100.0), ("B", "2025-12-02", 80.0)])
    rows["profit"] = [-5.0, 12.5]
    measures = rfm.measure(rows, AS_OF, use_profit=True)
    assert measures["monetary"].tolist() == [-5.0, 12.5]


def test_equal_values_get_equal_scores_and_five_distinct_values_use_five_scores():
    values = pd.Series([1, 1, 2, 3, 3, 3, 4, 5, 5], index=list("abcdefghi"))
    scores = rfm.band(values, rfm.quintile_edges(values))
    assert scores.groupby(values).nunique().max() == 1
    assert sorted(scores.unique()) == [1, 2, 3, 4, 5]


def test_seven_customers_split_by_their_distinct_values():
    values = pd.Series([10, 20, 30, 40, 50, 60, 70])
    # quintiles of the distinct values: 22, 34, 46, 58
    assert rfm.band(values, rfm.quintile_edges(values)).tolist() == [
        1,
        1,
        2,
        3,
        4,
        5,
        5,
    ]


def test_recency_scores_run_backwards():
    days = pd.Series([1, 400])
    assert rfm.band(days, [30, 90, 180, 365], higher_is_better=False).tolist() == [5, 1]


def test_fixed_bands_put_a_value_on_an_edge_in_the_upper_band():
    assert rfm.band(pd.Series([2, 1]), [2, 3, 5, 8]).tolist() == [2, 1]


@pytest.mark.parametrize("edges", [[1, 2, 3], [3, 2, 1, 0]])
def test_band_edges_must_be_four_ascending_numbers(edges):
    with pytest.raises(ValueError):
        rfm.band(pd.Series([1]), edges)


def test_half_single_purchase_customers_share_one_frequency_score():
    rows = [(f"c{i}", "2025-12-01", 10.0) for i in range(50)]
    rows += [
        (f"r{i}", day, 10.0) for i in range(50) for day in ("2025-11-01", "2025-12-01")
    ]
    scored = rfm.score(rfm.measure(frame(rows), AS_OF))
    single = scored[scored["frequency"] == 1]["f_score"]
    assert single.nunique() == 1


def test_grids_add_up_to_the_customers():
    rows = [
        (f"c{i}", f"2025-{1 + i % 12:02d}-15", 10.0 * (i % 7 + 1)) for i in range(60)
    ]
    scored = rfm.score(rfm.measure(frame(rows), AS_OF))
    for rows_by in ("r_score", "m_score"):
        cells = rfm.grid(scored, rows_by)
        assert sum(map(sum, cells["counts"])) == len(scored)
        assert sum(map(sum, cells["values"])) == pytest.approx(scored["monetary"].sum())
        assert len(cells["counts"]) == 5 and all(
            len(row) == 5 for row in cells["counts"]
        )


purchases = st.lists(
    st.tuples(
        st.sampled_from([f"c{i}" for i in range(12)]),
        st.integers(min_value=0, max_value=800),
        st.integers(min_value=-50, max_value=500),
    ),
    min_size=1,
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(purchases)
def test_scores_are_in_range_consistent_with_ties_and_one_cell_each(rows):
    transactions = pd.DataFrame(
        {
            "customer": [c for c, _, _ in rows],
            "date": [AS_OF - pd.Timedelta(days=d) for _, d, _ in rows],
            "amount": [float(a) for _, _, a in rows],
        }
    )
    scored = rfm.score(rfm.measure(transactions, AS_OF))
    for measure_column in ("recency", "frequency", "monetary"):
        score_column = f"{measure_column[0]}_score"
        assert scored[score_column].between(1, 5).all()
        assert (scored.groupby(measure_column)[score_column].nunique() == 1).all()
    assert sum(map(sum, rfm.grid(scored, "r_score")["counts"])) == len(scored)
