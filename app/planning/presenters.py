"""Turning planning data into chart rows for pages and the report."""

from __future__ import annotations

from app.i18n.labels import label
from app.models import StrategyPriority
from app.planning import bp
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
