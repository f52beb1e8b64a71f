"""The demo's people and client companies: four accounts sharing one password,
the manufacturer they work on in their three roles, and the consultant's second
client, a distributor that has only just filled in the preparation
questionnaire."""

from __future__ import annotations

from dataclasses import dataclass

from app.auth import services as accounts
from app.engagements import services as engagements
from app.models import CompanySize, Engagement, SiteRole, User
from app.preparation import services as preparation
from app.questionnaires import takes
from assessments.examples import typical_answers
from assessments.questionnaire import Category, QuestionnaireId
from assessments.roles import Role

DEMO_COMPANY = "Anadolu Döküm ve Makine Sanayi A.Ş."
#: The consultant's second client, only just assessed, so the portfolio has
#: something to sort and the maturity comparison an average to show.
SECOND_COMPANY = "Trakya Gıda Dağıtım Ltd."
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


def demo_users() -> dict[str, User]:
    """Every demo account by e-mail, created where it does not exist yet (an
    account may outlive a deleted demo engagement)."""
    return {account.email: _demo_user(account) for account in DEMO_ACCOUNTS}


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


def demo_engagement(consultant: User) -> Engagement:
    """The manufacturer, led by the consultant, with the sponsor and the team
    member invited in their roles."""
    engagement = engagements.create_engagement(
        consultant,
        engagements.EngagementDetails(
            name=DEMO_COMPANY,
            sector="Döküm ve makine imalatı",
            size=CompanySize.MEDIUM,
            country="TR",
            report_language="tr",
            currency="TRY",
        ),
    )
    for account in DEMO_ACCOUNTS:
        if account.role is not None and account.role != Role.CONSULTANT:
            engagements.invite(
                engagement, account.email, account.name, account.role, consultant.id
            )
    return engagement


def second_engagement(consultant: User) -> Engagement:
    """A small distributor whose preparation questionnaire is all it has done:
    a saver, reported in English, with the consultant as its only member."""
    engagement = engagements.create_engagement(
        consultant,
        engagements.EngagementDetails(
            name=SECOND_COMPANY,
            sector="Gıda toptan dağıtımı",
            size=CompanySize.SMALL,
            country="TR",
            report_language="en",
        ),
    )
    take = takes.start_take(engagement, QuestionnaireId.PREPARATION, consultant)
    answers = typical_answers(preparation.definition(), Category.SAVER)
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)
    return engagement
