"""What the cover of every report says of its engagement: who advises the
client, who sponsors the project, and over which period it runs, so that a
report forwarded to the board says whose work it is without its first page
being read further."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.extensions import db
from app.memberships import members
from app.models import Engagement, OrgPerson, WorkPackage
from assessments.roles import Role


@dataclass(frozen=True)
class Cover:
    #: the members with the consultant role, in the order they joined
    consultants: list[str]
    #: the project organisation's sponsor (more than one is the method's
    #: finding, but the cover names whom the client named)
    sponsors: list[OrgPerson]
    #: the engagement's start: when it was created
    started_at: datetime
    #: the last work package's end, once there is a transition plan
    plan_ends_on: date | None


def cover(engagement: Engagement) -> Cover:
    """The cover's facts, read from the engagement's members, its project
    organisation and its transition plan."""
    return Cover(
        consultants=[
            m.user.name for m in members(engagement) if m.role == Role.CONSULTANT
        ],
        sponsors=list(
            db.session.scalars(
                select(OrgPerson)
                .where(
                    OrgPerson.engagement_id == engagement.id,
                    OrgPerson.is_sponsor,
                    OrgPerson.left_on.is_(None),
                )
                .order_by(OrgPerson.name)
            )
        ),
        started_at=engagement.created_at,
        plan_ends_on=db.session.scalar(
            select(func.max(WorkPackage.ends_on)).where(
                WorkPackage.engagement_id == engagement.id
            )
        ),
    )
