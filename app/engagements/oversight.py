"""What a sponsor sees at a glance, and a consultant across engagements: where
the project stands, what waits for the sponsor's decision, the milestones, the
scorecard, readiness and maturity, the customer figures and the risks. The
sponsor dashboard and the executive summary read the same ``ProjectView``.

Two maturity profiles are shown, each under its own name: the *preparation*
profile (one take of the preparation questionnaire; the trend and the peer
comparison use it, so like is compared with like) and the *combined* profile
(``maturity_profile``: preparation and IDIC capability together).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app import activity
from app.design import analyses
from app.engagements.services import engagement_facts
from app.extensions import db
from app.implementation import plan, scorecard
from app.models import (
    Engagement,
    GateReview,
    Membership,
    QuestionnaireTake,
    ResistanceItem,
    SponsorDecision,
    User,
)
from app.preparation import organisation
from app.preparation import services as preparation
from app.questionnaires import takes
from app.questionnaires.results import maturity_profile
from assessments import oversight
from assessments.organisation import Finding
from assessments.progress import PhaseProgress, overview
from assessments.questionnaire import Category, Dimension, QuestionnaireId
from assessments.readiness import GateResult
from assessments.roles import Role
from assessments.scoring import score
from assessments.transition import WorkStatus


@dataclass(frozen=True)
class AwaitedGate:
    take: QuestionnaireTake
    result: GateResult
    review: GateReview | None


@dataclass(frozen=True)
class ProfilePoint:
    """The maturity profile of one completed preparation take."""

    take: QuestionnaireTake
    profile: dict[Dimension, float | None]


@dataclass(frozen=True)
class ProjectView:
    engagement: Engagement
    phases: list[PhaseProgress]
    #: later phases running while an earlier phase's gates are not cleared
    running_ahead: list[oversight.RunningAhead]
    awaiting: list[AwaitedGate]
    decisions: list[GateReview]
    next_milestones: list
    overdue: list
    scorecard: scorecard.Overview
    category: Category | None
    #: the combined maturity profile, shown once the capability is assessed
    combined_maturity: dict[Dimension, float | None] | None
    #: the preparation maturity profile of each completed take
    maturity_trend: list[ProfilePoint]
    snapshot: object | None
    risks: list[Finding]
    #: resistance not yet resolved, a risk until it is
    open_resistance: list[ResistanceItem]
    #: the gates the sponsor sent back to the consultant, with the reason
    sent_back: list[GateReview]
    #: whether the gate decisions can no longer change (the announcement)
    decisions_final: bool
    #: whether a member of the engagement has the sponsor's role
    has_sponsor_member: bool
    #: the latest IDIC capability profile the combined profile blends in
    capability_maturity: dict[Dimension, float | None] | None = None

    @property
    def figures(self) -> dict:
        return self.snapshot.summary.get("figures", {}) if self.snapshot else {}

    @property
    def quality(self) -> dict:
        return self.snapshot.summary.get("quality", {}) if self.snapshot else {}


def project_view(engagement: Engagement, today: date) -> ProjectView:
    facts = engagement_facts(engagement)
    latest = preparation.latest_take(engagement)
    completed = latest if latest and latest.completed_at else None
    assessment = preparation.assess(completed) if completed else None
    return ProjectView(
        engagement=engagement,
        phases=overview(facts),
        running_ahead=oversight.running_ahead(facts),
        awaiting=_awaiting(assessment),
        decisions=_decisions(engagement.id),
        next_milestones=_next_milestones(engagement.id, today),
        overdue=plan.overdue(engagement.id, today),
        scorecard=scorecard.overview(engagement.id),
        category=assessment.readiness.category if assessment else None,
        combined_maturity=maturity_profile(engagement)
        if facts.capability_assessed
        else None,
        maturity_trend=_maturity_trend(engagement),
        snapshot=analyses.latest_snapshot(engagement.id),
        risks=organisation.findings(engagement),
        open_resistance=organisation.open_resistance(engagement),
        sent_back=_sent_back(assessment),
        decisions_final=preparation.decisions_final(engagement.id),
        has_sponsor_member=any(m.role == Role.SPONSOR for m in engagement.memberships),
        capability_maturity=_capability_profile(engagement)
        if facts.capability_assessed
        else None,
    )


def _sent_back(assessment) -> list[GateReview]:
    """The latest take's gates the sponsor sent back, in the gates' order."""
    if assessment is None:
        return []
    return [
        review
        for result in assessment.gates
        if (review := assessment.reviews.get(result.gate))
        and review.sponsor_decision == SponsorDecision.SENT_BACK
    ]


def _capability_profile(engagement: Engagement) -> dict[Dimension, float | None]:
    """The maturity profile of the latest completed IDIC capability take."""
    take = takes.latest_completed_take(engagement, QuestionnaireId.IDIC)
    if take is None:
        return dict.fromkeys(Dimension)
    result = score(takes.definition_of(take), takes.answer_values(take))
    return {d: item.value for d, item in result.dimensions.items()}


def _awaiting(assessment) -> list[AwaitedGate]:
    if assessment is None:
        return []
    decided = [
        gate for gate, review in assessment.reviews.items() if review.sponsor_decision
    ]
    waiting = oversight.awaiting_decision(
        ((result.gate, result.status) for result in assessment.gates), decided
    )
    return [
        AwaitedGate(assessment.take, result, assessment.reviews.get(result.gate))
        for result in assessment.gates
        if result.gate in waiting
    ]


def _decisions(engagement_id: int) -> list[GateReview]:
    """The sponsor's gate decisions, newest first."""
    return list(
        db.session.scalars(
            select(GateReview)
            .where(
                GateReview.engagement_id == engagement_id,
                GateReview.decided_at.is_not(None),
            )
            .order_by(GateReview.decided_at.desc())
        )
    )


def _next_milestones(engagement_id: int, today: date, count: int = 5) -> list:
    upcoming = [
        package
        for package in plan.packages(engagement_id)
        if package.status != WorkStatus.DONE and package.ends_on >= today
    ]
    return sorted(upcoming, key=lambda p: p.ends_on)[:count]


def _maturity_trend(engagement: Engagement) -> list[ProfilePoint]:
    """The preparation maturity profile of each completed take, oldest first."""
    points = []
    for take in preparation.takes(engagement):
        if take.completed_at is None:
            continue
        result = score(preparation.definition(), takes.answer_values(take))
        points.append(
            ProfilePoint(take, {d: item.value for d, item in result.dimensions.items()})
        )
    return sorted(points, key=lambda point: point.take.number)


# --- the consultant's portfolio ------------------------------------------------


@dataclass(frozen=True)
class PortfolioRow:
    engagement: Engagement
    phases: list[PhaseProgress]
    running_ahead: list[oversight.RunningAhead]
    category: Category | None
    status: object
    last_activity: datetime | None


def consulted(user: User) -> list[Engagement]:
    """The engagements the user is a consultant of."""
    return list(
        db.session.scalars(
            select(Engagement)
            .join(Membership, Membership.engagement_id == Engagement.id)
            .where(Membership.user_id == user.id, Membership.role == Role.CONSULTANT)
            .order_by(Engagement.name)
        )
    )


def portfolio(user: User) -> list[PortfolioRow]:
    """Every engagement the user is a consultant of, with where it stands."""
    engagements = consulted(user)
    last = activity.last_activity(e.id for e in engagements)
    rows = []
    for engagement in engagements:
        latest = preparation.latest_take(engagement)
        completed = latest if latest and latest.completed_at else None
        facts = engagement_facts(engagement)
        rows.append(
            PortfolioRow(
                engagement=engagement,
                phases=overview(facts),
                running_ahead=oversight.running_ahead(facts),
                category=preparation.assess(completed).readiness.category
                if completed
                else None,
                status=scorecard.overview(engagement.id).status,
                last_activity=last.get(engagement.id),
            )
        )
    return rows


def peers(engagement: Engagement, user: User, minimum: int) -> dict:
    """This client's preparation maturity profile beside the average of the
    consultant's other engagements' (over at least ``minimum`` of them)."""
    others = [e for e in consulted(user) if e.id != engagement.id]
    return oversight.compare_with_peers(
        preparation_profile(engagement),
        [preparation_profile(e) for e in others],
        minimum,
    )


def preparation_profile(engagement: Engagement) -> dict[Dimension, float | None]:
    """The preparation maturity profile of the latest completed take; every
    dimension None without one."""
    trend = _maturity_trend(engagement)
    return trend[-1].profile if trend else dict.fromkeys(Dimension)
