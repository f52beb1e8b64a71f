"""What a URL may ask for: row ids within the columns' range, and page numbers
within the pages there are.

Ids are integer columns: PostgreSQL's ``integer`` ends at 2^31 - 1 and refuses
a bigger parameter ("integer out of range"), SQLite's at 2^63 - 1 (Python's
``OverflowError``). An id outside 1..MAX_ID names no row, so it answers 404
before any query: in a path through ``IdConverter`` (the app's ``int``), in a
query string through ``query_id``. A page number is clamped to the pages there
are, so that a huge one never reaches the OFFSET of a query.
"""

from __future__ import annotations

from flask import Flask, request
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select
from werkzeug.routing import IntegerConverter, ValidationError

from app.extensions import db

#: the largest id a row can have (PostgreSQL's integer; SQLite's is larger)
MAX_ID = 2**31 - 1
#: the digits of MAX_ID: anything longer is out of range without parsing it
_MAX_DIGITS = len(str(MAX_ID))
#: pages beyond this are the last page anyway; it keeps the OFFSET small
MAX_PAGE = 10**6


class IdConverter(IntegerConverter):
    """``<int:…>`` in every rule: 1..MAX_ID, or the rule does not match (404)."""

    def __init__(self, url_map, fixed_digits=0, min=1, max=MAX_ID, signed=False):
        super().__init__(url_map, fixed_digits, min, max, signed)

    def to_python(self, value: str) -> int:
        if len(value) > _MAX_DIGITS:
            raise ValidationError()
        return super().to_python(value)


def register(app: Flask) -> None:
    """Make ``int`` in every rule the bounded id; before the blueprints."""
    app.url_map.converters["int"] = IdConverter


def valid_id(value: object) -> bool:
    """Whether the value can be a row's id (services checking posted ids)."""
    return type(value) is int and 1 <= value <= MAX_ID


def query_id(name: str) -> int | None:
    """The id in the query string's ``name``, or None when there is none or
    it cannot name a row."""
    text = request.args.get(name, "")
    if not text.isascii() or not text.isdigit() or len(text) > _MAX_DIGITS:
        return None
    value = int(text)
    return value if valid_id(value) else None


def page_number() -> int:
    """The ``page`` the query string asks for: 1 when it is not a positive
    whole number, MAX_PAGE at most (``paginate`` then shows the last page)."""
    text = request.args.get("page", "")
    if not text.isascii() or not text.isdigit():
        return 1
    digits = text.lstrip("0")
    if len(digits) > len(str(MAX_PAGE)):
        return MAX_PAGE
    return max(1, min(int(digits or "0"), MAX_PAGE))


def paginate(query: Select, page: int, per_page: int) -> Pagination:
    """One page of the query's rows; a page past the last one is the last."""
    found = db.paginate(query, page=page, per_page=per_page, error_out=False)
    if found.page > found.pages > 0:
        return db.paginate(query, page=found.pages, per_page=per_page)
    return found
