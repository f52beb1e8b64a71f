"""Figures, amounts of money, percents, periods and waits written the
reader's way."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from babel.numbers import get_currency_symbol
from flask_babel import (
    format_currency,
    format_date,
    format_decimal,
    format_percent,
    format_timedelta,
    get_locale,
)

from assessments.scorecard import Period


def period_label(start: date, period: Period) -> str:
    """A measure's period in the reader's language, short enough for a chart's
    axis: Nov 2026 / Kas 2026, Q4 2026 / Ç4 2026."""
    return format_date(start, "MMM y" if period == Period.MONTHLY else "QQQ y")


def percent(value: float | None, digits: str = "#,##0.0") -> str:
    """A figure already in percent (20.4) written the reader's way: "20.4%"
    in English, "%20,4" in Turkish. Only the locale knows where the sign goes,
    so the digits are set inside its own percent pattern."""
    if value is None:
        return "—"
    pattern = get_locale().percent_formats[None].pattern
    return format_percent(value / 100, pattern.replace("#,##0", digits, 1))


def with_unit(value: float | None, unit: str, digits: str = "#,##0.##") -> str:
    """A measure's figure with its unit; a percent unit follows the locale
    (see ``percent``), any other unit is written after the number."""
    if value is None:
        return "—"
    if unit.strip() == "%":
        return percent(value, digits)
    number = format_decimal(value, digits)
    return f"{number} {unit}" if unit else number


def money(value: float | None, currency: str, digits: str = "#,##0") -> str:
    """An amount in the engagement's currency, the reader's way: "₺35.032.574"
    in Turkish, "TRY 35,032,574" in English. Whole units by default (totals of
    sales read better without cents); ``digits`` "#,##0.00" shows them. The
    digits are set inside the locale's own currency pattern, which knows where
    the sign goes."""
    if value is None:
        return "—"
    locale = get_locale()
    pattern = locale.currency_formats["standard"].pattern.replace("#,##0.00", digits, 1)
    return format_currency(
        value,
        currency,
        _spaced(pattern, get_currency_symbol(currency, locale)),
        currency_digits=False,
    )


def _spaced(pattern: str, symbol: str) -> str:
    """The pattern with a no-break space between a symbol made of letters
    and the digits (CLDR's currency spacing, which Babel leaves out), so that
    "TRY35,032,574" reads "TRY 35,032,574" while "$35" stays as it is."""
    if symbol[-1].isalpha():
        pattern = re.sub(r"¤(?=[#0])", "¤\u00a0", pattern)
    if symbol[0].isalpha():
        pattern = re.sub(r"(?<=[#0])¤", "\u00a0¤", pattern)
    return pattern


def wait_time(seconds: int) -> str:
    """How long to wait, the reader's way: in seconds under a minute, else in
    whole minutes, rounded up (so nobody tries again too early)."""
    if seconds > 60:
        seconds = math.ceil(seconds / 60) * 60
    return format_timedelta(timedelta(seconds=seconds), threshold=1)
