"""Preparation keeps the method's order: the announcement is its last step,
and the phase closes only on the sponsor's decisions (DOMAIN.md, Phase 1 —
Preparation)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import QuestionnaireTake, SponsorDecision, User
from app.preparation import services
from assessments.questionnaire import Category, Gate
from tests.preparation_answers import answer_as
from tests.web.test_preparation import (
    answer_everything,
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


def approve_every_gate(app, take_id: int) -> None:
    """The sponsor's approval of each gate, through the service."""
    with app.app_context():
        take = db.session.get(QuestionnaireTake, take_id)
        sponsor = db.session.scalar(select(User))
        for gate in Gate:
            services.decide_gate(take, gate, SponsorDecision.APPROVED, "", sponsor)


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
        "it cannot come before the first awareness activity (Feb 10, 2026)"
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
    assert "before the team&#39;s appointment was announced (Feb 20, 2026)" in (
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
    assert "the team&#39;s appointment was announced (Mar 5, 2026)" in log
    assert "Preparation is complete." not in log
    assert " phase-complete" not in preparation_tile(client, engagement)
