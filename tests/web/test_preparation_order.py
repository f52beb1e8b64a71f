"""Preparation keeps the method's order: the announcement is its last step,
and the phase closes only on the sponsor's decisions (DOMAIN.md, Phase 1 —
Preparation)."""

from __future__ import annotations

from app.models import SiteRole
from assessments.questionnaire import Category
from assessments.roles import Role
from tests.conftest import PASSWORD
from tests.pdf import issue_report, pdf_text
from tests.preparation_answers import answer_as
from tests.web.test_preparation import (
    answer_everything,
    approve_every_gate,
    base,
    complete,
    record_organisation,
    start,
)

STRATEGIC = Category.STRATEGIC_THINKER


def ready_to_announce(client, engagement_id: int) -> dict[str, int]:
    """Every step before the announcement done, the gates approved by the
    sponsor, one awareness activity on 10 Feb 2026; the people's ids by name."""
    people = record_organisation(client, engagement_id)
    take_id = start(client, engagement_id)
    answer_everything(client, engagement_id, take_id, answer_as(STRATEGIC))
    complete(client, engagement_id, take_id)
    approve_every_gate(client.application, take_id)
    add_awareness(client, engagement_id, "2026-02-10")
    return people


def add_awareness(client, engagement_id: int, held_on: str) -> None:
    response = client.post(
        f"{base(engagement_id)}/change-log/awareness",
        data={"held_on": held_on, "kind": "training", "topic": "CRM'e giriş"},
    )
    assert response.status_code == 302


def announce(client, engagement_id: int, people: dict[str, int], announced_on: str):
    return client.post(
        f"{base(engagement_id)}/change-log/announcement",
        data={"announced_on": announced_on, "announced_by": people["Ayşe Yılmaz"]},
    )


def preparation_tile(client, engagement_id: int) -> str:
    """The dashboard's first phase tile, preparation's."""
    dashboard = client.get(f"/engagements/{engagement_id}").text
    return dashboard.split('<li class="phase-tile')[1].split("</li>")[0]


def test_an_announcement_before_the_first_awareness_activity_is_refused(
    client, engagement
):
    """DOMAIN.md, Phase 1 — Preparation, steps 6 and 8: the announcement closes
    the phase; the awareness activities come before it."""
    people = ready_to_announce(client, engagement)
    refused = announce(client, engagement, people, "2026-02-05")
    assert refused.status_code == 200
    assert (
        "it cannot come before the first awareness activity (10 Feb 2026)"
        in refused.text
    )
    assert " phase-complete" not in preparation_tile(client, engagement)
    assert announce(client, engagement, people, "2026-02-10").status_code == 302


def test_an_announcement_before_the_teams_appointment_is_refused(client, engagement):
    """DOMAIN.md, Phase 1 — Preparation, steps 5 and 8: the team's appointment
    is made known after awareness, the company-wide announcement last."""
    people = ready_to_announce(client, engagement)
    client.post(
        f"{base(engagement)}/change-log/team-announced",
        data={"team_announced_on": "2026-02-20"},
    )
    refused = announce(client, engagement, people, "2026-02-15")
    assert "before the team&#39;s appointment was announced (20 Feb 2026)" in (
        refused.text
    )
    assert announce(client, engagement, people, "2026-02-20").status_code == 302


def test_an_announcement_left_out_of_order_keeps_preparation_open_with_the_reason(
    client, engagement
):
    """DOMAIN.md, Phase 1 — Preparation, step 8: a team appointment dated after
    the announcement puts the announcement out of order; it closes nothing."""
    people = ready_to_announce(client, engagement)
    announce(client, engagement, people, "2026-03-01")
    assert " phase-complete" in preparation_tile(client, engagement)
    client.post(
        f"{base(engagement)}/change-log/team-announced",
        data={"team_announced_on": "2026-03-05"},
    )
    log = client.get(f"{base(engagement)}/change-log").text
    assert "Preparation stays open" in log
    assert "the team&#39;s appointment was announced (5 Mar 2026)" in log
    assert "Preparation is complete." not in log
    assert " phase-complete" not in preparation_tile(client, engagement)


# --- the sponsor's decisions and open resistance ------------------------------


def test_preparation_stays_open_until_the_sponsor_decides_every_gate(
    client, auth, factory, engagement
):
    """DOMAIN.md, Phase 1 — Preparation, steps 3–5: the gates are go/no-go
    decisions; only if all are positive does the project go on."""
    take_id = start(client, engagement)
    answer_everything(client, engagement, take_id, answer_as(STRATEGIC))
    complete(client, engagement, take_id)
    assert "1 of 5 steps done" in preparation_tile(client, engagement)
    sponsor = factory.user("boss@example.com", "Büşra Patron", SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("boss@example.com", PASSWORD)
    decide = f"/engagements/{engagement}/glance/takes/{take_id}/gates"
    for gate in ("need", "backing"):
        client.post(f"{decide}/{gate}/decision", data={f"{gate}-decision": "approved"})
    client.post(f"{decide}/culture/decision", data={"culture-decision": "sent_back"})
    glance = client.get(f"/engagements/{engagement}/glance").text
    assert "<td>1 / 5</td>" in glance  # a gate sent back lets nothing go on
    client.post(f"{decide}/culture/decision", data={"culture-decision": "approved"})
    glance = client.get(f"/engagements/{engagement}/glance").text
    assert "<td>2 / 5</td>" in glance


RESISTANCE = {
    "raised_on": "2026-02-04",
    "raised_by": "Satış müdürü",
    "concern": "Zaman kaybı olur",
    "status": "in_progress",
    "resolution": "Birebir görüşme",
}


def test_open_resistance_is_a_risk_on_the_dashboard_the_glance_and_the_reports(
    app, client, engagement
):
    """DOMAIN.md, Phase 1 — Preparation, step 7: managers push back; the
    resistance is logged and handled, and until then it is a risk."""
    client.post(f"{base(engagement)}/change-log/resistance", data=RESISTANCE)
    risk = "Open resistance (Being handled) from Satış müdürü: Zaman kaybı olur"
    assert risk in client.get(f"/engagements/{engagement}").text
    glance = client.get(f"/engagements/{engagement}/glance").text
    assert risk in glance.split('id="risks"')[1]
    client.post("/account/language", data={"language": "en", "next": "/"})
    set_report_language(app, engagement, "en")
    report = pdf_text(issue_report(client, engagement, "preparation").data)
    assert "1 resistance item is still open: a risk to the project" in report
    summary = pdf_text(issue_report(client, engagement, "executive").data)
    assert "Open resistance (Being handled) from Satış müdürü" in summary


def test_resolved_resistance_is_no_longer_a_risk(app, client, engagement):
    """DOMAIN.md, Phase 1 — Preparation, step 7: handled resistance is done."""
    client.post(
        f"{base(engagement)}/change-log/resistance",
        data=RESISTANCE | {"status": "resolved"},
    )
    assert "Open resistance" not in client.get(f"/engagements/{engagement}").text
    glance = client.get(f"/engagements/{engagement}/glance").text
    assert "Zaman kaybı olur" not in glance.split('id="risks"')[1]


def set_report_language(app, engagement_id: int, language: str) -> None:
    from app.extensions import db
    from app.models import Engagement

    with app.app_context():
        db.session.get(Engagement, engagement_id).report_language = language
        db.session.commit()
