"""The implementation phase through the test client: the ten critical success
factors, checked with evidence and scored per section."""

import re

from tests.questionnaire_helpers import complete, post_sections, take_of

FACTORS = [
    "productivity",
    "cost_reduction",
    "staff_morale",
    "customer_knowledge",
    "customer_loyalty",
]
CONDITIONS = [
    "pilot_first",
    "user_training",
    "staff_motivation",
    "system_management",
    "management_commitment",
]


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/questionnaires/success_factors"


def test_the_phase_tab_opens_on_the_scorecard_with_the_factors_beside_it(
    client, engagement
):
    page = client.get(f"/engagements/{engagement}/implementation/").text
    assert "The scorecard has no measure yet" in page
    assert 'aria-current="page">Implementation<' in page
    factors = client.get(f"{base(engagement)}/").text
    assert "the ten critical success factors" in factors
    assert 'aria-current="page">Critical success factors<' in factors


def test_factors_with_evidence_are_scored_per_section(client, engagement):
    start = client.post(f"{base(engagement)}/takes")
    take_id = take_of(start.location)
    benefits = {factor: "in_place" for factor in FACTORS}
    benefits["productivity_evidence"] = "Müşteri kartı tek ekranda, 2026-03"
    conditions = {factor: "not_yet" for factor in CONDITIONS} | {
        "pilot_first": "partly"
    }
    post_sections(
        client,
        base(engagement),
        take_id,
        [("benefits", benefits), ("conditions", conditions)],
    )
    result = client.get(complete(client, base(engagement), take_id).location).text
    for title, percent in [
        ("What the system delivers", "100%"),
        ("What keeps it working", "10%"),  # one factor of five half in place
    ]:
        assert re.search(
            rf">{title}</text>.*?>{re.escape(percent)}</text>", result, re.DOTALL
        ), title
    section = client.get(f"{base(engagement)}/takes/{take_id}/benefits").text
    assert "Müşteri kartı tek ekranda, 2026-03" in section
