"""CSRF protection stays on: a form posted without its token changes nothing."""

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import IssuedReport
from tests.conftest import PASSWORD, engagement_by_name


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


def token_from(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def login_with_token(client, email: str) -> str:
    token = token_from(client.get("/login").text)
    response = client.post(
        "/login", data={"email": email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    return token_from(client.get("/account/").text)


def test_login_without_token_is_refused(client, factory):
    factory.user("deniz@example.com")
    response = client.post(
        "/login", data={"email": "deniz@example.com", "password": PASSWORD}
    )
    assert response.status_code == 400
    assert client.get("/").status_code == 302  # still signed out


def test_a_post_without_token_changes_nothing(app, client, factory):
    factory.user("deniz@example.com")
    login_with_token(client, "deniz@example.com")
    form = {
        "name": "Sahte Firma",
        "sector": "x",
        "size": "small",
        "country": "TR",
        "report_language": "tr",
    }
    response = client.post("/engagements/new", data=form)
    assert response.status_code == 400
    assert "The request could not be handled" in response.text
    assert engagement_by_name(app, "Sahte Firma") is None


def test_the_same_post_with_its_token_goes_through(app, client, factory):
    factory.user("deniz@example.com")
    token = login_with_token(client, "deniz@example.com")
    form = {
        "name": "Gerçek Firma",
        "sector": "x",
        "size": "small",
        "country": "TR",
        "report_language": "tr",
        "csrf_token": token,
    }
    assert client.post("/engagements/new", data=form).status_code == 302
    assert engagement_by_name(app, "Gerçek Firma") is not None


def issued_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(IssuedReport.id)))


def test_a_report_is_issued_only_by_its_form(app, client, factory):
    """Issuing keeps a copy in the archive, so neither a link nor a forged
    post may do it; the button on the reports page, with its token, does."""
    engagement_id = factory.engagement(factory.user("deniz@example.com"), "Arşiv")
    token = login_with_token(client, "deniz@example.com")
    reports = f"/engagements/{engagement_id}/reports"
    assert client.get(f"{reports}/issue/summary").status_code == 405
    assert client.post(f"{reports}/issue/summary").status_code == 400
    assert issued_count(app) == 0
    page = client.get(f"{reports}/").text
    assert f'action="{reports}/issue/summary"' in page
    issued = client.post(f"{reports}/issue/summary", data={"csrf_token": token})
    assert issued.mimetype == "application/pdf"
    assert issued_count(app) == 1
