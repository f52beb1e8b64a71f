import pandas as pd

from assessments.analysis import Parameters, analyse, customer_figures
from assessments.figures import FIGURES, headline_figures

AS_OF = pd.Timestamp("2026-06-30")


def sales(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["customer", "date", "amount", "profit"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def figures(frame, interactions=0, quality=None):
    results = analyse(frame, Parameters(as_of=AS_OF)).customers
    sums = customer_figures(frame, AS_OF)
    return headline_figures(sums, results, interactions, quality or {})


def test_figures_by_hand():
    frame = sales(
        # a: bought both years; b: only the year before (not retained); c: new
        ("a", "2025-03-01", 100.0, 10.0),
        ("a", "2026-03-01", 300.0, 30.0),
        ("b", "2025-02-01", 50.0, 5.0),
        ("c", "2026-05-01", 200.0, 20.0),
        ("c", "2026-05-02", -20.0, -2.0),  # a return inside the 12 months
        ("d", "2024-01-01", -80.0, -8.0),  # only a return, long ago: BZ and lost
    )
    result = figures(
        frame,
        interactions=6,
        quality={"decision_maker_coverage": 50.0, "completeness": 75.0},
    )
    assert set(result) == set(FIGURES)
    assert result["customers"] == 4
    assert result["mvc_count"] == 1 and result["mvc_share"] == 25.0  # a
    assert result["mvc_value_share"] == round(100 * 400 / 630, 1)  # a of a+b+c
    assert result["bz_share"] == 25.0  # d
    assert result["lost_customers"] == 2  # b (514 days) and d
    assert result["retention_12m"] == 50.0  # a of a, b
    assert result["mvc_retention_12m"] == 100.0  # a, the top 20 % of a, b
    assert result["revenue_12m"] == 480.0  # 300 + 200 - 20
    assert result["profit_12m"] == 48.0
    assert result["average_frequency"] == round((2 + 1 + 1 + 0) / 4, 2)
    assert result["average_value"] == round((400 + 50 + 180 - 80) / 4, 2)
    assert result["interactions_per_customer"] == 1.5
    assert result["decision_maker_coverage"] == 50.0
    assert result["data_completeness"] == 75.0


def test_no_buyers_the_year_before_means_no_retention_figure():
    frame = sales(("a", "2026-06-01", 10.0, None))
    result = figures(frame)
    assert result["retention_12m"] is None
    assert result["mvc_retention_12m"] is None
    assert result["profit_12m"] is None  # the data has no profit


def test_last_years_best_customers_retained_move_when_one_of_them_leaves():
    """Five buyers the year before; the top 20 % is the best two, tied (ties
    stay together). One of them buys again, the other is gone."""
    frame = sales(
        ("a", "2025-03-01", 500.0, None),
        ("b", "2025-03-01", 500.0, None),
        ("c", "2025-03-01", 100.0, None),
        ("d", "2025-03-01", 100.0, None),
        ("e", "2025-03-01", 100.0, None),
        ("a", "2026-03-01", 10.0, None),
        ("c", "2026-03-01", 10.0, None),
        ("d", "2026-03-01", 10.0, None),
        ("e", "2026-03-01", 10.0, None),
    )
    result = figures(frame)
    assert result["mvc_retention_12m"] == 50.0  # a of a, b
    assert result["retention_12m"] == 80.0  # a, c, d, e of five
