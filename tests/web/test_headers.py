"""Every response carries the security headers, and nothing of a client's is
kept by a browser or a proxy. The sweep walks ``app.url_map``, so a page added
later is covered without being listed here."""

import pytest

from app.headers import CONTENT_SECURITY_POLICY
from tests.conftest import make_app
from tests.pdf import issue_report
from tests.web.test_isolation import build_path, methods_of

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
#: The directives a page must not be able to do without.
STRICT = (
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
)


def assert_secure_headers(response, where: str) -> None:
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, f"{name} on {where}"
    policy = response.headers.get("Content-Security-Policy", "")
    for directive in STRICT:
        assert directive in policy, f"{directive} on {where}"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_policy_forbids_inline_script_and_style():
    assert CONTENT_SECURITY_POLICY["script-src"] == "'self'"
    assert CONTENT_SECURITY_POLICY["style-src"] == "'self'"


def test_every_page_carries_the_headers_and_is_never_stored(
    app, client, auth, factory, engagement
):
    rows = factory.phase_rows(engagement, factory.user("x@example.com", "X"))
    swept = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in methods_of(rule):
            continue
        path = build_path(rule, engagement, rows)
        response = client.get(path)
        assert_secure_headers(response, f"GET {path} ({response.status_code})")
        assert response.headers["Cache-Control"] == "no-store", path
        swept += 1
    assert swept >= 60


def test_signed_out_pages_and_errors_carry_them_too(client):
    for path in ("/login", "/no-such-page", "/engagements/1/"):
        assert_secure_headers(client.get(path), path)
    assert_secure_headers(client.post("/login", data={"email": "x"}), "POST /login")


def test_pdfs_and_exports_are_never_stored(client, engagement):
    pdf = issue_report(client, engagement, "summary")
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Cache-Control"] == "no-store"
    assert_secure_headers(pdf, "the summary PDF")
    export = client.get(f"/engagements/{engagement}/design/customers/export?format=csv")
    assert export.status_code == 200
    assert export.headers["Cache-Control"] == "no-store"


def test_static_files_may_be_cached_but_not_sniffed(client):
    with client.get("/static/css/app.css") as response:
        assert response.status_code == 200
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "no-store" not in response.headers.get("Cache-Control", "")


def test_development_serves_plain_http_without_hsts(client):
    response = client.get("/login")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers


@pytest.fixture
def production(database_url, schema):
    return make_app(
        database_url, APP_ENV="production", TESTING=False, DEBUG=False
    ).test_client()


def test_production_sends_plain_http_to_https(production):
    response = production.get("/login")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("https://crm.test/login")


def test_production_sends_hsts_over_https(production):
    response = production.get("/login", base_url="https://crm.test")
    assert response.status_code == 200
    hsts = response.headers["Strict-Transport-Security"]
    assert hsts.startswith("max-age=31536000") and "includeSubDomains" in hsts
    assert "Secure" in (response.headers.get("Set-Cookie") or "Secure")


def test_production_behind_a_tls_proxy_is_not_redirected(production):
    response = production.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response.headers
