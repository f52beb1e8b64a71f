"""The data each report shows, gathered once for the page and the PDF alike."""

from __future__ import annotations

from datetime import date

from app.engagements.services import phase_overview
from app.memberships import members
from app.models import Engagement
from app.pdf import ReportSource, report_source


def summary_report(engagement: Engagement, issued_on: date) -> ReportSource:
    """The engagement summary: the company, its people and the four phases."""
    return report_source(
        "reports/engagement_summary.html",
        engagement.report_language,
        engagement=engagement,
        members=members(engagement),
        phases=phase_overview(engagement),
        issued_on=issued_on,
    )
