"""Who belongs to an engagement: the one query every area lists members with."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Engagement, Membership


def members(engagement: Engagement) -> list[Membership]:
    """The engagement's members with their accounts, in the order they joined;
    the members page, the owner choices of the scorecard and the plan, and the
    summary report all list them this way."""
    return list(
        db.session.scalars(
            select(Membership)
            .options(selectinload(Membership.user))
            .where(Membership.engagement_id == engagement.id)
            .order_by(Membership.id)
        )
    )
