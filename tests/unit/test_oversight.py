from assessments.oversight import (
    PACK_ORDER,
    ReportKind,
    awaiting_decision,
    compare_with_peers,
    current_phase,
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


def test_the_current_phase_is_the_first_that_is_not_complete():
    assert current_phase(overview(EngagementFacts())) == Phase.PREPARATION
    prepared = EngagementFacts(announced=True, planning_closed=True)
    assert current_phase(overview(prepared)) == Phase.DESIGN
    everything = EngagementFacts(
        announced=True,
        planning_closed=True,
        customers_imported=True,
        capability_assessed=True,
        customers_analysed=True,
        group_strategies_set=True,
        gaps_analysed=True,
        plan_set=True,
        goals_have_values=True,
    )
    assert current_phase(overview(everything)) == Phase.IMPLEMENTATION


def test_peers_average_only_the_engagements_with_a_score():
    mine = {Dimension.STRATEGY: 60.0, Dimension.PROCESS: None}
    others = [
        {Dimension.STRATEGY: 40.0, Dimension.PROCESS: 50.0},
        {Dimension.STRATEGY: 50.0, Dimension.PROCESS: None},
    ]
    comparison = compare_with_peers(mine, others)
    assert comparison[Dimension.STRATEGY].others == 45.0
    assert comparison[Dimension.STRATEGY].count == 2
    assert comparison[Dimension.PROCESS].mine is None
    assert comparison[Dimension.PROCESS].others == 50.0
    assert comparison[Dimension.MEASUREMENT].others is None
    assert compare_with_peers(mine, [])[Dimension.STRATEGY].count == 0


def test_the_pack_opens_with_the_executive_summary_and_ends_with_the_scorecard():
    assert PACK_ORDER[0] == ReportKind.EXECUTIVE
    assert PACK_ORDER[-1] == ReportKind.SCORECARD
    assert ReportKind.PACK not in PACK_ORDER
