"""Customers and what happened with them: the list, one customer's page, their
contacts, interactions, notes and value-group override."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select

from app import activity
from app.extensions import db
from app.models import (
    Complaint,
    Contact,
    Customer,
    GroupOverride,
    Interaction,
    Snapshot,
    SnapshotResult,
    Transaction,
    User,
)
from app.models.columns import assign, utcnow
from app.refusals import Refusal
from app.url_values import paginate
from assessments import data_quality
from assessments.idic import Channel, InteractionDirection, LifecycleStage
from assessments.oversight import ActivityKind, Removable
from assessments.value_groups import ValueGroup

PER_PAGE = 50


@dataclass(frozen=True)
class CustomerFilter:
    """What the customer list is narrowed to; empty values mean "all"."""

    search: str = ""
    stage: LifecycleStage | None = None
    group: str = ""
    abc: str = ""
    flag: str = ""

    @property
    def needs_snapshot(self) -> bool:
        return bool(self.group or self.abc or self.flag)


def customer_page(
    engagement_id: int, snapshot: Snapshot | None, chosen: CustomerFilter, page: int
) -> tuple[Pagination, dict[str, SnapshotResult]]:
    """One page of customers, and their rows of the snapshot by account number.

    The snapshot row is matched on the account number, the key the snapshot
    keeps; group, class and flag filters need a snapshot."""
    # Ids first, from the covering index alone; then the page's 50 rows.
    query = (
        select(Customer.id)
        .where(Customer.engagement_id == engagement_id)
        .order_by(Customer.name, Customer.id)
    )
    if chosen.search:
        query = query.where(_matches(chosen.search))
    if chosen.stage:
        query = query.where(Customer.lifecycle_stage == chosen.stage)
    if snapshot is not None and chosen.needs_snapshot:
        # A semi-join: the list still walks its covering index in name order.
        query = query.where(
            Customer.account_number.in_(
                select(SnapshotResult.account_number).where(
                    SnapshotResult.snapshot_id == snapshot.id,
                    *_result_filters(chosen),
                )
            )
        )
    page_of_ids = paginate(query, page, PER_PAGE)
    rows = {
        row.id: row
        for row in db.session.scalars(
            select(Customer).where(Customer.id.in_(page_of_ids.items))
        )
    }
    page_of_ids.items = [rows[customer_id] for customer_id in page_of_ids.items]
    return page_of_ids, _results_of(
        snapshot, [row.account_number for row in page_of_ids.items]
    )


def _result_filters(chosen: CustomerFilter) -> list:
    filters = []
    if chosen.group:
        filters.append(SnapshotResult.value_group == chosen.group)
    if chosen.abc:
        filters.append(SnapshotResult.abc == chosen.abc)
    if chosen.flag:
        flags = sa.cast(SnapshotResult.flags, sa.String)
        filters.append(flags.contains(f'"{chosen.flag}"'))
    return filters


def _results_of(
    snapshot: Snapshot | None, account_numbers: list[str]
) -> dict[str, SnapshotResult]:
    if snapshot is None or not account_numbers:
        return {}
    rows = db.session.scalars(
        select(SnapshotResult).where(
            SnapshotResult.snapshot_id == snapshot.id,
            SnapshotResult.account_number.in_(account_numbers),
        )
    )
    return {row.account_number: row for row in rows}


def _matches(text: str) -> sa.ColumnElement[bool]:
    """Customers whose name, account number, city or e-mail contain the text,
    ignoring case. They are searched in one column the database computes.
    SQLite's LIKE already ignores case (for ASCII, as its lower() does), so it
    gets plain LIKE: wrapping the column in lower() would defeat the covering
    index."""
    pattern = f"%{_escaped(text)}%"
    column = Customer.search_text
    sqlite = db.session.get_bind().dialect.name == "sqlite"
    return sa.and_(
        # Always true; it steers SQLite's count to the covering index too,
        # instead of the account-number index and a lookup per customer.
        Customer.name >= "",
        (column.like if sqlite else column.ilike)(pattern, escape="\\"),
    )


def _escaped(text: str) -> str:
    """The user's search text with LIKE's wildcards taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def customer_count(engagement_id: int) -> int:
    return db.session.scalar(
        select(func.count(Customer.id)).where(Customer.engagement_id == engagement_id)
    )


@dataclass(frozen=True)
class CustomerDetails:
    """What someone types about one customer; text left empty is ""."""

    account_number: str
    name: str
    title: str = ""
    address: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    sector: str = ""
    strategic_potential: int | None = None
    lifecycle_stage: LifecycleStage | None = None
    last_verified_on: date | None = None
    wallet_share: float | None = None


def save_customer(
    engagement_id: int, customer: Customer | None, details: CustomerDetails
) -> Customer:
    """Create or change a customer; the account number must stay unique
    (refused as "duplicate_account")."""
    clash = db.session.scalar(
        select(Customer.id).where(
            Customer.engagement_id == engagement_id,
            Customer.account_number == details.account_number,
        )
    )
    if clash is not None and (customer is None or clash != customer.id):
        raise Refusal("duplicate_account")
    if customer is None:
        customer = Customer(engagement_id=engagement_id)
        db.session.add(customer)
    assign(customer, details)
    db.session.commit()
    return customer


def remove_customer(customer: Customer, user_id: int | None) -> None:
    """Remove a customer with their contacts, sales, complaints and
    interactions (earlier analyses keep their rows), and say so in the
    activity feed."""
    activity.record_removal(
        customer.engagement_id, user_id, Removable.CUSTOMER, customer.name
    )
    db.session.delete(customer)
    db.session.commit()


# --- one customer's page -----------------------------------------------------


@dataclass(frozen=True)
class SalesSummary:
    transactions: int
    total: float
    profit: float | None
    first: date | None
    last: date | None
    #: (year, turnover), oldest first
    by_year: list[tuple[int, float]]


def sales_summary(customer: Customer) -> SalesSummary:
    row = db.session.execute(
        select(
            func.count(Transaction.id),
            func.coalesce(func.sum(Transaction.amount), 0),
            func.sum(Transaction.profit),
            func.min(Transaction.occurred_on),
            func.max(Transaction.occurred_on),
        ).where(Transaction.customer_id == customer.id)
    ).one()
    year = sa.extract("year", Transaction.occurred_on)
    years = db.session.execute(
        select(year, func.sum(Transaction.amount))
        .where(Transaction.customer_id == customer.id)
        .group_by(year)
        .order_by(year)
    )
    return SalesSummary(
        transactions=row[0],
        total=float(row[1]),
        profit=None if row[2] is None else float(row[2]),
        first=row[3],
        last=row[4],
        by_year=[(int(y), round(float(total), 2)) for y, total in years],
    )


def complaints(customer: Customer) -> list[Complaint]:
    return list(
        db.session.scalars(
            select(Complaint)
            .where(Complaint.customer_id == customer.id)
            .order_by(Complaint.received_on.desc(), Complaint.id.desc())
        )
    )


def interactions(customer: Customer) -> list[Interaction]:
    """The customer's interactions, newest first: the timeline."""
    return list(
        db.session.scalars(
            select(Interaction)
            .where(Interaction.customer_id == customer.id)
            .order_by(Interaction.occurred_on.desc(), Interaction.id.desc())
        )
    )


def history(customer: Customer) -> list[tuple[Snapshot, SnapshotResult]]:
    """The customer's row in every standing snapshot, oldest first: how they
    moved."""
    rows = db.session.execute(
        select(Snapshot, SnapshotResult)
        .join(SnapshotResult, SnapshotResult.snapshot_id == Snapshot.id)
        .where(
            Snapshot.engagement_id == customer.engagement_id,
            Snapshot.standing(),
            SnapshotResult.account_number == customer.account_number,
        )
        .order_by(Snapshot.number)
    )
    return [tuple(row) for row in rows]


def quality_of(customer: Customer, as_of: date) -> pd.Series:
    """The customer's data quality (completeness, decision maker known, stale),
    by the same rules as the overall figures, reading this customer only."""
    fields = ["account_number", *data_quality.KEY_FIELDS, "last_verified_on"]
    frame = pd.DataFrame(
        [{name: _plain(getattr(customer, name)) for name in fields}],
        index=[customer.id],
    )
    deciders = pd.Index(
        [customer.id] if any(c.is_decision_maker for c in customer.contacts) else []
    )
    return data_quality.per_customer(frame, deciders, pd.Timestamp(as_of)).iloc[0]


def _plain(value):
    """Enum members as their stored value, like the bulk reads give them."""
    return getattr(value, "value", value)


@dataclass(frozen=True)
class ContactDetails:
    """What someone types about one of a customer's people."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    is_decision_maker: bool = False


def add_contact(customer: Customer, details: ContactDetails) -> Contact:
    contact = Contact(customer_id=customer.id)
    assign(contact, details)
    db.session.add(contact)
    db.session.commit()
    return contact


def save_contact(contact: Contact, details: ContactDetails) -> None:
    assign(contact, details)
    db.session.commit()


def remove_contact(contact: Contact, user_id: int | None) -> None:
    """Remove a contact of a customer, and say so in the activity feed."""
    activity.record_removal(
        contact.customer.engagement_id, user_id, Removable.CONTACT, contact.name
    )
    db.session.delete(contact)
    db.session.commit()


def save_notes(customer: Customer, notes: str) -> None:
    customer.customisation_notes = notes
    db.session.commit()


def movers(
    engagement_id: int, account_numbers, limit: int
) -> list[tuple[str, str, int | None]]:
    """(account number, name, customer id) of the first movers of a comparison;
    a customer deleted since keeps its account number and no name."""
    first = list(account_numbers[:limit])
    names = {
        number: (name, customer_id)
        for number, name, customer_id in db.session.execute(
            select(Customer.account_number, Customer.name, Customer.id).where(
                Customer.engagement_id == engagement_id,
                Customer.account_number.in_(first),
            )
        )
    }
    return [(number, *names.get(number, ("", None))) for number in first]


@dataclass(frozen=True)
class InteractionDetails:
    """What someone records of one contact with a customer."""

    occurred_on: date
    channel: Channel
    direction: InteractionDirection
    note: str


def log_interaction(
    customer: Customer, details: InteractionDetails, user: User
) -> Interaction:
    interaction = Interaction(
        engagement_id=customer.engagement_id,
        customer_id=customer.id,
        recorded_by_id=user.id,
    )
    assign(interaction, details)
    db.session.add(interaction)
    db.session.commit()
    return interaction


def correct_interaction(
    interaction: Interaction, details: InteractionDetails, user_id: int | None
) -> None:
    """Correct a logged interaction; the feed says who did, since the
    timeline is evidence of how the company treats the customer."""
    assign(interaction, details)
    activity.record(
        interaction.engagement_id,
        user_id,
        ActivityKind.INTERACTION_CORRECTED,
        _interaction_subject(interaction),
    )
    db.session.commit()


def remove_interaction(interaction: Interaction, user_id: int | None) -> None:
    """Remove an interaction logged by mistake, and say so in the feed."""
    activity.record_removal(
        interaction.engagement_id,
        user_id,
        Removable.INTERACTION,
        _interaction_subject(interaction),
    )
    db.session.delete(interaction)
    db.session.commit()


def _interaction_subject(interaction: Interaction) -> str:
    """ "date:customer name", which the feed puts into the reader's words."""
    return f"{interaction.occurred_on.isoformat()}:{interaction.customer.name}"


def override_of(customer: Customer) -> GroupOverride | None:
    return db.session.get(GroupOverride, customer.id)


def set_override(
    customer: Customer, group: ValueGroup, reason: str, user: User
) -> GroupOverride:
    """The consultant's strategic judgement: kept and applied to every later
    analysis until removed."""
    override = override_of(customer) or GroupOverride(customer_id=customer.id)
    override.value_group = group
    override.reason = reason
    override.set_by_id = user.id
    override.set_at = utcnow()
    db.session.add(override)
    db.session.commit()
    return override


def remove_override(
    customer: Customer, override: GroupOverride, user_id: int | None
) -> None:
    """Take back the consultant's value group of a customer (the next analysis
    groups them by the rules again), and say so in the activity feed."""
    activity.record_removal(
        customer.engagement_id, user_id, Removable.GROUP_OVERRIDE, customer.name
    )
    db.session.delete(override)
    db.session.commit()
