"""Correcting the record: a logged interaction can be corrected or removed,
and a mistaken analysis withdrawn — kept and readable, but left out of the
scorecard, comparisons, customer histories and reports. Each is in the
activity log."""

from datetime import date, timedelta

from sqlalchemy import select

from app.extensions import db
from app.models import Interaction, Snapshot
from assessments.idic import Channel, InteractionDirection
from assessments.roles import Role
from tests.pdf import issue_report, pdf_text
from tests.web.test_design import AS_OF, analyse, base, latest, seed
from tests.web.test_scorecard import add_measure, make_goal, stored_values


def log(app, engagement_id: int, customer_id: int) -> int:
    with app.app_context():
        row = Interaction(
            engagement_id=engagement_id,
            customer_id=customer_id,
            occurred_on=date(2026, 3, 2),
            channel=Channel.PHONE,
            direction=InteractionDirection.INBOUND,
            note="Fiyat sordu",
        )
        db.session.add(row)
        db.session.commit()
        return row.id


def correction(**changes) -> dict:
    return {
        "occurred_on": "2026-03-03",
        "channel": Channel.EMAIL.value,
        "direction": InteractionDirection.OUTBOUND.value,
        "note": "Teklif gönderildi",
        **changes,
    }


def feed(client, engagement_id: int) -> str:
    return client.get(f"/engagements/{engagement_id}/activity").text


def test_an_interaction_is_corrected_and_the_log_says_so(app, client, engagement):
    """DOMAIN.md, design (Interact): the timeline is the customer's history of
    contacts, so a wrong entry is corrected, not left to mislead."""
    customers = seed(app, engagement, count=1)
    interaction_id = log(app, engagement, customers["C01"])
    url = f"{base(engagement)}/interactions/{interaction_id}"
    page = client.get(url)
    assert page.status_code == 200
    assert "Fiyat sordu" in page.text
    response = client.post(url, data=correction())
    assert response.status_code == 302
    assert response.location.endswith(f"/customers/{customers['C01']}")
    with app.app_context():
        row = db.session.get(Interaction, interaction_id)
        assert (row.occurred_on, row.channel, row.direction, row.note) == (
            date(2026, 3, 3),
            Channel.EMAIL,
            InteractionDirection.OUTBOUND,
            "Teklif gönderildi",
        )
    assert "Corrected the interaction with Müşteri 01 A.Ş. on 3 Mar 2026" in feed(
        client, engagement
    )


def test_a_correction_dated_after_today_changes_nothing(app, client, engagement):
    customers = seed(app, engagement, count=1)
    interaction_id = log(app, engagement, customers["C01"])
    ahead = (date.today() + timedelta(days=2)).isoformat()
    response = client.post(
        f"{base(engagement)}/interactions/{interaction_id}",
        data=correction(occurred_on=ahead),
    )
    assert response.status_code == 400
    assert "after today" in response.text
    with app.app_context():
        assert db.session.get(Interaction, interaction_id).note == "Fiyat sordu"


def test_the_customer_page_offers_correcting_and_removing(app, client, engagement):
    customers = seed(app, engagement, count=1)
    interaction_id = log(app, engagement, customers["C01"])
    page = client.get(f"{base(engagement)}/customers/{customers['C01']}").text
    assert f"/interactions/{interaction_id}/delete" in page
    assert f'href="{base(engagement)}/interactions/{interaction_id}"' in page


def test_a_sponsor_cannot_correct_an_interaction(
    app, client, factory, auth, engagement
):
    customers = seed(app, engagement, count=1)
    interaction_id = log(app, engagement, customers["C01"])
    factory.member(engagement, factory.user("sponsor@example.com"), Role.SPONSOR)
    auth.logout()
    auth.login("sponsor@example.com")
    url = f"{base(engagement)}/interactions/{interaction_id}"
    assert client.post(url, data=correction()).status_code == 403
    assert client.post(f"{url}/delete").status_code == 403
    with app.app_context():
        assert db.session.get(Interaction, interaction_id).note == "Fiyat sordu"


def withdraw(client, engagement_id: int, snapshot_id: int, reason="Tarih yanlış"):
    return client.post(
        f"{base(engagement_id)}/analysis/{snapshot_id}/withdraw",
        data={"reason": reason},
    )


def two_analyses(app, client, engagement_id: int) -> tuple[Snapshot, Snapshot]:
    seed(app, engagement_id)
    analyse(client, engagement_id, as_of=date(2026, 3, 31))
    first = latest(app, engagement_id)
    analyse(client, engagement_id, as_of=AS_OF)
    return first, latest(app, engagement_id)


def test_a_withdrawn_analysis_is_kept_marked_and_left_out(app, client, engagement):
    """A mistaken analysis (a mistyped date) must not feed the scorecard or
    the comparisons; it stays readable with who withdrew it and why."""
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, computed="mvc_count", unit="")
    first, second = two_analyses(app, client, engagement)
    assert [v[2] for v in stored_values(app, measure)] == [first.id, second.id]

    response = withdraw(client, engagement, second.id)
    assert response.status_code == 302
    assert [v[2] for v in stored_values(app, measure)] == [first.id]
    with app.app_context():
        row = db.session.get(Snapshot, second.id)
        assert row.withdrawn and row.withdrawal_reason == "Tarih yanlış"
    page = client.get(f"{base(engagement)}/analysis/{second.id}").text
    assert "Withdrawn by Deniz Aydın" in page
    assert "Tarih yanlış" in page
    assert "Withdraw the analysis" not in page
    compare = f"{base(engagement)}/analysis/{first.id}/compare?with={second.id}"
    assert client.get(compare).status_code == 404
    listing = client.get(f"{base(engagement)}/analysis").text
    assert "withdrawn" in listing
    assert "Withdrew analysis 2: Tarih yanlış" in feed(client, engagement)


def test_pages_and_the_report_show_the_analysis_that_stands(app, client, engagement):
    first, second = two_analyses(app, client, engagement)
    withdraw(client, engagement, second.id)
    customers_page = client.get(f"{base(engagement)}/customers").text
    assert f"Analysis {first.number}" in customers_page
    text = pdf_text(issue_report(client, engagement, "design").data)
    assert "31 Mar 2026" in text  # the report speaks the engagement's Turkish
    assert "30 Haziran 2026" not in text


def test_an_analysis_is_withdrawn_once_and_only_with_a_reason(app, client, engagement):
    _first, second = two_analyses(app, client, engagement)
    blank = withdraw(client, engagement, second.id, reason="  ")
    assert blank.status_code == 400
    assert not latest(app, engagement).withdrawn
    assert withdraw(client, engagement, second.id).status_code == 302
    again = withdraw(client, engagement, second.id, reason="Bir daha")
    assert again.status_code == 400
    with app.app_context():
        assert db.session.get(Snapshot, second.id).withdrawal_reason == "Tarih yanlış"


def test_the_team_cannot_withdraw_an_analysis(app, client, factory, auth, engagement):
    _first, second = two_analyses(app, client, engagement)
    factory.member(engagement, factory.user("team@example.com"), Role.TEAM)
    auth.logout()
    auth.login("team@example.com")
    assert withdraw(client, engagement, second.id).status_code == 403
    with app.app_context():
        assert not db.session.scalar(
            select(Snapshot.withdrawn_at).where(Snapshot.id == second.id)
        )
