"""A demo engagement: a mid-size Turkish manufacturer with its three kinds of member."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, Engagement, SiteRole, User
from assessments.roles import Role

DEMO_COMPANY = "Anadolu Döküm ve Makine Sanayi A.Ş."
#: Shared by every demo account; the demo runs on a laptop, never in production.
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    site_role: SiteRole
    role: Role | None  #: role in the demo engagement; None for the administrator


DEMO_ACCOUNTS = (
    DemoAccount(
        "consultant@example.com", "Deniz Aydın", SiteRole.CONSULTANT, Role.CONSULTANT
    ),
    DemoAccount("sponsor@example.com", "Şule Karaağaç", SiteRole.MEMBER, Role.SPONSOR),
    DemoAccount("team@example.com", "İsmail Güçlü", SiteRole.MEMBER, Role.TEAM),
    DemoAccount("admin@example.com", "Site Yöneticisi", SiteRole.ADMIN, None),
)


def load_demo() -> bool:
    """Create the demo engagement and its accounts; False if they already exist."""
    if db.session.scalar(select(Engagement).where(Engagement.name == DEMO_COMPANY)):
        return False
    users = {account.email: _demo_user(account) for account in DEMO_ACCOUNTS}
    consultant = users["consultant@example.com"]
    engagement = engagements.create_engagement(
        consultant,
        engagements.EngagementDetails(
            name=DEMO_COMPANY,
            sector="Döküm ve makine imalatı",
            size=CompanySize.MEDIUM,
            country="TR",
            report_language="tr",
        ),
    )
    for account in DEMO_ACCOUNTS:
        if account.role is not None and account.role != Role.CONSULTANT:
            engagements.invite(engagement, account.email, account.name, account.role)
    return True


def _demo_user(account: DemoAccount) -> User:
    user = accounts.find_user(account.email)
    if user is None:
        user = accounts.create_user(
            account.email,
            account.name,
            site_role=account.site_role,
            password=DEMO_PASSWORD,
            language="tr",
        )
    return user
