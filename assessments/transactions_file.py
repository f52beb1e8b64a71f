"""Reading a transactions file for ``flask analyze``, and summing it up per
customer: the columns the analyst names, with messages that say which file,
column and row are wrong.

Polars reads and sums the file (in Rust, on every core): a million sales take
a fraction of a second and ten million fit in well under a gigabyte, where
pandas needed seconds and 1.5 GB. What comes out is one row per customer, the
``CUSTOMER_FIGURES`` that ``assessments.analysis.analyse_figures`` scores, as
for a database's sums; ``customer_figures`` (pandas) is the reference that a
property test holds these sums to.
"""

from __future__ import annotations

import codecs
import io
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

from assessments.rfm import AMOUNT, CUSTOMER, DATE, PROFIT

#: Tried when a file is not UTF-8: what Turkish Windows exports are written in.
FALLBACK_ENCODING = "windows-1254"


class FileProblem(ValueError):
    """A transactions file that cannot be analysed; the message says why."""


def read_sales(
    path: Path,
    columns: dict[str, str],
    date_format: str | None = None,
    sep: str = ",",
    decimal: str = ".",
) -> pl.DataFrame:
    """The file's sales as customer (text), date, amount (and profit) columns.

    ``columns`` maps those names to the file's headers. Customer ids stay
    text, so that leading zeros survive; a file that is not UTF-8 is read as
    windows-1254. With ``decimal=","`` dots group thousands (``1.234,56``).
    """
    source = _source(path)
    try:
        headers = _read(source, sep, {}, {}, n_rows=0).columns
        missing = [header for header in columns.values() if header not in headers]
        if missing:
            raise FileProblem(
                f"{path.name}: no column {', '.join(map(repr, missing))}; "
                f"the file has {', '.join(map(repr, headers))}"
            )
        if decimal == "." and date_format in (None, "%Y-%m-%d"):
            typed = _typed(source, sep, columns)
            if typed is not None:
                return typed
        # Everything as text, parsed below: a value that is no date or number
        # is then found with its row, instead of failing the whole read.
        raw = _read(source, sep, columns, {header: pl.String for header in headers})
    except (pl.exceptions.PolarsError, ValueError) as error:
        if isinstance(error, FileProblem):
            raise
        raise FileProblem(f"{path.name}: cannot be read as CSV: {error}") from error
    text = raw.select(pl.col(header).alias(name) for name, header in columns.items())
    parsed = text.select(
        pl.col(CUSTOMER),
        pl.col(DATE).str.strip_chars().str.to_date(date_format, strict=False),
        *(_number(name, decimal) for name in (AMOUNT, PROFIT) if name in columns),
    )
    checks = (CUSTOMER, "an id"), (DATE, "a date"), (AMOUNT, "a number")
    for name, what in (*checks, (PROFIT, "a number")):
        if name in columns:
            _check(parsed[name], text[name], path, columns[name], what)
    return parsed


def _read(source, sep: str, columns: dict, schema: dict, **options) -> pl.DataFrame:
    """The named columns of the file (all of them when none is named)."""
    headers = list(dict.fromkeys(columns.values())) or None
    if isinstance(source, io.BytesIO):
        source.seek(0)
    return pl.read_csv(
        source,
        separator=sep,
        columns=headers,
        schema_overrides=schema,
        **options,
    )


def _typed(source, sep: str, columns: dict[str, str]) -> pl.DataFrame | None:
    """The sales parsed as they are read, when every date is ISO and every
    number has a decimal point and is there (the usual machine export): twice
    as fast as text parsed after. None when a value is not so: the text is
    then read and parsed again, to say which row is wrong."""
    schema = {header: pl.Float64 for header in columns.values()}
    schema |= {columns[CUSTOMER]: pl.String, columns[DATE]: pl.Date}
    try:
        raw = _read(source, sep, columns, schema)
    except pl.exceptions.PolarsError:
        return None
    sales = raw.select(pl.col(header).alias(name) for name, header in columns.items())
    if sales.null_count().sum_horizontal().item():
        return None
    return sales


def _source(path: Path) -> Path | io.BytesIO:
    """The file itself when it is UTF-8 (Polars maps it), else its text
    decoded from windows-1254 and handed over as UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as file:
        try:
            while block := file.read(1 << 24):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            pass
        else:
            return path
    try:
        return io.BytesIO(path.read_text(FALLBACK_ENCODING).encode("utf-8"))
    except UnicodeDecodeError as error:
        raise FileProblem(
            f"{path.name}: cannot be read as UTF-8 nor as {FALLBACK_ENCODING}"
        ) from error


def _number(name: str, decimal: str) -> pl.Expr:
    text = pl.col(name).str.strip_chars()
    if decimal == ",":
        # Turkish exports write 1.234,56: dots group thousands, the comma decides.
        text = text.str.replace_all(".", "", literal=True).str.replace(
            ",", ".", literal=True
        )
    return text.cast(pl.Float64, strict=False)


def _check(parsed: pl.Series, values: pl.Series, path: Path, header, what) -> None:
    bad = parsed.is_null() & values.is_not_null()
    if bad.any():
        row = int(bad.arg_true()[0])
        raise FileProblem(
            f"{path.name}, row {row + 2}, column {header!r}: {values[row]!r} "
            f"is not {what} ({int(bad.sum())} such rows)"
        )
    if parsed.is_null().any():
        row = int(parsed.is_null().arg_true()[0]) + 2  # 1-based, after the header
        raise FileProblem(f"{path.name}, row {row}, column {header!r}: empty")


def sales_figures(
    sales: pl.DataFrame, as_of: date, use_profit: bool = False
) -> pd.DataFrame:
    """The ``CUSTOMER_FIGURES`` of each customer with a sale on or before
    ``as_of``, ordered by customer, summed as ``customer_figures`` does:
    per customer and day first (a purchase is a day whose lines add up to at
    least a cent), then per customer."""
    year = timedelta(days=365)
    has_profit = PROFIT in sales.columns
    per_day = {"total": pl.col(AMOUNT).sum(), "lines": pl.len()}
    if use_profit:
        per_day["value"] = pl.col(PROFIT).sum()
    if has_profit:
        per_day |= {"profit": pl.col(PROFIT).sum(), "profits": pl.col(PROFIT).count()}
    days = (
        sales.lazy()
        .filter(pl.col(DATE) <= as_of)
        .group_by(CUSTOMER, DATE)
        .agg(**per_day)
    )
    purchase = pl.col("total").round(2) > 0
    this_year = pl.col(DATE) > as_of - year
    year_before = (pl.col(DATE) > as_of - 2 * year) & ~this_year
    # Each day's share of each figure as a column, then plain sums and
    # maxima per customer: faster than filters inside the grouping.
    in_year = {
        "sales_12m": pl.when(this_year).then(pl.col("total")).otherwise(0.0),
        "sales_prior_12m": pl.when(year_before).then(pl.col("total")).otherwise(0.0),
    }
    if has_profit:
        in_year["profit_12m"] = pl.when(this_year).then(pl.col("profit"))
        in_year["profits"] = pl.when(this_year).then(pl.col("profits")).otherwise(0)
    figures = (
        days.with_columns(
            purchase_day=pl.when(purchase).then(pl.col(DATE)),
            purchase=purchase.cast(pl.Int64),
            **in_year,
        )
        .group_by(CUSTOMER)
        .agg(
            last=pl.coalesce(pl.col("purchase_day").max(), pl.col(DATE).max()),
            frequency=pl.col("purchase").sum(),
            monetary=pl.col("value" if use_profit else "total").sum(),
            sales_12m=pl.col("sales_12m").sum(),
            sales_prior_12m=pl.col("sales_prior_12m").sum(),
            profit_12m=pl.col("profit_12m").sum() if has_profit else pl.lit(0.0),
            profits=pl.col("profits").sum() if has_profit else pl.lit(0),
            lines=pl.col("lines").sum(),
        )
        .sort(CUSTOMER)
        .collect()
    )
    return pd.DataFrame(
        {
            "last": figures["last"].to_numpy().astype("datetime64[ns]"),
            "frequency": figures["frequency"].to_numpy().astype("int64"),
            **{
                name: figures[name].to_numpy().astype("float64")
                for name in ("monetary", "sales_12m", "sales_prior_12m")
            },
            # NaN for a customer none of whose lines of the 12 months has one.
            "profit_12m": np.where(
                figures["profits"].to_numpy() > 0,
                figures["profit_12m"].to_numpy().astype("float64"),
                np.nan,
            ),
            "lines": figures["lines"].to_numpy().astype("int64"),
        },
        index=pd.Index(figures[CUSTOMER].to_numpy(), name=CUSTOMER),
    )
