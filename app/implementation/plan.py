"""The transition plan and the review log, joined with the rules of
``assessments.transition``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app import activity, revisions
from app.extensions import db
from app.models import Engagement, Review, TransitionSettings, WorkPackage
from app.models.columns import assign
from app.refusals import Refusal, check_member
from assessments import transition
from assessments.oversight import ActivityKind, Removable


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


@dataclass(frozen=True)
class PlanView:
    """The plan as its page, the dashboard and the report show it."""

    packages: list[WorkPackage]
    length: transition.PlanLength | None
    settings: TransitionSettings
    overdue: set[int]
    starts_too_early: set[int]


def plan_view(engagement_id: int, today: date) -> PlanView:
    rows = packages(engagement_id)
    limits = settings(engagement_id)
    facts = [_facts(row) for row in rows]
    return PlanView(
        packages=rows,
        length=transition.span(facts, limits.shortest_months, limits.longest_months),
        settings=limits,
        overdue={p.id for p in facts if transition.is_overdue(p, today)},
        starts_too_early=transition.starts_too_early(facts),
    )


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


def save_package(
    engagement: Engagement,
    package: WorkPackage | None,
    details: WorkPackageDetails,
    seen: int,
) -> WorkPackage:
    """Add or change a package. Its dependency and owner must be this
    engagement's, and no chain of dependencies may lead back to it. ``seen``
    is the revision the form showed: a package someone saved since then is
    not overwritten (checked first, so that every other refusal is about
    the package as this person saw it)."""
    revisions.check_seen(package, seen)
    if details.ends_on < details.starts_on:
        raise Refusal("ends_before_start")
    check_member(engagement, details.owner_id)
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
    """The review log, newest first."""
    return list(
        db.session.scalars(
            select(Review)
            .options(selectinload(Review.owner))
            .where(Review.engagement_id == engagement_id)
            .order_by(Review.held_on.desc(), Review.id.desc())
        )
    )


@dataclass(frozen=True)
class ReviewDetails:
    """An entry of the review log: what was found, what is to be done, and
    who follows the actions up."""

    held_on: date
    findings: str
    actions: str = ""
    owner_id: int | None = None


def save_review(
    engagement: Engagement,
    review: Review | None,
    details: ReviewDetails,
    user_id: int | None,
) -> Review:
    """Add or change an entry of the review log; the owner must be a member
    of the engagement. The activity feed says a review was recorded."""
    check_member(engagement, details.owner_id)
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


def remove_review(review: Review, user_id: int | None) -> None:
    """Remove an entry of the review log, and say so in the activity feed."""
    activity.record_removal(
        review.engagement_id, user_id, Removable.REVIEW, review.held_on.isoformat()
    )
    db.session.delete(review)
    db.session.commit()
