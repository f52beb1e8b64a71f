"""The customer-data import through the test client: upload, columns, plan,
commit; awkward and broken files, each with its message and nothing written."""

from __future__ import annotations

import io
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from app.design import import_service
from app.extensions import db
from app.models import (
    Complaint,
    Contact,
    Customer,
    ImportRun,
    Interaction,
    SiteRole,
    Transaction,
)
from assessments.idic import Channel, InteractionDirection, LifecycleStage
from assessments.roles import Role
from tests.html_forms import selected
from tests.import_files import (
    CUSTOMERS,
    SALES,
    XLSX_CUSTOMERS,
    csv_bytes,
    shared_strings_xlsx,
    xlsx_bytes,
    xlsx_with_entry,
    zip_bomb_xlsx,
)


@pytest.fixture
def app_config(request, tmp_path) -> dict:
    """Uploads in a temporary folder; a test may pass smaller limits."""
    return {"IMPORT_FOLDER": str(tmp_path / "imports"), **getattr(request, "param", {})}


def limits(**config):
    return pytest.mark.parametrize("app_config", [config], indirect=True)


def base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/design"


def upload(client, engagement_id, data: bytes, filename: str, **fields):
    form = {"kind": "customers", **fields, "file": (io.BytesIO(data), filename)}
    return client.post(
        f"{base(engagement_id)}/import", data=form, content_type="multipart/form-data"
    )


def mapping_url(response) -> str:
    assert response.status_code == 302, response.text
    location = urlsplit(response.headers["Location"])
    return f"{location.path}?{location.query}"


def checked(client, engagement_id, data, filename, mapping=None, **fields):
    """Upload, accept the guessed columns (or change some), and check the file."""
    url = mapping_url(upload(client, engagement_id, data, filename, **fields))
    page = client.get(url)
    assert page.status_code == 200, page.text
    form = selected(page.text)
    form.update(mapping or {})
    path = url.split("?")[0]
    return followed(client, client.post(f"{path}/plan", data=form)), path, form


def followed(client, response):
    """The page a started job leads to: jobs run at once in tests, so a
    check leads to its page of what the import would do."""
    if response.status_code != 302:
        return response
    return client.get(response.headers["Location"])


def imported(client, engagement_id, data, filename, mapping=None, **fields):
    """The whole import; returns the response to where the import led (the
    customers, with what it did waiting in the flashed messages)."""
    plan, path, form = checked(client, engagement_id, data, filename, mapping, **fields)
    assert plan.status_code == 200, plan.text
    response = client.post(f"{path}/commit", data=form)
    assert "/import/runs/" in response.headers["Location"], response.text
    return followed(client, response)


def flashed(client) -> str:
    """The messages waiting for the next page (the customer list's own tests
    cover how it shows them)."""
    with client.session_transaction() as session:
        return " ".join(message for _, message in session.get("_flashes", []))


def counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            model.__tablename__: db.session.scalar(
                select(func.count()).select_from(model)
            )
            for model in (
                Customer,
                Contact,
                Transaction,
                Complaint,
                Interaction,
                ImportRun,
            )
        }


def customers(app) -> dict[str, Customer]:
    with app.app_context():
        rows = db.session.scalars(select(Customer)).all()
        for row in rows:
            db.session.expunge(row)
        return {row.account_number: row for row in rows}


def sales(app) -> list[tuple]:
    with app.app_context():
        return db.session.execute(
            select(
                Customer.account_number,
                Transaction.occurred_on,
                Transaction.amount,
                Transaction.profit,
                Transaction.product,
            )
            .join(Customer, Transaction.customer_id == Customer.id)
            .order_by(Transaction.id)
        ).all()


EMPTY = {
    "customers": 0,
    "contacts": 0,
    "transactions": 0,
    "complaints": 0,
    "interactions": 0,
    "import_runs": 0,
}


# --- happy paths ------------------------------------------------------------


def test_a_customer_file_with_turkish_headers_is_imported(app, client, engagement):
    response = imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{base(engagement)}/customers")
    assert flashed(client) == "Imported müşteriler.csv: 3 customers created."
    rows = customers(app)
    assert rows["C-001"].name == "Şimşek Gıda Ltd. Şti."
    assert rows["C-002"].city == "Iğdır"
    assert rows["C-002"].email == "info@ilgaz.example"
    with app.app_context():
        run = db.session.scalar(select(ImportRun))
        assert run.kind == "customers"
        assert run.counts["customers_created"] == 3
        assert run.filename == "müşteriler.csv"


def test_control_characters_leave_the_file_name(app, client, engagement, tmp_path):
    name = "mü\x00ş\tteri\x1b[31m.csv"
    response = imported(client, engagement, csv_bytes(CUSTOMERS), name)
    assert response.status_code == 302
    assert flashed(client) == "Imported müşteri[31m.csv: 3 customers created."
    with app.app_context():
        assert db.session.scalar(select(ImportRun.filename)) == "müşteri[31m.csv"
    # a browser sends CR and LF in a file name escaped; a script may not
    stored = import_service.store_upload(
        tmp_path, engagement, io.BytesIO(b"x"), "a\r\nb.csv", 100, 60
    )
    assert stored.filename == "ab.csv"


def test_the_mapping_page_guesses_columns_and_shows_the_first_rows(client, engagement):
    url = mapping_url(upload(client, engagement, csv_bytes(SALES, ";"), "s.csv"))
    page = client.get(url.replace("kind=customers", "kind=transactions")).text
    chosen = selected(page)
    assert chosen["map_account_number"] == "Cari Kod"
    assert chosen["map_name"] == "Ünvan"
    assert chosen["map_occurred_on"] == "Fatura Tarihi"
    assert chosen["map_amount"] == "Net Tutar"
    assert chosen["map_profit"] == "Kâr"
    assert chosen["map_product"] == "Ürün"
    assert "Kereste" in page  # the preview
    assert "Found: Semicolon (;)" in page
    assert "Found: 1.234,56" in page
    assert "Found: 31.12.2025" in page


def test_semicolons_decimal_commas_and_turkish_dates(app, client, engagement):
    data = csv_bytes(SALES, ";")
    response = imported(client, engagement, data, "satış.csv", kind="transactions")
    assert response.status_code == 302
    assert sales(app) == [
        ("C-001", date(2025, 12, 31), 1234.56, 100.5, "Un"),
        ("C-001", date(2025, 12, 31), 1234.56, 100.5, "Un"),
        ("C-002", date(2026, 1, 2), 1234.0, -12.5, "Kereste"),
        ("C-003", date(2025, 6, 15), -250.0, None, "Sac"),
    ]


def test_one_sheet_of_sales_creates_customers_and_their_sales(app, client, engagement):
    data = csv_bytes(SALES, ";")
    imported(client, engagement, data, "satış.csv", kind="transactions")
    assert (
        flashed(client) == "Imported satış.csv: 3 customers created, 4 sales created."
    )
    assert customers(app)["C-003"].name == "Öztürk Çelik A.Ş."


def test_reimporting_creates_no_duplicates_but_keeps_identical_sales(
    app, client, engagement
):
    data = csv_bytes(SALES, ";")
    imported(client, engagement, data, "satış.csv", kind="transactions")
    plan, _, _ = checked(client, engagement, data, "satış.csv", kind="transactions")
    assert "3 customers stay unchanged" in plan.text
    assert "4 sales already there, will be skipped" in plan.text
    imported(client, engagement, data, "satış.csv", kind="transactions")
    assert counts(app)["customers"] == 3
    assert counts(app)["transactions"] == 4  # the two identical sales stay two
    imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    assert counts(app)["customers"] == 3


def test_a_third_identical_sale_is_added_once(app, client, engagement):
    data = csv_bytes(SALES, ";")
    imported(client, engagement, data, "satış.csv", kind="transactions")
    more = csv_bytes([*SALES, SALES[1]], ";")
    plan, _, _ = checked(client, engagement, more, "satış.csv", kind="transactions")
    assert "1 sale will be created" in plan.text
    imported(client, engagement, more, "satış.csv", kind="transactions")
    assert counts(app)["transactions"] == 5


def test_a_changed_field_updates_and_an_empty_cell_keeps(app, client, engagement):
    imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    changed = [row[:] for row in CUSTOMERS]
    changed[1][2] = "Ankara"
    changed[2][4] = ""  # the e-mail cell left empty
    plan, _, _ = checked(client, engagement, csv_bytes(changed), "m.csv")
    assert "1 customer will be updated" in plan.text
    assert "2 customers stay unchanged" in plan.text
    imported(client, engagement, csv_bytes(changed), "m.csv")
    rows = customers(app)
    assert rows["C-001"].city == "Ankara"
    assert rows["C-002"].email == "info@ilgaz.example"


def test_xlsx_happy_path_keeps_typed_cells(app, client, engagement):
    response = imported(client, engagement, xlsx_bytes(XLSX_CUSTOMERS), "list.xlsx")
    assert response.status_code == 302
    rows = customers(app)
    assert rows["1001"].name == "Anadolu Tekstil"
    assert rows["1001"].strategic_potential == 4
    assert rows["1001"].last_verified_on == date(2025, 12, 31)
    assert rows["1002"].last_verified_on == date(2025, 6, 1)


def test_bom_utf8_header_is_recognised(app, client, engagement):
    response = imported(client, engagement, csv_bytes(CUSTOMERS, bom=True), "bom.csv")
    assert response.status_code == 302
    assert "C-001" in customers(app)


def test_tab_delimited(app, client, engagement):
    data = csv_bytes(SALES, "\t")
    response = imported(client, engagement, data, "sales.txt", kind="transactions")
    assert response.status_code == 302
    assert counts(app)["transactions"] == 4


@pytest.mark.parametrize(
    ("encoding", "extra"),
    [
        ("windows-1254", "„Özel“ fiyat 1.250 € – kampanya … not"),
        # Turkish letters alone read the same in either: Windows names it
        ("iso-8859-9", ""),
    ],
)
def test_a_turkish_windows_export_is_named_and_read_as_windows_1254(
    app, client, engagement, encoding, extra
):
    rows = [
        ["Cari Kod", "Ünvan", "Şehir", "Sektör"],
        ["T-1", "Şişli Ğıda İçecek ılık", "İğdır", extra],
    ]
    data = csv_bytes(rows, ";", encoding=encoding)
    url = mapping_url(upload(client, engagement, data, "tr.csv"))
    page = client.get(url).text
    assert "Found: Windows-1254 (Turkish)" in page
    assert "ISO-8859-9 (Latin-5)</option>" in page  # still there to choose
    assert "Found: ISO-8859-9" not in page
    if extra:
        assert extra in page  # the preview
    imported(client, engagement, data, "tr.csv")
    row = customers(app)["T-1"]
    assert row.name == "Şişli Ğıda İçecek ılık"
    assert row.city == "İğdır"
    assert row.sector == extra


def test_turkish_numbers_and_dates(app, client, engagement):
    rows = [
        ["Hesap No", "Tarih", "Tutar"],
        ["A", "31.12.2025", "1.234,56"],
        ["A", "01.01.2026", "1.234"],
        ["A", "1.2.2026", "-1.000.000,5"],
    ]
    imported(client, engagement, csv_bytes(rows, ";"), "t.csv", kind="transactions")
    assert [(r[1], r[2]) for r in sales(app)] == [
        (date(2025, 12, 31), 1234.56),
        (date(2026, 1, 1), 1234.0),
        (date(2026, 2, 1), -1000000.5),
    ]


def test_chosen_settings_override_detection(app, client, engagement):
    rows = [["Hesap No", "Tarih", "Tutar"], ["A", "12/31/2025", "1,234.5"]]
    response = imported(
        client,
        engagement,
        csv_bytes(rows, ";"),
        "us.csv",
        kind="transactions",
        decimal=".",
        date_format="%m/%d/%Y",
    )
    assert response.status_code == 302
    assert [(r[1], r[2]) for r in sales(app)] == [(date(2025, 12, 31), 1234.5)]


def test_customer_fields_in_english_and_turkish_words(app, client, engagement):
    rows = [
        [
            "Account number",
            "Name",
            "Lifecycle stage",
            "Wallet share",
            "Strategic potential",
            "Yetkili",
            "Karar Verici mi",
        ],
        ["K1", "Bir", "elde tutma", "45%", "5", "Ayşe Yılmaz", "evet"],
        ["K2", "İki", "Deepening", "0,3", "1", "", ""],
        ["K3", "Üç", "KAZANIM", "45", "", "Can Demir", "hayır"],
    ]
    response = imported(client, engagement, csv_bytes(rows, ";"), "k.csv")
    assert response.status_code == 302
    rows = customers(app)
    assert rows["K1"].lifecycle_stage == LifecycleStage.RETENTION
    assert rows["K2"].lifecycle_stage == LifecycleStage.DEEPENING
    assert rows["K3"].lifecycle_stage == LifecycleStage.ACQUISITION
    assert rows["K1"].wallet_share == pytest.approx(0.45)
    assert rows["K2"].wallet_share == pytest.approx(0.3)
    assert rows["K3"].wallet_share == pytest.approx(0.45)
    with app.app_context():
        contacts = {
            c.name: c.is_decision_maker for c in db.session.scalars(select(Contact))
        }
    assert contacts == {"Ayşe Yılmaz": True, "Can Demir": False}


def test_complaints_and_interactions(app, client, engagement):
    imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    complaints = [
        ["Cari Kod", "Şikayet Tarihi", "Ürün", "Şikayet"],
        ["C-001", "03.03.2026", "Un", "Geç teslimat"],
    ]
    imported(client, engagement, csv_bytes(complaints, ";"), "ş.csv", kind="complaints")
    log = [
        ["Cari Kod", "Tarih", "Kanal", "Yön", "Not"],
        ["C-002", "04.03.2026", "Yüz yüze", "giden", "Ziyaret"],
        ["C-003", "05.03.2026", "e-posta", "Gelen", ""],
    ]
    imported(client, engagement, csv_bytes(log, ";"), "g.csv", kind="interactions")
    imported(client, engagement, csv_bytes(log, ";"), "g.csv", kind="interactions")
    with app.app_context():
        complaint = db.session.scalar(select(Complaint))
        assert (complaint.received_on, complaint.text) == (
            date(2026, 3, 3),
            "Geç teslimat",
        )
        found = db.session.execute(
            select(Interaction.channel, Interaction.direction).order_by(Interaction.id)
        ).all()
    assert found == [
        (Channel.FACE_TO_FACE, InteractionDirection.OUTBOUND),
        (Channel.EMAIL, InteractionDirection.INBOUND),
    ]


def test_a_formula_in_a_cell_is_imported_as_text(app, client, engagement):
    rows = [["Cari Kod", "Ünvan"], ["F-1", '=HYPERLINK("http://x.example","Tıkla")']]
    imported(client, engagement, csv_bytes(rows), "f.csv")
    assert customers(app)["F-1"].name == '=HYPERLINK("http://x.example","Tıkla")'


# --- files that cannot be imported ------------------------------------------


def test_wrong_encoding_names_the_row(app, client, engagement):
    rows = [["Cari Kod", "Unvan"], ["1", "Plain"], ["2", "Şişli"]]
    data = csv_bytes(rows, encoding="windows-1254")
    response = upload(client, engagement, data, "eski.csv", encoding="utf-8")
    assert response.status_code == 400
    assert (
        "eski.csv, row 3, column “Unvan”: The text cannot be read as UTF-8."
    ) in response.text
    assert counts(app) == EMPTY


def test_an_empty_file(app, client, engagement):
    response = upload(client, engagement, b"", "bos.csv")
    assert response.status_code == 400
    assert "bos.csv: The file is empty." in response.text
    assert counts(app) == EMPTY


def test_a_header_without_rows(app, client, engagement):
    response = upload(client, engagement, b"Cari Kod;Unvan\r\n\r\n", "h.csv")
    assert response.status_code == 400
    assert "h.csv: The file has a header row but no data rows." in response.text


def test_a_csv_named_xlsx(app, client, engagement):
    response = upload(client, engagement, csv_bytes(CUSTOMERS), "liste.xlsx")
    assert response.status_code == 400
    assert "liste.xlsx: The file is named .xlsx but is not an Excel workbook." in (
        response.text
    )
    assert counts(app) == EMPTY


def test_an_xls_or_pdf_is_refused(client, engagement):
    response = upload(client, engagement, b"\xd0\xcf\x11\xe0", "eski.xls")
    assert response.status_code == 400
    assert "Only CSV files (.csv, .txt, .tsv) and Excel workbooks (.xlsx)" in (
        response.text
    )


def test_a_zip_bomb_is_not_opened(app, client, engagement):
    response = upload(client, engagement, zip_bomb_xlsx(), "bomba.xlsx")
    assert response.status_code == 400
    assert "bomba.xlsx: The workbook unpacks to far more data" in response.text
    assert counts(app) == EMPTY


HEADER_AND_ROW = ["Cari Kod", "Ünvan", "C-1", "Bir"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            shared_strings_xlsx(
                HEADER_AND_ROW, [[0, 1], [2, 3]], "xl/sharedStrings.xml"
            ),
            "gülme.xlsx: The workbook declares XML entities, which Excel never writes",
        ),
        (
            shared_strings_xlsx(
                HEADER_AND_ROW, [[0, 1], [2, 3]], "xl/worksheets/sheet1.xml"
            ),
            "gülme.xlsx: The workbook declares XML entities, which Excel never writes",
        ),
        (
            shared_strings_xlsx(HEADER_AND_ROW, [[0, 1], [2, 7]]),
            "gülme.xlsx: The workbook is damaged: its first sheet cannot be read",
        ),
    ],
)
def test_an_entity_bomb_or_a_broken_sheet_is_refused(
    app, client, engagement, data, message
):
    response = upload(client, engagement, data, "gülme.xlsx")
    assert response.status_code == 400
    assert message in response.text
    assert counts(app) == EMPTY


def test_a_workbook_whose_part_leaves_the_archive_is_refused(app, client, engagement):
    response = upload(client, engagement, xlsx_with_entry("../../evil.txt"), "y.xlsx")
    assert response.status_code == 400
    assert "y.xlsx: The workbook holds a part named “../../evil.txt”" in (response.text)
    assert counts(app) == EMPTY


def test_a_file_in_no_turkish_encoding_is_refused_not_stored(app, client, engagement):
    data = "Cari Kod;Ünvan\r\nT-1;Ş".encode("cp1254") + b"\x8dl\r\n"
    response = upload(client, engagement, data, "dos.csv")
    assert response.status_code == 400
    assert (
        "dos.csv, row 2, column “Ünvan”: byte 0x8D is no character in UTF-8, "
        "Windows-1254 or ISO-8859-9"
    ) in response.text
    assert counts(app) == EMPTY


def test_control_characters_in_a_chosen_encoding_are_refused(app, client, engagement):
    data = "Cari Kod;Ünvan\r\nT-1;".encode("cp1254") + b"\x80 Gida\r\n"
    url = mapping_url(upload(client, engagement, data, "euro.csv"))
    page = client.get(url.replace("encoding=detect", "encoding=iso-8859-9"))
    assert page.status_code == 422
    assert (
        "euro.csv, row 2, column “Ünvan”: read as ISO-8859-9 (Latin-5), the text "
        "holds the control character U+0080 where a letter should be."
    ) in page.text
    imported(client, engagement, data, "euro.csv")
    assert customers(app)["T-1"].name == "€ Gida"


@limits(IMPORT_MAX_BYTES=1024)
def test_an_oversized_file(app, client, engagement, app_config):
    data = csv_bytes(CUSTOMERS * 10)
    response = upload(client, engagement, data, "büyük.csv")
    assert response.status_code == 413
    assert (
        "büyük.csv: The file is 2 KB; files up to 1 KB can be imported. Split it"
    ) in response.text
    assert counts(app) == EMPTY


@limits(IMPORT_MAX_ROWS=2)
def test_too_many_rows(app, client, engagement, app_config):
    plan, _, _ = checked(client, engagement, csv_bytes(CUSTOMERS), "m.csv")
    assert plan.status_code == 422
    assert "m.csv: The file has more than 2 rows" in plan.text
    assert counts(app) == EMPTY


def test_a_missing_required_column(app, client, engagement):
    rows = [["Cari Kod", "Şehir"], ["C-1", "Bursa"]]
    plan, _, _ = checked(client, engagement, csv_bytes(rows), "m.csv")
    assert plan.status_code == 400
    assert "Name: Choose the column that holds this." in plan.text
    assert counts(app) == EMPTY


def test_bad_dates_are_reported_with_row_and_column(app, client, engagement):
    rows = [*SALES, ["C-004", "Yeni", "32.12.2025", "10", "", ""]]
    plan, _, _ = checked(
        client, engagement, csv_bytes(rows, ";"), "s.csv", kind="transactions"
    )
    assert plan.status_code == 422
    assert (
        "s.csv, row 6, column “Fatura Tarihi”: “32.12.2025” is not a date like "
        "31.12.2025"
    ) in plan.text
    assert counts(app) == EMPTY


def test_a_sale_dated_after_today_is_refused_with_row_and_column(
    app, client, engagement
):
    """A file's dates are records of what happened, like a form's (DOMAIN.md,
    design: the customer data is the company's history), so none is later
    than today; the day after tomorrow is refused, today is not."""
    ahead = date.today() + timedelta(days=2)
    rows = [
        *SALES,
        ["C-004", "Yeni", f"{ahead:%d.%m.%Y}", "10", "", ""],
        ["C-005", "Bugün", f"{date.today():%d.%m.%Y}", "10", "", ""],
    ]
    plan, _, _ = checked(
        client, engagement, csv_bytes(rows, ";"), "s.csv", kind="transactions"
    )
    assert plan.status_code == 422
    assert (
        f"s.csv, row 6, column “Fatura Tarihi”: “{ahead:%d.%m.%Y}” lies after today"
    ) in plan.text
    assert "row 7" not in plan.text
    assert counts(app) == EMPTY


def test_bad_numbers_and_required_cells(app, client, engagement):
    rows = [*SALES, ["C-004", "Yeni", "01.01.2026", "on iki", "", ""]]
    rows.append(["", "Adsız", "01.01.2026", "5", "", ""])
    plan, _, _ = checked(
        client, engagement, csv_bytes(rows, ";"), "s.csv", kind="transactions"
    )
    assert (
        "s.csv, row 6, column “Net Tutar”: “on iki” is not a number like 1.234,56"
        in plan.text
    )
    assert (
        "s.csv, row 7, column “Cari Kod”: empty, but a value is required" in plan.text
    )
    assert "The file has 2 problems; nothing was imported." in plan.text


def test_out_of_range_values_where_not_allowed(app, client, engagement):
    rows = [
        ["Cari Kod", "Ünvan", "Potansiyel", "Cüzdan Payı", "E-posta"],
        ["P-1", "Bir", "7", "-0,1", "yok@"],
        ["P-2", "İki", "-1", "150", "iki@example.com"],
    ]
    plan, _, _ = checked(client, engagement, csv_bytes(rows, ";"), "p.csv")
    text = plan.text
    assert (
        "p.csv, row 2, column “Potansiyel”: “7” is not a whole number from 1 to 5"
        in text
    )
    assert "p.csv, row 3, column “Potansiyel”: “-1” is not a whole number" in text
    assert "p.csv, row 2, column “Cüzdan Payı”: “-0,1” is not a share" in text
    assert "p.csv, row 3, column “Cüzdan Payı”: “150” is not a share" in text
    assert "p.csv, row 2, column “E-posta”: “yok@” is not an e-mail address" in text
    assert counts(app) == EMPTY


def test_duplicate_account_numbers_with_conflicting_names(app, client, engagement):
    rows = [*CUSTOMERS, ["C-001", "Başka Firma", "", "", "", ""]]
    plan, _, _ = checked(client, engagement, csv_bytes(rows), "d.csv")
    assert (
        "d.csv, row 5, column “Ünvan”: account number C-001 is named “Başka Firma” "
        "here but “Şimşek Gıda Ltd. Şti.” on row 2"
    ) in plan.text
    assert counts(app) == EMPTY


def test_unknown_channel_and_unknown_customer(app, client, engagement):
    imported(client, engagement, csv_bytes(CUSTOMERS), "müşteriler.csv")
    before = counts(app)
    log = [
        ["Cari Kod", "Tarih", "Kanal", "Yön"],
        ["C-001", "04.03.2026", "güvercin", "giden"],
        ["X-404", "04.03.2026", "telefon", "yukarı"],
    ]
    plan, _, _ = checked(
        client, engagement, csv_bytes(log, ";"), "g.csv", kind="interactions"
    )
    assert "g.csv, row 2, column “Kanal”: “güvercin” is not a known channel" in (
        plan.text
    )
    assert "g.csv, row 3, column “Yön”: “yukarı” is not a direction" in plan.text
    assert counts(app) == before
    log = [["Cari Kod", "Tarih", "Kanal", "Yön"], ["X-404", "04.03.2026", "tel", "in"]]
    plan, _, _ = checked(
        client, engagement, csv_bytes(log, ";"), "g.csv", kind="interactions"
    )
    assert (
        "g.csv, row 2, column “Cari Kod”: no customer has the account number “X-404”"
    ) in plan.text
    assert counts(app) == before


def test_a_row_with_too_many_cells(app, client, engagement):
    data = b"Cari Kod,Unvan\r\nA,Bir\r\nB,Iki,fazla\r\n"
    response = upload(client, engagement, data, "bozuk.csv")
    assert response.status_code == 400
    assert "bozuk.csv, row 3: this row has 3 cells but the header row has 2." in (
        response.text
    )


def test_one_bad_row_stops_the_whole_file(app, client, engagement):
    rows = [*SALES] + [["C-9", "Son", "01.01.2026", "5", "x", ""]]
    plan, path, form = checked(
        client, engagement, csv_bytes(rows, ";"), "s.csv", kind="transactions"
    )
    assert plan.status_code == 422
    # Posting the commit anyway writes nothing either: its job says why.
    job = followed(client, client.post(f"{path}/commit", data=form))
    assert "Nothing was imported: checking the file again found problems" in job.text
    assert counts(app) == EMPTY


def test_many_bad_rows_are_counted_and_capped(app, client, engagement):
    rows = [["Cari Kod", "Tarih", "Tutar"]]
    rows += [[f"A{i}", "yarın", "1"] for i in range(1500)]
    plan, _, _ = checked(
        client, engagement, csv_bytes(rows, ";"), "s.csv", kind="transactions"
    )
    assert "The file has 1,500 problems; nothing was imported." in plan.text
    assert "Showing the first 1000 of 1,500." in plan.text
    assert counts(app) == EMPTY


def test_a_failure_during_the_commit_writes_nothing(
    app, client, engagement, monkeypatch
):
    plan, path, form = checked(
        client, engagement, csv_bytes(SALES, ";"), "s.csv", kind="transactions"
    )

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_service, "_insert_events", broken)
    job = followed(client, client.post(f"{path}/commit", data=form))
    assert "This job stopped on an unexpected error. Nothing of it was saved" in (
        job.text
    )
    assert counts(app) == EMPTY


# --- who may import, and whose files ----------------------------------------


def test_a_sponsor_gets_403_on_every_import_route(app, client, factory, auth):
    owner = factory.user("owner@example.com")
    engagement_id = factory.engagement(owner)
    sponsor = factory.user("sponsor@example.com", site_role=SiteRole.MEMBER)
    factory.member(engagement_id, sponsor, Role.SPONSOR)
    auth.login("owner@example.com")
    url = mapping_url(upload(client, engagement_id, csv_bytes(CUSTOMERS), "m.csv"))
    path = url.split("?")[0]
    auth.logout()
    auth.login("sponsor@example.com")
    assert client.get(f"{base(engagement_id)}/import").status_code == 403
    assert upload(client, engagement_id, csv_bytes(CUSTOMERS), "m.csv").status_code == (
        403
    )
    assert client.get(url).status_code == 403
    assert client.post(f"{path}/plan", data={}).status_code == 403
    assert client.post(f"{path}/commit", data={}).status_code == 403
    assert counts(app)["customers"] == 0


def test_another_engagements_token_is_refused(app, client, two_companies, auth):
    auth.login(two_companies.their_consultant)
    url = mapping_url(
        upload(client, two_companies.theirs, csv_bytes(CUSTOMERS), "x.csv")
    )
    token = url.split("?")[0].rsplit("/", 1)[1]
    auth.logout()
    auth.login(two_companies.our_consultant)
    ours = f"{base(two_companies.ours)}/import/{token}"
    response = client.get(ours)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "That upload is no longer here" in page
    form = {"kind": "customers", "map_account_number": "Cari Kod", "map_name": "Ünvan"}
    assert client.post(f"{ours}/commit", data=form).status_code == 302
    # Their engagement's page itself is a 404 to us.
    theirs = f"{base(two_companies.theirs)}/import/{token}"
    assert client.get(theirs).status_code == 404
    with app.app_context():
        ours_count = db.session.scalar(
            select(func.count())
            .select_from(Customer)
            .where(Customer.engagement_id == two_companies.ours)
        )
    assert ours_count == 0


def test_an_unknown_token_gives_a_message_not_an_error(client, engagement):
    for token in ("nope", "../../etc/passwd", "A" * 24):
        response = client.get(f"{base(engagement)}/import/{token}")
        assert response.status_code in (302, 404)
    response = client.get(
        f"{base(engagement)}/import/{'A' * 24}", follow_redirects=True
    )
    assert "That upload is no longer here" in response.text


def test_stale_uploads_are_removed(app, client, engagement, tmp_path):
    url = mapping_url(upload(client, engagement, csv_bytes(CUSTOMERS), "m.csv"))
    folder = tmp_path / "imports" / str(engagement)
    assert len(list(folder.iterdir())) == 2  # the file and its note
    import_service.remove_stale(tmp_path / "imports", keep_seconds=-1)
    assert list(folder.iterdir()) == []
    assert client.get(url).status_code == 302


def test_a_changed_date_and_stage_update_the_customer(app, client, engagement):
    rows = [
        ["Hesap No", "Müşteri Adı", "Son Doğrulama", "Aşama"],
        ["D-1", "Dönüş", "01.06.2025", "seçim"],
    ]
    imported(client, engagement, csv_bytes(rows, ";"), "d.csv")
    rows[1][2:] = ["31.12.2025", "derinleştirme"]
    plan, _, _ = checked(client, engagement, csv_bytes(rows, ";"), "d.csv")
    assert "1 customer will be updated" in plan.text
    imported(client, engagement, csv_bytes(rows, ";"), "d.csv")
    row = customers(app)["D-1"]
    assert row.last_verified_on == date(2025, 12, 31)
    assert row.lifecycle_stage == LifecycleStage.DEEPENING
