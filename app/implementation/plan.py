"""The transition plan and the review log, joined with the rules of
``assessments.transition``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import activity, revisions
from app.extensions import db
from app.implementation import factors
from app.implementation.gaps import latest_gap_analysis
from app.models import (
    ActionStatus,
    Engagement,
    Measure,
    OrgPerson,
    QuestionnaireTake,
    Review,
    ReviewAction,
    TransitionSettings,
    User,
    WorkPackage,
)
from app.models.columns import assign
from app.questionnaires import takes
from app.refusals import Refusal
from app.tenancy import owned
from assessments import gaps, transition
from assessments.oversight import ActivityKind, Removable
from assessments.questionnaire import QuestionnaireId

#: how long a package drafted from a priority runs until someone plans it
DRAFT_DAYS = 90


def packages(engagement_id: int) -> list[WorkPackage]:
    """The plan's packages in the order they start."""
    return list(
        db.session.scalars(
            select(WorkPackage)
            .options(
                selectinload(WorkPackage.owner), selectinload(WorkPackage.depends_on)
            )
            .where(WorkPackage.engagement_id == engagement_id)
            .order_by(WorkPackage.starts_on, WorkPackage.ends_on, WorkPackage.id)
        )
    )


def settings(engagement_id: int) -> TransitionSettings:
    """The plan-length limits; the method's defaults until someone sets them."""
    return db.session.get(TransitionSettings, engagement_id) or TransitionSettings(
        engagement_id=engagement_id,
        shortest_months=transition.SHORTEST_MONTHS,
        longest_months=transition.LONGEST_MONTHS,
    )


def save_settings(engagement_id: int, shortest: int, longest: int) -> None:
    if shortest >= longest:
        raise Refusal("limits")
    row = settings(engagement_id)
    row.shortest_months, row.longest_months = shortest, longest
    db.session.add(row)
    db.session.commit()


def _facts(package: WorkPackage) -> transition.Package:
    return transition.Package(
        package.id,
        package.starts_on,
        package.ends_on,
        package.status,
        package.depends_on_id,
    )


def people(engagement_id: int, kept: OrgPerson | None = None) -> list[OrgPerson]:
    """Who can own work: the project organisation today (logins or not),
    and ``kept``, an owner already named though they have left it."""
    current = list(
        db.session.scalars(
            select(OrgPerson)
            .where(
                OrgPerson.engagement_id == engagement_id,
                OrgPerson.left_on.is_(None),
            )
            .order_by(OrgPerson.name, OrgPerson.id)
        )
    )
    if kept is not None and kept not in current:
        current.append(kept)
    return current


def _check_person(engagement_id: int, person_id: int | None) -> None:
    """Refuse an owner who is not a person of this engagement's organisation."""
    if person_id and owned(OrgPerson, person_id, engagement_id) is None:
        raise Refusal("unknown_owner")


@dataclass(frozen=True)
class PlanView:
    """The plan as its page, the dashboard and the report show it."""

    packages: list[WorkPackage]
    length: transition.PlanLength | None
    settings: TransitionSettings
    overdue: set[int]
    starts_too_early: set[int]
    #: under way while the package they wait for is overdue
    waits_on_overdue: set[int]
    #: the gap analysis's priorities no package names, ranked
    uncovered: list[gaps.Gap]
    pilot: factors.PilotCheck


def plan_view(engagement: Engagement, today: date) -> PlanView:
    rows = packages(engagement.id)
    limits = settings(engagement.id)
    facts = [_facts(row) for row in rows]
    return PlanView(
        packages=rows,
        length=transition.span(facts, limits.shortest_months, limits.longest_months),
        settings=limits,
        overdue={p.id for p in facts if transition.is_overdue(p, today)},
        starts_too_early=transition.starts_too_early(facts),
        waits_on_overdue=transition.waits_on_overdue(facts, today),
        uncovered=_uncovered(engagement, rows),
        pilot=factors.pilot_check(engagement, rows),
    )


def _uncovered(engagement: Engagement, rows: list[WorkPackage]) -> list[gaps.Gap]:
    analysis = latest_gap_analysis(engagement)
    if analysis is None:
        return []
    covered = {code for row in rows for code in row.closes}
    return gaps.uncovered(analysis.priorities, covered)


def draft_from_priorities(
    engagement: Engagement, today: date, title: Callable[[gaps.Gap], str]
) -> int:
    """A planned package for each priority no package names yet, in their
    ranked order, naming its gap and carrying its note; returns how many.
    Owner and dates are the team's to set."""
    drafted = _uncovered(engagement, packages(engagement.id))
    for cell in drafted:
        db.session.add(
            WorkPackage(
                engagement_id=engagement.id,
                title=title(cell)[:200],
                starts_on=today,
                ends_on=today + timedelta(days=DRAFT_DAYS),
                closes=[cell.code],
                notes=cell.note,
            )
        )
    db.session.commit()
    return len(drafted)


def overdue(engagement_id: int, today: date) -> list[WorkPackage]:
    """Packages past their end and not done, the longest overdue first."""
    return list(
        db.session.scalars(
            select(WorkPackage)
            .options(selectinload(WorkPackage.owner))
            .where(
                WorkPackage.engagement_id == engagement_id,
                WorkPackage.ends_on < today,
                WorkPackage.status != transition.WorkStatus.DONE,
            )
            .order_by(WorkPackage.ends_on)
        )
    )


@dataclass(frozen=True)
class WorkPackageDetails:
    """A step of the transition plan: what, who, when, and what it waits
    for. A milestone ends the day it starts."""

    title: str
    starts_on: date
    ends_on: date
    owner_id: int | None = None
    status: transition.WorkStatus = transition.WorkStatus.PLANNED
    is_milestone: bool = False
    depends_on_id: int | None = None
    notes: str = ""
    #: the cells whose gaps it closes, as ``gaps.cell_code``s
    closes: list[str] = field(default_factory=list)
    is_pilot: bool = False


def save_package(
    engagement: Engagement,
    package: WorkPackage | None,
    details: WorkPackageDetails,
    seen: int,
) -> WorkPackage:
    """Add or change a package. Its dependency and owner (a person of the
    organisation) must be this engagement's, the gaps it closes cells of the
    gap analysis, and no chain of dependencies may lead back to it. The
    plan's pilot is one package: marking this one un-marks the other.
    ``seen`` is the revision the form showed: a package someone saved since
    then is not overwritten (checked first, so that every other refusal is
    about the package as this person saw it)."""
    revisions.check_seen(package, seen)
    if details.ends_on < details.starts_on:
        raise Refusal("ends_before_start")
    _check_person(engagement.id, details.owner_id)
    if any(gaps.cell_of(code) is None for code in details.closes):
        raise Refusal("unknown_gap")
    depends_on = details.depends_on_id
    dependencies = {p.id: p.depends_on_id for p in packages(engagement.id)}
    if depends_on and depends_on not in dependencies:
        raise Refusal("unknown_dependency")
    if (
        depends_on
        and package
        and transition.would_loop(dependencies, package.id, depends_on)
    ):
        raise Refusal("dependency_loop")
    package = package or WorkPackage(engagement_id=engagement.id)
    assign(package, details)
    if details.is_pilot:
        for other in packages(engagement.id):
            other.is_pilot = other is package
    db.session.add(package)
    revisions.commit()
    return package


def remove_package(package: WorkPackage, user_id: int | None) -> None:
    """Remove a work package (packages that waited for it wait for nothing),
    and say so in the activity feed."""
    activity.record_removal(
        package.engagement_id, user_id, Removable.WORK_PACKAGE, package.title
    )
    db.session.delete(package)
    db.session.commit()


# --- the review log ----------------------------------------------------------


def reviews(engagement_id: int) -> list[Review]:
    """The review log, newest first, with each review's actions."""
    return list(
        db.session.scalars(
            select(Review)
            .options(
                selectinload(Review.owner),
                selectinload(Review.factors_take),
                selectinload(Review.actions).selectinload(ReviewAction.owner),
                selectinload(Review.actions).selectinload(ReviewAction.work_package),
                selectinload(Review.actions).selectinload(ReviewAction.measure),
            )
            .where(Review.engagement_id == engagement_id)
            .order_by(Review.held_on.desc(), Review.id.desc())
        )
    )


@dataclass(frozen=True)
class ReviewDetails:
    """An entry of the review log: what was found, and who follows its
    actions up (a person of the organisation)."""

    held_on: date
    findings: str
    owner_id: int | None = None


def save_review(
    engagement: Engagement,
    review: Review | None,
    details: ReviewDetails,
    user_id: int | None,
) -> Review:
    """Add or change an entry of the review log; the owner must be a person
    of the engagement's organisation. The activity feed says a review was
    recorded."""
    _check_person(engagement.id, details.owner_id)
    review = review or Review(engagement_id=engagement.id)
    assign(review, details)
    db.session.add(review)
    activity.record(
        engagement.id,
        user_id,
        ActivityKind.REVIEW_RECORDED,
        review.held_on.isoformat(),
    )
    db.session.commit()
    return review


def factor_checks(engagement: Engagement) -> list[QuestionnaireTake]:
    """The takes of the success factors a review can link, newest first."""
    return takes.takes(engagement, QuestionnaireId.SUCCESS_FACTORS)


def link_recheck(
    engagement: Engagement, review: Review, take_id: int | None, user: User
) -> QuestionnaireTake:
    """Link a check of the success factors to the review: the take named,
    else a new one started for it (the open one, if a check is under way).
    Refused ("unknown_take") for a take that is not this engagement's
    checklist."""
    if take_id:
        take = owned(
            QuestionnaireTake,
            take_id,
            engagement.id,
            where=QuestionnaireTake.questionnaire == QuestionnaireId.SUCCESS_FACTORS,
        )
        if take is None:
            raise Refusal("unknown_take")
    else:
        take = takes.latest_take(engagement, QuestionnaireId.SUCCESS_FACTORS)
        if take is None or take.completed_at is not None:
            take = takes.start_take(engagement, QuestionnaireId.SUCCESS_FACTORS, user)
    review.factors_take = take
    db.session.commit()
    return take


@dataclass(frozen=True)
class ActionDetails:
    """An action a review agreed: who does what by when, and what it is about."""

    text: str
    owner_id: int | None = None
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    work_package_id: int | None = None
    measure_id: int | None = None


def save_action(
    review: Review, action: ReviewAction | None, details: ActionDetails
) -> ReviewAction:
    """Add or change an action of a review. Its owner, work package and
    measure must be this engagement's (refused: "unknown_owner",
    "unknown_package", "unknown_measure")."""
    engagement_id = review.engagement_id
    _check_person(engagement_id, details.owner_id)
    for model, row_id, code in (
        (WorkPackage, details.work_package_id, "unknown_package"),
        (Measure, details.measure_id, "unknown_measure"),
    ):
        if row_id and owned(model, row_id, engagement_id) is None:
            raise Refusal(code)
    action = action or ReviewAction(engagement_id=engagement_id, review=review)
    assign(action, details)
    db.session.add(action)
    db.session.commit()
    return action


def remove_review(review: Review, user_id: int | None) -> None:
    """Remove an entry of the review log, and say so in the activity feed."""
    activity.record_removal(
        review.engagement_id, user_id, Removable.REVIEW, review.held_on.isoformat()
    )
    db.session.delete(review)
    db.session.commit()
