"""The tabs of an engagement's pages: each page marks the tab it belongs to, at
the engagement level and within its phase, questionnaire pages included."""

import re

import pytest

from app.models import SiteRole
from assessments.roles import Role


def current_tabs(page: str) -> list[str]:
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]+)<', page)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", ["Dashboard"]),
        ("/preparation/", ["Preparation", "Questionnaire"]),
        ("/preparation/organisation", ["Preparation", "Organisation"]),
        ("/planning/goals", ["Planning", "Goals and measures"]),
        ("/design/customers", ["Design", "Customers"]),
        ("/design/quality", ["Design", "Data quality"]),
        ("/questionnaires/idic/", ["Design", "IDIC capability"]),
        ("/implementation/", ["Implementation", "Scorecard"]),
        ("/questionnaires/gap_analysis/", ["Implementation", "Gap analysis"]),
        (
            "/questionnaires/success_factors/",
            ["Implementation", "Critical success factors"],
        ),
        ("/reports/", ["Reports"]),
        ("/members", ["Members"]),
    ],
)
def test_a_page_marks_its_tab_and_its_phase_tab_and_no_other(
    client, engagement, path, expected
):
    response = client.get(f"/engagements/{engagement}{path}")
    assert response.status_code == 200
    assert current_tabs(response.text) == expected


@pytest.mark.parametrize(
    ("role", "sees_import"),
    [(Role.CONSULTANT, True), (Role.TEAM, True), (Role.SPONSOR, False)],
)
def test_the_import_tab_shows_only_to_members_who_may_import(
    client, factory, auth, role, sees_import
):
    owner = factory.user("deniz@example.com")
    engagement_id = factory.engagement(owner)
    member = factory.user("uye@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement_id, member, role)
    auth.login("uye@example.com")
    page = client.get(f"/engagements/{engagement_id}/design/customers").text
    import_page = f"/engagements/{engagement_id}/design/import"
    assert (f'href="{import_page}"' in page) is sees_import
    status = client.get(import_page).status_code
    assert status == (200 if sees_import else 403)
