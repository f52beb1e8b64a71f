"""Reports as PDF: the HTML is written here, in the request (it needs the app,
the data and the report's language); the layout happens in a child process
(``renderer``, the only WeasyPrint import) under a time and a memory limit,
so that no report can hold a web worker or its memory hostage.

The children are forked from a server that has already loaded WeasyPrint and
its fonts: one starts in a few milliseconds, and a child that runs out of time
is killed without touching the worker or its threads.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from urllib.parse import quote

from flask import Response, current_app, render_template, send_file
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

import renderer
from app.report_cover import cover
from app.text import file_name_part
from renderer import Part

#: Fork server, not fork: forking a web worker with live threads and database
#: connections is unsafe; the server is a clean process started on first use.
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["renderer.warm"])
MEBIBYTE = 1024 * 1024


class ReportTooLarge(Exception):
    """The report needed more time or memory than the renderer is allowed."""


#: what the person who asked for a report that stopped at its limits is told,
#: on the reports page or on the page of the job that built it
TOO_LARGE = _l(
    "This report is too large to produce: it needed more time or memory"
    " than the server allows, so nothing was issued. Ask your"
    " administrator to raise the report limits."
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
    """A report of ``context["engagement"]``, with its cover's facts: every
    report's cover names the same people and period."""
    return ReportSource(
        template, language, {"cover": cover(context["engagement"]), **context}
    )


def report_html(source: ReportSource) -> str:
    """The report's HTML, written in its language."""
    with force_locale(source.language):
        return render_template(
            source.template, report_language=source.language, **source.context
        )


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


class Renderer:
    """Lays reports out in child processes within one report's limits: the
    time limit (``PDF_RENDER_TIMEOUT``) runs across every layout the report
    needs, the memory cap (``PDF_RENDER_MEMORY_MB``) holds for each child."""

    def __init__(self) -> None:
        config = current_app.config
        self._ends = time.monotonic() + config["PDF_RENDER_TIMEOUT"]
        self._memory = int(config["PDF_RENDER_MEMORY_MB"] * MEBIBYTE)
        self._static = current_app.static_folder

    def page_counts(self, parts: Sequence[Part]) -> list[int]:
        """How many pages each part lays out to."""
        return self._in_child(renderer.page_counts, parts)

    def pdf(self, parts: Sequence[Part]) -> RenderedPdf:
        """The parts' pages bound into one PDF."""
        data, pages = self._in_child(renderer.bound_pdf, parts)
        return RenderedPdf(data, pages)

    def _in_child(self, task: Callable, parts: Sequence[Part]) -> Any:
        receiving, sending = _CONTEXT.Pipe(duplex=False)
        child = _CONTEXT.Process(
            target=renderer.serve,
            args=(sending, task, tuple(parts), self._static, self._memory),
            daemon=True,
        )
        with receiving:
            try:
                child.start()
            finally:
                sending.close()  # the child holds its own end; EOF: it died
            try:
                return _outcome(child, receiving, self._ends - time.monotonic())
            finally:
                if child.is_alive():
                    child.kill()
                # join, never close: join takes the child out of
                # multiprocessing's list of children, which another thread's
                # start() may be reading
                child.join()


def _outcome(child, receiving, seconds: float) -> Any:
    """What the child sends back within ``seconds``, or ReportTooLarge. A child
    that ends without an answer ran out of memory where Python could not say
    so (in a C library, or while answering)."""
    try:
        if not receiving.poll(max(seconds, 0)):
            raise ReportTooLarge("out of time")
        status, result = receiving.recv()
    except EOFError:
        child.join()
        raise ReportTooLarge(
            f"the renderer ended without an answer (exit code {child.exitcode})"
        ) from None
    if status == "memory":
        raise ReportTooLarge("out of memory")
    if status == "failed":
        raise RuntimeError(f"The PDF renderer failed:\n{result}")
    return result


def render_pdf(source: ReportSource) -> RenderedPdf:
    """The report as a PDF, with its page count."""
    return Renderer().pdf([Part(report_html(source))])


def pdf_download(pdf: bytes, *words: str) -> Response:
    """A PDF as a file download named by ``words`` (the client, the report,
    the date), joined by hyphens: in plain ASCII for every browser
    (``filename``), and in its own letters for those that read ``filename*``,
    so a Turkish client's name keeps its letters where it can."""
    ascii_name = _joined(file_name_part(word) for word in words)
    own_name = _joined(file_name_part(word, keep_letters=True) for word in words)
    response = send_file(BytesIO(pdf), mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="{ascii_name}.pdf"; '
        f"filename*=UTF-8''{quote(own_name)}.pdf"
    )
    return response


def _joined(parts: Iterable[str]) -> str:
    """The parts of a file name joined by hyphens, any part that came out
    empty (a name in a script with no Latin letters) left out."""
    return "-".join(part for part in parts if part)
