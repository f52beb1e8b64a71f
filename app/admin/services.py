"""User administration."""

from __future__ import annotations

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import or_, select

from app.auth import services as accounts
from app.extensions import db
from app.models import SiteRole, User
from app.models.accounts import new_session_token
from app.url_values import paginate


def users_page(search: str, page: int, per_page: int) -> Pagination:
    """Users whose name or e-mail contains the search text, by name."""
    query = select(User).order_by(User.name, User.id)
    if search:
        pattern = f"%{search.strip()}%"
        query = query.where(or_(User.name.ilike(pattern), User.email.ilike(pattern)))
    return paginate(query, page, per_page)


def create_user(email: str, name: str, site_role: SiteRole, language: str) -> User:
    """Create an account that is activated through a set-password link."""
    user = accounts.create_user(email, name, site_role=site_role, language=language)
    db.session.commit()
    return user


def set_active(user: User, active: bool) -> None:
    """Deactivate (or reactivate) an account; a deactivated user cannot sign in.
    Deactivating also ends every session of the user on the server, so that
    re-activating the account later does not revive a cookie copied before."""
    user.active = active
    if not active:
        user.session_token = new_session_token()
    db.session.commit()
