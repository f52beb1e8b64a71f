"""Opening engagements, the dashboard, and managing members."""

import html
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Engagement, Membership, SiteRole, User
from assessments.roles import Role
from tests.conftest import engagement_by_name

NEW_ENGAGEMENT = {
    "name": "Karadeniz Çay Üreticileri A.Ş.",
    "sector": "Gıda",
    "size": "medium",
    "country": "TR",
    "report_language": "tr",
}


@pytest.fixture
def consultant(factory, auth) -> int:
    user_id = factory.user("deniz@example.com", "Deniz Aydın")
    auth.login("deniz@example.com")
    return user_id


def members_of(app, engagement_id) -> dict[str, Role]:
    with app.app_context():
        rows = db.session.scalars(
            select(Membership).where(Membership.engagement_id == engagement_id)
        )
        return {row.user.email: row.role for row in rows}


def test_consultant_opens_an_engagement_and_becomes_its_consultant(
    app, client, consultant
):
    response = client.post("/engagements/new", data=NEW_ENGAGEMENT)
    engagement = engagement_by_name(app, NEW_ENGAGEMENT["name"])
    assert response.status_code == 302
    assert response.location == f"/engagements/{engagement.id}/members"
    assert members_of(app, engagement.id) == {"deniz@example.com": Role.CONSULTANT}
    assert engagement.currency == "TRY"  # none sent: the country's
    page = client.get("/").text
    assert "Karadeniz Çay Üreticileri A.Ş." in page


def test_a_missing_field_is_reported_and_nothing_is_created(app, client, consultant):
    response = client.post("/engagements/new", data={**NEW_ENGAGEMENT, "sector": ""})
    assert response.status_code == 200
    assert "Please correct the following" in response.text
    assert 'value="Karadeniz Çay Üreticileri A.Ş."' in response.text  # nothing lost
    assert engagement_by_name(app, NEW_ENGAGEMENT["name"]) is None


def test_a_new_engagement_assumes_no_country_and_reports_in_the_users_language(
    app, client, consultant
):
    """The consultant's interface is English (the fixture's user), so reports
    default to English; the country is chosen, never assumed."""
    page = client.get("/engagements/new").text
    assert '<option selected value="en">English</option>' in page
    assert '<option value="">Choose a country</option>' in page
    assert 'selected value="TR"' not in page
    refused = client.post("/engagements/new", data={**NEW_ENGAGEMENT, "country": ""})
    assert "Country: Choose the company's country." in refused.text
    assert engagement_by_name(app, NEW_ENGAGEMENT["name"]) is None


def test_the_country_list_holds_countries_only(client, consultant):
    page = client.get("/engagements/new").text
    options = page.split('id="country"')[1].split("</select>")[0]
    assert ">Türkiye<" in options and ">Germany<" in options
    for not_a_country in ("Pseudo-Accents", "Pseudo-Bidi", "Diego Garcia", "Europe"):
        assert not_a_country not in options
    assert 240 <= options.count("<option") <= 260


def currency_select(page: str) -> str:
    """The currency select, its attributes and options, unescaped."""
    return html.unescape(
        re.search(r'<select[^>]*id="currency".*?</select>', page, re.S)[0]
    )


def test_the_currency_list_holds_the_currencies_of_today(client, consultant):
    options = currency_select(client.get("/engagements/new").text)
    assert ">Turkish Lira (TRY)<" in options and ">Euro (EUR)<" in options
    for not_offered in ("(DEM)", "(XEU)", "(TRL)"):  # given up, or no money
        assert not_offered not in options
    assert 140 <= options.count("<option") <= 170
    # the page switches it to the country chosen, until one is picked
    assert '"TR": "TRY"' in options and '"DE": "EUR"' in options


def test_a_new_engagements_currency_is_its_countrys_else_the_languages(
    client, factory, auth
):
    factory.user("tr@example.com", language="tr")
    auth.login("tr@example.com")
    page = client.get("/engagements/new").text
    assert '<option selected value="TRY">Türk lirası (TRY)</option>' in page
    german = {**NEW_ENGAGEMENT, "country": "DE", "sector": ""}
    refused = client.post("/engagements/new", data=german).text
    assert '<option selected value="EUR">Euro (EUR)</option>' in refused


@pytest.mark.parametrize("code", ["XYZ", "DEM", "try"])
def test_a_currency_not_in_use_is_refused(app, client, consultant, code):
    response = client.post(
        "/engagements/new", data={**NEW_ENGAGEMENT, "currency": code}
    )
    assert (
        "Currency: This is not a currency in use today: choose one from the list."
        in response.text
    )
    assert engagement_by_name(app, NEW_ENGAGEMENT["name"]) is None


def test_the_chosen_currency_is_kept_whatever_the_country(app, client, consultant):
    client.post("/engagements/new", data={**NEW_ENGAGEMENT, "currency": "EUR"})
    assert engagement_by_name(app, NEW_ENGAGEMENT["name"]).currency == "EUR"


def test_a_currency_its_country_gave_up_stays_while_other_details_change(
    app, client, factory, consultant
):
    engagement_id = factory.engagement(consultant)
    with app.app_context():
        db.session.get(Engagement, engagement_id).currency = "HRK"
        db.session.commit()
    edit = f"/engagements/{engagement_id}/edit"
    options = currency_select(client.get(edit).text)
    assert '<option selected value="HRK">Croatian Kuna (HRK)</option>' in options
    assert "data-currency-of-country" not in client.get(edit).text  # never moves
    changed = {**NEW_ENGAGEMENT, "name": "Yeni Ad Ltd.", "currency": "HRK"}
    assert client.post(edit, data=changed).status_code == 302
    assert engagement_by_name(app, "Yeni Ad Ltd.").currency == "HRK"


def test_client_members_cannot_open_engagements(client, auth, factory):
    factory.user("member@example.com", site_role=SiteRole.MEMBER)
    auth.login("member@example.com")
    assert client.get("/engagements/new").status_code == 403
    assert client.post("/engagements/new", data=NEW_ENGAGEMENT).status_code == 403


def test_dashboard_shows_four_phases_in_order_with_the_next_step(
    client, factory, consultant
):
    engagement_id = factory.engagement(consultant)
    page = client.get(f"/engagements/{engagement_id}").text
    positions = [
        page.index(name)
        for name in ("Preparation", "Planning", "Design", "Implementation")
    ]
    assert positions == sorted(positions)
    assert page.count("Not started") == 4
    assert "Complete the preparation questionnaire" in page
    assert f'href="/engagements/{engagement_id}/preparation/"' in page


def test_consultant_edits_the_engagement(app, client, factory, consultant):
    engagement_id = factory.engagement(consultant)
    changed = {**NEW_ENGAGEMENT, "name": "Yeni Ad Ltd.", "report_language": "en"}
    response = client.post(f"/engagements/{engagement_id}/edit", data=changed)
    assert response.status_code == 302
    engagement = engagement_by_name(app, "Yeni Ad Ltd.")
    assert engagement.id == engagement_id
    assert engagement.report_language == "en"
    assert engagement.currency == "TRY"  # the country's, as it was


def test_inviting_someone_new_creates_an_account_and_a_set_password_link(
    app, client, factory, consultant
):
    engagement_id = factory.engagement(consultant)
    response = client.post(
        f"/engagements/{engagement_id}/members",
        data={"email": "Sule@Example.com", "name": "Şule Karaağaç", "role": "sponsor"},
    )
    assert response.status_code == 200
    assert "http://crm.test/set-password/" in response.text
    assert members_of(app, engagement_id)["sule@example.com"] == Role.SPONSOR
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "sule@example.com"))
        assert user.name == "Şule Karaağaç"
        assert user.site_role == SiteRole.MEMBER
        assert user.language == "tr"  # the engagement's report language
        assert not user.has_password


def test_inviting_an_existing_user_just_adds_them(app, client, factory, consultant):
    factory.user("ali@example.com", "Ali Veli", site_role=SiteRole.MEMBER)
    engagement_id = factory.engagement(consultant)
    response = client.post(
        f"/engagements/{engagement_id}/members",
        data={"email": "ali@example.com", "name": "", "role": "team"},
    )
    assert response.status_code == 302
    assert "Ali Veli was added." in client.get(response.location).text
    assert members_of(app, engagement_id)["ali@example.com"] == Role.TEAM


def test_someone_new_needs_a_name(app, client, factory, consultant):
    engagement_id = factory.engagement(consultant)
    response = client.post(
        f"/engagements/{engagement_id}/members",
        data={"email": "anon@example.com", "name": "", "role": "team"},
    )
    assert "give the person&#39;s name" in response.text
    assert "anon@example.com" not in members_of(app, engagement_id)


def test_a_member_cannot_be_invited_twice(app, client, factory, consultant):
    engagement_id = factory.engagement(consultant)
    response = client.post(
        f"/engagements/{engagement_id}/members",
        data={"email": "deniz@example.com", "name": "", "role": "team"},
    )
    assert "Deniz Aydın is already a member of this engagement." in response.text
    assert members_of(app, engagement_id) == {"deniz@example.com": Role.CONSULTANT}


def test_roles_change_but_the_last_consultant_stays(app, client, factory, consultant):
    engagement_id = factory.engagement(consultant)
    with app.app_context():
        own = db.session.scalar(
            select(Membership.id).where(Membership.user_id == consultant)
        )
    response = client.post(
        f"/engagements/{engagement_id}/members/{own}/role", data={"role": "team"}
    )
    assert "at least one consultant" in client.get(response.location).text
    assert members_of(app, engagement_id)["deniz@example.com"] == Role.CONSULTANT

    other = factory.user("ece@example.com", site_role=SiteRole.MEMBER)
    member_id = factory.member(engagement_id, other, Role.TEAM)
    client.post(
        f"/engagements/{engagement_id}/members/{member_id}/role",
        data={"role": "sponsor"},
    )
    assert members_of(app, engagement_id)["ece@example.com"] == Role.SPONSOR


def test_removing_a_member_keeps_their_account(app, client, factory, consultant):
    engagement_id = factory.engagement(consultant)
    other = factory.user("ece@example.com", site_role=SiteRole.MEMBER)
    member_id = factory.member(engagement_id, other, Role.TEAM)
    client.post(f"/engagements/{engagement_id}/members/{member_id}/remove")
    assert "ece@example.com" not in members_of(app, engagement_id)
    assert factory.get(User, other) is not None


def test_removal_asks_for_confirmation_in_the_page(client, factory, consultant):
    engagement_id = factory.engagement(consultant)
    other = factory.user("ece@example.com", "Ece Su", site_role=SiteRole.MEMBER)
    factory.member(engagement_id, other, Role.TEAM)
    page = client.get(f"/engagements/{engagement_id}/members").text
    assert 'data-confirm="Remove Ece Su from this engagement?' in page


def test_a_single_engagement_member_lands_on_its_dashboard(client, auth, factory):
    owner = factory.user("owner@example.com")
    engagement_id = factory.engagement(owner)
    sponsor = factory.user("boss@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement_id, sponsor, Role.SPONSOR)
    auth.login("boss@example.com")
    response = client.get("/")
    assert response.location == f"/engagements/{engagement_id}"


def test_a_user_without_engagements_sees_what_to_do(client, auth, factory):
    factory.user("lonely@example.com", site_role=SiteRole.MEMBER)
    auth.login("lonely@example.com")
    assert "Ask your consultant to invite you" in client.get("/").text


def test_engagement_list_is_paginated(app, client, factory, consultant):
    app.config["PAGE_SIZE"] = 2
    for number in range(5):
        factory.engagement(consultant, f"Firma {number}")
    first = client.get("/").text
    last = client.get("/?page=3").text
    assert "Page 1 of 3" in first and "Firma 4" in first and "Firma 0" not in first
    assert "Firma 0" in last


@pytest.mark.parametrize(
    "method, path, data",
    [
        ("post", "/members", {"email": "x@example.com", "name": "X", "role": "team"}),
        ("get", "/edit", None),
        ("post", "/edit", NEW_ENGAGEMENT),
    ],
)
def test_sponsor_and_team_cannot_edit(app, client, auth, factory, method, path, data):
    owner = factory.user("owner@example.com")
    engagement_id = factory.engagement(owner)
    for role in (Role.SPONSOR, Role.TEAM):
        email = f"{role.value}@example.com"
        factory.member(
            engagement_id, factory.user(email, site_role=SiteRole.MEMBER), role
        )
        auth.login(email)
        response = getattr(client, method)(
            f"/engagements/{engagement_id}{path}", data=data
        )
        assert response.status_code == 403
        auth.logout()
    assert set(members_of(app, engagement_id)) == {
        "owner@example.com",
        "sponsor@example.com",
        "team@example.com",
    }
