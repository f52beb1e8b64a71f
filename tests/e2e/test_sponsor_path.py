"""The sponsor in a real browser: sign in, land on the project at a glance,
approve a gate, download the executive summary that records it, and build the
report pack (its job runs at once here: tests/e2e/test_jobs_path.py builds one
in a worker)."""

import re

import pytest
from playwright.sync_api import Page, expect

from app.extensions import db
from tests.conftest import PASSWORD
from tests.e2e.setups import assessed_with_a_sponsor
from tests.pdf import downloaded_text

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def demo_url(live_app, live_server) -> str:
    """An engagement whose preparation questionnaire is complete, reported in
    Turkish, with its sponsor."""
    with live_app.app_context():
        consultant, engagement = assessed_with_a_sponsor(
            ("glance@example.com", "Deniz Aydın"),
            ("board@example.com", "Şule Karaağaç"),
            ("Toros Döküm A.Ş.", "Döküm"),
        )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}"


def test_a_sponsor_approves_a_gate_and_takes_the_summary_to_the_board(
    page: Page, demo_url
):
    page.goto(demo_url)
    page.get_by_label("E-mail").fill("board@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="Decisions awaiting the sponsor")
    ).to_be_visible()

    decision = page.locator(".gate-decision").first
    decision.get_by_label(re.compile("Go on")).check()
    decision.get_by_label("Comment").fill("Kurul onayladı, devam.")
    decision.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Your decision is recorded.")).to_be_visible()
    expect(page.locator("#decisions table")).to_contain_text("Kurul onayladı, devam.")

    with page.expect_download() as download:
        page.get_by_role("button", name="Executive summary (PDF)").click()
    text = downloaded_text(download.value)
    assert "Kurul onayladı, devam." in text
    assert "Şule Karaağaç" in text
    assert "Yönetici özeti" in text  # the engagement reports in Turkish

    page.get_by_role("link", name="Reports", exact=True).click()
    page.get_by_label("Language of the reports").select_option("en")
    page.get_by_role("button", name="Use this language").click()
    expect(page).to_have_url(re.compile(r"language=en"))
    with page.expect_download() as download:  # its job is over at once here
        page.get_by_role("button", name="Build the report pack").click()
    text = downloaded_text(download.value)
    assert "Contents" in text and "Executive summary" in text  # an English copy
    page.get_by_role("link", name="Every report issued so far").click()
    expect(page.locator("tbody tr").first).to_contain_text("Report pack")
