"""Questionnaire takes, answers, the assessment and gate reviews of preparation.

The only place where the preparation views meet the database and the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    Answer,
    Engagement,
    GateReview,
    PreparationMilestones,
    QuestionnaireTake,
    SponsorDecision,
    User,
)
from app.models.columns import utcnow
from app.preparation import organisation
from app.questionnaires import definition as questionnaire_definition
from assessments.comparison import Comparison, compare
from assessments.progress import PHASE_STEPS, EngagementFacts, Phase, Step
from assessments.questionnaire import Definition, Gate, Section
from assessments.readiness import (
    GateResult,
    GateStatus,
    Readiness,
    classify,
    evaluate_gates,
)
from assessments.scoring import AnswerValue, ScoreResult, is_answered, score

QUESTIONNAIRE = "preparation"


class PreparationError(ValueError):
    """An action the state of the engagement does not allow; says why."""


def definition() -> Definition:
    return questionnaire_definition(QUESTIONNAIRE)


# --- takes and answers ------------------------------------------------------


def takes(engagement: Engagement) -> list[QuestionnaireTake]:
    """Every take of the preparation questionnaire, newest first."""
    return list(
        db.session.scalars(
            select(QuestionnaireTake)
            .options(selectinload(QuestionnaireTake.started_by))
            .where(
                QuestionnaireTake.engagement_id == engagement.id,
                QuestionnaireTake.questionnaire == QUESTIONNAIRE,
            )
            .order_by(QuestionnaireTake.number.desc())
        )
    )


def latest_take(engagement: Engagement) -> QuestionnaireTake | None:
    return next(iter(takes(engagement)), None)


def previous_take(take: QuestionnaireTake) -> QuestionnaireTake | None:
    """The take before this one, to compare with."""
    return db.session.scalar(
        select(QuestionnaireTake).where(
            QuestionnaireTake.engagement_id == take.engagement_id,
            QuestionnaireTake.questionnaire == take.questionnaire,
            QuestionnaireTake.number == take.number - 1,
        )
    )


def start_take(engagement: Engagement, user: User) -> QuestionnaireTake:
    """Open a new take; a later take is a re-assessment of the same company."""
    latest = latest_take(engagement)
    if latest is not None and latest.completed_at is None:
        raise PreparationError("unfinished")
    number = db.session.scalar(
        select(func.coalesce(func.max(QuestionnaireTake.number), 0)).where(
            QuestionnaireTake.engagement_id == engagement.id,
            QuestionnaireTake.questionnaire == QUESTIONNAIRE,
        )
    )
    take = QuestionnaireTake(
        engagement_id=engagement.id,
        questionnaire=QUESTIONNAIRE,
        number=number + 1,
        definition_version=definition().version,
        started_by_id=user.id,
    )
    db.session.add(take)
    db.session.commit()
    return take


def answers_of(take: QuestionnaireTake) -> dict[str, Answer]:
    """The stored answers of a take by question id, with who gave them."""
    rows = db.session.scalars(
        select(Answer)
        .options(selectinload(Answer.answered_by))
        .where(Answer.take_id == take.id)
    )
    return {row.question_id: row for row in rows}


def answer_values(take: QuestionnaireTake) -> dict[str, AnswerValue]:
    return {
        question_id: answer.value
        for question_id, answer in answers_of(take).items()
        if answer.value is not None
    }


@dataclass(frozen=True)
class Conflict:
    """Someone else changed an answer after this form was opened."""

    question_id: str
    theirs: AnswerValue | None
    theirs_by: str
    theirs_at: datetime
    yours: AnswerValue | None


@dataclass(frozen=True)
class SaveOutcome:
    saved: int
    conflicts: tuple[Conflict, ...]


def save_section(
    take: QuestionnaireTake,
    section: Section,
    submitted: dict[str, AnswerValue | None],
    seen: dict[str, int],
    user: User,
) -> SaveOutcome:
    """Store a section's answers without silently overwriting anyone.

    ``seen`` holds the revision of each answer when the form was opened. An
    answer someone else changed since then is not overwritten: it comes back as
    a conflict, while the other answers of the section are saved.
    """
    if take.completed_at is not None:
        raise PreparationError("completed")
    stored = answers_of(take)
    saved, conflicts = 0, []
    for question in section.questions:
        new = submitted.get(question.id)
        answer = stored.get(question.id)
        current = answer.value if answer else None
        if new == current:
            continue
        if (answer.revision if answer else 0) != seen.get(question.id, 0):
            conflicts.append(_conflict(question.id, answer, new))
            continue
        _store(take, question.id, answer, new, user)
        saved += 1
    db.session.commit()
    return SaveOutcome(saved=saved, conflicts=tuple(conflicts))


def _conflict(question_id: str, answer: Answer | None, yours) -> Conflict:
    return Conflict(
        question_id=question_id,
        theirs=answer.value if answer else None,
        theirs_by=answer.answered_by.name if answer and answer.answered_by else "",
        theirs_at=answer.answered_at if answer else utcnow(),
        yours=yours,
    )


def _store(take, question_id, answer: Answer | None, value, user: User) -> None:
    if answer is None:
        db.session.add(
            Answer(
                take_id=take.id,
                question_id=question_id,
                value=value,
                answered_by_id=user.id,
            )
        )
        return
    answer.value = value
    answer.revision += 1
    answer.answered_by_id = user.id
    answer.answered_at = utcnow()


def record_answers(
    take: QuestionnaireTake, answers: dict[str, AnswerValue], user: User
) -> None:
    """Store a whole answer set at once, section by section (demo data, imports)."""
    for section in definition().sections:
        seen = {qid: a.revision for qid, a in answers_of(take).items()}
        submitted = {q.id: answers.get(q.id) for q in section.questions}
        save_section(take, section, submitted, seen, user)


def section_progress(take: QuestionnaireTake) -> list[tuple[Section, int, int]]:
    """Per section: (section, questions answered, questions in it)."""
    values = answer_values(take)
    return [
        (
            section,
            sum(is_answered(q, values.get(q.id)) for q in section.questions),
            len(section.questions),
        )
        for section in definition().sections
    ]


def complete_take(take: QuestionnaireTake) -> tuple[str, ...]:
    """Mark the take complete; returns the required questions still unanswered."""
    missing = score(definition(), answer_values(take)).missing_required
    if not missing:
        take.completed_at = utcnow()
        db.session.commit()
    return missing


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
        return bool(self.gates) and all(gate.cleared for gate in self.gates)


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
    """Let a failed gate pass on a consultant's written reason."""
    status = {result.gate: result.status for result in assess(take).gates}.get(gate)
    if status not in (GateStatus.FAILED, GateStatus.OVERRIDDEN):
        raise PreparationError("not_failed")
    review = _review(take, gate)
    review.override_reason = reason.strip()
    review.overridden_by_id = user.id
    review.overridden_at = utcnow()
    # A changed override is a new decision for the sponsor.
    review.sponsor_decision = None
    review.decided_by_id = review.decided_at = None
    db.session.commit()


def decide_gate(
    take: QuestionnaireTake,
    gate: Gate,
    decision: SponsorDecision,
    comment: str,
    sponsor: User,
) -> None:
    """Record the sponsor's approval of a gate decision, or its return."""
    status = {result.gate: result.status for result in assess(take).gates}.get(gate)
    if status in (None, GateStatus.NOT_ANSWERED):
        raise PreparationError("not_decidable")
    review = _review(take, gate)
    review.sponsor_decision = decision
    review.sponsor_comment = comment.strip()
    review.decided_by_id = sponsor.id
    review.decided_at = utcnow()
    db.session.commit()


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
    return {
        "questionnaire_complete": complete,
        "gates_cleared": complete and assess(latest).gates_cleared,
        "organisation_recorded": organisation.organisation_recorded(engagement),
        "awareness_activities": len(organisation.awareness_activities(engagement)),
        "announced": bool(milestones and milestones.announced_on),
    }


def steps_before_announcement(engagement: Engagement) -> list[Step]:
    """The preparation steps still open that must precede the announcement."""
    done = EngagementFacts(**preparation_facts(engagement)).done_steps()
    return [
        step
        for step in PHASE_STEPS[Phase.PREPARATION]
        if step != Step.ANNOUNCE_PROJECT and step not in done
    ]
