"""HTML to PDF with WeasyPrint: the one module that imports it.

Reports show text that users typed, so the renderer must never be able to reach
anything the text names: the URL fetcher serves the app's own static files and
inline ``data:`` URIs, and refuses every other URL, host and path.
"""

from __future__ import annotations

import mimetypes
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from flask import Response, current_app, render_template, send_file
from flask_babel import force_locale
from weasyprint import HTML
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


def render_pdf(template: str, language: str, **context) -> bytes:
    """Render a report template in the given language and return the PDF bytes."""
    with force_locale(language):
        html = render_template(template, report_language=language, **context)
    document = HTML(
        string=html,
        base_url=REPORT_BASE_URL,
        url_fetcher=StaticOnlyFetcher(current_app.static_folder),
    )
    return document.write_pdf()


def pdf_download(pdf: bytes, filename: str) -> Response:
    """A PDF as a file download."""
    return send_file(
        BytesIO(pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=filename,
    )
