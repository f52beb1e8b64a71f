"""A consultant meets an answer the customer data contradicts, in a real
browser: the dashboard warns, the result page shows the figure beside the
answer, and the answer is kept with a reason that then stands beside it."""

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, Customer, SiteRole
from app.questionnaires import takes
from assessments.questionnaire import QuestionnaireId
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e

EMAIL = "claims@example.com"


@pytest.fixture(scope="module")
def engagement_url(live_app, live_server) -> str:
    """Twelve customers with no decision maker recorded, and a completed IDIC
    take whose answer says the records name the decision makers."""
    with live_app.app_context():
        user = accounts.create_user(
            EMAIL, "Kanıt Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Ege Tekstil A.Ş.", "Tekstil", CompanySize.SMALL, "TR", "en"
            ),
        )
        for k in range(1, 13):
            db.session.add(
                Customer(
                    engagement_id=engagement.id,
                    account_number=f"E{k:02d}",
                    name=f"Müşteri {k}",
                    phone="0232 000 00 00",
                )
            )
        db.session.commit()
        take = takes.start_take(engagement, QuestionnaireId.IDIC, user)
        takes.record_answers(take, {"identify_decision_maker": "yes"}, user)
        return f"{live_server}/engagements/{engagement.id}"


def test_a_consultant_keeps_a_contradicted_answer_with_a_reason(
    page: Page, engagement_url
):
    page.goto(engagement_url)
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    warning = page.locator("#open-claims")
    expect(warning).to_contain_text("1 contradiction not resolved")
    warning.get_by_role("link").click()

    claim = page.locator("#claim-identify_decision_maker")
    expect(claim).to_contain_text("The data contradicts this answer")
    expect(claim).to_contain_text("Customers with a decision maker recorded: 0.0%")
    expect(claim.get_by_role("link", name="See the figure")).to_be_visible()
    claim.get_by_text("Resolve: keep the answer or change it").click()
    reason = "The export misses the decision makers; sales keeps them in Outlook."
    claim.get_by_label("Why the answer stands").fill(reason)
    claim.get_by_role("button", name="Keep the answer").click()

    expect(page.get_by_text("The answer is kept, with your reason")).to_be_visible()
    claim = page.locator("#claim-identify_decision_maker")
    expect(claim).to_contain_text("Kept by Kanıt Danışmanı")
    expect(claim).to_contain_text(reason)
    page.goto(engagement_url)
    expect(page.locator("#open-claims")).to_have_count(0)
