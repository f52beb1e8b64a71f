"""Customers entered twice: the suggested pairs, and merging one record into
another in one database transaction.

Comparing 100,000 customers takes seconds, so a job finds the pairs and keeps
them in the database (DuplicatePair) with the state of the customers it
compared; the list pages through them, and a merge mends them at once.

A merge moves the absorbed customer's contacts, sales, complaints and
interactions to the kept one, fills the kept record's empty fields from the
absorbed one (never overwriting), keeps one value-group override, joins the
customisation notes, and deletes the absorbed record. Earlier analyses are
history and stay as they were: their rows keep the account number, and the
database sets their link to the deleted customer to NULL.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from math import ceil
from typing import Any

import pandas as pd
from sqlalchemy import delete, func, insert, or_, select, update

from app import activity
from app.extensions import db
from app.jobs import services as jobs
from app.models import (
    Complaint,
    Contact,
    Customer,
    DuplicatePair,
    Engagement,
    GroupOverride,
    Interaction,
    Job,
    Transaction,
    User,
)
from app.models.design import CUSTOMER_FIELDS
from app.refusals import Refusal
from assessments import duplicates
from assessments.jobs import JobKind, JobStatus, Stage
from assessments.oversight import ActivityKind

logger = logging.getLogger(__name__)

PER_PAGE = 20

#: Fields a merge fills on the kept record when it has none, in page order.
FILLABLE = CUSTOMER_FIELDS[1:]
#: What a merge moves, by the name the pages count it under.
MOVED = {
    "contacts": Contact,
    "transactions": Transaction,
    "complaints": Complaint,
    "interactions": Interaction,
}
NOTES_SEPARATOR = "\n\n---\n"


# --- suggestions --------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    """Two customers that may be one, why, and how many sales each has."""

    first: Customer
    second: Customer
    score: int
    reasons: tuple[str, ...]
    first_transactions: int
    second_transactions: int


@dataclass(frozen=True)
class SuggestionPage:
    """One page of suggestions; reads like Flask-SQLAlchemy's pagination."""

    items: list[Suggestion]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None


def state(engagement_id: int) -> list:
    """The state of the engagement's customers, in a few numbers any change
    of them changes (how many, which ids, the last edit): suggestions found
    in another state are outdated, on whichever server looks."""
    count, ids, edited = db.session.execute(
        select(
            func.count(Customer.id),
            func.coalesce(func.sum(Customer.id), 0),
            func.max(Customer.updated_at),
        ).where(Customer.engagement_id == engagement_id)
    ).one()
    return [count, int(ids), edited.isoformat() if edited else None]


def _search_key(customers_state: list) -> str:
    digest = hashlib.sha256(json.dumps(customers_state).encode()).hexdigest()
    return f"{JobKind.DUPLICATES.value}:{digest}"


def current(engagement_id: int) -> Job | None:
    """The last search for duplicates, if the customers are still as it
    found them."""
    job = db.session.scalar(
        select(Job)
        .where(
            Job.engagement_id == engagement_id,
            Job.kind == JobKind.DUPLICATES,
            Job.status == JobStatus.DONE,
        )
        .order_by(Job.id.desc())
        .limit(1)
    )
    if job is None or job.outcome.get("state") != state(engagement_id):
        return None
    return job


def search(engagement: Engagement, user: User) -> Job:
    """Start looking for duplicates among the customers as they are now, or
    hand back the search of them already under way (two tabs, two servers)."""
    return jobs.start(
        engagement,
        JobKind.DUPLICATES,
        user,
        {},
        key=_search_key(state(engagement.id)),
    )


@jobs.runs(JobKind.DUPLICATES, "design.duplicates", None)
def run_search(job: Job) -> int:
    """Compare every customer with the others and keep the pairs, in place
    of any earlier search's (the list shows the latest search's). The state
    is read before the customers: an edit in between makes the pairs look
    outdated (and found again), never the other way round."""
    jobs.step(job, Stage.READING_CUSTOMERS)
    found_in = state(job.engagement_id)
    frame = _frame(
        db.session.execute(
            select(Customer.id, Customer.name, Customer.email, Customer.phone).where(
                Customer.engagement_id == job.engagement_id
            )
        ).all()
    )
    jobs.step(job, Stage.COMPARING)
    found = duplicates.suggest(
        frame, lambda done, total: jobs.step(job, Stage.COMPARING, done, total)
    )
    jobs.step(job, Stage.STORING)
    db.session.execute(
        delete(DuplicatePair).where(
            DuplicatePair.job_id.in_(
                select(Job.id).where(
                    Job.engagement_id == job.engagement_id,
                    Job.kind == JobKind.DUPLICATES,
                    Job.id < job.id,  # a later search, done first, stays
                )
            )
        )
    )
    _store(job.id, found)
    job.outcome = {"state": found_in}
    db.session.commit()
    return job.id


def _frame(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "name", "email", "phone"])


def _store(job_id: int, found: pd.DataFrame) -> None:
    if found.empty:
        return
    db.session.execute(
        insert(DuplicatePair.__table__),  # plain rows: tens of thousands at once
        [
            {
                "job_id": job_id,
                "first_id": int(row.first_id),
                "second_id": int(row.second_id),
                "score": int(row.score),
                "reasons": " ".join(row.reasons),
            }
            for row in found.itertuples(index=False)
        ],
    )


def suggestions(job: Job, page: int = 1, per_page: int = PER_PAGE) -> SuggestionPage:
    """One page of the pairs a search found, best first: one small query
    per page, however many customers were compared. A page past the end
    shows the last one (after merges the list gets shorter)."""
    of_job = DuplicatePair.job_id == job.id
    total = db.session.scalar(select(func.count()).where(of_job)) or 0
    page = min(max(page, 1), max(1, ceil(total / per_page)))
    window = db.session.scalars(
        select(DuplicatePair)
        .where(of_job)
        .order_by(
            DuplicatePair.score.desc(), DuplicatePair.first_id, DuplicatePair.second_id
        )
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    ids = {pair.first_id for pair in window} | {pair.second_id for pair in window}
    records = _customers(job.engagement_id, ids)
    sales = _transaction_counts(job.engagement_id, ids)
    items = [
        Suggestion(
            first=records[pair.first_id],
            second=records[pair.second_id],
            score=pair.score,
            reasons=tuple(pair.reasons.split()),
            first_transactions=sales.get(pair.first_id, 0),
            second_transactions=sales.get(pair.second_id, 0),
        )
        for pair in window
    ]
    return SuggestionPage(items=items, page=page, per_page=per_page, total=total)


def _customers(engagement_id: int, ids: set[int]) -> dict[int, Customer]:
    if not ids:
        return {}
    found = db.session.scalars(
        select(Customer).where(
            Customer.engagement_id == engagement_id, Customer.id.in_(ids)
        )
    )
    return {customer.id: customer for customer in found}


def _transaction_counts(engagement_id: int, ids: set[int]) -> dict[int, int]:
    if not ids:
        return {}
    counts = db.session.execute(
        select(Transaction.customer_id, func.count())
        .where(
            Transaction.engagement_id == engagement_id,
            Transaction.customer_id.in_(ids),
        )
        .group_by(Transaction.customer_id)
    ).all()
    return {customer_id: count for customer_id, count in counts}


# --- merging ------------------------------------------------------------------


@dataclass(frozen=True)
class MergePlan:
    """What merging ``absorb`` into ``keep`` does (or did)."""

    keep: Customer
    absorb: Customer
    #: rows moved, by kind: contacts, transactions, complaints, interactions
    moves: dict[str, int]
    #: the fields of the kept record filled from the absorbed one, with the value
    filled: dict[str, Any]
    #: the kept record keeps its own override
    keeps_override: bool
    #: the absorbed record's override moves to the kept one
    moves_override: bool
    #: the absorbed record's customisation notes are added to the kept one's
    joins_notes: bool

    @property
    def moved_total(self) -> int:
        return sum(self.moves.values())


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check(engagement: Engagement, keep: Customer, absorb: Customer) -> None:
    if keep.id == absorb.id:
        raise Refusal("same_customer")
    if keep.engagement_id != engagement.id or absorb.engagement_id != engagement.id:
        raise Refusal("other_engagement")


def merge_plan(engagement: Engagement, keep: Customer, absorb: Customer) -> MergePlan:
    """What a merge would move and fill; changes nothing."""
    _check(engagement, keep, absorb)
    moves = {
        kind: _count(engagement.id, model, absorb.id) for kind, model in MOVED.items()
    }
    filled = {
        name: getattr(absorb, name)
        for name in FILLABLE
        if _is_empty(getattr(keep, name)) and not _is_empty(getattr(absorb, name))
    }
    overrides = set(
        db.session.scalars(
            select(GroupOverride.customer_id).where(
                GroupOverride.customer_id.in_((keep.id, absorb.id))
            )
        )
    )
    return MergePlan(
        keep=keep,
        absorb=absorb,
        moves=moves,
        filled=filled,
        keeps_override=keep.id in overrides,
        moves_override=keep.id not in overrides and absorb.id in overrides,
        joins_notes=not _is_empty(absorb.customisation_notes),
    )


def _count(engagement_id: int, model, customer_id: int) -> int:
    query = (
        select(func.count()).select_from(model).where(model.customer_id == customer_id)
    )
    if model is not Contact:  # contacts reach the engagement through the customer
        query = query.where(model.engagement_id == engagement_id)
    return db.session.scalar(query) or 0


def merge(
    engagement: Engagement, keep: Customer, absorb: Customer, user: User
) -> MergePlan:
    """Merge ``absorb`` into ``keep`` in one transaction and commit it.

    Refuses (and changes nothing) when the two are one record
    ("same_customer"), belong to another engagement ("other_engagement"), or
    one of them is gone meanwhile ("gone")."""
    _check(engagement, keep, absorb)
    try:
        # Lock both rows (PostgreSQL) and read them afresh: a merge of the same
        # records in another tab must not run twice.
        locked = db.session.scalars(
            select(Customer)
            .where(
                Customer.engagement_id == engagement.id,
                Customer.id.in_((keep.id, absorb.id)),
            )
            .order_by(Customer.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).all()
        if len(locked) != 2:
            raise Refusal("gone")
        plan = merge_plan(engagement, keep, absorb)
        found = current(engagement.id)
        partners = _partners(found, keep.id, absorb.id) if found else set()
        _move_rows(engagement.id, keep.id, absorb.id)
        if plan.moves_override:
            db.session.execute(
                update(GroupOverride)
                .where(GroupOverride.customer_id == absorb.id)
                .values(customer_id=keep.id)
                .execution_options(synchronize_session=False)
            )
        for name, value in plan.filled.items():
            setattr(keep, name, value)
        if plan.joins_notes:
            notes = absorb.customisation_notes.strip()
            kept = (keep.customisation_notes or "").strip()
            keep.customisation_notes = (
                f"{kept}{NOTES_SEPARATOR}{absorb.account_number}: {notes}"
                if kept
                else notes
            )
        db.session.flush()
        # The absorbed record's own override (when the kept one has its own)
        # goes with it by the foreign key's cascade; analyses keep their rows.
        db.session.execute(
            delete(Customer)
            .where(Customer.id == absorb.id, Customer.engagement_id == engagement.id)
            .execution_options(synchronize_session=False)
        )
        db.session.expunge(absorb)
        if found:
            _mend(found, keep.id, partners)
        half = activity.NAME_KEPT // 2  # each name at most half of what is kept
        activity.record(
            engagement.id,
            user.id,
            ActivityKind.CUSTOMERS_MERGED,
            f"{named(absorb)[:half]}\n{named(keep)[:half]}",
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    logger.info(
        "Customer %s merged into %s in engagement %s by user %s: %s",
        plan.absorb.account_number,
        plan.keep.account_number,
        engagement.id,
        user.id,
        plan.moves,
    )
    return plan


def _partners(search: Job, keep_id: int, absorb_id: int) -> set[int]:
    """The customers the search paired with either of the two."""
    two = (keep_id, absorb_id)
    pairs = db.session.execute(
        select(DuplicatePair.first_id, DuplicatePair.second_id).where(
            DuplicatePair.job_id == search.id,
            or_(DuplicatePair.first_id.in_(two), DuplicatePair.second_id.in_(two)),
        )
    ).all()
    return {id_ for pair in pairs for id_ in pair} - set(two)


def _mend(search: Job, keep_id: int, partners: set[int]) -> None:
    """Bring a current search up to date after a merge, in its transaction,
    instead of comparing every customer again: the absorbed record's pairs
    went with it, and the kept one's are found again among the customers
    either was paired with. Only they can pair with it anew: what the kept
    record gained are the absorbed one's values, whose matches the search
    had paired with the absorbed record already."""
    db.session.execute(
        delete(DuplicatePair).where(
            DuplicatePair.job_id == search.id,
            or_(DuplicatePair.first_id == keep_id, DuplicatePair.second_id == keep_id),
        )
    )
    rows = db.session.execute(
        select(Customer.id, Customer.name, Customer.email, Customer.phone).where(
            Customer.engagement_id == search.engagement_id,
            Customer.id.in_(partners | {keep_id}),
        )
    ).all()
    found = duplicates.suggest(_frame(rows))
    _store(
        search.id,
        found[(found["first_id"] == keep_id) | (found["second_id"] == keep_id)],
    )
    search.outcome = {"state": state(search.engagement_id)}


def named(customer: Customer) -> str:
    """The customer as a merge's message and the feed name it."""
    return f"{customer.name} ({customer.account_number})"


def _move_rows(engagement_id: int, keep_id: int, absorb_id: int) -> None:
    """Repoint the absorbed customer's rows with one UPDATE per table."""
    for model in MOVED.values():
        statement = update(model).where(model.customer_id == absorb_id)
        if model is not Contact:
            statement = statement.where(model.engagement_id == engagement_id)
        db.session.execute(
            statement.values(customer_id=keep_id).execution_options(
                synchronize_session=False
            )
        )
