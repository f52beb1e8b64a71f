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


def _answer(client, engagement, benefits, conditions) -> int:
    take_id = take_of(client.post(f"{base(engagement)}/takes").location)
    post_sections(
        client,
        base(engagement),
        take_id,
        [("benefits", benefits), ("conditions", conditions)],
    )
    return take_id


def test_factors_with_evidence_are_scored_per_section(client, engagement):
    benefits = {factor: "in_place" for factor in FACTORS}
    benefits |= {f"{factor}_evidence": f"Kanıt {factor}" for factor in FACTORS}
    benefits["productivity_evidence"] = "Müşteri kartı tek ekranda, 2026-03"
    conditions = {factor: "not_yet" for factor in CONDITIONS} | {
        "pilot_first": "partly"
    }
    take_id = _answer(client, engagement, benefits, conditions)
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


def test_the_factors_are_numbered_one_to_ten_and_counted_as_factors(client, engagement):
    take_id = take_of(client.post(f"{base(engagement)}/takes").location)
    benefits = client.get(f"{base(engagement)}/takes/{take_id}/benefits").text
    numbers = re.findall(r'class="question-number">(\d+)\.<', benefits)
    assert numbers == ["1", "2", "3", "4", "5"]  # the evidence boxes have none
    conditions = client.get(f"{base(engagement)}/takes/{take_id}/conditions").text
    assert re.findall(r'class="question-number">(\d+)\.<', conditions) == [
        "6",
        "7",
        "8",
        "9",
        "10",
    ]
    post_sections(
        client,
        base(engagement),
        take_id,
        [("benefits", {"productivity": "partly", "cost_reduction": "partly"})],
    )
    page = client.get(f"{base(engagement)}/takes/{take_id}/benefits").text
    assert "2/5" in page  # two of five factors, not of ten questions


def test_a_factor_in_place_needs_its_evidence_and_the_result_lists_all_ten(
    app, client, engagement
):
    benefits = {factor: "partly" for factor in FACTORS} | {
        "productivity": "in_place",
        "cost_reduction": "in_place",
        "cost_reduction_evidence": "Gider raporu Kasım",
    }
    conditions = {factor: "not_yet" for factor in CONDITIONS}
    take_id = _answer(client, engagement, benefits, conditions)
    refused = complete(client, base(engagement), take_id)
    assert refused.location.endswith(f"{base(engagement)}/")
    preview = client.get(f"{base(engagement)}/takes/{take_id}/result").text
    assert "In place without evidence: 1." in preview
    assert preview.count("Evidence missing") == 1
    post_sections(
        client,
        base(engagement),
        take_id,
        [("benefits", benefits | {"productivity_evidence": "Tek ekran, Ekim"})],
    )
    result = client.get(complete(client, base(engagement), take_id).location).text
    rows = re.findall(r"<tr><td>(\d+)</td><td>", result)
    assert rows == [str(n) for n in range(1, 11)]
    assert "2 of 10 factors are in place." in result
    assert "Tek ekran, Ekim" in result and "Gider raporu Kasım" in result
    assert "In place without evidence" not in result
