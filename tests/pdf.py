"""Reading PDFs the way a person would: their text and their page count."""

import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader


def pdf_text(pdf: bytes, layout: bool = True) -> str:
    """The PDF's text as pdftotext extracts it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        options = ["-layout"] if layout else []
        return subprocess.run(  # noqa: S603 (fixed program, our own file)
            ["pdftotext", *options, str(path), "-"],  # noqa: S607
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def page_count(pdf: bytes) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(pdf)
        return len(PdfReader(path).pages)


def downloaded_text(download) -> str:
    """The text of a PDF a browser test downloaded, on one line."""
    return " ".join(pdf_text(Path(download.path()).read_bytes(), layout=False).split())


def issue_report(client, engagement_id: int, kind: str, language: str | None = None):
    """Issue a report the way its button does: a POST to the reports area,
    with the language chosen on the reports page, if any."""
    return client.post(
        f"/engagements/{engagement_id}/reports/issue/{kind}",
        data={"language": language} if language else {},
    )


def build_pack(client, engagement_id: int, language: str | None = None):
    """Build the report pack the way its button does. Its job runs at once
    (immediate mode), so starting it leads straight to the archived copy's
    download: the answer is that download."""
    started = issue_report(client, engagement_id, "pack", language)
    assert started.status_code == 302, started.status_code
    assert "/reports/issued/" in started.location, started.location
    return client.get(started.location)
