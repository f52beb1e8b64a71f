"""The design phase (IDIC): the client's customers with their contacts, sales,
complaints and interactions; the analyses taken of them; the group overrides
and per-group strategies the consultant sets."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import User
from app.models.columns import enum_column, utcnow
from app.models.preparation import OrgPerson
from assessments.idic import Channel, InteractionDirection, LifecycleStage, Segment
from assessments.planning import CrmStrategy
from assessments.value_groups import ValueGroup

#: The customer fields people and imports set, the business key first.
CUSTOMER_FIELDS = (
    "account_number",
    "name",
    "title",
    "address",
    "city",
    "phone",
    "email",
    "sector",
    "strategic_potential",
    "lifecycle_stage",
    "last_verified_on",
    "wallet_share",
)

#: Money: exact decimals in the database, floats in Python (pandas reads them
#: as numbers, not as Decimal objects).
Money = sa.Numeric(16, 2, asdecimal=False)


class Customer(db.Model):
    """One customer of the client company; the account number is the key
    imports match on."""

    __tablename__ = "customers"
    __table_args__ = (
        sa.UniqueConstraint("engagement_id", "account_number"),
        # Covers the customer list: ordered by name, searched in search_text,
        # matched to an analysis by account number, without reading the table.
        sa.Index(
            "ix_customers_search",
            "engagement_id",
            "name",
            "account_number",
            "search_text",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    account_number: Mapped[str] = mapped_column(sa.String(64))
    name: Mapped[str] = mapped_column(sa.String(200))
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    address: Mapped[str] = mapped_column(sa.String(400), default="")
    city: Mapped[str] = mapped_column(sa.String(100), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    sector: Mapped[str] = mapped_column(sa.String(120), default="")
    #: the consultant's estimate of future business, 1 (low) to 5 (high)
    strategic_potential: Mapped[int | None] = mapped_column(sa.SmallInteger)
    lifecycle_stage: Mapped[LifecycleStage | None] = mapped_column(
        enum_column(LifecycleStage)
    )
    last_verified_on: Mapped[date | None]
    #: our estimated share of the customer's spend in our category, 0–1
    wallet_share: Mapped[float | None]
    #: how the company treats this customer differently (Customize)
    customisation_notes: Mapped[str] = mapped_column(sa.Text, default="")
    #: what the list searches, kept by the database itself
    search_text: Mapped[str] = mapped_column(
        sa.String(1000),
        sa.Computed(
            "name || ' ' || account_number || ' ' || city || ' ' || email",
            persisted=True,
        ),
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="Contact.id"
    )


class Contact(db.Model):
    """A person at a customer; the method insists on knowing the decision maker."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200))
    title: Mapped[str] = mapped_column(sa.String(200), default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    phone: Mapped[str] = mapped_column(sa.String(40), default="")
    is_decision_maker: Mapped[bool] = mapped_column(default=False)

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class _CustomerEvent:
    """Columns shared by everything that happened with one customer on a day.

    The engagement id is repeated on each row so that an analysis reads one
    engagement's rows through one index, without a join. The index is on the
    engagement alone: its entries then follow the rows' insertion order, and a
    million sales read sequentially instead of hopping date by date."""

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    customer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )


class Transaction(_CustomerEvent, db.Model):
    """One sale (or, with a negative amount, a return)."""

    __tablename__ = "transactions"
    __table_args__ = (
        # An analysis sums one engagement's sales per customer and day
        # (``figures_frame``): read from this index alone, in that order, the
        # database streams the sums without sorting a million rows.
        sa.Index(
            "ix_transactions_figures",
            "engagement_id",
            "customer_id",
            "occurred_on",
            "amount",
            "profit",
        ),
    )

    occurred_on: Mapped[date]
    amount: Mapped[float] = mapped_column(Money)
    profit: Mapped[float | None] = mapped_column(Money)
    product: Mapped[str] = mapped_column(sa.String(200), default="")


class Complaint(_CustomerEvent, db.Model):
    __tablename__ = "complaints"

    received_on: Mapped[date]
    product: Mapped[str] = mapped_column(sa.String(200), default="")
    text: Mapped[str] = mapped_column(sa.Text, default="")


class Interaction(_CustomerEvent, db.Model):
    """A contact with the customer through one channel (Interact)."""

    __tablename__ = "interactions"

    occurred_on: Mapped[date]
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    direction: Mapped[InteractionDirection] = mapped_column(
        enum_column(InteractionDirection)
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    customer: Mapped[Customer] = relationship()
    recorded_by: Mapped[User | None] = relationship()


class ImportRun(db.Model):
    """One committed import: what file, by whom, and what it changed."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(sa.String(255))
    #: what the file held: "customers", "transactions", "complaints", …
    kind: Mapped[str] = mapped_column(sa.String(30))
    #: counts by outcome, e.g. {"customers_created": 12, "transactions_created": 80}
    counts: Mapped[dict] = mapped_column(sa.JSON)
    imported_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)

    imported_by: Mapped[User | None] = relationship()


class DuplicatePair(db.Model):
    """One pair of customers a duplicates search (its job) found may be one
    customer. Kept in the database so that every server pages through the
    same list; a pair goes with either of its customers (a merge deletes
    one) and with its search."""

    __tablename__ = "duplicate_pairs"
    __table_args__ = (sa.Index("ix_duplicate_pairs_job_score", "job_id", "score"),)

    job_id: Mapped[int] = mapped_column(
        sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True
    )
    first_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    second_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[int]
    #: why, as the reason codes joined by spaces ("email name")
    reasons: Mapped[str] = mapped_column(sa.String(40))


class GroupOverride(db.Model):
    """The consultant's strategic judgement over the numbers: this customer
    belongs in this value group, whatever the next analysis computes."""

    __tablename__ = "group_overrides"

    customer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    value_group: Mapped[ValueGroup] = mapped_column(enum_column(ValueGroup))
    reason: Mapped[str] = mapped_column(sa.Text)
    set_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    set_at: Mapped[datetime] = mapped_column(default=utcnow)

    set_by: Mapped[User | None] = relationship()


class Snapshot(db.Model):
    """One analysis of the customers, stored once and never changed, so pages,
    reports and later comparisons read exactly what was computed."""

    __tablename__ = "snapshots"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    #: 1 for the engagement's first analysis, then 2, …
    number: Mapped[int]
    as_of: Mapped[date]
    #: the bands, rules and value basis the analysis ran with
    parameters: Mapped[dict] = mapped_column(sa.JSON)
    #: grids, group and class totals, flag counts, data quality at the time
    summary: Mapped[dict] = mapped_column(sa.JSON)
    customer_count: Mapped[int]
    transaction_count: Mapped[int]
    taken_at: Mapped[datetime] = mapped_column(default=utcnow)
    taken_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    #: set when a consultant withdraws a mistaken analysis: it stays readable,
    #: but the scorecard, comparisons and reports leave it out
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    withdrawal_reason: Mapped[str] = mapped_column(
        sa.Text, default="", server_default=""
    )

    taken_by: Mapped[User | None] = relationship(foreign_keys=[taken_by_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @classmethod
    def standing(cls) -> sa.ColumnElement[bool]:
        """The condition of an analysis that has not been withdrawn."""
        return cls.withdrawn_at.is_(None)


class SnapshotResult(db.Model):
    """One customer's figures in one snapshot. The account number is kept with
    them, so a snapshot still reads right after customers are merged."""

    __tablename__ = "snapshot_results"
    __table_args__ = (
        sa.Index("ix_snapshot_results_customer", "customer_id"),
        sa.Index("ix_snapshot_results_group", "snapshot_id", "value_group"),
    )

    snapshot_id: Mapped[int] = mapped_column(
        sa.ForeignKey("snapshots.id", ondelete="CASCADE"), primary_key=True
    )
    account_number: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="SET NULL")
    )
    recency: Mapped[int]
    frequency: Mapped[int]
    monetary: Mapped[float]
    r_score: Mapped[int] = mapped_column(sa.SmallInteger)
    f_score: Mapped[int] = mapped_column(sa.SmallInteger)
    m_score: Mapped[int] = mapped_column(sa.SmallInteger)
    rf_cell: Mapped[str] = mapped_column(sa.String(3))
    mf_cell: Mapped[str] = mapped_column(sa.String(3))
    value_group: Mapped[str] = mapped_column(sa.String(5))
    abc: Mapped[str] = mapped_column(sa.String(1))
    #: the rule flags that hold for this customer, e.g. ["ordered_less"]
    flags: Mapped[list] = mapped_column(sa.JSON)
    #: the value group came from a consultant's override
    overridden: Mapped[bool] = mapped_column(default=False)


class GroupStrategy(db.Model):
    """How the company treats one segment: "treat different customers
    differently"."""

    __tablename__ = "group_strategies"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "segment"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        sa.ForeignKey("engagements.id", ondelete="CASCADE")
    )
    segment: Mapped[Segment] = mapped_column(enum_column(Segment))
    crm_strategy: Mapped[CrmStrategy] = mapped_column(enum_column(CrmStrategy))
    actions: Mapped[str] = mapped_column(sa.Text, default="")
    channel: Mapped[Channel | None] = mapped_column(enum_column(Channel))
    owner_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("org_people.id", ondelete="SET NULL")
    )

    owner: Mapped[OrgPerson | None] = relationship()
