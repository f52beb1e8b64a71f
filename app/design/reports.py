"""The design report: the latest analysis as the pages show it, as a PDF.

It reads the stored snapshot, never the live tables, and lists only the top
customers of each rule, so it stays a few pages long and quick to build
however many customers there are.
"""

from __future__ import annotations

from datetime import date

from app.design import analyses
from app.design import strategies as group_strategies
from app.models import Engagement
from app.pdf import ReportSource, report_source
from app.questionnaires.results import capability_summary, maturity_profile
from assessments.idic import Segment
from assessments.value_groups import Flag, ValueGroup


def design_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    snapshot = analyses.latest_snapshot(engagement.id)
    previous = analyses.previous_snapshot(snapshot) if snapshot else None
    return report_source(
        "reports/design.html",
        language,
        engagement=engagement,
        issued_on=issued_on,
        snapshot=snapshot,
        previous=previous,
        movement=analyses.movement(previous, snapshot) if previous else None,
        quality=analyses.quality_report(engagement, issued_on),
        capability=capability_summary(engagement),
        maturity=maturity_profile(engagement),
        strategies=group_strategies.strategies(engagement.id),
        segments=list(Segment),
        groups=list(ValueGroup),
        flags=list(Flag),
    )
