"""HTML to PDF with WeasyPrint: the one module that imports it.

Reports show text that users typed, so the renderer must never be able to reach
anything the text names: the URL fetcher serves the app's own static files and
inline ``data:`` URIs, and refuses every other URL, host and path.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import Response, current_app, render_template, send_file
from flask_babel import force_locale
from weasyprint import CSS, HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

#: The base URL reports are rendered under; it names no real host.
REPORT_BASE_URL = "https://report.invalid/"
_STATIC_PREFIX = REPORT_BASE_URL + "static/"


class StaticOnlyFetcher(URLFetcher):
    """Serves files under the static folder; refuses everything else."""

    def __init__(self, static_folder: str | Path):
        super().__init__(allowed_protocols=("https", "data"))
        self._root = Path(static_folder).resolve()

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(_STATIC_PREFIX):
            raise ValueError(f"Reports may not fetch {url!r}")
        relative = unquote(urlsplit(url).path).removeprefix("/static/")
        path = (self._root / relative).resolve()
        if not path.is_relative_to(self._root) or not path.is_file():
            raise ValueError(f"No static file for {url!r}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )


@dataclass(frozen=True)
class ReportSource:
    """A report ready to be rendered: its template, language and data. Kept
    apart from the rendering so that the report pack can lay out each part
    twice (once to count pages, once with its page numbers)."""

    template: str
    language: str
    context: Mapping[str, Any]


def report_source(template: str, language: str, **context) -> ReportSource:
    return ReportSource(template, language, context)


def render_document(source: ReportSource, stylesheet: str = "") -> Document:
    """Lay a report out in its language; ``stylesheet`` is CSS the product
    writes (never user text), e.g. the pack's page numbering."""
    with force_locale(source.language):
        html = render_template(
            source.template, report_language=source.language, **source.context
        )
    document = HTML(
        string=html,
        base_url=REPORT_BASE_URL,
        url_fetcher=StaticOnlyFetcher(current_app.static_folder),
    )
    return document.render(stylesheets=[CSS(string=stylesheet)] if stylesheet else None)


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


def render_pdf(source: ReportSource) -> RenderedPdf:
    """The report as a PDF, with its page count."""
    document = render_document(source)
    return RenderedPdf(document.write_pdf(), len(document.pages))


def pdf_download(pdf: bytes, filename: str) -> Response:
    """A PDF as a file download."""
    return send_file(
        BytesIO(pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=filename,
    )
