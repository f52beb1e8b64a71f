from hypothesis import given
from hypothesis import strategies as st

from assessments.oversight import (
    PACK_ORDER,
    ReportKind,
    RunningAhead,
    awaiting_decision,
    compare_with_peers,
    furthest_along,
    running_ahead,
)
from assessments.progress import EngagementFacts, Phase, overview
from assessments.questionnaire import Dimension, Gate
from assessments.readiness import GateStatus


def test_a_gate_with_an_outcome_and_no_decision_waits_for_the_sponsor():
    gates = [
        (Gate.NEED, GateStatus.PASSED),
        (Gate.BACKING, GateStatus.OVERRIDDEN),
        (Gate.CULTURE, GateStatus.NOT_ANSWERED),
    ]
    assert awaiting_decision(gates, decided=[]) == [Gate.NEED, Gate.BACKING]
    assert awaiting_decision(gates, decided=[Gate.NEED]) == [Gate.BACKING]
    failed = [(Gate.NEED, GateStatus.FAILED)]
    assert awaiting_decision(failed, decided=[]) == [Gate.NEED]


def test_later_phases_under_way_before_the_gates_are_cleared_are_a_risk():
    ahead = EngagementFacts(
        questionnaire_complete=True, vision_set=True, customers_imported=True
    )
    assert running_ahead(ahead) == [
        RunningAhead(Phase.PREPARATION, (Phase.PLANNING, Phase.DESIGN))
    ]
    # the announcement closes preparation, but the gates still hold the rest
    closed = EngagementFacts(announced=True, planning_closed=True)
    assert running_ahead(closed) == [RunningAhead(Phase.PREPARATION, (Phase.PLANNING,))]


def test_no_risk_once_the_gates_are_cleared_or_while_nothing_runs_ahead():
    cleared = EngagementFacts(gates_cleared=True, vision_set=True)
    assert running_ahead(cleared) == []
    assert running_ahead(EngagementFacts(questionnaire_complete=True)) == []


def test_peers_average_only_the_engagements_with_a_score():
    mine = {Dimension.STRATEGY: 60.0, Dimension.PROCESS: None}
    others = [
        {Dimension.STRATEGY: 40.0, Dimension.PROCESS: 50.0},
        {Dimension.STRATEGY: 50.0, Dimension.PROCESS: None},
        {Dimension.STRATEGY: 45.0, Dimension.PROCESS: 40.0},
        {Dimension.STRATEGY: 45.0, Dimension.PROCESS: 60.0},
    ]
    comparison = compare_with_peers(mine, others)
    assert comparison[Dimension.STRATEGY].others == 45.0
    assert comparison[Dimension.STRATEGY].count == 4
    assert comparison[Dimension.PROCESS].mine is None
    assert comparison[Dimension.PROCESS].others == 50.0
    assert comparison[Dimension.PROCESS].count == 3
    assert comparison[Dimension.MEASUREMENT].others is None


def test_a_peer_average_over_fewer_than_the_minimum_is_withheld_with_its_count():
    mine = {Dimension.STRATEGY: 60.0}
    two = [{Dimension.STRATEGY: 37.0}, {Dimension.STRATEGY: 41.0}]
    withheld = compare_with_peers(mine, two)[Dimension.STRATEGY]
    assert (withheld.mine, withheld.others, withheld.count) == (60.0, None, None)
    three = [*two, {Dimension.STRATEGY: 45.0}]
    assert compare_with_peers(mine, three)[Dimension.STRATEGY].others == 41.0
    assert compare_with_peers(mine, three, minimum=4)[Dimension.STRATEGY].others is None


def test_a_minimum_set_below_three_still_needs_three_peers():
    one = [{Dimension.STRATEGY: 37.0}]
    assert compare_with_peers({}, one, minimum=1)[Dimension.STRATEGY].others is None
    two = [*one, {Dimension.STRATEGY: 41.0}]
    assert compare_with_peers({}, two, minimum=0)[Dimension.STRATEGY].others is None


scores = st.floats(min_value=0, max_value=100, allow_nan=False)


@given(
    peers=st.lists(scores, min_size=3, max_size=8),
    which=st.integers(min_value=0),
    shift=st.floats(min_value=-20, max_value=20, allow_nan=False),
)
def test_one_peers_figure_cannot_be_told_from_the_comparison(peers, which, shift):
    """Any one peer's score can move, and another's make up for it, without
    the comparison changing: so the comparison does not determine it."""
    moved, other = which % len(peers), (which + 1) % len(peers)
    changed = list(peers)
    changed[moved] += shift
    changed[other] -= shift

    def shown(values):
        return compare_with_peers({}, [{Dimension.STRATEGY: v} for v in values])

    assert (
        shown(peers) == shown(changed)
        or abs(
            shown(peers)[Dimension.STRATEGY].others
            - shown(changed)[Dimension.STRATEGY].others
        )
        <= 0.1
    )  # floating-point sums may round the other way


def test_the_pack_opens_with_the_executive_summary_and_ends_with_the_scorecard():
    assert PACK_ORDER[0] == ReportKind.EXECUTIVE
    assert PACK_ORDER[-1] == ReportKind.SCORECARD
    assert ReportKind.PACK not in PACK_ORDER


def test_the_portfolio_sorts_by_the_furthest_phase_under_way():
    preparing = overview(EngagementFacts(questionnaire_complete=True))
    designing = overview(EngagementFacts(customers_imported=True))
    assert furthest_along(preparing) < furthest_along(designing)
    assert furthest_along(overview(EngagementFacts())) == (0, 0)
