"""Preparation in a real browser keeps the method's order: an announcement
dated before the awareness activities is refused with the reason, and
preparation stays open until the sponsor has decided every gate (DOMAIN.md,
Phase 1 — Preparation, steps 3–8)."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from app.i18n.locale import local_today
from app.models import AwarenessKind
from app.preparation import organisation
from assessments.organisation import REQUIRED_TEAM_DEPARTMENTS, Department
from tests.conftest import PASSWORD
from tests.e2e.setups import assessed_with_a_sponsor

pytestmark = pytest.mark.e2e

#: The project manager, qualified as the method asks.
QUALIFIED = {
    "is_project_manager": True,
    "crm_knowledge": True,
    "trusted": True,
    "communicates_well": True,
    "knows_market": True,
}


@pytest.fixture(scope="module")
def prepared(live_app, live_server) -> dict:
    """A completed questionnaire whose gates all passed, the organisation and
    an awareness activity three weeks ago: only the sponsor's decisions and the
    announcement are left."""
    with live_app.app_context():
        consultant, engagement = assessed_with_a_sponsor(
            ("order@example.com", "Deniz Aydın"),
            ("owner@example.com", "Ayşe Yılmaz"),
            ("Ege Makine A.Ş.", "Makine"),
        )
        people = [
            ("Ayşe Yılmaz", Department.MANAGEMENT, {"is_sponsor": True}),
            ("Murat Proje", Department.MARKETING, QUALIFIED),
            *(
                (f"Müdür {d}", d, {"in_project_team": True})
                for d in REQUIRED_TEAM_DEPARTMENTS
            ),
        ]
        for name, department, flags in people:
            top = {"is_top_decision_maker": name == "Ayşe Yılmaz"}
            organisation.save_person(
                engagement,
                None,
                organisation.PersonDetails(name, department, **flags, **top),
                consultant.id,
            )
        awareness_on = local_today() - timedelta(days=21)
        organisation.add_awareness(
            engagement,
            organisation.AwarenessDetails(
                awareness_on, AwarenessKind.TRAINING, "CRM'e giriş"
            ),
            consultant.id,
        )
        return {
            "url": f"{live_server}/engagements/{engagement.id}",
            "awareness_on": awareness_on,
        }


def sign_in(page: Page, url: str, email: str) -> None:
    # Leave the page first: a request it still has in flight would set the
    # previous person's session cookie again after the cookies are cleared.
    page.goto("about:blank")
    page.context.clear_cookies()
    page.goto(url)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")


def announce(page: Page, url: str, announced_on) -> None:
    page.goto(f"{url}/preparation/change-log")
    page.get_by_label("Date of the announcement").fill(announced_on.isoformat())
    page.get_by_label("Announced by").select_option(label="Ayşe Yılmaz")
    page.get_by_role("button", name="Record the announcement").click()


def test_the_announcement_waits_for_awareness_and_for_the_sponsors_decisions(
    page: Page, prepared
):
    url, awareness_on = prepared["url"], prepared["awareness_on"]
    sign_in(page, url, "order@example.com")
    expect(page.locator(".phase-tile").first).to_contain_text("3 of 5 steps done")

    announce(page, url, awareness_on - timedelta(days=7))
    expect(page.locator("#announced_on-error")).to_contain_text(
        "it cannot come before the first awareness activity"
    )

    announce(page, url, awareness_on + timedelta(days=1))
    expect(
        page.get_by_text("Finish the earlier steps of preparation first.")
    ).to_be_visible()
    expect(
        page.get_by_text("Clear the go/no-go gates with the sponsor")
    ).to_be_visible()

    sign_in(page, f"{url}/glance", "owner@example.com")
    for _gate in range(3):
        decision = page.locator(".gate-decision").first
        decision.get_by_label(re.compile("Go on")).check()
        decision.get_by_label("Comment").fill("The board agrees.")
        decision.get_by_role("button", name="Record decision").click()
        expect(page.get_by_text("Your decision is recorded.")).to_be_visible()
    expect(page.get_by_text("Nothing waits for a decision.")).to_be_visible()

    sign_in(page, url, "order@example.com")
    expect(page.locator(".phase-tile").first).to_contain_text("4 of 5 steps done")
    announce(page, url, awareness_on + timedelta(days=1))
    expect(
        page.get_by_text("The announcement is recorded: preparation is complete.")
    ).to_be_visible()
    page.goto(url)
    expect(page.locator(".phase-tile").first).to_have_class("phase-tile phase-complete")
