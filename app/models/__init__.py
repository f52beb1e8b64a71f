"""The database models, one module per area."""

from app.models.accounts import SiteRole, User
from app.models.planning import (
    BusinessStrategy,
    Goal,
    GuideAnswer,
    Measure,
    PlanningState,
    SessionParticipant,
    StrategyPriority,
    WorkshopSession,
)
from app.models.preparation import (
    Answer,
    AwarenessActivity,
    AwarenessKind,
    GateReview,
    OrgPerson,
    PreparationMilestones,
    QuestionnaireTake,
    ResistanceItem,
    ResistanceStatus,
    SponsorDecision,
)
from app.models.tenancy import CompanySize, Engagement, Membership

__all__ = [
    "BusinessStrategy",
    "Goal",
    "GuideAnswer",
    "Measure",
    "PlanningState",
    "SessionParticipant",
    "StrategyPriority",
    "WorkshopSession",
    "Answer",
    "AwarenessActivity",
    "AwarenessKind",
    "CompanySize",
    "Engagement",
    "GateReview",
    "Membership",
    "OrgPerson",
    "PreparationMilestones",
    "QuestionnaireTake",
    "ResistanceItem",
    "ResistanceStatus",
    "SiteRole",
    "SponsorDecision",
    "User",
]
