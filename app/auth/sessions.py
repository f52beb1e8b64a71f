"""A signed-in session's life: it starts clean, ends on the server, and ends
by itself after SESSION_IDLE_TIMEOUT without a request or
PERMANENT_SESSION_LIFETIME after signing in.

The cookie names the user's session token (``User.get_id``), so signing out
or changing the password, which rotate the token, ends every copy of it.

Changes that would let a stolen or unattended session take over accounts
(administering users) also need the password typed within REAUTH_WINDOW:
at signing in, or again on the confirm page (``password_confirmed``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from app.auth import services
from app.models import User


def begin(user: User) -> None:
    """Sign the user in on a fresh session: nothing of the anonymous one (its
    CSRF secret included) carries over, except the language chosen."""
    language = session.get("language")
    session.clear()
    login_user(user)
    session.permanent = True
    session["signed_in_at"] = session["seen_at"] = _now()
    confirm_password()
    if language:
        session["language"] = language


def end(user: User) -> None:
    """Sign out here and on every other device; the language stays for the
    sign-in page that follows."""
    services.end_sessions(user)
    _forget(user.language)


def renew() -> None:
    """Keep this browser signed in after the user's token was rotated (a
    password change): the other sessions end, this one carries on."""
    signed_in_at = session.get("signed_in_at", _now())
    # the user itself, not the proxy: Flask-Login keeps what it is given
    login_user(current_user._get_current_object())
    session["signed_in_at"] = signed_in_at


def confirm_password() -> None:
    """Note that the user has just typed their password in this session."""
    session["password_confirmed_at"] = _now()


def password_confirmed_recently() -> bool:
    """Whether the password was typed in this session within REAUTH_WINDOW."""
    window = current_app.config["REAUTH_WINDOW"].total_seconds()
    return _now() - session.get("password_confirmed_at", 0) <= window


def password_confirmed(form_page: str | None = None) -> Callable:
    """Let the view run only after the password was typed within REAUTH_WINDOW;
    else send the user to confirm it, then back to this page. A POST is not
    replayed: it goes back to ``form_page`` (an endpoint), the page that holds
    its form, or to its own URL when that URL shows the form too."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def checked(*args, **kwargs):
            if password_confirmed_recently():
                return view(*args, **kwargs)
            if request.method == "GET":
                back = request.full_path.rstrip("?")
            else:
                back = url_for(form_page) if form_page else request.path
            return redirect(url_for("auth.confirm_password", next=back))

        return checked

    return decorator


def expire_stale_session() -> None:
    """Before every request: end a session that was idle or lived too long."""
    if not current_user.is_authenticated:
        return
    now = _now()
    idle = current_app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    lifetime = current_app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    seen_at = session.get("seen_at", 0)
    signed_in_at = session.get("signed_in_at", 0)
    if now - seen_at > idle or now - signed_in_at > lifetime:
        _forget(current_user.language)
        flash(_("Your session has ended. Sign in again."), "info")
        return
    session["seen_at"] = now


def _forget(language: str) -> None:
    logout_user()
    session.clear()
    session["language"] = language


def _now() -> float:
    return datetime.now(UTC).timestamp()
