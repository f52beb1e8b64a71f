"""``flask analyze``: the customer analysis of a transactions file, without
the database or the web app.

Flask finds this command through its ``flask.commands`` entry point
(pyproject.toml), before and without building the app, so ``--help`` answers
at once; Polars, pandas and the analysis are imported only when a file is
analysed, and the app only to check a given ``--as-of`` against the product's
today.
It imports no module of the app, so that nothing of the web app loads with it.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click
from flask.cli import ScriptInfo


@click.command("analyze")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--customer-col", required=True, help="Header of the customer id.")
@click.option("--date-col", required=True, help="Header of the transaction date.")
@click.option("--amount-col", required=True, help="Header of the amount.")
@click.option("--profit-col", help="Header of the profit; then M is profit.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), help="Analysis date.")
@click.option("--date-format", help="strftime format of the dates, e.g. %d.%m.%Y.")
@click.option("--sep", default=",", show_default=True, help="Column separator.")
@click.option("--decimal", default=".", show_default=True, help="Decimal mark.")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def analyze_command(
    ctx,
    file,
    customer_col,
    date_col,
    amount_col,
    profit_col,
    as_of,
    date_format,
    sep,
    decimal,
    out,
):
    """Analyse a transactions file without the database: one row per customer."""
    import pandas as pd

    from assessments.analysis import Parameters, analyse_figures
    from assessments.rfm import AMOUNT, CUSTOMER, DATE, PROFIT
    from assessments.transactions_file import FileProblem, read_sales, sales_figures
    from assessments.value_groups import Flag

    if as_of and as_of.date() > _today(ctx):
        raise click.BadParameter(
            f"{as_of:%Y-%m-%d} is after today; an analysis looks back from a "
            "day that has happened.",
            param_hint="--as-of",
        )
    columns = {CUSTOMER: customer_col, DATE: date_col, AMOUNT: amount_col}
    if profit_col:
        columns[PROFIT] = profit_col
    try:
        sales = read_sales(file, columns, date_format, sep, decimal)
    except FileProblem as problem:
        raise click.ClickException(str(problem)) from problem
    analysis_date = pd.Timestamp(as_of if as_of else sales[DATE].max())
    figures = sales_figures(sales, analysis_date.date(), bool(profit_col))
    result = analyse_figures(
        figures, Parameters(as_of=analysis_date, use_profit=bool(profit_col))
    )
    table = result.customers.astype({flag.value: "int8" for flag in Flag})
    table.to_csv(out, index_label="customer")
    click.echo(
        f"Analysed {sales.height} transactions of {len(table)} customers "
        f"as of {analysis_date:%Y-%m-%d}; wrote {out}."
    )


def _today(ctx: click.Context) -> date:
    """Today in the product's time zone (``local_today`` outside a request):
    the configuration sets it, so the app is built for this check alone."""
    app = ctx.ensure_object(ScriptInfo).load_app()
    return datetime.now(ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])).date()
