"""The report pack: the executive summary and every phase report bound into one
PDF, with a contents page, PDF bookmarks and page numbers that run through.

Each part is written once and laid out twice: once to count its pages, then
with the page its numbering starts at and the pack's total in the footer; all
of it within one report's render limits (``app.pdf.Renderer``). Bookmarks come
from each part's headings, so every report is a top-level bookmark with its
sections under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from app.models import Engagement
from app.pdf import (
    Part,
    RenderedPdf,
    Renderer,
    ReportSource,
    report_html,
    report_source,
)
from app.reports import catalog
from assessments.oversight import PACK_ORDER


def numbering(first_page: int, total: int) -> str:
    """CSS that numbers a part's pages from ``first_page`` out of ``total``."""
    return (
        f"@page :first {{ counter-reset: page {first_page}; }}"
        "@page { @bottom-right { content: string(page-word) ' ' counter(page) ' '"
        f" string(of-word) ' {total}' !important; }} }}"
    )


def _in_pack(source: ReportSource) -> ReportSource:
    """A part of the pack: the pack's cover stands for every part's own, so a
    part opens with its title on its first page instead of a cover page."""
    return replace(source, context={**source.context, "in_pack": True})


def build_pack(
    engagement: Engagement,
    issued_on: date,
    language: str,
    on_part: Callable[[int, int], None] = lambda done, total: None,
) -> RenderedPdf:
    """The pack as one PDF. ``on_part(done, total)`` hears of each part as it
    is laid out, so whoever waits can see "part k of n"; once it has heard
    of the last, what remains is binding them."""
    renderer = Renderer()
    edition = (engagement, issued_on, language)
    parts = [
        (kind, report_html(_in_pack(catalog.source(kind, *edition))))
        for kind in PACK_ORDER
    ]
    on_part(0, len(parts))
    counts = []
    for done, (_kind, html) in enumerate(parts, start=1):
        counts += renderer.page_counts([Part(html)])
        on_part(done, len(parts))

    def contents(first_part_page: int):
        starts, page = [], first_part_page
        for (kind, _html), count in zip(parts, counts, strict=True):
            starts.append((kind, page))
            page += count
        source = report_source(
            "reports/contents.html",
            language,
            engagement=engagement,
            issued_on=issued_on,
            entries=starts,
        )
        return report_html(source), starts

    draft, _starts = contents(2)
    [contents_pages] = renderer.page_counts([Part(draft)])
    html, starts = contents(contents_pages + 1)
    total = contents_pages + sum(counts)
    return renderer.pdf(
        [Part(html, numbering(1, total))]
        + [
            Part(part, numbering(start, total))
            for (_kind, part), (_same, start) in zip(parts, starts, strict=True)
        ]
    )
