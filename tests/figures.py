"""One comparison for every path that sums sales per customer (the database,
the file reader) against the pandas reference: the same customers, the same
figures to the cent, and the same analysis on them."""

from datetime import date

import pandas as pd

from assessments.analysis import CUSTOMER_FIGURES, Parameters, analyse_figures

MONEY = ["monetary", "sales_12m", "sales_prior_12m", "profit_12m"]


def assert_same_figures(
    found: pd.DataFrame, reference: pd.DataFrame, as_of: date, use_profit: bool
) -> None:
    """Money is compared rounded to the cent: sums added in another order
    differ in the last bits, and the analysis compares them to the cent."""
    assert list(found.columns) == list(CUSTOMER_FIGURES)
    assert list(found.index) == list(reference.index)
    if reference.empty:  # every sale after the analysis date
        return
    loose = {"check_index_type": False, "check_names": False}
    pd.testing.assert_frame_equal(
        found.drop(columns=MONEY),
        reference.drop(columns=MONEY),
        check_dtype=False,
        **loose,
    )
    pd.testing.assert_frame_equal(
        found[MONEY].round(2), reference[MONEY].round(2), **loose
    )
    parameters = Parameters(as_of=pd.Timestamp(as_of), use_profit=use_profit)
    pd.testing.assert_frame_equal(
        analyse_figures(found, parameters).customers,
        analyse_figures(reference, parameters).customers,
        **loose,
    )
