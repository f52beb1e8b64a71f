"""The planning phase through the test client: sessions, guide answers,
strategy → goal → measure, closing, and the report."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Engagement, GuideAnswer, SiteRole, WorkshopSession
from assessments.roles import Role
from tests.pdf import issue_report, pdf_text

TEAM = [
    ("Pınar Pazar", "marketing", False),
    ("Can Pazar", "marketing", True),
    ("Selim Satış", "sales", False),
    ("Su Satış", "sales", True),
    ("Lale Lojistik", "logistics", False),
    ("Ege Lojistik", "logistics", True),
    ("Fikret Finans", "finance", False),
    ("Ada Finans", "finance", True),
    ("İnci İK", "human_resources", False),
    ("Onur İK", "human_resources", True),
]


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/planning"


def working_group(client, engagement_id, people=TEAM) -> list[int]:
    url = f"/engagements/{engagement_id}/preparation/organisation"
    for name, department, front_line in people:
        data = {"name": name, "department": department, "in_working_group": "y"}
        if front_line:
            data["is_front_line"] = "y"
        client.post(url, data=data)
    page = client.get(f"{base(engagement_id)}/sessions/market").text
    return [int(v) for v in _values(page, "invited")]


def _values(page: str, name: str) -> list[str]:
    marker = f'name="{name}" value="'
    return [part.split('"')[0] for part in page.split(marker)[1:]]


def hold_all_sessions(client, engagement_id, people_ids) -> None:
    for section_id in ("market", "customers", "company", "offer"):
        client.post(
            f"{base(engagement_id)}/sessions/{section_id}",
            data={
                "held_on": "2026-03-02",
                "facilitator": "Deniz Aydın",
                "invited": people_ids,
                "attended": people_ids,
                "held": "y",
            },
        )


def test_a_session_without_front_line_staff_is_warned(client, engagement):
    managers = [p for p in TEAM if not p[2]]
    ids = working_group(client, engagement, managers)
    client.post(
        f"{base(engagement)}/sessions/market",
        data={
            "held_on": "2026-03-02",
            "facilitator": "Ayla",
            "invited": ids,
            "attended": ids,
            "held": "y",
        },
    )
    page = client.get(f"{base(engagement)}/sessions/market").text
    assert "No front-line staff from Marketing." in page
    assert "No manager from" not in page


def test_absent_people_leave_their_seat_empty(client, engagement):
    ids = working_group(client, engagement)
    attended = ids[
        1:
    ]  # the first (the finance manager, by department order) stayed away
    client.post(
        f"{base(engagement)}/sessions/market",
        data={
            "held_on": "2026-03-02",
            "facilitator": "Ayla",
            "invited": ids,
            "attended": attended,
            "held": "y",
        },
    )
    page = client.get(f"{base(engagement)}/sessions/market").text
    assert page.count("No manager from") == 1


def test_a_session_saved_again_with_the_same_people_keeps_them(app, client, engagement):
    ids = working_group(client, engagement)
    url = f"{base(engagement)}/sessions/market"
    client.post(url, data={"invited": ids, "attended": ids[:2]})
    again = client.post(url, data={"invited": ids, "attended": ids[1:3]})
    assert again.status_code == 302
    with app.app_context():
        session = db.session.scalar(select(WorkshopSession))
        assert sorted(p.person_id for p in session.participants) == sorted(ids)
        assert {p.person_id for p in session.participants if p.attended} == set(
            ids[1:3]
        )


def test_a_full_working_group_fills_every_seat(client, engagement):
    ids = working_group(client, engagement)
    client.post(f"{base(engagement)}/sessions/customers", data={"invited": ids})
    page = client.get(f"{base(engagement)}/sessions/customers").text
    assert "has a manager and front-line staff" in page


def test_notes_and_the_agreed_answer_are_saved_apart(app, client, engagement):
    page = client.get(f"{base(engagement)}/sessions/customers/present?q=1")
    assert page.status_code == 200
    response = client.post(
        f"{base(engagement)}/answers/customers_definition",
        data={
            "notes": "Sales says: anyone who ordered twice.",
            "agreed": "A repeat buyer.",
        },
        headers={"Accept": "application/json"},
    )
    assert response.json["saved"] is True
    with app.app_context():
        answer = db.session.scalar(select(GuideAnswer))
        assert (answer.notes, answer.agreed) == (
            "Sales says: anyone who ordered twice.",
            "A repeat buyer.",
        )
    again = client.get(f"{base(engagement)}/sessions/customers/present?q=1").text
    assert "Sales says: anyone who ordered twice." in again


def test_presenter_mode_refuses_a_question_that_does_not_exist(client, engagement):
    assert (
        client.get(f"{base(engagement)}/sessions/customers/present?q=99").status_code
        == 404
    )
    assert client.get(f"{base(engagement)}/sessions/nowhere/present").status_code == 404


def test_strategy_goal_measure_and_closing(app, client, engagement):
    ids = working_group(client, engagement)
    client.post(
        f"{base(engagement)}/strategy/strategies",
        data={
            "statement": "Keep our best customers longer.",
            "sources": ["customers_definition"],
        },
    )
    page = client.get(f"{base(engagement)}/strategy").text
    assert "Keep our best customers longer." in page
    strategy_id = int(page.split("/strategy/strategies/")[1].split("/")[0])
    client.post(
        f"{base(engagement)}/strategy/priorities",
        data={
            "prospecting_priority": 1,
            "cross_selling_priority": 2,
            "win_back_priority": 0,
            "loyalty_priority": 3,
            "loyalty_rationale": "Most revenue comes from repeat buyers.",
        },
    )
    client.post(
        f"{base(engagement)}/strategy/vision",
        data={"vision": "Müşterilerimizin ilk tercihi olmak."},
    )
    response = client.post(
        f"{base(engagement)}/goals",
        data={
            "title": "Keep customers",
            "target": "Retain 90% of last year's",
            "deadline": "2027-06-30",
            "department": "sales",
            "strategy_id": strategy_id,
        },
    )
    goal_url = response.location
    assert "/planning/goals/" in goal_url

    closing = client.post(f"{base(engagement)}/close")
    index = client.get(closing.location).text
    assert "These goals have no measure: Keep customers." in index
    assert "Not every workshop session has been held." in index

    client.post(
        f"{goal_url}/measures",
        data={
            "measure-name": "Retention rate",
            "measure-perspective": "customer",
            "measure-unit": "%",
            "measure-direction": "higher",
            "measure-baseline": "78",
            "measure-target": "90",
        },
    )
    hold_all_sessions(client, engagement, ids)
    closed = client.post(f"{base(engagement)}/close")
    assert "Planning is complete." in client.get(closed.location).text
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "4 of 4 steps done" in dashboard


def test_a_goal_cannot_point_at_another_engagements_strategy(
    client, engagement, factory
):
    other_owner = factory.user("other@example.com")
    other = factory.engagement(other_owner, "Başka A.Ş.")
    with client.application.app_context():
        from app.models import BusinessStrategy

        foreign = BusinessStrategy(engagement_id=other, statement="Gizli")
        db.session.add(foreign)
        db.session.commit()
        foreign_id = foreign.id
    response = client.post(
        f"{base(engagement)}/goals",
        data={
            "title": "X",
            "target": "Y",
            "deadline": "2027-01-01",
            "department": "sales",
            "strategy_id": foreign_id,
        },
    )
    assert response.status_code == 200  # refused as not a valid choice
    assert "Not a valid choice" in response.text


def test_the_planning_report_holds_vision_goals_and_warnings(app, client, engagement):
    with app.app_context():
        db.session.get(Engagement, engagement).report_language = "en"
        db.session.commit()
    client.post(
        f"{base(engagement)}/strategy/vision",
        data={"vision": "Be the first choice of our customers."},
    )
    client.post(
        f"{base(engagement)}/goals",
        data={
            "title": "Grow cross-selling",
            "target": "+15% products per customer",
            "deadline": "2027-12-31",
            "department": "marketing",
            "strategy_id": 0,
        },
    )
    client.post(
        f"{base(engagement)}/answers/market_trends",
        data={"notes": "raw", "agreed": "Prices fall; service decides."},
    )
    text = " ".join(pdf_text(issue_report(client, engagement, "planning").data).split())
    assert "Planning report" in text
    assert "Be the first choice of our customers." in text
    assert "Grow cross-selling" in text and "This goal has no measure yet." in text
    assert "Prices fall; service decides." in text
    assert "These goals have no measure: Grow cross-selling." in text


def test_the_sponsor_reads_planning_but_changes_nothing(
    client, auth, factory, engagement
):
    sponsor = factory.user("boss@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("boss@example.com")
    assert client.get(f"{base(engagement)}/").status_code == 200
    assert client.get(f"{base(engagement)}/sessions/market/present").status_code == 200
    saved = client.post(
        f"{base(engagement)}/answers/market_trends", data={"agreed": "x"}
    )
    assert saved.status_code == 403


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ({"held_on": ""}, "Give the date the session was held on."),
        ({"held_on": "2030-01-15"}, "This date is after today"),
        ({"facilitator": ""}, "Name who led the session."),
        ({"attended": []}, "Tick who attended the session."),
    ],
)
def test_a_session_is_held_only_on_a_past_day_led_and_attended(
    app, client, engagement, missing, message
):
    """DOMAIN.md, planning: the working group meets in sessions; a session
    marked held is a record of a meeting that took place."""
    ids = working_group(client, engagement)
    url = f"{base(engagement)}/sessions/market"
    held = {
        "held_on": "2026-03-02",
        "facilitator": "Ayla",
        "invited": ids,
        "attended": ids,
        "held": "y",
    }
    response = client.post(url, data=held | missing)
    assert response.status_code == 200
    assert message in response.text
    with app.app_context():
        session = db.session.scalar(
            select(WorkshopSession).where(WorkshopSession.engagement_id == engagement)
        )
        assert session is None or not session.held


def test_a_session_may_be_planned_for_a_day_ahead(client, engagement):
    url = f"{base(engagement)}/sessions/market"
    response = client.post(url, data={"held_on": "2030-01-15"})
    assert response.status_code == 302
    assert 'value="2030-01-15"' in client.get(url).text
