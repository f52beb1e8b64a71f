"""Comparing two analyses."""

import pandas as pd

from assessments.snapshots import LOST, NEW, compare


def analysis(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["customer", "value_group", "rf_cell"]).set_index(
        "customer"
    )


BEFORE = analysis(
    [("a", "mvc", "55"), ("b", "other", "33"), ("c", "mgc", "44"), ("gone", "bz", "11")]
)
AFTER = analysis(
    [
        ("a", "mgc", "45"),
        ("b", "mvc", "53"),
        ("c", "mgc", "44"),
        ("fresh", "other", "51"),
    ]
)


def test_who_moved_up_down_came_and_left():
    movement = compare(BEFORE, AFTER)
    assert movement.moved_up == ("b",)
    assert movement.moved_down == ("a",)
    assert (movement.new, movement.lost) == (1, 1)


def test_the_group_matrix_counts_every_customer_once():
    groups = compare(BEFORE, AFTER).groups
    assert groups.loc["mvc", "mgc"] == 1
    assert groups.loc["other", "mvc"] == 1
    assert groups.loc["mgc", "mgc"] == 1
    assert groups.loc[NEW, "other"] == 1
    assert groups.loc["bz", LOST] == 1
    assert groups.to_numpy().sum() == 5  # a, b, c, gone, fresh


def test_rf_cells_migrate_too():
    cells = compare(BEFORE, AFTER).rf_cells
    assert cells.loc["55", "45"] == 1
    assert cells.loc["44", "44"] == 1
    assert cells.to_numpy().sum() == 5


def test_an_analysis_compared_with_itself_moves_nobody():
    movement = compare(AFTER, AFTER)
    assert movement.moved_up == movement.moved_down == ()
    assert (movement.new, movement.lost) == (0, 0)
