"""Engagements the browser tests start from, made through the services."""

from __future__ import annotations

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import CompanySize, Engagement, Membership, SiteRole, User
from app.preparation import services as preparation
from app.questionnaires import takes
from assessments.examples import typical_answers
from assessments.questionnaire import Category, QuestionnaireId
from assessments.roles import Role
from tests.conftest import PASSWORD


def assessed_with_a_sponsor(
    consultant: tuple[str, str], sponsor: tuple[str, str], company: tuple[str, str]
) -> tuple[User, Engagement]:
    """A Turkish-reported engagement whose preparation questionnaire is
    complete with a strategic thinker's answers, and whose sponsor is a
    member: (e-mail, name) of each person, (name, sector) of the company.
    In the caller's app context; the caller commits."""
    lead = accounts.create_user(*consultant, SiteRole.CONSULTANT, PASSWORD)
    owner = accounts.create_user(*sponsor, SiteRole.MEMBER, PASSWORD)
    engagement = engagements.create_engagement(
        lead,
        engagements.EngagementDetails(*company, CompanySize.MEDIUM, "TR", "tr"),
    )
    db.session.add(
        Membership(engagement_id=engagement.id, user_id=owner.id, role=Role.SPONSOR)
    )
    take = takes.start_take(engagement, QuestionnaireId.PREPARATION, lead)
    answers = typical_answers(preparation.definition(), Category.STRATEGIC_THINKER)
    takes.record_answers(take, answers, lead)
    takes.complete_take(take, lead)
    return lead, engagement
