"""The database models, one module per area."""

from app.models.accounts import SiteRole, User
from app.models.design import (
    Complaint,
    Contact,
    Customer,
    GroupOverride,
    GroupStrategy,
    ImportRun,
    Interaction,
    Snapshot,
    SnapshotResult,
    Transaction,
)
from app.models.implementation import (
    ActionStatus,
    Review,
    ReviewAction,
    TransitionSettings,
    WorkPackage,
)
from app.models.jobs import Job
from app.models.oversight import Activity, IssuedReport
from app.models.planning import (
    BusinessStrategy,
    Goal,
    GuideAnswer,
    PlanningState,
    SessionParticipant,
    StrategyPriority,
    WorkshopSession,
)
from app.models.preparation import (
    Answer,
    AwarenessActivity,
    AwarenessKind,
    ClaimFlag,
    ClaimReview,
    GateReview,
    OrgPerson,
    PreparationMilestones,
    QuestionnaireTake,
    ResistanceItem,
    ResistanceStatus,
    SponsorDecision,
)
from app.models.scorecard import Measure, MeasureValue, Objective
from app.models.tenancy import CompanySize, Engagement, Membership
from app.models.throttling import RateLimitCounter

__all__ = [
    "ClaimFlag",
    "ClaimReview",
    "Complaint",
    "Contact",
    "Customer",
    "GroupOverride",
    "GroupStrategy",
    "ImportRun",
    "Interaction",
    "Snapshot",
    "SnapshotResult",
    "Transaction",
    "Activity",
    "IssuedReport",
    "Job",
    "ActionStatus",
    "Review",
    "ReviewAction",
    "TransitionSettings",
    "WorkPackage",
    "BusinessStrategy",
    "Goal",
    "GuideAnswer",
    "PlanningState",
    "SessionParticipant",
    "StrategyPriority",
    "WorkshopSession",
    "Measure",
    "MeasureValue",
    "Objective",
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
    "RateLimitCounter",
    "ResistanceItem",
    "ResistanceStatus",
    "SiteRole",
    "SponsorDecision",
    "User",
]
