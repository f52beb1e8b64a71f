"""HTML to PDF with WeasyPrint, the one package that imports it, run in a child
process so that every report has a time and a memory limit (``app.pdf`` starts
the child and enforces the limits).

Nothing of the app is imported here, so the child starts light: it is forked
from a server that has loaded only this package (see ``renderer.warm``).
WeasyPrint itself is imported by ``renderer.layout``, which only the child
loads: the app imports this package for ``Part`` and the tasks' names, and so
does not pay for WeasyPrint (half a second) until a report is laid out.

Reports show text that users typed, so the renderer must never be able to reach
anything the text names: the URL fetcher serves the app's own static files and
inline ``data:`` URIs, and refuses every other URL, host and path.
"""

from __future__ import annotations

import resource
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

#: The base URL reports are rendered under; it names no real host.
REPORT_BASE_URL = "https://report.invalid/"


@dataclass(frozen=True)
class Part:
    """One HTML document to lay out: a report, or a part of the pack."""

    html: str
    #: CSS the product writes (never user text), e.g. the pack's page numbering
    stylesheet: str = ""


def page_counts(parts: Sequence[Part], static_folder: str) -> list[int]:
    """How many pages each part lays out to."""
    from renderer.layout import StaticOnlyFetcher, laid_out

    fetcher = StaticOnlyFetcher(static_folder)
    return [len(laid_out(part, fetcher).pages) for part in parts]


def bound_pdf(parts: Sequence[Part], static_folder: str) -> tuple[bytes, int]:
    """Every part's pages bound into one PDF, and how many pages it has."""
    from renderer.layout import StaticOnlyFetcher, laid_out

    fetcher = StaticOnlyFetcher(static_folder)
    documents = [laid_out(part, fetcher) for part in parts]
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf(), len(pages)


#: What the child sends back: ("done", result), ("memory", None) when the cap
#: was reached, or ("failed", the traceback) for any other error.
Outcome = tuple[str, object]


def serve(
    connection: Connection,
    task: Callable[[Sequence[Part], str], object],
    parts: Sequence[Part],
    static_folder: str,
    memory_bytes: int,
) -> None:
    """The child process: cap its address space, do the task, send the outcome.

    A failed allocation in Python raises MemoryError; one in the C libraries
    may end the child instead, which the parent sees as no answer at all."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        memory_bytes = min(memory_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, hard))
    outcome: Outcome
    try:
        outcome = ("done", task(parts, static_folder))
    except MemoryError:
        outcome = ("memory", None)
    except Exception:  # sent to the parent, which raises it there
        outcome = ("failed", traceback.format_exc())
    connection.send(outcome)
    connection.close()
