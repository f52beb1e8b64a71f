"""A signed-in session ends on the server: when the user signs out, when the
password changes (everywhere but where it was changed), after a long idle
time and after its absolute lifetime; signing in starts a fresh session."""

from datetime import timedelta

import pytest
from freezegun import freeze_time

from tests.conftest import PASSWORD

NEW_PASSWORD = "a new password!"


@pytest.fixture
def consultant(factory) -> int:
    return factory.user("deniz@example.com", "Deniz Aydın")


def signed_in(client) -> bool:
    """Whether the client's cookie still opens a page that needs an account."""
    return client.get("/").status_code == 200


def browser(app):
    """Another browser of the same person: a client of its own."""
    client = app.test_client()
    client.post("/login", data={"email": "deniz@example.com", "password": PASSWORD})
    return client


def copy_of_cookie(app, client):
    """A second client holding a copy of the first one's session cookie."""
    thief = app.test_client()
    cookie = client.get_cookie("session", domain="crm.test")
    thief.set_cookie("session", cookie.value, domain="crm.test")
    return thief


def test_a_cookie_copied_before_signing_out_signs_nobody_in(
    app, client, auth, consultant
):
    auth.login("deniz@example.com")
    copy = copy_of_cookie(app, client)
    assert signed_in(copy)
    auth.logout()
    assert not signed_in(copy)
    assert not signed_in(client)


def test_signing_out_ends_the_sessions_on_other_devices_too(
    app, client, auth, consultant
):
    auth.login("deniz@example.com")
    laptop = browser(app)
    assert signed_in(laptop)
    auth.logout()
    assert not signed_in(laptop)


def test_a_password_change_ends_the_other_sessions_but_not_this_one(
    app, client, auth, consultant
):
    auth.login("deniz@example.com")
    laptop = browser(app)
    changed = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
    )
    assert changed.status_code == 302
    assert signed_in(client)
    assert not signed_in(laptop)


def test_signing_in_starts_a_fresh_session(client, auth, consultant):
    with client.session_transaction() as session:
        session["csrf_token"] = "the anonymous visitor's secret"
        session["language"] = "tr"
    auth.login("deniz@example.com")
    with client.session_transaction() as session:
        assert "csrf_token" not in session
        assert session["language"] == "tr"


@pytest.mark.parametrize(
    ("later", "still_signed_in"),
    [
        (timedelta(hours=7, minutes=59), True),
        (timedelta(hours=8, minutes=1), False),
    ],
)
def test_a_session_ends_after_eight_idle_hours(
    client, auth, consultant, later, still_signed_in
):
    with freeze_time("2026-12-02 09:00") as clock:
        auth.login("deniz@example.com")
        clock.tick(later)
        assert signed_in(client) is still_signed_in


def test_a_busy_session_ends_fourteen_days_after_signing_in(client, auth, consultant):
    with freeze_time("2026-12-02 09:00") as clock:
        auth.login("deniz@example.com")
        for _visit in range(47):  # a request every 7 hours: never idle
            clock.tick(timedelta(hours=7))
            assert signed_in(client)
        clock.tick(timedelta(hours=7, minutes=1))  # 14 days and a minute
        page = client.get("/", follow_redirects=True)
        assert "Your session has ended. Sign in again." in page.text
        assert not signed_in(client)
