"""Reading import files: detection, column guessing, conversions, validation.
No app and no database."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from app.design import import_file
from app.design.import_file import (
    STAGE_WORDS,
    FileRejected,
    Kind,
    Limits,
    Problem,
    Reason,
    Settings,
    check_xlsx,
    choices,
    dates,
    describe,
    detect_date_format,
    detect_decimal,
    detect_delimiter,
    detect_encoding,
    fold,
    guess_mapping,
    human_size,
    names_decision_makers,
    numbers,
    read_table,
    shares,
    text_values,
    validate,
)
from assessments.idic import LifecycleStage
from tests.import_files import (
    CUSTOMERS,
    SALES,
    csv_bytes,
    shared_strings_xlsx,
    xlsx_bytes,
    xlsx_with_entry,
    zip_bomb_xlsx,
)

#: The day the files are checked on; every date in them lies before it.
TODAY = date(2026, 12, 3)


def series(*values) -> pd.Series:
    return pd.Series(list(values), dtype=str)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Şişli".encode(), "utf-8"),
        (b"\xef\xbb\xbfCari Kod", "utf-8-sig"),
        ("Şişli…".encode("windows-1254"), "windows-1254"),
        # Turkish letters alone read alike in ISO-8859-9: named as Windows writes
        ("Şişli Iğdır".encode("iso-8859-9"), "windows-1254"),
        # 0x81 is no character in Windows-1254: reading it refuses the file.
        (b"Kod;Ad\r\n1;\x81\r\n", "windows-1254"),
        (b"plain ascii", "utf-8"),
        ("Kod\tAd".encode("utf-16"), "utf-16"),
    ],
)
def test_detect_encoding(data, expected):
    assert detect_encoding(data) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Cari Kod;Ünvan;Tutar", ";"),
        ("code,name,amount", ","),
        ("code\tname\tamount", "\t"),
        ("single", ","),
        ("Ad, Soyad;Tutar;Tarih", ";"),
    ],
)
def test_detect_delimiter(header, expected):
    assert detect_delimiter(header) == expected


@pytest.mark.parametrize(
    ("values", "delimiter", "expected"),
    [
        (["1.234,56", "12"], ",", ","),
        (["1,234.56", "12"], ";", "."),
        (["12,5"], ",", ","),
        (["12.5"], ";", "."),
        (["1.234"], ";", ","),  # undecided: Turkish Excel's semicolon decides
        (["1.234"], ",", "."),
        ([], ";", ","),
    ],
)
def test_detect_decimal(values, delimiter, expected):
    assert detect_decimal([series(*values)], delimiter) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["31.12.2025", "01.02.2026"], "%d.%m.%Y"),
        (["2025-12-31"], "%Y-%m-%d"),
        (["31/12/2025"], "%d/%m/%Y"),
        (["12/31/2025", "01/02/2026"], "%m/%d/%Y"),
        (["01/02/2026"], "%d/%m/%Y"),  # ambiguous: day first
        (["31.12.2025 00:00:00"], "%d.%m.%Y"),
        (["nonsense"], "%d.%m.%Y"),
    ],
)
def test_detect_date_format(values, expected):
    assert detect_date_format([series(*values)]) == expected


def test_fold_makes_turkish_headers_comparable():
    assert fold("MÜŞTERİ ADI") == fold("müşteri adı") == "musteriadi"
    assert fold("Kâr") == fold("KAR") == "kar"
    assert fold("E-posta") == "eposta"


def test_guess_mapping_from_turkish_headers():
    headers = [
        "Cari Kod",
        "Ünvan",
        "Fatura Tarihi",
        "Net Tutar",
        "Kâr",
        "Ürün",
        "İl",
        "Telefon",
        "E-posta",
        "Sektör",
    ]
    assert guess_mapping(Kind.TRANSACTIONS, headers) == {
        "account_number": "Cari Kod",
        "name": "Ünvan",
        "occurred_on": "Fatura Tarihi",
        "amount": "Net Tutar",
        "profit": "Kâr",
        "product": "Ürün",
        "city": "İl",
        "phone": "Telefon",
        "email": "E-posta",
        "sector": "Sektör",
    }


@pytest.mark.parametrize(
    ("headers", "field", "expected"),
    [
        (["Hesap No", "Müşteri Adı"], "account_number", "Hesap No"),
        (["Müşteri Kodu", "Müşteri Adı"], "account_number", "Müşteri Kodu"),
        (["Müşteri Kodu", "Müşteri Adı"], "name", "Müşteri Adı"),
        (["Kod", "Şehir", "Yetkili"], "contact_name", "Yetkili"),
        (["Kod", "Karar Verici"], "contact_name", "Karar Verici"),
        (["Kod", "Karar Verici Adı"], "contact_name", "Karar Verici Adı"),
        (["Code", "Decision maker"], "contact_name", "Decision maker"),
        (["Kod", "Karar verici mi?"], "contact_decision_maker", "Karar verici mi?"),
        (["Account number", "Name", "City"], "city", "City"),
        (["ACCOUNT NO", "COMPANY NAME"], "name", "COMPANY NAME"),
    ],
)
def test_guess_mapping_single_fields(headers, field, expected):
    assert guess_mapping(Kind.CUSTOMERS, headers)[field] == expected


def test_guess_mapping_falls_back_to_a_header_containing_the_word():
    mapping = guess_mapping(Kind.TRANSACTIONS, ["Cari Kod", "Tarih", "Tutar (TL)"])
    assert mapping["amount"] == "Tutar (TL)"


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1.234,56", ",", 1234.56),
        ("1.234", ",", 1234.0),
        ("-1.000.000,5", ",", -1000000.5),
        ("12,5", ",", 12.5),
        (" 7 ", ",", 7.0),
        ("1 234,56", ",", 1234.56),
        ("1,234.56", ".", 1234.56),
        ("1234.5", ".", 1234.5),
        ("", ",", None),
    ],
)
def test_numbers(text, decimal, expected):
    parsed, bad = numbers(series(text), decimal)
    assert not bad.iloc[0]
    if expected is None:
        assert math.isnan(parsed.iloc[0])
    else:
        assert parsed.iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "decimal"),
    [("abc", ","), ("1.5", ","), ("1.23.4", ","), ("1,5", "."), ("12-3", ".")],
)
def test_numbers_that_are_not(text, decimal):
    parsed, bad = numbers(series(text), decimal)
    assert bad.iloc[0]
    assert math.isnan(parsed.iloc[0])


def test_dates_in_the_chosen_format():
    parsed, bad = dates(series("31.12.2025", "1.2.2026", "", "32.12.2025"), "%d.%m.%Y")
    assert parsed.iloc[0] == pd.Timestamp("2025-12-31")
    assert parsed.iloc[1] == pd.Timestamp("2026-02-01")
    assert pd.isna(parsed.iloc[2]) and not bad.iloc[2]
    assert bad.tolist() == [False, False, False, True]


def test_dates_mixed_with_typed_cells():
    from datetime import datetime

    values = pd.Series([datetime(2025, 12, 31, 0, 0), "01.01.2026"], dtype=object)
    parsed, bad = dates(values, "%d.%m.%Y")
    assert parsed.tolist() == [pd.Timestamp("2025-12-31"), pd.Timestamp("2026-01-01")]
    assert not bad.any()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0,45", 0.45),
        ("45", 0.45),
        ("45%", 0.45),
        ("1", 1.0),
        ("1%", 0.01),
        ("100", 1.0),
    ],
)
def test_shares(text, expected):
    parsed, bad = shares(series(text), ",")
    assert not bad.iloc[0]
    assert parsed.iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize("text", ["-0,1", "150", "120%", "çok"])
def test_shares_out_of_range(text):
    _, bad = shares(series(text), ",")
    assert bad.iloc[0]


def test_lifecycle_words_in_english_and_turkish():
    parsed, bad = choices(
        series("Seçim", "KAZANIM", "elde tutma", "Derinleştirme", "retention", "x"),
        STAGE_WORDS,
    )
    assert parsed.tolist()[:5] == [
        LifecycleStage.SELECTION,
        LifecycleStage.ACQUISITION,
        LifecycleStage.RETENTION,
        LifecycleStage.DEEPENING,
        LifecycleStage.RETENTION,
    ]
    assert bad.tolist() == [False] * 5 + [True]


def test_text_takes_off_the_apostrophe_of_a_safe_export():
    assert text_values(series("'=1+2", "'quoted", " x ")).tolist() == [
        "=1+2",
        "'quoted",
        "x",
    ]


def test_human_size():
    assert human_size(100 * 1024 * 1024) == "100 MB"
    assert human_size(1536 * 1024) == "1.5 MB"
    assert human_size(10) == "1 KB"


def _table(tmp_path: Path, rows, name="f.csv", delimiter=";", **settings):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, delimiter))
    return read_table(path, name, Settings(**settings), Limits())


def test_validate_reports_every_bad_cell_in_file_order(tmp_path):
    rows = [
        ["Cari Kod", "Tarih", "Tutar", "Kâr"],
        ["A", "31.12.2025", "x", "y"],
        ["", "bad", "1", ""],
    ]
    table = _table(tmp_path, rows)
    mapping = guess_mapping(Kind.TRANSACTIONS, table.headers)
    parsed = validate(table, Kind.TRANSACTIONS, mapping, Settings(), TODAY)
    assert [(p.row, p.column, p.reason) for p in parsed.problems] == [
        (2, "Tutar", Reason.NOT_NUMBER),
        (2, "Kâr", Reason.NOT_NUMBER),
        (3, "Cari Kod", Reason.REQUIRED),
        (3, "Tarih", Reason.NOT_DATE),
    ]
    assert parsed.problem_count == 4


def test_a_date_after_today_is_reported_in_the_files_notation(tmp_path):
    rows = [
        ["Cari Kod", "Tarih", "Tutar"],
        ["A", "03.12.2026", "1"],
        ["A", "04.12.2026", "1"],
    ]
    table = _table(tmp_path, rows)
    mapping = guess_mapping(Kind.TRANSACTIONS, table.headers)
    parsed = validate(table, Kind.TRANSACTIONS, mapping, Settings(), TODAY)
    [problem] = parsed.problems
    assert (problem.row, problem.column, problem.reason) == (
        3,
        "Tarih",
        Reason.FUTURE_DATE,
    )
    assert problem.details == {"today": "03.12.2026"}


def test_validate_counts_conflicting_names_of_one_account(tmp_path):
    rows = [*CUSTOMERS, ["C-001", "Başka", "", "", "", ""], CUSTOMERS[1]]
    table = _table(tmp_path, rows, delimiter=",")
    mapping = guess_mapping(Kind.CUSTOMERS, table.headers)
    parsed = validate(table, Kind.CUSTOMERS, mapping, Settings(), TODAY)
    assert [(p.row, p.reason) for p in parsed.problems] == [(5, Reason.NAME_CONFLICT)]


def test_validate_needs_the_required_columns(tmp_path):
    table = _table(tmp_path, [["Cari Kod", "Şehir"], ["1", "Bursa"]])
    parsed = validate(
        table, Kind.CUSTOMERS, {"account_number": "Cari Kod"}, Settings(), TODAY
    )
    assert parsed.problems[0].reason == Reason.MISSING_COLUMN
    assert describe(parsed.problems[0], "f.csv") == (
        "f.csv: No column is chosen for Name, which this kind of file needs."
    )


def test_validate_skips_blank_rows_but_keeps_row_numbers(tmp_path):
    path = tmp_path / "b.csv"
    path.write_bytes(b"Cari Kod;Tarih;Tutar\r\nA;31.12.2025;1\r\n;;\r\n\r\nB;x;1\r\n")
    table = read_table(path, "b.csv", Settings(), Limits())
    mapping = guess_mapping(Kind.TRANSACTIONS, table.headers)
    parsed = validate(table, Kind.TRANSACTIONS, mapping, Settings(), TODAY)
    assert list(parsed.records.index) == [2, 5]
    assert [(p.row, p.column) for p in parsed.problems] == [(5, "Tarih")]


def test_validate_reads_a_yes_no_column_left_blank_as_no(tmp_path):
    rows = [
        ["Cari Kod", "Ünvan", "Yetkili", "Karar verici mi?"],
        ["A", "Bir", "Ayşe", ""],
        ["B", "İki", "", ""],
    ]
    table = _table(tmp_path, rows)
    mapping = guess_mapping(Kind.CUSTOMERS, table.headers)
    parsed = validate(table, Kind.CUSTOMERS, mapping, Settings(), TODAY)
    assert parsed.ok
    assert parsed.records["contact_decision_maker"].tolist() == [False, False]


@pytest.mark.parametrize(
    ("mapping", "expected"),
    [
        ({"contact_name": "Karar Verici"}, True),
        ({"contact_name": "KARAR VERİCİ ADI"}, True),
        ({"contact_name": "Karar veren kişi"}, True),
        ({"contact_name": "Decision maker"}, True),
        ({"contact_name": "Decision-maker name"}, True),
        ({"contact_name": "Yetkili"}, False),
        ({"contact_name": "Karar verici mi?"}, False),
        ({"contact_name": "Is decision maker"}, False),
        # a yes/no column says who decides
        ({"contact_name": "Karar Verici", "contact_decision_maker": "Evet"}, False),
        ({}, False),
    ],
)
def test_names_decision_makers(mapping, expected):
    assert names_decision_makers(mapping) is expected


def test_validate_marks_the_people_of_a_decision_maker_column(tmp_path):
    rows = [
        ["Cari Kod", "Ünvan", "Karar Verici"],
        ["A", "Bir", "Ayşe Yılmaz"],
        ["B", "İki", ""],
    ]
    table = _table(tmp_path, rows)
    mapping = guess_mapping(Kind.CUSTOMERS, table.headers)
    assert mapping["contact_name"] == "Karar Verici"
    parsed = validate(table, Kind.CUSTOMERS, mapping, Settings(), TODAY)
    assert parsed.ok
    assert parsed.records["contact_decision_maker"].tolist() == [True, False]


def test_read_table_semicolons_and_decimal_commas(tmp_path):
    table = _table(tmp_path, SALES)
    assert table.delimiter == ";"
    assert table.headers == SALES[0]
    mapping = guess_mapping(Kind.TRANSACTIONS, table.headers)
    parsed = validate(table, Kind.TRANSACTIONS, mapping, Settings(), TODAY)
    assert parsed.ok
    assert (parsed.decimal, parsed.date_format) == (",", "%d.%m.%Y")
    assert parsed.records["amount"].tolist() == [1234.56, 1234.56, 1234.0, -250.0]


def test_read_table_xlsx(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx_bytes([["Kod", "Ad"], [1001, "Bir"], [None, None]]))
    table = read_table(path, "x.xlsx", Settings(), Limits())
    assert table.headers == ["Kod", "Ad"]
    assert text_values(table.frame["Kod"]).tolist()[0] == "1001"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("a.xlsx", b"Kod;Ad\r\n1;x\r\n", Reason.NOT_XLSX),
        ("a.xlsx", zip_bomb_xlsx(5), Reason.ZIP_BOMB),
        ("a.pdf", b"%PDF", Reason.WRONG_TYPE),
        ("a.csv", b"", Reason.EMPTY),
        ("a.csv", b"\r\n\r\n", Reason.EMPTY),
        ("a.csv", b"Kod;Ad\r\n", Reason.NO_ROWS),
        ("a.csv", b"Kod,Ad\r\n1,2,3\r\n", Reason.BAD_LINE),
    ],
)
def test_read_table_rejects(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileRejected) as rejected:
        read_table(path, name, Settings(), Limits())
    assert rejected.value.problem.reason == reason


def test_read_table_limits(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes(csv_bytes(CUSTOMERS))
    with pytest.raises(FileRejected) as rejected:
        read_table(path, "m.csv", Settings(), Limits(max_rows=2))
    assert describe(rejected.value.problem, "m.csv") == (
        "m.csv: The file has more than 2 rows; split it into smaller files."
    )
    with pytest.raises(FileRejected) as rejected:
        read_table(path, "m.csv", Settings(), Limits(max_bytes=10))
    assert rejected.value.problem.reason == Reason.TOO_BIG


STRINGS = ["Kod", "Ad", "1001", "Bir"]


def test_openpyxl_parses_workbooks_with_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (shared_strings_xlsx(STRINGS, [[0, 1], [2, 3]]), None),
        (
            shared_strings_xlsx(STRINGS, [[0, 1], [2, 3]], "xl/sharedStrings.xml"),
            Reason.XML_ENTITIES,
        ),
        (
            shared_strings_xlsx(STRINGS, [[0, 1], [2, 3]], "xl/worksheets/sheet1.xml"),
            Reason.XML_ENTITIES,
        ),
        # A cell naming a shared string the table lacks: an IndexError in openpyxl.
        (shared_strings_xlsx(STRINGS, [[0, 1], [2, 9]]), Reason.BROKEN_XLSX),
        (shared_strings_xlsx(STRINGS, [[9, 1], [2, 3]]), Reason.BROKEN_XLSX),
    ],
)
def test_every_workbook_reader_error_is_the_files_problem(tmp_path, data, reason):
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    if reason is None:
        assert read_table(path, "x.xlsx", Settings(), Limits()).headers == ["Kod", "Ad"]
        return
    with pytest.raises(FileRejected) as rejected:
        read_table(path, "x.xlsx", Settings(), Limits())
    assert rejected.value.problem.reason == reason


@pytest.mark.parametrize(
    "name",
    [
        "../../evil.txt",
        "xl/../../evil.txt",
        "/abs/evil.txt",
        "..\\evil",
        "\\evil",
        "C:/x",
        "c:x",
    ],
)
def test_check_xlsx_refuses_entries_that_leave_the_archive(tmp_path, name):
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx_with_entry(name))
    with pytest.raises(FileRejected) as rejected:
        check_xlsx(path, Limits())
    assert rejected.value.problem.reason == Reason.UNSAFE_ENTRY
    assert describe(rejected.value.problem, "x.xlsx").startswith(
        f"x.xlsx: The workbook holds a part named “{name}”, a path that leads out"
    )


@pytest.mark.parametrize("name", ["xl/media/a..b.png", "xl/C:x", "docProps/..x"])
def test_check_xlsx_accepts_odd_but_harmless_names(tmp_path, name):
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx_with_entry(name))
    check_xlsx(path, Limits())


UNDEFINED_IN_1254 = [0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E]


@pytest.mark.parametrize("byte", UNDEFINED_IN_1254)
def test_a_byte_no_turkish_encoding_defines_is_refused_where_it_sits(tmp_path, byte):
    data = "Cari Kod;Ünvan;Şehir\r\nA;Şişli;İzmir\r\nB;Ab".encode("cp1254")
    path = tmp_path / "x.csv"
    path.write_bytes(data + bytes([byte]) + b"c;Bursa\r\n")
    with pytest.raises(FileRejected) as rejected:
        read_table(path, "x.csv", Settings(), Limits())
    assert describe(rejected.value.problem, "x.csv") == (
        f"x.csv, row 3, column “Ünvan”: byte 0x{byte:02X} is no character in "
        "UTF-8, Windows-1254 or ISO-8859-9, the encodings the import recognises, "
        "so the file is in another one. Save it as UTF-8 (in Excel: “CSV UTF-8”) "
        "and upload it again."
    )


def test_a_preview_reads_its_rows_only_and_the_check_reads_every_row(tmp_path):
    """The upload's preview of a large file answers at once; a byte no
    encoding defines, far below the preview's rows, is found by the check."""
    rows = "".join(f"{n};Ad {n}\r\n" for n in range(3000))
    path = tmp_path / "x.csv"
    path.write_bytes(f"Kod;Ad\r\n{rows}".encode() + b"3000;\x81\r\n")
    preview = read_table(path, "x.csv", Settings(), Limits(), nrows=10)
    assert (preview.headers, len(preview.frame)) == (["Kod", "Ad"], 10)
    with pytest.raises(FileRejected) as rejected:
        read_table(path, "x.csv", Settings(), Limits())
    assert (rejected.value.problem.row, rejected.value.problem.column) == (3002, "Ad")


@pytest.mark.parametrize(
    ("data", "encoding", "where", "code"),
    [
        # €, a letter in Windows-1254, a control character in ISO-8859-9
        (
            "Kod;Ad\r\n1;Bir\r\n2;".encode("cp1254") + b"\x80",
            "iso-8859-9",
            (3, "Ad"),
            "U+0080",
        ),
        (b"Kod;Ad\x8d\r\n1;Bir\r\n", "iso-8859-9", (1, None), "U+008D"),
        ("Kod,Ad\r\n1,x\u0085y\r\n".encode(), "detect", (2, "Ad"), "U+0085"),
        ('"Kod",Ad,Not\r\n1,"a, b",\u009f\r\n'.encode(), "utf-8", (2, "Not"), "U+009F"),
    ],
)
def test_control_characters_are_refused_whatever_the_encoding(
    tmp_path, data, encoding, where, code
):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with pytest.raises(FileRejected) as rejected:
        read_table(path, "x.csv", Settings(encoding=encoding), Limits())
    problem = rejected.value.problem
    assert (problem.reason, (problem.row, problem.column)) == (
        Reason.CONTROL_CHARACTER,
        where,
    )
    assert f"the text holds the control character {code} where a letter" in (
        describe(problem, "x.csv")
    )


def test_a_turkish_windows_export_reads_its_euro_dashes_and_quotes(tmp_path):
    text = "Kod;Ünvan;Not\r\n1;Işık – Gıda;„Fiyat“ 1.250 € … ‘iyi’\r\n"
    path = tmp_path / "x.csv"
    path.write_bytes(text.encode("cp1254"))
    table = read_table(path, "x.csv", Settings(), Limits())
    assert table.encoding == "windows-1254"
    assert table.frame.iloc[0].tolist() == [
        "1",
        "Işık – Gıda",
        "„Fiyat“ 1.250 € … ‘iyi’",
    ]


def test_windows_1254_reads_every_byte_it_defines(tmp_path):
    defined = bytes(b for b in range(0x80, 0xA0) if b not in UNDEFINED_IN_1254)
    path = tmp_path / "x.csv"
    path.write_bytes(b"Kod;Ad\r\n1;" + defined + b"\r\n")
    table = read_table(path, "x.csv", Settings(), Limits())
    assert table.encoding == "windows-1254"
    assert table.frame["Ad"][0] == defined.decode("cp1254")


def test_check_xlsx_accepts_a_real_workbook(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(xlsx_bytes([["a"], [1]]))
    check_xlsx(path, Limits())
    with pytest.raises(FileRejected):
        check_xlsx(path, Limits(xlsx_max_uncompressed=100))


def test_describe_names_file_row_and_column():
    problem = Problem(Reason.NOT_DATE, 7, "Tarih", "dün", {"example": "31.12.2025"})
    assert describe(problem, "s.csv") == (
        "s.csv, row 7, column “Tarih”: “dün” is not a date like 31.12.2025"
    )
    odd = Problem(Reason.EMAIL, 2, "E-posta", "%(x)s 100%")
    assert describe(odd, "s.csv").endswith("“%(x)s 100%” is not an e-mail address")


def test_rows_checked_in_parts_give_the_whole_files_result(tmp_path, monkeypatch):
    """A long file is checked CHECK_ROWS at a time so its job can say how far
    it is; the parts together are exactly the file checked at once."""
    rows = [
        *SALES,
        ["C-9", "", "bad", "1", "", ""],
        ["", "X", "01.01.2026", "", "", ""],
    ]
    table = _table(tmp_path, rows)
    mapping = guess_mapping(Kind.TRANSACTIONS, table.headers)
    whole = validate(table, Kind.TRANSACTIONS, mapping, Settings(), TODAY)
    heard = []
    monkeypatch.setattr(import_file, "CHECK_ROWS", 2)
    parts = validate(
        table,
        Kind.TRANSACTIONS,
        mapping,
        Settings(),
        TODAY,
        on_rows=lambda done, total: heard.append((done, total)),
    )
    assert heard == [(2, 6), (4, 6), (6, 6)]
    pd.testing.assert_frame_equal(parts.records, whole.records)
    assert parts.problems == whole.problems
    assert parts.problem_count == whole.problem_count == 3
