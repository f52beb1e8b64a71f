import pytest

from assessments.roles import Action, Role, can


@pytest.mark.parametrize("action", list(Action))
def test_sponsor_may_only_read_report_and_decide_gates(action):
    allowed = {Action.VIEW, Action.APPROVE_GATES, Action.GENERATE_REPORTS}
    assert can(Role.SPONSOR, action) is (action in allowed)


def test_consultant_leads_but_leaves_gate_approval_to_the_sponsor():
    assert can(Role.CONSULTANT, Action.MANAGE_MEMBERS)
    assert can(Role.CONSULTANT, Action.EDIT_ENGAGEMENT)
    assert not can(Role.CONSULTANT, Action.APPROVE_GATES)


def test_team_answers_but_does_not_manage():
    assert can(Role.TEAM, Action.ANSWER_QUESTIONNAIRES)
    assert can(Role.TEAM, Action.UPDATE_OWN_MEASURES)
    assert not can(Role.TEAM, Action.MANAGE_MEMBERS)
    assert not can(Role.TEAM, Action.EDIT_ENGAGEMENT)
