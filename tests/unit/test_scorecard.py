from datetime import date

import pytest

from assessments.figures import FIGURES
from assessments.planning import Direction
from assessments.scorecard import (
    NEEDS_AMOUNT,
    ComputedMeasure,
    Period,
    Status,
    Thresholds,
    computed_value,
    named_figure,
    period_start,
    roll_up,
    status,
    target_worse_than_baseline,
    thresholds_for,
)

HIGHER, LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (95, Status.GREEN),
        (90, Status.GREEN),
        (89.9, Status.AMBER),
        (75, Status.AMBER),
        (74.9, Status.RED),
        (0, Status.RED),
    ],
)
def test_higher_is_better_edges_belong_to_the_better_status(value, expected):
    assert status(value, HIGHER, Thresholds(green=90, amber=75)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, Status.GREEN),
        (5, Status.GREEN),
        (5.1, Status.AMBER),
        (10, Status.AMBER),
        (10.1, Status.RED),
    ],
)
def test_lower_is_better_mirrors_them(value, expected):
    assert status(value, LOWER, Thresholds(green=5, amber=10)) == expected


def test_no_value_is_its_own_status():
    assert status(None, HIGHER, Thresholds(90, 75)) == Status.NO_VALUE


def test_equal_thresholds_leave_no_amber():
    assert status(80, HIGHER, Thresholds(90, 90)) == Status.RED


def test_thresholds_must_ask_more_for_green():
    assert Thresholds(90, 75).is_consistent(HIGHER)
    assert not Thresholds(75, 90).is_consistent(HIGHER)
    assert Thresholds(5, 10).is_consistent(LOWER)
    assert not Thresholds(10, 5).is_consistent(LOWER)


def test_roll_up_is_the_worst_measure_with_a_value():
    assert roll_up([Status.GREEN, Status.AMBER, Status.NO_VALUE]) == Status.AMBER
    assert roll_up([Status.GREEN, Status.RED]) == Status.RED
    assert roll_up([Status.GREEN, Status.NO_VALUE]) == Status.GREEN
    assert roll_up([Status.NO_VALUE]) == Status.NO_VALUE
    assert roll_up([]) == Status.NO_VALUE


def test_every_computed_measure_reads_a_stored_figure():
    """...except those counted for an amount of the measure's own."""
    stored = {
        measure.value for measure in ComputedMeasure if measure not in NEEDS_AMOUNT
    }
    assert stored <= set(FIGURES)
    figures = {"mvc_share": 20.0, "profit_12m": None, "mvc_count": 7}
    assert computed_value(ComputedMeasure.MVC_SHARE, figures) == 20.0
    assert computed_value(ComputedMeasure.MVC_COUNT, figures) == 7.0
    assert computed_value(ComputedMeasure.PROFIT_12M, figures) is None
    assert computed_value(ComputedMeasure.RETENTION_12M, figures) is None


@pytest.mark.parametrize(
    ("day", "period", "start"),
    [
        (date(2026, 5, 17), Period.MONTHLY, date(2026, 5, 1)),
        (date(2026, 5, 17), Period.QUARTERLY, date(2026, 4, 1)),
        (date(2026, 3, 31), Period.QUARTERLY, date(2026, 1, 1)),
        (date(2026, 12, 1), Period.QUARTERLY, date(2026, 10, 1)),
    ],
)
def test_a_value_belongs_to_the_month_or_quarter_of_its_date(day, period, start):
    assert period_start(day, period) == start


def test_unset_thresholds_fall_back_on_the_plan():
    assert thresholds_for(80, 60, target=90, baseline=50) == Thresholds(80, 60)
    assert thresholds_for(None, None, target=90, baseline=50) == Thresholds(90, 70)
    assert thresholds_for(None, 60, target=5, baseline=None) == Thresholds(5, 5)
    assert thresholds_for(None, None, target=None, baseline=50) is None
    assert status(95, HIGHER, None) == Status.NO_VALUE
    lower = thresholds_for(None, None, target=2, baseline=10)
    assert status(6, LOWER, lower) == Status.AMBER
    assert status(6.5, LOWER, lower) == Status.RED


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "worse"),
    [
        (Direction.HIGHER_IS_BETTER, 78.0, 70.0, True),
        (Direction.HIGHER_IS_BETTER, 78.0, 78.0, False),
        (Direction.HIGHER_IS_BETTER, 78.0, 90.0, False),
        (Direction.LOWER_IS_BETTER, 8.0, 12.0, True),
        (Direction.LOWER_IS_BETTER, 8.0, 5.0, False),
        (Direction.LOWER_IS_BETTER, None, 5.0, False),
    ],
)
def test_a_target_below_the_baseline_in_its_direction_is_worse(
    direction, baseline, target, worse
):
    """DOMAIN.md, measuring: each measure has a baseline, a target and a
    direction (higher or lower is better); a target is where it should get to."""
    assert target_worse_than_baseline(direction, baseline, target) is worse


@pytest.mark.parametrize(
    ("name", "figure"),
    [
        ("Profit of the sales department for the last 12 months", "profit_12m"),
        ("Satış departmanının son 12 aylık KÂRI", "profit_12m"),
        ("Net sales of the last 12 months", "revenue_12m"),
        ("Bayi cirosu", "revenue_12m"),
        ("Retention of our most valuable customers", "mvc_retention_12m"),
        ("En değerli müşterileri elde tutma", "mvc_retention_12m"),
        ("Dealer retention", "retention_12m"),
        ("Karar verici kapsamı", "decision_maker_coverage"),
        ("Şikâyet eden değerli müşteriler", "valuable_complaints"),
        ("MVC share of revenue", "mvc_value_share"),
        # words that only look like a figure's
        ("Karar süresi", None),
        ("Kara liste", None),
        ("Sales calls per week", None),
        ("Eğitim saatleri", None),
    ],
)
def test_a_measures_name_says_which_figure_of_the_data_it_counts(name, figure):
    assert named_figure(name) == (figure and ComputedMeasure(figure))
