"""Every report the product issues, by kind: how to build it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from flask_babel import force_locale

from app.design.reports import design_report
from app.implementation.reports import implementation_report, scorecard_report
from app.models import Engagement
from app.pdf import ReportSource
from app.planning.reports import planning_report
from app.preparation.reports import preparation_report
from app.reports.executive import executive_report
from app.reports.services import summary_report
from assessments.oversight import ReportKind

#: (engagement, the day of issue, the language it is written in)
Builder = Callable[[Engagement, date, str], ReportSource]

_BUILDERS: dict[ReportKind, Builder] = {
    ReportKind.SUMMARY: summary_report,
    ReportKind.EXECUTIVE: executive_report,
    ReportKind.PREPARATION: preparation_report,
    ReportKind.PLANNING: planning_report,
    ReportKind.DESIGN: design_report,
    ReportKind.IMPLEMENTATION: implementation_report,
    ReportKind.SCORECARD: scorecard_report,
}

#: What a downloaded report's file is called after the client's name.
_FILE_NAMES: dict[ReportKind, str] = {
    ReportKind.SUMMARY: "engagement-summary",
    ReportKind.EXECUTIVE: "executive-summary",
    ReportKind.PREPARATION: "preparation-report",
    ReportKind.PLANNING: "planning-report",
    ReportKind.DESIGN: "design-report",
    ReportKind.IMPLEMENTATION: "implementation-report",
    ReportKind.SCORECARD: "scorecard-report",
    ReportKind.PACK: "report-pack",
}


def source(
    kind: ReportKind, engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    """A report of this kind (not the pack, which binds several of them),
    gathered in the language it is written in: a builder names some things
    itself (the gap grid's cells), and a worker has no reader whose language
    it could take instead."""
    with force_locale(language):
        return _BUILDERS[kind](engagement, issued_on, language)


def file_name(kind: ReportKind) -> str:
    """The report's name in its downloaded file's name, e.g. "report-pack"."""
    return _FILE_NAMES[kind]
