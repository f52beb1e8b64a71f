"""Reading and writing many rows at once, below the ORM.

A million sales read through ORM rows cost seconds in Python objects alone; the
driver's own cursor hands back plain tuples, which pandas turns into columns in
C. Both functions run on the session's connection, inside its transaction.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from app.extensions import db


def read_frame(statement: sa.Select, columns: list[str]) -> pd.DataFrame:
    """The rows of a select as a DataFrame with the given column names."""
    connection = db.session.connection()
    compiled = statement.compile(dialect=connection.dialect)
    if connection.dialect.paramstyle == "qmark":
        parameters = tuple(compiled.params[name] for name in compiled.positiontup)
    else:
        parameters = compiled.params
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return pd.DataFrame.from_records(rows, columns=columns, nrows=len(rows))


def bulk_insert(connection: sa.Connection, table: sa.Table, columns: dict) -> None:
    """Insert many rows through the session's own connection (so they share its
    transaction): COPY on PostgreSQL, executemany on SQLite. ``columns`` maps
    column names to equally long lists of plain text, numbers and None; dates
    as ISO text, which both databases read."""
    names = list(columns)
    raw = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        from psycopg import sql

        copy_statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
        )
        with raw.cursor() as cursor, cursor.copy(copy_statement) as copy:
            for row in zip(*columns.values(), strict=True):
                copy.write_row(row)
        return
    compiled = table.insert().compile(dialect=connection.dialect, column_keys=names)
    # The compiled statement orders its ? marks by the table's columns.
    ordered = zip(*(columns[name] for name in compiled.positiontup), strict=True)
    cursor = raw.cursor()
    try:
        cursor.executemany(str(compiled), ordered)
    finally:
        cursor.close()
