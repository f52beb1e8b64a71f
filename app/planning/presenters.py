"""Turning planning data into chart rows for pages and the report, and
telling planning's pages whether they may offer changes."""

from __future__ import annotations

from flask import g

from app.i18n.labels import label
from app.models import StrategyPriority
from app.planning import bp, services
from app.tenancy import allowed
from assessments.planning import CrmStrategy


@bp.app_template_global()
def priority_rows(
    priorities: dict[CrmStrategy, StrategyPriority],
) -> list[tuple[str, float, bool]]:
    """The four CRM strategies' priorities, the highest ones highlighted."""
    top = max((row.priority for row in priorities.values()), default=0)
    return [
        (label(strategy), row.priority, top > 0 and row.priority == top)
        for strategy, row in priorities.items()
    ]


@bp.context_processor
def planning_lock() -> dict:
    """When planning was closed, and whether its pages offer changes: closed
    means read-only until someone reopens it."""
    membership = g.get("membership")
    closed_at = services.closed_at(membership.engagement_id) if membership else None
    return {
        "planning_closed_at": closed_at,
        "planning_editable": allowed("edit_engagement") and closed_at is None,
    }
