"""From the gap analysis's priorities to the plan in a real browser: the
button drafts a package that names its gap, and a review starts a re-check
of the success factors."""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.implementation import plan
from app.models import CompanySize, SiteRole
from app.questionnaires import takes
from assessments.factors import FactorState
from assessments.gaps import Component, Layer, question_id
from assessments.questionnaire import QuestionnaireId
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def setup(live_app, live_server) -> tuple[str, int]:
    """An engagement with a completed gap analysis (one gap: people in the
    operational layer), a completed check of the factors and a review."""
    with live_app.app_context():
        user = accounts.create_user(
            "transition@example.com", "Plan Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Ege Tekstil A.Ş.", "Tekstil", CompanySize.MEDIUM, "TR", "en"
            ),
        )
        gaps = takes.start_take(engagement, QuestionnaireId.GAP_ANALYSIS, user)
        answers = {}
        for component in Component:
            for layer in Layer:
                answers[question_id(component, layer, "current")] = 3
                answers[question_id(component, layer, "designed")] = 3
        answers[question_id(Component.PEOPLE, Layer.OPERATIONAL, "current")] = 1
        takes.record_answers(gaps, answers, user)
        takes.complete_take(gaps, user)
        check = takes.start_take(engagement, QuestionnaireId.SUCCESS_FACTORS, user)
        definition = takes.definition_of(check)
        takes.record_answers(
            check,
            {q: FactorState.NOT_YET.value for q in definition.numbers()},
            user,
        )
        takes.complete_take(check, user)
        plan.save_review(
            engagement,
            None,
            plan.ReviewDetails(held_on=date.today(), findings="Satış ekibi zorlanıyor"),
            user.id,
        )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}", gaps.id


def test_priorities_become_a_package_and_a_review_rechecks_the_factors(
    page: Page, setup
):
    url, gaps_take = setup
    page.goto(f"{url}/questionnaires/gap_analysis/takes/{gaps_take}/result")
    page.get_by_label("E-mail").fill("transition@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role(
        "button", name="Turn the priorities into the transition plan"
    ).click()
    expect(page.get_by_text("1 package drafted from the priorities")).to_be_visible()
    row = page.locator("#packages tbody tr").first
    expect(row).to_contain_text("Close the gap: People · Operational CRM")
    expect(row.locator("td.closes")).to_have_text("People · Operational CRM")
    expect(page.locator("#uncovered")).to_have_count(0)

    page.goto(f"{url}/implementation/reviews")
    page.get_by_role("button", name="Start a re-check of the success factors").click()
    expect(page).to_have_url(f"{url}/questionnaires/success_factors/")
    page.goto(f"{url}/implementation/reviews")
    expect(page.locator(".review-log")).to_contain_text("Take 2")
    expect(page.locator(".review-log")).to_contain_text("under way")
