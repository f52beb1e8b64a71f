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


def test_a_new_engagement_has_not_started_and_points_to_the_sponsor():
    preparation = tile(EngagementFacts(), Phase.PREPARATION)
    assert preparation.status == PhaseStatus.NOT_STARTED
    assert preparation.next_step == Step.INVITE_SPONSOR
    assert preparation.steps_done == 0


def test_inviting_the_sponsor_starts_preparation_and_moves_to_the_team():
    preparation = tile(EngagementFacts(sponsor_count=1), Phase.PREPARATION)
    assert preparation.status == PhaseStatus.IN_PROGRESS
    assert preparation.next_step == Step.INVITE_TEAM
    assert preparation.steps_done == 1


def test_every_step_done_is_not_yet_complete_without_the_closing_step():
    preparation = tile(
        EngagementFacts(sponsor_count=1, team_count=3), Phase.PREPARATION
    )
    assert preparation.status == PhaseStatus.IN_PROGRESS
    assert preparation.next_step is None


def test_a_closed_phase_is_complete_and_offers_no_next_step():
    facts = EngagementFacts(closed_phases=frozenset({Phase.PREPARATION}))
    preparation = tile(facts, Phase.PREPARATION)
    assert preparation.status == PhaseStatus.COMPLETE
    assert preparation.next_step is None


def test_later_phases_wait_with_no_next_step():
    for phase in (Phase.PLANNING, Phase.DESIGN, Phase.IMPLEMENTATION):
        item = tile(EngagementFacts(sponsor_count=1), phase)
        assert item.status == PhaseStatus.NOT_STARTED
        assert item.next_step is None
