"""The transactions file reader of ``flask analyze`` and its per-customer sums:
the formats Turkish exports use, errors with their row and column, and the same
figures as the pandas reference on random sales full of ties and returns."""

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.analysis import customer_figures
from assessments.transactions_file import FileProblem, read_sales, sales_figures
from tests.figures import assert_same_figures

COLUMNS = {"customer": "Cari Kod", "date": "Tarih", "amount": "Tutar"}
AS_OF = date(2025, 12, 31)


def _read(tmp_path, text, encoding="utf-8", **options):
    path = tmp_path / "satislar.csv"
    path.write_bytes(text.encode(encoding))
    return read_sales(path, COLUMNS, **options)


def test_a_turkish_windows_export_is_read_with_its_characters(tmp_path):
    text = "Cari Kod;Tarih;Tutar;Açıklama\n0012;05.12.2025;1.250,50;İade „€“\n"
    sales = _read(
        tmp_path,
        text,
        "windows-1254",
        date_format="%d.%m.%Y",
        sep=";",
        decimal=",",
    )
    assert sales.rows() == [("0012", date(2025, 12, 5), 1250.5)]


def test_a_machine_export_is_read_as_it_is(tmp_path):
    sales = _read(tmp_path, "\ufeffCari Kod,Tarih,Tutar\n007,2025-12-05,10.5\n")
    assert sales.rows() == [("007", date(2025, 12, 5), 10.5)]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("2,2025-12-06,lots", "row 3, column 'Tutar': 'lots' is not a number"),
        ("2,2025-13-06,1", "row 3, column 'Tarih': '2025-13-06' is not a date"),
        ("2,2025-12-06,", "row 3, column 'Tutar': empty"),
        (",2025-12-06,1", "row 3, column 'Cari Kod': empty"),
    ],
)
def test_a_bad_value_names_its_row_and_column(tmp_path, line, message):
    with pytest.raises(FileProblem, match=message):
        _read(tmp_path, f"Cari Kod,Tarih,Tutar\n1,2025-12-05,1\n{line}\n")


def test_a_missing_column_names_the_columns_there_are(tmp_path):
    with pytest.raises(FileProblem, match="no column 'Tutar'; the file has 'Cari Kod'"):
        _read(tmp_path, "Cari Kod,Tarih,Amount\n1,2025-12-05,1\n")


day = st.integers(-800, 30).map(lambda offset: AS_OF + timedelta(days=offset))
cents = st.sampled_from([-25000, -10000, -1, 0, 1, 10000, 15000, 25000, 33333])
sale = st.tuples(
    st.sampled_from(["01", "1", "A", "b", "Ç"]),
    day,
    cents,
    st.sampled_from([-500, 0, 700, 1200]),
)


@settings(max_examples=60, deadline=None)
@given(sales=st.lists(sale, min_size=1, max_size=40), use_profit=st.booleans())
def test_the_sums_are_the_references(tmp_path_factory, sales, use_profit):
    path = tmp_path_factory.mktemp("sales") / "sales.csv"
    lines = [f"{c},{d:%Y-%m-%d},{a / 100},{p / 100}" for c, d, a, p in sales]
    path.write_text("c,d,a,p\n" + "\n".join(lines) + "\n", encoding="utf-8")
    columns = {"customer": "c", "date": "d", "amount": "a", "profit": "p"}
    read = read_sales(path, columns)
    summed = sales_figures(read, AS_OF, use_profit)
    frame = pd.DataFrame(sales, columns=list(columns))
    frame = frame.assign(
        date=pd.to_datetime(frame["date"]),
        amount=frame["amount"] / 100,
        profit=frame["profit"] / 100,
    )
    reference = customer_figures(frame, pd.Timestamp(AS_OF), use_profit)
    reference = reference.set_axis(reference.index.astype(str)).sort_index()
    assert_same_figures(summed, reference, AS_OF, use_profit)
