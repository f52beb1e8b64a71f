"""The planning phase through the test client: sessions, guide answers,
strategy → goal → measure, closing, and the report."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.i18n.locale import local_today
from app.models import (
    BusinessStrategy,
    Engagement,
    Goal,
    GuideAnswer,
    Measure,
    PlanningState,
    SiteRole,
    WorkshopSession,
)
from app.planning import services
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
                "facilitator_id": people_ids[0],
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
            "facilitator_id": ids[0],
            "invited": ids,
            "attended": ids,
            "held": "y",
        },
    )
    page = client.get(f"{base(engagement)}/sessions/market").text
    assert "No front-line staff from Marketing." in page
    assert "No manager from" not in page


def test_invitations_save_before_anyone_leads_the_session(app, client, engagement):
    ids = working_group(client, engagement)
    response = client.post(f"{base(engagement)}/sessions/market", data={"invited": ids})
    assert response.status_code == 302
    page = client.get(f"{base(engagement)}/sessions/market").text
    assert '<option selected value="0">—</option>' in page


def test_absent_people_leave_their_seat_empty(client, engagement):
    ids = working_group(client, engagement)
    attended = ids[
        1:
    ]  # the first (the finance manager, by department order) stayed away
    client.post(
        f"{base(engagement)}/sessions/market",
        data={
            "held_on": "2026-03-02",
            "facilitator_id": ids[0],
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
    goal_id = int(goal_url.rsplit("/", 1)[1])

    closing = client.post(f"{base(engagement)}/close")
    index = client.get(closing.location).text
    assert "Planning cannot be closed yet" in index
    assert (
        f'This goal has no measure: <a href="{base(engagement)}/goals/{goal_id}">'
        "Keep customers</a>." in index
    )
    assert "“Day 1 — Market and competitors” has not been held." in index
    assert f'href="{base(engagement)}/sessions/market"' in index

    for perspective in ("financial", "customer", "internal", "learning"):
        add_measure(client, goal_url, perspective)
    hold_all_sessions(client, engagement, ids)
    settle_every_question(client, engagement)
    closed = client.post(f"{base(engagement)}/close")
    assert "Planning is complete." in client.get(closed.location).text
    feed = client.get(f"/engagements/{engagement}/activity").text
    assert "Closed the Planning phase" in feed
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "4 of 4 steps done" in dashboard


def add_measure(client, goal_url: str, perspective: str, **changes) -> None:
    data = {
        "measure-name": f"A {perspective} measure",
        "measure-perspective": perspective,
        "measure-unit": "%",
        "measure-direction": "higher",
        "measure-baseline": "78",
        "measure-target": "90",
    }
    client.post(f"{goal_url}/measures", data=data | changes)


def settle_every_question(client, engagement_id: int, skip=()) -> None:
    """An agreed answer on every question of the guide but those skipped."""
    with client.application.app_context():
        questions = [q.id for q in services.guide().questions()]
    for question_id in questions:
        if question_id not in skip:
            client.post(
                f"{base(engagement_id)}/answers/{question_id}",
                data={"agreed": f"Agreed on {question_id}."},
                headers={"Accept": "application/json"},
            )


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
    assert "This goal has no measure: Grow cross-selling." in text
    assert "Grow cross-selling" in text.split("comes from no business strategy")[1]


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
        ({"facilitator_id": "0"}, "Choose who led the session."),
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
        "facilitator_id": ids[0],
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


def _closed(app, engagement_id: int) -> bool:
    with app.app_context():
        row = db.session.get(PlanningState, engagement_id)
        return bool(row and row.closed_at)


def test_planning_does_not_close_on_a_hollow_session(app, client, engagement):
    """DOMAIN.md, planning: the workshop of the project group is about four
    days; a day marked held (as older records may be) with no date, nobody
    leading it and nobody present did not take place, and planning stays open,
    naming the session with a link to it."""
    with app.app_context():
        db.session.add(
            WorkshopSession(engagement_id=engagement, section_id="company", held=True)
        )
        db.session.commit()
    closing = client.post(f"{base(engagement)}/close")
    index = client.get(closing.location).text
    for message in (
        "is marked held, but not the day it was held on.",
        "is marked held, but not who led it.",
        "is marked held, but nobody is recorded as present.",
    ):
        assert f"“Day 3 — Inside the company” {message}" in index
    assert f'href="{base(engagement)}/sessions/company"' in index
    assert not _closed(app, engagement)


def test_a_question_is_settled_by_an_answer_or_by_why_nothing_was_agreed(
    client, engagement
):
    """DOMAIN.md, planning: the workshop discusses the guide's questions; the
    record holds what the room agreed, or why it agreed nothing."""
    settle_every_question(client, engagement, skip={"market_trends"})
    index = client.get(f"{base(engagement)}/").text
    link = f'<a href="{base(engagement)}/sessions/market/present?q=1">1</a>'
    assert f"“Day 1 — Market and competitors”: question {link} has no agreed" in index
    assert index.count("has no agreed answer") == 1
    client.post(
        f"{base(engagement)}/answers/market_trends",
        data={"notes": "Long debate.", "nothing_agreed": "Sales and finance differ."},
    )
    index = client.get(f"{base(engagement)}/").text
    assert "no agreed answer" not in index
    presented = client.get(f"{base(engagement)}/sessions/market/present?q=1").text
    assert "Sales and finance differ." in presented


def test_closing_needs_a_strategy_goals_tied_to_one_and_four_perspectives(
    client, engagement
):
    """DOMAIN.md, planning (output): business strategies become the project's
    goals; measuring: measures in four perspectives track them."""
    response = client.post(
        f"{base(engagement)}/goals",
        data={
            "title": "Cut the cost of idle customers",
            "target": "Serve them by phone",
            "deadline": "2027-06-30",
            "department": "sales",
            "strategy_id": 0,
        },
    )
    add_measure(client, response.location, "financial")
    index = client.get(f"{base(engagement)}/").text
    assert "No business strategy is agreed yet." in index
    assert f'href="{base(engagement)}/strategy#strategies"' in index
    goal_link = f'<a href="{response.location}">Cut the cost of idle customers</a>'
    assert f"This goal comes from no business strategy: {goal_link}." in index
    assert (
        "No measure yet in these perspectives of the scorecard: Customer, "
        "Internal process, Creativity and learning." in index
    )


def closed_planning(app, engagement_id: int) -> None:
    with app.app_context():
        services.state(
            db.session.get(Engagement, engagement_id)
        ).closed_at = datetime.now(UTC)
        db.session.commit()


def test_closed_planning_refuses_changes_to_its_records(app, client, engagement):
    """DOMAIN.md, planning (output): business strategies, goals and the metrics
    are what the later phases build on; once planning is closed they read
    only until someone reopens it."""
    client.post(
        f"{base(engagement)}/strategy/strategies", data={"statement": "Keep them."}
    )
    goal_url = client.post(
        f"{base(engagement)}/goals",
        data={
            "title": "Keep customers",
            "target": "90%",
            "deadline": "2027-06-30",
            "department": "sales",
            "strategy_id": 0,
        },
    ).location
    add_measure(client, goal_url, "customer")
    closed_planning(app, engagement)
    with app.app_context():
        strategy_id = db.session.scalar(select(BusinessStrategy.id))
        measure_id = db.session.scalar(select(Measure.id))
    changes = [
        (f"{base(engagement)}/strategy/strategies", {"statement": "Another."}),
        (f"{base(engagement)}/strategy/strategies/{strategy_id}/delete", {}),
        (f"{base(engagement)}/strategy/vision", {"vision": "Be first."}),
        (
            f"{goal_url}",
            {
                "title": "Changed",
                "target": "1",
                "deadline": "2027-06-30",
                "department": "sales",
                "strategy_id": 0,
            },
        ),
        (f"{goal_url}/delete", {}),
        (
            f"{goal_url}/measures",
            {
                "measure-name": "New",
                "measure-perspective": "financial",
                "measure-direction": "higher",
                "measure-target": "5",
            },
        ),
        (
            f"{base(engagement)}/measures/{measure_id}",
            {
                "measure-name": "Renamed",
                "measure-perspective": "customer",
                "measure-direction": "higher",
                "measure-target": "95",
            },
        ),
        (f"{base(engagement)}/measures/{measure_id}/delete", {}),
    ]
    for url, data in changes:
        response = client.post(url, data=data, follow_redirects=True)
        assert "Planning is closed, so this can no longer change." in response.text, url
    with app.app_context():
        assert db.session.scalars(select(BusinessStrategy.statement)).all() == [
            "Keep them."
        ]
        assert db.session.scalars(select(Goal.title)).all() == ["Keep customers"]
        assert db.session.scalars(select(Measure.name)).all() == ["A customer measure"]
        assert services.state(db.session.get(Engagement, engagement)).vision == ""
    page = client.get(goal_url).text
    assert "Edit the goal" not in page and "Add a measure" not in page
    assert "Reopen planning" in page


def test_closed_planning_keeps_sessions_and_answers_as_they_were(
    app, client, engagement
):
    """DOMAIN.md, planning: the sessions and the answers agreed in them are the
    record of the workshop; closed planning keeps them."""
    closed_planning(app, engagement)
    session = client.post(
        f"{base(engagement)}/sessions/market",
        data={"held_on": "2026-03-02"},
        follow_redirects=True,
    )
    assert "Planning is closed" in session.text
    answer = client.post(
        f"{base(engagement)}/answers/market_trends",
        data={"agreed": "Too late."},
        headers={"Accept": "application/json"},
    )
    assert answer.status_code == 423
    with app.app_context():
        assert db.session.scalar(select(WorkshopSession)) is None
        assert db.session.scalar(select(GuideAnswer)) is None


def test_reopening_planning_is_recorded_in_the_activity_log(app, client, engagement):
    """DOMAIN.md, planning: closed until someone reopens it, and the sponsor
    can see who did."""
    closed_planning(app, engagement)
    client.post(f"{base(engagement)}/reopen")
    assert "Reopen planning" not in client.get(f"{base(engagement)}/strategy").text
    client.post(
        f"{base(engagement)}/strategy/strategies", data={"statement": "Now allowed."}
    )
    with app.app_context():
        assert db.session.scalar(select(BusinessStrategy.statement)) == "Now allowed."
    feed = client.get(f"/engagements/{engagement}/activity").text
    assert "Opened the Planning phase again" in feed


def _participants(app, engagement_id: int) -> dict[str, bool]:
    """Who the market session lists, and whether each attended."""
    with app.app_context():
        session = db.session.scalar(
            select(WorkshopSession).where(
                WorkshopSession.engagement_id == engagement_id
            )
        )
        return {p.person.name: p.attended for p in session.participants}


def test_attending_marks_a_person_invited(app, client, engagement):
    """DOMAIN.md, planning: the working group's people sit in the workshop;
    whoever was in the room was invited to it, never silently dropped."""
    ids = working_group(client, engagement)
    client.post(
        f"{base(engagement)}/sessions/market",
        data={
            "held_on": "2026-03-02",
            "facilitator_id": ids[0],
            "invited": ids[1:3],
            "attended": [ids[0], ids[1]],
            "held": "y",
        },
    )
    names = _participants(app, engagement)
    assert len(names) == 3
    assert sorted(names.values()) == [False, True, True]


def test_the_sponsor_and_the_project_manager_can_be_recorded_present(
    app, client, engagement
):
    """DOMAIN.md, preparation (project organisation): the sponsor follows the
    plans and backs the project manager; both may sit in a planning session,
    and the attendance says so."""
    url = f"/engagements/{engagement}/preparation/organisation"
    client.post(
        url,
        data={
            "name": "Şule Patron",
            "department": "management",
            "is_sponsor": "y",
            "is_top_decision_maker": "y",
        },
    )
    client.post(
        url,
        data={
            "name": "Murat Yönetici",
            "department": "marketing",
            "is_project_manager": "y",
        },
    )
    page = client.get(f"{base(engagement)}/sessions/market").text
    offered = [int(v) for v in _values(page, "attended")]
    assert len(offered) == 2
    client.post(
        f"{base(engagement)}/sessions/market",
        data={
            "held_on": "2026-03-02",
            "facilitator_id": offered[0],
            "attended": offered,
            "held": "y",
        },
    )
    assert _participants(app, engagement) == {
        "Murat Yönetici": True,
        "Şule Patron": True,
    }


def test_the_facilitator_is_one_of_the_organisations_people(
    app, client, engagement, factory
):
    """DOMAIN.md, planning: the workshop is guided by the consultant or the
    CRM-savvy project manager, people of the project organisation."""
    ids = working_group(client, engagement)
    other = factory.engagement(factory.user("other@example.com"), "Başka A.Ş.")
    with app.app_context():
        from app.models import OrgPerson

        stranger = OrgPerson(engagement_id=other, name="Yabancı", department="sales")
        db.session.add(stranger)
        db.session.commit()
        stranger_id = stranger.id
    url = f"{base(engagement)}/sessions/market"
    refused = client.post(url, data={"facilitator_id": stranger_id, "invited": ids})
    assert refused.status_code == 200 and "Not a valid choice" in refused.text
    client.post(url, data={"facilitator_id": ids[2], "invited": ids})
    with app.app_context():
        session = db.session.scalar(select(WorkshopSession))
        assert session.facilitator_id == ids[2]
        assert session.facilitator == session.facilitator_person.name
    assert session.facilitator in client.get(f"{base(engagement)}/").text


def test_a_facilitator_typed_before_still_reads_and_counts(app, client, engagement):
    """Sessions recorded before facilitators were people keep the name typed."""
    with app.app_context():
        db.session.add(
            WorkshopSession(
                engagement_id=engagement,
                section_id="offer",
                held=True,
                facilitator="Deniz Aydın",
            )
        )
        db.session.commit()
    index = client.get(f"{base(engagement)}/").text
    assert "<td>Deniz Aydın</td>" in index
    assert "Offer, strategies and goals” is marked held, but not who led" not in index
    page = client.get(f"{base(engagement)}/sessions/offer").text
    assert "Recorded as led by Deniz Aydın" in page


def _goal(**changes) -> dict:
    return {
        "title": "Keep customers",
        "target": "90%",
        "deadline": "2027-06-30",
        "department": "sales",
        "strategy_id": 0,
    } | changes


def test_a_goal_with_a_deadline_already_passed_is_refused(app, client, engagement):
    """DOMAIN.md, planning (output): goals become the project's plan; a
    deadline is a plan and lies ahead, never a day gone by."""
    with app.app_context():
        yesterday = (local_today() - timedelta(days=1)).isoformat()
    response = client.post(f"{base(engagement)}/goals", data=_goal(deadline=yesterday))
    assert response.status_code == 200
    assert "This day has passed: a goal&#39;s deadline lies ahead." in response.text
    with app.app_context():
        assert db.session.scalar(select(Goal)) is None


def test_a_goal_keeps_a_deadline_that_passed_since_but_cannot_move_to_one(
    app, client, engagement
):
    """A goal whose deadline came and went can still be corrected; only a
    deadline set now must lie ahead."""
    goal_url = client.post(f"{base(engagement)}/goals", data=_goal()).location
    with app.app_context():
        db.session.scalar(select(Goal)).deadline = date(2026, 1, 31)
        db.session.commit()
    kept = client.post(goal_url, data=_goal(title="Keep more", deadline="2026-01-31"))
    assert kept.status_code == 302
    moved = client.post(goal_url, data=_goal(deadline="2026-02-28"))
    assert "This day has passed" in moved.text
    with app.app_context():
        goal = db.session.scalar(select(Goal))
        assert (goal.title, goal.deadline) == ("Keep more", date(2026, 1, 31))


@pytest.mark.parametrize(
    ("direction", "baseline", "target"),
    [("higher", "78", "70"), ("lower", "8", "12")],
)
def test_a_measure_aiming_below_its_baseline_is_refused(
    app, client, engagement, direction, baseline, target
):
    """DOMAIN.md, measuring: each measure has a baseline, a target and a
    direction (higher or lower is better)."""
    goal_url = client.post(f"{base(engagement)}/goals", data=_goal()).location
    response = client.post(
        f"{goal_url}/measures",
        data={
            "measure-name": "Retention",
            "measure-perspective": "customer",
            "measure-direction": direction,
            "measure-baseline": baseline,
            "measure-target": target,
        },
    )
    assert response.status_code == 200
    assert "This target is worse than the baseline" in response.text
    with app.app_context():
        assert db.session.scalar(select(Measure)) is None


def test_a_refused_priority_names_its_strategy(client, engagement):
    """The error of a priority out of range names the strategy in words,
    not the field's name ("Prospecting Priority")."""
    response = client.post(
        f"{base(engagement)}/strategy/priorities",
        data={
            "prospecting_priority": 7,
            "cross_selling_priority": 0,
            "win_back_priority": 0,
            "loyalty_priority": 0,
        },
    )
    assert "Priority: Prospecting new customers: Number must be between" in (
        response.text
    )
    assert "Prospecting Priority" not in response.text


def test_counts_agree_with_their_nouns(client, engagement):
    """ "1 goal", never "1 goals"."""
    client.post(f"{base(engagement)}/goals", data=_goal())
    page = client.get(f"{base(engagement)}/").text
    assert "1 goal, 0 measures." in page
