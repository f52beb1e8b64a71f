"""The client's project organisation and the change log of preparation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app import activity
from app.extensions import db
from app.i18n.locale import local_today
from app.models import (
    AwarenessActivity,
    AwarenessKind,
    Engagement,
    OrgPerson,
    PreparationMilestones,
    ResistanceItem,
    ResistanceStatus,
    SessionParticipant,
    WorkshopSession,
)
from app.models.columns import assign
from app.refusals import Refusal
from assessments import organisation as rules
from assessments.organisation import Department
from assessments.oversight import Removable

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
    engagement: Engagement, person: OrgPerson | None, details: PersonDetails
) -> OrgPerson:
    """Add a person to the organisation, or change one."""
    if person is None:
        person = OrgPerson(engagement_id=engagement.id)
        db.session.add(person)
    assign(person, details)
    person.name = details.name.strip()
    person.title = details.title.strip()
    person.email = details.email.strip()
    db.session.commit()
    return person


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
    announcement) is kept for that record, marked as having left, so that the
    record still says who was there; only their invitations to sessions not
    yet held go. Anyone else is deleted.
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
    return announced_by == person.id or bool(_invitations(person, held=True))


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
    raised_by: str
    concern: str
    status: ResistanceStatus = ResistanceStatus.OPEN
    resolution: str = ""


def awareness_activities(engagement: Engagement) -> list[AwarenessActivity]:
    return list(
        db.session.scalars(
            select(AwarenessActivity)
            .where(AwarenessActivity.engagement_id == engagement.id)
            .order_by(AwarenessActivity.held_on, AwarenessActivity.id)
        )
    )


def add_awareness(engagement: Engagement, details: AwarenessDetails) -> None:
    """Log an awareness activity: the method counts them before the team is
    announced."""
    db.session.add(
        AwarenessActivity(
            engagement_id=engagement.id,
            held_on=details.held_on,
            kind=details.kind,
            topic=details.topic,
            attendees=details.attendees,
        )
    )
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


def add_resistance(engagement: Engagement, details: ResistanceDetails) -> None:
    """Log a resistance item, so that its handling can be followed."""
    item = ResistanceItem(engagement_id=engagement.id)
    assign(item, details)
    db.session.add(item)
    db.session.commit()


def update_resistance(item: ResistanceItem, details: ResistanceDetails) -> None:
    """Change a resistance item, usually how it is handled."""
    assign(item, details)
    db.session.commit()


def set_team_announced(engagement: Engagement, announced_on: date | None) -> None:
    milestones(engagement).team_announced_on = announced_on
    db.session.commit()


@dataclass(frozen=True)
class Announcement:
    announced_on: date
    announced_by: OrgPerson
    note: str


def announce(
    engagement: Engagement, announcement: Announcement, ready: bool
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
    db.session.commit()
    return row


def announcement_breaches(engagement: Engagement) -> list[rules.OutOfOrder]:
    """How the recorded announcement breaks the method's order (it then does
    not close preparation); nothing when there is no announcement."""
    row = db.session.get(PreparationMilestones, engagement.id)
    if row is None or row.announced_on is None:
        return []
    return rules.announcement_breaches(organisation_facts(engagement), row.announced_on)


def withdraw_announcement(engagement: Engagement) -> None:
    row = milestones(engagement)
    row.announced_on = row.announced_by_id = None
    row.announcement_note = ""
    db.session.commit()
