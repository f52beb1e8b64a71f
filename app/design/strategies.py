"""Per-segment strategies: "treat different customers differently"."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.extensions import db
from app.models import GroupStrategy, OrgPerson
from assessments.idic import Channel, Segment
from assessments.planning import CrmStrategy


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


@dataclass(frozen=True)
class StrategyDetails:
    """How one customer group is treated: the CRM strategy, what is done, on
    which channel (None for none) and who sees to it (None for nobody yet)."""

    crm_strategy: CrmStrategy
    actions: str = ""
    channel: Channel | None = None
    owner_id: int | None = None


def save_strategy(
    engagement_id: int, segment: Segment, details: StrategyDetails
) -> None:
    """Create or replace the strategy of one segment."""
    row = strategies(engagement_id).get(segment) or GroupStrategy(
        engagement_id=engagement_id, segment=segment
    )
    row.crm_strategy = details.crm_strategy
    row.actions = details.actions
    row.channel = details.channel
    row.owner_id = details.owner_id
    db.session.add(row)
    db.session.commit()
