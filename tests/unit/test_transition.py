from datetime import date

from assessments.transition import (
    Package,
    WorkStatus,
    is_overdue,
    plan_length,
    span,
    starts_too_early,
    waits_on_overdue,
    would_loop,
)


def test_plan_length_warns_below_three_and_above_twenty_four_months():
    assert plan_length(date(2026, 1, 1), date(2026, 3, 1)).too_short
    fine = plan_length(date(2026, 1, 1), date(2026, 12, 31))
    assert not (fine.too_short or fine.too_long) and fine.months == 12.0
    assert plan_length(date(2026, 1, 1), date(2028, 3, 1)).too_long
    assert not plan_length(
        date(2026, 1, 1), date(2028, 3, 1), longest_months=36
    ).too_long
    assert plan_length(date(2026, 1, 1), date(2026, 6, 1), shortest_months=6).too_short


def _package(id, start, end, status=WorkStatus.PLANNED, depends_on=None):
    return Package(id, start, end, status, depends_on)


def test_the_plan_runs_from_the_earliest_start_to_the_latest_end():
    packages = [
        _package(1, date(2026, 3, 1), date(2026, 4, 1)),
        _package(2, date(2026, 1, 1), date(2026, 2, 1)),
        _package(3, date(2026, 2, 1), date(2026, 8, 1)),
    ]
    length = span(packages)
    assert (length.start, length.end) == (date(2026, 1, 1), date(2026, 8, 1))
    assert not length.too_short
    assert span([]) is None


def test_overdue_means_past_its_end_and_not_done():
    package = _package(1, date(2026, 1, 1), date(2026, 2, 1))
    assert not is_overdue(package, date(2026, 2, 1))
    assert is_overdue(package, date(2026, 2, 2))
    done = _package(1, date(2026, 1, 1), date(2026, 2, 1), WorkStatus.DONE)
    assert not is_overdue(done, date(2027, 1, 1))


def test_a_package_should_not_start_before_the_one_it_waits_for_ends():
    packages = [
        _package(1, date(2026, 1, 1), date(2026, 3, 1)),
        _package(2, date(2026, 2, 1), date(2026, 4, 1), depends_on=1),
        _package(3, date(2026, 3, 1), date(2026, 5, 1), depends_on=1),
    ]
    assert starts_too_early(packages) == {2}


def test_a_chain_of_waits_must_not_close_a_circle():
    dependencies = {1: None, 2: 1, 3: 2}
    assert would_loop(dependencies, package=1, on=3)
    assert would_loop(dependencies, package=1, on=1)
    assert not would_loop(dependencies, package=3, on=1)
    assert not would_loop({1: 2, 2: 1}, package=3, on=1)  # an old circle ends


def test_a_package_under_way_on_an_overdue_one_is_flagged():
    today = date(2026, 12, 3)
    late = _package(1, date(2026, 9, 1), date(2026, 11, 1), WorkStatus.IN_PROGRESS)
    done = _package(2, date(2026, 9, 1), date(2026, 11, 1), WorkStatus.DONE)
    packages = [
        late,
        done,
        _package(3, date(2026, 11, 2), date(2027, 1, 1), WorkStatus.IN_PROGRESS, 1),
        _package(4, date(2026, 11, 2), date(2027, 1, 1), WorkStatus.PLANNED, 1),
        _package(5, date(2026, 11, 2), date(2027, 1, 1), WorkStatus.IN_PROGRESS, 2),
    ]
    assert waits_on_overdue(packages, today) == {3}
    # due today is not overdue yet
    assert waits_on_overdue(packages, date(2026, 11, 1)) == set()
