"""The customer export: CSV and XLSX, formula-safe, with the latest analysis."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.design.exports import safe_cell
from app.extensions import db
from app.models import Contact, Customer, Snapshot, SnapshotResult, User
from assessments.idic import LifecycleStage


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+90 212", "'+90 212"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Şimşek", "Şimşek"),
        (-5, -5),
        (0.45, 0.45),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


@pytest.fixture
def engagement(app, factory, auth) -> int:
    owner = factory.user("deniz@example.com", "Deniz Aydın")
    engagement_id = factory.engagement(owner)
    with app.app_context():
        evil = Customer(
            engagement_id=engagement_id,
            account_number="E-1",
            name='=HYPERLINK("http://x.example","Tıkla")',
            city="@İzmir",
            phone="+90 212 555 01 01",
            strategic_potential=4,
            wallet_share=0.45,
            lifecycle_stage=LifecycleStage.RETENTION,
            last_verified_on=date(2025, 12, 31),
        )
        plain = Customer(
            engagement_id=engagement_id, account_number="P-1", name="Ilgaz"
        )
        db.session.add_all([evil, plain])
        db.session.flush()
        db.session.add(
            Contact(customer_id=evil.id, name="Ayşe", is_decision_maker=True)
        )
        for number, group in ((1, "bz"), (2, "mvc")):
            snapshot = Snapshot(
                engagement_id=engagement_id,
                number=number,
                as_of=date(2026, number, 1),
                parameters={},
                summary={},
                customer_count=1,
                transaction_count=1,
            )
            db.session.add(snapshot)
            db.session.flush()
            db.session.add(
                SnapshotResult(
                    snapshot_id=snapshot.id,
                    account_number="E-1",
                    customer_id=evil.id,
                    recency=1,
                    frequency=1,
                    monetary=1.0,
                    r_score=1,
                    f_score=1,
                    m_score=1,
                    rf_cell="11",
                    mf_cell="11",
                    value_group=group,
                    abc="A",
                    flags=[],
                )
            )
        db.session.commit()
    auth.login("deniz@example.com")
    return engagement_id


def export(client, engagement_id, chosen, dialect=None):
    query = f"format={chosen}" + (f"&dialect={dialect}" if dialect else "")
    return client.get(f"/engagements/{engagement_id}/design/customers/export?{query}")


def speak(app, language: str) -> None:
    """The exporting user's interface language."""
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email="deniz@example.com"))
        user.language = language
        db.session.commit()


def csv_rows(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_csv_export_is_formula_safe(client, engagement):
    response = export(client, engagement, "csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    header, evil, plain = rows
    assert header[:3] == ["Account number", "Name", "Trade title"]
    assert evil[1] == '\'=HYPERLINK("http://x.example","Tıkla")'
    assert evil[4] == "'@İzmir"
    assert evil[5] == "'+90 212 555 01 01"
    assert evil[8:] == ["4", "retention", "2025-12-31", "0.45", "Ayşe", "MVC", "A"]
    assert plain[:2] == ["P-1", "Ilgaz"]
    assert plain[-2:] == ["", ""]


def test_a_turkish_users_csv_has_semicolons_and_decimal_commas(app, client, engagement):
    speak(app, "tr")
    response = export(client, engagement, "csv")
    assert response.data.startswith(b"\xef\xbb\xbfHesap numaras\xc4\xb1;Ad;")
    header, evil, plain = csv_rows(response.data, ";")
    assert header[:2] == ["Hesap numarası", "Ad"]
    assert evil[1] == '\'=HYPERLINK("http://x.example","Tıkla")'
    assert evil[4:6] == ["'@İzmir", "'+90 212 555 01 01"]
    assert evil[8:12] == ["4", "retention", "2025-12-31", "0,45"]
    assert plain[:2] == ["P-1", "Ilgaz"]


@pytest.mark.parametrize(
    ("language", "dialect", "delimiter", "share"),
    [("tr", "en", ",", "0.45"), ("en", "tr", ";", "0,45"), ("en", None, ",", "0.45")],
)
def test_either_dialect_can_be_chosen(
    app, client, engagement, language, dialect, delimiter, share
):
    speak(app, language)
    rows = csv_rows(export(client, engagement, "csv", dialect).data, delimiter)
    assert [len(row) for row in rows] == [15, 15, 15]
    assert rows[1][11] == share


def test_decimals_are_written_with_the_dialects_mark():
    from app.design.exports import CSV_DIALECTS, to_csv

    rows = [["A", 1234.5, 7, -0.125, None]]
    turkish = to_csv(["a", "b", "c", "d", "e"], rows, CSV_DIALECTS["tr"])
    english = to_csv(["a", "b", "c", "d", "e"], rows, CSV_DIALECTS["en"])
    assert turkish.decode("utf-8-sig").splitlines()[1] == "A;1234,5;7;-0,125;"
    assert english.decode("utf-8-sig").splitlines()[1] == "A,1234.5,7,-0.125,"


@pytest.mark.parametrize(
    ("language", "link", "words"),
    [
        ("en", "dialect=tr", "CSV with semicolons (Turkish Excel)"),
        ("tr", "dialect=en", "Virgüllü CSV (İngilizce Excel)"),
    ],
)
def test_the_customer_list_offers_the_other_dialect(
    app, client, engagement, language, link, words
):
    speak(app, language)
    page = client.get(f"/engagements/{engagement}/design/customers").text
    assert f"format=csv&amp;{link}" in page or f"{link}&amp;format=csv" in page
    assert words in page


def test_xlsx_export_keeps_numbers_and_never_writes_formulas(client, engagement):
    response = export(client, engagement, "xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data))
    sheet = book.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][1] == '\'=HYPERLINK("http://x.example","Tıkla")'
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert values[1][8] == 4
    assert values[1][11] == 0.45
    assert values[1][13] == "MVC"


def test_an_unknown_format_falls_back_to_csv(client, engagement):
    assert export(client, engagement, "exe").mimetype == "text/csv"


def test_the_export_re_imports_unchanged(app, client, engagement, tmp_path):
    from tests.web.test_import import checked

    app.config["IMPORT_FOLDER"] = str(tmp_path)
    data = export(client, engagement, "csv").data
    plan, _, _ = checked(client, engagement, data, "export.csv")
    assert plan.status_code == 200, plan.text
    assert "2 customers stay unchanged" in plan.text


@pytest.mark.parametrize("language", ["tr", "en"])
def test_each_dialect_re_imports_unchanged(app, client, engagement, tmp_path, language):
    from tests.web.test_import import checked

    app.config["IMPORT_FOLDER"] = str(tmp_path)
    speak(app, language)
    data = export(client, engagement, "csv").data
    plan, _, _ = checked(client, engagement, data, "export.csv")
    assert plan.status_code == 200, plan.text
    unchanged = (
        "2 müşteri değişmeden kalacak"
        if language == "tr"
        else "2 customers stay unchanged"
    )
    assert unchanged in plan.text


def test_another_engagement_cannot_export(client, two_companies, auth):
    auth.login(two_companies.our_consultant)
    assert export(client, two_companies.theirs, "csv").status_code == 404
