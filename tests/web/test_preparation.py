"""The preparation phase through the test client: answer → result → override →
decision → organisation → change log → report."""

from datetime import date

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import (
    Answer,
    Engagement,
    GateReview,
    QuestionnaireTake,
    ResistanceItem,
    ResistanceStatus,
    SiteRole,
    SponsorDecision,
    User,
)
from app.preparation import organisation, services
from assessments.organisation import Department
from assessments.questionnaire import Category, Gate
from assessments.roles import Role
from tests.conftest import PASSWORD
from tests.pdf import issue_report, pdf_text
from tests.preparation_answers import PREPARATION, answer_as, form_posts
from tests.questionnaire_helpers import (
    check_a_second_save_does_not_overwrite_the_first,
    check_completion_names_what_is_missing_and_keeps_the_take_open,
    post_sections,
    take_of,
)
from tests.questionnaire_helpers import complete as complete_take
from tests.questionnaire_helpers import start as start_take


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/preparation"


def start(client, engagement_id) -> int:
    return take_of(start_take(client, base(engagement_id)).location)


def answer_everything(client, engagement_id, take_id, answers) -> None:
    post_sections(client, base(engagement_id), take_id, form_posts(answers))


def complete(client, engagement_id, take_id):
    return complete_take(client, base(engagement_id), take_id)


@pytest.mark.parametrize(
    "category, shown",
    [
        (Category.STRATEGIC_THINKER, "Strategic thinkers"),
        (Category.HOPELESS, "The hopeless"),
        (Category.SAVER, "Savers"),
        (Category.TREND_FOLLOWER, "Trend followers"),
    ],
)
def test_answers_lead_to_the_category_with_its_explanation(
    client, engagement, category, shown
):
    take_id = start(client, engagement)
    answer_everything(client, engagement, take_id, answer_as(category))
    response = complete(client, engagement, take_id)
    assert response.location.endswith(f"/takes/{take_id}/result")
    page = client.get(response.location).text
    assert f'<p class="category-name">{shown}</p>' in page
    assert "The answers that pushed most toward this category" in page
    assert "What to do next" in page


def test_completion_names_what_is_missing_and_keeps_the_take_open(
    app, client, engagement
):
    take_id = start(client, engagement)
    check_completion_names_what_is_missing_and_keeps_the_take_open(
        app, client, base(engagement), take_id
    )


def test_a_section_shows_who_answered_and_marks_missing_required_ones(
    client, engagement
):
    take_id = start(client, engagement)
    client.post(
        f"{base(engagement)}/takes/{take_id}/need",
        data={"seen": "{}", "save": "1", "need_many_customers": "4"},
    )
    page = client.get(f"{base(engagement)}/takes/{take_id}/need").text
    assert "Answered by Deniz Aydın" in page
    assert "required questions in this section have no answer yet" in page
    index = client.get(f"{base(engagement)}/").text
    assert "1 of 7 answered" in index


def test_a_second_save_does_not_silently_overwrite_the_first(
    app, client, engagement, factory
):
    take_id = start(client, engagement)
    check_a_second_save_does_not_overwrite_the_first(
        app,
        client,
        f"{base(engagement)}/takes/{take_id}/need",
        take_id,
        "need_many_customers",
        "need_competition",
    )


def test_a_failed_gate_is_overridden_with_a_reason_and_the_sponsor_approves(
    app, client, auth, factory, engagement
):
    take_id = start(client, engagement)
    reluctant = answer_as(Category.STRATEGIC_THINKER, supportive=False)
    answer_everything(client, engagement, take_id, reluctant)
    complete(client, engagement, take_id)
    result = client.get(f"{base(engagement)}/takes/{take_id}/result").text
    assert result.count('badge-gate-failed">Failed') == 3

    short = client.post(
        f"{base(engagement)}/takes/{take_id}/gates/backing/override",
        data={"backing-reason": "too short"},
    )
    assert short.status_code == 400  # the page again, the reason kept in place
    backing = short.text.split('id="gate-backing"')[1].split('id="gate-')[0]
    assert "at least 20" in backing.lower() and "too short</textarea>" in backing
    assert "too short" not in short.text.split('id="gate-backing"')[0]
    reason = "The owner will chair the steering committee from next month."
    client.post(
        f"{base(engagement)}/takes/{take_id}/gates/backing/override",
        data={"backing-reason": reason},
    )
    page = client.get(f"{base(engagement)}/takes/{take_id}/result").text
    assert 'badge-gate-overridden">Overridden' in page
    assert reason in page and "Overridden by Deniz Aydın" in page
    # The consultant cannot approve; the sponsor can.
    approve = f"{base(engagement)}/takes/{take_id}/gates/backing/decision"
    assert (
        client.post(approve, data={"backing-decision": "approved"}).status_code == 403
    )
    sponsor = factory.user("boss@example.com", "Büşra Patron", SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("boss@example.com", PASSWORD)
    undecided = client.post(approve, data={"backing-comment": "Agreed."})
    assert undecided.status_code == 400
    assert "Choose one of the decisions." in undecided.text
    assert "Agreed.</textarea>" in undecided.text
    client.post(
        approve, data={"backing-decision": "approved", "backing-comment": "Agreed."}
    )
    page = client.get(f"{base(engagement)}/takes/{take_id}/result").text
    assert "Sponsor&#39;s decision on the outcome “Overridden”: go on, by" in page
    assert "Only the sponsor can change this decision" in page
    with app.app_context():
        review = db.session.scalar(
            select(GateReview).where(GateReview.gate == "backing")
        )
        assert review.override_reason == reason
        assert review.decided_at is not None


def test_a_passed_gate_cannot_be_overridden(client, engagement):
    take_id = start(client, engagement)
    answer_everything(
        client, engagement, take_id, answer_as(Category.STRATEGIC_THINKER)
    )
    complete(client, engagement, take_id)
    response = client.post(
        f"{base(engagement)}/takes/{take_id}/gates/need/override",
        data={"need-reason": "A reason that is long enough to be accepted."},
    )
    assert "Only a failed gate can be overridden." in client.get(response.location).text


def test_a_re_assessment_is_compared_with_the_take_before(client, engagement):
    first = start(client, engagement)
    answer_everything(client, engagement, first, answer_as(Category.HOPELESS))
    complete(client, engagement, first)
    second = start(client, engagement)
    assert second != first
    answer_everything(client, engagement, second, answer_as(Category.STRATEGIC_THINKER))
    complete(client, engagement, second)
    page = client.get(f"{base(engagement)}/takes/{second}/compare").text
    assert "The hopeless" in page and "Strategic thinkers" in page
    assert "Answers that changed" in page
    assert client.get(f"{base(engagement)}/takes/{first}/compare").status_code == 404


def test_a_new_take_waits_until_the_current_one_is_complete(client, engagement):
    start(client, engagement)
    response = client.post(f"{base(engagement)}/takes")
    assert "Finish the current take" in client.get(response.location).text


PERSON = {
    "name": "Cem Bilgi",
    "title": "IT Manager",
    "department": "it",
    "email": "",
    "is_project_manager": "y",
    "crm_knowledge": "y",
}


def test_organisation_rules_are_warned_live(client, engagement):
    url = f"{base(engagement)}/organisation"
    client.post(url, data=PERSON)
    page = client.get(url).text
    assert "comes from the IT department" in page
    assert "No sponsor is named" in page
    assert "The project team has no manager from: Marketing, Sales" in page
    client.post(
        url,
        data={
            "name": "Ayşe Yılmaz",
            "department": "management",
            "is_sponsor": "y",
            "is_top_decision_maker": "y",
        },
    )
    assert "No sponsor is named" not in client.get(url).text


TEAM = [
    ("Pınar Pazar", "marketing"),
    ("Selim Satış", "sales"),
    ("Lale Lojistik", "logistics"),
    ("Fikret Finans", "finance"),
    ("Serap Servis", "service"),
]


def record_organisation(client, engagement_id) -> dict[str, int]:
    """A sponsor, a qualified project manager and a full team; their ids by name."""
    url = f"{base(engagement_id)}/organisation"
    client.post(
        url,
        data={
            "name": "Ayşe Yılmaz",
            "department": "management",
            "is_sponsor": "y",
            "is_top_decision_maker": "y",
        },
    )
    client.post(
        url,
        data={
            "name": "Murat Proje",
            "department": "marketing",
            "is_project_manager": "y",
            "crm_knowledge": "y",
            "trusted": "y",
            "communicates_well": "y",
            "knows_market": "y",
        },
    )
    for name, department in TEAM:
        client.post(
            url, data={"name": name, "department": department, "in_project_team": "y"}
        )
    return {p.name: p.id for p in people_of(client.application, engagement_id)}


def people_of(app, engagement_id):
    from app.models import OrgPerson

    with app.app_context():
        return list(
            db.session.scalars(
                select(OrgPerson).where(OrgPerson.engagement_id == engagement_id)
            )
        )


def test_the_announcement_comes_from_the_top_executive_and_completes_the_phase(
    client, engagement
):
    people = record_organisation(client, engagement)
    announce = f"{base(engagement)}/change-log/announcement"
    by_pm = client.post(
        announce,
        data={"announced_on": "2026-03-01", "announced_by": people["Murat Proje"]},
    )
    assert "must come from the top executive" in by_pm.text
    too_early = client.post(
        announce,
        data={"announced_on": "2026-03-01", "announced_by": people["Ayşe Yılmaz"]},
    )
    assert "Finish the earlier steps of preparation first." in too_early.text

    take_id = start(client, engagement)
    answer_everything(
        client, engagement, take_id, answer_as(Category.STRATEGIC_THINKER)
    )
    complete(client, engagement, take_id)
    approve_every_gate(client.application, take_id)
    client.post(
        f"{base(engagement)}/change-log/awareness",
        data={
            "held_on": "2026-02-10",
            "kind": "informal_meeting",
            "topic": "Müşteri odaklılık",
        },
    )
    done = client.post(
        announce,
        data={
            "announced_on": "2026-03-01",
            "announced_by": people["Ayşe Yılmaz"],
            "note": "Geri dönüş yok.",
        },
    )
    assert done.status_code == 302
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "5 of 5 steps done" in dashboard
    assert "phase-tile phase-complete" in dashboard


def test_change_log_records_awareness_and_resistance(client, engagement):
    log = f"{base(engagement)}/change-log"
    client.post(
        f"{log}/awareness",
        data={
            "held_on": "2026-02-03",
            "kind": "training",
            "topic": "CRM'e giriş",
            "attendees": "Satış ve pazarlama müdürleri",
        },
    )
    client.post(
        f"{log}/resistance",
        data={
            "raised_on": "2026-02-04",
            "raised_by": "Satış müdürü",
            "concern": "Zaman kaybı olur",
            "status": "open",
            "resolution": "",
        },
    )
    page = client.get(log).text
    assert "CRM&#39;e giriş" in page and "Zaman kaybı olur" in page
    bad = client.post(f"{log}/awareness", data={"held_on": "", "kind": "training"})
    assert "Please correct the following" in bad.text


def test_editing_a_person_replaces_their_roles_and_qualities(app, client, engagement):
    url = f"{base(engagement)}/organisation"
    client.post(url, data=PERSON)
    (person,) = people_of(app, engagement)
    edited = client.post(
        f"{url}/{person.id}",
        data={"name": "Cem Bilgi", "department": "sales", "in_project_team": "y"},
    )
    assert edited.status_code == 302
    (person,) = people_of(app, engagement)
    assert person.department == Department.SALES
    assert person.in_project_team and not person.is_project_manager
    assert not person.crm_knowledge


def test_a_person_is_saved_with_the_spaces_around_text_dropped(app, engagement):
    with app.app_context():
        row = db.session.get(Engagement, engagement)
        saved = organisation.save_person(
            row,
            None,
            organisation.PersonDetails(
                name="  Cem Bilgi ",
                department=Department.IT,
                title=" IT Manager ",
                email=" cem@example.com ",
            ),
            None,
        )
        assert (saved.name, saved.title, saved.email) == (
            "Cem Bilgi",
            "IT Manager",
            "cem@example.com",
        )


def test_a_resistance_item_is_followed_until_it_is_resolved(app, client, engagement):
    log = f"{base(engagement)}/change-log"
    item = {
        "raised_on": "2026-02-04",
        "raised_by": "Satış müdürü",
        "concern": "Zaman kaybı olur",
        "status": "open",
        "resolution": "",
    }
    client.post(f"{log}/resistance", data=item)
    with app.app_context():
        (row_id,) = db.session.scalars(
            select(ResistanceItem.id).where(ResistanceItem.engagement_id == engagement)
        )
    resolved = client.post(
        f"{log}/resistance/{row_id}",
        data=item | {"status": "resolved", "resolution": "Pilotta gösterildi"},
    )
    assert resolved.status_code == 302
    with app.app_context():
        row = db.session.get(ResistanceItem, row_id)
        assert row.status == ResistanceStatus.RESOLVED
        assert row.resolution == "Pilotta gösterildi"
        assert row.raised_on == date(2026, 2, 4)


def test_dashboard_follows_the_real_state_of_preparation(client, engagement):
    take_id = start(client, engagement)
    answer_everything(
        client, engagement, take_id, answer_as(Category.STRATEGIC_THINKER)
    )
    complete(client, engagement, take_id)
    page = client.get(f"/engagements/{engagement}").text
    assert "1 of 5 steps done" in page  # the gates passed, awaiting the sponsor
    assert "Clear the go/no-go gates with the sponsor" in page
    approve_every_gate(client.application, take_id)
    page = client.get(f"/engagements/{engagement}").text
    assert "2 of 5 steps done" in page
    assert "Set up the project organisation" in page


def test_the_preparation_report_carries_category_gates_and_warnings(
    app, client, engagement
):
    with app.app_context():
        from app.models import Engagement

        db.session.get(Engagement, engagement).report_language = "en"
        db.session.commit()
    take_id = start(client, engagement)
    answer_everything(client, engagement, take_id, answer_as(Category.SAVER))
    complete(client, engagement, take_id)
    client.post(f"{base(engagement)}/organisation", data=PERSON)
    response = issue_report(client, engagement, "preparation")
    assert response.status_code == 200
    text = pdf_text(response.data)
    assert "Preparation report" in text
    assert "Savers" in text
    for gate in ("Need for CRM", "Top-management backing", "Culture open to change"):
        assert gate in text
    assert "comes from the IT department" in text
    assert "Page 1 of" in text
    flowing = " ".join(pdf_text(response.data, layout=False).split())
    for section in PREPARATION.sections:  # every section's answers, not one
        assert section.title.in_language("en") in flowing, section.id
        for question in section.questions:
            assert " ".join(question.text.in_language("en").split()) in flowing


def test_team_members_answer_but_do_not_override_or_edit_the_organisation(
    client, auth, factory, engagement
):
    team = factory.user("ekip@example.com", "Ekip Üyesi", SiteRole.MEMBER)
    factory.member(engagement, team, Role.TEAM)
    auth.logout()
    auth.login("ekip@example.com")
    take_id = start(client, engagement)
    saved = client.post(
        f"{base(engagement)}/takes/{take_id}/need",
        data={"seen": "{}", "need_many_customers": "3"},
    )
    assert saved.status_code == 302
    assert (
        client.post(f"{base(engagement)}/organisation", data=PERSON).status_code == 403
    )
    override = client.post(
        f"{base(engagement)}/takes/{take_id}/gates/need/override",
        data={"need-reason": "A reason that is long enough to be accepted."},
    )
    assert override.status_code == 403


def test_every_question_of_the_shipped_questionnaire_renders(client, engagement):
    take_id = start(client, engagement)
    for section in PREPARATION.sections:
        page = client.get(f"{base(engagement)}/takes/{take_id}/{section.id}").text
        for question in section.questions:
            assert f'id="q-{question.id}"' in page


def test_answers_are_stored_with_today(app, client, engagement):
    take_id = start(client, engagement)
    client.post(
        f"{base(engagement)}/takes/{take_id}/need",
        data={"seen": "{}", "need_many_customers": "3"},
    )
    with app.app_context():
        answer = db.session.scalar(select(Answer))
        assert answer.answered_at.date() == date.today()


def approve_every_gate(app, take_id: int) -> None:
    """The sponsor's approval of each gate of a take, through the service."""
    with app.app_context():
        take = db.session.get(QuestionnaireTake, take_id)
        sponsor = db.session.scalar(select(User))
        for gate in Gate:
            services.decide_gate(take, gate, SponsorDecision.APPROVED, "", sponsor)


def test_a_sponsor_stops_at_a_failed_gate_and_preparation_stops_with_it(
    app, client, auth, factory, engagement
):
    """Issue 19: the decision on a failed gate is "stop here" or "go on, and
    here is why" (a reason required); the phase follows it, and once decided
    the consultant can no longer override."""
    take_id = start(client, engagement)
    reluctant = answer_as(Category.STRATEGIC_THINKER, supportive=False)
    answer_everything(client, engagement, take_id, reluctant)
    complete(client, engagement, take_id)
    sponsor = factory.user("boss@example.com", "Büşra Patron", SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("boss@example.com", PASSWORD)
    decide = f"{base(engagement)}/takes/{take_id}/gates/backing/decision"
    unreasoned = client.post(decide, data={"backing-decision": "approved"})
    assert "Give your reason" in client.get(unreasoned.location).text
    client.post(decide, data={"backing-decision": "stopped"})
    with app.app_context():
        review = db.session.scalar(select(GateReview))
        assert review.sponsor_decision == SponsorDecision.STOPPED
        assert review.gate_outcome == "failed"
        facts = services.preparation_facts(db.session.get(Engagement, engagement))
        assert facts["gates_stopped"] and not facts["gates_cleared"]
    auth.logout()
    auth.login("deniz@example.com", PASSWORD)
    override = client.post(
        f"{base(engagement)}/takes/{take_id}/gates/backing/override",
        data={"backing-reason": "A reason that is long enough to be accepted."},
    )
    assert "only the sponsor can change it now" in client.get(override.location).text


def gate_section(page: str, gate: str) -> str:
    return page.split(f'id="gate-{gate}"')[1].split('<div class="gate"')[0]


def test_once_the_sponsor_decided_a_failed_gate_the_result_shows_the_decision(
    app, client, auth, factory, engagement
):
    """The offer to discuss and override a failed gate gives way to the
    sponsor's decision; a gate sent back can still be overridden."""
    take_id = start(client, engagement)
    reluctant = answer_as(Category.STRATEGIC_THINKER, supportive=False)
    answer_everything(client, engagement, take_id, reluctant)
    complete(client, engagement, take_id)
    result = f"{base(engagement)}/takes/{take_id}/result"
    before = client.get(result).text
    assert "The gate “Top-management backing” failed." in before
    assert "override-form" in gate_section(before, "backing")
    sponsor = factory.user("boss@example.com", "Büşra Patron", SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    auth.logout()
    auth.login("boss@example.com", PASSWORD)
    decide = f"{base(engagement)}/takes/{take_id}/gates/{{}}/decision"
    client.post(decide.format("backing"), data={"backing-decision": "stopped"})
    client.post(
        decide.format("culture"),
        data={"culture-decision": "sent_back", "culture-comment": "Tekrar bakalım"},
    )
    auth.logout()
    auth.login("deniz@example.com", PASSWORD)
    page = client.get(result).text
    backing = gate_section(page, "backing")
    assert "override-form" not in backing
    assert "only the sponsor can change it now" in backing
    assert (
        "Sponsor&#39;s decision on the outcome “Failed”: stop here, by Büşra Patron"
        in backing
    )
    steps = page.split('<ol class="next-steps"')[1].split("</ol>")[0]
    assert "The gate “Top-management backing” failed." not in steps
    assert "The gate “Culture open to change” failed." not in steps
    assert "The sponsor sent the gate back: Tekrar bakalım" in steps
    culture = gate_section(page, "culture")
    assert "override-form" in culture  # sent back: the consultant may override
    assert "sent back, by Büşra Patron" in culture
    need = gate_section(page, "need")
    assert "override-form" in need and "Waiting for the sponsor" in need
    assert "The gate “Need for CRM” failed." in steps
