"""Planning in a real browser: presenter mode by keyboard, goal with a measure,
and the report."""

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import update

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, GuideAnswer, SiteRole, WorkshopSession
from tests.conftest import PASSWORD
from tests.pdf import downloaded_text

pytestmark = pytest.mark.e2e

VISION = "Be the first call of every bakery in Thrace."
GOAL = "Keep our bakeries ordering every week"


@pytest.fixture(scope="module")
def planning_url(live_app, live_server) -> str:
    with live_app.app_context():
        user = accounts.create_user(
            "plan@example.com", "Planlama Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Trakya Maya A.Ş.", "Gıda", CompanySize.SMALL, "TR", "en"
            ),
        )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}/planning"


def test_presenter_mode_by_keyboard_then_goal_and_report(page: Page, planning_url):
    page.goto(f"{planning_url}/sessions/customers/present")
    # The e-mail field takes the focus on load; type once it has it.
    expect(page.get_by_label("E-mail")).to_be_focused()
    page.keyboard.type("plan@example.com")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator(".presenter-count")).to_have_text("Question 1 of 10")

    # The notes field has the focus: type, tab to the agreed answer, type.
    expect(page.get_by_label("Notes")).to_be_focused()
    page.keyboard.type("Sales: whoever ordered twice this year.")
    page.keyboard.press("Tab")
    page.keyboard.type("A customer buys from us again and again.")
    expect(page.locator("[data-save-status]")).to_have_text("Saved")
    page.keyboard.press("Alt+ArrowRight")
    expect(page.locator(".presenter-count")).to_have_text("Question 2 of 10")
    # The page's keys work once its script has run: wait for the page to load.
    page.wait_for_load_state()
    page.keyboard.press("Alt+ArrowLeft")
    expect(page.locator(".presenter-count")).to_have_text("Question 1 of 10")
    page.reload()
    expect(page.get_by_label("Notes")).to_have_value(
        "Sales: whoever ordered twice this year."
    )
    expect(page.get_by_label("Agreed answer")).to_have_value(
        "A customer buys from us again and again."
    )

    page.goto(f"{planning_url}/strategy")
    page.get_by_label("CRM vision").fill(VISION)
    page.get_by_role("button", name="Save vision").click()
    page.get_by_role("link", name="Goals and measures").click()
    page.get_by_label("Goal", exact=True).fill(GOAL)
    page.get_by_label("Measurable target").fill("95% of bakeries order weekly")
    page.get_by_label("Deadline").fill("2027-06-30")
    page.get_by_label("Owning department").select_option("sales")
    page.get_by_role("button", name="Save goal").click()
    page.get_by_label("Measure", exact=True).fill("Weekly ordering bakeries")
    page.get_by_label("Scorecard perspective").select_option("customer")
    page.get_by_label("Unit").fill("%")
    page.get_by_label("Baseline").fill("81")
    page.get_by_label("Target", exact=True).fill("95")
    page.get_by_role("button", name="Save measure").click()
    expect(page.get_by_role("cell", name="Weekly ordering bakeries")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Planning report (PDF)").click()
    text = downloaded_text(download.value)
    assert VISION in text
    assert GOAL in text
    assert "Weekly ordering bakeries" in text


def test_presenter_shows_a_colleagues_newer_text_and_keeps_mine(
    page: Page, live_app, planning_url
):
    """Someone else saves the question while the presenter types: autosave
    stops, their text shows beside mine, and Save replaces theirs knowingly."""
    page.goto(f"{planning_url}/sessions/market/present")
    _sign_in(page)
    page.get_by_label("Notes").fill("Mine: prices rise in spring.")
    expect(page.locator("[data-save-status]")).to_have_text("Saved")
    with live_app.app_context():
        db.session.execute(
            update(GuideAnswer)
            .where(GuideAnswer.question_id == "market_trends")
            .values(
                notes="Theirs: flour costs double.", revision=GuideAnswer.revision + 1
            )
        )
        db.session.commit()
    page.get_by_label("Notes").press_sequentially(" And in autumn.")
    expect(page.locator("[data-save-status]")).to_contain_text(
        "someone else saved this question meanwhile"
    )
    expect(page.locator("[data-conflict-notes]")).to_have_text(
        "Theirs: flour costs double."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("[data-save-status]")).to_have_text("Saved")
    expect(page.locator("[data-conflict]")).to_be_hidden()
    page.reload()
    expect(page.get_by_label("Notes")).to_have_value(
        "Mine: prices rise in spring. And in autumn."
    )


def test_a_goal_is_removed_from_its_page(page: Page, planning_url):
    """The remove button of a goal stands in a form of its own: it removes the
    goal, it does not submit the goal's edit form around it."""
    page.goto(f"{planning_url}/goals")
    _sign_in(page)
    page.get_by_label("Goal", exact=True).fill("A goal made by mistake")
    page.get_by_label("Measurable target").fill("none")
    page.get_by_label("Deadline").fill("2027-03-31")
    page.get_by_label("Owning department").select_option("marketing")
    page.get_by_role("button", name="Save goal").click()
    expect(page.get_by_role("heading", name="A goal made by mistake")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove the goal").click()
    expect(page.get_by_text("Removed.")).to_be_visible()
    expect(page.get_by_text("A goal made by mistake")).to_have_count(0)


def _sign_in(page: Page) -> None:
    """Sign in from the login page and wait until the page signed in to has
    loaded, its scripts included: typing before then is not autosaved."""
    page.get_by_label("E-mail").fill("plan@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url, wait_until="load")


def test_planning_cannot_close_on_hollow_sessions(page: Page, live_app, planning_url):
    """DOMAIN.md, planning: a session counts once it took place on a day, led
    and attended, and settled its questions. One marked held with nothing
    recorded (as older records may be) keeps planning open, named with a link,
    and the form will not mark another one held that way."""
    engagement_id = int(planning_url.rsplit("/", 2)[1])
    with live_app.app_context():
        db.session.add(
            WorkshopSession(
                engagement_id=engagement_id, section_id="company", held=True
            )
        )
        db.session.commit()
    page.goto(f"{planning_url}/")
    _sign_in(page)
    hollow = page.locator("ul.obstacles li").filter(
        has_text="“Day 3 — Inside the company” is marked held, but nobody"
    )
    expect(hollow).to_be_visible()
    expect(page.get_by_role("button", name="Close planning")).to_have_count(0)
    hollow.get_by_role("link", name="Session details").click()
    expect(page).to_have_url(f"{planning_url}/sessions/company")

    page.goto(f"{planning_url}/sessions/market")
    page.get_by_label("The session has been held; attendance is final").check()
    page.get_by_role("button", name="Save session").click()
    expect(
        page.locator(".field-error", has_text="Give the date the session was held on.")
    ).to_be_visible()
    page.goto(f"{planning_url}/")
    expect(
        page.get_by_text("“Day 1 — Market and competitors” has not been held.")
    ).to_be_visible()


def test_leaving_presenter_mode_saves_first(page: Page, planning_url):
    """Leave presenter mode saves what was typed, as Next and Previous do."""
    page.goto(f"{planning_url}/sessions/offer/present")
    _sign_in(page)
    page.get_by_label("Notes").fill("Typed just before leaving.")
    page.get_by_role("link", name="Leave presenter mode").click()
    expect(page).to_have_url(f"{planning_url}/sessions/offer")
    page.goto(f"{planning_url}/sessions/offer/present")
    expect(page.get_by_label("Notes")).to_have_value("Typed just before leaving.")
