"""Accounts: who is signing in, passwords, and one-time set-password links."""

from __future__ import annotations

import hashlib
import secrets
from functools import cache

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from app.auth import throttle
from app.extensions import db
from app.models import SiteRole, User
from app.models.accounts import new_session_token
from app.models.columns import utcnow

_SET_PASSWORD_SALT = "set-password"  # noqa: S105 (a salt name, not a secret)


@cache
def _dummy_hash() -> str:
    """Checked against when the e-mail is unknown, so that a wrong e-mail takes
    as long as a wrong password and the two cannot be told apart by timing.
    Made on the first sign-in, not on import: hashing takes a quarter of a
    second that every command would pay."""
    return generate_password_hash("not a real password")


def load_user(session_id: str) -> User | None:
    """Flask-Login's user loader: the user whose id and current session token
    the cookie names (a token rotated since then signs nobody in)."""
    user_id, _sep, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user


def end_sessions(user: User) -> None:
    """End every session of the user on the server, on every device."""
    user.session_token = new_session_token()
    db.session.commit()


def find_user(email: str) -> User | None:
    """The user with this e-mail, whatever its case."""
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def normalise_email(email: str) -> str:
    return email.strip().lower()


def authenticate(email: str, password: str) -> User | None:
    """The active user these credentials belong to, or None, in constant effort.

    Raises ``Refusal("wait", seconds=…)`` while the account's sign-in delay
    runs (``throttle``): the password, even a right one, is then not checked."""
    login = normalise_email(email)
    throttle.check(login)
    user = find_user(login)
    if user is None or not user.has_password:
        check_password_hash(_dummy_hash(), password)
        user = None
    elif not user.check_password(password) or not user.active:
        user = None
    if user is None:
        throttle.failed(login)
        return None
    throttle.succeeded(login)
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def password_matches(user: User, password: str) -> bool:
    """Whether the signed-in user typed their password again; wrong ones count
    against the account's delay as at signing in (and it refuses the same)."""
    throttle.check(user.email)
    if not user.check_password(password):
        throttle.failed(user.email)
        return False
    throttle.succeeded(user.email)
    return True


def create_user(
    email: str,
    name: str,
    site_role: SiteRole = SiteRole.MEMBER,
    password: str | None = None,
    language: str = "en",
) -> User:
    """Add a user; without a password they sign in first through a set-password link."""
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        site_role=site_role,
        language=language,
    )
    if password:
        user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def email_taken(email: str) -> bool:
    return bool(
        db.session.scalar(
            select(func.count(User.id)).where(User.email == normalise_email(email))
        )
    )


def change_password(user: User, new_password: str) -> None:
    """Set a new password; every set-password link issued before and every
    session of the user stop working (the caller signs its own session in
    again)."""
    user.set_password(new_password)
    user.session_token = new_session_token()
    db.session.commit()


def set_password_token(user: User) -> str:
    """A signed token for the user's set-password link.

    It carries a fingerprint of the current password hash, so it stops working
    as soon as any password is set: the link is good exactly once.
    """
    return _serializer().dumps({"user": user.id, "state": _password_state(user)})


def user_for_set_password_token(token: str) -> User | None:
    """The user a still-valid, still-unused set-password token belongs to."""
    max_age = current_app.config["SET_PASSWORD_LINK_MAX_AGE"]
    try:
        payload = _serializer().loads(token, max_age=max_age)
    except BadSignature:  # also covers an expired signature
        return None
    user = db.session.get(User, payload.get("user"))
    if user is None or not user.active:
        return None
    if payload.get("state") != _password_state(user):
        return None
    return user


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(
        current_app.config["SECRET_KEY"], salt=_SET_PASSWORD_SALT
    )


def _password_state(user: User) -> str:
    return hashlib.sha256((user.password_hash or "unset").encode()).hexdigest()[:16]
