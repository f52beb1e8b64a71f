"""Analyses of the customer data: read it from the database, run the pure
analysis, store the result as an immutable snapshot, compare snapshots.

Pages and reports only ever read stored snapshots, so what a sponsor saw in a
report is what the page still shows, whatever was imported since.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy import func, select

from app import activity
from app.bulk import bulk_insert, read_frame
from app.data_events import customer_data_changed
from app.design.strategies import strategies
from app.extensions import db
from app.measures import services as measures
from app.models import (
    Complaint,
    Contact,
    Customer,
    Engagement,
    GroupOverride,
    Interaction,
    Snapshot,
    SnapshotResult,
    Transaction,
    User,
)
from app.models.columns import utcnow
from app.questionnaires.takes import latest_completed_take
from app.refusals import Refusal
from assessments import data_quality, rfm
from assessments.analysis import Analysis, Parameters, analyse_figures
from assessments.figures import headline_figures
from assessments.idic import Segment
from assessments.jobs import Stage
from assessments.oversight import ActivityKind
from assessments.questionnaire import QuestionnaireId
from assessments.snapshots import Movement, compare
from assessments.value_groups import Flag, GroupRules, ValueGroup

#: How many customers each flag lists in the summary (pages and the report).
TOP_PER_FLAG = 10


@dataclass(frozen=True)
class Settings:
    """What the consultant chooses for one analysis."""

    as_of: date
    use_profit: bool = False
    rules: GroupRules = GroupRules()
    bands: rfm.Bands = rfm.Bands()

    def parameters(self) -> Parameters:
        return Parameters(
            as_of=pd.Timestamp(self.as_of),
            use_profit=self.use_profit,
            bands=self.bands,
            rules=self.rules,
        )

    def as_dict(self) -> dict:
        return {
            "use_profit": self.use_profit,
            "rules": vars(self.rules),
            "bands": {k: list(v) if v else None for k, v in vars(self.bands).items()},
        }

    def as_job(self) -> dict:
        """The settings as a job carries them to the worker (JSON)."""
        return {"as_of": self.as_of.isoformat(), **self.as_dict()}

    @classmethod
    def from_job(cls, values: dict) -> Settings:
        """The settings a job was started with (see ``as_job``)."""
        return cls(
            as_of=date.fromisoformat(values["as_of"]),
            use_profit=values["use_profit"],
            rules=GroupRules(**values["rules"]),
            bands=rfm.Bands(**values["bands"]),
        )


# --- reading the data ---------------------------------------------------------


def _iso_dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, format="%Y-%m-%d")


def _as(column, type_):
    """The column cast on PostgreSQL, whose driver would hand back date and
    Decimal objects; SQLite already stores ISO text and floats, and a CAST
    there costs a quarter of the read."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.cast(column, type_)
    return column


def figures_frame(engagement_id: int, as_of: date, use_profit: bool) -> pd.DataFrame:
    """Per customer with a sale on or before ``as_of``, the sums an analysis
    needs of their sales (``assessments.analysis.CUSTOMER_FIGURES``), added up
    by the database: a million sales stay where they are and one row per
    customer comes out. ``customer_figures`` sums a frame of sales the same
    way; a property test holds the two to the same figures.

    The sales are first summed per customer and day (a purchase is a day whose
    lines add up to at least a cent), then per customer, streamed in the order
    of the index ``ix_transactions_figures``. Dates come as ISO text and money
    as floats on both databases (see ``_as``)."""
    day = Transaction.occurred_on
    # Summed as floats, as the reference does: PostgreSQL's exact numeric
    # sums cost more than the rest of the query.
    amount, profit = (
        _as(Transaction.amount, sa.Float),
        _as(Transaction.profit, sa.Float),
    )
    days = (
        select(
            Transaction.customer_id.label("customer"),
            day.label("day"),
            func.sum(amount).label("total"),
            func.sum(func.coalesce(profit, 0) if use_profit else amount).label("value"),
            func.sum(profit).label("profit"),
            func.count().label("lines"),
        )
        .where(Transaction.engagement_id == engagement_id, day <= as_of)
        .group_by(Transaction.customer_id, day)
        .subquery()
    )
    # Amounts are whole cents, so a day's total is too (up to the floats'
    # error): more than half a cent is at least a cent, without rounding.
    purchase = days.c.total > 0.005
    this_year = days.c.day > as_of - timedelta(days=365)
    year_before = (days.c.day > as_of - timedelta(days=730)) & ~this_year
    last = func.coalesce(
        func.max(sa.case((purchase, days.c.day))), func.max(days.c.day)
    )
    columns = {
        rfm.CUSTOMER: days.c.customer,
        "last": _as(last, sa.String),
        "frequency": func.count(sa.case((purchase, 1))),
        "monetary": _as(func.sum(days.c.value), sa.Float),
        "sales_12m": _as(
            func.sum(sa.case((this_year, days.c.total), else_=0)), sa.Float
        ),
        "sales_prior_12m": _as(
            func.sum(sa.case((year_before, days.c.total), else_=0)), sa.Float
        ),
        "profit_12m": _as(func.sum(sa.case((this_year, days.c.profit))), sa.Float),
        "lines": func.sum(days.c.lines),
    }
    frame = read_frame(
        select(*columns.values()).group_by(days.c.customer).order_by(days.c.customer),
        list(columns),
    )
    frame["last"] = _iso_dates(frame["last"])
    money = ["monetary", "sales_12m", "sales_prior_12m", "profit_12m"]
    frame[money] = frame[money].astype("float64")
    frame[["frequency", "lines"]] = frame[["frequency", "lines"]].astype("int64")
    return frame.set_index(rfm.CUSTOMER)


def customers_frame(engagement_id: int) -> pd.DataFrame:
    """The engagement's customers indexed by id, with the fields analyses and
    data quality need."""
    columns = ["id", "account_number", *data_quality.KEY_FIELDS]
    columns += ["last_verified_on", "wallet_share"]
    frame = read_frame(
        select(*(getattr(Customer, name) for name in columns)).where(
            Customer.engagement_id == engagement_id
        ),
        columns,
    )
    return frame.set_index("id")


def decision_maker_ids(engagement_id: int) -> pd.Index:
    rows = db.session.scalars(
        select(Contact.customer_id)
        .join(Customer)
        .where(Customer.engagement_id == engagement_id, Contact.is_decision_maker)
        .distinct()
    )
    return pd.Index(list(rows))


def _complaints_frame(engagement_id: int) -> pd.DataFrame:
    frame = read_frame(
        select(Complaint.customer_id, _as(Complaint.received_on, sa.String)).where(
            Complaint.engagement_id == engagement_id
        ),
        [rfm.CUSTOMER, rfm.DATE],
    )
    frame[rfm.DATE] = _iso_dates(frame[rfm.DATE])
    return frame


def _overrides(engagement_id: int) -> dict[int, ValueGroup]:
    rows = db.session.execute(
        select(GroupOverride.customer_id, GroupOverride.value_group)
        .join(Customer)
        .where(Customer.engagement_id == engagement_id)
    )
    return dict(rows.all())


def quality_report(engagement: Engagement, as_of: date) -> data_quality.QualityReport:
    """Data quality of the customers as they are now."""
    return data_quality.report(
        customers_frame(engagement.id),
        decision_maker_ids(engagement.id),
        pd.Timestamp(as_of),
    )


def weakest_records(engagement_id: int, as_of: date, count: int = 20) -> list[dict]:
    """The customers whose records need work most: fewest key fields filled,
    then no decision maker, then not verified."""
    customers = customers_frame(engagement_id)
    rows = data_quality.per_customer(
        customers, decision_maker_ids(engagement_id), pd.Timestamp(as_of)
    )
    rows = rows[(rows["completeness"] < 100) | ~rows["decision_maker"] | rows["stale"]]
    rows = rows.sort_values(
        ["completeness", "decision_maker", "stale"], ascending=[True, True, False]
    ).head(count)
    return [
        {
            "id": int(customer_id),
            "account_number": customers.at[customer_id, "account_number"],
            "name": customers.at[customer_id, "name"],
            **row,
        }
        for customer_id, row in rows.to_dict("index").items()
    ]


# --- taking a snapshot --------------------------------------------------------


def has_sales_until(engagement_id: int, as_of: date) -> bool:
    """Whether an analysis as of this day has any sale to read: asked before
    an analysis is queued, so the form says so at once."""
    return db.session.scalar(
        select(
            sa.exists().where(
                Transaction.engagement_id == engagement_id,
                Transaction.occurred_on <= as_of,
            )
        )
    )


def take_snapshot(
    engagement: Engagement,
    settings: Settings,
    user: User,
    on_stage: Callable[[Stage], None] = lambda stage: None,
) -> Snapshot:
    """Analyse the engagement's data as of the chosen date and store it;
    refused ("no_transactions") when there is nothing to analyse by then.
    ``on_stage`` hears each step begin (a job shows it, and may stop there)."""
    on_stage(Stage.READING)
    figures = figures_frame(engagement.id, settings.as_of, settings.use_profit)
    if figures.empty:
        raise Refusal("no_transactions")
    customers = customers_frame(engagement.id)
    overrides = _overrides(engagement.id)
    on_stage(Stage.SCORING)
    analysis = analyse_figures(
        figures,
        settings.parameters(),
        customers=customers.rename(
            columns={
                "strategic_potential": "potential",
                "wallet_share": "share_of_wallet",
            }
        ),
        complaints=_complaints_frame(engagement.id),
        overrides=overrides,
    )
    results = analysis.customers.join(customers[["account_number", "name"]])
    results["overridden"] = results.index.isin(list(overrides))
    quality = data_quality.report(
        customers, decision_maker_ids(engagement.id), pd.Timestamp(settings.as_of)
    )
    on_stage(Stage.STORING)
    snapshot = Snapshot(
        engagement_id=engagement.id,
        number=_next_number(engagement.id),
        as_of=settings.as_of,
        parameters=settings.as_dict(),
        summary=_summary(analysis, results, quality, engagement.id, figures),
        customer_count=len(results),
        transaction_count=int(figures["lines"].sum()),
        taken_by_id=user.id,
    )
    db.session.add(snapshot)
    db.session.flush()
    _store_results(snapshot.id, results)
    measures.rebuild_computed_measures(engagement.id)
    activity.record(
        engagement.id, user.id, ActivityKind.ANALYSIS_TAKEN, str(snapshot.number)
    )
    db.session.commit()
    customer_data_changed.send(
        engagement.id, user_id=user.id, quality=(settings.as_of, quality)
    )
    return snapshot


def _next_number(engagement_id: int) -> int:
    latest = db.session.scalar(
        select(func.max(Snapshot.number)).where(Snapshot.engagement_id == engagement_id)
    )
    return (latest or 0) + 1


def _store_results(snapshot_id: int, results: pd.DataFrame) -> None:
    """One row per customer, written in bulk (COPY on PostgreSQL)."""
    names = [flag.value for flag in Flag]
    held = results[names].to_numpy(dtype=bool)
    # Each customer's flags as JSON text, looked up by their bit pattern: one
    # numpy step instead of 100,000 json.dumps calls.
    patterns = held @ (1 << np.arange(len(names)))
    flag_texts = np.array(
        [
            json.dumps([name for bit, name in enumerate(names) if code >> bit & 1])
            for code in range(1 << len(names))
        ]
    )
    integers = ["recency", "frequency", "r_score", "f_score", "m_score"]
    texts = ["account_number", "rf_cell", "mf_cell", "value_group", "abc"]
    columns = {
        "snapshot_id": [snapshot_id] * len(results),
        "customer_id": results.index.astype("int64").tolist(),
        **{name: results[name].astype("int64").tolist() for name in integers},
        "monetary": results["monetary"].astype("float64").round(2).tolist(),
        **{name: results[name].astype(str).tolist() for name in texts},
        "flags": flag_texts[patterns].tolist(),
        "overridden": results["overridden"].astype(bool).tolist(),
    }
    bulk_insert(db.session.connection(), SnapshotResult.__table__, columns)


def _summary(
    analysis: Analysis,
    results: pd.DataFrame,
    quality: data_quality.QualityReport,
    engagement_id: int,
    figures: pd.DataFrame,
) -> dict:
    """Everything the analysis page, the report and the scorecard show,
    computed once."""
    as_of = analysis.parameters.as_of
    value = results["monetary"]
    interactions = _interaction_counts(engagement_id, results, as_of.date())
    return {
        "rf_grid": analysis.rf_grid,
        "mf_grid": analysis.mf_grid,
        "total_value": round(float(value.sum()), 2),
        "groups": _totals(results, "value_group", [g.value for g in ValueGroup]),
        "abc": _totals(results, "abc", ["A", "B", "C"]),
        "flags": {
            flag.value: {
                "count": int(results[flag.value].sum()),
                "top": _top(results[results[flag.value]]),
            }
            for flag in Flag
        },
        "quality": quality.as_dict(),
        "interactions": interactions,
        "figures": headline_figures(
            figures,
            results,
            sum(sum(row.values()) for row in interactions.values()),
            quality.as_dict(),
            analysis.parameters.rules.mvc_share,
        ),
    }


def _totals(results: pd.DataFrame, column: str, keys: list[str]) -> dict:
    grouped = results.groupby(column)["monetary"].agg(["size", "sum"])
    grouped = grouped.reindex(keys, fill_value=0)
    total = float(results["monetary"].clip(lower=0).sum())
    return {
        key: {
            "count": int(row["size"]),
            "value": round(float(row["sum"]), 2),
            "share": round(100 * max(float(row["sum"]), 0) / total, 1) if total else 0,
        }
        for key, row in grouped.iterrows()
    }


def _top(rows: pd.DataFrame) -> list[dict]:
    best = rows.nlargest(TOP_PER_FLAG, "monetary")
    return [
        {
            "account_number": str(row.account_number),
            "name": str(row.name_),
            "monetary": round(float(row.monetary), 2),
            "value_group": str(row.value_group),
        }
        for row in best.rename(columns={"name": "name_"}).itertuples()
    ]


def _interaction_counts(engagement_id: int, results: pd.DataFrame, as_of) -> dict:
    """Interactions of the 12 months to the analysis date, per value group and
    channel ("none": customers outside the analysis)."""
    rows = read_frame(
        select(Interaction.customer_id, Interaction.channel).where(
            Interaction.engagement_id == engagement_id,
            Interaction.occurred_on > as_of - timedelta(days=365),
            Interaction.occurred_on <= as_of,
        ),
        ["customer", "channel"],
    )
    rows["channel"] = rows["channel"].map(lambda c: getattr(c, "value", c))
    rows["group"] = rows["customer"].map(results["value_group"]).fillna("none")
    table = pd.crosstab(rows["group"], rows["channel"])
    return {
        group: {channel: int(count) for channel, count in row.items()}
        for group, row in table.iterrows()
    }


# --- reading snapshots ---------------------------------------------------------


def snapshots(engagement: Engagement, *, withdrawn: bool = True) -> list[Snapshot]:
    """Every analysis of the engagement, newest first; ``withdrawn=False``
    leaves out the withdrawn ones, for anything that compares or reports."""
    query = select(Snapshot).where(Snapshot.engagement_id == engagement.id)
    if not withdrawn:
        query = query.where(Snapshot.standing())
    return list(db.session.scalars(query.order_by(Snapshot.number.desc())))


def latest_snapshot(engagement_id: int) -> Snapshot | None:
    """The newest analysis that stands: what pages and reports show."""
    return db.session.scalar(
        select(Snapshot)
        .where(Snapshot.engagement_id == engagement_id, Snapshot.standing())
        .order_by(Snapshot.number.desc())
        .limit(1)
    )


def previous_snapshot(snapshot: Snapshot) -> Snapshot | None:
    """The standing analysis before this one, to show who moved since."""
    return db.session.scalar(
        select(Snapshot)
        .where(
            Snapshot.engagement_id == snapshot.engagement_id,
            Snapshot.number < snapshot.number,
            Snapshot.standing(),
        )
        .order_by(Snapshot.number.desc())
        .limit(1)
    )


def withdraw(snapshot: Snapshot, reason: str, user_id: int | None) -> Snapshot:
    """Withdraw a mistaken analysis: it is kept and still readable, marked
    with who withdrew it and why, and the computed measures are rebuilt
    without it, in one transaction; refused ("already_withdrawn") twice."""
    if snapshot.withdrawn:
        raise Refusal("already_withdrawn")
    snapshot.withdrawn_at = utcnow()
    snapshot.withdrawn_by_id = user_id
    snapshot.withdrawal_reason = reason
    db.session.flush()
    measures.rebuild_computed_measures(snapshot.engagement_id)
    activity.record(
        snapshot.engagement_id,
        user_id,
        ActivityKind.ANALYSIS_WITHDRAWN,
        f"{snapshot.number}:{reason[: activity.NAME_KEPT]}",
    )
    db.session.commit()
    customer_data_changed.send(snapshot.engagement_id, user_id=user_id)
    return snapshot


def results_frame(snapshot: Snapshot) -> pd.DataFrame:
    """A snapshot's per-customer results indexed by account number."""
    frame = read_frame(
        select(
            SnapshotResult.account_number,
            SnapshotResult.value_group,
            SnapshotResult.rf_cell,
        ).where(SnapshotResult.snapshot_id == snapshot.id),
        ["account_number", "value_group", "rf_cell"],
    )
    return frame.set_index("account_number")


def movement(before: Snapshot, after: Snapshot) -> Movement:
    """Who moved where between two snapshots of the same engagement."""
    return compare(results_frame(before), results_frame(after))


# --- progress -------------------------------------------------------------------


def design_facts(engagement: Engagement) -> dict:
    """The design fields of the engagement's progress facts."""
    decided = set(strategies(engagement.id))
    has_sales = db.session.scalar(
        select(Transaction.id)
        .where(Transaction.engagement_id == engagement.id)
        .limit(1)
    )
    return {
        "customers_imported": has_sales is not None,
        "capability_assessed": latest_completed_take(engagement, QuestionnaireId.IDIC)
        is not None,
        "customers_analysed": latest_snapshot(engagement.id) is not None,
        "group_strategies_set": {Segment.MVC, Segment.MGC, Segment.BZ} <= decided,
    }
