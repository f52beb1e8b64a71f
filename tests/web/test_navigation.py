"""The tabs of an engagement's pages: each page marks the tab it belongs to, at
the engagement level and within its phase, questionnaire pages included."""

import re

import pytest


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
