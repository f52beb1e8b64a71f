"""Customer exports as CSV or XLSX, safe to open in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return) would run as a
formula in Excel or LibreOffice; such text gets a leading apostrophe, which the
import takes off again. Numbers and dates stay numbers and dates.

A CSV comes in two dialects, since Excel reads one by the computer's regional
settings: commas and decimal points for English, semicolons and decimal commas
for Turkish (where the comma is the decimal mark). Both start with a UTF-8 BOM.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import Response
from flask_babel import get_locale
from flask_babel import gettext as _

from app.extensions import db
from app.i18n.locale import local_today
from app.models import Contact, Customer, Engagement, Snapshot, SnapshotResult

FORMATS = ("csv", "xlsx")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV separates cells and writes the decimal mark."""

    delimiter: str
    decimal: str


#: By the name the export's links use.
CSV_DIALECTS = {"en": CsvDialect(",", "."), "tr": CsvDialect(";", ",")}


def default_dialect() -> str:
    """The dialect of the reader's language: Turkish users' Excel reads ``;``."""
    language = str(get_locale())
    return language if language in CSV_DIALECTS else "en"


def safe_cell(value):
    """The value as a spreadsheet may show it: text that a spreadsheet would
    treat as a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _headers() -> list[str]:
    # The same words the import recognises, so an export re-imports as is.
    return [
        _("Account number"),
        _("Name"),
        _("Trade title"),
        _("Address"),
        _("City"),
        _("Phone"),
        _("E-mail"),
        _("Sector"),
        _("Strategic potential"),
        _("Lifecycle stage"),
        _("Last verified"),
        _("Wallet share"),
        _("Decision maker"),
        _("Value group"),
        _("ABC class"),
    ]


def customer_rows(engagement_id: int) -> list[list]:
    """One row per customer, with the latest analysis's group and class."""
    latest = db.session.scalar(
        sa.select(Snapshot.id)
        .where(Snapshot.engagement_id == engagement_id, Snapshot.standing())
        .order_by(Snapshot.number.desc())
        .limit(1)
    )
    groups: dict[int, tuple[str, str]] = {}
    if latest is not None:
        groups = {
            customer_id: (group, abc)
            for customer_id, group, abc in db.session.execute(
                sa.select(
                    SnapshotResult.customer_id,
                    SnapshotResult.value_group,
                    SnapshotResult.abc,
                ).where(
                    SnapshotResult.snapshot_id == latest,
                    SnapshotResult.customer_id.is_not(None),
                )
            )
        }
    deciders: dict[int, str] = {}
    for customer_id, name in db.session.execute(
        sa.select(Contact.customer_id, Contact.name)
        .join(Customer, Contact.customer_id == Customer.id)
        .where(Customer.engagement_id == engagement_id, Contact.is_decision_maker)
        .order_by(Contact.id)
    ):
        deciders.setdefault(customer_id, name)
    customers = db.session.scalars(
        sa.select(Customer)
        .where(Customer.engagement_id == engagement_id)
        .order_by(Customer.account_number)
    )
    rows = []
    for c in customers:
        group, abc = groups.get(c.id, ("", ""))
        rows.append(
            [
                c.account_number,
                c.name,
                c.title,
                c.address,
                c.city,
                c.phone,
                c.email,
                c.sector,
                c.strategic_potential,
                c.lifecycle_stage.value if c.lifecycle_stage else "",
                c.last_verified_on,
                c.wallet_share,
                deciders.get(c.id, ""),
                group.upper(),
                abc,
            ]
        )
    return rows


def to_csv(
    headers: list[str], rows: list[list], dialect: CsvDialect = CSV_DIALECTS["en"]
) -> bytes:
    """UTF-8 with a BOM, so that Excel shows Turkish letters right."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in headers])
    for row in rows:
        writer.writerow([_csv_value(safe_cell(v), dialect.decimal) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_value(value, decimal: str):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # repr, as the csv module writes floats: no grouping, every digit kept.
        return repr(value).replace(".", decimal)
    return value


def to_xlsx(headers: list[str], rows: list[list], title: str) -> bytes:
    """A one-sheet workbook; text never becomes a formula."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append([safe_cell(h) for h in headers])
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def customers_download(
    engagement: Engagement, chosen: str, dialect: str | None = None
) -> Response:
    """The engagement's customers as a download in the chosen format (and CSV
    dialect: by default the reader's language's)."""
    rows = customer_rows(engagement.id)
    stamp = local_today().isoformat()
    if chosen == "xlsx":
        body = to_xlsx(_headers(), rows, _("Customers"))
        mimetype = _XLSX
    else:
        body = to_csv(_headers(), rows, CSV_DIALECTS[dialect or default_dialect()])
        mimetype = "text/csv; charset=utf-8"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="customers-{engagement.id}-{stamp}.{chosen}"'
    )
    return response
