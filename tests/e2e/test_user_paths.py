"""The main user paths, in a real browser against a live server."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, SiteRole
from tests.conftest import PASSWORD
from tests.pdf import downloaded_text

pytestmark = pytest.mark.e2e

NEW_COMPANY = "Ege Zeytinyağı Üreticileri A.Ş."
OTHER_COMPANY = "Başka Müşteri Tekstil Ltd. Şti."


@pytest.fixture(scope="module")
def consultant(live_app) -> str:
    """A consultant who already runs another client's engagement."""
    with live_app.app_context():
        user = accounts.create_user(
            "consultant@example.com", "Deniz Aydın", SiteRole.CONSULTANT, PASSWORD
        )
        engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                OTHER_COMPANY, "Tekstil", CompanySize.LARGE, "TR", "tr"
            ),
        )
        db.session.commit()
    return "consultant@example.com"


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.keyboard.press("Enter")


def test_consultant_opens_an_engagement_and_the_sponsor_sees_only_it(
    page: Page, live_server: str, consultant: str
):
    sign_in(page, live_server, consultant, PASSWORD)
    expect(page.get_by_role("heading", name="Engagements")).to_be_visible()

    page.get_by_role("link", name="New engagement").first.click()
    page.get_by_label("Client company").fill(NEW_COMPANY)
    page.get_by_label("Sector").fill("Gıda")
    page.get_by_label("Company size").select_option("medium")
    page.get_by_label("Country").select_option("TR")
    page.get_by_label("Language of reports").select_option("tr")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Engagement created.")).to_be_visible()

    page.get_by_label("E-mail").fill("sponsor@example.com")
    page.get_by_label("Full name").fill("Şule Karaağaç")
    page.get_by_label("Role", exact=True).select_option("sponsor")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_role("heading", name="Invitation ready")).to_be_visible()
    link = page.get_by_label("Set-password link").input_value()
    assert "/set-password/" in link

    page.get_by_role("button", name="Türkçe").click()
    expect(page.get_by_role("heading", name="Üyeler")).to_be_visible()
    expect(page.get_by_role("cell", name="Şule Karaağaç", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Pano")).to_be_visible()
    page.get_by_role("button", name="Çıkış yap").click()
    expect(page.get_by_role("heading", name="Giriş yap")).to_be_visible()

    page.goto(link)
    page.get_by_label("Yeni parola", exact=True).fill("sponsorun parolası")
    page.get_by_label("Yeni parolayı tekrar").fill("sponsorun parolası")
    page.keyboard.press("Enter")
    # Setting the password signs the sponsor in, on the project's glance.
    expect(
        page.get_by_text("Parolanız belirlendi ve oturumunuz açıldı.")
    ).to_be_visible()

    expect(page.get_by_role("heading", name=NEW_COMPANY)).to_be_visible()
    page.goto(f"{live_server}/")
    expect(page.get_by_role("heading", name=NEW_COMPANY)).to_be_visible()
    assert OTHER_COMPANY not in page.content()

    page.get_by_role("link", name="Raporlar").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Proje özeti").click()
    text = downloaded_text(download.value)
    assert NEW_COMPANY in text
    assert OTHER_COMPANY not in text


def test_a_wrong_password_keeps_the_email_and_says_what_is_wrong(
    page: Page, live_server: str, consultant: str
):
    sign_in(page, live_server, consultant, "not my password")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("not right")
    expect(summary).to_be_focused()  # keyboard and screen-reader users land on it
    expect(page.get_by_label("E-mail")).to_have_value(consultant)


def test_an_administrator_types_the_password_again_before_creating_a_user(
    page: Page, live_server: str, live_app, monkeypatch
):
    with live_app.app_context():
        accounts.create_user(
            "admin@example.com", "Site Admin", SiteRole.ADMIN, PASSWORD
        )
        db.session.commit()
    # signing in is typed-in proof for REAUTH_WINDOW; with none left, it asks
    monkeypatch.setitem(live_app.config, "REAUTH_WINDOW", timedelta(0))
    sign_in(page, live_server, "admin@example.com", PASSWORD)
    page.get_by_role("link", name="Users").click()
    page.get_by_role("link", name="New user").click()
    expect(page.get_by_role("heading", name="Confirm your password")).to_be_visible()

    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("This is not your password.", exact=True)).to_be_visible()

    monkeypatch.setitem(live_app.config, "REAUTH_WINDOW", timedelta(minutes=10))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(f"{live_server}/admin/users/new")
    page.get_by_label("E-mail").fill("yeni@example.com")
    page.get_by_label("Full name").fill("Yeni Danışman")
    page.get_by_role("button", name="Create user").click()
    expect(page.get_by_text("Yeni Danışman")).to_be_visible()
