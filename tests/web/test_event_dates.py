"""A record of something that happened is never dated after today: an
awareness activity, an interaction, an analysis, a review (DOMAIN.md: the
phases close on what took place; the scorecard reads analyses that ran)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from freezegun import freeze_time
from sqlalchemy import func, select

from app.extensions import db
from app.i18n.locale import local_today
from app.models import AwarenessActivity, Interaction, Review, Snapshot
from tests.web.test_design import analyse, seed

FUTURE = date(2030, 1, 1)
REFUSED = "This date is after today"


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_today_is_istanbuls_not_the_servers(app):
    with app.app_context(), freeze_time("2026-12-02T22:30:00Z"):
        assert local_today() == date(2026, 12, 3)  # 01:30 in Istanbul


def test_an_awareness_activity_in_the_future_is_refused(app, client, engagement):
    response = client.post(
        f"/engagements/{engagement}/preparation/change-log/awareness",
        data={"held_on": FUTURE.isoformat(), "kind": "training", "topic": "CRM"},
    )
    assert REFUSED in response.text
    assert count(app, AwarenessActivity) == 0


def test_an_interaction_in_the_future_is_refused(app, client, engagement):
    ids = seed(app, engagement)
    response = client.post(
        f"/engagements/{engagement}/design/customers/{ids['C05']}/interactions",
        data={
            "interaction-occurred_on": FUTURE.isoformat(),
            "interaction-channel": "phone",
            "interaction-direction": "inbound",
            "interaction-note": "Sordu.",
        },
    )
    assert REFUSED in response.text
    assert count(app, Interaction) == 0


def test_an_analysis_dated_in_the_future_does_not_run(app, client, engagement):
    seed(app, engagement)
    response = analyse(client, engagement, as_of=FUTURE)
    assert REFUSED in response.text
    assert count(app, Snapshot) == 0


def test_a_review_in_the_future_is_refused(app, client, engagement):
    response = client.post(
        f"/engagements/{engagement}/implementation/reviews",
        data={"held_on": FUTURE.isoformat(), "findings": "Yok", "owner_id": "0"},
    )
    assert REFUSED in response.text
    assert count(app, Review) == 0


def test_today_is_where_the_engagement_works(app, client, engagement):
    """Kiritimati (UTC+14) is always a day or two ahead of Pago Pago
    (UTC-11): Kiritimati's today is today for a company there, and a day
    ahead for one in Pago Pago."""
    ids = seed(app, engagement, count=1)
    edit = client.get(f"/engagements/{engagement}/edit").text
    assert '<option selected value="Europe/Istanbul">Europe/Istanbul</option>' in edit
    ahead_there = datetime.now(ZoneInfo("Pacific/Kiritimati")).date()

    def log_on_kiritimatis_today(zone: str):
        response = client.post(
            f"/engagements/{engagement}/edit",
            data={
                "name": "Ada Ticaret",
                "sector": "Gıda",
                "size": "small",
                "country": "KI",
                "report_language": "en",
                "time_zone": zone,
            },
        )
        assert response.status_code == 302
        return client.post(
            f"/engagements/{engagement}/design/customers/{ids['C01']}/interactions",
            data={
                "interaction-occurred_on": ahead_there.isoformat(),
                "interaction-channel": "phone",
                "interaction-direction": "inbound",
                "interaction-note": "Aradı.",
            },
        )

    assert REFUSED in log_on_kiritimatis_today("Pacific/Pago_Pago").text
    assert count(app, Interaction) == 0
    assert log_on_kiritimatis_today("Pacific/Kiritimati").status_code == 302
    assert count(app, Interaction) == 1
