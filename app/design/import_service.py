"""The customer-data import: the uploaded file kept under the instance folder,
the plan of what a file would create, update or skip, and its commit in one
database transaction.

Upserts match customers on their account number. Events (sales, complaints,
interactions) have no key of their own: a file row identical to one already
stored for that customer counts as that row, occurrence by occurrence, so a
file imported twice adds nothing and two identical sales on one day stay two.
"""

from __future__ import annotations

import json
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd
import sqlalchemy as sa
from flask import Flask

from app import activity
from app.bulk import bulk_insert
from app.data_events import customer_data_changed
from app.design.import_file import (
    CONTACT_FIELDS,
    FIELDS,
    PREVIEW_ROWS,
    SAMPLE_SIZE,
    SUFFIXES,
    FieldType,
    FileRejected,
    ImportRequest,
    Kind,
    Limits,
    Parsed,
    Problem,
    Reason,
    Settings,
    fold,
    guess_mapping,
    human_size,
    preview,
    read_table,
    resolved,
    source_of,
    validate,
)
from app.extensions import db
from app.models import Complaint, Contact, Customer, ImportRun, Interaction, Transaction
from app.models.columns import utcnow
from app.models.design import CUSTOMER_FIELDS
from app.text import without_control_characters
from assessments.idic import LifecycleStage
from assessments.oversight import ActivityKind

#: How many rows of the per-row plan the plan page shows.
PLAN_ROWS = 20
_TOKEN_CHARACTERS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)


def limits(app: Flask) -> Limits:
    """The import's limits from the app's configuration."""
    config = app.config
    return Limits(
        max_bytes=config["IMPORT_MAX_BYTES"],
        max_rows=config["IMPORT_MAX_ROWS"],
        xlsx_max_uncompressed=config["IMPORT_XLSX_MAX_UNCOMPRESSED"],
        xlsx_max_ratio=config["IMPORT_XLSX_MAX_RATIO"],
    )


# --- the uploaded file ------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """A file uploaded for import, kept until it is imported or a day old."""

    token: str
    #: the name the user's file had, for messages only (never a path)
    filename: str
    path: Path


def store_upload(
    folder: Path,
    engagement_id: int,
    stream: IO[bytes],
    filename: str,
    max_bytes: int,
    keep_seconds: int,
) -> Upload:
    """Save an uploaded file under a random name in the engagement's folder.

    Raises FileRejected for an unknown file type or a file over the limit.
    The name shown and recorded loses its control characters: a NUL cannot
    be stored in PostgreSQL, and CR or LF would split a line of the log."""
    plain = without_control_characters(filename).replace("\\", "/")
    display_name = Path(plain).name[-200:] or "upload"
    source_of(display_name)
    remove_stale(folder, keep_seconds)
    target = folder / str(engagement_id)
    target.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(18)
    path = target / f"{token}{Path(display_name).suffix.lower()}"
    with path.open("wb") as out:
        # Copy at most one byte more than allowed: enough to know it is too big.
        shutil.copyfileobj(_limited(stream, max_bytes + 1), out)
    size = path.stat().st_size
    if size > max_bytes:
        path.unlink()
        raise FileRejected(
            Problem(
                Reason.TOO_BIG,
                details={"size": human_size(size), "limit": human_size(max_bytes)},
            )
        )
    (target / f"{token}.json").write_text(
        json.dumps({"filename": display_name, "file": path.name})
    )
    return Upload(token, display_name, path)


class _limited:
    """A stream that ends after ``limit`` bytes."""

    def __init__(self, stream: IO[bytes], limit: int):
        self.stream, self.left = stream, limit

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        data = self.stream.read(size)
        self.left -= len(data)
        return data


def open_upload(folder: Path, engagement_id: int, token: str) -> Upload | None:
    """The engagement's upload with this token, or None (unknown, removed, or
    another engagement's)."""
    if not 16 <= len(token) <= 64 or not set(token) <= _TOKEN_CHARACTERS:
        return None
    target = folder / str(engagement_id)
    meta_path = target / f"{token}.json"
    try:
        meta = json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return None
    path = target / f"{token}{Path(meta.get('file', '')).suffix}"
    if Path(path.name).suffix not in SUFFIXES or not path.is_file():
        return None
    return Upload(token, str(meta.get("filename", path.name)), path)


def discard_upload(upload: Upload) -> None:
    upload.path.unlink(missing_ok=True)
    upload.path.with_suffix(".json").unlink(missing_ok=True)


def remove_stale(folder: Path, keep_seconds: int) -> None:
    """Delete uploads older than ``keep_seconds`` (abandoned imports)."""
    cutoff = time.time() - keep_seconds
    for path in folder.glob("*/*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another worker removed it first


# --- the mapping page -------------------------------------------------------


@dataclass
class Inspection:
    """What the mapping page shows of a file."""

    headers: list[str]
    preview: list[list[str]]
    guessed: dict[str, str]
    encoding: str | None
    delimiter: str | None
    decimal: str
    date_format: str
    source: str


def inspect(upload: Upload, kind: Kind, settings: Settings, limits: Limits):
    """The file's headers, first rows, guessed columns and detected settings.

    Raises FileRejected when the file cannot be read."""
    table = read_table(upload.path, upload.filename, settings, limits, SAMPLE_SIZE)
    guessed = guess_mapping(kind, table.headers)
    decimal, date_format = resolved(table, guessed, settings)
    return Inspection(
        headers=table.headers,
        preview=preview(table, PREVIEW_ROWS),
        guessed=guessed,
        encoding=table.encoding,
        delimiter=table.delimiter,
        decimal=decimal,
        date_format=date_format,
        source=table.source,
    )


# --- the plan ---------------------------------------------------------------


@dataclass
class PlanRow:
    """One row of the file and what the import does with it."""

    row: int
    account_number: str
    #: the row's date and amount, if it has them, and its name, product or channel
    when: date | None
    amount: float | None
    text: str
    customer: str  # "create", "update", "unchanged"
    record: str = ""  # "create", "skip", "update", "unchanged" or ""


@dataclass
class Plan:
    """What importing the file would do, or the problems that forbid it."""

    kind: Kind
    filename: str
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    rows: list[PlanRow] = field(default_factory=list)
    row_count: int = 0
    decimal: str = "."
    date_format: str = "%d.%m.%Y"
    encoding: str | None = None
    delimiter: str | None = None
    #: what the commit writes
    new_customers: pd.DataFrame | None = None
    changed_customers: pd.DataFrame | None = None
    new_contacts: pd.DataFrame | None = None
    changed_contacts: pd.DataFrame | None = None
    new_events: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def summary(self) -> dict:
        """What the check page shows of the plan, as JSON: a check runs in a
        worker, and its page is drawn later, by any server, in the reader's
        language (problems keep their reasons, not their sentences)."""
        return {
            "kind": self.kind.value,
            "filename": self.filename,
            "problems": [_problem_record(problem) for problem in self.problems],
            "problem_count": self.problem_count,
            "counts": self.counts,
            "rows": [
                {**asdict(row), "when": row.when and row.when.isoformat()}
                for row in self.rows
            ],
            "row_count": self.row_count,
            "decimal": self.decimal,
            "date_format": self.date_format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
        }

    @classmethod
    def from_summary(cls, summary: dict) -> Plan:
        """The plan a check found, for its page (without what a commit writes:
        the commit checks the file again)."""
        rows = [
            PlanRow(**{**row, "when": row["when"] and date.fromisoformat(row["when"])})
            for row in summary["rows"]
        ]
        problems = [
            Problem(**{**problem, "reason": Reason(problem["reason"])})
            for problem in summary["problems"]
        ]
        fields = {**summary, "kind": Kind(summary["kind"]), "rows": rows}
        return cls(**{**fields, "problems": problems})


def _problem_record(problem: Problem) -> dict:
    record = asdict(problem)
    record["details"] = json.loads(json.dumps(problem.details, default=str))
    return {**record, "reason": problem.reason.value}


def plan(
    engagement_id: int,
    upload: Upload,
    request: ImportRequest,
    limits: Limits,
    today: date,
    on_rows: Callable[[int, int], None] = lambda done, total: None,
) -> Plan:
    """Read and check the whole file, then work out every row's fate; the
    file's dates may not lie after ``today``, where the engagement works."""
    kind = request.kind
    try:
        table = read_table(upload.path, upload.filename, request.settings, limits)
    except FileRejected as rejected:
        return Plan(kind, upload.filename, [rejected.problem], 1)
    parsed = validate(table, kind, request.mapping, request.settings, today, on_rows)
    result = Plan(
        kind,
        upload.filename,
        parsed.problems,
        parsed.problem_count,
        row_count=len(parsed.records),
        decimal=parsed.decimal,
        date_format=parsed.date_format,
        encoding=table.encoding,
        delimiter=table.delimiter,
    )
    del table
    if parsed.ok:
        _plan_rows(engagement_id, parsed, result)
    return result


def _plan_rows(engagement_id: int, parsed: Parsed, result: Plan) -> None:
    records = parsed.records
    existing = _existing_customers(engagement_id)
    customer_action = pd.Series("unchanged", index=records.index, dtype=object)
    if parsed.kind in (Kind.CUSTOMERS, Kind.TRANSACTIONS):
        customer_action = _plan_customers(records, existing, result)
    else:
        known = records["account_number"].isin(existing.index)
        for row, account in records.loc[~known, "account_number"].head(1000).items():
            result.problems.append(
                Problem(
                    Reason.UNKNOWN_ACCOUNT,
                    int(row),
                    parsed.mapping["account_number"],
                    account,
                )
            )
        result.problem_count += int((~known).sum())
        if result.problem_count:
            return
    record_action = pd.Series("", index=records.index, dtype=object)
    if parsed.kind == Kind.CUSTOMERS:
        if "contact_name" in records:
            record_action = _plan_contacts(engagement_id, records, result)
    else:
        record_action = _plan_events(engagement_id, parsed.kind, records, result)
    head = records.head(PLAN_ROWS)
    result.rows = [
        PlanRow(
            int(row),
            head.at[row, "account_number"],
            *_summary(parsed.kind, head.loc[row]),
            customer_action[row],
            record_action[row],
        )
        for row in head.index
    ]


def _summary(kind: Kind, record: pd.Series) -> tuple:
    """(date, amount, text) of a row for the plan page."""
    when = record.get("occurred_on", record.get("received_on"))
    when = None if when is None or pd.isna(when) else when.date()
    amount = record.get("amount")
    amount = None if amount is None or pd.isna(amount) else float(amount)
    if kind == Kind.CUSTOMERS:
        text = record.get("name", "")
    elif kind == Kind.INTERACTIONS:
        text = str(record.get("channel", ""))
    else:
        text = record.get("product", "")
    return when, amount, str(text)


def _existing_customers(engagement_id: int) -> pd.DataFrame:
    """The engagement's customers, by account number."""
    columns = [Customer.id, *(getattr(Customer, name) for name in CUSTOMER_FIELDS)]
    rows = db.session.execute(
        sa.select(*columns).where(Customer.engagement_id == engagement_id)
    ).all()
    frame = pd.DataFrame(rows, columns=["id", *CUSTOMER_FIELDS], dtype=object)
    return frame.set_index("account_number")


def _plan_customers(
    records: pd.DataFrame, existing: pd.DataFrame, result: Plan
) -> pd.Series:
    """New, changed and unchanged customers; an empty cell never erases."""
    fields = [name for name in CUSTOMER_FIELDS if name in records]
    values = records[fields].copy()
    for name in fields[1:]:
        if name in _TEXT_CUSTOMER_FIELDS:
            values[name] = values[name].where(values[name] != "")
    if len(fields) > 1:
        accounts = values.groupby("account_number", sort=False).last()
    else:
        accounts = pd.DataFrame(index=pd.Index(values["account_number"].unique()))
    accounts.index.name = "account_number"
    is_new = ~accounts.index.isin(existing.index)
    new = accounts[is_new].reset_index()
    if "name" not in new:
        new["name"] = new["account_number"]
    else:
        new["name"] = new["name"].fillna(new["account_number"])
    result.new_customers = new
    old = existing.loc[accounts.index[~is_new]]
    known = accounts[~is_new]
    changed = pd.Series(False, index=known.index)
    merged = old.copy()
    for name in fields[1:]:
        given = known[name]
        before = _comparable(name, old[name])
        after = _comparable(name, given)
        changed |= given.notna() & (after != before)
        stored = old[name]
        if FIELDS[name].type == FieldType.DATE:
            stored = pd.to_datetime(stored)
        merged[name] = given.where(given.notna(), stored)
    result.changed_customers = merged[changed.to_numpy()].reset_index()
    result.counts.update(
        customers_created=len(new),
        customers_updated=int(changed.sum()),
        customers_unchanged=int((~changed).sum()),
    )
    action = pd.Series("unchanged", index=accounts.index, dtype=object)
    action[is_new] = "create"
    action[changed[changed].index] = "update"
    return pd.Series(
        records["account_number"].map(action).to_numpy(), index=records.index
    )


def _comparable(name: str, values: pd.Series) -> pd.Series:
    """Values of one customer field in a form that compares file with database."""
    kind = FIELDS[name].type
    if kind == FieldType.DATE:
        return pd.to_datetime(values).dt.strftime("%Y-%m-%d").astype(object)
    if kind in (FieldType.SHARE, FieldType.POTENTIAL):
        return pd.to_numeric(values, errors="coerce").astype("float64").round(6)
    return values.map(lambda v: None if v is None or v != v else str(v))


def _plan_contacts(
    engagement_id: int, records: pd.DataFrame, result: Plan
) -> pd.Series:
    """A contact is matched by customer and name (any case)."""
    fields = [name for name in CONTACT_FIELDS if name in records]
    given = records.loc[records["contact_name"] != "", ["account_number", *fields]]
    given = given.assign(key=given["contact_name"].map(fold))
    given = given.groupby(["account_number", "key"], sort=False).last()
    rows = db.session.execute(
        sa.select(
            Customer.account_number,
            Contact.id,
            Contact.name,
            Contact.title,
            Contact.email,
            Contact.phone,
            Contact.is_decision_maker,
        )
        .join(Customer, Contact.customer_id == Customer.id)
        .where(Customer.engagement_id == engagement_id)
    ).all()
    old = pd.DataFrame(
        rows,
        columns=[
            "account_number",
            "id",
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "contact_decision_maker",
        ],
        dtype=object,
    )
    old = old.assign(key=old["contact_name"].map(fold))
    old = old.drop_duplicates(["account_number", "key"]).set_index(
        ["account_number", "key"]
    )
    is_new = ~given.index.isin(old.index)
    result.new_contacts = given[is_new].reset_index()
    known = given[~is_new]
    before = old.loc[known.index]
    merged = before.copy()
    changed = pd.Series(False, index=known.index)
    for name in fields[1:]:
        value = known[name]
        if name == "contact_decision_maker":
            differs = value.astype(bool) != before[name].astype(bool)
        else:
            value = value.where(value != "")
            differs = value.notna() & (value != before[name])
        changed |= differs
        merged[name] = value.where(value.notna(), before[name])
    result.changed_contacts = merged[changed.to_numpy()].reset_index()
    result.counts.update(
        contacts_created=int(is_new.sum()),
        contacts_updated=int(changed.sum()),
        contacts_unchanged=int((~changed).sum()),
    )
    action = pd.Series("unchanged", index=given.index, dtype=object)
    action[is_new] = "create"
    action[changed[changed].index] = "update"
    with_contact = records["contact_name"] != ""
    keys = pd.MultiIndex.from_arrays(
        [records["account_number"], records["contact_name"].map(fold)]
    )
    result_action = pd.Series("", index=records.index, dtype=object)
    result_action[with_contact] = action.reindex(
        keys[with_contact.to_numpy()]
    ).to_numpy()
    return result_action


#: Per kind: the model, its date column, and the columns that make a row the same.
_EVENTS = {
    Kind.TRANSACTIONS: (Transaction, "occurred_on", ("amount", "profit", "product")),
    Kind.COMPLAINTS: (Complaint, "received_on", ("product", "text")),
    Kind.INTERACTIONS: (Interaction, "occurred_on", ("channel", "direction", "note")),
}


def _plan_events(
    engagement_id: int, kind: Kind, records: pd.DataFrame, result: Plan
) -> pd.Series:
    """Rows identical to stored ones are skipped, counting occurrences."""
    model, date_column, columns = _EVENTS[kind]
    events = records[["account_number", date_column]].copy()
    for name in columns:
        events[name] = records[name] if name in records else _default(name, events)
    stored = _stored_events(engagement_id, model, date_column, columns, events)
    new = pd.Series(True, index=records.index)
    if len(stored):
        file_keys = _event_keys(events, date_column, columns)
        names = list(file_keys.columns)
        have = _event_keys(stored, date_column, columns).groupby(names).size()
        # The n-th identical row of the file is new once n rows are stored.
        occurrence = file_keys.groupby(names).cumcount()
        stored_count = file_keys.join(have.rename("stored"), on=names)["stored"]
        new = occurrence >= stored_count.fillna(0)
    result.new_events = events[new.to_numpy()]
    result.counts[f"{kind}_created"] = int(new.sum())
    result.counts[f"{kind}_skipped"] = int((~new).sum())
    return pd.Series(np.where(new, "create", "skip"), index=records.index)


def _default(name: str, events: pd.DataFrame) -> pd.Series:
    if name == "profit":
        return pd.Series(np.nan, index=events.index)
    return pd.Series("", index=events.index, dtype=object)


def _event_keys(frame: pd.DataFrame, date_column: str, columns) -> pd.DataFrame:
    """Columns that compare exactly: days, cents, text."""
    keys = pd.DataFrame(index=frame.index)
    keys["account_number"] = frame["account_number"].astype(str)
    day = pd.to_datetime(frame[date_column]).to_numpy().astype("datetime64[D]")
    keys["day"] = day.astype("int64")
    for name in columns:
        values = frame[name]
        if name in ("amount", "profit"):
            cents = np.rint(pd.to_numeric(values).to_numpy(dtype="float64") * 100)
            keys[name] = np.where(np.isnan(cents), -(2**62), cents).astype("int64")
        else:
            keys[name] = values.fillna("").astype(str)
    return keys


def _stored_events(engagement_id, model, date_column, columns, events):
    accounts = set(events["account_number"].unique())
    query = (
        sa.select(
            Customer.account_number,
            getattr(model, date_column),
            *(getattr(model, name) for name in columns),
        )
        .join(Customer, model.customer_id == Customer.id)
        .where(model.engagement_id == engagement_id)
    )
    rows = [row for row in db.session.execute(query) if row[0] in accounts]
    return pd.DataFrame(rows, columns=["account_number", date_column, *columns])


# --- the commit -------------------------------------------------------------


def commit(
    engagement_id: int, user_id: int | None, filename: str, result: Plan
) -> ImportRun:
    """Write the plan in one transaction: everything or, on any error, nothing."""
    if not result.ok:
        raise ValueError("a plan with problems cannot be committed")
    try:
        connection = db.session.connection()
        now = utcnow()
        _insert_customers(connection, engagement_id, result.new_customers, now)
        _update_customers(result.changed_customers, now)
        ids = _customer_ids(engagement_id)
        _write_contacts(connection, result, ids)
        if result.new_events is not None:
            _insert_events(connection, engagement_id, user_id, result, ids, now)
        run = ImportRun(
            engagement_id=engagement_id,
            filename=filename[:255],
            kind=str(result.kind),
            counts=result.counts,
            imported_by_id=user_id,
        )
        db.session.add(run)
        activity.record(
            engagement_id, user_id, ActivityKind.CUSTOMERS_IMPORTED, filename[:255]
        )
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    customer_data_changed.send(engagement_id, user_id=user_id)
    return run


def _customer_ids(engagement_id: int) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(Customer.account_number, Customer.id).where(
            Customer.engagement_id == engagement_id
        )
    )
    return dict(rows.all())


_TEXT_CUSTOMER_FIELDS = [
    name
    for name in CUSTOMER_FIELDS
    if FIELDS[name].type in (FieldType.TEXT, FieldType.EMAIL)
]


def _insert_customers(connection, engagement_id, new: pd.DataFrame | None, now):
    if new is None or new.empty:
        return
    stamp = _timestamp(now)
    columns = {
        "engagement_id": _repeat(engagement_id, len(new)),
        **{name: _column(name, new) for name in CUSTOMER_FIELDS},
        "customisation_notes": _repeat("", len(new)),
        "created_at": _repeat(stamp, len(new)),
        "updated_at": _repeat(stamp, len(new)),
    }
    bulk_insert(connection, Customer.__table__, columns)


def _column(name: str, frame: pd.DataFrame) -> list:
    """One customer field as database values (text empty, others NULL)."""
    if name not in frame:
        return _repeat("" if name in _TEXT_CUSTOMER_FIELDS else None, len(frame))
    values = frame[name]
    if name in _TEXT_CUSTOMER_FIELDS:
        return values.fillna("").astype(str).tolist()
    kind = FIELDS[name].type
    if kind == FieldType.DATE:
        return _date_texts(values)
    if kind in (FieldType.POTENTIAL, FieldType.SHARE):
        numbers = pd.to_numeric(values).astype("float64")
        cast = int if kind == FieldType.POTENTIAL else float
        return [None if v != v else cast(v) for v in numbers.tolist()]
    return [None if v is None or v != v else str(v) for v in values.tolist()]


def _update_customers(changed: pd.DataFrame | None, now) -> None:
    if changed is None or changed.empty:
        return
    names = [n for n in CUSTOMER_FIELDS[1:] if n in changed]
    values = {name: _column(name, changed) for name in names}
    converters = {n: _as_date for n in names if FIELDS[n].type == FieldType.DATE}
    if "lifecycle_stage" in names:
        converters["lifecycle_stage"] = _as_stage
    rows = [
        {
            "customer_id": int(customer_id),
            "updated": now,
            **{n: converters.get(n, _same)(values[n][i]) for n in names},
        }
        for i, customer_id in enumerate(changed["id"].tolist())
    ]
    statement = (
        sa.update(Customer.__table__)
        .where(Customer.__table__.c.id == sa.bindparam("customer_id"))
        .values(
            updated_at=sa.bindparam("updated"),
            **{name: sa.bindparam(name) for name in names},
        )
    )
    db.session.execute(statement, rows)


def _as_date(text):
    return None if text is None else pd.Timestamp(text).date()


def _as_stage(text):
    return None if text is None else LifecycleStage(text)


def _same(value):
    return value


def _write_contacts(connection, result: Plan, ids: dict[str, int]) -> None:
    new = result.new_contacts
    if new is not None and not new.empty:

        def text(name):
            return (
                new[name].fillna("").astype(str).tolist()
                if name in new
                else (_repeat("", len(new)))
            )

        columns = {
            "customer_id": new["account_number"].map(ids).astype("int64").tolist(),
            "name": new["contact_name"].astype(str).tolist(),
            "title": text("contact_title"),
            "email": text("contact_email"),
            "phone": text("contact_phone"),
            "is_decision_maker": (
                new["contact_decision_maker"].astype(bool).astype(int).tolist()
                if "contact_decision_maker" in new
                else _repeat(0, len(new))
            ),
        }
        bulk_insert(connection, Contact.__table__, columns)
    changed = result.changed_contacts
    if changed is not None and not changed.empty:
        rows = [
            {
                "contact_id": int(row["id"]),
                "title": row["contact_title"] or "",
                "email": row["contact_email"] or "",
                "phone": row["contact_phone"] or "",
                "is_decision_maker": bool(row["contact_decision_maker"]),
            }
            for row in changed.to_dict("records")
        ]
        table = Contact.__table__
        statement = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("contact_id"))
            .values(
                title=sa.bindparam("title"),
                email=sa.bindparam("email"),
                phone=sa.bindparam("phone"),
                is_decision_maker=sa.bindparam("is_decision_maker"),
            )
        )
        db.session.execute(statement, rows)


def _insert_events(connection, engagement_id, user_id, result: Plan, ids, now):
    events = result.new_events
    if events.empty:
        return
    model, date_column, columns = _EVENTS[result.kind]
    count = len(events)
    values = {
        "engagement_id": _repeat(engagement_id, count),
        "customer_id": events["account_number"].map(ids).astype("int64").tolist(),
        date_column: _date_texts(events[date_column]),
    }
    for name in columns:
        column = events[name]
        if name in ("amount", "profit"):
            numbers = column.to_numpy(dtype="float64")
            values[name] = np.where(
                np.isnan(numbers), None, numbers.astype(object)
            ).tolist()
        else:
            values[name] = column.astype(str).tolist()
    if model is Interaction:
        values["recorded_by_id"] = _repeat(user_id, count)
        values["recorded_at"] = _repeat(_timestamp(now), count)
    bulk_insert(connection, model.__table__, values)


def _date_texts(values: pd.Series) -> list:
    days = pd.to_datetime(values).to_numpy().astype("datetime64[D]")
    texts = days.astype(str).astype(object)
    texts[np.isnat(days)] = None
    return texts.tolist()


def _timestamp(moment) -> str:
    """A timestamp as SQLAlchemy stores it on SQLite; PostgreSQL reads it too."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _repeat(value, count: int) -> list:
    return [value] * count
