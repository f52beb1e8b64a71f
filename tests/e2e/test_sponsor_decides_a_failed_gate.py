"""A new sponsor in a real browser: from the invitation link to a signed-in
glance, a decision on a failed gate with its evidence in view, and the phase's
state and the executive summary that follow the decision."""

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.auth.services import set_password_token
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, SiteRole
from app.preparation import services as preparation
from app.questionnaires import takes
from assessments.examples import typical_answers
from assessments.questionnaire import Category, QuestionnaireId
from assessments.roles import Role
from tests.conftest import PASSWORD
from tests.pdf import downloaded_text

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def invitation(live_app, live_server) -> str:
    """A hopeless take, whose gates fail, and a sponsor invited by link, in
    an engagement reported in English."""
    with live_app.app_context():
        lead = accounts.create_user(
            "failedgate-lead@example.com", "Kerem Tan", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            lead,
            engagements.EngagementDetails(
                "Ege Tekstil A.Ş.", "Tekstil", CompanySize.MEDIUM, "TR", "en"
            ),
        )
        invited = engagements.invite(
            engagement,
            "failedgate-sponsor@example.com",
            "Nur Ertan",
            Role.SPONSOR,
            lead.id,
        )
        take = takes.start_take(engagement, QuestionnaireId.PREPARATION, lead)
        answers = typical_answers(
            preparation.definition(), Category.HOPELESS, supportive=False
        )
        takes.record_answers(take, answers, lead)
        takes.complete_take(take, lead)
        db.session.commit()
        token = set_password_token(invited.membership.user)
        return f"{live_server}/set-password/{token}"


def test_a_new_sponsor_stops_at_a_failed_gate_with_its_evidence_in_view(
    page: Page, invitation
):
    page.goto(invitation)
    page.locator("input[name=password]").fill("a long new password 42")
    page.locator("input[name=confirm]").fill("a long new password 42")
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_text("you are signed in")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Decisions awaiting the sponsor")
    ).to_be_visible()

    failed = page.locator(".gate-decision").filter(has_text="Failed").first
    expect(failed).to_contain_text("passes from")
    expect(failed).to_contain_text("It failed: the score stays below the line.")
    expect(
        failed.get_by_role("link", name="See the evidence on the result page")
    ).to_be_visible()
    gate = failed.get_by_role("heading").inner_text().replace("Failed", "").strip()
    failed.get_by_label("Stop here").check()
    failed.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Your decision is recorded.")).to_be_visible()

    decisions = page.locator("#decisions table")
    expect(decisions).to_contain_text(gate)
    expect(decisions).to_contain_text("Failed")
    expect(decisions).to_contain_text("Stop here")
    expect(page.locator(".lead")).to_contain_text("Preparation: stopped at a gate")

    with page.expect_download() as download:
        page.get_by_role("button", name="Executive summary (PDF)").click()
    text = " ".join(downloaded_text(download.value).split())
    assert "Failed Stop here" in text
    assert "Nur Ertan" in text
