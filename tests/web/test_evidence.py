"""Answers checked against the customer data, through the test client: a claim
untested without data, contradicted once the data is imported, kept with a
reason, cleared when the data changes, and the reason shown on a re-take."""

import re

from sqlalchemy import select

from app.data_events import customer_data_changed
from app.extensions import db
from app.models import ClaimFlag, ClaimReview, Contact, Customer, Engagement
from assessments.questionnaire import Category
from assessments.roles import Role
from tests.import_files import csv_bytes
from tests.pdf import issue_report, pdf_text
from tests.preparation_answers import answer_as, form_posts
from tests.questionnaire_helpers import post_sections, take_of
from tests.web.test_design import analyse, seed
from tests.web.test_import import imported
from tests.web.test_questionnaires import answer_everything, base, complete, start

CONTRADICTED = "The data contradicts this answer"
QUESTION = "identify_decision_maker"


def result_page(client, engagement_id, take_id) -> str:
    return client.get(f"{base(engagement_id)}/takes/{take_id}/result").text


def claim_of(page: str, question_id: str = QUESTION) -> str:
    start = page.index(f'id="claim-{question_id}"')
    return page[start : page.index("</li>", start)]


def keep(client, engagement_id, take_id, reason, question_id=QUESTION):
    return client.post(
        f"/engagements/{engagement_id}/claims/takes/{take_id}/{question_id}/keep",
        data={f"{question_id}-reason": reason},
    )


def give_decision_makers(app, engagement_id) -> None:
    with app.app_context():
        for customer in db.session.scalars(
            select(Customer).where(Customer.engagement_id == engagement_id)
        ):
            db.session.add(
                Contact(customer_id=customer.id, name="Karar", is_decision_maker=True)
            )
        db.session.commit()


def answered_take(client, engagement) -> int:
    take = start(client, engagement)
    answer_everything(client, engagement, take)  # identify: 5 and "yes"
    return take


def test_without_customer_data_the_claim_says_which_import_tests_it(client, engagement):
    take = answered_take(client, engagement)
    claim = claim_of(result_page(client, engagement, take))
    assert "Not tested yet" in claim
    assert "Import the customers and their contacts to test this answer." in claim
    assert f"/engagements/{engagement}/design/quality" in claim


def test_a_claim_the_data_contradicts_is_kept_with_a_reason_then_clears(
    app, client, engagement
):
    take = answered_take(client, engagement)
    seed(app, engagement)  # ten customers, no contact marked as decision maker
    claim = claim_of(result_page(client, engagement, take))
    assert CONTRADICTED in claim
    assert "Customers with a decision maker recorded: <strong>0.0%</strong>" in claim
    assert "fewer than half do" in claim  # why it contradicts the answer
    assert "the customer data as of" in claim
    # a claim the data supports is shown as such, with no form
    assert "The data agrees" not in claim
    page = result_page(client, engagement, take)
    assert re.search(r"\d contradictions are not resolved yet", page)

    refused = keep(client, engagement, take, "short")
    assert refused.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(ClaimReview)).all() == []
    assert "Why the answer stands" in client.get(refused.location).text

    reason = "The CRM export misses the decision makers; sales keeps them in Outlook."
    kept = keep(client, engagement, take, reason)
    assert kept.location.endswith(f"/result#claim-{QUESTION}")
    claim = claim_of(result_page(client, engagement, take))
    assert "Kept by Deniz Aydın" in claim and "sales keeps them in Outlook" in claim
    with app.app_context():
        [review] = db.session.scalars(select(ClaimReview)).all()
        assert (review.take_id, review.question_id) == (take, QUESTION)
        assert review.figure_value == 0.0

    give_decision_makers(app, engagement)
    claim = claim_of(result_page(client, engagement, take))
    assert CONTRADICTED not in claim and "The data agrees" in claim
    assert "Kept by" not in claim  # the review stays stored, the flag is gone
    # an answer the data does not contradict cannot be "kept"
    follow = client.get(keep(client, engagement, take, reason).location).text
    assert "no longer contradicts this answer" in follow


def test_a_re_take_shows_the_reason_an_earlier_take_kept(app, client, engagement):
    take = answered_take(client, engagement)
    seed(app, engagement)
    complete(client, engagement, take)
    keep(client, engagement, take, "The export misses the decision makers entirely.")
    response = client.post(f"{base(engagement)}/takes")
    second = take_of(response.location)
    answer_everything(client, engagement, second)
    claim = claim_of(result_page(client, engagement, second))
    assert CONTRADICTED in claim
    assert "On take 1 this answer was kept: The export misses" in claim
    assert "Change the answer" in claim  # the new take is still open


def test_only_the_consultant_keeps_an_answer_and_only_in_its_engagement(
    app, client, engagement, factory, auth
):
    take = answered_take(client, engagement)
    seed(app, engagement)
    other_owner = factory.user("baska@example.com", "Başka Danışman")
    other = factory.engagement(other_owner)
    auth.logout()
    auth.login("baska@example.com")
    reason = "A reason long enough to be accepted."
    assert keep(client, other, take, reason).status_code == 404
    assert keep(client, engagement, take, reason).status_code == 404
    member = factory.user("ekip@example.com", "Ekip Üyesi")
    factory.member(engagement, member, Role.TEAM)
    auth.logout()
    auth.login("ekip@example.com")
    assert keep(client, engagement, take, reason).status_code == 403
    page = result_page(client, engagement, take)
    assert CONTRADICTED in page and "Keep the answer" not in page


def english_reports(app, engagement_id) -> None:
    with app.app_context():
        db.session.get(Engagement, engagement_id).report_language = "en"
        db.session.commit()


def test_open_contradictions_show_on_the_dashboard_and_in_the_design_report(
    app, client, engagement
):
    take = answered_take(client, engagement)
    seed(app, engagement)
    complete(client, engagement, take)
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "Answers the customer data contradicts" in dashboard
    assert re.search(r"take 1: \d contradictions not resolved", dashboard)
    assert f"/takes/{take}/result#claims" in dashboard
    english_reports(app, engagement)
    text = " ".join(
        pdf_text(issue_report(client, engagement, "design").data, layout=False).split()
    )
    assert "Answers the customer data contradicts" in text
    assert "Customers with a decision maker recorded: 0.0%" in text
    assert "Not resolved yet" in text
    reason = "The export misses the decision makers; sales keeps them elsewhere."
    keep(client, engagement, take, reason)
    text = " ".join(
        pdf_text(issue_report(client, engagement, "design").data, layout=False).split()
    )
    assert f"Kept: {reason}" in text
    executive = issue_report(client, engagement, "executive").data
    text = " ".join(pdf_text(executive, layout=False).split())
    assert "Answers the customer data contradicts: Design: how far" in text
    assert f"Kept: {reason}" in text


def test_a_gate_resting_on_a_contradicted_answer_says_so(
    app, client, engagement, factory, auth
):
    posts = form_posts(answer_as(Category.STRATEGIC_THINKER))
    url = f"/engagements/{engagement}/preparation"
    take = take_of(client.post(f"{url}/takes").location)
    post_sections(client, url, take, posts)
    assert "This gate rests on" not in client.get(f"{url}/takes/{take}/result").text
    seed(app, engagement)  # no decision makers: need_records_in_sales contradicted
    page = client.get(f"{url}/takes/{take}/result").text
    gate = page[page.index('id="gate-need"') :]
    gate = gate[: gate.index("</div>")]
    pattern = r"This gate rests on \d answers? the customer data contradicts"
    assert re.search(pattern, gate)
    assert '<a href="#claim-need_records_in_sales">' in gate
    english_reports(app, engagement)
    text = " ".join(
        pdf_text(issue_report(client, engagement, "preparation").data).split()
    )
    assert "Answers the customer data contradicts" in text


def activity_page(client, engagement_id) -> str:
    return client.get(f"/engagements/{engagement_id}/activity").text


def test_flags_follow_the_data_and_the_history_says_when(app, client, engagement):
    take = answered_take(client, engagement)
    seed(app, engagement)
    analyse(client, engagement)  # an analysis looks at the answers again
    with app.app_context():
        [flag] = db.session.scalars(
            select(ClaimFlag).where(ClaimFlag.question_id == QUESTION)
        ).all()
        assert flag.cleared_at is None
    claim = claim_of(result_page(client, engagement, take))
    assert "Contradicted since" in claim
    feed = activity_page(client, engagement)
    assert "The customer data came to contradict an answer of take 1" in feed
    assert "name the person who makes the buying decision" in feed

    give_decision_makers(app, engagement)
    with app.app_context():
        customer_data_changed.send(engagement, user_id=None)  # as an import does
        assert (
            db.session.scalars(
                select(ClaimFlag).where(ClaimFlag.question_id == QUESTION)
            )
            .one()
            .cleared_at
            is not None
        )
    claim = claim_of(result_page(client, engagement, take))
    assert "No longer contradicted since" in claim
    assert "no longer contradicts an answer of take 1" in activity_page(
        client, engagement
    )


def customers_file(decides: str, contact: str) -> bytes:
    rows = [["Account number", "Name", "Yetkili", "Karar Verici mi"]]
    rows += [[f"K{k}", f"Firma {k}", f"{contact} {k}", decides] for k in range(1, 5)]
    return csv_bytes(rows, ";")


def test_an_import_raises_the_flag_and_a_later_import_clears_it(
    app, client, engagement
):
    take = answered_take(client, engagement)
    complete(client, engagement, take)
    response = imported(client, engagement, customers_file("hayır", "Ali"), "a.csv")
    assert response.status_code == 302
    claim = claim_of(result_page(client, engagement, take))
    assert CONTRADICTED in claim and "Contradicted since" in claim
    english_reports(app, engagement)
    text = " ".join(
        pdf_text(issue_report(client, engagement, "design").data, layout=False).split()
    )
    assert "Customers with a decision maker recorded: 0.0%" in text
    keep(client, engagement, take, "The export misses who decides at each firm.")
    assert "Kept by" in claim_of(result_page(client, engagement, take))

    imported(client, engagement, customers_file("evet", "Veli"), "b.csv")
    claim = claim_of(result_page(client, engagement, take))
    assert "The data agrees" in claim and "No longer contradicted since" in claim
    assert "Customers with a decision maker recorded: <strong>100.0%</strong>" in claim
    feed = activity_page(client, engagement)
    assert "no longer contradicts an answer of take 1" in feed
