"""The newcomer's wrong turn of issue 19 in a real browser: an optional count
typed as "about 1,200" is refused by name, not reported as missing answers;
corrected, the section saves; the result then explains its numbers and
leads on to the screen of each next step."""

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, SiteRole
from assessments.questionnaire import Category, Kind
from tests.conftest import PASSWORD
from tests.preparation_answers import PREPARATION, answer_as

pytestmark = pytest.mark.e2e

COUNT = "Roughly how many active customers does the company have?"


@pytest.fixture(scope="module")
def engagement_url(live_app, live_server) -> str:
    with live_app.app_context():
        user = accounts.create_user(
            "turn@example.com", "Yeni Danışman", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Maliyet Kısanlar A.Ş.", "Perakende", CompanySize.SMALL, "TR", "en"
            ),
        )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}"


def fill_section(page: Page, section, answers: dict) -> None:
    for question in section.questions:
        value = answers.get(question.id)
        if value is None:
            continue
        if question.kind == Kind.NUMBER:
            page.locator(f'input[name="{question.id}"]').fill(str(value))
            continue
        for choice in value if isinstance(value, list) else [value]:
            page.locator(f'input[name="{question.id}"][value="{choice}"]').check()


def test_a_count_in_words_is_named_and_the_result_explains_itself(
    page: Page, engagement_url: str
):
    page.goto(f"{engagement_url}/preparation/")
    page.get_by_label("E-mail").fill("turn@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Start the questionnaire").click()

    answers = answer_as(Category.SAVER) | {"need_active_customers": "about 1,200"}
    need = PREPARATION.sections[0]
    fill_section(page, need, answers)
    page.get_by_role("button", name="Save and continue").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(
        "This section was not saved: 1 answer needs correcting."
    )
    expect(alert.get_by_role("link", name=COUNT)).to_be_visible()
    expect(alert).to_contain_text(
        "Enter a whole number from 0 to 10,000,000 in digits, such as 1,234."
    )
    expect(page.get_by_text("no answer yet")).to_have_count(0)
    expect(page.get_by_text("-1,234.5")).to_have_count(0)
    # the other answers were kept in the form
    expect(page.locator('input[name="need_competition"][value="5"]')).to_be_checked()

    alert.get_by_role("link", name=COUNT).click()
    page.locator('input[name="need_active_customers"]').fill("1,200")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        PREPARATION.sections[1].title.en
    )

    for index, section in enumerate(PREPARATION.sections[1:], start=1):
        fill_section(page, section, answers)
        last = index == len(PREPARATION.sections) - 1
        button = "Save and mark complete" if last else "Save and continue"
        page.get_by_role("button", name=button).click()

    expect(page.locator(".category-name")).to_have_text("Savers")
    expect(page.get_by_text("The bars run to 39")).to_be_visible()
    page.locator("details.dimension-parts summary", has_text="Measurement").click()
    expect(
        page.locator("details.dimension-parts[open]").get_by_text(
            "We measure customer retention and satisfaction regularly."
        )
    ).to_be_visible()
    steps = page.locator("#next-steps")
    expect(steps).to_contain_text("invite the sponsor")
    steps.get_by_role("link", name="Open the project organisation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("organisation")
