"""User administration."""

import pytest

from app.models import SiteRole, User
from tests.conftest import PASSWORD


@pytest.fixture
def admin(factory, auth) -> int:
    user_id = factory.user("admin@example.com", "Site Admin", site_role=SiteRole.ADMIN)
    auth.login("admin@example.com")
    return user_id


def test_admin_creates_a_user_who_sets_a_password_through_the_link(client, auth, admin):
    response = client.post(
        "/admin/users/new",
        data={
            "email": "yeni@example.com",
            "name": "Yeni Danışman",
            "site_role": "consultant",
            "language": "tr",
        },
    )
    assert response.status_code == 200
    link = response.text.split('value="http://crm.test')[1].split('"')[0]
    auth.logout()
    form = {"password": "a long password", "confirm": "a long password"}
    assert client.post(link, data=form).status_code == 302
    assert auth.login("yeni@example.com", "a long password").status_code == 302


def test_an_email_is_used_once(client, admin):
    response = client.post(
        "/admin/users/new",
        data={
            "email": "admin@example.com",
            "name": "Again",
            "site_role": "member",
            "language": "en",
        },
    )
    assert "There is already an account for this e-mail." in response.text


def test_a_deactivated_user_can_no_longer_sign_in(client, auth, factory, admin):
    user_id = factory.user("leaving@example.com", "Ayrılan Kişi")
    response = client.post(f"/admin/users/{user_id}/active")
    assert "Ayrılan Kişi can no longer sign in." in client.get(response.location).text
    assert factory.get(User, user_id).active is False
    auth.logout()
    assert auth.login("leaving@example.com", PASSWORD).status_code == 200


def test_an_admin_cannot_lock_themselves_out(client, factory, admin):
    client.post(f"/admin/users/{admin}/active")
    assert factory.get(User, admin).active is True


def test_users_can_be_searched_and_paged(app, client, factory, admin):
    app.config["PAGE_SIZE"] = 2
    for name in ("Ayşe Kaya", "Burak Demir", "Cem Yıldız"):
        factory.user(f"{name.split()[0].lower()}@example.com", name)
    assert "Page 1 of 2" in client.get("/admin/users").text
    found = client.get("/admin/users", query_string={"q": "demir"}).text
    assert "Burak Demir" in found and "Ayşe Kaya" not in found


def test_reactivating_an_account_does_not_revive_a_cookie_copied_before(
    app, client, auth, factory, admin
):
    user_id = factory.user("leaving@example.com", "Ayrılan Kişi")
    laptop = app.test_client()
    laptop.post("/login", data={"email": "leaving@example.com", "password": PASSWORD})
    copy = app.test_client()
    cookie = laptop.get_cookie("session", domain="crm.test")
    copy.set_cookie("session", cookie.value, domain="crm.test")
    assert copy.get("/").status_code == 200
    client.post(f"/admin/users/{user_id}/active")
    assert copy.get("/").status_code == 302
    client.post(f"/admin/users/{user_id}/active")
    assert factory.get(User, user_id).active is True
    assert copy.get("/").status_code == 302
    assert laptop.get("/").status_code == 302
