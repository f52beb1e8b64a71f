"""The sponsor's glance, the consultant's portfolio, the activity feed, the
executive summary, the report pack and the archive, on the demo engagement."""

import hashlib
import re
from datetime import date
from io import BytesIO

import pytest
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import select

from app.activity import describe
from app.demo import DEMO_PASSWORD, SECOND_COMPANY
from app.engagements.oversight import preparation_profile
from app.extensions import db
from app.models import (
    Activity,
    Engagement,
    GateReview,
    IssuedReport,
    OrgPerson,
    SiteRole,
    User,
)
from app.preparation import services as preparation
from app.questionnaires import takes
from app.questionnaires.results import maturity_profile
from assessments.examples import typical_answers
from assessments.organisation import Department
from assessments.oversight import ActivityKind, Removable, ReportKind
from assessments.questionnaire import Category, Dimension, QuestionnaireId
from assessments.roles import Role
from tests import removals
from tests.pdf import build_pack, issue_report, page_count, pdf_text


@pytest.fixture
def demo(app, client, runner) -> int:
    runner.invoke(args=["demo"])
    with app.app_context():
        return db.session.scalar(select(Engagement.id).order_by(Engagement.id))


def sign_in(client, email: str) -> None:
    client.post("/logout")
    response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    client.post("/account/language", data={"language": "en", "next": "/"})


def approve(client, engagement_id: int, gate: str = "need"):
    glance = client.get(f"/engagements/{engagement_id}/glance").text
    action = re.search(
        rf'action="(/engagements/{engagement_id}/glance/takes/\d+/gates/{gate}/decision)"',
        glance,
    ).group(1)
    return client.post(
        action,
        data={f"{gate}-decision": "approved", f"{gate}-comment": "Devam"},
    )


def test_a_decision_without_its_choice_comes_back_with_the_comment_in_place(
    client, demo
):
    sign_in(client, "sponsor@example.com")
    glance = client.get(f"/engagements/{demo}/glance").text
    action = re.search(r'action="([^"]+/gates/need/decision)"', glance).group(1)
    refused = client.post(action, data={"need-comment": "Bütçe netleşsin"})
    assert refused.status_code == 400
    assert "Decisions awaiting the sponsor" in refused.text  # the glance again
    forms = refused.text.split('class="decision-form"')[1:]
    need = next(form for form in forms if "/gates/need/decision" in form)
    assert "Choose one of the decisions." in need and "Bütçe netleşsin" in need
    others = [form for form in forms if form is not need]
    assert all(
        "Choose one of the decisions" not in form and "Bütçe" not in form
        for form in others
    )


def text_of(response) -> str:
    return " ".join(pdf_text(response.data, layout=False).split())


def test_a_sponsor_approves_a_gate_and_both_dashboards_and_the_summary_say_so(
    app, client, demo
):
    sign_in(client, "sponsor@example.com")
    home = client.get(f"/engagements/{demo}")
    assert home.location.endswith(f"/engagements/{demo}/glance")
    glance = client.get(home.location).text
    assert "Decisions awaiting the sponsor" in glance
    waiting = glance.count('class="decision-form"')
    assert waiting >= 1
    # the demo company sells in lira: its revenue says so
    assert re.search(
        r"Revenue of the last 12 months</th><td>TRY\u00a0[\d,]+</td>", glance
    )
    response = approve(client, demo)
    assert response.location.endswith(f"/engagements/{demo}/glance")
    after = client.get(response.location).text
    assert after.count('class="decision-form"') == waiting - 1
    decisions = re.search(r"Decisions taken</h3>.*?</table>", after, re.DOTALL).group(0)
    assert "Şule Karaağaç" in decisions and "Devam" in decisions
    summary = issue_report(client, demo, "executive")
    assert summary.mimetype == "application/pdf"
    assert 2 <= page_count(summary.data) <= 4
    text = text_of(summary)
    assert "Yönetici özeti" in text  # the demo reports in Turkish
    assert re.search(r"Son 12 ayın cirosu ₺\d{1,3}(\.\d{3})+ ", text)
    assert "Devam" in text and "Şule Karaağaç" in text
    sign_in(client, "consultant@example.com")
    dashboard = client.get(f"/engagements/{demo}").text
    assert 'id="sponsor-heading"' in dashboard and "Devam" in dashboard
    with app.app_context():
        review = db.session.scalar(
            select(GateReview).where(GateReview.sponsor_decision.is_not(None))
        )
        assert review.decided_by.email == "sponsor@example.com"
        kinds = set(db.session.scalars(select(Activity.kind)))
        assert ActivityKind.GATE_DECIDED in kinds
        assert ActivityKind.REPORT_ISSUED in kinds
    feed = client.get(f"/engagements/{demo}/activity").text
    assert "Approved the gate" in feed
    assert "<td>—</td>" not in feed  # every entry, completions too, names its author


def test_a_sponsor_sees_no_portfolio_and_only_this_archive(app, client, demo, factory):
    other = factory.engagement(factory.user("other@example.com"), "Başka Müşteri A.Ş.")
    sign_in(client, "sponsor@example.com")
    assert client.get("/portfolio").status_code == 403
    issue_report(client, demo, "summary")
    archive = client.get(f"/engagements/{demo}/reports/archive").text
    assert "Engagement summary" in archive and "Başka Müşteri" not in archive
    assert client.get(f"/engagements/{other}/reports/archive").status_code == 404


def test_every_issued_report_is_kept_with_its_checksum(app, client, demo):
    sign_in(client, "consultant@example.com")
    first = issue_report(client, demo, "design")
    with app.app_context():
        row = db.session.scalar(select(IssuedReport))
        assert row.kind == ReportKind.DESIGN and row.language == "tr"
        assert row.checksum == hashlib.sha256(first.data).hexdigest()
        assert row.pages == page_count(first.data)
        issued_id = row.id
    again = client.get(f"/engagements/{demo}/reports/issued/{issued_id}.pdf")
    assert again.data == first.data
    fresh = client.post(f"/engagements/{demo}/reports/issued/{issued_id}/regenerate")
    assert fresh.status_code == 302
    with app.app_context():
        assert (
            db.session.scalar(
                select(IssuedReport).order_by(IssuedReport.id.desc())
            ).kind
            == ReportKind.DESIGN
        )
        assert len(db.session.scalars(select(IssuedReport)).all()) == 2


def test_the_pack_binds_every_report_with_contents_and_running_numbers(
    app, client, demo
):
    sign_in(client, "consultant@example.com")
    parts = {
        "Yönetici özeti": issue_report(client, demo, "executive"),
        "Hazırlık raporu": issue_report(client, demo, "preparation"),
        "Planlama raporu": issue_report(client, demo, "planning"),
        "Tasarım raporu": issue_report(client, demo, "design"),
        "Uygulama raporu": issue_report(client, demo, "implementation"),
        "Dengeli puan kartı raporu": issue_report(client, demo, "scorecard"),
    }
    response = build_pack(client, demo)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    with app.app_context():
        pack = db.session.scalar(
            select(IssuedReport).where(IssuedReport.kind == ReportKind.PACK)
        )
        assert pack.pdf == response.data  # downloaded and kept in the archive
    data = response.data
    pages = page_count(data)
    # one cover for the pack and a contents page instead of six covers
    total = sum(page_count(part.data) for part in parts.values())
    assert pages <= total - len(parts) + 2 + 1
    text = " ".join(pdf_text(data, layout=False).split())
    assert text.count("Gizlidir — ") == 1
    for title in parts:
        assert title in text, title
    assert f"Sayfa {pages} / {pages}" in text
    outline = [
        item.title
        for item in PdfReader(BytesIO(data)).outline
        if not isinstance(item, list)
    ]
    assert outline[1:] == list(parts)


def assess(app, engagement_id: int, category: Category, supportive=True) -> dict:
    """Complete a preparation take of typical answers; its preparation profile."""
    with app.app_context():
        engagement = db.session.get(Engagement, engagement_id)
        consultant = db.session.scalar(
            select(User).where(User.email == "consultant@example.com")
        )
        take = takes.start_take(engagement, QuestionnaireId.PREPARATION, consultant)
        answers = typical_answers(preparation.definition(), category, supportive)
        takes.record_answers(take, answers, consultant)
        takes.complete_take(take, consultant)
        return preparation_profile(engagement)


def consultant_id(app) -> int:
    with app.app_context():
        return db.session.scalar(
            select(User.id).where(User.email == "consultant@example.com")
        )


def strategy_of(peers: str) -> str:
    return re.search(r"<td>Strategy</td>.*?</tr>", peers, re.DOTALL).group(0)


def test_the_portfolio_sorts_and_compares_without_naming_other_clients(
    app, client, demo, factory
):
    sign_in(client, "consultant@example.com")
    factory.engagement(consultant_id(app), "Ege Gizli Tekstil A.Ş.")  # no profile
    page = client.get("/portfolio?sort=name&order=desc").text
    names = re.findall(r'<td><a href="/engagements/\d+">([^<]+)</a></td>', page)
    assert names == sorted(names, reverse=True) and len(names) == 3
    peers = peers_of(client, demo)
    assert "Ege Gizli Tekstil" not in peers and SECOND_COMPANY not in peers
    # one other engagement has a profile: its "average" would be its own figures
    assert "withheld" in strategy_of(peers) and "engagement)" not in peers
    assert "Fewer than 3 of your other engagements" in peers


def test_the_peer_average_shows_from_three_others_on_the_preparation_profile(
    app, client, demo, factory
):
    sign_in(client, "consultant@example.com")
    with app.app_context():
        second = db.session.scalar(
            select(Engagement).where(Engagement.name == SECOND_COMPANY)
        )
        profiles = [preparation_profile(second)]
    for name, category in (
        ("Ege Gizli Tekstil A.Ş.", Category.TREND_FOLLOWER),
        ("Marmara Lojistik A.Ş.", Category.HOPELESS),
    ):
        other = factory.engagement(consultant_id(app), name)
        profiles.append(assess(app, other, category))
    peers = peers_of(client, demo)
    assert "Ege Gizli" not in peers and "Marmara" not in peers
    mean = sum(p[Dimension.STRATEGY] for p in profiles) / 3
    average = re.search(r"(\d+) \(3 engagements\)", strategy_of(peers)).group(1)
    assert abs(int(average) - mean) <= 0.5
    # the demo's own figure is its preparation profile, not the combined one
    with app.app_context():
        demo_engagement = db.session.get(Engagement, demo)
        mine = preparation_profile(demo_engagement)[Dimension.STRATEGY]
        combined = maturity_profile(demo_engagement)[Dimension.STRATEGY]
    assert round(mine) != round(combined)
    assert f'<td class="num">{round(mine)}</td>' in strategy_of(peers)
    app.config["PEER_MINIMUM"] = 4
    assert "withheld" in strategy_of(peers_of(client, demo))


def test_no_figure_of_one_engagement_can_be_derived_from_anothers_pages(
    app, client, demo
):
    """The second client's profile changes completely; not one page of the
    demo engagement, nor its peer comparison, changes with it."""
    pages = [
        rule.rule.replace("<int:engagement_id>", str(demo))
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and rule.arguments == {"engagement_id"}
    ]
    assert len(pages) > 20

    def seen(email: str) -> dict[str, str]:
        sign_in(client, email)
        shown = {page: client.get(page) for page in pages}
        texts = {
            page: re.sub(r'name="csrf_token"[^>]*>', "", r.text)
            for page, r in shown.items()
            if r.status_code == 200 and r.mimetype == "text/html"
        }
        if email == "consultant@example.com":
            texts["peers"] = peers_of(client, demo)
        return texts

    before = {
        who: seen(who) for who in ("consultant@example.com", "sponsor@example.com")
    }
    with app.app_context():
        second = db.session.scalar(
            select(Engagement.id).where(Engagement.name == SECOND_COMPANY)
        )
        profile_before = preparation_profile(db.session.get(Engagement, second))
    changed = assess(app, second, Category.HOPELESS, supportive=False)
    after = {who: seen(who) for who in before}
    assert after == before
    assert changed != profile_before and "peers" in before["consultant@example.com"]


def test_a_lone_engagement_has_nothing_to_compare_with(client, engagement):
    peers = peers_of(client, engagement)
    assert "nothing to compare with" in peers


def peers_of(client, engagement_id: int) -> str:
    compare = client.get(f"/portfolio?compare={engagement_id}").text
    return re.search(r'id="peers".*?</section>', compare, re.DOTALL).group(0)


def test_every_route_that_removes_a_row_is_one_whose_removal_is_checked(app):
    removing = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.split(".")[-1].startswith(("delete_", "remove_"))
    }
    assert removing == set(removals.DELETES)


def test_a_removal_is_told_in_the_readers_language(app, client, engagement, factory):
    removals.remove(app, client, factory, engagement, "planning.delete_goal")
    client.post("/account/language", data={"language": "tr", "next": "/"})
    feed = client.get(f"/engagements/{engagement}/activity").text
    assert "Gizli hedef hedefini kaldırdı" in feed
    assert "Deniz Aydın" in feed


def test_every_kind_of_removal_has_its_own_words_in_both_languages(app):
    def told(language: str) -> dict[Removable, str]:
        with app.test_request_context(), force_locale(language):
            return {
                what: describe(
                    Activity(kind=ActivityKind.REMOVED, subject=f"{what}:2026-01-09")
                )
                for what in Removable
            }

    english, turkish = told("en"), told("tr")
    assert len(set(english.values())) == len(Removable)
    for what in Removable:
        assert english[what] != turkish[what], what
        assert "2026" in english[what] and "2026" in turkish[what], what


@pytest.mark.parametrize("endpoint", sorted(removals.DELETES))
def test_a_removal_goes_through_the_service_into_the_activity_feed(
    app, client, engagement, factory, endpoint
):
    removal = removals.remove(app, client, factory, engagement, endpoint)
    assert removal.status == 302
    assert not removal.still_there
    assert removal.entries == [(ActivityKind.REMOVED, "deniz@example.com")]
    assert removals.DELETES[endpoint].feed_says in removal.feed


def test_the_glance_portfolio_and_summary_give_each_phases_state_and_the_risk(
    client, demo
):
    """The demo runs design and implementation while the gates wait: no page
    calls it "in preparation", each names every phase's state and the risk."""
    sign_in(client, "sponsor@example.com")
    glance = client.get(f"/engagements/{demo}/glance").text
    lead = re.search(r'<p class="lead">(.*?)</p>', glance, re.DOTALL).group(1)
    assert "Preparation: in progress" in lead and "Implementation: in progress" in lead
    assert "is in the" not in glance
    risk = (
        "Planning, Design, Implementation under way while the go/no-go gates of"
        " preparation are not cleared"
    )
    assert risk in glance
    assert glance.count(risk) == 2  # the headline and the risks
    summary = text_of(issue_report(client, demo, "executive"))
    assert "Hazırlık: devam ediyor" in summary and "aşamasının devam/dur" in summary
    sign_in(client, "consultant@example.com")
    portfolio = client.get("/portfolio?sort=phase&order=desc").text
    first_row = re.search(r"<tbody>.*?</tr>", portfolio, re.DOTALL).group(0)
    assert "Design: in progress" in first_row and risk in first_row


def test_the_engagement_summary_lists_the_project_organisation_not_the_logins(
    client, demo
):
    sign_in(client, "consultant@example.com")
    text = text_of(issue_report(client, demo, "summary"))
    organisation = text.split("Proje organizasyonu")[1].split("Aşamalar")[0]
    # people without a login, with their job titles and parts in the project
    assert "Murat Erdem" in organisation and "Proje yöneticisi" in organisation
    assert "Elif Şahin Mali İşler Müdürü Finans Proje ekibi" in organisation
    assert "Şule Karaağaç Genel Müdür" in organisation and "Sponsor" in organisation
    assert "@example.com" not in organisation


def test_each_maturity_profile_is_named_where_it_is_shown(client, demo):
    sign_in(client, "consultant@example.com")
    glance = client.get(f"/engagements/{demo}/glance").text
    assert "Preparation maturity profile" in glance
    assert "Combined maturity profile" in glance  # the capability is assessed
    assert ">Maturity profile<" not in glance
    preparation = text_of(issue_report(client, demo, "preparation"))
    design = text_of(issue_report(client, demo, "design"))
    assert "Hazırlık olgunluk profili" in preparation
    assert "Birleşik olgunluk profili" not in preparation
    assert "Birleşik olgunluk profili" in design
    assert "Hazırlık olgunluk profili" not in design


def decide(client, engagement_id: int, gate: str, decision: str, comment: str):
    glance = client.get(f"/engagements/{engagement_id}/glance").text
    action = re.search(
        rf'action="(/engagements/{engagement_id}/glance/takes/\d+/gates/{gate}/decision)"',
        glance,
    ).group(1)
    return client.post(
        action, data={f"{gate}-decision": decision, f"{gate}-comment": comment}
    )


def test_the_glance_shows_each_gates_evidence_and_links_to_it(client, demo):
    sign_in(client, "sponsor@example.com")
    glance = client.get(f"/engagements/{demo}/glance").text
    decisions = glance.split('class="gate-decision"')[1:]
    assert decisions
    for part in decisions:
        assert "passes from" in part and "questions answered" in part
        assert re.search(
            r'href="/engagements/\d+/preparation/takes/\d+/result#gate-', part
        )
        assert "It passed: the score reaches the line." in part or (
            "It failed: the score stays below the line." in part
        )


def test_a_decision_says_who_may_change_it_and_its_table_the_gates_outcome(
    client, demo
):
    sign_in(client, "sponsor@example.com")
    decide(client, demo, "need", "approved", "Devam")
    glance = client.get(f"/engagements/{demo}/glance").text
    table = re.search(r"Decisions taken</h3>.*?</table>", glance, re.DOTALL).group(0)
    row = re.search(r"<tr><td>Need for CRM</td>.*?</tr>", table, re.DOTALL).group(0)
    assert "<td>Passed</td>" in row or "<td>Failed</td>" in row
    assert "<td>Go on</td>" in row
    assert "The sponsor can change a decision until the project is announced" in glance
    result = client.get(
        f"/engagements/{demo}/preparation/result", follow_redirects=True
    )
    assert "Only the sponsor can change this decision" in result.text
    summary = text_of(issue_report(client, demo, "executive"))
    assert "Geçti Devam edilsin" in summary or "Kaldı Devam edilsin" in summary


def test_a_gate_sent_back_is_the_consultants_next_step_with_its_reason(client, demo):
    sign_in(client, "sponsor@example.com")
    decide(client, demo, "backing", "sent_back", "Bütçe netleşsin")
    sign_in(client, "consultant@example.com")
    dashboard = client.get(f"/engagements/{demo}").text
    step = re.search(r'<ul class="next-steps sent-back">.*?</ul>', dashboard, re.DOTALL)
    assert "The sponsor sent the gate back: Bütçe netleşsin" in step.group(0)
    assert "#gate-backing" in step.group(0)


def test_without_a_sponsor_member_the_dashboard_asks_to_invite_one(
    app, client, engagement
):
    with app.app_context():
        owner = db.session.scalar(select(User).where(User.email == "deniz@example.com"))
        take = takes.start_take(
            db.session.get(Engagement, engagement), QuestionnaireId.PREPARATION, owner
        )
        answers = typical_answers(preparation.definition(), Category.SAVER)
        takes.record_answers(take, answers, owner)
        takes.complete_take(take, owner)
    client.post("/account/language", data={"language": "en", "next": "/"})
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "Invite a sponsor to decide on the gates." in dashboard
    assert f'href="/engagements/{engagement}/members#invite"' in dashboard
    assert (
        "wait for the sponsor" not in dashboard
        and "waits for the sponsor" not in dashboard
    )


def test_the_glance_maturity_shows_before_and_now_and_what_now_blends_in(
    app, client, demo
):
    sign_in(client, "sponsor@example.com")
    glance = client.get(f"/engagements/{demo}/glance").text
    table = re.search(
        r'<table class="table compact maturity-now">.*?</table>', glance, re.DOTALL
    ).group(0)
    assert "Before: preparation, take" in table and "Now: combined" in table
    assert "Blended in: IDIC capability" in table
    assert "blends the IDIC capability questionnaire" in glance
    with app.app_context():
        engagement = db.session.get(Engagement, demo)
        before = preparation_profile(engagement)
        now = maturity_profile(engagement)
    row = re.search(r"<th scope=\"row\">Measurement</th>(.*?)</tr>", table, re.DOTALL)
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    assert cells[0] == f"{before[Dimension.MEASUREMENT]:.0f}"
    assert cells[2] == f"{now[Dimension.MEASUREMENT]:.0f}"


def test_inviting_a_sponsor_records_them_as_the_organisations_sponsor(
    client, engagement
):
    members = client.get(f"/engagements/{engagement}/members").text
    box = re.search(r'<input[^>]*name="record_sponsor"[^>]*>', members).group(0)
    assert "checked" in box  # the organisation has no sponsor yet
    before = text_of(issue_report(client, engagement, "executive"))
    assert "Proje sponsoru belirlenmedi" in before
    client.post(
        f"/engagements/{engagement}/members",
        data={
            "email": "patron@example.com",
            "name": "Büşra Patron",
            "role": "sponsor",
            "record_sponsor": "y",
        },
    )
    organisation = client.get(f"/engagements/{engagement}/preparation/organisation")
    assert "Büşra Patron" in organisation.text
    after = text_of(issue_report(client, engagement, "executive"))
    assert "Proje sponsoru belirlenmedi" not in after
    assert "Büşra Patron" in after  # the cover names the sponsor
    members = client.get(f"/engagements/{engagement}/members").text
    box = re.search(r'<input[^>]*name="record_sponsor"[^>]*>', members).group(0)
    assert "checked" not in box  # now the organisation has its sponsor


def test_a_gate_sent_back_leads_the_result_pages_next_steps(client, demo):
    sign_in(client, "sponsor@example.com")
    decide(client, demo, "need", "sent_back", "Hedefler yazılsın")
    sign_in(client, "consultant@example.com")
    result = client.get(
        f"/engagements/{demo}/preparation/result", follow_redirects=True
    )
    steps = re.search(r'<ol class="next-steps".*?</ol>', result.text, re.DOTALL)
    first = re.search(r"<li>(.*?)</li>", steps.group(0), re.DOTALL).group(1)
    assert "The sponsor sent the gate back: Hedefler yazılsın" in first
    assert "#gate-need" in first


def sponsor_cell(members_page: str, name: str) -> str:
    """The project-organisation cell of a member's row on the members page."""
    row = re.search(rf"<tr>\s*<td>{name}</td>.*?</tr>", members_page, re.DOTALL)
    return re.search(
        r'<td class="member-organisation">(.*?)</td>', row.group(0), re.DOTALL
    ).group(1)


def test_a_sponsor_invited_earlier_is_recorded_as_the_sponsor_later(
    app, client, engagement, factory
):
    sponsor = factory.user("Patron@Example.com", "Büşra Patron", SiteRole.MEMBER)
    member_id = factory.member(engagement, sponsor, Role.SPONSOR)
    cell = sponsor_cell(
        client.get(f"/engagements/{engagement}/members").text, "Büşra Patron"
    )
    assert "Not in the organisation" in cell
    assert f"/members/{member_id}/sponsor" in cell
    assert "Record as the project's sponsor" in cell
    response = client.post(f"/engagements/{engagement}/members/{member_id}/sponsor")
    assert response.location.endswith(f"/engagements/{engagement}/members")
    members = client.get(response.location).text
    assert "Büşra Patron is recorded as the project&#39;s sponsor." in members
    cell = sponsor_cell(members, "Büşra Patron")
    assert "The project's sponsor" in cell and "<form" not in cell
    organisation = client.get(f"/engagements/{engagement}/preparation/organisation")
    row = re.search(r"<tr>\s*<td>Büşra Patron.*?</tr>", organisation.text, re.DOTALL)
    assert "(member: sponsor)" in row.group(0)
    assert "top decision maker" in row.group(0)
    summary = text_of(issue_report(client, engagement, "executive"))
    assert "Proje sponsoru belirlenmedi" not in summary
    assert "Büşra Patron" in summary


def test_recording_the_sponsor_marks_the_person_with_that_email_not_a_second_one(
    app, client, engagement, factory
):
    sponsor = factory.user("patron@example.com", "Büşra Patron", SiteRole.MEMBER)
    member_id = factory.member(engagement, sponsor, Role.SPONSOR)
    with app.app_context():
        db.session.add(
            OrgPerson(
                engagement_id=engagement,
                name="Büşra Patron",
                title="Genel Müdür",
                department=Department.MANAGEMENT,
                email="PATRON@example.com ",
                in_working_group=True,
            )
        )
        db.session.commit()
    members = client.get(f"/engagements/{engagement}/members").text
    assert "In the organisation, not as its sponsor" in sponsor_cell(
        members, "Büşra Patron"
    )
    organisation = client.get(f"/engagements/{engagement}/preparation/organisation")
    assert "(member: sponsor)" in organisation.text
    client.post(f"/engagements/{engagement}/members/{member_id}/sponsor")
    with app.app_context():
        [person] = db.session.scalars(select(OrgPerson)).all()
        assert person.is_sponsor and person.is_top_decision_maker
        assert person.in_working_group and person.title == "Genel Müdür"
        kinds = list(db.session.scalars(select(Activity.kind)))
        assert ActivityKind.PERSON_CHANGED in kinds
        assert ActivityKind.PERSON_ADDED not in kinds
    # a second press changes nothing more
    client.post(f"/engagements/{engagement}/members/{member_id}/sponsor")
    with app.app_context():
        assert len(db.session.scalars(select(OrgPerson)).all()) == 1


def test_a_sponsor_who_left_the_organisation_is_not_its_sponsor(
    app, client, engagement, factory
):
    sponsor = factory.user("patron@example.com", "Büşra Patron", SiteRole.MEMBER)
    factory.member(engagement, sponsor, Role.SPONSOR)
    with app.app_context():
        db.session.add(
            OrgPerson(
                engagement_id=engagement,
                name="Büşra Patron",
                department=Department.MANAGEMENT,
                email="patron@example.com",
                is_sponsor=True,
                left_on=date(2026, 1, 5),
            )
        )
        db.session.commit()
    members = client.get(f"/engagements/{engagement}/members").text
    assert "Not in the organisation" in sponsor_cell(members, "Büşra Patron")


def test_only_a_consultant_records_a_sponsor_of_their_own_engagement(
    app, client, auth, engagement, factory
):
    sponsor = factory.user("patron@example.com", "Büşra Patron", SiteRole.MEMBER)
    member_id = factory.member(engagement, sponsor, Role.SPONSOR)
    team = factory.user("ekip@example.com", "Ekip Üyesi", SiteRole.MEMBER)
    team_id = factory.member(engagement, team, Role.TEAM)
    other = factory.engagement(factory.user("other@example.com"), "Başka A.Ş.")
    foreign = factory.member(other, sponsor, Role.SPONSOR)
    url = f"/engagements/{engagement}/members/{{}}/sponsor"
    assert client.post(url.format(foreign)).status_code == 404
    assert client.post(url.format(team_id)).status_code == 400  # not a sponsor
    auth.logout()
    auth.login("ekip@example.com")
    members = client.get(f"/engagements/{engagement}/members").text
    assert "Not in the organisation" in sponsor_cell(members, "Büşra Patron")
    assert "Record as the project" not in members
    assert client.post(url.format(member_id)).status_code == 403
    with app.app_context():
        assert db.session.scalars(select(OrgPerson)).all() == []
