"""Tenancy: nobody reaches an engagement they are not a member of.

The sweep walks ``app.url_map``, so every route added later that takes an
engagement id is covered without anyone remembering to add it here.
"""

import pytest
from werkzeug.routing import IntegerConverter, Rule

from app.models import SiteRole
from assessments.roles import Role

#: Routes a sponsor may post to: decisions on the gates, and issuing reports
#: (which changes nothing but the archive).
SPONSOR_MAY_POST = {
    "preparation.decide",
    "engagements.decide_gate",
    "reports.issue",
    "reports.regenerate",
}


#: Real values for the string arguments, so that routes get past them.
STRING_ARGUMENTS = {
    "gate": "need",
    "question_id": "market_trends",
    "questionnaire_id": "idic",
    "segment": "mvc",
    "kind": "summary",
}
#: Guide sections differ per phase.
SECTIONS = {"preparation": "need", "planning": "market", "questionnaires": "identify"}


def engagement_rules(app) -> list[Rule]:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "engagement_id" in rule.arguments and rule.endpoint != "static"
    ]


def methods_of(rule: Rule) -> list[str]:
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def build_path(rule: Rule, engagement_id: int, rows: dict[str, int]) -> str:
    """The rule's URL, with the engagement and every other id filled in."""
    values = {
        name: engagement_id if name == "engagement_id" else rows.get(name, 1)
        for name in rule.arguments
    }
    if "item_id" in rule.arguments:  # change-log rows: awareness or resistance
        kind = "awareness_id" if "awareness" in rule.endpoint else "resistance_id"
        values["item_id"] = rows.get(kind, 1)
    for name, converter in rule._converters.items():
        if not isinstance(converter, IntegerConverter) and name != "engagement_id":
            values[name] = STRING_ARGUMENTS.get(name, "x")
    if "section_id" in rule.arguments:
        values["section_id"] = SECTIONS[rule.endpoint.split(".")[0]]
    return rule.build(values)[1]


def test_the_sweep_covers_the_engagement_routes(app):
    endpoints = {rule.endpoint for rule in engagement_rules(app)}
    assert {
        "engagements.dashboard",
        "engagements.members",
        "engagements.invite",
        "engagements.remove_member",
        "reports.issue",
    } <= endpoints


def test_outsiders_get_404_and_nothing_of_the_engagement(
    app, client, auth, two_companies
):
    auth.login(two_companies.our_consultant)
    swept = 0
    for rule in engagement_rules(app):
        path = build_path(rule, two_companies.theirs, two_companies.their_rows)
        for method in methods_of(rule):
            response = client.open(path, method=method, data={"role": "team"})
            assert response.status_code == 404, f"{method} {path}"
            assert two_companies.their_name not in response.text
            swept += 1
    assert swept >= 8


def test_another_engagements_rows_are_404_even_through_our_own_id(
    app, client, auth, two_companies
):
    auth.login(two_companies.our_consultant)
    reached = 0
    row_arguments = set(two_companies.their_rows) | {"item_id"}
    for rule in engagement_rules(app):
        if not rule.arguments & row_arguments:
            continue  # no row of another engagement can be named in this URL
        path = build_path(rule, two_companies.ours, two_companies.their_rows)
        for method in methods_of(rule):
            response = client.open(path, method=method, data={"role": "team"})
            # 403: the consultant's role forbids the route before any row is read
            assert response.status_code in (403, 404), f"{method} {path}"
            assert two_companies.their_name not in response.text
            assert "Gizli" not in response.text
            reached += response.status_code == 404
    assert reached >= 10


def test_a_sponsor_can_change_nothing(app, client, auth, factory, two_companies):
    sponsor = factory.user("boss@example.com", site_role=SiteRole.MEMBER)
    member_id = factory.member(two_companies.ours, sponsor, Role.SPONSOR)
    our_rows = factory.phase_rows(two_companies.ours, sponsor)
    auth.login("boss@example.com")
    for rule in engagement_rules(app):
        if "POST" not in rule.methods or rule.endpoint in SPONSOR_MAY_POST:
            continue
        path = build_path(
            rule, two_companies.ours, {"member_id": member_id, **our_rows}
        )
        response = client.post(path, data={"role": "consultant"})
        assert response.status_code == 403, path
    assert client.get(f"/engagements/{two_companies.ours}/glance").status_code == 200


def test_the_engagement_list_shows_only_ones_own(client, auth, two_companies):
    auth.login(two_companies.our_consultant)
    page = client.get("/").text
    assert "Açık Müşteri A.Ş." in page
    assert two_companies.their_name not in page


@pytest.mark.parametrize("path", ["/admin/users", "/admin/users/new"])
def test_administration_is_for_administrators(client, auth, two_companies, path):
    auth.login(two_companies.our_consultant)
    assert client.get(path).status_code == 403
