from dataclasses import replace
from datetime import date

import pytest

from assessments.organisation import (
    REQUIRED_TEAM_DEPARTMENTS,
    WORKING_GROUP_DEPARTMENTS,
    AnnouncementBreach,
    Department,
    Finding,
    OrganisationFacts,
    OrgRole,
    OutOfOrder,
    Person,
    Rule,
    Severity,
    announcement_breaches,
    blockers,
    check,
)

AWARENESS = date(2024, 3, 1)


def person(name, department, *roles, **traits):
    return Person(name, department, frozenset(roles), **traits)


def owner(**traits):
    traits.setdefault("is_top_decision_maker", True)
    return person("Owner", Department.MANAGEMENT, OrgRole.SPONSOR, **traits)


def project_manager(name="PM", department=Department.MARKETING, **traits):
    qualities = dict.fromkeys(
        ("crm_knowledge", "trusted", "communicates_well", "knows_market"), True
    )
    return person(name, department, OrgRole.PROJECT_MANAGER, **{**qualities, **traits})


def consultant(name="Consultant", **traits):
    traits.setdefault("crm_project_experience", True)
    return person(
        name, Department.OTHER, OrgRole.CONSULTANT, is_external=True, **traits
    )


def team(departments=REQUIRED_TEAM_DEPARTMENTS):
    return tuple(person(f"Head of {d}", d, OrgRole.PROJECT_TEAM) for d in departments)


def working_group(departments=WORKING_GROUP_DEPARTMENTS):
    """A manager and a front-line member of each working-group department."""
    return tuple(
        person(name, d, OrgRole.WORKING_GROUP, is_front_line=front_line)
        for d in departments
        for name, front_line in ((f"Manager of {d}", False), (f"Staff of {d}", True))
    )


def sales_rep(**traits):
    traits.setdefault("is_front_line", True)
    return person("Rep", Department.SALES, OrgRole.WORKING_GROUP, **traits)


def well_formed(**changes):
    facts = OrganisationFacts(
        people=(owner(), project_manager(), consultant(), *team(), *working_group()),
        first_awareness_on=AWARENESS,
        team_announced_on=date(2024, 3, 15),
    )
    return replace(facts, **changes)


def with_people(*people):
    """The given people beside a consultant and a full working group, so that
    only the rules about the given people can fire."""
    return only(*people, consultant(), *working_group())


def only(*people):
    return well_formed(people=people)


def findings_for(facts, rule):
    return [finding for finding in check(facts) if finding.rule == rule]


def rules(facts):
    return [finding.rule for finding in check(facts)]


# A well-formed organisation


def test_well_formed_organisation_yields_no_findings():
    assert check(well_formed()) == []


def test_nobody_recorded_as_the_consultant_is_warned_so_experience_is_checked():
    """DOMAIN.md, Phase 1 — Preparation, step 5: the consultant is optional,
    but one who takes part must have CRM project experience; that can only be
    checked of someone recorded as the consultant."""
    facts = only(owner(), project_manager(), *team(), *working_group())
    assert check(facts) == [Finding(Rule.NO_CONSULTANT, Severity.WARNING)]


def test_an_empty_working_group_leaves_every_seat_empty():
    """DOMAIN.md, Phase 2 — Planning, "Working group": managers and front-line
    staff of marketing, sales, logistics, finance and human resources."""
    facts = only(owner(), project_manager(), consultant(), *team())
    every = tuple(d.value for d in WORKING_GROUP_DEPARTMENTS)
    assert check(facts) == [
        Finding(Rule.WORKING_GROUP_WITHOUT_MANAGER, Severity.WARNING, missing=every),
        Finding(Rule.WORKING_GROUP_WITHOUT_FRONT_LINE, Severity.WARNING, missing=every),
    ]


def test_team_not_yet_announced_is_fine():
    assert check(well_formed(team_announced_on=None)) == []


# Sponsor


def test_missing_sponsor_is_a_blocker():
    facts = with_people(project_manager(), *team(), sales_rep())
    assert check(facts) == [Finding(Rule.NO_SPONSOR, Severity.BLOCKER)]


def test_sponsor_who_is_not_top_decision_maker_is_a_blocker_naming_sponsors():
    deputy = person("Deputy", Department.SALES, OrgRole.SPONSOR)
    facts = with_people(
        owner(is_top_decision_maker=False), deputy, project_manager(), *team()
    )
    assert check(facts) == [
        Finding(
            Rule.SPONSOR_NOT_TOP_DECISION_MAKER,
            Severity.BLOCKER,
            people=("Owner", "Deputy"),
        )
    ]


def test_a_second_sponsor_who_is_not_the_top_decision_maker_is_warned():
    """DOMAIN.md, Phase 1 — Preparation, step 5: the sponsor is the company's
    top decision maker, who owns success and failure."""
    deputy = person("Deputy", Department.SALES, OrgRole.SPONSOR)
    facts = with_people(owner(), deputy, project_manager(), *team())
    assert check(facts) == [
        Finding(Rule.SECOND_SPONSOR, Severity.WARNING, people=("Deputy",))
    ]


def test_two_sponsors_who_are_both_top_decision_makers_pass():
    partner = person(
        "Partner", Department.MANAGEMENT, OrgRole.SPONSOR, is_top_decision_maker=True
    )
    facts = with_people(owner(), partner, project_manager(), *team())
    assert check(facts) == []


def test_missing_sponsor_is_not_also_reported_as_wrong_sponsor():
    facts = with_people(project_manager(), *team())
    assert Rule.SPONSOR_NOT_TOP_DECISION_MAKER not in rules(facts)


# Project manager


def test_two_project_managers_are_warned_with_their_names():
    """DOMAIN.md, Phase 1 — Preparation, step 5: the sponsor backs *the*
    project manager in everything: the project has one."""
    facts = with_people(
        owner(), project_manager("Ada"), project_manager("Bora"), *team()
    )
    assert check(facts) == [
        Finding(Rule.SEVERAL_PROJECT_MANAGERS, Severity.WARNING, people=("Ada", "Bora"))
    ]


def test_missing_project_manager_is_warned():
    facts = with_people(owner(), *team())
    assert check(facts) == [Finding(Rule.NO_PROJECT_MANAGER, Severity.WARNING)]


def test_project_manager_from_it_is_a_blocker():
    facts = with_people(
        owner(), project_manager("Ian", department=Department.IT), *team()
    )
    assert check(facts) == [
        Finding(Rule.PROJECT_MANAGER_FROM_IT, Severity.BLOCKER, people=("Ian",))
    ]


def test_project_manager_outside_it_is_not_warned():
    facts = with_people(owner(), project_manager(department=Department.SALES), *team())
    assert Rule.PROJECT_MANAGER_FROM_IT not in rules(facts)


def test_all_project_managers_from_it_are_named_in_one_finding():
    facts = with_people(
        owner(),
        project_manager("Ian", department=Department.IT),
        project_manager("Mia"),
        project_manager("Ivy", department=Department.IT),
        *team(),
    )
    assert findings_for(facts, Rule.PROJECT_MANAGER_FROM_IT) == [
        Finding(Rule.PROJECT_MANAGER_FROM_IT, Severity.BLOCKER, people=("Ian", "Ivy"))
    ]


def test_project_manager_lacking_qualities_is_warned_with_them_in_order():
    pm = project_manager("Pat", knows_market=False, crm_knowledge=False)
    facts = with_people(owner(), pm, *team())
    assert check(facts) == [
        Finding(
            Rule.PROJECT_MANAGER_LACKS_QUALITIES,
            Severity.WARNING,
            people=("Pat",),
            missing=("crm_knowledge", "knows_market"),
        )
    ]


@pytest.mark.parametrize(
    "quality", ["crm_knowledge", "trusted", "communicates_well", "knows_market"]
)
def test_each_missing_project_manager_quality_is_reported(quality):
    facts = with_people(owner(), project_manager(**{quality: False}), *team())
    [finding] = findings_for(facts, Rule.PROJECT_MANAGER_LACKS_QUALITIES)
    assert finding.missing == (quality,)


def test_each_project_manager_lacking_qualities_gets_own_finding():
    facts = with_people(
        owner(),
        project_manager("Pat", trusted=False),
        project_manager("Sam"),
        project_manager("Kim", communicates_well=False),
        *team(),
    )
    found = findings_for(facts, Rule.PROJECT_MANAGER_LACKS_QUALITIES)
    assert [(f.people, f.missing) for f in found] == [
        (("Pat",), ("trusted",)),
        (("Kim",), ("communicates_well",)),
    ]


def test_project_manager_without_crm_project_experience_is_not_warned():
    pm = project_manager(crm_project_experience=False)
    assert check(with_people(owner(), pm, *team())) == []


# Consultant


def test_consultant_without_crm_experience_is_warned():
    facts = with_people(
        owner(),
        project_manager(),
        consultant("Cal", crm_project_experience=False),
        *team(),
    )
    assert check(facts) == [
        Finding(
            Rule.CONSULTANT_WITHOUT_CRM_EXPERIENCE,
            Severity.WARNING,
            people=("Cal",),
        )
    ]


def test_consultant_with_crm_experience_is_not_warned():
    facts = with_people(owner(), project_manager(), consultant("Cal"), *team())
    assert Rule.CONSULTANT_WITHOUT_CRM_EXPERIENCE not in rules(facts)


def test_each_inexperienced_consultant_gets_own_finding():
    facts = with_people(
        owner(),
        project_manager(),
        consultant("Cal", crm_project_experience=False),
        consultant("Eve"),
        consultant("Lou", crm_project_experience=False),
        *team(),
    )
    found = findings_for(facts, Rule.CONSULTANT_WITHOUT_CRM_EXPERIENCE)
    assert [f.people for f in found] == [("Cal",), ("Lou",)]


# Project team


def test_team_missing_departments_is_warned_with_them_in_method_order():
    departments = (Department.SALES, Department.MARKETING, Department.FINANCE)
    facts = with_people(owner(), project_manager(), *team(departments))
    assert check(facts) == [
        Finding(
            Rule.TEAM_MISSING_DEPARTMENTS,
            Severity.WARNING,
            missing=("logistics", "service"),
        )
    ]


def test_no_team_at_all_misses_every_required_department():
    facts = with_people(owner(), project_manager())
    [finding] = findings_for(facts, Rule.TEAM_MISSING_DEPARTMENTS)
    assert finding.missing == (
        "marketing",
        "sales",
        "logistics",
        "finance",
        "service",
    )


def test_department_covered_only_outside_the_team_still_counts_as_missing():
    facts = with_people(
        owner(),
        project_manager(department=Department.SERVICE),
        *team(REQUIRED_TEAM_DEPARTMENTS[:-1]),
    )
    [finding] = findings_for(facts, Rule.TEAM_MISSING_DEPARTMENTS)
    assert finding.missing == ("service",)


def test_team_with_extra_departments_is_not_warned():
    facts = with_people(
        owner(),
        project_manager(),
        *team((*REQUIRED_TEAM_DEPARTMENTS, Department.PRODUCTION)),
    )
    assert Rule.TEAM_MISSING_DEPARTMENTS not in rules(facts)


def test_a_front_line_team_member_does_not_stand_for_the_departments_manager():
    """DOMAIN.md, Phase 1 — Preparation, step 5: the project team is the
    managers of the operational departments."""
    technician = person(
        "Technician", Department.SERVICE, OrgRole.PROJECT_TEAM, is_front_line=True
    )
    no_service = [d for d in REQUIRED_TEAM_DEPARTMENTS if d != Department.SERVICE]
    facts = with_people(owner(), project_manager(), *team(no_service), technician)
    (finding,) = findings_for(facts, Rule.TEAM_MISSING_DEPARTMENTS)
    assert finding.missing == ("service",)


# Working group: the make-up the planning sessions check too


def test_a_working_group_of_managers_only_misses_the_front_line_of_each():
    """DOMAIN.md, Phase 2 — Planning, "Working group": front-line staff who do
    the operations sit next to each manager."""
    managers = [p for p in working_group() if not p.is_front_line]
    facts = only(owner(), project_manager(), consultant(), *team(), *managers)
    every = tuple(d.value for d in WORKING_GROUP_DEPARTMENTS)
    assert check(facts) == [
        Finding(Rule.WORKING_GROUP_WITHOUT_FRONT_LINE, Severity.WARNING, missing=every)
    ]


def test_one_front_line_member_does_not_stand_for_every_department():
    """DOMAIN.md, Phase 2 — Planning, "Working group": each department."""
    facts = with_people(owner(), project_manager(), *team())
    group = [
        p
        for p in facts.people
        if not (p.is_front_line and p.department != Department.SALES)
    ]
    findings = findings_for(
        replace(facts, people=tuple(group)), Rule.WORKING_GROUP_WITHOUT_FRONT_LINE
    )
    assert findings[0].missing == (
        "marketing",
        "logistics",
        "finance",
        "human_resources",
    )


def test_human_resources_belongs_to_the_working_group():
    """DOMAIN.md, Phase 2 — Planning, "Working group": human resources too."""
    group = working_group(
        [d for d in WORKING_GROUP_DEPARTMENTS if d != Department.HUMAN_RESOURCES]
    )
    facts = only(owner(), project_manager(), consultant(), *team(), *group)
    assert [f.missing for f in check(facts)] == [
        ("human_resources",),
        ("human_resources",),
    ]


def test_front_line_person_outside_working_group_does_not_count():
    managers = [p for p in working_group() if not p.is_front_line]
    driver = person("Driver", Department.LOGISTICS, is_front_line=True)
    facts = only(owner(), project_manager(), *team(), *managers, driver)
    assert Rule.WORKING_GROUP_WITHOUT_FRONT_LINE in rules(facts)


# Announcement and awareness


def test_team_announced_before_awareness_is_warned():
    facts = well_formed(team_announced_on=date(2024, 2, 28))
    assert check(facts) == [
        Finding(Rule.TEAM_ANNOUNCED_BEFORE_AWARENESS, Severity.WARNING)
    ]


def test_team_announced_without_any_awareness_is_warned():
    facts = well_formed(first_awareness_on=None)
    assert rules(facts) == [Rule.TEAM_ANNOUNCED_BEFORE_AWARENESS]


def test_team_announced_on_the_day_of_first_awareness_is_fine():
    assert check(well_formed(team_announced_on=AWARENESS)) == []


def test_team_announced_after_awareness_is_fine():
    assert check(well_formed(team_announced_on=date(2024, 4, 1))) == []


# Order and blockers


def test_findings_come_in_rule_order():
    it_pm = project_manager(
        "Ian", department=Department.IT, trusted=False, knows_market=False
    )
    facts = OrganisationFacts(
        people=(
            it_pm,
            consultant("Cal", crm_project_experience=False),
            sales_rep(is_front_line=False),
        ),
        first_awareness_on=None,
        team_announced_on=AWARENESS,
    )
    assert rules(facts) == [
        Rule.NO_SPONSOR,
        Rule.PROJECT_MANAGER_FROM_IT,
        Rule.PROJECT_MANAGER_LACKS_QUALITIES,
        Rule.CONSULTANT_WITHOUT_CRM_EXPERIENCE,
        Rule.TEAM_MISSING_DEPARTMENTS,
        Rule.WORKING_GROUP_WITHOUT_MANAGER,
        Rule.WORKING_GROUP_WITHOUT_FRONT_LINE,
        Rule.TEAM_ANNOUNCED_BEFORE_AWARENESS,
    ]


def test_no_sponsor_and_no_project_manager_are_reported_in_rule_order():
    assert rules(with_people(*team())) == [Rule.NO_SPONSOR, Rule.NO_PROJECT_MANAGER]


def test_blockers_keeps_only_the_fatal_findings():
    facts = with_people(
        owner(is_top_decision_maker=False),
        project_manager("Ian", department=Department.IT, trusted=False),
    )
    assert [f.rule for f in blockers(check(facts))] == [
        Rule.SPONSOR_NOT_TOP_DECISION_MAKER,
        Rule.PROJECT_MANAGER_FROM_IT,
    ]


def test_blockers_of_warnings_only_is_empty():
    facts = with_people(owner(), project_manager(trusted=False))
    assert check(facts)
    assert blockers(check(facts)) == []


# --- the announcement is the last step --------------------------------------


def test_an_announcement_after_awareness_and_the_team_breaks_no_order():
    """DOMAIN.md, Phase 1 — Preparation, step 8: the announcement closes the
    phase, after the awareness activities and the team's appointment."""
    assert announcement_breaches(well_formed(), date(2024, 4, 1)) == []


def test_an_announcement_before_the_first_awareness_activity_is_out_of_order():
    """DOMAIN.md, Phase 1 — Preparation, steps 6 and 8: awareness comes first."""
    facts = well_formed(team_announced_on=None)
    assert announcement_breaches(facts, date(2024, 2, 29)) == [
        OutOfOrder(AnnouncementBreach.BEFORE_AWARENESS, AWARENESS)
    ]


def test_an_announcement_before_the_teams_appointment_is_out_of_order():
    """DOMAIN.md, Phase 1 — Preparation, steps 5 and 8: the team's appointment
    is announced after awareness, the company-wide announcement last."""
    assert announcement_breaches(well_formed(), date(2024, 3, 14)) == [
        OutOfOrder(AnnouncementBreach.BEFORE_TEAM_APPOINTMENT, date(2024, 3, 15))
    ]


def test_an_announcement_on_the_day_of_the_last_earlier_step_is_in_order():
    """DOMAIN.md, Phase 1 — Preparation, step 8: the same day is not before."""
    assert announcement_breaches(well_formed(), date(2024, 3, 15)) == []
    assert announcement_breaches(well_formed(team_announced_on=None), AWARENESS) == []
