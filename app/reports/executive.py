"""The executive summary: the project on two to four pages for the board."""

from __future__ import annotations

from datetime import date

from app.engagements.oversight import project_view
from app.models import Engagement
from app.pdf import ReportSource, report_source


def executive_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    return report_source(
        "reports/executive.html",
        language,
        engagement=engagement,
        issued_on=issued_on,
        view=project_view(engagement, issued_on),
    )
