"""A newcomer with only the README: sign in, open an engagement for a
cost-cutting client, answer the preparation questionnaire and download its
report, every step found by what the page in front of them says."""

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.extensions import db
from app.models import SiteRole
from assessments.questionnaire import Category
from tests.conftest import PASSWORD
from tests.e2e.test_preparation_path import answer_questionnaire
from tests.pdf import downloaded_text
from tests.preparation_answers import PREPARATION

pytestmark = pytest.mark.e2e

#: what the walk took before the pages explained themselves: 14 page steps
STEPS_BEFORE = 14


@pytest.fixture(scope="module")
def newcomer(live_app) -> str:
    with live_app.app_context():
        accounts.create_user(
            "newcomer@example.com", "Yeni Danışman", SiteRole.CONSULTANT, PASSWORD
        )
        db.session.commit()
    return "newcomer@example.com"


def test_a_newcomer_reaches_the_preparation_report_without_a_wrong_turn(
    page: Page, live_server: str, newcomer: str
):
    steps = []
    page.on("framenavigated", lambda frame: steps.append(frame.url))
    page.goto(f"{live_server}/")
    page.get_by_label("E-mail").fill(newcomer)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("link", name="New engagement").first.click()
    page.get_by_label("Client company").fill("Tasarruf Lojistik A.Ş.")
    page.get_by_label("Sector").fill("Logistics")
    page.get_by_label("Company size").select_option("medium")
    expect(page.get_by_label("Country")).to_have_value("")  # no country assumed
    page.get_by_label("Country").select_option("TR")
    expect(page.get_by_label("Language of reports")).to_have_value("en")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Engagement created.")).to_be_visible()

    page.get_by_role("link", name="Preparation", exact=True).first.click()
    page.get_by_role("button", name="Start the questionnaire").click()
    answer_questionnaire(page, Category.SAVER)
    expect(page.locator(".category-name")).to_have_text("Savers")
    with page.expect_download() as download:
        page.get_by_role("button", name="Preparation report (PDF)").click()
    text = downloaded_text(download.value)
    assert "Preparation report" in text and "Savers" in text

    # sign-in, engagements, the form, members, preparation, each section, result
    walked = len(steps)
    assert walked == 5 + len(PREPARATION.sections) + 1, steps
    assert walked < STEPS_BEFORE
