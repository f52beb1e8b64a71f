"""The preparation questionnaire's assessment and gate reviews, and what the
dashboard needs to know of the phase.

Takes and answers are the generic ones of ``app.questionnaires.takes``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import activity
from app.extensions import db
from app.memberships import members
from app.models import (
    Engagement,
    GateReview,
    PreparationMilestones,
    QuestionnaireTake,
    SponsorDecision,
    User,
)
from app.models.columns import utcnow
from app.preparation import organisation
from app.questionnaires import takes as generic
from app.questionnaires.definitions import definition as questionnaire_definition
from app.questionnaires.takes import answer_values
from app.refusals import Refusal
from assessments.comparison import Comparison, compare
from assessments.oversight import ActivityKind
from assessments.progress import PHASE_STEPS, EngagementFacts, Phase, Step
from assessments.questionnaire import Definition, Gate, QuestionnaireId
from assessments.readiness import (
    DECISIONS,
    GateResult,
    GateState,
    GateStatus,
    Readiness,
    classify,
    evaluate_gates,
    gate_state,
    lets_project_go_on,
    may_override,
    needs_reason,
)
from assessments.readiness import (
    Step as NextStep,
)
from assessments.readiness import next_steps as steps_after
from assessments.roles import Role
from assessments.scoring import AnswerValue, ScoreResult, score


def definition() -> Definition:
    return questionnaire_definition(QuestionnaireId.PREPARATION)


def takes(engagement: Engagement) -> list[QuestionnaireTake]:
    """Every take of the preparation questionnaire, newest first."""
    return generic.takes(engagement, QuestionnaireId.PREPARATION)


def latest_take(engagement: Engagement) -> QuestionnaireTake | None:
    return generic.latest_take(engagement, QuestionnaireId.PREPARATION)


# --- the assessment ---------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    """Everything the result page and the report show about one take."""

    take: QuestionnaireTake
    answers: dict[str, AnswerValue]
    result: ScoreResult
    readiness: Readiness
    gates: list[GateResult]
    reviews: dict[Gate, GateReview]

    @property
    def gates_cleared(self) -> bool:
        """The sponsor decided "go on" at every answered gate."""
        approved = [
            gate
            for gate, review in self.reviews.items()
            if review.sponsor_decision == SponsorDecision.APPROVED
        ]
        return lets_project_go_on(self.gates, approved)

    @property
    def gates_stopped(self) -> bool:
        """The sponsor decided "stop here" at one of the gates."""
        return GateState.STOPPED in self.states.values()

    @property
    def states(self) -> dict[Gate, GateState]:
        """Each gate's state: its outcome, then the sponsor's decision on it."""
        return {
            result.gate: gate_state(result.status, self.decision(result.gate))
            for result in self.gates
        }

    def decision(self, gate: Gate) -> SponsorDecision | None:
        review = self.reviews.get(gate)
        return review.sponsor_decision if review else None

    def overridable(self, gate: GateResult) -> bool:
        """Whether the consultant may still override the gate (the method's
        ``may_override``): not once the sponsor decided to go on or stop."""
        return may_override(gate.status, self.decision(gate.gate))


def assess(take: QuestionnaireTake) -> Assessment:
    """Score a take and judge its readiness category and gates."""
    values = answer_values(take)
    result = score(definition(), values)
    reviews = gate_reviews(take)
    overridden = {gate for gate, review in reviews.items() if review.override_reason}
    return Assessment(
        take=take,
        answers=values,
        result=result,
        readiness=classify(result),
        gates=evaluate_gates(definition(), result, overridden),
        reviews=reviews,
    )


def next_steps(assessment: Assessment, engagement: Engagement) -> list[NextStep]:
    """What the consultant does next after this take: its gates, the sponsor,
    the organisation's warnings, then the category's own steps."""
    approved = {
        gate
        for gate, review in assessment.reviews.items()
        if review.sponsor_decision == SponsorDecision.APPROVED
    }
    return steps_after(
        assessment.readiness,
        assessment.gates,
        complete=assessment.take.completed_at is not None,
        undecided=[
            g.gate for g in assessment.gates if g.cleared and g.gate not in approved
        ],
        has_sponsor=any(m.role == Role.SPONSOR for m in members(engagement)),
        organisation_recorded=organisation.organisation_recorded(engagement),
        # With nobody recorded, "record the organisation" says it all.
        findings=organisation.findings(engagement)
        if organisation.people(engagement)
        else [],
        sent_back={
            gate: review.sponsor_comment or ""
            for gate, review in assessment.reviews.items()
            if review.sponsor_decision == SponsorDecision.SENT_BACK
        },
        decided=[
            gate
            for gate, review in assessment.reviews.items()
            if review.sponsor_decision is not None
        ],
    )


def gate_reviews(take: QuestionnaireTake) -> dict[Gate, GateReview]:
    rows = db.session.scalars(
        select(GateReview)
        .options(
            selectinload(GateReview.overridden_by), selectinload(GateReview.decided_by)
        )
        .where(GateReview.take_id == take.id)
    )
    return {row.gate: row for row in rows}


def override_gate(take: QuestionnaireTake, gate: Gate, reason: str, user: User) -> None:
    """Let a failed gate pass on a consultant's written reason, before the
    sponsor decides it or after the sponsor sent it back; a decision to go on
    or to stop is the sponsor's, which an override no longer reopens."""
    assessment = assess(take)
    result = next(result for result in assessment.gates if result.gate == gate)
    if result.status not in (GateStatus.FAILED, GateStatus.OVERRIDDEN):
        raise Refusal("not_failed")
    if not assessment.overridable(result):
        raise Refusal("decided")
    review = _review(take, gate)
    review.override_reason = reason.strip()
    review.overridden_by_id = user.id
    review.overridden_at = utcnow()
    # A changed override is a new decision for the sponsor.
    review.sponsor_decision = review.gate_outcome = None
    review.decided_by_id = review.decided_at = None
    activity.record(
        take.engagement_id, user.id, ActivityKind.GATE_OVERRIDDEN, gate.value
    )
    db.session.commit()


def decide_gate(
    take: QuestionnaireTake,
    gate: Gate,
    decision: SponsorDecision,
    comment: str,
    sponsor: User,
) -> None:
    """Record the sponsor's decision on a gate's outcome (go on, stop here,
    send back), with the outcome it was taken on. The sponsor may change it
    until the announcement closes preparation; then it is final."""
    status = {result.gate: result.status for result in assess(take).gates}.get(gate)
    if status in (None, GateStatus.NOT_ANSWERED):
        raise Refusal("not_decidable")
    if decision not in DECISIONS[status]:
        raise Refusal("not_offered")
    if needs_reason(status, decision) and not comment.strip():
        raise Refusal("reason_needed")
    if decisions_final(take.engagement_id):
        raise Refusal("decisions_final")
    review = _review(take, gate)
    review.sponsor_decision = decision
    review.gate_outcome = status
    review.sponsor_comment = comment.strip()
    review.decided_by_id = sponsor.id
    review.decided_at = utcnow()
    activity.record(
        take.engagement_id,
        sponsor.id,
        ActivityKind.GATE_DECIDED,
        f"{gate.value}:{decision.value}",
    )
    db.session.commit()


def decisions_final(engagement_id: int) -> bool:
    """Whether the gate decisions can no longer change: the project was
    announced company-wide, "the ships are burned"."""
    milestones = db.session.get(PreparationMilestones, engagement_id)
    return bool(milestones and milestones.announced_on)


def _review(take: QuestionnaireTake, gate: Gate) -> GateReview:
    review = db.session.scalar(
        select(GateReview).where(GateReview.take_id == take.id, GateReview.gate == gate)
    )
    if review is None:
        review = GateReview(
            engagement_id=take.engagement_id, take_id=take.id, gate=gate
        )
        db.session.add(review)
    return review


def comparison(previous: QuestionnaireTake, take: QuestionnaireTake) -> Comparison:
    """The later take beside the earlier one."""
    return compare(definition(), answer_values(previous), answer_values(take))


# --- progress ---------------------------------------------------------------


def preparation_facts(engagement: Engagement) -> dict:
    """The preparation fields of the engagement's progress facts."""
    latest = latest_take(engagement)
    complete = latest is not None and latest.completed_at is not None
    milestones = db.session.get(PreparationMilestones, engagement.id)
    assessment = assess(latest) if complete else None
    return {
        "questionnaire_complete": complete,
        "gates_cleared": bool(assessment and assessment.gates_cleared),
        "gates_stopped": bool(assessment and assessment.gates_stopped),
        "organisation_recorded": organisation.organisation_recorded(engagement),
        "awareness_activities": len(organisation.awareness_activities(engagement)),
        # An announcement out of the method's order does not close the phase.
        "announced": bool(milestones and milestones.announced_on)
        and not organisation.announcement_breaches(engagement),
    }


def steps_before_announcement(engagement: Engagement) -> list[Step]:
    """The preparation steps still open that must precede the announcement."""
    done = EngagementFacts(**preparation_facts(engagement)).done_steps()
    return [
        step
        for step in PHASE_STEPS[Phase.PREPARATION]
        if step != Step.ANNOUNCE_PROJECT and step not in done
    ]
