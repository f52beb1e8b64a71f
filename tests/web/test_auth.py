"""Signing in and out, passwords, set-password links, throttling."""

import re

import pytest
from freezegun import freeze_time

from app.auth.services import set_password_token
from app.models import SiteRole, User
from assessments.roles import Role
from tests.conftest import PASSWORD


def without_tokens(page: str) -> str:
    """The page with its CSRF tokens (signed with a timestamp) blanked out."""
    return re.sub(r'(name="csrf_token"[^>]*?value=")[^"]+"', r'\1"', page)


@pytest.fixture
def consultant(factory) -> int:
    return factory.user("deniz@example.com", "Deniz Aydın")


def test_login_with_right_password_redirects_to_engagements(client, auth, consultant):
    response = auth.login("DENIZ@example.com ", PASSWORD)
    assert response.status_code == 302
    assert response.location == "/"
    assert client.get("/").status_code == 200


def test_unknown_email_and_wrong_password_get_the_same_answer(auth, consultant):
    wrong_password = auth.login("deniz@example.com", "not the password")
    unknown_email = auth.login("nobody@example.com", "not the password")
    assert wrong_password.status_code == unknown_email.status_code == 200
    assert "The e-mail or the password is not right." in wrong_password.text
    assert without_tokens(wrong_password.text) == without_tokens(
        unknown_email.text.replace("nobody@example.com", "deniz@example.com")
    )


def test_deactivated_user_cannot_sign_in(app, auth, factory):
    user_id = factory.user("gone@example.com")
    with app.app_context():
        from app.extensions import db

        db.session.get(User, user_id).active = False
        db.session.commit()
    response = auth.login("gone@example.com")
    assert response.status_code == 200
    assert "not right" in response.text


def test_pages_need_a_signed_in_user(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/account/", "/account/"),
        ("/engagements/new?x=1", "/engagements/new?x=1"),
        ("https://evil.example.com/", "/"),
        ("//evil.example.com/", "/"),
        ("/\\evil.example.com", "/"),
        ("javascript:alert(1)", "/"),
        ("http:/evil.example.com", "/"),
    ],
)
def test_next_only_ever_redirects_inside_the_app(client, consultant, target, expected):
    response = client.post(
        "/login",
        query_string={"next": target},
        data={"email": "deniz@example.com", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.location == expected


def test_logout_is_a_post_and_ends_the_session(client, auth, consultant):
    auth.login("deniz@example.com")
    assert client.get("/logout").status_code == 405
    assert auth.logout().status_code == 302
    assert client.get("/").status_code == 302


@pytest.mark.parametrize("app_config", [{"LOGIN_RATE_LIMIT": "3 per minute"}])
def test_repeated_failures_are_throttled_with_a_clear_message(auth, consultant):
    for _ in range(3):
        assert auth.login("deniz@example.com", "wrong password").status_code == 200
    throttled = auth.login("deniz@example.com", PASSWORD)
    assert throttled.status_code == 429
    assert "Too many failed sign-in attempts" in throttled.text


@pytest.mark.parametrize("app_config", [{"LOGIN_RATE_LIMIT": "2 per minute"}])
def test_successful_logins_do_not_count_towards_the_limit(client, auth, consultant):
    for _ in range(4):
        assert auth.login("deniz@example.com").status_code == 302
        auth.logout()


def test_change_password_needs_the_current_one(client, auth, factory, consultant):
    auth.login("deniz@example.com")
    refused = client.post(
        "/account/password",
        data={
            "current_password": "guess",
            "password": "a new password!",
            "confirm": "a new password!",
        },
    )
    assert "This is not your current password." in refused.text
    accepted = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": "a new password!",
            "confirm": "a new password!",
        },
    )
    assert accepted.status_code == 302
    auth.logout()
    assert auth.login("deniz@example.com", PASSWORD).status_code == 200
    assert auth.login("deniz@example.com", "a new password!").status_code == 302


def test_password_must_be_long_enough_and_repeated(client, auth, consultant):
    auth.login("deniz@example.com")
    response = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "password": "short", "confirm": "other"},
    )
    assert "at least 10" in response.text.lower() or "10 characters" in response.text
    assert "The two passwords do not match." in response.text


def test_set_password_link_works_exactly_once(app, client, auth, factory):
    user_id = factory.user("new@example.com", site_role=SiteRole.MEMBER, password=None)
    with app.test_request_context():
        token = set_password_token(factory.get(User, user_id))
    assert client.get(f"/set-password/{token}").status_code == 200
    form = {"password": "my own password", "confirm": "my own password"}
    assert client.post(f"/set-password/{token}", data=form).status_code == 302
    auth.logout()
    assert auth.login("new@example.com", "my own password").status_code == 302
    auth.logout()
    reused = client.post(
        f"/set-password/{token}",
        data={"password": "hijack attempt!", "confirm": "hijack attempt!"},
    )
    assert reused.status_code == 404
    assert "no longer valid" in reused.text


def test_setting_the_password_signs_the_invited_sponsor_in(app, client, factory):
    owner = factory.user("owner@example.com")
    engagement_id = factory.engagement(owner)
    sponsor = factory.user("boss@example.com", site_role=SiteRole.MEMBER, password=None)
    factory.member(engagement_id, sponsor, Role.SPONSOR)
    with app.test_request_context():
        token = set_password_token(factory.get(User, sponsor))
    form = {"password": "my own password", "confirm": "my own password"}
    response = client.post(f"/set-password/{token}", data=form, follow_redirects=True)
    assert response.request.path == f"/engagements/{engagement_id}/glance"
    assert "Your password is set, and you are signed in." in response.text


def test_set_password_link_expires(app, client, factory):
    user_id = factory.user("late@example.com", password=None)
    with freeze_time("2026-01-01"):
        with app.test_request_context():
            token = set_password_token(factory.get(User, user_id))
    with freeze_time("2026-01-09"):
        assert client.get(f"/set-password/{token}").status_code == 404


def test_tampered_set_password_link_is_refused(client):
    assert client.get("/set-password/not-a-token").status_code == 404


def test_passwords_are_stored_hashed(app, factory):
    user_id = factory.user("hash@example.com")
    stored = factory.get(User, user_id).password_hash
    assert PASSWORD not in stored
    assert stored.startswith(("scrypt:", "pbkdf2:"))
