"""The activity log tells every change a sponsor might ask about, in words a
person reads, in the reader's language: each entry below is checked on the
feed page (/engagements/<id>/activity)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.extensions import db
from app.models import Customer, QuestionnaireTake, SiteRole
from tests.web.test_preparation import base, people_of, start
from tests.web.test_preparation_order import announce, ready_to_announce


def feed(client, engagement_id: int) -> str:
    return client.get(f"/engagements/{engagement_id}/activity").text


def in_turkish(client) -> None:
    client.post("/account/language", data={"language": "tr", "next": "/"})


def add_person(client, engagement_id: int, name: str = "Selim Satış") -> int:
    client.post(
        f"{base(engagement_id)}/organisation",
        data={"name": name, "department": "sales", "in_project_team": "y"},
    )
    return next(p.id for p in people_of(client.application, engagement_id))


def test_opening_an_engagement_is_the_first_entry(client, engagement):
    assert "Opened the engagement Örnek Gıda A.Ş." in feed(client, engagement)


def test_an_invitation_names_who_was_invited_and_in_which_role(
    client, factory, engagement
):
    factory.user("ali@example.com", "Ali Veli", site_role=SiteRole.MEMBER)
    client.post(
        f"/engagements/{engagement}/members",
        data={"email": "ali@example.com", "name": "", "role": "sponsor"},
    )
    assert "Invited Ali Veli as Sponsor" in feed(client, engagement)
    in_turkish(client)
    assert "Ali Veli adlı kişiyi Sponsor rolüyle davet etti" in feed(client, engagement)


def test_adding_and_changing_a_person_of_the_organisation(client, engagement):
    person_id = add_person(client, engagement)
    assert "Added Selim Satış to the organisation" in feed(client, engagement)
    client.post(
        f"{base(engagement)}/organisation/{person_id}",
        data={"name": "Selim Satış", "department": "sales", "is_front_line": "y"},
    )
    assert "Changed the details of Selim Satış" in feed(client, engagement)
    in_turkish(client)
    assert "Selim Satış adlı kişiyi proje organizasyonuna ekledi" in feed(
        client, engagement
    )


def test_an_awareness_activity_logged(client, engagement):
    client.post(
        f"{base(engagement)}/change-log/awareness",
        data={"held_on": "2026-02-03", "kind": "training", "topic": "CRM'e giriş"},
    )
    assert "Logged the awareness activity CRM&#39;e giriş" in feed(client, engagement)


def test_a_resistance_item_logged_and_updated(app, client, engagement):
    item = {
        "raised_on": "2026-02-04",
        "raised_by": "Satış müdürü",
        "concern": "Zaman kaybı olur",
        "status": "open",
    }
    client.post(f"{base(engagement)}/change-log/resistance", data=item)
    said = "the resistance item of Satış müdürü: Zaman kaybı olur"
    assert f"Logged {said}" in feed(client, engagement)
    with app.app_context():
        from app.models import ResistanceItem

        (item_id,) = db.session.scalars(select(ResistanceItem.id))
    client.post(
        f"{base(engagement)}/change-log/resistance/{item_id}",
        data=item | {"status": "resolved", "resolution": "Pilotta gösterildi"},
    )
    assert f"Updated {said} (Resolved)" in feed(client, engagement)
    in_turkish(client)
    turkish = feed(client, engagement)
    assert "Direnç kaydı ekledi: Satış müdürü: Zaman kaybı olur" in turkish
    assert "Direnç kaydını güncelledi (Çözüldü)" in turkish


def test_the_date_the_team_was_announced_and_its_clearing(client, engagement):
    url = f"{base(engagement)}/change-log/team-announced"
    client.post(url, data={"team_announced_on": "2026-02-20"})
    assert "Recorded that the project team was announced on 20 Feb 2026" in feed(
        client, engagement
    )
    client.post(url, data={"team_announced_on": ""})
    assert "Cleared the date the project team was announced" in feed(client, engagement)


def test_the_company_wide_announcement_and_its_withdrawal(client, engagement):
    people = ready_to_announce(client, engagement)
    assert announce(client, engagement, people, "2026-03-01").status_code == 302
    said = "the company-wide announcement by Ayşe Yılmaz on 1 Mar 2026"
    assert f"Recorded {said}" in feed(client, engagement)
    client.post(f"{base(engagement)}/change-log/announcement/withdraw")
    assert "Withdrew the company-wide announcement of 1 Mar 2026" in feed(
        client, engagement
    )
    in_turkish(client)
    assert "1 Mar 2026 tarihli firma genelinde duyuruyu geri çekti" in feed(
        client, engagement
    )


def test_a_merge_names_both_customers(app, client, engagement):
    with app.app_context():
        keep = Customer(engagement_id=engagement, account_number="C-1", name="Ege Ltd")
        twin = Customer(engagement_id=engagement, account_number="C-2", name="Ege")
        db.session.add_all([keep, twin])
        db.session.commit()
        keep_id, twin_id = keep.id, twin.id
    merged = client.post(
        f"/engagements/{engagement}/design/customers/merge/{keep_id}/{twin_id}"
    )
    assert merged.status_code == 302
    assert "Merged the customer Ege (C-2) into Ege Ltd (C-1)" in feed(
        client, engagement
    )


def test_a_re_assessment_is_a_new_take_after_an_earlier_one(app, client, engagement):
    first = start(client, engagement)
    assert "re-assessment" not in feed(client, engagement)
    with app.app_context():
        db.session.get(QuestionnaireTake, first).completed_at = datetime.now(
            UTC
        ).replace(tzinfo=None)
        db.session.commit()
    start(client, engagement)
    assert (
        "Started take 2 of Preparation: is the company ready for CRM?: a re-assessment"
    ) in feed(client, engagement)
