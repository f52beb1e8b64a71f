"""A consultant runs the preparation questionnaire in a real browser."""

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, SiteRole
from assessments.questionnaire import Category, Kind
from tests.conftest import PASSWORD
from tests.pdf import downloaded_text
from tests.preparation_answers import PREPARATION, answer_as

pytestmark = pytest.mark.e2e

COMPANY = "Trakya Un Değirmenleri A.Ş."


@pytest.fixture(scope="module")
def engagement_url(live_app, live_server) -> str:
    with live_app.app_context():
        user = accounts.create_user(
            "prep@example.com", "Hazırlık Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                COMPANY, "Gıda", CompanySize.SMALL, "TR", "tr"
            ),
        )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}"


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/preparation/")
    page.get_by_label("E-mail").fill("prep@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Preparation")


def answer_questionnaire(page: Page, category: Category) -> None:
    answers = answer_as(category)
    for index, section in enumerate(PREPARATION.sections):
        expect(page.get_by_role("heading", level=1)).to_have_text(section.title.en)
        for question in section.questions:
            value = answers.get(question.id)
            if value is None:
                continue
            if question.kind == Kind.NUMBER:
                page.locator(f'input[name="{question.id}"]').fill(str(value))
                continue
            for choice in value if isinstance(value, list) else [value]:
                page.locator(f'input[name="{question.id}"][value="{choice}"]').check()
        last = index == len(PREPARATION.sections) - 1
        button = "Save and mark complete" if last else "Save and continue"
        page.get_by_role("button", name=button).click()


def test_two_takes_give_two_categories_and_a_report(page: Page, engagement_url: str):
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, engagement_url)
    page.get_by_role("button", name="Start the questionnaire").click()
    answer_questionnaire(page, Category.STRATEGIC_THINKER)
    expect(page.locator(".category-name")).to_have_text("Strategic thinkers")

    page.get_by_role("link", name="Questionnaire").click()
    page.get_by_role("button", name="Start a re-assessment").click()
    answer_questionnaire(page, Category.HOPELESS)
    expect(page.locator(".category-name")).to_have_text("The hopeless")
    expect(page.get_by_text("Stop and re-frame CRM")).to_be_visible()
    page.get_by_role("link", name="Compare with take 1").click()
    expect(page.get_by_text("Answers that changed")).to_be_visible()

    page.get_by_role("link", name="Organisation").click()
    page.get_by_label("Name", exact=True).fill("Cem Bilgi")
    page.get_by_label("Department").select_option("it")
    page.get_by_label("Project manager").check()
    page.get_by_role("button", name="Save person").click()
    expect(page.get_by_text("comes from the IT department")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Preparation report (PDF)").click()
    text = downloaded_text(download.value)
    assert "Hazırlık raporu" in text  # the engagement reports in Turkish
    assert "Umutsuzlar" in text
    assert "CRM ihtiyacı" in text  # the need gate ...
    assert "Geçti" in text  # ... and its result
    assert "bilgi teknolojileri biriminden geliyor" in text  # PM from IT warned
    assert "Cem Bilgi" in text
    assert COMPANY in text
