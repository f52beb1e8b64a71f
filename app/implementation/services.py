"""What the engagement dashboard needs to know of the implementation phase."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.implementation.scorecard import goals_have_values
from app.models import Engagement, WorkPackage
from app.questionnaires import takes
from assessments.questionnaire import QuestionnaireId


def implementation_facts(engagement: Engagement) -> dict:
    """The implementation fields of the engagement's progress facts."""
    has_package = db.session.scalar(
        select(WorkPackage.id)
        .where(WorkPackage.engagement_id == engagement.id)
        .limit(1)
    )
    return {
        "gaps_analysed": takes.latest_completed_take(
            engagement, QuestionnaireId.GAP_ANALYSIS
        )
        is not None,
        "plan_set": has_package is not None,
        "goals_have_values": goals_have_values(engagement.id),
    }
