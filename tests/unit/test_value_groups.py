"""Value groups, A/B/C and the rule flags."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.analysis import COLUMNS, Parameters, analyse
from assessments.value_groups import Flag, GroupRules, ValueGroup, abc, top_share_mask

AS_OF = pd.Timestamp("2025-12-31")


def transactions(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer", "date", "amount"]).assign(
        date=lambda f: pd.to_datetime(f["date"])
    )


def run(rows, **options):
    return analyse(transactions(rows), Parameters(as_of=AS_OF), **options).customers


def test_groups_by_hand():
    rows = [(f"c{i}", "2025-12-01", 100.0 * (i + 1)) for i in range(10)]
    rows.append(("loss", "2025-12-01", -20.0))
    rows += [("grow", "2024-06-01", 100.0), ("grow", "2025-06-01", 150.0)]
    result = run(rows)
    groups = result["value_group"]
    assert groups["loss"] == ValueGroup.BZ
    assert set(groups[groups == ValueGroup.MVC].index) == {"c9", "c8", "c7"}
    assert groups["grow"] == ValueGroup.MGC  # spent 50% more than the year before
    assert groups["c0"] == ValueGroup.OTHER


def test_high_strategic_potential_makes_a_customer_growable():
    rows = [(f"c{i}", "2025-12-01", 10.0 * (i + 1)) for i in range(10)]
    potential = pd.DataFrame({"potential": [5]}, index=["c0"])
    assert run(rows, customers=potential).loc["c0", "value_group"] == ValueGroup.MGC


def test_a_strategic_override_wins():
    rows = [(f"c{i}", "2025-12-01", 10.0 * (i + 1)) for i in range(10)]
    result = run(rows, overrides={"c0": ValueGroup.MVC, "ghost": ValueGroup.BZ})
    assert result.loc["c0", "value_group"] == ValueGroup.MVC
    assert "ghost" not in result.index


def test_ties_at_the_mvc_boundary_are_all_in():
    values = pd.Series([50.0, 50.0, 50.0, 10.0, 5.0], index=list("abcde"))
    assert top_share_mask(values, 0.2).tolist() == [True, True, True, False, False]


def test_abc_edges():
    values = pd.Series([80.0, 15.0, 5.0, 0.0, -3.0], index=list("abcde"))
    # shares before: a 0%, b 80%, c 95% -> A, B, C; zero and negative are C
    assert abc(values).tolist() == ["A", "B", "C", "C", "C"]


def test_tied_values_share_an_abc_class():
    values = pd.Series([40.0, 40.0, 40.0, 40.0, 1.0])
    assert abc(values).tolist()[:4] == ["A"] * 4


def test_abc_shares_are_configurable():
    values = pd.Series([50.0, 30.0, 20.0])
    rules = GroupRules(a_share=0.5, b_share=0.3)
    assert abc(values, rules).tolist() == ["A", "B", "C"]


def test_rule_flags():
    rows = [
        ("big", "2025-06-01", 1000.0),
        ("gone", "2024-10-01", 50.0),
        ("less", "2024-06-01", 300.0),
        ("less", "2025-06-01", 100.0),
    ] + [(f"c{i}", "2025-06-01", 10.0 + i) for i in range(20)]
    complaints = pd.DataFrame(
        {
            "customer": ["big", "c1"],
            "date": pd.to_datetime(["2025-09-01", "2025-09-01"]),
        }
    )
    wallet = pd.DataFrame({"share_of_wallet": [0.3, 0.9]}, index=["c2", "c3"])
    result = run(rows, complaints=complaints, customers=wallet)
    flagged = {flag: set(result.index[result[flag.value]]) for flag in Flag}
    assert flagged[Flag.TOP_FIVE_PERCENT] == {"big", "less"}
    assert flagged[Flag.NO_ORDER_FOR_A_YEAR] == {"gone"}
    assert flagged[Flag.VALUABLE_COMPLAINED] == {"big"}  # c1 complained but is small
    assert flagged[Flag.ORDERED_LESS] == {"less", "gone"}  # gone: nothing this year
    assert flagged[Flag.BUYS_FROM_COMPETITORS] == {"c2"}


def test_the_analysis_has_every_column_and_grids_that_add_up():
    rows = [(f"c{i}", f"2025-{1 + i % 12:02d}-10", 5.0 * (i + 1)) for i in range(40)]
    analysis = analyse(transactions(rows), Parameters(as_of=AS_OF))
    assert list(analysis.customers.columns) == list(COLUMNS)
    assert sum(map(sum, analysis.rf_grid["counts"])) == 40
    assert sum(map(sum, analysis.mf_grid["counts"])) == 40


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 15), st.integers(0, 700), st.integers(-100, 400)),
        min_size=1,
        max_size=60,
    )
)
def test_groups_and_classes_partition_the_customers(rows):
    frame = pd.DataFrame(
        {
            "customer": [f"c{c}" for c, _, _ in rows],
            "date": [AS_OF - pd.Timedelta(days=d) for _, d, _ in rows],
            "amount": [float(a) for _, _, a in rows],
        }
    )
    result = analyse(frame, Parameters(as_of=AS_OF)).customers
    assert result["value_group"].isin([g.value for g in ValueGroup]).all()
    assert result["abc"].isin(["A", "B", "C"]).all()
    assert result.index.is_unique
    assert set(result.index) == set(frame["customer"])


def test_no_sales_in_the_year_before_is_no_decline_even_with_many_customers():
    # 200 integer ids: pandas' categorical codes widen past 127 customers.
    frame = pd.DataFrame(
        {
            "customer": range(200),
            "date": pd.Timestamp("2026-03-01"),
            "amount": 10.0,
        }
    )
    result = analyse(frame, Parameters(as_of=pd.Timestamp("2026-06-30"))).customers
    assert len(result) == 200
    assert not result[Flag.ORDERED_LESS.value].any()
