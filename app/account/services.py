"""Changes a user makes to their own account."""

from flask import session

from app.extensions import db
from app.models import User


def set_language(user: User | None, language: str) -> None:
    """Remember the language: on the account when signed in, else in the session."""
    if user is None:
        session["language"] = language
        return
    user.language = language
    db.session.commit()
