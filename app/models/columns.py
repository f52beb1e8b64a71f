"""Column helpers shared by the models, portable across SQLite and PostgreSQL."""

import dataclasses
from datetime import UTC, datetime
from enum import Enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, declared_attr, mapped_column


def utcnow() -> datetime:
    """Now in UTC, naive, as every timestamp column stores it."""
    return datetime.now(UTC).replace(tzinfo=None)


def enum_column(enum_class: type[Enum], length: int = 20) -> sa.Enum:
    """Store an enum by its value in a plain string column (no native DB enum),
    so adding a member never needs an ALTER TYPE."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def assign(row: object, values: object) -> None:
    """Copy every field of a typed value (the frozen dataclass a form hands
    its service) onto the row's attribute of the same name. The dataclass
    names exactly what the change may touch, so nothing else can change."""
    for field in dataclasses.fields(values):  # type: ignore[arg-type]
        setattr(row, field.name, getattr(values, field.name))


class Revised:
    """A row people edit from forms. ``revision`` is SQLAlchemy's version
    counter: it grows at every change, and every UPDATE of the row says
    ``… WHERE revision = <the one read>``, so a write based on a row that
    someone else changed since it was read fails instead of overwriting them
    (``app.revisions`` turns that into a refusal)."""

    revision: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.revision}
