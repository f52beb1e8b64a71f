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


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
#: The bare parts of a workbook with one sheet and a shared-strings table.
_PARTS = {
    "[Content_Types].xml": f'<Types xmlns="{_PACKAGE}/content-types">'
    f'<Default Extension="rels" ContentType="{_PACKAGE[:-5]}relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml"'
    f' ContentType="{_TYPE}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml"'
    f' ContentType="{_TYPE}.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml"'
    f' ContentType="{_TYPE}.sharedStrings+xml"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONS}/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONS}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONS}/worksheet"'
    ' Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELATIONS}/sharedStrings"'
    ' Target="sharedStrings.xml"/></Relationships>',
}
#: Nine levels of ten: "&lol9;" stands for a billion "lol"s.
_LAUGHS = '<?xml version="1.0"?><!DOCTYPE %s [<!ENTITY lol0 "lol">' + "".join(
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
)


def shared_strings_xlsx(
    strings: list[str], rows: list[list[int]], bomb_in: str | None = None
) -> bytes:
    """A workbook written part by part, as a hostile tool could: its cells
    (``rows``) name shared strings by index; ``bomb_in`` (a part's name) puts a
    billion-laughs entity bomb into that part, used in its first value."""
    table = "".join(f"<si><t>{text}</t></si>" for text in strings)
    sheet = "".join(
        f'<row r="{r}">'
        + "".join(
            f'<c r="{chr(65 + c)}{r}" t="s"><v>{index}</v></c>'
            for c, index in enumerate(row)
        )
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    parts = {
        **_PARTS,
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}">{table}</sst>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>'
        f"{sheet}</sheetData></worksheet>",
    }
    if bomb_in is not None:
        part = parts[bomb_in]
        root = part[1 : part.index(" ")]
        end = "</t>" if root == "sst" else "</v>"
        parts[bomb_in] = _LAUGHS % root + "]>" + part.replace(end, "&lol9;" + end, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


def xlsx_with_entry(name: str) -> bytes:
    """A real workbook with one more entry, under the name given."""
    out = io.BytesIO(xlsx_bytes(CUSTOMERS))
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr(name, "evil")
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
