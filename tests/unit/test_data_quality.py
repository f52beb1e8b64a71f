from datetime import date

import pandas as pd

from assessments.data_quality import KEY_FIELDS, per_customer, report

AS_OF = pd.Timestamp("2026-06-30")


def customers(*rows: dict) -> pd.DataFrame:
    blank = dict.fromkeys(KEY_FIELDS, "") | {
        "strategic_potential": None,
        "lifecycle_stage": None,
        "last_verified_on": None,
    }
    frame = pd.DataFrame([blank | row for row in rows])
    frame.index = range(1, len(rows) + 1)
    return frame


def full(**extra) -> dict:
    return (
        {name: "x" for name in KEY_FIELDS if name != "strategic_potential"}
        | {"strategic_potential": 4, "last_verified_on": date(2026, 1, 1)}
        | extra
    )


def test_a_complete_verified_customer_with_a_decision_maker_is_perfect():
    rows = per_customer(customers(full()), pd.Index([1]), AS_OF)
    assert rows.loc[1].tolist() == [100.0, True, False]


def test_blank_text_counts_as_missing():
    rows = per_customer(customers(full(city="   ", email="")), pd.Index([]), AS_OF)
    assert rows.loc[1, "completeness"] == round(7 / 9 * 100, 1)


def test_never_verified_and_older_than_a_year_are_stale_and_a_year_is_not():
    frame = customers(
        full(last_verified_on=None),
        full(last_verified_on=date(2025, 6, 29)),
        full(last_verified_on=date(2025, 6, 30)),
    )
    assert per_customer(frame, pd.Index([]), AS_OF)["stale"].tolist() == [
        True,
        True,
        False,
    ]


def test_report_sums_up_the_customers():
    frame = customers(full(), {"name": "Only a name"})
    result = report(frame, pd.Index([1]), AS_OF)
    assert result.customers == 2
    assert result.decision_maker_coverage == 50.0
    assert result.stale == 1 and result.stale_share == 50.0
    assert result.fields["name"] == 100.0 and result.fields["phone"] == 50.0
    assert result.completeness == round((100 + 100 / 9) / 2, 1)


def test_no_customers_gives_zeroes_not_errors():
    result = report(
        customers().reindex(columns=[*KEY_FIELDS, "last_verified_on"]),
        pd.Index([]),
        AS_OF,
    )
    assert (result.customers, result.completeness, result.stale_share) == (0, 0.0, 0.0)
