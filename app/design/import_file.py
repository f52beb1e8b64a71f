"""Reading a customer-data file (CSV or XLSX) for the import: detection of its
encoding, delimiter, decimal style and date format, the guess of which column
holds which field, and the validation of every row.

Pure: no Flask app, no database. Everything here works on whole columns with
pandas; Python loops run only over headers, samples and the problems found.
Messages are built at the edge by :func:`describe`.
"""

from __future__ import annotations

import codecs
import csv
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import numpy as np
import pandas as pd
from defusedxml import DefusedXmlException
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from app.models.design import CUSTOMER_FIELDS
from assessments.idic import Channel, InteractionDirection, LifecycleStage

DETECT = "detect"
#: How many problems are kept for the report; the total is always counted.
MAX_PROBLEMS = 1000
#: Rows shown on the mapping page.
PREVIEW_ROWS = 10
#: Values looked at when guessing the decimal style and the date format.
SAMPLE_SIZE = 2000
#: how many rows are checked at a time: a long check says how far it is
#: after each part, and a part's converted columns stay small
CHECK_ROWS = 200_000
#: The largest amount a Numeric(16, 2) column holds.
MAX_MONEY = 1e14


class Kind(StrEnum):
    """What a file holds."""

    CUSTOMERS = "customers"
    TRANSACTIONS = "transactions"
    COMPLAINTS = "complaints"
    INTERACTIONS = "interactions"


class FieldType(StrEnum):
    TEXT = "text"
    EMAIL = "email"
    DATE = "date"
    MONEY = "money"
    POTENTIAL = "potential"
    SHARE = "share"
    STAGE = "stage"
    FLAG = "flag"
    CHANNEL = "channel"
    DIRECTION = "direction"


@dataclass(frozen=True)
class Field:
    """A target field of the import and the headers that usually hold it."""

    name: str
    type: FieldType
    label: object
    synonyms: tuple[str, ...] = ()
    max_length: int | None = None


_DATE_WORDS = (
    "date",
    "transaction date",
    "invoice date",
    "order date",
    "sale date",
    "tarih",
    "fatura tarihi",
    "işlem tarihi",
    "sipariş tarihi",
    "satış tarihi",
    "belge tarihi",
    "tarihi",
)

FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field(
            "account_number",
            FieldType.TEXT,
            _l("Account number"),
            (
                "account number",
                "account no",
                "account",
                "account code",
                "customer code",
                "customer number",
                "customer no",
                "customer id",
                "cari kod",
                "cari kodu",
                "cari hesap kodu",
                "cari hesap no",
                "cari no",
                "hesap no",
                "hesap numarası",
                "hesap kodu",
                "müşteri kodu",
                "müşteri no",
                "müşteri numarası",
                "customer",
                "müşteri",
                "kod",
                "code",
            ),
            64,
        ),
        Field(
            "name",
            FieldType.TEXT,
            _l("Name"),
            (
                "name",
                "customer name",
                "company",
                "company name",
                "ünvan",
                "ünvanı",
                "cari ünvan",
                "cari ünvanı",
                "cari adı",
                "cari hesap adı",
                "firma",
                "firma adı",
                "müşteri adı",
                "müşteri ünvanı",
                "adı",
                "ad",
            ),
            200,
        ),
        Field(
            "title",
            FieldType.TEXT,
            _l("Trade title"),
            ("title", "trade title", "legal name", "ticari ünvan", "resmi ünvan"),
            200,
        ),
        Field("address", FieldType.TEXT, _l("Address"), ("address", "adres"), 400),
        Field("city", FieldType.TEXT, _l("City"), ("city", "town", "şehir", "il"), 100),
        Field(
            "phone",
            FieldType.TEXT,
            _l("Phone"),
            ("phone", "telephone", "phone number", "tel", "telefon", "telefon no"),
            40,
        ),
        Field(
            "email",
            FieldType.EMAIL,
            _l("E-mail"),
            ("email", "e-mail", "mail", "email address", "e-posta", "eposta"),
            254,
        ),
        Field(
            "sector",
            FieldType.TEXT,
            _l("Sector"),
            ("sector", "industry", "sektör", "faaliyet alanı"),
            120,
        ),
        Field(
            "strategic_potential",
            FieldType.POTENTIAL,
            _l("Strategic potential (1–5)"),
            ("strategic potential", "potential", "stratejik potansiyel", "potansiyel"),
        ),
        Field(
            "lifecycle_stage",
            FieldType.STAGE,
            _l("Lifecycle stage"),
            (
                "lifecycle stage",
                "lifecycle",
                "stage",
                "aşama",
                "evre",
                "yaşam döngüsü",
                "yaşam döngüsü aşaması",
            ),
        ),
        Field(
            "last_verified_on",
            FieldType.DATE,
            _l("Last verified"),
            (
                "last verified",
                "last verified on",
                "verified on",
                "son doğrulama",
                "son doğrulama tarihi",
                "doğrulama tarihi",
            ),
        ),
        Field(
            "wallet_share",
            FieldType.SHARE,
            _l("Wallet share"),
            ("wallet share", "share of wallet", "cüzdan payı", "pay"),
        ),
        Field(
            "contact_name",
            FieldType.TEXT,
            _l("Contact person"),
            (
                "contact",
                "contact name",
                "contact person",
                "decision maker",
                "yetkili",
                "yetkili kişi",
                "yetkili adı",
                "ilgili kişi",
                "irtibat kişisi",
                "karar verici",
            ),
            200,
        ),
        Field(
            "contact_title",
            FieldType.TEXT,
            _l("Contact's position"),
            ("contact title", "position", "job title", "görev", "görevi", "pozisyon"),
            200,
        ),
        Field(
            "contact_email",
            FieldType.EMAIL,
            _l("Contact's e-mail"),
            (
                "contact email",
                "contact e-mail",
                "yetkili e-posta",
                "yetkili eposta",
                "yetkili mail",
            ),
            254,
        ),
        Field(
            "contact_phone",
            FieldType.TEXT,
            _l("Contact's phone"),
            ("contact phone", "yetkili telefon", "yetkili tel", "yetkili gsm"),
            40,
        ),
        Field(
            "contact_decision_maker",
            FieldType.FLAG,
            _l("Contact is the decision maker"),
            (
                "is decision maker",
                "decision maker flag",
                "decision maker?",
                "karar verici mi",
                "karar verici mi?",
            ),
        ),
        Field("occurred_on", FieldType.DATE, _l("Date"), _DATE_WORDS),
        Field(
            "amount",
            FieldType.MONEY,
            _l("Amount"),
            (
                "amount",
                "net amount",
                "total",
                "sales",
                "revenue",
                "turnover",
                "tutar",
                "net tutar",
                "toplam",
                "toplam tutar",
                "genel toplam",
                "fatura tutarı",
                "satış tutarı",
                "ciro",
            ),
        ),
        Field(
            "profit",
            FieldType.MONEY,
            _l("Profit"),
            (
                "profit",
                "gross profit",
                "margin",
                "kâr",
                "kar",
                "brüt kâr",
                "kar tutarı",
            ),
        ),
        Field(
            "product",
            FieldType.TEXT,
            _l("Product"),
            ("product", "product name", "item", "ürün", "ürün adı", "stok adı", "mal"),
            200,
        ),
        Field(
            "received_on",
            FieldType.DATE,
            _l("Date"),
            ("complaint date", "received on", "şikayet tarihi", *_DATE_WORDS),
        ),
        Field(
            "text",
            FieldType.TEXT,
            _l("Complaint"),
            (
                "complaint",
                "text",
                "description",
                "şikayet",
                "şikayet metni",
                "açıklama",
                "metin",
            ),
        ),
        Field(
            "channel",
            FieldType.CHANNEL,
            _l("Channel"),
            ("channel", "kanal", "iletişim kanalı"),
        ),
        Field(
            "direction",
            FieldType.DIRECTION,
            _l("Who reached out"),
            ("direction", "yön", "in/out", "gelen/giden"),
        ),
        Field(
            "note",
            FieldType.TEXT,
            _l("Note"),
            ("note", "notes", "not", "notlar", "görüşme notu", "açıklama", "konu"),
        ),
    )
}

CONTACT_FIELDS = (
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
    "contact_decision_maker",
)

#: The fields each kind of file may map, in the order the mapping page shows.
KIND_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.CUSTOMERS: CUSTOMER_FIELDS + CONTACT_FIELDS,
    Kind.TRANSACTIONS: ("account_number", "occurred_on", "amount", "profit", "product")
    + CUSTOMER_FIELDS[1:],
    Kind.COMPLAINTS: ("account_number", "received_on", "product", "text"),
    Kind.INTERACTIONS: (
        "account_number",
        "occurred_on",
        "channel",
        "direction",
        "note",
    ),
}

#: The columns a file of each kind cannot do without.
REQUIRED: dict[Kind, frozenset[str]] = {
    Kind.CUSTOMERS: frozenset({"account_number", "name"}),
    Kind.TRANSACTIONS: frozenset({"account_number", "occurred_on", "amount"}),
    Kind.COMPLAINTS: frozenset({"account_number", "received_on"}),
    Kind.INTERACTIONS: frozenset(
        {"account_number", "occurred_on", "channel", "direction"}
    ),
}

ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": _l("UTF-8 with BOM"),
    "windows-1254": _l("Windows-1254 (Turkish)"),
    "iso-8859-9": "ISO-8859-9 (Latin-5)",
    "utf-16": "UTF-16",
}
DELIMITERS = {",": _l("Comma (,)"), ";": _l("Semicolon (;)"), "\t": _l("Tab")}
DECIMALS = {",": "1.234,56", ".": "1,234.56"}
#: strptime format → how the format looks to the user
DATE_FORMATS = {
    "%d.%m.%Y": "31.12.2025",
    "%Y-%m-%d": "2025-12-31",
    "%d/%m/%Y": "31/12/2025",
    "%m/%d/%Y": "12/31/2025",
    "%d-%m-%Y": "31-12-2025",
    "%d.%m.%y": "31.12.25",
}

# --- words of the enumerated fields -----------------------------------------

_FOLD = str.maketrans(
    {
        "İ": "i",
        "I": "i",
        "ı": "i",
        "Ş": "s",
        "ş": "s",
        "Ğ": "g",
        "ğ": "g",
        "Ü": "u",
        "ü": "u",
        "Ö": "o",
        "ö": "o",
        "Ç": "c",
        "ç": "c",
        "Â": "a",
        "â": "a",
        "Î": "i",
        "î": "i",
        "Û": "u",
        "û": "u",
    }
)


def fold(text: str) -> str:
    """A header or word reduced to lower-case ASCII letters and digits, so that
    "Müşteri Adı", "MUSTERI_ADI" and "müşteri adı" compare equal."""
    return re.sub(r"[^a-z0-9?]", "", str(text).translate(_FOLD).lower())


#: words of a header that names the decision maker ("Karar Verici Adı")
_DECISION_MAKER_WORDS = ("decisionmaker", "kararverici", "kararveren")


def names_decision_makers(mapping: dict[str, str]) -> bool:
    """Whether the contacts' names come from a column headed as the decision
    maker ("Karar Verici", "Decision maker") while no yes/no column says who
    decides: the people in such a column are the customers' decision makers,
    and storing them as "decision maker: no" would leave data quality saying
    none is known. A yes/no header ("Karar verici mi?") names no one."""
    header = mapping.get("contact_name")
    if header is None or "contact_decision_maker" in mapping:
        return False
    folded = fold(header)
    questions = {fold(word) for word in FIELDS["contact_decision_maker"].synonyms}
    return folded not in questions and any(
        word in folded for word in _DECISION_MAKER_WORDS
    )


def _words(pairs: dict) -> dict[str, object]:
    return {fold(word): value for value, words in pairs.items() for word in words}


STAGE_WORDS = _words(
    {
        LifecycleStage.SELECTION: ("selection", "seçim", "secim"),
        LifecycleStage.ACQUISITION: ("acquisition", "kazanım", "kazanim", "edinme"),
        LifecycleStage.RETENTION: ("retention", "elde tutma", "tutma", "koruma"),
        LifecycleStage.DEEPENING: ("deepening", "derinleştirme", "geliştirme"),
    }
)
CHANNEL_WORDS = _words(
    {
        Channel.PHONE: ("phone", "telephone", "call", "telefon", "tel", "arama"),
        Channel.EMAIL: ("email", "e-mail", "mail", "e-posta", "eposta"),
        Channel.WEB: ("web", "internet", "website", "online", "site", "web sitesi"),
        Channel.LETTER_FAX: (
            "letter_fax",
            "letter or fax",
            "letter",
            "fax",
            "mektup",
            "faks",
            "posta",
        ),
        Channel.FACE_TO_FACE: (
            "face_to_face",
            "face to face",
            "visit",
            "meeting",
            "yüz yüze",
            "ziyaret",
            "toplantı",
        ),
        Channel.OTHER: ("other", "diğer"),
    }
)
DIRECTION_WORDS = _words(
    {
        InteractionDirection.INBOUND: ("inbound", "incoming", "in", "gelen"),
        InteractionDirection.OUTBOUND: ("outbound", "outgoing", "out", "giden"),
    }
)
FLAG_WORDS = _words(
    {
        True: ("yes", "y", "true", "1", "x", "evet", "e", "var"),
        False: ("no", "n", "false", "0", "hayır", "h", "yok"),
    }
)

# --- problems ---------------------------------------------------------------


class Reason(StrEnum):
    """Why a file or a cell cannot be imported."""

    # the whole file
    TOO_BIG = "too_big"
    TOO_MANY_ROWS = "too_many_rows"
    EMPTY = "empty"
    NO_ROWS = "no_rows"
    WRONG_TYPE = "wrong_type"
    NOT_XLSX = "not_xlsx"
    ZIP_BOMB = "zip_bomb"
    UNSAFE_ENTRY = "unsafe_entry"
    XML_ENTITIES = "xml_entities"
    BROKEN_XLSX = "broken_xlsx"
    ENCODING = "encoding"
    UNKNOWN_ENCODING = "unknown_encoding"
    CONTROL_CHARACTER = "control_character"
    BAD_LINE = "bad_line"
    NOT_CSV = "not_csv"
    MISSING_COLUMN = "missing_column"
    # one cell
    REQUIRED = "required"
    TOO_LONG = "too_long"
    NOT_DATE = "not_date"
    FUTURE_DATE = "future_date"
    NOT_NUMBER = "not_number"
    TOO_LARGE = "too_large"
    POTENTIAL = "potential"
    SHARE = "share"
    STAGE = "stage"
    FLAG = "flag"
    CHANNEL = "channel"
    DIRECTION = "direction"
    EMAIL = "email"
    NAME_CONFLICT = "name_conflict"
    UNKNOWN_ACCOUNT = "unknown_account"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: where (row as the user sees it, header is
    row 1; the column's header) and why."""

    reason: Reason
    row: int | None = None
    column: str | None = None
    value: str = ""
    details: dict = field(default_factory=dict)


class FileRejected(Exception):
    """The file cannot be read at all; the problem says why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.reason)
        self.problem = problem


_REASONS = {
    Reason.TOO_BIG: _l(
        "The file is %(size)s; files up to %(limit)s can be imported. "
        "Split it, or leave out columns the import does not need."
    ),
    Reason.TOO_MANY_ROWS: _l(
        "The file has more than %(limit)s rows; split it into smaller files."
    ),
    Reason.EMPTY: _l("The file is empty."),
    Reason.NO_ROWS: _l("The file has a header row but no data rows."),
    Reason.WRONG_TYPE: _l(
        "Only CSV files (.csv, .txt, .tsv) and Excel workbooks (.xlsx) can be "
        "imported. Save older .xls files as .xlsx first."
    ),
    Reason.NOT_XLSX: _l(
        "The file is named .xlsx but is not an Excel workbook. If it is a CSV "
        "file, rename it to .csv; otherwise open it in Excel and save it as .xlsx."
    ),
    Reason.ZIP_BOMB: _l(
        "The workbook unpacks to far more data than its size suggests, so it is "
        "not opened. Save it again from Excel, or export the sheet as CSV."
    ),
    Reason.UNSAFE_ENTRY: _l(
        "The workbook holds a part named “%(value)s”, a path that leads out of "
        "the workbook, which Excel never writes, so it is not opened. Save it "
        "again from Excel, or export the sheet as CSV."
    ),
    Reason.XML_ENTITIES: _l(
        "The workbook declares XML entities, which Excel never writes and which "
        "can swell a small file to billions of characters, so it is not read. "
        "Save it again from Excel, or export the sheet as CSV."
    ),
    Reason.BROKEN_XLSX: _l(
        "The workbook is damaged: its first sheet cannot be read to the end. "
        "Open it in Excel and save it again, or export the sheet as CSV."
    ),
    Reason.ENCODING: _l(
        "The text cannot be read as %(encoding)s. Choose another encoding "
        "(Turkish files from older programs are often Windows-1254)."
    ),
    Reason.UNKNOWN_ENCODING: _l(
        "byte %(byte)s is no character in UTF-8, Windows-1254 or ISO-8859-9, "
        "the encodings the import recognises, so the file is in another one. "
        "Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again."
    ),
    Reason.CONTROL_CHARACTER: _l(
        "read as %(encoding)s, the text holds the control character %(code)s "
        "where a letter should be. Choose the file's encoding (Turkish files "
        "from older programs are often Windows-1254), or save it as UTF-8 and "
        "upload it again."
    ),
    Reason.BAD_LINE: _l(
        "this row has %(saw)s cells but the header row has %(expected)s. "
        "Check the delimiter and the quotes."
    ),
    Reason.NOT_CSV: _l(
        "The file cannot be read as CSV. Check the delimiter and the quotes."
    ),
    Reason.MISSING_COLUMN: _l(
        "No column is chosen for %(field)s, which this kind of file needs."
    ),
    Reason.REQUIRED: _l("empty, but a value is required"),
    Reason.TOO_LONG: _l("longer than %(limit)s characters"),
    Reason.NOT_DATE: _l("“%(value)s” is not a date like %(example)s"),
    Reason.FUTURE_DATE: _l(
        "“%(value)s” lies after today (%(today)s), and a record of what happened cannot"
    ),
    Reason.NOT_NUMBER: _l("“%(value)s” is not a number like %(example)s"),
    Reason.TOO_LARGE: _l("“%(value)s” is too large"),
    Reason.POTENTIAL: _l("“%(value)s” is not a whole number from 1 to 5"),
    Reason.SHARE: _l(
        "“%(value)s” is not a share: give 0 to 1 (0,45), or a percentage "
        "(45 or %(percent)s)"
    ),
    Reason.STAGE: _l(
        "“%(value)s” is not a lifecycle stage (selection, acquisition, retention, "
        "deepening; seçim, kazanım, elde tutma, derinleştirme)"
    ),
    Reason.FLAG: _l("“%(value)s” is not yes or no (yes/no, evet/hayır, 1/0)"),
    Reason.CHANNEL: _l(
        "“%(value)s” is not a known channel (phone, e-mail, web, letter, fax, "
        "face to face, other; telefon, e-posta, mektup, faks, yüz yüze, diğer)"
    ),
    Reason.DIRECTION: _l(
        "“%(value)s” is not a direction (inbound or outbound; gelen or giden)"
    ),
    Reason.EMAIL: _l("“%(value)s” is not an e-mail address"),
    Reason.NAME_CONFLICT: _l(
        "account number %(account)s is named “%(value)s” here but “%(other)s” "
        "on row %(other_row)s"
    ),
    Reason.UNKNOWN_ACCOUNT: _l(
        "no customer has the account number “%(value)s”; import the customers first"
    ),
}


def describe(problem: Problem, filename: str) -> str:
    """The problem as a sentence naming the file, the row and the column."""
    details = {"percent": "45%", **problem.details}
    if details.get("field") in FIELDS:
        details["field"] = FIELDS[details["field"]].label
    if "encoding" in details:
        details["encoding"] = ENCODINGS.get(details["encoding"], details["encoding"])
    details["value"] = _shortened(problem.value)
    reason = str(_REASONS[problem.reason]) % details
    if problem.row is not None and problem.column is not None:
        return gettext(
            "%(file)s, row %(row)s, column “%(column)s”: %(reason)s",
            file=filename,
            row=problem.row,
            column=problem.column,
            reason=reason,
        )
    if problem.row is not None:
        return gettext(
            "%(file)s, row %(row)s: %(reason)s",
            file=filename,
            row=problem.row,
            reason=reason,
        )
    return gettext("%(file)s: %(reason)s", file=filename, reason=reason)


def _shortened(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- settings and limits ----------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How to read the file; each may be ``DETECT``."""

    encoding: str = DETECT
    delimiter: str = DETECT
    decimal: str = DETECT
    date_format: str = DETECT


@dataclass(frozen=True)
class ImportRequest:
    """What the person asked to import: the kind of file, how to read it and
    which column holds which field. It travels to the worker as JSON."""

    kind: Kind
    settings: Settings
    mapping: dict[str, str]

    def as_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "settings": asdict(self.settings),
            "mapping": self.mapping,
        }

    @classmethod
    def from_json(cls, data: dict) -> ImportRequest:
        return cls(Kind(data["kind"]), Settings(**data["settings"]), data["mapping"])


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 100 * 1024 * 1024
    max_rows: int = 2_000_000
    #: an XLSX may unpack to at most this many bytes …
    xlsx_max_uncompressed: int = 1024 * 1024 * 1024
    #: … and to at most this many times its packed size
    xlsx_max_ratio: int = 100


@dataclass
class Table:
    """A file's cells: text (CSV) or text, numbers and dates (XLSX)."""

    frame: pd.DataFrame
    headers: list[str]
    #: the file row of the frame's first row (the header is one above)
    first_row: int
    encoding: str | None
    delimiter: str | None
    source: str  # "csv" or "xlsx"

    @property
    def rows(self) -> np.ndarray:
        return np.arange(len(self.frame)) + self.first_row


SUFFIXES = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx"}


def source_of(filename: str) -> str:
    """ "csv" or "xlsx" by the file's name; FileRejected for anything else."""
    source = SUFFIXES.get(Path(filename).suffix.lower())
    if source is None:
        raise FileRejected(Problem(Reason.WRONG_TYPE))
    return source


# --- detection --------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM) when the bytes decode as such; otherwise
    Windows-1254, which Turkish Windows programs and Excel write. ISO-8859-9
    has the same letters and differs only in 0x80–0x9F: Windows-1254's
    € „ “ ” – …, control codes in ISO-8859-9 that no one types. So a file of
    Turkish letters reads the same either way, one with € or “ reads right
    only as Windows-1254, and a byte Windows-1254 leaves undefined makes
    reading refuse the file."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1254"
    return "utf-8"


def detect_delimiter(header_line: str) -> str:
    """The delimiter the header line uses most (a comma when it has none)."""
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _numeric_texts(values: pd.Series) -> pd.Series:
    text = (
        values[values.map(lambda v: isinstance(v, str))]
        if values.dtype == object
        else values
    )
    return text.astype(str).str.strip().str.rstrip("%")


def detect_decimal(samples: list[pd.Series], delimiter: str | None) -> str:
    """ "," or "." by the numbers' last separator: a separator followed by other
    than exactly three digits is the decimal one. "1.234" alone says nothing;
    then a semicolon-separated file (Turkish Excel's habit) means a comma."""
    votes = {",": 0, ".": 0}
    for values in samples:
        text = _numeric_texts(values.head(SAMPLE_SIZE))
        parts = text.str.extract(r"^[+-]?[\d.,]*?([.,])(\d*)$").dropna()
        decisive = parts[parts[1].str.len() != 3]
        for sep in votes:
            votes[sep] += int((decisive[0] == sep).sum())
    if votes[","] != votes["."]:
        return "," if votes[","] > votes["."] else "."
    return "," if delimiter in (";", "\t") else "."


def detect_date_format(samples: list[pd.Series]) -> str:
    """The format that reads most of the sampled dates (day first on ties)."""
    texts = [_date_texts(values.head(SAMPLE_SIZE)) for values in samples if len(values)]
    texts = [t[t != ""] for t in texts]
    best, best_count = "%d.%m.%Y", 0
    for fmt in DATE_FORMATS:
        count = sum(
            int(pd.to_datetime(t, format=fmt, errors="coerce").notna().sum())
            for t in texts
        )
        if count > best_count:
            best, best_count = fmt, count
    return best


def _date_texts(values: pd.Series) -> pd.Series:
    if values.dtype == object:
        values = values[values.map(lambda v: isinstance(v, str))]
    text = values.astype(str).str.strip()
    if text.str.contains(" ", regex=False).any():
        text = text.str.split(" ", n=1).str[0]  # "31.12.2025 00:00:00"
    return text


def guess_mapping(kind: Kind, headers: list[str]) -> dict[str, str]:
    """Which header holds which field, from English and Turkish header words:
    exact matches first, then headers that contain a field's word."""
    folded = {header: fold(header) for header in headers}
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for exact in (True, False):
        for name in KIND_FIELDS[kind]:
            if name in mapping:
                continue
            for synonym in FIELDS[name].synonyms:
                word = fold(synonym)
                if not exact and len(word) < 4:
                    continue
                match = next(
                    (
                        h
                        for h in headers
                        if h not in taken
                        and (folded[h] == word if exact else word in folded[h])
                    ),
                    None,
                )
                if match is not None:
                    mapping[name] = match
                    taken.add(match)
                    break
    return mapping


# --- reading ----------------------------------------------------------------


def check_xlsx(path: Path, limits: Limits) -> None:
    """Refuse what is not a workbook, parts whose names lead out of it, and zip
    bombs, before openpyxl unpacks anything. The sizes are the zip's own;
    zipfile stops at the declared size and checks the CRC, so a lying header
    cannot unpack more than it declares."""
    if not zipfile.is_zipfile(path):
        raise FileRejected(Problem(Reason.NOT_XLSX))
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise FileRejected(Problem(Reason.NOT_XLSX)) from error
    if not any(e.filename == "[Content_Types].xml" for e in entries):
        raise FileRejected(Problem(Reason.NOT_XLSX))
    unsafe = next((e.filename for e in entries if _leaves_archive(e.filename)), None)
    if unsafe is not None:
        raise FileRejected(Problem(Reason.UNSAFE_ENTRY, value=unsafe))
    unpacked = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries)
    if (
        len(entries) > 10_000
        or unpacked > limits.xlsx_max_uncompressed
        or unpacked > max(packed, 1) * limits.xlsx_max_ratio
    ):
        raise FileRejected(Problem(Reason.ZIP_BOMB))


def _leaves_archive(name: str) -> bool:
    """Whether an entry's name, unpacked as a path, would land outside the
    folder it is unpacked into: absolute, on a drive, or a step up (with either
    slash, since Windows tools take a backslash for one)."""
    path = name.replace("\\", "/")
    return (
        path.startswith("/")
        or re.match(r"[A-Za-z]:", path) is not None
        or ".." in path.split("/")
    )


def read_table(
    path: Path,
    filename: str,
    settings: Settings,
    limits: Limits,
    nrows: int | None = None,
) -> Table:
    """The file's header and rows (all of them, or the first ``nrows``)."""
    source = source_of(filename)
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FileRejected(
            Problem(
                Reason.TOO_BIG,
                details={
                    "size": human_size(size),
                    "limit": human_size(limits.max_bytes),
                },
            )
        )
    if source == "xlsx":
        return _read_xlsx(path, limits, nrows)
    return _read_csv(path, settings, limits, nrows)


def human_size(size: int) -> str:
    """Bytes as "12.5 MB" or "3 KB" (rounded up, so a limit never reads 0)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"
    return f"{max(1, -(-size // 1024))} KB"


def _read_csv(
    path: Path, settings: Settings, limits: Limits, nrows: int | None
) -> Table:
    data = _first_lines(path.read_bytes(), nrows)
    if not data.strip():
        raise FileRejected(Problem(Reason.EMPTY))
    detected = settings.encoding == DETECT
    encoding = detect_encoding(data) if detected else settings.encoding
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    text = _decoded(data, encoding, detected, settings.delimiter)
    del data
    header_line, first_line = _two_lines(text)
    del text
    if not header_line.strip():
        raise FileRejected(Problem(Reason.EMPTY))
    delimiter = settings.delimiter
    if delimiter == DETECT:
        delimiter = detect_delimiter(header_line)
    limit = limits.max_rows + 1 if nrows is None else nrows
    try:
        with warnings.catch_warnings():
            # pandas only warns when the first data row is longer than the header.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                path,
                sep=delimiter,
                encoding="utf-8-sig" if encoding == "utf-8" else encoding,
                # a preview's rows were checked above; the check reads them all
                encoding_errors="strict" if nrows is None else "replace",
                dtype=str,
                na_filter=False,
                skip_blank_lines=False,
                index_col=False,
                nrows=limit,
                engine="c",
            )
    except pd.errors.EmptyDataError as error:
        raise FileRejected(Problem(Reason.EMPTY)) from error
    except pd.errors.ParserWarning as error:
        expected = header_line.count(delimiter) + 1
        saw = first_line.count(delimiter) + 1
        raise FileRejected(
            Problem(Reason.BAD_LINE, row=2, details={"expected": expected, "saw": saw})
        ) from error
    except (pd.errors.ParserError, ValueError) as error:
        # pandas names the bad line only in its message
        message = error.args[0] if error.args else ""
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
        if found is None:
            raise FileRejected(Problem(Reason.NOT_CSV)) from error
        expected, line, saw = found.groups()
        raise FileRejected(
            Problem(
                Reason.BAD_LINE,
                row=int(line),
                details={"expected": expected, "saw": saw},
            )
        ) from error
    if nrows is None and len(frame) > limits.max_rows:
        raise FileRejected(
            Problem(Reason.TOO_MANY_ROWS, details={"limit": f"{limits.max_rows:,}"})
        )
    headers = [str(h).strip().removeprefix("\ufeff") for h in frame.columns]
    frame.columns = headers
    frame = frame.fillna("")
    table = Table(frame, headers, 2, encoding, delimiter, "csv")
    return _with_rows(table)


def _first_lines(data: bytes, lines: int | None) -> bytes:
    """The file's first ``lines`` lines and its header (all of it for None).

    A preview of a 2,000,000-row file reads, detects and checks the
    characters of its first rows only, so that the upload's page answers at
    once; the check of every row reads the whole file. A line ends at a
    line-feed byte, which in every encoding offered ends a character too."""
    if lines is None:
        return data
    end = -1
    for _line in range(lines + 1):
        end = data.find(b"\n", end + 1)
        if end == -1:
            return data
    return data[: end + 1]


def _two_lines(text: str) -> tuple[str, str]:
    """The header line and the first data line ("" where there is none),
    found without copying the rest of a large text."""
    first_end = text.find("\n")
    if first_end == -1:
        return text, ""
    second_end = text.find("\n", first_end + 1)
    return text[:first_end], text[
        first_end + 1 : None if second_end == -1 else second_end
    ]


#: C1 control characters: what bytes 0x80–0x9F read as ISO-8859-9 become.
_C1_CONTROL = re.compile("[\x80-\x9f]")


def _decoded(data: bytes, encoding: str, detected: bool, delimiter: str) -> str:
    """The file's text. Refused where a byte is no character in the encoding,
    and where the text holds a C1 control character: no one types one, so it
    means the wrong encoding, and it would sit invisibly in names."""
    try:
        text = data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        if detected:
            reason = Reason.UNKNOWN_ENCODING
            details = {"byte": f"0x{data[error.start]:02X}"}
        else:
            reason = Reason.ENCODING
            details = {"encoding": encoding}
        before = data[: error.start].decode(encoding, "replace")
        raise FileRejected(_located(reason, details, before, delimiter)) from error
    found = _C1_CONTROL.search(text)
    if found is not None:
        details = {"encoding": encoding, "code": f"U+{ord(found.group()):04X}"}
        before = text[: found.start()]
        raise FileRejected(
            _located(Reason.CONTROL_CHARACTER, details, before, delimiter)
        )
    return text


def _located(reason: Reason, details: dict, before: str, delimiter: str) -> Problem:
    """The problem of the character that ``before`` (the text up to it) leads
    to: its row, and below the header row its column's header. Counted on
    lines, as a text editor would; a quoted line break may shift it."""
    before = before.removeprefix("\ufeff")
    row = before.count("\n") + 1
    if row == 1:
        return Problem(reason, row=row, details=details)
    header = before.partition("\n")[0].rstrip("\r")
    if delimiter == DETECT:
        delimiter = detect_delimiter(header)
    headers = _cells(header, delimiter)
    index = max(len(_cells(before.rpartition("\n")[2], delimiter)), 1) - 1
    column = headers[index].strip() if index < len(headers) else None
    return Problem(reason, row=row, column=column, details=details)


def _cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _read_xlsx(path: Path, limits: Limits, nrows: int | None) -> Table:
    check_xlsx(path, limits)
    # Imported lazily: only workbook imports pay for openpyxl.
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    limit = limits.max_rows + 1 if nrows is None else nrows
    # Our own handle: openpyxl leaves its file open when loading fails.
    with path.open("rb") as handle:
        with _unreadable_as(Reason.NOT_XLSX):
            # data_only: a formula cell gives the value Excel last computed.
            book = load_workbook(handle, read_only=True, data_only=True)
        try:
            # Read-only sheets are parsed while iterating: errors come here too.
            with _unreadable_as(Reason.BROKEN_XLSX):
                header, body, first_row = _first_sheet(book, limit)
        finally:
            book.close()
    if nrows is None and len(body) > limits.max_rows:
        raise FileRejected(
            Problem(Reason.TOO_MANY_ROWS, details={"limit": f"{limits.max_rows:,}"})
        )
    headers = _unique(
        [
            str(cell).strip() if cell is not None else get_column_letter(i + 1)
            for i, cell in enumerate(header)
        ]
    )
    frame = pd.DataFrame(body, columns=headers, dtype=object)
    frame = frame.where(frame.notna(), "")
    return _with_rows(Table(frame, headers, first_row, None, None, "xlsx"))


def _first_sheet(book, limit: int) -> tuple[tuple, list[tuple], int]:
    """The first sheet's header, up to ``limit`` rows padded or cut to its
    width, and the file row of the first of them."""
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None or all(cell is None for cell in header):
        raise FileRejected(Problem(Reason.EMPTY))
    width = len(header)
    body = []
    for values in rows:
        if len(body) >= limit:
            break
        body.append(values[:width] + (None,) * (width - len(values)))
    return header, body, (sheet.min_row or 1) + 1


@contextmanager
def _unreadable_as(reason: Reason) -> Iterator[None]:
    """Any error of the workbook reader as the file's problem: ``reason``, or
    XML_ENTITIES when defusedxml (which openpyxl parses with) refused them."""
    try:
        yield
    except FileRejected:
        raise
    except Exception as error:  # openpyxl raises many kinds on a broken file
        refused = _caused_by(error, DefusedXmlException)
        raise FileRejected(
            Problem(Reason.XML_ENTITIES if refused else reason)
        ) from error


def _caused_by(error: BaseException | None, kind: type[BaseException]) -> bool:
    """Whether ``error`` or an error it was raised from is a ``kind``: openpyxl
    wraps the parser's errors in its own."""
    while error is not None:
        if isinstance(error, kind):
            return True
        error = error.__cause__ or error.__context__
    return False


def _unique(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    result = []
    for header in headers:
        count = seen.get(header, 0)
        seen[header] = count + 1
        result.append(header if not count else f"{header}.{count}")
    return result


def _with_rows(table: Table) -> Table:
    frame = table.frame
    if frame.empty or (len(frame) <= 1000 and _blank(frame).all()):
        raise FileRejected(Problem(Reason.NO_ROWS))
    return table


def _blank(frame: pd.DataFrame) -> pd.Series:
    """Rows whose cells are all empty."""
    blank = pd.Series(True, index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object:
            blank &= values.map(lambda v: v is None or str(v).strip() == "")
        else:
            blank &= values.str.strip() == ""
    return blank


def preview(table: Table, rows: int = PREVIEW_ROWS) -> list[list[str]]:
    """The first rows, as text, for the mapping page."""
    head = table.frame.head(rows)
    return [[_as_text(v) for v in record] for record in head.itertuples(index=False)]


def _as_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and not value.time():
        return value.date().isoformat()
    return "" if value is None else str(value)


# --- validation -------------------------------------------------------------


@dataclass
class Parsed:
    """The file's rows as typed fields, or the problems that stop the import."""

    kind: Kind
    #: field → the header of its column
    mapping: dict[str, str]
    #: one column per mapped field; the index is the row number in the file
    records: pd.DataFrame
    problems: list[Problem]
    problem_count: int
    decimal: str
    date_format: str

    @property
    def ok(self) -> bool:
        return self.problem_count == 0


class _Problems:
    """Collects problems, keeping the first ``MAX_PROBLEMS`` and counting all."""

    def __init__(self):
        self.kept: list[Problem] = []
        self.count = 0

    def add(self, problem: Problem) -> None:
        self.count += 1
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)

    def cells(
        self,
        reason: Reason,
        bad: pd.Series,
        values: pd.Series,
        column: str,
        **details,
    ) -> None:
        """One problem per row where ``bad`` holds."""
        count = int(bad.sum())
        if not count:
            return
        self.count += count
        room = MAX_PROBLEMS - len(self.kept)
        if room <= 0:
            return
        for row, value in values[bad].head(room).items():
            self.kept.append(
                Problem(reason, int(row), column, _as_text(value), dict(details))
            )

    def sorted(self, headers: list[str]) -> list[Problem]:
        """By row, then by column as the file orders them."""
        order = {header: i for i, header in enumerate(headers)}
        return sorted(
            self.kept, key=lambda p: (p.row or 0, order.get(p.column or "", -1))
        )


def validate(
    table: Table,
    kind: Kind,
    mapping: dict[str, str],
    settings: Settings,
    today: date,
    on_rows: Callable[[int, int], None] = lambda done, total: None,
) -> Parsed:
    """Every mapped cell converted to its type; every bad cell reported,
    dates after ``today`` among them: a file's dates record what happened.
    Rows are checked CHECK_ROWS at a time, and ``on_rows(done, total)`` hears
    after each, so a long check can say how far it is."""
    problems = _Problems()
    mapping = {
        name: header
        for name, header in mapping.items()
        if name in KIND_FIELDS[kind] and header in table.headers
    }
    for name in KIND_FIELDS[kind]:
        if name in REQUIRED[kind] and name not in mapping:
            problems.add(Problem(Reason.MISSING_COLUMN, details={"field": name}))
    cells = pd.DataFrame(
        {name: table.frame[header] for name, header in mapping.items()}
    )
    cells.index = pd.Index(table.rows, name="row")
    if mapping:
        cells = cells[~_blank(cells)]
        if cells.empty:
            problems.add(Problem(Reason.NO_ROWS))
    decimal, date_format = resolved(table, mapping, settings)
    parts = []
    for start in range(0, max(len(cells), 1), CHECK_ROWS):
        chunk = cells.iloc[start : start + CHECK_ROWS]
        part = pd.DataFrame(index=chunk.index)
        for name, header in mapping.items():
            part[name] = _convert(
                FIELDS[name], chunk[name], header, decimal, date_format, today, problems
            )
            if name in REQUIRED[kind]:
                _required(chunk[name], header, problems)
        parts.append(part)
        on_rows(start + len(chunk), len(cells))
    records = pd.concat(parts) if len(parts) > 1 else parts[0]
    if names_decision_makers(mapping):
        records["contact_decision_maker"] = records["contact_name"] != ""
    if "name" in records and kind in (Kind.CUSTOMERS, Kind.TRANSACTIONS):
        _conflicting_names(records, mapping["name"], problems)
    return Parsed(
        kind,
        mapping,
        records,
        problems.sorted(table.headers),
        problems.count,
        decimal,
        date_format,
    )


def resolved(
    table: Table, mapping: dict[str, str], settings: Settings
) -> tuple[str, str]:
    """The decimal style and date format: the user's, or detected on the
    mapped columns."""
    decimal, date_format = settings.decimal, settings.date_format
    if decimal == DETECT:
        decimal = detect_decimal(
            [
                table.frame[header]
                for name, header in mapping.items()
                if FIELDS[name].type
                in (FieldType.MONEY, FieldType.SHARE, FieldType.POTENTIAL)
            ],
            table.delimiter,
        )
    if date_format == DETECT:
        date_format = detect_date_format(
            [
                table.frame[header]
                for name, header in mapping.items()
                if FIELDS[name].type == FieldType.DATE
            ]
        )
    return decimal, date_format


def _required(values: pd.Series, header: str, problems: _Problems) -> None:
    problems.cells(Reason.REQUIRED, _blank(values.to_frame()), values, header)


def _convert(spec: Field, values, header, decimal, date_format, today, problems):
    kind = spec.type
    if kind in (FieldType.TEXT, FieldType.EMAIL):
        text = text_values(values)
        if spec.max_length:
            long = text.str.len() > spec.max_length
            problems.cells(Reason.TOO_LONG, long, values, header, limit=spec.max_length)
        if kind == FieldType.EMAIL:
            bad = (text != "") & ~text.str.fullmatch(r"[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+")
            problems.cells(Reason.EMAIL, bad, values, header)
        return text
    if kind == FieldType.DATE:
        parsed, bad = dates(values, date_format)
        problems.cells(
            Reason.NOT_DATE, bad, values, header, example=DATE_FORMATS[date_format]
        )
        problems.cells(
            Reason.FUTURE_DATE,
            parsed > pd.Timestamp(today),
            values,
            header,
            today=today.strftime(date_format),
        )
        return parsed
    if kind == FieldType.MONEY:
        parsed, bad = numbers(values, decimal)
        problems.cells(
            Reason.NOT_NUMBER, bad, values, header, example=DECIMALS[decimal]
        )
        problems.cells(Reason.TOO_LARGE, parsed.abs() >= MAX_MONEY, values, header)
        return parsed.round(2)
    if kind == FieldType.POTENTIAL:
        parsed, bad = numbers(values, decimal)
        bad |= parsed.notna() & ~parsed.isin([1, 2, 3, 4, 5])
        problems.cells(Reason.POTENTIAL, bad, values, header)
        return parsed.where(~bad).astype("Int64")
    if kind == FieldType.SHARE:
        parsed, bad = shares(values, decimal)
        problems.cells(Reason.SHARE, bad, values, header)
        return parsed
    words, reason = {
        FieldType.STAGE: (STAGE_WORDS, Reason.STAGE),
        FieldType.CHANNEL: (CHANNEL_WORDS, Reason.CHANNEL),
        FieldType.DIRECTION: (DIRECTION_WORDS, Reason.DIRECTION),
        FieldType.FLAG: (FLAG_WORDS, Reason.FLAG),
    }[kind]
    parsed, bad = choices(values, words)
    problems.cells(reason, bad, values, header)
    if kind == FieldType.FLAG:
        # Not fillna(False): a column with no answers at all parses as floats.
        return parsed.eq(True)
    return parsed


def _conflicting_names(records: pd.DataFrame, header: str, problems) -> None:
    """The same account number under two names is a mistake in the file."""
    named = records.loc[records["name"] != "", ["account_number", "name"]]
    firsts = named.reset_index().groupby("account_number", sort=False).first()
    other = named["account_number"].map(firsts["name"])
    other_row = named["account_number"].map(firsts["row"])
    bad = named["name"] != other
    if not bad.any():
        return
    count = int(bad.sum())
    problems.count += count
    for row in named.index[bad][: max(0, MAX_PROBLEMS - len(problems.kept))]:
        problems.kept.append(
            Problem(
                Reason.NAME_CONFLICT,
                int(row),
                header,
                named.at[row, "name"],
                {
                    "account": named.at[row, "account_number"],
                    "other": other[row],
                    "other_row": int(other_row[row]),
                },
            )
        )


# --- conversions of whole columns -------------------------------------------


def _split_native(values: pd.Series, types) -> tuple[pd.Series, pd.Series]:
    """XLSX columns mix typed cells with text; returns (native mask, text)."""
    if values.dtype != object:
        return pd.Series(False, index=values.index), values
    native = values.map(lambda v: isinstance(v, types) and not isinstance(v, bool))
    text = values.where(~native, "").map(_as_text)
    return native, text.astype(str)


def text_values(values: pd.Series) -> pd.Series:
    """Cells as stripped text. An apostrophe that a formula-safe export put in
    front of = + - @ is taken off again, so exports re-import unchanged."""
    if values.dtype == object:
        values = values.map(_as_text)
    text = values.astype(str).str.strip()
    if text.str.startswith("'").any():
        text = text.str.replace(r"^'(?=[=+\-@])", "", regex=True)
    return text


def dates(values: pd.Series, date_format: str) -> tuple[pd.Series, pd.Series]:
    """Parsed dates (NaT where empty) and the mask of cells that are not dates."""
    native, text = _split_native(values, (datetime, date))
    text = _date_texts(text)
    parsed = pd.to_datetime(text, format=date_format, errors="coerce")
    if native.any():
        parsed[native] = pd.to_datetime(values[native])
    bad = parsed.isna() & (text != "") & ~native
    return parsed.dt.normalize(), bad


def numbers(values: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """Parsed numbers (NaN where empty) and the mask of cells that are not
    numbers in the chosen style: "1.234,56" and "1.234" with a decimal comma,
    "1,234.56" with a decimal point."""
    native, text = _split_native(values, (int, float))
    text = text.str.strip()
    if text.str.contains(r"\s", regex=True).any():
        text = text.str.replace(r"\s", "", regex=True)
    group = "." if decimal == "," else ","
    grouped = text.str.contains(group, regex=False)
    bad_groups = pd.Series(False, index=text.index)
    if grouped.any():
        g = re.escape(group)
        d = re.escape(decimal)
        pattern = rf"[+-]?\d{{1,3}}({g}\d{{3}})+({d}\d*)?"
        bad_groups = grouped & ~text.str.fullmatch(pattern).fillna(False).astype(bool)
        text = text.str.replace(group, "", regex=False)
    if decimal == ",":
        text = text.str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(text.where(~bad_groups, ""), errors="coerce")
    parsed = parsed.astype("float64")
    if native.any():
        parsed[native] = values[native].astype("float64")
    bad = (parsed.isna() & (text != "") & ~native) | bad_groups
    bad |= np.isinf(parsed)
    return parsed.where(~bad), bad


def shares(values: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    """Wallet shares as 0–1. A value up to 1 is a fraction ("0,45"); above 1,
    or with a % sign, a percentage ("45", "45%"; so "1" is all, "1%" a hundredth)."""
    text = text_values(values)
    percent = text.str.endswith("%")
    parsed, bad = numbers(text.str.rstrip("%").where(text != "", ""), decimal)
    if values.dtype == object:
        native, _ = _split_native(values, (int, float))
        parsed[native] = values[native].astype("float64")
        bad &= ~native
    scaled = parsed.where(~(percent | (parsed > 1)), parsed / 100)
    bad |= parsed.notna() & ((parsed < 0) | (parsed > 100))
    return scaled.where(~bad), bad


def choices(values: pd.Series, words: dict) -> tuple[pd.Series, pd.Series]:
    """A word from the list (English or Turkish, any case or accents)."""
    text = text_values(values)
    folded = (
        text.str.translate(_FOLD).str.lower().str.replace(r"[^a-z0-9]", "", regex=True)
    )
    parsed = folded.map(words)
    bad = parsed.isna() & (text != "")
    return parsed.where(~bad), bad
