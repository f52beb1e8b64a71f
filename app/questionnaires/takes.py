"""Takes of any questionnaire and their answers: start, answer section by
section without overwriting anyone, follow progress, complete.

A take belongs to one engagement and one questionnaire (a ``QuestionnaireId``);
a later take of the same questionnaire is a
re-assessment of the same company. The phases' services call these functions
with their questionnaire's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app import activity, revisions
from app.extensions import db
from app.models import Answer, Engagement, QuestionnaireTake, User
from app.models.columns import utcnow
from app.questionnaires.definitions import definition
from app.refusals import Refusal
from assessments.oversight import ActivityKind
from assessments.questionnaire import Definition, QuestionnaireId, Section
from assessments.scoring import AnswerValue, is_answered, score


def definition_of(take: QuestionnaireTake) -> Definition:
    return definition(QuestionnaireId(take.questionnaire))


def takes(
    engagement: Engagement, questionnaire: QuestionnaireId
) -> list[QuestionnaireTake]:
    """Every take of the questionnaire in the engagement, newest first."""
    return list(
        db.session.scalars(
            select(QuestionnaireTake)
            .options(selectinload(QuestionnaireTake.started_by))
            .where(
                QuestionnaireTake.engagement_id == engagement.id,
                QuestionnaireTake.questionnaire == questionnaire,
            )
            .order_by(QuestionnaireTake.number.desc())
        )
    )


def latest_take(
    engagement: Engagement, questionnaire: QuestionnaireId
) -> QuestionnaireTake | None:
    return next(iter(takes(engagement, questionnaire)), None)


def latest_completed_take(
    engagement: Engagement, questionnaire: QuestionnaireId
) -> QuestionnaireTake | None:
    """The newest take of the questionnaire that was marked complete."""
    return db.session.scalar(
        select(QuestionnaireTake)
        .where(
            QuestionnaireTake.engagement_id == engagement.id,
            QuestionnaireTake.questionnaire == questionnaire,
            QuestionnaireTake.completed_at.is_not(None),
        )
        .order_by(QuestionnaireTake.number.desc())
        .limit(1)
    )


def previous_take(take: QuestionnaireTake) -> QuestionnaireTake | None:
    """The take before this one, to compare with."""
    return db.session.scalar(
        select(QuestionnaireTake).where(
            QuestionnaireTake.engagement_id == take.engagement_id,
            QuestionnaireTake.questionnaire == take.questionnaire,
            QuestionnaireTake.number == take.number - 1,
        )
    )


def start_take(
    engagement: Engagement, questionnaire: QuestionnaireId, user: User
) -> QuestionnaireTake:
    """Open a new take; refused ("unfinished") while one is still open. A take
    after an earlier one is a re-assessment, noted in the activity feed."""
    latest = latest_take(engagement, questionnaire)
    if latest is not None and latest.completed_at is None:
        raise Refusal("unfinished")
    number = db.session.scalar(
        select(func.coalesce(func.max(QuestionnaireTake.number), 0)).where(
            QuestionnaireTake.engagement_id == engagement.id,
            QuestionnaireTake.questionnaire == questionnaire,
        )
    )
    take = QuestionnaireTake(
        engagement_id=engagement.id,
        questionnaire=questionnaire,
        number=number + 1,
        definition_version=definition(questionnaire).version,
        started_by_id=user.id,
    )
    db.session.add(take)
    if latest is not None:
        activity.record(
            engagement.id,
            user.id,
            ActivityKind.REASSESSMENT_STARTED,
            f"{questionnaire.value}:{take.number}",
        )
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
    """The take's answered questions and their values: what scoring needs,
    read as plain rows in one query (dashboards score several takes)."""
    rows = db.session.execute(
        select(Answer.question_id, Answer.value).where(Answer.take_id == take.id)
    )
    return {question_id: value for question_id, value in rows if value is not None}


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
    a conflict, while the other answers of the section are saved. That holds
    for a change saved at the same moment too (see ``app.revisions``).
    """
    return revisions.retried(
        lambda: _save_section_once(take, section, submitted, seen, user)
    )


def _save_section_once(take, section, submitted, seen, user) -> SaveOutcome:
    if take.completed_at is not None:
        raise Refusal("completed")
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
    if saved:
        activity.record(
            take.engagement_id,
            user.id,
            ActivityKind.ANSWERS_SAVED,
            f"{take.questionnaire}:{section.id}",
        )
    revisions.commit()
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
    answer.answered_by_id = user.id
    answer.answered_at = utcnow()


def record_answers(
    take: QuestionnaireTake, answers: dict[str, AnswerValue], user: User
) -> None:
    """Store a whole answer set at once, section by section (demo data, imports)."""
    for section in definition_of(take).sections:
        seen = {qid: a.revision for qid, a in answers_of(take).items()}
        submitted = {q.id: answers.get(q.id) for q in section.questions}
        save_section(take, section, submitted, seen, user)


def section_progress(take: QuestionnaireTake) -> list[tuple[Section, int, int]]:
    """Per section: (section, questions answered, questions in it); a question
    that is part of another (a factor's evidence) is not counted."""
    values = answer_values(take)
    progress = []
    for section in definition_of(take).sections:
        standing = [q for q in section.questions if q.part_of is None]
        answered = sum(is_answered(q, values.get(q.id)) for q in standing)
        progress.append((section, answered, len(standing)))
    return progress


def complete_take(take: QuestionnaireTake, user: User) -> tuple[str, ...]:
    """Mark the take complete; returns the required questions still unanswered."""
    missing = score(definition_of(take), answer_values(take)).missing_required
    if not missing:
        take.completed_at = utcnow()
        activity.record(
            take.engagement_id,
            user.id,
            ActivityKind.TAKE_COMPLETED,
            take.questionnaire,
        )
        db.session.commit()
    return missing
