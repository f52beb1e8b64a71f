"""People who sign in."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models.columns import enum_column, utcnow

if TYPE_CHECKING:
    from app.models.tenancy import Membership


class SiteRole(StrEnum):
    """What a user may do outside any one engagement."""

    ADMIN = "admin"  #: manages user accounts; may also run engagements
    CONSULTANT = "consultant"  #: may create engagements
    MEMBER = "member"  #: sees only the engagements they were invited to


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: stored lower-cased; the login name
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: None until an invited user sets a password through their link
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    site_role: Mapped[SiteRole] = mapped_column(
        enum_column(SiteRole), default=SiteRole.MEMBER
    )
    #: "en" or "tr": the language of the pages this user sees
    language: Mapped[str] = mapped_column(sa.String(5), default="en")
    #: a deactivated user cannot sign in; their history stays
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    #: part of every session cookie of this user; a new one ends them all on
    #: the server (signing out, changing the password)
    session_token: Mapped[str] = mapped_column(
        sa.String(64), default=lambda: new_session_token()
    )

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def is_admin(self) -> bool:
        return self.site_role == SiteRole.ADMIN

    @property
    def may_create_engagements(self) -> bool:
        return self.site_role in (SiteRole.ADMIN, SiteRole.CONSULTANT)

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None

    def get_id(self) -> str:
        """What a session cookie keeps of the user: id and session token, so
        that a cookie copied before a sign-out no longer signs anyone in."""
        return f"{self.id}:{self.session_token}"

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return self.password_hash is not None and check_password_hash(
            self.password_hash, password
        )

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"
