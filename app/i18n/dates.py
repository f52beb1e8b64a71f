"""One date style in every page and report: the day, the month's short name
and the year ("4 Dec 2026", "4 Ara 2026"). Babel's short English date
("12/4/26") reads as 12 April outside the US, and its medium one puts the
month first; the reader's own clock stays (12:14 PM or 12:14)."""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_babel import format_date, format_time

from app.extensions import babel
from app.i18n.locale import select_timezone

DAY = "d MMM y"


def use_one_date_style(app: Flask) -> None:
    """Every named date format (short, medium, long, full) prints as ``DAY``,
    in templates (``dateformat``) and in code (``format_date``) alike; a
    moment is that date and the reader's short clock time."""
    for length in ("short", "medium", "long", "full"):
        babel.date_formats[f"date.{length}"] = DAY
    app.jinja_env.filters["datetimeformat"] = moment
    app.jinja_env.globals["time_zone"] = select_timezone


def moment(value: datetime | None, format: str | None = None) -> str:
    """A date and time, in the engagement's time zone (the filter keeps
    ``datetimeformat``'s signature; the style is always the same)."""
    if value is None:
        return "—"
    return f"{format_date(value)}, {format_time(value, 'short')}"
