"""The client's project organisation and the change log of preparation."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from sqlalchemy import func, select

from app import activity
from app.extensions import db
from app.i18n.locale import local_today
from app.memberships import members
from app.models import (
    AwarenessActivity,
    AwarenessKind,
    Engagement,
    Membership,
    OrgPerson,
    PreparationMilestones,
    ResistanceItem,
    ResistanceStatus,
    SessionParticipant,
    WorkshopSession,
)
from app.models.columns import assign
from app.refusals import Refusal
from app.tenancy import owned
from assessments import organisation as rules
from assessments.organisation import Department
from assessments.oversight import ActivityKind, Removable

#: The role flags of OrgPerson and the core's roles they stand for.
ROLE_FLAGS = {
    "is_sponsor": rules.OrgRole.SPONSOR,
    "is_project_manager": rules.OrgRole.PROJECT_MANAGER,
    "is_consultant": rules.OrgRole.CONSULTANT,
    "in_project_team": rules.OrgRole.PROJECT_TEAM,
    "in_working_group": rules.OrgRole.WORKING_GROUP,
}
#: The attributes of a person the method's rules look at.
QUALITY_FLAGS = (
    "is_top_decision_maker",
    "is_front_line",
    "is_external",
    "crm_knowledge",
    "crm_project_experience",
    "trusted",
    "communicates_well",
    "knows_market",
)


@dataclass(frozen=True)
class PersonDetails:
    """Who someone in the project organisation is: name, place, the roles the
    project gives them and the qualities the method's rules look at."""

    name: str
    department: Department
    title: str = ""
    email: str = ""
    is_sponsor: bool = False
    is_project_manager: bool = False
    is_consultant: bool = False
    in_project_team: bool = False
    in_working_group: bool = False
    is_top_decision_maker: bool = False
    is_front_line: bool = False
    is_external: bool = False
    crm_knowledge: bool = False
    crm_project_experience: bool = False
    trusted: bool = False
    communicates_well: bool = False
    knows_market: bool = False


def people(engagement: Engagement) -> list[OrgPerson]:
    """The organisation today (not those who left), sponsor and project manager
    first, then by name."""
    return list(
        db.session.scalars(
            select(OrgPerson)
            .where(
                OrgPerson.engagement_id == engagement.id, OrgPerson.left_on.is_(None)
            )
            .order_by(
                OrgPerson.is_sponsor.desc(),
                OrgPerson.is_project_manager.desc(),
                OrgPerson.name,
            )
        )
    )


def save_person(
    engagement: Engagement,
    person: OrgPerson | None,
    details: PersonDetails,
    user_id: int | None,
) -> OrgPerson:
    """Add a person to the organisation, or change one, and say which in the
    activity feed."""
    kind = ActivityKind.PERSON_CHANGED
    if person is None:
        kind = ActivityKind.PERSON_ADDED
        person = OrgPerson(engagement_id=engagement.id)
        db.session.add(person)
    assign(person, details)
    person.name = details.name.strip()
    person.title = details.title.strip()
    person.email = details.email.strip()
    activity.record(engagement.id, user_id, kind, person.name)
    db.session.commit()
    return person


@dataclass(frozen=True)
class MemberLink:
    """A member of the engagement who is also a person of the organisation."""

    member: Membership
    person: OrgPerson


def member_links(engagement: Engagement) -> list[MemberLink]:
    """Every member paired with each person of the organisation today who has
    their e-mail, case aside; a sponsor comes before others with the same
    e-mail. The one rule that links the members to the organisation, so that
    the members page and the organisation page agree on who is whom."""
    people_by_email: dict[str, list[OrgPerson]] = {}
    for person in people(engagement):  # the sponsor first
        if person.email.strip():
            people_by_email.setdefault(_email_key(person.email), []).append(person)
    return [
        MemberLink(member=member, person=person)
        for member in members(engagement)
        for person in people_by_email.get(_email_key(member.user.email), [])
    ]


def members_of_people(engagement: Engagement) -> dict[int, Membership]:
    """The member each person of the organisation is, by person id, for those
    linked by e-mail."""
    return {link.person.id: link.member for link in member_links(engagement)}


def _email_key(email: str) -> str:
    return email.strip().casefold()


def make_sponsor(
    engagement: Engagement, person: OrgPerson, user_id: int | None
) -> OrgPerson:
    """Make a person of the organisation its sponsor and, as the method wants
    the sponsor to be, the top decision maker; noted in the activity feed like
    any change to a person."""
    details = PersonDetails(
        **{field.name: getattr(person, field.name) for field in fields(PersonDetails)}
    )
    return save_person(
        engagement,
        person,
        replace(details, is_sponsor=True, is_top_decision_maker=True),
        user_id,
    )


def former_people(engagement: Engagement) -> list[OrgPerson]:
    """Those who left the organisation but are kept for the records naming them."""
    return list(
        db.session.scalars(
            select(OrgPerson)
            .where(
                OrgPerson.engagement_id == engagement.id,
                OrgPerson.left_on.is_not(None),
            )
            .order_by(OrgPerson.name)
        )
    )


def remove_person(person: OrgPerson, user_id: int | None) -> None:
    """Take a person out of the organisation, and say so in the activity feed.

    Someone a record names (the invitation or attendance of a held session, the
    announcement, a resistance item they raised) is kept for that record,
    marked as having left, so that the record still says who was there; only
    their invitations to sessions not yet held go. Anyone else is deleted.
    """
    activity.record_removal(
        person.engagement_id, user_id, Removable.PERSON, person.name
    )
    if _named_by_a_record(person):
        person.left_on = local_today()
        for invitation in _invitations(person, held=False):
            db.session.delete(invitation)
    else:
        db.session.delete(person)
    db.session.commit()


def _named_by_a_record(person: OrgPerson) -> bool:
    announced_by = db.session.scalar(
        select(PreparationMilestones.announced_by_id).where(
            PreparationMilestones.engagement_id == person.engagement_id
        )
    )
    raised_resistance = db.session.scalar(
        select(ResistanceItem.id).where(ResistanceItem.raised_by_id == person.id)
    )
    return (
        announced_by == person.id
        or raised_resistance is not None
        or bool(_invitations(person, held=True))
    )


def _invitations(person: OrgPerson, held: bool) -> list[SessionParticipant]:
    """The person's places in workshop sessions held (or not yet held)."""
    return list(
        db.session.scalars(
            select(SessionParticipant)
            .join(WorkshopSession)
            .where(
                SessionParticipant.person_id == person.id,
                WorkshopSession.held.is_(held),
            )
        )
    )


def milestones(engagement: Engagement) -> PreparationMilestones:
    """The engagement's milestones row, created empty on first use."""
    row = db.session.get(PreparationMilestones, engagement.id)
    if row is None:
        row = PreparationMilestones(engagement_id=engagement.id)
        db.session.add(row)
        db.session.flush()
    return row


def findings(engagement: Engagement) -> list[rules.Finding]:
    """Every rule of the method the recorded organisation breaks."""
    return rules.check(organisation_facts(engagement))


def organisation_facts(engagement: Engagement) -> rules.OrganisationFacts:
    """The organisation as the core's plain values."""
    first_awareness = db.session.scalar(
        select(func.min(AwarenessActivity.held_on)).where(
            AwarenessActivity.engagement_id == engagement.id
        )
    )
    row = db.session.get(PreparationMilestones, engagement.id)
    return rules.OrganisationFacts(
        people=tuple(_as_person(person) for person in people(engagement)),
        first_awareness_on=first_awareness,
        team_announced_on=row.team_announced_on if row else None,
    )


def _as_person(person: OrgPerson) -> rules.Person:
    return rules.Person(
        name=person.name,
        department=person.department,
        roles=frozenset(
            role for flag, role in ROLE_FLAGS.items() if getattr(person, flag)
        ),
        **{flag: getattr(person, flag) for flag in QUALITY_FLAGS},
    )


def organisation_recorded(engagement: Engagement) -> bool:
    """Sponsor, project manager and team are named, and no rule blocks them."""
    facts = organisation_facts(engagement)
    roles = {role for person in facts.people for role in person.roles}
    needed = {
        rules.OrgRole.SPONSOR,
        rules.OrgRole.PROJECT_MANAGER,
        rules.OrgRole.PROJECT_TEAM,
    }
    return needed <= roles and not rules.blockers(rules.check(facts))


# --- change log -------------------------------------------------------------


@dataclass(frozen=True)
class AwarenessDetails:
    """An awareness activity as the change log records it."""

    held_on: date
    kind: AwarenessKind
    topic: str
    attendees: str = ""


@dataclass(frozen=True)
class ResistanceDetails:
    """A push-back against the project, and how it is being handled."""

    raised_on: date
    #: the name typed for someone outside the organisation
    raised_by: str
    concern: str
    status: ResistanceStatus = ResistanceStatus.OPEN
    resolution: str = ""
    #: the person of the organisation who raised it (then no name is typed)
    raised_by_id: int | None = None


def awareness_activities(engagement: Engagement) -> list[AwarenessActivity]:
    return list(
        db.session.scalars(
            select(AwarenessActivity)
            .where(AwarenessActivity.engagement_id == engagement.id)
            .order_by(AwarenessActivity.held_on, AwarenessActivity.id)
        )
    )


def add_awareness(
    engagement: Engagement, details: AwarenessDetails, user_id: int | None
) -> None:
    """Log an awareness activity (the method counts them before the team is
    announced), and note it in the activity feed."""
    db.session.add(
        AwarenessActivity(
            engagement_id=engagement.id,
            held_on=details.held_on,
            kind=details.kind,
            topic=details.topic,
            attendees=details.attendees,
        )
    )
    activity.record(engagement.id, user_id, ActivityKind.AWARENESS_ADDED, details.topic)
    db.session.commit()


def remove_awareness(item: AwarenessActivity, user_id: int | None) -> None:
    """Remove an awareness activity, and say so in the activity feed."""
    activity.record_removal(
        item.engagement_id, user_id, Removable.AWARENESS_ACTIVITY, item.topic
    )
    db.session.delete(item)
    db.session.commit()


def resistance_items(engagement: Engagement) -> list[ResistanceItem]:
    return list(
        db.session.scalars(
            select(ResistanceItem)
            .where(ResistanceItem.engagement_id == engagement.id)
            .order_by(ResistanceItem.raised_on.desc(), ResistanceItem.id.desc())
        )
    )


def open_resistance(engagement: Engagement) -> list[ResistanceItem]:
    """The resistance not yet resolved: a risk to the project until it is."""
    return [
        item
        for item in resistance_items(engagement)
        if item.status != ResistanceStatus.RESOLVED
    ]


def add_resistance(
    engagement: Engagement, details: ResistanceDetails, user_id: int | None
) -> ResistanceItem:
    """Log a resistance item, so that its handling can be followed, and note
    it in the activity feed."""
    item = ResistanceItem(engagement_id=engagement.id)
    _assign_resistance(item, details)
    db.session.add(item)
    activity.record(engagement.id, user_id, ActivityKind.RESISTANCE_ADDED, _named(item))
    db.session.commit()
    return item


def update_resistance(
    item: ResistanceItem, details: ResistanceDetails, user_id: int | None
) -> ResistanceItem:
    """Change a resistance item, usually how it is handled, and note its
    status in the activity feed."""
    _assign_resistance(item, details)
    activity.record(
        item.engagement_id,
        user_id,
        ActivityKind.RESISTANCE_UPDATED,
        f"{item.status.value}:{_named(item)}",
    )
    db.session.commit()
    return item


def _named(item: ResistanceItem) -> str:
    """The item as the feed names it: who raised it, and what about."""
    return f"{item.who}: {item.concern}"[: activity.NAME_KEPT]


def _assign_resistance(item: ResistanceItem, details: ResistanceDetails) -> None:
    """Refused ("unknown_person") when the person named is not of this
    engagement's organisation."""
    person = None
    if details.raised_by_id:
        person = owned(OrgPerson, details.raised_by_id, item.engagement_id)
        if person is None:
            raise Refusal("unknown_person")
    assign(item, details)
    item.raised_by_person = person


def resistance_people(
    engagement: Engagement, item: ResistanceItem | None = None
) -> list[tuple[int, str]]:
    """Whom a resistance item can name: the organisation today, and whoever
    the item names already though they have left."""
    current = people(engagement)
    named = item.raised_by_person if item else None
    if named is not None and named not in current:
        current.append(named)
    return [(person.id, person.name) for person in current]


def remove_resistance(item: ResistanceItem, user_id: int | None) -> None:
    """Remove a resistance item logged by mistake, and say so in the activity
    feed, naming who raised it and what about."""
    activity.record_removal(
        item.engagement_id,
        user_id,
        Removable.RESISTANCE,
        _named(item),
    )
    db.session.delete(item)
    db.session.commit()


def set_team_announced(
    engagement: Engagement, announced_on: date | None, user_id: int | None
) -> None:
    """Record (or clear) when the team's appointment was made known, and note
    it in the activity feed."""
    milestones(engagement).team_announced_on = announced_on
    subject = announced_on.isoformat() if announced_on else ""
    activity.record(engagement.id, user_id, ActivityKind.TEAM_ANNOUNCED, subject)
    db.session.commit()


@dataclass(frozen=True)
class Announcement:
    announced_on: date
    announced_by: OrgPerson
    note: str


def announce(
    engagement: Engagement,
    announcement: Announcement,
    ready: bool,
    user_id: int | None,
) -> PreparationMilestones:
    """Record the company-wide announcement, which completes preparation.

    The method allows it only from the top executive, only once the earlier
    steps are done (``ready``) and only as the last of them: never dated before
    the first awareness activity or the team's appointment. The refusal's code
    says which fails, with the date of the step it would come before.
    """
    if not announcement.announced_by.is_top_decision_maker:
        raise Refusal("not_top_executive")
    breaches = rules.announcement_breaches(
        organisation_facts(engagement), announcement.announced_on
    )
    if breaches:
        raise Refusal(breaches[0].breach.value, date=breaches[0].step_on)
    if not ready:
        raise Refusal("not_ready")
    row = milestones(engagement)
    row.announced_on = announcement.announced_on
    row.announced_by_id = announcement.announced_by.id
    row.announcement_note = announcement.note.strip()
    activity.record(
        engagement.id,
        user_id,
        ActivityKind.ANNOUNCED,
        f"{announcement.announced_on.isoformat()}:{announcement.announced_by.name}",
    )
    db.session.commit()
    return row


def announcement_breaches(engagement: Engagement) -> list[rules.OutOfOrder]:
    """How the recorded announcement breaks the method's order (it then does
    not close preparation); nothing when there is no announcement."""
    row = db.session.get(PreparationMilestones, engagement.id)
    if row is None or row.announced_on is None:
        return []
    return rules.announcement_breaches(organisation_facts(engagement), row.announced_on)


def withdraw_announcement(engagement: Engagement, user_id: int | None) -> None:
    """Take back the announcement (preparation reopens), and note it in the
    activity feed."""
    row = milestones(engagement)
    if row.announced_on is not None:
        activity.record(
            engagement.id,
            user_id,
            ActivityKind.ANNOUNCEMENT_WITHDRAWN,
            row.announced_on.isoformat(),
        )
    row.announced_on = row.announced_by_id = None
    row.announcement_note = ""
    db.session.commit()
