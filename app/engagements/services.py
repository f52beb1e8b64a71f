"""Engagements and memberships: the only place these views touch the database."""

from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from app import activity
from app.auth import services as accounts
from app.design.analyses import design_facts
from app.extensions import db
from app.i18n.currencies import FALLBACK_CURRENCY, country_currency
from app.implementation.services import implementation_facts
from app.models import (
    CompanySize,
    Engagement,
    Membership,
    OrgPerson,
    SiteRole,
    User,
)
from app.planning.services import planning_facts
from app.preparation import organisation
from app.preparation.services import preparation_facts
from app.refusals import Refusal
from app.url_values import paginate
from assessments import progress
from assessments.organisation import Department
from assessments.oversight import ActivityKind, Removable
from assessments.roles import Role


@dataclass(frozen=True)
class EngagementDetails:
    """What a consultant types about a client company."""

    name: str
    sector: str
    size: CompanySize
    country: str
    report_language: str
    #: None: the product's time zone
    time_zone: str | None = None
    #: ISO 4217 code; None: the country's currency
    currency: str | None = None


@dataclass(frozen=True)
class Invitation:
    """The outcome of inviting someone: their membership, and whether the
    account is new (then the consultant hands over a set-password link)."""

    membership: Membership
    account_created: bool


def memberships_page(user: User, page: int, per_page: int) -> Pagination:
    """The user's engagements, newest first, one page of them."""
    query = (
        select(Membership)
        .join(Membership.engagement)
        .options(contains_eager(Membership.engagement))
        .where(Membership.user_id == user.id)
        .order_by(Engagement.created_at.desc(), Engagement.id.desc())
    )
    return paginate(query, page, per_page)


def membership_count(user: User) -> int:
    return db.session.scalar(
        select(func.count(Membership.id)).where(Membership.user_id == user.id)
    )


def create_engagement(owner: User, details: EngagementDetails) -> Engagement:
    """Open an engagement; its creator becomes its first consultant, and its
    feed starts with the opening."""
    engagement = Engagement(created_by_id=owner.id)
    _apply_details(engagement, details)
    engagement.memberships.append(Membership(user=owner, role=Role.CONSULTANT))
    db.session.add(engagement)
    db.session.flush()
    activity.record(
        engagement.id, owner.id, ActivityKind.ENGAGEMENT_CREATED, engagement.name
    )
    db.session.commit()
    return engagement


def update_engagement(engagement: Engagement, details: EngagementDetails) -> None:
    _apply_details(engagement, details)
    db.session.commit()


def _apply_details(engagement: Engagement, details: EngagementDetails) -> None:
    engagement.name = details.name.strip()
    engagement.sector = details.sector.strip()
    engagement.size = details.size
    engagement.country = details.country
    engagement.report_language = details.report_language
    engagement.currency = (
        details.currency or country_currency(details.country) or FALLBACK_CURRENCY
    )
    engagement.time_zone = details.time_zone


def invite(
    engagement: Engagement, email: str, name: str, role: Role, user_id: int | None
) -> Invitation:
    """Add someone to the engagement, creating their account if they have none,
    and say so in the activity feed. Refused without a name for a new account
    ("name_needed"), and for someone already a member ("already_member", with
    their name)."""
    user = accounts.find_user(email)
    account_created = user is None
    if user is None:
        if not name.strip():
            raise Refusal("name_needed")
        site_role = SiteRole.CONSULTANT if role == Role.CONSULTANT else SiteRole.MEMBER
        # A client's people most likely read the language their reports are in.
        user = accounts.create_user(
            email, name, site_role=site_role, language=engagement.report_language
        )
    elif _membership_of(engagement, user) is not None:
        raise Refusal("already_member", name=user.name)
    membership = Membership(engagement=engagement, user=user, role=role)
    db.session.add(membership)
    activity.record(
        engagement.id, user_id, ActivityKind.MEMBER_INVITED, f"{role}:{user.name}"
    )
    db.session.commit()
    return Invitation(membership=membership, account_created=account_created)


def organisation_has_sponsor(engagement: Engagement) -> bool:
    """Whether the project organisation names a sponsor today."""
    return any(person.is_sponsor for person in organisation.people(engagement))


def record_as_sponsor(membership: Membership, user_id: int | None) -> None:
    """Record a sponsor member in the project organisation as its sponsor, the
    company's top decision maker, linked to the member by their e-mail: the
    person with that e-mail if there is one, so that no one is there twice."""
    engagement = membership.engagement
    person = people_of_members(engagement).get(membership.id)
    if person is None:
        user = membership.user
        organisation.save_person(
            engagement,
            None,
            organisation.PersonDetails(
                name=user.name,
                department=Department.MANAGEMENT,
                email=user.email,
                is_sponsor=True,
                is_top_decision_maker=True,
            ),
            user_id,
        )
    elif not person.is_sponsor:
        organisation.make_sponsor(engagement, person, user_id)


def people_of_members(engagement: Engagement) -> dict[int, OrgPerson]:
    """Who each member linked by e-mail is in the project organisation, by
    membership id; the sponsor when several people share the e-mail."""
    linked: dict[int, OrgPerson] = {}
    for link in organisation.member_links(engagement):
        linked.setdefault(link.member.id, link.person)
    return linked


def change_role(membership: Membership, role: Role) -> None:
    """Give a member another role, keeping at least one consultant."""
    if membership.role == Role.CONSULTANT and role != Role.CONSULTANT:
        _keep_a_consultant(membership)
    membership.role = role
    db.session.commit()


def remove_member(membership: Membership, user_id: int | None) -> None:
    """Take someone out of the engagement (their account stays), and say so in
    the activity feed."""
    if membership.role == Role.CONSULTANT:
        _keep_a_consultant(membership)
    activity.record_removal(
        membership.engagement_id, user_id, Removable.MEMBER, membership.user.name
    )
    db.session.delete(membership)
    db.session.commit()


def _keep_a_consultant(leaving: Membership) -> None:
    consultants = db.session.scalar(
        select(func.count(Membership.id)).where(
            Membership.engagement_id == leaving.engagement_id,
            Membership.role == Role.CONSULTANT,
        )
    )
    if consultants <= 1:
        raise Refusal("last_consultant")


def _membership_of(engagement: Engagement, user: User) -> Membership | None:
    return db.session.scalar(
        select(Membership).where(
            Membership.engagement_id == engagement.id, Membership.user_id == user.id
        )
    )


def phase_overview(engagement: Engagement) -> list[progress.PhaseProgress]:
    """The four phase tiles of the engagement dashboard."""
    return progress.overview(engagement_facts(engagement))


def engagement_facts(engagement: Engagement) -> progress.EngagementFacts:
    """Collect, as plain values, what the core needs to judge progress."""
    return progress.EngagementFacts(
        **preparation_facts(engagement),
        **planning_facts(engagement),
        **design_facts(engagement),
        **implementation_facts(engagement),
    )
