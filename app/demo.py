"""A demo engagement: a mid-size Turkish manufacturer with its three kinds of member."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from app.auth import services as accounts
from app.demo_design import load_design_demo
from app.demo_implementation import load_implementation_demo
from app.engagements import services as engagements
from app.extensions import db
from app.measures import services as measures
from app.models import AwarenessKind, CompanySize, Engagement, SiteRole, User
from app.planning import services as planning
from app.preparation import organisation
from app.preparation import services as preparation
from app.questionnaires import takes
from assessments.examples import typical_answers
from assessments.organisation import Department
from assessments.planning import CrmStrategy, Direction, Perspective
from assessments.questionnaire import Category, Kind, QuestionnaireId
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
    _demo_preparation(engagement, consultant)
    _demo_planning(engagement, consultant)
    load_design_demo(engagement, consultant)
    load_implementation_demo(engagement, users)
    _second_engagement(consultant)
    return True


def _second_engagement(consultant: User) -> None:
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


#: The client's people: (name, title, department, flags). Nobody from service
#: is on the team yet, so the demo shows how the method's checks read.
DEMO_ORGANISATION = (
    (
        "Şule Karaağaç",
        "Genel Müdür",
        Department.MANAGEMENT,
        {"is_sponsor", "is_top_decision_maker", "trusted", "knows_market"},
    ),
    (
        "Murat Erdem",
        "Pazarlama Müdürü",
        Department.MARKETING,
        {
            "is_project_manager",
            "in_project_team",
            "crm_knowledge",
            "trusted",
            "communicates_well",
            "knows_market",
        },
    ),
    (
        "İsmail Güçlü",
        "Satış Müdürü",
        Department.SALES,
        {"in_project_team", "in_working_group", "knows_market"},
    ),
    (
        "Hakan Demir",
        "Lojistik Müdürü",
        Department.LOGISTICS,
        {"in_project_team", "in_working_group"},
    ),
    (
        "Elif Şahin",
        "Mali İşler Müdürü",
        Department.FINANCE,
        {"in_project_team", "in_working_group"},
    ),
    (
        "Ali Yıldız",
        "Satış Temsilcisi",
        Department.SALES,
        {"in_working_group", "is_front_line"},
    ),
)


def _demo_preparation(engagement: Engagement, consultant: User) -> None:
    """A completed questionnaire, the organisation and a first awareness meeting."""
    take = takes.start_take(engagement, QuestionnaireId.PREPARATION, consultant)
    definition = preparation.definition()
    answers = typical_answers(definition, Category.STRATEGIC_THINKER)
    # A strategic company that has a long way to go: today's practice is modest.
    today = definition.section("today")
    for number, question in enumerate(today.questions if today else ()):
        if question.kind == Kind.SCALE:
            answers[question.id] = 2 + number % 2
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)
    flags = {
        "is_sponsor",
        "is_project_manager",
        "in_project_team",
        "in_working_group",
        "is_top_decision_maker",
        "is_front_line",
        "crm_knowledge",
        "trusted",
        "communicates_well",
        "knows_market",
    }
    for name, title, department, on in DEMO_ORGANISATION:
        organisation.save_person(
            engagement,
            None,
            {"name": name, "title": title, "department": department}
            | {flag: flag in on for flag in flags},
        )
    organisation.add_awareness(
        engagement,
        {
            "held_on": date.today() - timedelta(days=14),
            "kind": AwarenessKind.INFORMAL_MEETING,
            "topic": "Müşteriyi merkeze almak: CRM neyi değiştirir?",
            "attendees": "Genel müdür ve bölüm müdürleri",
        },
    )


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


def _demo_planning(engagement: Engagement, consultant: User) -> None:
    """The first workshop day held, a strategy, the vision and a measured goal."""
    group = planning.working_group(engagement)
    ids = frozenset(person.id for person in group)
    planning.save_session(
        engagement,
        planning.guide().sections[0].id,
        planning.SessionDetails(
            held_on=date.today() - timedelta(days=3),
            facilitator="Deniz Aydın",
            held=True,
            invited=ids,
            attended=ids,
        ),
    )
    strategy = planning.add_strategy(
        engagement,
        "Bayilerle uzun vadeli ilişki: en değerli bayilerin siparişlerini "
        "artırmak ve kaybedilenleri geri kazanmak.",
        [],
    )
    planning.save_priorities(
        engagement,
        {
            CrmStrategy.PROSPECTING: (1, ""),
            CrmStrategy.CROSS_SELLING: (2, "Yedek parça ve bakım satışı."),
            CrmStrategy.WIN_BACK: (2, "Son iki yılda kaybedilen bayiler."),
            CrmStrategy.LOYALTY: (3, "Cironun çoğu düzenli bayilerden geliyor."),
        },
    )
    planning.save_vision(
        engagement, "Bayilerimizin ilk aradığı, en güvendiği tedarikçi olmak."
    )
    goal = planning.save_goal(
        engagement,
        None,
        {
            "title": "Düzenli sipariş veren bayileri elde tutmak",
            "target": "Geçen yılın bayilerinin %90'ı bu yıl da sipariş versin",
            "deadline": date(date.today().year + 1, 6, 30),
            "department": Department.SALES,
            "strategy_id": strategy.id,
        },
    )
    measures.save_measure(
        engagement,
        None,
        measures.MeasureBasics(
            name="Bayi elde tutma oranı",
            perspective=Perspective.CUSTOMER,
            unit="%",
            direction=Direction.HIGHER_IS_BETTER,
            baseline=78.0,
            target=90.0,
        ),
        measures.MeasureTracking(goal_id=goal.id),
    )
