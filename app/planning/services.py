"""Workshop sessions, the guide's answers, strategies, vision and goals.

The only place where the planning views meet the database and the core, but
for a goal's measures: those save through ``app.measures.services``, the one
owner of the scorecard's rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import activity, revisions
from app.extensions import db
from app.measures.services import goals
from app.models import (
    BusinessStrategy,
    Engagement,
    Goal,
    GuideAnswer,
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
from assessments import planning as rules
from assessments.organisation import Department
from assessments.oversight import Removable
from assessments.planning import CrmStrategy
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
            )
        )
        .where(WorkshopSession.engagement_id == engagement.id)
    )
    return {row.section_id: row for row in rows}


def working_group(engagement: Engagement) -> list[OrgPerson]:
    """The people a session can draw on: the planning working group."""
    return list(
        db.session.scalars(
            select(OrgPerson)
            .where(
                OrgPerson.engagement_id == engagement.id,
                OrgPerson.in_working_group.is_(True),
            )
            .order_by(OrgPerson.department, OrgPerson.is_front_line, OrgPerson.name)
        )
    )


@dataclass(frozen=True)
class SessionDetails:
    held_on: date | None
    facilitator: str
    held: bool
    invited: frozenset[int]
    attended: frozenset[int]


def save_session(
    engagement: Engagement, section_id: str, details: SessionDetails
) -> WorkshopSession:
    """Record a session's date, facilitator, participants and attendance."""
    session = sessions(engagement).get(section_id) or WorkshopSession(
        engagement_id=engagement.id, section_id=section_id
    )
    session.held_on = details.held_on
    session.facilitator = details.facilitator.strip()
    session.held = details.held
    allowed = {person.id for person in working_group(engagement)}
    # A person invited again keeps their row: a new one beside the old would
    # be inserted before the old is deleted, against the unique key.
    kept = {p.person_id: p for p in session.participants}
    session.participants = [
        kept.get(person_id) or SessionParticipant(person_id=person_id)
        for person_id in sorted(details.invited & allowed)
    ]
    for participant in session.participants:
        participant.attended = participant.person_id in details.attended
    db.session.add(session)
    db.session.commit()
    return session


def empty_seats(session: WorkshopSession | None) -> list[rules.EmptySeat]:
    """The working-group seats a session leaves empty: of those who attended once
    it was held, of those invited before."""
    if session is None:
        return rules.empty_seats(())
    present = [p.person for p in session.participants if p.attended or not session.held]
    return rules.empty_seats(
        tuple(rules.Participant(p.name, p.department, p.is_front_line) for p in present)
    )


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


def save_answer(
    engagement: Engagement,
    question: Question,
    notes: str,
    agreed: str,
    seen: int,
    user: User,
) -> GuideAnswer:
    """Store the notes and the agreed answer of one guide question. ``seen``
    is the revision the page showed: when someone saved the question since,
    nothing is stored and ``Refusal("changed")`` says so."""
    answer = answers(engagement).get(question.id)
    revisions.check_seen(answer, seen)
    answer = answer or GuideAnswer(engagement_id=engagement.id, question_id=question.id)
    answer.notes = notes
    answer.agreed = agreed.strip()
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
    state(engagement).vision = vision.strip()
    db.session.commit()


# --- goals (their measures save through app.measures) -----------------------


def remove_goal(goal: Goal, user_id: int | None) -> None:
    """Remove a goal with its measures, and say so in the activity feed."""
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
    """Add or change a goal; its strategy must be one of this engagement's."""
    strategy_id = details.strategy_id or None
    if strategy_id and strategy_id not in {s.id for s in strategies(engagement)}:
        raise Refusal("unknown_strategy")
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
    held = sum(1 for session in sessions(engagement).values() if session.held)
    row = db.session.get(PlanningState, engagement.id)
    facts = rules.PlanningFacts(
        sessions_held=held,
        vision=row.vision if row else "",
        goals=tuple(
            rules.GoalFacts(goal.title, len(goal.measures))
            for goal in goals(engagement)
        ),
    )
    return rules.completion_obstacles(facts)


def planning_facts(engagement: Engagement) -> dict:
    """The planning fields of the engagement's progress facts."""
    blocking = {obstacle.blocker for obstacle in obstacles(engagement)}
    row = db.session.get(PlanningState, engagement.id)
    return {
        "workshops_held": rules.Blocker.SESSIONS_NOT_HELD not in blocking,
        "vision_set": rules.Blocker.NO_VISION not in blocking,
        "goals_measured": not blocking
        & {rules.Blocker.NO_GOALS, rules.Blocker.GOAL_WITHOUT_MEASURE},
        "planning_closed": bool(row and row.closed_at),
    }


def close(engagement: Engagement) -> list[rules.Obstacle]:
    """Close planning if nothing stands in the way; returns what does."""
    found = obstacles(engagement)
    if not found:
        state(engagement).closed_at = utcnow()
        db.session.commit()
    return found


def reopen(engagement: Engagement) -> None:
    state(engagement).closed_at = None
    db.session.commit()
