"""Builders of the files the import tests upload: CSV text in any encoding and
delimiter, XLSX workbooks, and workbooks that are not what they claim."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime


def csv_bytes(
    rows: list[list], delimiter: str = ",", encoding: str = "utf-8", bom=False
) -> bytes:
    """Rows (the first is the header) as CSV text; no quoting unless needed."""
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            text = "" if cell is None else str(cell)
            if delimiter in text or '"' in text or "\n" in text:
                text = '"' + text.replace('"', '""') + '"'
            cells.append(text)
        lines.append(delimiter.join(cells))
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows: list[list], title: str = "Sheet1") -> bytes:
    """Rows as the first sheet of a workbook; numbers and dates stay typed."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_bomb_xlsx(unpacked_megabytes: int = 50) -> bytes:
    """A zip that looks like a workbook and unpacks to far more than its size."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "xl/worksheets/sheet1.xml", b"\0" * (unpacked_megabytes * 1024 * 1024)
        )
    return out.getvalue()


CUSTOMER_HEADER = ["Cari Kod", "Ünvan", "Şehir", "Telefon", "E-posta", "Sektör"]
CUSTOMERS = [
    CUSTOMER_HEADER,
    ["C-001", "Şimşek Gıda Ltd. Şti.", "İstanbul", "0212 555 01 01", "", "Gıda"],
    ["C-002", "Ilgaz Ağaç İşleri", "Iğdır", "", "info@ilgaz.example", "Mobilya"],
    ["C-003", "Öztürk Çelik A.Ş.", "İzmir", "", "", "Metal"],
]

SALES_HEADER = ["Cari Kod", "Ünvan", "Fatura Tarihi", "Net Tutar", "Kâr", "Ürün"]
SALES = [
    SALES_HEADER,
    ["C-001", "Şimşek Gıda Ltd. Şti.", "31.12.2025", "1.234,56", "100,50", "Un"],
    ["C-001", "Şimşek Gıda Ltd. Şti.", "31.12.2025", "1.234,56", "100,50", "Un"],
    ["C-002", "Ilgaz Ağaç İşleri", "02.01.2026", "1.234", "-12,5", "Kereste"],
    ["C-003", "Öztürk Çelik A.Ş.", "15.06.2025", "-250,00", "", "Sac"],
]

XLSX_CUSTOMERS = [
    ["Account number", "Name", "City", "Strategic potential", "Last verified"],
    [1001, "Anadolu Tekstil", "Bursa", 4, datetime(2025, 12, 31)],
    ["1002", "Ege Zeytin", "Ayvalık", 2, date(2025, 6, 1)],
]
