"""Workshop sessions, the guide's answers, strategies, vision and goals.

The only place where the planning views meet the database and the core, but
for a goal's measures: those save through ``app.measures.services``, the one
owner of the scorecard's rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import activity, revisions
from app.extensions import db
from app.i18n.locale import local_today
from app.measures import services as measures
from app.measures.services import goals
from app.models import (
    BusinessStrategy,
    Engagement,
    Goal,
    GuideAnswer,
    Measure,
    OrgPerson,
    PlanningState,
    SessionParticipant,
    StrategyPriority,
    User,
    WorkshopSession,
)
from app.models.columns import utcnow
from app.questionnaires.definitions import definition as questionnaire_definition
from app.refusals import Refusal
from assessments import organisation
from assessments import planning as rules
from assessments.organisation import Department
from assessments.oversight import ActivityKind, Removable
from assessments.planning import CrmStrategy
from assessments.progress import Phase
from assessments.questionnaire import Definition, Question, QuestionnaireId, Section


def guide() -> Definition:
    """The workshop guide: the planning questionnaire's sections and prompts."""
    return questionnaire_definition(QuestionnaireId.PLANNING)


def guide_section(section_id: str) -> Section | None:
    return guide().section(section_id)


# --- sessions ---------------------------------------------------------------


def sessions(engagement: Engagement) -> dict[str, WorkshopSession]:
    """The engagement's workshop sessions by guide section."""
    rows = db.session.scalars(
        select(WorkshopSession)
        .options(
            selectinload(WorkshopSession.participants).selectinload(
                SessionParticipant.person
            ),
            selectinload(WorkshopSession.facilitator_person),
        )
        .where(WorkshopSession.engagement_id == engagement.id)
    )
    return {row.section_id: row for row in rows}


def session_people(
    engagement: Engagement, session: WorkshopSession | None = None
) -> list[OrgPerson]:
    """Who can be invited to a session and recorded as present: the working
    group, and the sponsor and the project manager, who may sit in, as they
    are today; and anyone the session's record names who has since left the
    organisation."""
    recorded = [p.person_id for p in session.participants] if session else []
    return list(
        db.session.scalars(
            select(OrgPerson)
            .where(
                OrgPerson.engagement_id == engagement.id,
                sa.or_(
                    (
                        OrgPerson.in_working_group
                        | OrgPerson.is_sponsor
                        | OrgPerson.is_project_manager
                    )
                    & OrgPerson.left_on.is_(None),
                    OrgPerson.id.in_(recorded),
                ),
            )
            .order_by(OrgPerson.department, OrgPerson.is_front_line, OrgPerson.name)
        )
    )


def organisation_people(
    engagement: Engagement, session: WorkshopSession | None = None
) -> list[OrgPerson]:
    """Everyone in the organisation today, and the session's own facilitator
    if they have left since: who may lead a session."""
    kept = session.facilitator_id if session else None
    return list(
        db.session.scalars(
            select(OrgPerson)
            .where(
                OrgPerson.engagement_id == engagement.id,
                OrgPerson.left_on.is_(None) | (OrgPerson.id == kept),
            )
            .order_by(OrgPerson.name)
        )
    )


@dataclass(frozen=True)
class SessionDetails:
    held_on: date | None
    #: one of the organisation's people; None for nobody yet
    facilitator_id: int | None
    held: bool
    invited: frozenset[int]
    attended: frozenset[int]


def save_session(
    engagement: Engagement, section_id: str, details: SessionDetails
) -> WorkshopSession:
    """Record a session's date, facilitator, participants and attendance.
    Whoever attended was invited; people from outside the organisation are
    refused, not dropped."""
    ensure_open(engagement.id)
    session = sessions(engagement).get(section_id) or WorkshopSession(
        engagement_id=engagement.id, section_id=section_id
    )
    people = {person.id: person for person in organisation_people(engagement, session)}
    if details.facilitator_id is not None and details.facilitator_id not in people:
        raise Refusal("unknown_person")
    present = details.invited | details.attended
    if not present <= {person.id for person in session_people(engagement, session)}:
        raise Refusal("unknown_person")
    session.held_on = details.held_on
    facilitator = people.get(details.facilitator_id)
    session.facilitator_person = facilitator
    session.facilitator = facilitator.name if facilitator else ""
    session.held = details.held
    # A person invited again keeps their row: a new one beside the old would
    # be inserted before the old is deleted, against the unique key.
    kept = {p.person_id: p for p in session.participants}
    session.participants = [
        kept.get(person_id) or SessionParticipant(person_id=person_id)
        for person_id in sorted(present)
    ]
    for participant in session.participants:
        participant.attended = participant.person_id in details.attended
    db.session.add(session)
    db.session.commit()
    return session


def empty_seats(session: WorkshopSession | None) -> list[organisation.EmptySeat]:
    """The working-group seats a session leaves empty: of those who attended once
    it was held, of those invited before (the organisation's make-up rule)."""
    return organisation.empty_seats(_seated(session))


def seat_table(
    session: WorkshopSession | None,
) -> dict[Department, dict[organisation.Seat, tuple[str, ...]]]:
    """Who fills each working-group seat of a session (attended once held,
    invited before), and which seats are empty."""
    return organisation.seat_table(_seated(session))


def _seated(session: WorkshopSession | None) -> list[organisation.Participant]:
    if session is None:
        return []
    present = [p.person for p in session.participants if p.attended or not session.held]
    return [
        organisation.Participant(p.name, p.department, p.is_front_line) for p in present
    ]


# --- the guide's answers ----------------------------------------------------


def answers(engagement: Engagement) -> dict[str, GuideAnswer]:
    rows = db.session.scalars(
        select(GuideAnswer)
        .options(selectinload(GuideAnswer.updated_by))
        .where(GuideAnswer.engagement_id == engagement.id)
    )
    return {row.question_id: row for row in rows}


def agreed_counts(engagement: Engagement) -> dict[str, int]:
    """Per guide section: how many of its questions have an agreed answer."""
    stored = answers(engagement)
    return {
        section.id: sum(
            1 for q in section.questions if q.id in stored and stored[q.id].agreed
        )
        for section in guide().sections
    }


@dataclass(frozen=True)
class AnswerText:
    """What the room said on a guide question: the raw notes, and either the
    answer it agreed on or why it agreed none."""

    notes: str
    agreed: str
    nothing_agreed: str = ""


def save_answer(
    engagement: Engagement,
    question: Question,
    text: AnswerText,
    seen: int,
    user: User,
) -> GuideAnswer:
    """Store the notes and the agreed answer (or why none was agreed) of one
    guide question. ``seen``
    is the revision the page showed: when someone saved the question since,
    nothing is stored and ``Refusal("changed")`` says so."""
    ensure_open(engagement.id)
    answer = answers(engagement).get(question.id)
    revisions.check_seen(answer, seen)
    answer = answer or GuideAnswer(engagement_id=engagement.id, question_id=question.id)
    answer.notes = text.notes
    answer.agreed = text.agreed.strip()
    answer.nothing_agreed = text.nothing_agreed.strip()
    answer.updated_by_id = user.id
    answer.updated_at = utcnow()
    db.session.add(answer)
    revisions.commit()
    return answer


# --- strategies and vision --------------------------------------------------


def strategies(engagement: Engagement) -> list[BusinessStrategy]:
    return list(
        db.session.scalars(
            select(BusinessStrategy)
            .where(BusinessStrategy.engagement_id == engagement.id)
            .order_by(BusinessStrategy.id)
        )
    )


def add_strategy(
    engagement: Engagement, statement: str, source_questions: list[str]
) -> BusinessStrategy:
    ensure_open(engagement.id)
    known = {question.id for question in guide().questions()}
    strategy = BusinessStrategy(
        engagement_id=engagement.id,
        statement=statement.strip(),
        source_questions=[qid for qid in source_questions if qid in known],
    )
    db.session.add(strategy)
    db.session.commit()
    return strategy


def remove_strategy(strategy: BusinessStrategy, user_id: int | None) -> None:
    """Remove a business strategy (its goals stay, without a strategy), and say
    so in the activity feed."""
    ensure_open(strategy.engagement_id)
    activity.record_removal(
        strategy.engagement_id,
        user_id,
        Removable.BUSINESS_STRATEGY,
        strategy.statement,
    )
    db.session.delete(strategy)
    db.session.commit()


def priorities(engagement: Engagement) -> dict[CrmStrategy, StrategyPriority]:
    """The four CRM strategies' priorities; unsaved ones come back at 0."""
    rows = {
        row.strategy: row
        for row in db.session.scalars(
            select(StrategyPriority).where(
                StrategyPriority.engagement_id == engagement.id
            )
        )
    }
    return {
        strategy: rows.get(strategy)
        or StrategyPriority(
            engagement_id=engagement.id, strategy=strategy, priority=0, rationale=""
        )
        for strategy in CrmStrategy
    }


def save_priorities(
    engagement: Engagement, values: dict[CrmStrategy, tuple[int, str]]
) -> None:
    for strategy, row in priorities(engagement).items():
        priority, rationale = values[strategy]
        row.priority = max(0, min(rules.MAX_PRIORITY, priority))
        row.rationale = rationale.strip()
        db.session.add(row)
    db.session.commit()


def state(engagement: Engagement) -> PlanningState:
    """The engagement's planning state, created empty on first use."""
    row = db.session.get(PlanningState, engagement.id)
    if row is None:
        row = PlanningState(engagement_id=engagement.id)
        db.session.add(row)
        db.session.flush()
    return row


def save_vision(engagement: Engagement, vision: str) -> None:
    ensure_open(engagement.id)
    state(engagement).vision = vision.strip()
    db.session.commit()


def closed_at(engagement_id: int) -> datetime | None:
    """When the engagement's planning was closed; None while it is open."""
    row = db.session.get(PlanningState, engagement_id)
    return row.closed_at if row else None


def ensure_open(engagement_id: int) -> None:
    """Refuse a change once planning is closed: what the workshop agreed then
    stands as the record the later phases build on, until someone reopens it."""
    if closed_at(engagement_id) is not None:
        raise Refusal("planning_closed")


# --- goals (their measures save through app.measures) -----------------------


def remove_goal(goal: Goal, user_id: int | None) -> None:
    """Remove a goal with its measures, and say so in the activity feed."""
    ensure_open(goal.engagement_id)
    activity.record_removal(goal.engagement_id, user_id, Removable.GOAL, goal.title)
    db.session.delete(goal)
    db.session.commit()


@dataclass(frozen=True)
class GoalDetails:
    """What planning agrees on for a goal: what it is, by when, who owns it,
    and the business strategy it comes from (None for none)."""

    title: str
    target: str
    deadline: date | None
    department: Department
    strategy_id: int | None = None


def save_goal(engagement: Engagement, goal: Goal | None, details: GoalDetails) -> Goal:
    """Add or change a goal; its strategy must be one of this engagement's, and
    a deadline set now lies ahead (one that passed since may stay as it was)."""
    ensure_open(engagement.id)
    strategy_id = details.strategy_id or None
    if strategy_id and strategy_id not in {s.id for s in strategies(engagement)}:
        raise Refusal("unknown_strategy")
    moved = goal is None or goal.deadline != details.deadline
    if moved and details.deadline is not None and details.deadline < local_today():
        raise Refusal("deadline_passed")
    goal = goal or Goal(engagement_id=engagement.id)
    goal.title = details.title.strip()
    goal.target = details.target.strip()
    goal.deadline = details.deadline
    goal.department = details.department
    goal.strategy_id = strategy_id
    db.session.add(goal)
    db.session.commit()
    return goal


# --- progress and closing ---------------------------------------------------


def obstacles(engagement: Engagement) -> list[rules.Obstacle]:
    """What keeps planning from being closed."""
    row = db.session.get(PlanningState, engagement.id)
    facts = rules.PlanningFacts(
        sessions=_session_facts(engagement),
        vision=row.vision if row else "",
        strategies=len(strategies(engagement)),
        goals=tuple(
            rules.GoalFacts(
                goal.id,
                goal.title,
                goal.strategy_id is not None,
                tuple(measure.perspective for measure in goal.measures),
            )
            for goal in goals(engagement)
        ),
    )
    return rules.completion_obstacles(facts)


def _session_facts(engagement: Engagement) -> tuple[rules.SessionFacts, ...]:
    """Each guide section's session as closing reads it: held or not, and
    which of its questions have neither an agreed answer nor a reason."""
    held, stored = sessions(engagement), answers(engagement)
    return tuple(
        rules.SessionFacts(
            section_id=section.id,
            held=bool(session and session.held),
            dated=bool(session and session.held_on),
            facilitated=bool(session and session.facilitator_name),
            attendees=sum(p.attended for p in session.participants) if session else 0,
            unsettled=tuple(
                number
                for number, question in enumerate(section.questions, start=1)
                if not _settled(stored.get(question.id))
            ),
        )
        for section in guide().sections
        for session in (held.get(section.id),)
    )


def _settled(answer: GuideAnswer | None) -> bool:
    """A question is settled by an agreed answer, or by a recorded reason why
    the room agreed nothing."""
    return bool(answer and (answer.agreed.strip() or answer.nothing_agreed.strip()))


def planning_facts(engagement: Engagement) -> dict:
    """The planning fields of the engagement's progress facts."""
    blocking = {obstacle.blocker for obstacle in obstacles(engagement)}
    row = db.session.get(PlanningState, engagement.id)
    return {
        "workshops_held": not blocking & rules.HOLLOW_SESSION,
        "vision_set": rules.Blocker.NO_VISION not in blocking,
        "goals_measured": not blocking
        & {rules.Blocker.NO_GOALS, rules.Blocker.GOAL_WITHOUT_MEASURE},
        "planning_closed": bool(row and row.closed_at),
    }


def close(engagement: Engagement, user_id: int | None) -> list[rules.Obstacle]:
    """Close planning if nothing stands in the way, and say so in the activity
    feed; returns what stands in the way."""
    found = obstacles(engagement)
    if not found:
        state(engagement).closed_at = utcnow()
        activity.record(
            engagement.id, user_id, ActivityKind.PHASE_CLOSED, Phase.PLANNING
        )
        db.session.commit()
    return found


def reopen(engagement: Engagement, user_id: int | None) -> None:
    """Open planning again for changes, and say who did in the activity feed."""
    if closed_at(engagement.id) is None:
        return
    state(engagement).closed_at = None
    activity.record(engagement.id, user_id, ActivityKind.PHASE_REOPENED, Phase.PLANNING)
    db.session.commit()


# --- a goal's measures, changed from planning's pages ------------------------


def save_measure(
    engagement: Engagement,
    measure: Measure | None,
    basics: measures.MeasureBasics,
    tracking: measures.MeasureTracking | None = None,
) -> Measure:
    """Add or change a goal's measure through the scorecard's one owner, while
    planning is open."""
    ensure_open(engagement.id)
    return measures.save_measure(engagement, measure, basics, tracking)


def remove_measure(measure: Measure, user_id: int | None) -> None:
    """Remove a goal's measure, while planning is open."""
    ensure_open(measure.engagement_id)
    measures.remove_measure(measure, user_id)
