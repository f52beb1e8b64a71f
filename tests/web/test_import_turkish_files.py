"""What a new user met importing real Turkish exports: a decision-maker
column of names, the plan's wording and figures, its details, and the
detected settings shown in full."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Contact, User
from tests.import_files import csv_bytes
from tests.web.test_import import (
    base,
    checked,
    flashed,
    imported,
    mapping_url,
    upload,
)


@pytest.fixture
def app_config(tmp_path) -> dict:
    return {"IMPORT_FOLDER": str(tmp_path / "imports")}


def speak(app, language: str) -> None:
    """The importing user's interface language."""
    with app.app_context():
        user = db.session.scalar(select(User).filter_by(email="deniz@example.com"))
        user.language = language
        db.session.commit()


def decision_makers(app) -> dict[str, bool]:
    with app.app_context():
        return {
            c.name: c.is_decision_maker for c in db.session.scalars(select(Contact))
        }


MASTER = [
    ["Cari Kod", "Ünvan", "Karar Verici", "Görevi"],
    ["M-1", "Anadolu Un A.Ş.", "Ayşe Yılmaz", "Satın Alma Müdürü"],
    ["M-2", "Ege Kereste Ltd.", "Can Demir", ""],
    ["M-3", "Marmara Sac", "", ""],
]


@pytest.mark.parametrize(
    ("header", "language", "note"),
    [
        ("Karar Verici", "tr", "“Karar Verici” karar vericiyi belirtiyor"),
        ("Decision maker", "en", "“Decision maker” names the decision maker"),
    ],
)
def test_a_decision_maker_column_of_names_stores_decision_makers(
    app, client, engagement, header, language, note
):
    speak(app, language)
    rows = [[header if c == "Karar Verici" else c for c in r] for r in MASTER]
    data = csv_bytes(rows, ";")
    page = client.get(mapping_url(upload(client, engagement, data, "m.csv"))).text
    assert note in page
    imported(client, engagement, data, "m.csv")
    assert decision_makers(app) == {"Ayşe Yılmaz": True, "Can Demir": True}
    quality = client.get(f"{base(engagement)}/quality").text
    share = "%66,7 (2)" if language == "tr" else "66.7% (2)"
    assert share in quality


def test_a_contact_stored_earlier_becomes_the_decision_maker(app, client, engagement):
    before = [["Cari Kod", "Ünvan", "Yetkili"], ["M-1", "Anadolu Un A.Ş.", "Ayşe"]]
    imported(client, engagement, csv_bytes(before, ";"), "a.csv")
    assert decision_makers(app) == {"Ayşe": False}
    after = [["Cari Kod", "Ünvan", "Karar Verici"], ["M-1", "Anadolu Un A.Ş.", "Ayşe"]]
    plan, _, _ = checked(client, engagement, csv_bytes(after, ";"), "b.csv")
    assert "1 contact will be updated" in plan.text
    imported(client, engagement, csv_bytes(after, ";"), "b.csv")
    assert decision_makers(app) == {"Ayşe": True}


def test_a_yes_no_column_still_says_who_decides(app, client, engagement):
    rows = [
        ["Cari Kod", "Ünvan", "Karar Verici", "Karar verici mi?"],
        ["M-1", "Bir", "Ayşe", "evet"],
        ["M-2", "İki", "Can", "hayır"],
    ]
    data = csv_bytes(rows, ";")
    page = client.get(mapping_url(upload(client, engagement, data, "m.csv"))).text
    assert "names the decision maker" not in page
    imported(client, engagement, data, "m.csv")
    assert decision_makers(app) == {"Ayşe": True, "Can": False}


def many_customers(count: int) -> bytes:
    rows = [["Cari Kod", "Ünvan"]]
    rows += [[f"K-{i:05}", f"Müşteri {i}"] for i in range(count)]
    return csv_bytes(rows, ";")


@pytest.mark.parametrize(
    ("language", "planned", "done"),
    [
        (
            "tr",
            "1.200 müşteri oluşturulacak",
            "m.csv içe aktarıldı: 1.200 müşteri oluşturuldu.",
        ),
        (
            "en",
            "1,200 customers will be created",
            "Imported m.csv: 1,200 customers created.",
        ),
    ],
)
def test_the_plan_says_what_would_happen_with_the_pages_thousands_separator(
    app, client, engagement, language, planned, done
):
    speak(app, language)
    data = many_customers(1200)
    plan, _, _ = checked(client, engagement, data, "m.csv")
    assert plan.status_code == 200, plan.text
    counts = plan.text.split('class="import-counts"')[1].split("</ul>")[0]
    assert planned in counts
    assert "oluşturuldu" not in counts and "customers created" not in counts
    imported(client, engagement, data, "m.csv")
    assert flashed(client) == done


def details(page: str) -> list[str]:
    """The Details cell of each row of the plan's table."""
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [re.findall(r"<td>(.*?)</td>", row, re.S)[2].strip() for row in rows]


def test_the_plans_details_leave_out_what_a_row_does_not_have(client, engagement):
    rows = [
        ["Cari Kod", "Fatura Tarihi", "Tutar", "Ürün"],
        ["S-1", "31.12.2025", "1.234,56", "Un"],
        ["S-1", "02.01.2026", "10", ""],
    ]
    data = csv_bytes(rows, ";")
    plan, _, _ = checked(client, engagement, data, "s.csv", kind="transactions")
    first, second = details(plan.text)
    assert first.endswith(" · Un") and first.count(" · ") == 2
    assert second.count(" · ") == 1 and not second.endswith("·")


def test_the_detected_settings_are_written_out_under_their_selects(
    app, client, engagement
):
    speak(app, "tr")
    rows = [["Cari Kod", "Ünvan", "Şehir"], ["T-1", "Işık – Gıda", "İğdır"]]
    data = csv_bytes(rows, ";", encoding="cp1254")
    page = client.get(mapping_url(upload(client, engagement, data, "t.csv"))).text
    select = re.search(r'<select[^>]*name="encoding"[^>]*>(.*?)</select>', page)
    assert 'aria-describedby="encoding-help"' in select.group(0)
    assert '<option selected value="detect">Otomatik algıla</option>' in select[1]
    help_text = re.search(r'<p class="help" id="encoding-help">(.*?)</p>', page)
    assert help_text.group(1) == "Bulunan: Windows-1254 (Türkçe)"
    assert '<p class="help" id="delimiter-help">Bulunan: Noktalı virgül (;)' in page
    # a setting chosen by hand is not "found"
    chosen = client.get(
        mapping_url(upload(client, engagement, data, "t.csv", encoding="windows-1254"))
    ).text
    assert 'id="encoding-help"' not in chosen
