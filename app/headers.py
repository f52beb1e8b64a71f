"""The security headers every response carries, set in this one place.

Flask-Talisman writes them. The Content-Security-Policy allows only the app's
own files: no inline script, style or event handler runs, so text a user typed
can never become code even if escaping were missed somewhere; no page may be
framed, no form may post elsewhere, and no ``<base>`` may redirect relative
links. Pages and downloads (PDFs, exports) hold a client's data, so no browser
or proxy may keep a copy: everything but the static files is ``no-store``.
"""

from __future__ import annotations

from flask import Flask, Response, request
from flask_talisman import DENY, Talisman

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}

#: Browser features the product never uses, switched off for every page.
PERMISSIONS_POLICY = {
    "camera": "()",
    "microphone": "()",
    "geolocation": "()",
    "payment": "()",
    "browsing-topics": "()",
}

#: A year, as browsers expect of HSTS before preloading is considered.
HSTS_MAX_AGE = 365 * 24 * 3600

talisman = Talisman()


def init_app(app: Flask) -> None:
    """Send the headers on every response. Production alone redirects plain
    HTTP to HTTPS and sends HSTS (behind a proxy that sets X-Forwarded-Proto),
    so that `make run` on loopback keeps working over HTTP."""
    production = app.config["APP_ENV"] == "production"
    talisman.init_app(
        app,
        force_https=production,
        strict_transport_security=production,
        strict_transport_security_max_age=HSTS_MAX_AGE,
        content_security_policy=CONTENT_SECURITY_POLICY,
        permissions_policy=PERMISSIONS_POLICY,
        frame_options=DENY,
        referrer_policy="same-origin",
        session_cookie_secure=production,
        session_cookie_samesite=app.config["SESSION_COOKIE_SAMESITE"],
    )
    app.after_request(_forbid_storing)


def _forbid_storing(response: Response) -> Response:
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response
