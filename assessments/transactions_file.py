"""Reading a transactions file for ``flask analyze``: the columns the analyst
names, with messages that say which file, column and row are wrong."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from assessments.rfm import AMOUNT, CUSTOMER, DATE, PROFIT


class FileProblem(ValueError):
    """A transactions file that cannot be analysed; the message says why."""


def read_transactions(
    path: Path,
    columns: dict[str, str],
    date_format: str | None = None,
    sep: str = ",",
    decimal: str = ".",
) -> pd.DataFrame:
    """The file's transactions as customer, date, amount (and profit) columns.

    ``columns`` maps those names to the file's headers. Customer ids stay text,
    so that leading zeros survive.
    """
    try:
        # Ids and dates as text (leading zeros survive, dates are parsed below
        # with their format); numbers too when they use a decimal comma.
        text = [columns[CUSTOMER], columns[DATE]]
        if decimal != ".":
            text += [columns[n] for n in (AMOUNT, PROFIT) if n in columns]
        raw = pd.read_csv(
            path,
            sep=sep,
            dtype={header: "string" for header in text},
            encoding="utf-8-sig",
        )
    except (UnicodeDecodeError, pd.errors.ParserError, ValueError) as error:
        raise FileProblem(f"{path.name}: cannot be read as CSV: {error}") from error
    missing = [header for header in columns.values() if header not in raw.columns]
    if missing:
        raise FileProblem(
            f"{path.name}: no column {', '.join(map(repr, missing))}; "
            f"the file has {', '.join(map(repr, raw.columns))}"
        )
    frame = pd.DataFrame({name: raw[header] for name, header in columns.items()})
    frame[DATE] = _dates(frame[DATE], date_format, path, columns[DATE])
    for name in (AMOUNT, PROFIT):
        if name in frame:
            frame[name] = _numbers(frame[name], decimal, path, columns[name])
    return frame


def _dates(values: pd.Series, date_format, path: Path, header: str) -> pd.Series:
    parsed = pd.to_datetime(values, format=date_format, errors="coerce")
    return _checked(parsed, values, path, header, "a date")


def _numbers(values: pd.Series, decimal: str, path: Path, header: str) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values):
        return _checked(values.astype("float64"), values, path, header, "a number")
    text = values.astype("string").str.strip()
    if decimal == ",":
        # Turkish exports write 1.234,56: dots group thousands, the comma decides.
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(text, errors="coerce")
    return _checked(parsed, values, path, header, "a number")


def _checked(parsed, values, path: Path, header: str, what: str) -> pd.Series:
    bad = parsed.isna() & values.notna()
    if bad.any():
        row = int(bad.idxmax()) + 2  # 1-based, after the header line
        raise FileProblem(
            f"{path.name}, row {row}, column {header!r}: {values[bad.idxmax()]!r} "
            f"is not {what} ({int(bad.sum())} such rows)"
        )
    if parsed.isna().any():
        row = int(parsed.isna().idxmax()) + 2
        raise FileProblem(f"{path.name}, row {row}, column {header!r}: empty")
    return parsed
