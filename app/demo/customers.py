"""The demo client's customer data as the files it would hand over: its dealers
and buyers with their purchasing contacts, two years of sales, interactions
and complaints, saved the way Turkish Excel saves CSV (semicolons, decimal
comma, day-first dates, Turkish headers and words).

The files go through the customer-data import as an upload would: stored,
inspected, planned and committed by the import service, so the import's checks,
its matching on account numbers and its all-or-nothing commit hold for the
demo too, and the engagement's import history lists them.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from flask import current_app
from flask_babel import force_locale

from app.design import import_service
from app.design.import_file import (
    FileRejected,
    ImportRequest,
    Kind,
    Problem,
    Settings,
    describe,
)
from app.i18n.locale import today_of
from app.models import Engagement, ImportRun, User
from assessments.idic import Channel, LifecycleStage

_PLACES = ("Ege", "Marmara", "Anadolu", "Karadeniz", "Akdeniz", "Toros", "Başkent")
_TRADES = ("Makine", "Otomotiv", "Yapı", "Enerji", "Tarım", "Metal", "Hidrolik")
_CITIES = ("İstanbul", "Ankara", "İzmir", "Bursa", "Konya", "Kayseri", "Adana")
_FORMS = ("San. ve Tic. A.Ş.", "Ltd. Şti.")
PRODUCTS = ("Pik döküm gövde", "Yedek parça seti", "Pompa gövdesi", "Bakım hizmeti")
#: How many sales the two years hold.
SALES = 6000

#: How the files are written, as the mapping page would show them detected.
SETTINGS = Settings(
    encoding="utf-8", delimiter=";", decimal=",", date_format="%d.%m.%Y"
)
_STAGES = {
    LifecycleStage.SELECTION: "Seçim",
    LifecycleStage.ACQUISITION: "Kazanım",
    LifecycleStage.RETENTION: "Elde tutma",
    LifecycleStage.DEEPENING: "Derinleştirme",
}
_CHANNELS = {
    Channel.PHONE: "Telefon",
    Channel.EMAIL: "E-posta",
    Channel.WEB: "Web",
    Channel.LETTER_FAX: "Faks",
    Channel.FACE_TO_FACE: "Yüz yüze",
    Channel.OTHER: "Diğer",
}


@dataclass(frozen=True)
class DemoFile:
    """One file of the client's: its name, what it holds, which header holds
    which field (as the mapping page is confirmed), and its rows by field."""

    filename: str
    kind: Kind
    mapping: dict[str, str]
    rows: list[dict[str, str]]

    def content(self) -> bytes:
        """The file's bytes: a header row, then one line per row."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=SETTINGS.delimiter, lineterminator="\r\n")
        writer.writerow(self.mapping.values())
        for row in self.rows:
            writer.writerow([row.get(name, "") for name in self.mapping])
        return out.getvalue().encode(SETTINGS.encoding)


class DemoImportFailed(RuntimeError):
    """A demo file the import refused; the message gives the import's reasons."""


def customer_files(today: date) -> list[DemoFile]:
    """The client's four files, in the order they are imported: customers
    first, since the others name customers that must exist. The same seed
    gives the same customers and sales every time (relative to ``today``)."""
    rng = np.random.default_rng(7)
    customers = _customers(rng, today)
    sales = _sales([row["account_number"] for row in customers], rng, today)
    interactions, complaints = _events(customers, rng, today)
    return [customers_file(customers), sales, interactions, complaints]


def customers_file(rows: list[dict[str, str]]) -> DemoFile:
    """The customer list with one purchasing contact on most rows."""
    return DemoFile(
        "cari-hesaplar.csv",
        Kind.CUSTOMERS,
        {
            "account_number": "Cari Kodu",
            "name": "Cari Ünvanı",
            "city": "Şehir",
            "sector": "Sektör",
            "phone": "Telefon",
            "email": "E-posta",
            "address": "Adres",
            "strategic_potential": "Stratejik Potansiyel",
            "lifecycle_stage": "Yaşam Döngüsü Aşaması",
            "last_verified_on": "Son Doğrulama Tarihi",
            "contact_name": "Yetkili",
            "contact_title": "Görevi",
            "contact_decision_maker": "Karar Verici mi?",
        },
        rows,
    )


def _customers(rng, today: date) -> list[dict[str, str]]:
    """Every place × trade × city once; seven in ten with phone, e-mail and
    address; two in three with a contact, every third a decision maker."""
    rows = []
    stages = list(LifecycleStage)
    for index in range(len(_PLACES) * len(_TRADES) * len(_CITIES)):
        place = _PLACES[index % len(_PLACES)]
        trade = _TRADES[index // len(_PLACES) % len(_TRADES)]
        city = _CITIES[index // (len(_PLACES) * len(_TRADES))]
        complete = rng.random() < 0.7
        row = {
            "account_number": f"120.{index + 1:04d}",
            "name": f"{place} {trade} {city} {_FORMS[index % 2]}",
            "city": city,
            "sector": trade,
            "phone": f"0 (5{index % 10}2) 555 {index:04d}" if complete else "",
            "email": f"satinalma{index}@example.com.tr" if complete else "",
            "address": f"Organize Sanayi Bölgesi {index % 40 + 1}. Cadde"
            if complete
            else "",
            "strategic_potential": str(int(rng.integers(1, 6))),
            "lifecycle_stage": _STAGES[stages[int(rng.integers(0, 4))]],
            "last_verified_on": _day(today - timedelta(days=int(rng.integers(0, 700)))),
        }
        if index % 3 != 2:
            row["contact_name"] = f"Satın Alma Sorumlusu {index + 1}"
            row["contact_title"] = "Satın alma müdürü"
            row["contact_decision_maker"] = "Evet" if index % 3 == 0 else "Hayır"
        rows.append(row)
    return rows


def _sales(accounts: list[str], rng, today: date) -> DemoFile:
    """Skewed sales: a few heavy buyers, many occasional ones, some returns."""
    weights = rng.pareto(1.3, len(accounts)) + 1
    buyers = rng.choice(len(accounts), SALES, p=weights / weights.sum())
    days = rng.integers(0, 730, SALES)
    amounts = np.round(rng.lognormal(9, 0.9, SALES), 2)
    amounts[rng.random(SALES) < 0.02] *= -1
    rows = [
        {
            "account_number": accounts[int(buyer)],
            "occurred_on": _day(today - timedelta(days=int(day))),
            "amount": _money(float(amount)),
            "profit": _money(round(float(amount) * 0.18, 2)),
            "product": PRODUCTS[int(day) % len(PRODUCTS)],
        }
        for buyer, day, amount in zip(buyers, days, amounts, strict=True)
    ]
    return DemoFile(
        "satislar-son-iki-yil.csv",
        Kind.TRANSACTIONS,
        {
            "account_number": "Cari Kodu",
            "occurred_on": "Fatura Tarihi",
            "amount": "Tutar",
            "profit": "Kâr",
            "product": "Ürün",
        },
        rows,
    )


def _events(customers: list[dict[str, str]], rng, today: date):
    """A visit or call logged for every fourth customer, a late delivery
    complained about by every fifteenth."""
    channels = list(Channel)
    interactions, complaints = [], []
    for index, customer in enumerate(customers):
        account = customer["account_number"]
        if index % 4 == 0:
            interactions.append(
                {
                    "account_number": account,
                    "occurred_on": _day(
                        today - timedelta(days=int(rng.integers(0, 300)))
                    ),
                    "channel": _CHANNELS[channels[index % len(channels)]],
                    "direction": "Giden",
                    "note": "Yeni fiyat listesi ve teslim süreleri konuşuldu.",
                }
            )
        if index % 15 == 0:
            complaints.append(
                {
                    "account_number": account,
                    "received_on": _day(
                        today - timedelta(days=int(rng.integers(0, 300)))
                    ),
                    "product": PRODUCTS[0],
                    "text": "Teslimat iki hafta gecikti.",
                }
            )
    return (
        DemoFile(
            "gorusmeler.csv",
            Kind.INTERACTIONS,
            {
                "account_number": "Cari Kodu",
                "occurred_on": "Tarih",
                "channel": "Kanal",
                "direction": "Yön",
                "note": "Not",
            },
            interactions,
        ),
        DemoFile(
            "sikayetler.csv",
            Kind.COMPLAINTS,
            {
                "account_number": "Cari Kodu",
                "received_on": "Şikayet Tarihi",
                "product": "Ürün",
                "text": "Şikayet",
            },
            complaints,
        ),
    )


def _day(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def _money(amount: float) -> str:
    return f"{amount:.2f}".replace(".", SETTINGS.decimal)


def import_files(
    engagement: Engagement, user: User, files: list[DemoFile]
) -> list[ImportRun]:
    """Import the files one after another, each in its own transaction, as the
    user would; DemoImportFailed names the first file the import refuses
    (nothing of that file is stored)."""
    # The uploads live only while they load: the demo leaves nothing behind
    # in the instance's import folder, even when a file is refused.
    with tempfile.TemporaryDirectory() as folder:
        return [import_file(Path(folder), engagement, user, file) for file in files]


def import_file(
    folder: Path, engagement: Engagement, user: User, file: DemoFile
) -> ImportRun:
    """Upload, inspect, plan and commit one file with the import pages' calls."""
    config = current_app.config
    limits = import_service.limits(current_app)
    upload = import_service.store_upload(
        folder,
        engagement.id,
        io.BytesIO(file.content()),
        file.filename,
        config["IMPORT_MAX_BYTES"],
        config["IMPORT_KEEP_SECONDS"],
    )
    try:
        import_service.inspect(upload, file.kind, SETTINGS, limits)
        plan = import_service.plan(
            engagement.id,
            upload,
            ImportRequest(file.kind, SETTINGS, file.mapping),
            limits,
            today_of(engagement),
        )
        if not plan.ok:
            raise DemoImportFailed(
                f"{plan.problem_count} problems; "
                + "; ".join(_described(plan.problems[:5], upload.filename))
            )
        return import_service.commit(engagement.id, user.id, upload.filename, plan)
    except FileRejected as rejected:
        [reason] = _described([rejected.problem], upload.filename)
        raise DemoImportFailed(reason) from rejected
    finally:
        import_service.discard_upload(upload)


def _described(problems: list[Problem], filename: str) -> list[str]:
    """The import's own sentences, in English like the other command output
    (the demo loads from the command line, where no request picks a language)."""
    with force_locale("en"):
        return [describe(problem, filename) for problem in problems]
