"""Every phase report opens, after its cover, with a page that sums the phase
up: a board member can stop reading there."""

import re

from flask_babel import format_date

from app.extensions import db
from app.i18n.locale import local_today
from app.models import Engagement
from assessments.questionnaire import Category
from tests.pdf import issue_report, pdf_text
from tests.preparation_answers import answer_as, form_posts
from tests.questionnaire_helpers import post_sections, take_of
from tests.web.test_design import analyse, seed


def pages_of(client, engagement_id: int, kind: str) -> list[str]:
    text = pdf_text(issue_report(client, engagement_id, kind).data, layout=False)
    return [" ".join(page.split()) for page in text.split("\f")]


def test_the_preparation_report_sums_up_category_gates_decision_and_risks(
    app, client, engagement
):
    with app.app_context():
        db.session.get(Engagement, engagement).report_language = "en"
        db.session.commit()
    url = f"/engagements/{engagement}/preparation"
    take = take_of(client.post(f"{url}/takes").location)
    post_sections(client, url, take, form_posts(answer_as(Category.SAVER)))
    pages = pages_of(client, engagement, "preparation")
    summary = pages[1]
    assert summary.startswith("Preparation report") or "At a glance" in summary
    assert "At a glance" in summary
    assert "Readiness category Savers" in summary
    assert "Recommended decision" in summary
    assert "Top risks" in summary
    assert "At a glance" not in pages[2]  # the rest follows on its own pages


def english(app, engagement_id) -> None:
    with app.app_context():
        db.session.get(Engagement, engagement_id).report_language = "en"
        db.session.commit()


def test_the_other_phase_reports_open_with_their_summary(app, client, engagement):
    english(app, engagement)
    seed(app, engagement)
    analyse(client, engagement)
    for kind, facts in (
        ("planning", ["Workshop sessions", "0 of", "Goals None recorded."]),
        ("design", ["Customer data 10 customers", "Latest analysis Analysis 1 of"]),
        ("implementation", ["KPIs 0 green", "Transition plan 0 work packages"]),
    ):
        summary = pages_of(client, engagement, kind)[1]
        assert "At a glance" in summary, kind
        for fact in facts:
            assert fact in summary, (kind, fact, summary)


def test_a_report_prints_one_date_style_day_first(app, client, engagement):
    english(app, engagement)
    text = " ".join(pdf_text(issue_report(client, engagement, "planning").data).split())
    with app.test_request_context():
        today = format_date(local_today(), "d MMM y")
    assert f"Issued on {today} Consultant" in text  # the cover
    assert text.count(f"Issued on {today}") >= 3  # and every page's footer
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", text)
