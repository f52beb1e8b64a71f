"""Resistance is logged and handled (DOMAIN.md, Phase 1 — Preparation, step 7):
who raised it can be a person of the organisation, an item logged by mistake
can be removed, and the preparation report says how each is handled and who
attended each awareness activity (step 6)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Engagement, OrgPerson, ResistanceItem
from tests.pdf import issue_report, pdf_text
from tests.web.test_preparation import base, people_of

ITEM = {
    "raised_on": "2026-02-04",
    "concern": "Zaman kaybı olur",
    "status": "in_progress",
    "resolution": "Birebir görüşme",
}


def add_person(client, engagement_id: int, name: str = "Selim Satış") -> int:
    client.post(
        f"{base(engagement_id)}/organisation",
        data={"name": name, "department": "sales", "in_project_team": "y"},
    )
    return next(p.id for p in people_of(client.application, engagement_id))


def log(client, engagement_id: int, **who):
    return client.post(f"{base(engagement_id)}/change-log/resistance", data=ITEM | who)


def items_of(app, engagement_id: int) -> list[ResistanceItem]:
    with app.app_context():
        return list(
            db.session.scalars(
                select(ResistanceItem).where(
                    ResistanceItem.engagement_id == engagement_id
                )
            )
        )


def test_resistance_raised_by_a_person_of_the_organisation_names_them(
    app, client, engagement
):
    """Step 7: the manager who pushes back is one of the organisation; the
    item follows the person, renamed or not."""
    person_id = add_person(client, engagement)
    assert log(client, engagement, raised_by_id=person_id).status_code == 302
    (item,) = items_of(app, engagement)
    assert (item.raised_by_id, item.raised_by) == (person_id, "")
    client.post(
        f"{base(engagement)}/organisation/{person_id}",
        data={"name": "Selim Satışçı", "department": "sales"},
    )
    page = client.get(f"{base(engagement)}/change-log").text
    assert "<td>Selim Satışçı</td>" in page
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "from Selim Satışçı: Zaman kaybı olur" in dashboard


def test_someone_outside_the_organisation_is_named_by_typing(app, client, engagement):
    """Step 7: push-back can come from outside the project organisation."""
    add_person(client, engagement)
    assert log(client, engagement, raised_by="Bayi temsilcisi").status_code == 302
    (item,) = items_of(app, engagement)
    assert (item.raised_by_id, item.raised_by) == (None, "Bayi temsilcisi")


def test_who_raised_it_is_either_chosen_or_typed_not_both_nor_neither(
    app, client, engagement
):
    person_id = add_person(client, engagement)
    neither = log(client, engagement)
    assert "Choose who raised it, or type their name." in neither.text
    both = log(client, engagement, raised_by_id=person_id, raised_by="Selim")
    assert "Leave the name empty when you choose a person" in both.text
    assert items_of(app, engagement) == []


def test_a_person_of_another_engagement_cannot_be_named(
    app, client, engagement, factory
):
    other = factory.engagement(factory.user("baska@example.com"), "Başka A.Ş.")
    with app.app_context():
        stranger = OrgPerson(engagement_id=other, name="Yabancı", department="sales")
        db.session.add(stranger)
        db.session.commit()
        stranger_id = stranger.id
    refused = log(client, engagement, raised_by_id=stranger_id)
    assert refused.status_code == 200
    assert "Not a valid choice" in refused.text
    assert items_of(app, engagement) == []


def test_a_person_who_raised_resistance_is_kept_when_removed(app, client, engagement):
    """Step 7: the log of push-back is a record; removing the person keeps
    them for it, marked as having left, and the item can still be edited."""
    person_id = add_person(client, engagement)
    log(client, engagement, raised_by_id=person_id)
    client.post(f"{base(engagement)}/organisation/{person_id}/delete")
    with app.app_context():
        kept = db.session.get(OrgPerson, person_id)
        assert kept is not None and kept.left_on is not None
    (item,) = items_of(app, engagement)
    edit = f"{base(engagement)}/change-log/resistance/{item.id}"
    assert f'<option selected value="{person_id}">Selim Satış' in client.get(edit).text
    resolved = client.post(
        edit, data=ITEM | {"raised_by_id": person_id, "status": "resolved"}
    )
    assert resolved.status_code == 302


def test_a_resistance_item_is_removed_once_confirmed(app, client, engagement):
    log(client, engagement, raised_by="Satış müdürü")
    (item,) = items_of(app, engagement)
    page = client.get(f"{base(engagement)}/change-log").text
    assert "Remove this resistance item?" in page
    client.post(f"{base(engagement)}/change-log/resistance/{item.id}/delete")
    assert items_of(app, engagement) == []
    feed = client.get(f"/engagements/{engagement}/activity").text
    assert "Removed the resistance item of Satış müdürü: Zaman kaybı olur" in feed


def test_the_report_says_how_resistance_is_handled_and_who_attended(
    app, client, engagement
):
    """Steps 6 and 7: the report shows who met CRM's ideas, and what is done
    about each push-back, with its status."""
    with app.app_context():
        db.session.get(Engagement, engagement).report_language = "en"
        db.session.commit()
    client.post(
        f"{base(engagement)}/change-log/awareness",
        data={
            "held_on": "2026-02-03",
            "kind": "training",
            "topic": "CRM'e giriş",
            "attendees": "Satış ve pazarlama müdürleri",
        },
    )
    log(client, engagement, raised_by="Satış müdürü")
    text = " ".join(
        pdf_text(
            issue_report(client, engagement, "preparation").data, layout=False
        ).split()
    )
    assert "Attendees" in text and "Satış ve pazarlama müdürleri" in text
    assert "How it is handled" in text and "Birebir görüşme" in text
    assert "Being handled" in text
