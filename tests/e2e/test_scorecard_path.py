"""The scorecard in a real browser: define an objective and a computed measure,
take an analysis of the customer data, see the value and its colour on the
overview, and find the measure with its status in the scorecard PDF."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import insert, select

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.i18n.labels import label
from app.models import CompanySize, Customer, SiteRole, Snapshot, Transaction
from app.planning import services as planning
from assessments.organisation import Department
from assessments.planning import Direction
from assessments.scorecard import Thresholds, status
from tests.conftest import PASSWORD
from tests.pdf import downloaded_text

pytestmark = pytest.mark.e2e

MEASURE = "Value share of our most valuable customers"


@pytest.fixture(scope="module")
def engagement_url(live_app, live_server) -> str:
    """An engagement with a goal and twenty customers with a year of sales."""
    with live_app.app_context():
        user = accounts.create_user(
            "scorecard@example.com", "Karne Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Anadolu Makine A.Ş.", "Makine", CompanySize.MEDIUM, "TR", "en"
            ),
        )
        planning.save_goal(
            engagement,
            None,
            planning.GoalDetails(
                title="Keep the dealers who order every month",
                target="",
                deadline=date(2027, 6, 30),
                department=Department.SALES,
                strategy_id=None,
            ),
        )
        today = date.today()
        for k in range(1, 21):
            customer = Customer(
                engagement_id=engagement.id,
                account_number=f"B{k:02d}",
                name=f"Bayi {k}",
            )
            db.session.add(customer)
            db.session.flush()
            db.session.execute(
                insert(Transaction),
                [
                    {
                        "engagement_id": engagement.id,
                        "customer_id": customer.id,
                        "occurred_on": today - timedelta(days=5 + 17 * n),
                        "amount": 250.0 * k,
                    }
                    for n in range(k % 7 + 1)
                ],
            )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}"


def test_a_computed_measure_takes_its_colour_from_the_analysis(
    page: Page, engagement_url, live_app
):
    page.goto(f"{engagement_url}/implementation/")
    page.get_by_label("E-mail").fill("scorecard@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("heading", name="The scorecard has no measure yet")
    ).to_be_visible()

    page.get_by_role("link", name="Add an objective").click()
    page.get_by_label("Objective").fill("Grow the loyal dealer base")
    page.get_by_label("Scorecard perspective").select_option(label="Customer")
    page.get_by_label("Serves the goal").select_option(
        label="Keep the dealers who order every month"
    )
    page.get_by_role("button", name="Save objective").click()
    expect(page.get_by_text("Objective saved.")).to_be_visible()

    page.get_by_role("link", name="Add a measure").first.click()
    page.get_by_label("Measure", exact=True).fill(MEASURE)
    page.get_by_label("Unit").fill("%")
    page.get_by_label("Scorecard perspective").select_option(label="Customer")
    page.get_by_label("Goal", exact=True).select_option(
        label="Keep the dealers who order every month"
    )
    page.get_by_label("Objective").select_option(
        label="Grow the loyal dealer base (Customer)"
    )
    page.get_by_label("Target").fill("40")
    page.get_by_label("Green from").fill("30")
    page.get_by_label("Amber from").fill("15")
    page.get_by_label("Values").select_option(
        label="Most valuable customers' share of value"
    )
    page.get_by_role("button", name="Save measure").click()
    expect(page.get_by_text("The next analysis of the customer data")).to_be_visible()

    page.goto(f"{engagement_url}/design/analysis")
    page.get_by_role("button", name="Run the analysis").click()
    expect(
        page.get_by_role("heading", name=re.compile("Analysis 1 of"))
    ).to_be_visible()

    with live_app.app_context():
        engagement_id = int(engagement_url.rsplit("/", 1)[1])
        snapshot = db.session.scalar(
            select(Snapshot).where(Snapshot.engagement_id == engagement_id)
        )
        share = snapshot.summary["figures"]["mvc_value_share"]
        expected = status(share, Direction.HIGHER_IS_BETTER, Thresholds(30, 15))
        with live_app.test_request_context():
            colour = str(label(expected))

    page.get_by_role("link", name="Implementation").click()
    row = page.locator("tr", has=page.get_by_role("link", name=MEASURE))
    expect(row).to_contain_text(f"{share:g}%")
    expect(row.locator(f".badge-{expected.value}")).to_have_text(colour)
    expect(row).to_contain_text("Analysis 1 of")

    with page.expect_download() as download:
        page.get_by_role("button", name="Scorecard PDF").click()
    text = downloaded_text(download.value)
    assert "Scorecard report" in text
    row_text = rf"{MEASURE} (?:.{{0,80}}? )?{share:g}% .{{0,20}}40% {colour}"
    assert re.search(row_text, text), text[:3000]
