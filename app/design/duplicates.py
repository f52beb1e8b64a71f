"""Customers entered twice: the suggested pairs, and merging one record into
another in one database transaction.

A merge moves the absorbed customer's contacts, sales, complaints and
interactions to the kept one, fills the kept record's empty fields from the
absorbed one (never overwriting), keeps one value-group override, joins the
customisation notes, and deletes the absorbed record. Earlier analyses are
history and stay as they were: their rows keep the account number, and the
database sets their link to the deleted customer to NULL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from math import ceil
from typing import Any

import pandas as pd
from sqlalchemy import delete, func, select, update

from app import activity
from app.extensions import db
from app.models import (
    Complaint,
    Contact,
    Customer,
    Engagement,
    GroupOverride,
    Interaction,
    Transaction,
    User,
)
from app.models.design import CUSTOMER_FIELDS
from app.refusals import Refusal
from assessments import duplicates
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


#: The last suggestions per engagement, with the state of the customers they
#: were computed from: paging through 100,000 customers' pairs then costs one
#: small query per page instead of the whole comparison (seconds) each time.
_SUGGESTED: dict[tuple[str, int], tuple[tuple, pd.DataFrame]] = {}
_SUGGESTED_KEPT = 8


def _suggested_pairs(engagement_id: int) -> pd.DataFrame:
    state = tuple(
        db.session.execute(
            select(
                func.count(Customer.id),
                func.sum(Customer.id),
                func.max(Customer.updated_at),
            ).where(Customer.engagement_id == engagement_id)
        ).one()
    )
    key = (str(db.engine.url), engagement_id)
    cached = _SUGGESTED.get(key)
    if cached is not None and cached[0] == state:
        return cached[1]
    rows = db.session.execute(
        select(Customer.id, Customer.name, Customer.email, Customer.phone).where(
            Customer.engagement_id == engagement_id
        )
    ).all()
    found = duplicates.suggest(
        pd.DataFrame(rows, columns=["id", "name", "email", "phone"])
    )
    if len(_SUGGESTED) >= _SUGGESTED_KEPT:
        _SUGGESTED.pop(next(iter(_SUGGESTED)))
    _SUGGESTED[key] = (state, found)
    return found


def suggestions(
    engagement: Engagement, page: int = 1, per_page: int = PER_PAGE
) -> SuggestionPage:
    """One page of the engagement's likely duplicate pairs, best first.

    The customers are read with one query and compared in pandas; a page
    past the end shows the last one (after merges the list gets shorter)."""
    found = _suggested_pairs(engagement.id)
    total = len(found)
    page = min(max(page, 1), max(1, ceil(total / per_page)))
    window = found.iloc[(page - 1) * per_page : page * per_page]
    ids = {int(i) for i in window["first_id"]} | {int(i) for i in window["second_id"]}
    records = _customers(engagement.id, ids)
    sales = _transaction_counts(engagement.id, ids)
    items = [
        Suggestion(
            first=records[int(row.first_id)],
            second=records[int(row.second_id)],
            score=int(row.score),
            reasons=tuple(row.reasons),
            first_transactions=sales.get(int(row.first_id), 0),
            second_transactions=sales.get(int(row.second_id), 0),
        )
        for row in window.itertuples(index=False)
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
