"""Removing a person never erases what happened: whoever a record names is
kept for it, marked as having left (DOMAIN.md, Phase 2 — Planning, "Working
group": the front-line staff who sat next to their managers stay on record)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import OrgPerson, SessionParticipant
from tests.pdf import issue_report, pdf_text
from tests.web.test_planning import TEAM, working_group


def session_url(engagement_id: int, section_id: str) -> str:
    return f"/engagements/{engagement_id}/planning/sessions/{section_id}"


def person_named(app, name: str) -> OrgPerson | None:
    with app.app_context():
        return db.session.scalar(select(OrgPerson).where(OrgPerson.name == name))


def remove(client, engagement_id: int, person_id: int):
    return client.post(
        f"/engagements/{engagement_id}/preparation/organisation/{person_id}/delete"
    )


def test_someone_who_attended_a_held_session_is_kept_for_it_as_having_left(
    app, client, engagement
):
    """DOMAIN.md, Phase 2 — Planning, "Working group": a held session's
    attendance is a record of who was in the room; removing the sales
    representative afterwards must not empty the sales front-line seat."""
    ids = working_group(client, engagement)
    client.post(
        session_url(engagement, "market"),
        data={
            "held_on": "2026-03-02",
            "facilitator_id": ids[0],
            "invited": ids,
            "attended": ids,
            "held": "y",
        },
    )
    client.post(session_url(engagement, "customers"), data={"invited": ids})
    rep = person_named(app, "Su Satış")
    assert remove(client, engagement, rep.id).status_code == 302

    kept = person_named(app, "Su Satış")
    assert kept is not None and kept.left_on is not None
    with app.app_context():
        places = db.session.scalars(
            select(SessionParticipant).where(SessionParticipant.person_id == rep.id)
        ).all()
        assert len(places) == 1 and places[0].attended  # the held one only
    day_one = client.get(session_url(engagement, "market")).text
    assert "Su Satış (left the organisation)" in day_one
    assert "No front-line staff from Sales." not in day_one
    day_two = client.get(session_url(engagement, "customers")).text
    assert "Su Satış" not in day_two
    organisation = client.get(f"/engagements/{engagement}/preparation/organisation")
    table, former = organisation.text.split('id="former-people"')
    assert "Su Satış" not in table and "Su Satış (on " in former
    report = pdf_text(issue_report(client, engagement, "planning").data)
    # reported in Turkish; the PDF's text runs the table's cells together
    assert "Su Satış" in report and "(organizasyondan ayrıldı)" in report


def test_someone_only_invited_to_a_session_not_yet_held_is_removed(
    app, client, engagement
):
    """DOMAIN.md, Phase 2 — Planning: an invitation to a session that has not
    taken place records nothing that happened."""
    ids = working_group(client, engagement, TEAM[:2])
    client.post(session_url(engagement, "market"), data={"invited": ids})
    person = person_named(app, "Pınar Pazar")
    remove(client, engagement, person.id)
    assert person_named(app, "Pınar Pazar") is None
