"""PDF reports: their text, their frame, what the renderer may fetch, and the
limits it renders within."""

import multiprocessing

import pytest
from sqlalchemy import func, select

from app.config import defaults
from app.extensions import db
from app.models import Engagement, IssuedReport, OrgPerson
from assessments.organisation import Department
from assessments.roles import Role
from renderer import REPORT_BASE_URL
from renderer.layout import StaticOnlyFetcher
from tests.conftest import engagement_by_name
from tests.pdf import issue_report, page_count, pdf_text

TURKISH_NAME = "Çağlayan Ğıda İşletmeleri Öztürk Şirketi ÜÇ"


@pytest.fixture
def summary(app, client, auth, factory):
    owner = factory.user("deniz@example.com", "Deniz Aydın")
    engagement_id = factory.engagement(owner, TURKISH_NAME)
    with app.app_context():  # the summary lists the organisation, not the logins
        db.session.add(
            OrgPerson(
                engagement_id=engagement_id,
                name="Deniz Aydın",
                department=Department.OTHER,
                is_consultant=True,
            )
        )
        db.session.commit()
    auth.login("deniz@example.com")
    return issue_report(client, engagement_id, "summary")


def test_summary_pdf_keeps_turkish_letters(summary):
    assert summary.status_code == 200
    assert summary.mimetype == "application/pdf"
    assert "attachment" in summary.headers["Content-Disposition"]
    text = pdf_text(summary.data)
    assert TURKISH_NAME in text
    assert "Deniz Aydın" in text


def test_summary_pdf_is_framed_in_the_report_language(summary):
    text = pdf_text(summary.data)
    pages = page_count(summary.data)
    assert pages == 2
    assert "Proje özeti" in text  # report language of the engagement: Turkish
    for number in range(1, pages + 1):
        assert f"Sayfa {number} / {pages}" in text
    assert text.count(TURKISH_NAME) >= pages  # the running header of later pages


def test_summary_in_english_when_the_engagement_says_so(app, client, auth, factory):
    owner = factory.user("deniz@example.com", language="tr")
    engagement_id = factory.engagement(owner, "English Reports Ltd")
    with app.app_context():
        from app.extensions import db
        from app.models import Engagement

        db.session.get(Engagement, engagement_id).report_language = "en"
        db.session.commit()
    auth.login("deniz@example.com")
    response = issue_report(client, engagement_id, "summary")
    text = pdf_text(response.data)
    assert "Engagement summary" in text
    assert "Page 1 of 2" in text


def test_a_report_can_be_issued_in_another_language_than_the_engagements(
    app, client, auth, factory
):
    owner = factory.user("deniz@example.com", language="tr")
    engagement_id = factory.engagement(owner, TURKISH_NAME)  # reports in Turkish
    auth.login("deniz@example.com")
    page = client.get(f"/engagements/{engagement_id}/reports/?language=en").text
    assert '<option value="en" selected>' in page
    assert '<input type="hidden" name="language" value="en">' in page

    english = issue_report(client, engagement_id, "summary", language="en")
    assert "Engagement summary" in pdf_text(english.data)
    assert "Proje özeti" in pdf_text(
        issue_report(client, engagement_id, "summary").data
    )
    with app.app_context():
        languages = db.session.scalars(
            select(IssuedReport.language).order_by(IssuedReport.id)
        ).all()
        first = db.session.scalar(select(func.min(IssuedReport.id)))
    assert languages == ["en", "tr"]  # the archive says which language each is in

    regenerated = f"/engagements/{engagement_id}/reports/issued/{first}/regenerate"
    assert client.post(regenerated).status_code == 302
    with app.app_context():
        newest = db.session.scalar(
            select(IssuedReport).order_by(IssuedReport.id.desc())
        )
        assert newest.language == "en"  # a fresh copy keeps the copy's language
        assert "Engagement summary" in pdf_text(newest.pdf)


def test_a_language_the_product_does_not_write_is_refused(app, client, auth, factory):
    owner = factory.user("deniz@example.com")
    engagement_id = factory.engagement(owner, TURKISH_NAME)
    auth.login("deniz@example.com")
    assert (
        issue_report(client, engagement_id, "summary", language="xx").status_code == 400
    )
    assert (
        client.get(f"/engagements/{engagement_id}/reports/?language=xx").status_code
        == 400
    )
    assert issued_count(app) == 0


def test_user_text_is_printed_not_interpreted(app, client, auth, factory):
    owner = factory.user("deniz@example.com")
    hostile = '<img src="file:///etc/passwd"><b>Bold & Co</b>'
    engagement_id = factory.engagement(owner, hostile)
    auth.login("deniz@example.com")
    response = issue_report(client, engagement_id, "summary")
    assert response.status_code == 200
    assert '<img src="file:///etc/passwd"><b>Bold & Co</b>' in pdf_text(response.data)
    assert engagement_by_name(app, hostile) is not None


@pytest.fixture
def fetcher(app) -> StaticOnlyFetcher:
    return StaticOnlyFetcher(app.static_folder)


def test_fetcher_serves_the_apps_own_stylesheet(fetcher):
    response = fetcher.fetch(REPORT_BASE_URL + "static/css/print.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:5000/",
        "https://example.com/logo.png",
        REPORT_BASE_URL + "static/../../app/config.py",
        REPORT_BASE_URL + "static/%2e%2e/%2e%2e/app/config.py",
        REPORT_BASE_URL + "instance/secret_key",
        REPORT_BASE_URL + "static/css/missing.css",
    ],
)
def test_fetcher_refuses_everything_else(fetcher, url):
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_sponsors_and_team_download_reports_too(client, auth, factory):
    from app.models import SiteRole
    from assessments.roles import Role

    owner = factory.user("deniz@example.com")
    engagement_id = factory.engagement(owner, TURKISH_NAME)
    sponsor = factory.user("boss@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement_id, sponsor, Role.SPONSOR)
    auth.login("boss@example.com")
    assert client.get(f"/engagements/{engagement_id}/reports/").status_code == 200
    response = issue_report(client, engagement_id, "summary")
    assert TURKISH_NAME in pdf_text(response.data)


TOO_MANY = "You have issued many reports in a short time"


@pytest.mark.parametrize("app_config", [{"REPORT_RENDER_LIMIT": "3 per hour"}])
def test_every_render_counts_against_one_limit_per_person(app, client, engagement):
    assert issue_report(client, engagement, "summary").status_code == 200
    [first] = archived_ids(app)
    regenerated = f"/engagements/{engagement}/reports/issued/{first}/regenerate"
    assert client.post(regenerated).status_code == 302
    assert issue_report(client, engagement, "pack").status_code == 302  # its job
    for refused in (
        issue_report(client, engagement, "summary"),
        client.post(regenerated),
        issue_report(client, engagement, "pack"),
    ):
        assert refused.status_code == 429
        assert TOO_MANY in refused.text
        assert "Retry-After" in refused.headers
    assert issued_count(app) == 3  # nothing laid out once refused


@pytest.mark.parametrize("app_config", [{"REPORT_RENDER_LIMIT": "1 per hour"}])
def test_the_render_limit_counts_the_person_across_sign_ins_and_engagements(
    app, client, auth, engagement, factory
):
    assert issue_report(client, engagement, "summary").status_code == 200
    other = factory.engagement(factory.get(Engagement, engagement).created_by_id)
    auth.logout()
    auth.login("deniz@example.com")  # a new session token, the same person
    assert issue_report(client, other, "summary").status_code == 429
    assert issued_count(app) == 1


@pytest.mark.parametrize("app_config", [{"REPORT_RENDER_LIMIT": "1 per hour"}])
def test_the_render_limit_is_each_persons_own(app, client, auth, engagement, factory):
    colleague = factory.user("ayse@example.com", "Ayşe Kaya")
    factory.member(engagement, colleague, Role.CONSULTANT)
    assert issue_report(client, engagement, "summary").status_code == 200
    auth.logout()
    auth.login("ayse@example.com")
    assert issue_report(client, engagement, "summary").status_code == 200


def test_the_refusal_speaks_the_users_language(app, client, auth, factory):
    app.config["REPORT_RENDER_LIMIT"] = "1 per hour"
    owner = factory.user("ayse@example.com", language="tr")
    engagement_id = factory.engagement(owner, TURKISH_NAME)
    auth.login("ayse@example.com")
    issue_report(client, engagement_id, "summary")
    refused = issue_report(client, engagement_id, "summary")
    assert refused.status_code == 429
    assert "Kısa sürede çok sayıda rapor" in refused.text


def test_the_default_render_limit_is_ten_a_minute(tmp_path):
    assert defaults(str(tmp_path))["REPORT_RENDER_LIMIT"] == "10 per minute"


TOO_LARGE = "This report is too large to produce"


def issued_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(IssuedReport))


@pytest.fixture
def engagement_id(auth, factory) -> int:
    owner = factory.user("deniz@example.com")
    engagement_id = factory.engagement(owner, TURKISH_NAME)
    auth.login("deniz@example.com")
    return engagement_id


def test_a_report_out_of_time_is_stopped_with_a_message_and_not_kept(
    app, client, engagement_id, caplog
):
    app.config["PDF_RENDER_TIMEOUT"] = 0.001
    response = issue_report(client, engagement_id, "summary")
    assert response.status_code == 302
    assert response.location.endswith(f"/engagements/{engagement_id}/reports/")
    assert TOO_LARGE in client.get(response.location).text
    assert issued_count(app) == 0
    assert "out of time" in caplog.text
    assert multiprocessing.active_children() == []  # the renderer was killed


def test_a_report_over_its_memory_cap_is_stopped_and_the_archive_keeps_the_old(
    app, client, engagement_id, caplog
):
    issue_report(client, engagement_id, "summary")
    [issued] = archived_ids(app)
    app.config["PDF_RENDER_MEMORY_MB"] = 1
    response = client.post(
        f"/engagements/{engagement_id}/reports/issued/{issued}/regenerate"
    )
    assert response.location.endswith(f"/engagements/{engagement_id}/reports/archive")
    assert TOO_LARGE in client.get(response.location).text
    assert archived_ids(app) == [issued]
    # the child says so, or dies where Python cannot (in a C library)
    assert "stopped at its render limit" in caplog.text
    assert "out of time" not in caplog.text


def test_the_message_speaks_the_users_language(app, client, auth, factory):
    owner = factory.user("ayse@example.com", language="tr")
    engagement_id = factory.engagement(owner, TURKISH_NAME)
    auth.login("ayse@example.com")
    app.config["PDF_RENDER_TIMEOUT"] = 0.001
    response = issue_report(client, engagement_id, "pack")  # its job's page
    assert "üretilemeyecek kadar büyük" in client.get(response.location).text
    assert issued_count(app) == 0


def archived_ids(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(IssuedReport.id)))
