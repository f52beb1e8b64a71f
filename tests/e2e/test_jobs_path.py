"""An analysis and the report pack run in a real worker process: the
consultant starts each, and its job's page follows it to the analysis, or
to the pack's download, once the worker is done."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, SiteRole
from tests.conftest import PASSWORD
from tests.e2e.conftest import migrated_app, serve
from tests.pdf import downloaded_text
from tests.web.test_design import seed

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def queued(tmp_path_factory):
    """The product with a real queue, a worker process beside it, and an
    engagement with customer data; yields the engagement's address."""
    folder = tmp_path_factory.mktemp("jobs")
    database, jobs = folder / "app.sqlite", folder / "jobs.sqlite"
    app = migrated_app(database, JOBS_IMMEDIATE=False, JOBS_DATABASE=str(jobs))
    with app.app_context():
        user = accounts.create_user(
            "jobs@example.com", "İş Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Kuyruk Ticaret A.Ş.", "Retail", CompanySize.SMALL, "TR", "en"
            ),
        )
        db.session.commit()
        engagement_id = engagement.id
    seed(app, engagement_id)
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "JOBS_DATABASE": str(jobs),
        "FLASK_APP": "wsgi",
    }
    worker = subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "flask", "jobs", "worker", "--workers", "1"],
        cwd=PROJECT,
        env=environment,
    )
    try:
        with serve(app) as base:
            yield f"{base}/engagements/{engagement_id}"
    finally:
        worker.terminate()
        worker.wait(timeout=20)


def sign_in(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_label("E-mail").fill("jobs@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")


def test_an_analysis_runs_in_the_worker_and_its_page_opens_the_result(
    page: Page, queued: str
):
    sign_in(page, f"{queued}/design/analysis")
    page.get_by_label("Analysis date").fill("2026-06-30")
    page.get_by_role("button", name="Run the analysis").click()
    expect(page.get_by_role("heading", name="Customer analysis")).to_be_visible()
    expect(page.get_by_role("progressbar", name="Progress of the job")).to_be_visible()
    # the worker takes it; the page follows it to the analysis by itself
    expect(page.get_by_role("heading", name=re.compile("Analysis 1 of"))).to_be_visible(
        timeout=60_000
    )
    page.goto(f"{queued}/jobs/")
    expect(page.get_by_role("cell", name="Done")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Open the result"))).to_be_visible()


def test_the_pack_is_laid_out_in_the_worker_and_downloads_when_ready(
    page: Page, queued: str
):
    sign_in(page, f"{queued}/reports/")
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Build the report pack").click()
        expect(page.get_by_role("heading", name="Report pack")).to_be_visible()
    text = downloaded_text(download.value)
    assert "Contents" in text and "Scorecard report" in text
    expect(page.locator("[data-job-status]")).to_have_text("Done")
