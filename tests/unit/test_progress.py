from assessments.progress import (
    EngagementFacts,
    Phase,
    PhaseStatus,
    Step,
    overview,
)


def tile(facts: EngagementFacts, phase: Phase):
    return next(item for item in overview(facts) if item.phase == phase)


def test_phases_come_in_the_methods_order():
    assert [item.phase for item in overview(EngagementFacts())] == [
        Phase.PREPARATION,
        Phase.PLANNING,
        Phase.DESIGN,
        Phase.IMPLEMENTATION,
    ]


def test_a_new_engagement_starts_with_the_questionnaire():
    preparation = tile(EngagementFacts(), Phase.PREPARATION)
    assert preparation.status == PhaseStatus.NOT_STARTED
    assert preparation.next_step == Step.COMPLETE_QUESTIONNAIRE
    assert (preparation.steps_done, preparation.steps_total) == (0, 5)


def test_the_next_step_is_the_first_one_not_done():
    facts = EngagementFacts(questionnaire_complete=True, organisation_recorded=True)
    preparation = tile(facts, Phase.PREPARATION)
    assert preparation.status == PhaseStatus.IN_PROGRESS
    assert preparation.next_step == Step.CLEAR_GATES
    assert preparation.steps_done == 2


def test_the_announcement_completes_preparation():
    facts = EngagementFacts(
        questionnaire_complete=True,
        gates_cleared=True,
        organisation_recorded=True,
        awareness_activities=2,
        announced=True,
    )
    preparation = tile(facts, Phase.PREPARATION)
    assert preparation.status == PhaseStatus.COMPLETE
    assert preparation.next_step is None
    assert preparation.steps_done == 5


def test_every_step_but_the_announcement_leaves_the_phase_in_progress():
    facts = EngagementFacts(
        questionnaire_complete=True,
        gates_cleared=True,
        organisation_recorded=True,
        awareness_activities=1,
    )
    preparation = tile(facts, Phase.PREPARATION)
    assert preparation.status == PhaseStatus.IN_PROGRESS
    assert preparation.next_step == Step.ANNOUNCE_PROJECT


def test_a_sponsor_who_stops_at_a_gate_stops_preparation():
    """Issue 19: the phase's state follows the sponsor's "stop here"."""
    facts = EngagementFacts(questionnaire_complete=True, gates_stopped=True)
    preparation = tile(facts, Phase.PREPARATION)
    assert preparation.status == PhaseStatus.STOPPED
    assert preparation.next_step == Step.CLEAR_GATES
    assert tile(facts, Phase.PLANNING).status == PhaseStatus.NOT_STARTED


def test_planning_starts_with_its_workshops_and_closes_on_its_own_step():
    planning = tile(EngagementFacts(), Phase.PLANNING)
    assert planning.next_step == Step.HOLD_WORKSHOPS
    facts = EngagementFacts(workshops_held=True, vision_set=True, goals_measured=True)
    assert tile(facts, Phase.PLANNING).next_step == Step.CLOSE_PLANNING
    assert tile(facts, Phase.PLANNING).status == PhaseStatus.IN_PROGRESS
    closed = EngagementFacts(planning_closed=True)
    assert tile(closed, Phase.PLANNING).status == PhaseStatus.COMPLETE


def test_design_runs_from_the_data_to_the_group_strategies():
    assert tile(EngagementFacts(), Phase.DESIGN).next_step == Step.IMPORT_CUSTOMERS
    partly = EngagementFacts(customers_imported=True, customers_analysed=True)
    design = tile(partly, Phase.DESIGN)
    assert (design.status, design.steps_done) == (PhaseStatus.IN_PROGRESS, 2)
    assert design.next_step == Step.ASSESS_CAPABILITY
    everything = EngagementFacts(
        customers_imported=True,
        capability_assessed=True,
        customers_analysed=True,
        group_strategies_set=True,
    )
    assert tile(everything, Phase.DESIGN).status == PhaseStatus.COMPLETE
    assert Phase.DESIGN not in partly.closed_phases


def test_implementation_runs_gaps_then_plan_then_measured_goals():
    start = tile(EngagementFacts(questionnaire_complete=True), Phase.IMPLEMENTATION)
    assert start.status == PhaseStatus.NOT_STARTED
    assert start.next_step == Step.ANALYSE_GAPS
    partly = EngagementFacts(gaps_analysed=True, goals_have_values=True)
    item = tile(partly, Phase.IMPLEMENTATION)
    assert (item.status, item.steps_done, item.steps_total) == (
        PhaseStatus.IN_PROGRESS,
        2,
        3,
    )
    assert item.next_step == Step.SET_TRANSITION_PLAN
    done = EngagementFacts(gaps_analysed=True, plan_set=True, goals_have_values=True)
    assert tile(done, Phase.IMPLEMENTATION).status == PhaseStatus.COMPLETE
