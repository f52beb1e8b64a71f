"""The gap analysis, the transition plan, the review log and the two
implementation reports, through the test client."""

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Membership, OrgPerson, Review, WorkPackage
from assessments.gaps import Component, Layer, question_id
from assessments.organisation import Department
from assessments.roles import Role
from tests.pdf import issue_report, page_count, pdf_text
from tests.questionnaire_helpers import complete, post_sections, take_of
from tests.web.test_scorecard import add_measure, base, make_goal

TODAY = date.today()
FACTORS = [
    "productivity",
    "cost_reduction",
    "staff_morale",
    "customer_knowledge",
    "customer_loyalty",
    "pilot_first",
    "user_training",
    "staff_motivation",
    "system_management",
    "management_commitment",
]


def gaps_base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/questionnaires/gap_analysis"


def rate_everything(client, engagement_id, cells) -> str:
    """Answer every cell (3 → 4 unless given) and return the result page."""
    take_id = take_of(client.post(f"{gaps_base(engagement_id)}/takes").location)
    posts = []
    for component in Component:
        data = {}
        for layer in Layer:
            current, designed, note = cells.get((component, layer), (3, 3, ""))
            data[question_id(component, layer, "current")] = str(current)
            data[question_id(component, layer, "designed")] = str(designed)
            data[question_id(component, layer, "note")] = note
        posts.append((component.value, data))
    post_sections(client, gaps_base(engagement_id), take_id, posts)
    done = complete(client, gaps_base(engagement_id), take_id)
    return client.get(done.location).text


def test_gaps_are_ranked_with_people_and_process_first(client, engagement):
    page = rate_everything(
        client,
        engagement,
        {
            (Component.TECHNOLOGY, Layer.ANALYTICAL): (1, 4, "Veri ambarı yok"),
            (Component.PEOPLE, Layer.OPERATIONAL): (2, 4, "Eğitim yok"),
            (Component.PROCESS, Layer.COLLABORATIVE): (3, 5, ""),
            (Component.STRATEGY, Layer.OPERATIONAL): (2, 3, ""),
        },
    )
    table = re.search(r"<h3>Priorities</h3>.*?</table>", page, re.DOTALL).group(0)
    rows = re.findall(r"<tr><td>(\d)</td><td>(\w+)</td><td>([\w ]+)</td>", table)
    assert rows == [
        ("1", "People", "Operational CRM"),  # 2 × 1.5
        ("2", "Process", "Collaborative CRM"),  # 2 × 1.5
        ("3", "Technology", "Analytical CRM"),  # 3 × 1.0
        ("4", "Strategy", "Operational CRM"),  # 1 × 1.0
    ]
    assert "Veri ambarı yok" in table
    assert "Current and designed level of each component and layer" in page
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "Set the transition plan" in dashboard  # the gap step is done


def package_form(title, start, end, **extra) -> dict:
    data = {
        "title": title,
        "owner_id": "0",
        "starts_on": start.isoformat(),
        "ends_on": end.isoformat(),
        "status": "planned",
        "depends_on_id": "0",
        "notes": "",
    }
    return data | extra


def add_package(client, engagement_id, *args, **extra) -> int:
    response = client.post(
        f"{base(engagement_id)}/plan/packages/new",
        data=package_form(*args, **extra),
    )
    assert response.status_code == 302, response.text[:2000]
    return latest_package(client.application, engagement_id)


def latest_package(app, engagement_id) -> int:
    with app.app_context():
        return db.session.scalar(
            select(WorkPackage.id)
            .where(WorkPackage.engagement_id == engagement_id)
            .order_by(WorkPackage.id.desc())
        )


def test_an_overdue_package_shows_on_the_plan_and_the_dashboard(client, engagement):
    add_package(
        client,
        engagement,
        "Satış ekibine eğitim",
        TODAY - timedelta(days=40),
        TODAY - timedelta(days=5),
        status="in_progress",
    )
    add_package(
        client,
        engagement,
        "Bitti",
        TODAY - timedelta(days=60),
        TODAY - timedelta(days=50),
        status="done",
    )
    plan = client.get(f"{base(engagement)}/plan").text
    assert plan.count("Overdue since") == 1
    assert '<svg class="chart timeline"' in plan
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "1 work package is overdue" in dashboard
    assert "Satış ekibine eğitim" in dashboard and "Bitti" not in dashboard


def test_the_plan_length_warning_follows_the_limits(client, engagement):
    add_package(client, engagement, "Pilot", TODAY, TODAY + timedelta(days=60))
    assert (
        "The plan is shorter than 3 months"
        in client.get(f"{base(engagement)}/plan").text
    )
    response = client.post(
        f"{base(engagement)}/plan/settings",
        data={"shortest_months": "1", "longest_months": "12"},
    )
    assert response.status_code == 302
    page = client.get(f"{base(engagement)}/plan").text
    assert "The plan is shorter" not in page and "The plan is longer" not in page
    bad = client.post(
        f"{base(engagement)}/plan/settings",
        data={"shortest_months": "12", "longest_months": "6"},
    )
    assert bad.status_code == 400
    assert "The longest must be more than the shortest." in bad.text


@pytest.mark.parametrize("longest", ["many", "1e3", ""])
def test_plan_limits_that_are_no_number_are_refused(client, engagement, longest):
    response = client.post(
        f"{base(engagement)}/plan/settings",
        data={"shortest_months": "3", "longest_months": longest},
    )
    assert response.status_code == 400


def test_dependencies_warn_when_early_and_refuse_a_circle(app, client, engagement):
    first = add_package(client, engagement, "Eğitim", TODAY, TODAY + timedelta(days=30))
    second = add_package(
        client,
        engagement,
        "Pilot",
        TODAY + timedelta(days=10),
        TODAY + timedelta(days=120),
        depends_on_id=str(first),
    )
    assert (
        "Starts before the package it waits for ends."
        in client.get(f"{base(engagement)}/plan").text
    )
    circle = client.post(
        f"{base(engagement)}/plan/packages/{first}",
        data=package_form(
            "Eğitim",
            TODAY,
            TODAY + timedelta(days=30),
            depends_on_id=str(second),
            revision="1",
        ),
    )
    assert "the plan would go in a circle" in circle.text
    with app.app_context():
        assert db.session.get(WorkPackage, first).depends_on_id is None
    backwards = client.post(
        f"{base(engagement)}/plan/packages/new",
        data=package_form("Geri", TODAY, TODAY - timedelta(days=1)),
    )
    assert "The end cannot be before the start." in backwards.text


def test_the_review_log_is_written_by_the_consultant_and_read_by_all(
    app, client, engagement, factory, auth
):
    response = client.post(
        f"{base(engagement)}/reviews",
        data={
            "held_on": "2026-09-01",
            "findings": "Portal <b>kullanılmıyor</b>",
            "actions": "Ziyaretlerde tanıtım",
            "owner_id": "0",
        },
    )
    assert response.status_code == 302
    page = client.get(f"{base(engagement)}/reviews").text
    assert "Portal &lt;b&gt;kullanılmıyor&lt;/b&gt;" in page
    feed = client.get(f"/engagements/{engagement}/activity").text
    assert "Wrote the review of 1 Sep 2026" in feed
    sponsor = factory.user("sule@example.com", "Şule Karaağaç")
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("sule@example.com")
    assert "Portal" in client.get(f"{base(engagement)}/reviews").text
    refused = client.post(
        f"{base(engagement)}/reviews", data={"held_on": "2026-09-02", "findings": "x"}
    )
    assert refused.status_code == 403
    with app.app_context():
        assert len(db.session.scalars(select(Review)).all()) == 1


def test_the_two_reports_carry_the_phase(app, client, engagement):
    goal = make_goal(app, engagement)
    measure = add_measure(client, engagement, goal, name="Bayi memnuniyeti")
    client.post(
        f"{base(engagement)}/measures/{measure}/values",
        data={"day": "2026-05-01", "value": "80"},
    )
    add_measure(
        client,
        engagement,
        goal,
        name="Ali'nin elde tuttuğu bayiler",
        scope="personal",
        owner_id=str(_owner(app, engagement)),
    )
    rate_everything(
        client,
        engagement,
        {(Component.PEOPLE, Layer.ANALYTICAL): (1, 4, "Analist yok")},
    )
    add_package(
        client,
        engagement,
        "Veri ambarı kurulumu",
        TODAY - timedelta(days=30),
        TODAY - timedelta(days=1),
        status="in_progress",
    )
    scorecard_pdf = issue_report(client, engagement, "scorecard")
    assert scorecard_pdf.mimetype == "application/pdf"
    text = pdf_text(scorecard_pdf.data)
    # the engagement reports in Turkish
    assert "Dengeli puan kartı raporu" in text
    assert re.search(r"Bayi memnuniyeti.*Sarı", text)
    assert 2 <= page_count(scorecard_pdf.data) <= 6
    report = issue_report(client, engagement, "implementation").data
    implementation = " ".join(pdf_text(report, layout=False).split())
    for expected in (
        "Uygulama raporu",
        "Analist yok",
        "Veri ambarı kurulumu — gecikmede",
        "Ali'nin elde tuttuğu",
        "Başarı etkenleri kontrol listesi henüz tamamlanmadı.",
    ):
        assert expected in implementation, expected
    assert 3 <= page_count(report) <= 6


def _owner(app, engagement_id) -> int:
    with app.app_context():
        return db.session.scalar(
            select(Membership.user_id).where(Membership.engagement_id == engagement_id)
        )


def test_a_milestone_needs_no_end_but_a_package_does(app, client, engagement):
    milestone = client.post(
        f"{base(engagement)}/plan/packages/new",
        data=package_form("Pilot kararı", TODAY, TODAY, is_milestone="y")
        | {"ends_on": ""},
    )
    assert milestone.status_code == 302
    with app.app_context():
        row = db.session.get(WorkPackage, latest_package(app, engagement))
        assert row.is_milestone and row.ends_on == row.starts_on
    package = client.post(
        f"{base(engagement)}/plan/packages/new",
        data=package_form("Eğitim", TODAY, TODAY) | {"ends_on": ""},
    )
    assert "Give the end date (only a milestone has none)." in package.text


def _person(app, engagement_id, name="Hakan Demir") -> int:
    """A person of the organisation without a login."""
    with app.app_context():
        person = OrgPerson(
            engagement_id=engagement_id, name=name, department=Department.LOGISTICS
        )
        db.session.add(person)
        db.session.commit()
        return person.id


def test_the_priorities_become_packages_that_name_their_gaps(app, client, engagement):
    rate_everything(
        client,
        engagement,
        {
            (Component.TECHNOLOGY, Layer.ANALYTICAL): (1, 4, "Veri ambarı yok"),
            (Component.PEOPLE, Layer.OPERATIONAL): (2, 4, "Eğitim yok"),
        },
    )
    plan_page = client.get(f"{base(engagement)}/plan").text
    assert "2 priorities have no work package that closes them" in plan_page
    add_package(
        client,
        engagement,
        "Satış ekibine eğitim",
        TODAY,
        TODAY + timedelta(days=60),
        closes="people/operational",
    )
    plan_page = client.get(f"{base(engagement)}/plan").text
    uncovered = re.search(r'<ol id="uncovered">(.*?)</ol>', plan_page, re.S).group(1)
    assert "Technology · Analytical CRM" in uncovered
    assert "People" not in uncovered
    drafted = client.post(f"{base(engagement)}/plan/drafts")
    assert drafted.status_code == 302
    with app.app_context():
        rows = db.session.scalars(select(WorkPackage).order_by(WorkPackage.id)).all()
        assert [(r.title, r.closes) for r in rows] == [
            ("Satış ekibine eğitim", ["people/operational"]),
            ("Close the gap: Technology · Analytical CRM", ["technology/analytical"]),
        ]
        assert rows[1].notes == "Veri ambarı yok"
    plan_page = client.get(f"{base(engagement)}/plan").text
    assert 'id="uncovered"' not in plan_page
    assert "Every priority of the latest gap analysis has a work package" in plan_page
    # a second press drafts nothing twice
    client.post(f"{base(engagement)}/plan/drafts")
    with app.app_context():
        assert len(db.session.scalars(select(WorkPackage)).all()) == 2
    refused = client.post(
        f"{base(engagement)}/plan/packages/new",
        data=package_form("X", TODAY, TODAY, closes="people/nowhere"),
    )
    assert refused.status_code == 200
    with app.app_context():
        assert len(db.session.scalars(select(WorkPackage)).all()) == 2


def test_a_package_under_way_on_an_overdue_one_warns(client, engagement):
    late = add_package(
        client,
        engagement,
        "Süreç tasarımı",
        TODAY - timedelta(days=40),
        TODAY - timedelta(days=5),
        status="in_progress",
    )
    add_package(
        client,
        engagement,
        "Süreci uygulamak",
        TODAY - timedelta(days=4),
        TODAY + timedelta(days=30),
        status="in_progress",
        depends_on_id=str(late),
    )
    page = client.get(f"{base(engagement)}/plan").text
    assert page.count("Under way while the package it waits for is overdue") == 1


def test_the_pilot_factor_and_the_pilot_package_side_by_side(app, client, engagement):
    factors = f"/engagements/{engagement}/questionnaires/success_factors"
    take_id = take_of(client.post(f"{factors}/takes").location)
    post_sections(
        client,
        factors,
        take_id,
        [
            ("benefits", dict.fromkeys(FACTORS[:5], "not_yet")),
            (
                "conditions",
                dict.fromkeys(FACTORS[5:], "not_yet")
                | {"pilot_first": "in_place", "pilot_first_evidence": "Ege"},
            ),
        ],
    )
    complete(client, factors, take_id)
    pilot = add_package(
        client,
        engagement,
        "Ege pilotu",
        TODAY - timedelta(days=10),
        TODAY + timedelta(days=30),
        status="in_progress",
        is_pilot="y",
    )
    page = client.get(f"{base(engagement)}/plan").text
    assert 'id="pilot-disagrees"' in page
    assert "Ege pilotu: Under way" in page
    client.post(
        f"{base(engagement)}/plan/packages/{pilot}",
        data=package_form(
            "Ege pilotu",
            TODAY - timedelta(days=10),
            TODAY + timedelta(days=30),
            status="done",
            is_pilot="y",
            revision="1",
        ),
    )
    assert 'id="pilot-disagrees"' not in client.get(f"{base(engagement)}/plan").text
    # one pilot per plan: marking another un-marks the first
    add_package(client, engagement, "İkinci", TODAY, TODAY, is_pilot="y")
    with app.app_context():
        flagged = db.session.scalars(
            select(WorkPackage.title).where(WorkPackage.is_pilot)
        ).all()
        assert flagged == ["İkinci"]


def test_anyone_of_the_organisation_owns_work_but_no_one_of_another(
    app, client, engagement, two_companies
):
    hakan = _person(app, engagement)
    add_package(client, engagement, "Depo süreci", TODAY, TODAY, owner_id=str(hakan))
    assert "Hakan Demir" in client.get(f"{base(engagement)}/plan").text
    stranger = _person(app, two_companies.theirs, "Yabancı Kişi")
    refused = client.post(
        f"{base(engagement)}/plan/packages/new",
        data=package_form("Y", TODAY, TODAY, owner_id=str(stranger)),
    )
    assert refused.status_code == 200 and "Yabancı" not in refused.text


def test_a_review_rechecks_the_factors_and_tracks_its_actions(
    app, client, engagement, two_companies
):
    factors = f"/engagements/{engagement}/questionnaires/success_factors"
    first = take_of(client.post(f"{factors}/takes").location)
    post_sections(
        client,
        factors,
        first,
        [
            (
                "benefits",
                dict.fromkeys(FACTORS[:5], "not_yet") | {"productivity": "partly"},
            ),
            ("conditions", dict.fromkeys(FACTORS[5:], "not_yet")),
        ],
    )
    complete(client, factors, first)
    client.post(
        f"{base(engagement)}/reviews",
        data={
            "held_on": TODAY.isoformat(),
            "findings": "Portal az kullanılıyor",
            "owner_id": "0",
        },
    )
    with app.app_context():
        review = db.session.scalar(
            select(Review.id).where(Review.engagement_id == engagement)
        )
    started = client.post(
        f"{base(engagement)}/reviews/{review}/recheck",
        data={"take_id": "0", "start": "y"},
    )
    assert started.status_code == 302, started.text[:3000]
    assert started.location.endswith(f"{factors}/")
    with app.app_context():
        take = db.session.get(Review, review).factors_take
        assert take.number == 2 and take.completed_at is None
        second = take.id
    post_sections(
        client,
        factors,
        second,
        [
            (
                "benefits",
                dict.fromkeys(FACTORS[:5], "not_yet")
                | {"productivity": "in_place", "productivity_evidence": "Tek ekran"},
            ),
            ("conditions", dict.fromkeys(FACTORS[5:], "not_yet")),
        ],
    )
    complete(client, factors, second)
    page = client.get(f"{base(engagement)}/reviews").text
    assert "Factors in place: 0 at take 1, 1 now." in page
    assert "Factor 1: Partly → In place" in page
    package = add_package(client, engagement, "Portal tanıtımı", TODAY, TODAY)
    hakan = _person(app, engagement)
    saved = client.post(
        f"{base(engagement)}/reviews/{review}/actions/new",
        data={
            "text": "Bayilere portal eğitimi",
            "owner_id": str(hakan),
            "due_on": (TODAY - timedelta(days=1)).isoformat(),
            "status": "in_progress",
            "work_package_id": str(package),
            "measure_id": "0",
        },
    )
    assert saved.status_code == 302
    page = client.get(f"{base(engagement)}/reviews").text
    actions = re.search(r'review-actions">(.*?)</table>', page, re.S).group(1)
    for expected in ("Bayilere portal eğitimi", "Hakan Demir", "Under way", "overdue",
                     "Work package: Portal tanıtımı"):  # fmt: skip
        assert expected in actions, expected
    with app.app_context():
        foreign = db.session.scalar(
            select(WorkPackage.id).where(
                WorkPackage.engagement_id == two_companies.theirs
            )
        )
    refused = client.post(
        f"{base(engagement)}/reviews/{review}/actions/new",
        data={"text": "X", "owner_id": "0", "status": "open",
              "work_package_id": str(foreign), "measure_id": "0"},
    )  # fmt: skip
    assert refused.status_code == 400
