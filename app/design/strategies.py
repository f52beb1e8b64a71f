"""Per-segment strategies: "treat different customers differently"."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import GroupStrategy, OrgPerson
from assessments.idic import Segment


def strategies(engagement_id: int) -> dict[Segment, GroupStrategy]:
    rows = db.session.scalars(
        select(GroupStrategy).where(GroupStrategy.engagement_id == engagement_id)
    )
    return {row.segment: row for row in rows}


def owners(engagement_id: int) -> list[tuple[int, str]]:
    """The people of the project organisation who can own a strategy."""
    rows = db.session.execute(
        select(OrgPerson.id, OrgPerson.name)
        .where(OrgPerson.engagement_id == engagement_id)
        .order_by(OrgPerson.name)
    )
    return [tuple(row) for row in rows]


def save_strategy(engagement_id: int, segment: Segment, values: dict) -> None:
    """Create or replace the strategy of one segment."""
    row = strategies(engagement_id).get(segment) or GroupStrategy(
        engagement_id=engagement_id, segment=segment
    )
    for name, value in values.items():
        setattr(row, name, value)
    db.session.add(row)
    db.session.commit()
