"""Changing user accounts needs the administrator's password typed within
REAUTH_WINDOW (10 minutes): at signing in, or again on the confirm page. A
stolen or unattended session cannot create or deactivate accounts."""

from datetime import timedelta

import pytest
from freezegun import freeze_time
from sqlalchemy import func, select

from app.extensions import db
from app.models import SiteRole, User
from tests.conftest import PASSWORD

NEW_USER = {
    "email": "yeni@example.com",
    "name": "Yeni Danışman",
    "site_role": "consultant",
    "language": "tr",
}


@pytest.fixture
def admin(factory, auth) -> int:
    user_id = factory.user("admin@example.com", "Site Admin", site_role=SiteRole.ADMIN)
    auth.login("admin@example.com")
    return user_id


@pytest.fixture
def other(factory) -> int:
    return factory.user("leyla@example.com", "Leyla Şahin")


def confirmation_goes_stale(client):
    """Move the last time the password was typed back past the window."""
    with client.session_transaction() as session:
        session["password_confirmed_at"] -= 11 * 60


def asks_for_password(response, back: str) -> bool:
    return response.status_code == 302 and response.location == (
        "/confirm-password?next=" + back
    )


def user_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(User.id)))


def test_without_a_recent_password_nothing_changes(app, client, factory, admin, other):
    confirmation_goes_stale(client)
    deactivate = client.post(f"/admin/users/{other}/active")
    assert asks_for_password(deactivate, "/admin/users")
    assert factory.get(User, other).active is True
    created = client.post("/admin/users/new", data=NEW_USER)
    assert asks_for_password(created, "/admin/users/new")
    assert user_count(app) == 2
    assert asks_for_password(client.get("/admin/users/new"), "/admin/users/new")


def test_after_confirming_it_goes_back_to_the_form_and_the_change_works(
    client, auth, factory, admin, other
):
    confirmation_goes_stale(client)
    asked = client.post(f"/admin/users/{other}/active")
    page = client.get(asked.location)
    assert page.status_code == 200
    assert "Confirm your password" in page.text
    confirmed = client.post(asked.location, data={"password": PASSWORD})
    assert confirmed.status_code == 302
    assert confirmed.location == "/admin/users"  # the form's page, not the POST
    assert factory.get(User, other).active is True
    assert client.post(f"/admin/users/{other}/active").status_code == 302
    assert factory.get(User, other).active is False


def test_it_asks_again_once_the_window_has_passed(client, auth, factory, admin, other):
    with freeze_time() as clock:
        auth.confirm_password()
        clock.tick(timedelta(minutes=9))
        assert client.post(f"/admin/users/{other}/active").location == "/admin/users"
        assert factory.get(User, other).active is False
        clock.tick(timedelta(minutes=2))
        assert asks_for_password(
            client.post(f"/admin/users/{other}/active"), "/admin/users"
        )
        assert factory.get(User, other).active is False


def test_signing_in_counts_as_typing_the_password(client, factory, admin, other):
    assert client.post(f"/admin/users/{other}/active").location == "/admin/users"
    assert factory.get(User, other).active is False


def test_a_wrong_password_is_refused(client, auth, factory, admin, other):
    confirmation_goes_stale(client)
    refused = auth.confirm_password("not my password", next="/admin/users")
    assert refused.status_code == 200
    assert "This is not your password." in refused.text
    assert asks_for_password(
        client.post(f"/admin/users/{other}/active"), "/admin/users"
    )
    assert factory.get(User, other).active is True


@pytest.mark.parametrize("app_config", [{"LOGIN_RATE_LIMIT": "3 per minute"}])
def test_wrong_passwords_count_towards_the_sign_in_throttle(
    app, client, auth, factory, admin
):
    # the failures of one address count together, wherever the password is typed
    stranger = app.test_client()
    stranger.post("/login", data={"email": "admin@example.com", "password": "guess"})
    for _ in range(2):
        assert auth.confirm_password("guess").status_code == 200
    throttled = auth.confirm_password()
    assert throttled.status_code == 429
    assert "Too many failed sign-in attempts" in throttled.text


@pytest.mark.parametrize(
    ("target", "expected"),
    [("/admin/users?q=kaya", "/admin/users?q=kaya"), ("https://evil.example/", "/")],
)
def test_it_goes_on_only_to_a_page_of_this_app(client, auth, admin, target, expected):
    assert auth.confirm_password(next=target).location == expected


def test_every_change_of_administration_asks_for_the_password(
    app, client, admin, other
):
    confirmation_goes_stale(client)
    changes = [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("admin.") and "POST" in rule.methods
    ]
    assert len(changes) >= 2
    for rule in changes:
        path = rule.build({"user_id": other}, append_unknown=False)[1]
        response = client.post(path, data=NEW_USER)
        assert response.location.startswith("/confirm-password?next="), path
    assert user_count(app) == 2


def test_other_users_still_get_403(client, auth, factory, other):
    auth.login("leyla@example.com")
    assert client.post(f"/admin/users/{other}/active").status_code == 403
    assert client.get("/admin/users/new").status_code == 403


def test_visitors_are_sent_to_sign_in(client):
    response = client.get("/confirm-password")
    assert response.status_code == 302
    assert response.location.startswith("/login")


def test_the_confirm_page_speaks_turkish(client, auth, factory):
    factory.user(
        "yonetici@example.com", "Yönetici", site_role=SiteRole.ADMIN, language="tr"
    )
    auth.login("yonetici@example.com")
    confirmation_goes_stale(client)
    page = client.get("/admin/users/new", follow_redirects=True).text
    assert "Parolanızı onaylayın" in page
    assert "Sonraki 10 dakika boyunca yeniden sorulmayacak." in page
