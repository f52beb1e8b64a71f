"""Design in a real browser: a Turkish ;-separated export through the mapping
screen, an analysis with its heatmaps, a customer, and the design report."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, SiteRole
from tests.conftest import PASSWORD
from tests.pdf import downloaded_text

pytestmark = pytest.mark.e2e


def turkish_export(folder) -> str:
    """Twelve customers; customer k bought k times for k × 1.000,50 TL within
    the last year, and customer 1 returned 50.000 TL: one BZ, three MVC."""
    today = date.today()
    lines = ["Cari Kod;Ünvan;Şehir;Fatura Tarihi;Tutar"]
    for k in range(1, 13):
        for n in range(k):
            day = today - timedelta(days=10 + 20 * n)
            amount = f"{k}.000,50"
            lines.append(
                f"120.{k:03d};Şahin Gıda {k} Ltd. Şti.;İzmir;{day:%d.%m.%Y};{amount}"
            )
    lines.append(f"120.001;Şahin Gıda 1 Ltd. Şti.;İzmir;{today:%d.%m.%Y};-50.000,00")
    path = folder / "satislar.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1254"))
    return str(path)


@pytest.fixture(scope="module")
def design_url(live_app, live_server) -> str:
    with live_app.app_context():
        user = accounts.create_user(
            "design@example.com", "Tasarım Danışmanı", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Ege Gıda Dağıtım A.Ş.", "Gıda", CompanySize.MEDIUM, "TR", "en"
            ),
        )
        db.session.commit()
        return f"{live_server}/engagements/{engagement.id}/design"


def test_from_a_turkish_export_to_groups_heatmaps_and_the_report(
    page: Page, design_url, tmp_path
):
    page.goto(f"{design_url}/import")
    page.get_by_label("E-mail").fill("design@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")

    page.get_by_label("File (CSV or Excel .xlsx)").set_input_files(
        turkish_export(tmp_path)
    )
    page.get_by_label("The file holds").select_option("transactions")
    page.get_by_role("button", name="Upload and check the columns").click()

    # The mapping screen guessed the Turkish headers and shows the first rows.
    expect(page.get_by_role("heading", name="Choose the columns")).to_be_visible()
    expect(page.get_by_label("Account number")).to_have_value("Cari Kod")
    expect(page.get_by_label("Amount")).to_have_value("Tutar")
    expect(
        page.get_by_role("cell", name="Şahin Gıda 1 Ltd. Şti.").first
    ).to_be_visible()
    # What detection found is written out in full, under its select.
    expect(page.get_by_text("Found: Windows-1254 (Turkish)")).to_be_visible()
    expect(page.get_by_label("Encoding")).to_have_accessible_description(
        "Found: Windows-1254 (Turkish)"
    )
    page.get_by_role("button", name="Check the whole file").click()
    # Nothing is saved yet: the plan says what the import would do.
    expect(page.get_by_text("12 customers will be created")).to_be_visible()
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("12 customers created")).to_be_visible()

    page.goto(f"{design_url}/analysis")
    page.get_by_role("button", name="Run the analysis").click()
    expect(
        page.get_by_role("heading", name=re.compile("Analysis 1 of"))
    ).to_be_visible()
    expect(page.locator("svg.heatmap")).to_have_count(2)

    page.get_by_role("link", name="Customers with their groups").click()
    page.get_by_role("link", name="Şahin Gıda 12 Ltd. Şti.").click()
    expect(
        page.get_by_role("heading", name=re.compile("Şahin Gıda 12"))
    ).to_be_visible()
    expect(page.get_by_text("12 transactions between")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Design report (PDF)").click()
    text = downloaded_text(download.value)
    assert "Design report" in text
    assert re.search(r"Most valuable \(MVC\) 3 ", text)
    assert re.search(r"Below zero \(BZ\) 1 ", text)
    assert re.search(r"Other customers 8 ", text)
