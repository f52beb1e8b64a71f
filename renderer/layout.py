"""The WeasyPrint side of the renderer: what lays a part out, and the URL
fetcher that keeps it to the app's static files. Imported in the child only
(and by the fork server, to warm it), never by the app."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from renderer import REPORT_BASE_URL

if TYPE_CHECKING:
    from renderer import Part

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


def laid_out(part: Part, fetcher: StaticOnlyFetcher) -> Document:
    document = HTML(string=part.html, base_url=REPORT_BASE_URL, url_fetcher=fetcher)
    stylesheets = [CSS(string=part.stylesheet)] if part.stylesheet else None
    return document.render(stylesheets=stylesheets)
