"""The preparation report: the same data the preparation pages show, as a PDF."""

from __future__ import annotations

from datetime import date

from app.models import Engagement
from app.pdf import ReportSource, report_source
from app.preparation import organisation, services
from app.questionnaires import takes
from assessments.readiness import recommend


def preparation_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    """Readiness, gates, maturity, organisation, change log and every answer
    of the take, in the language it is issued in; the comparison when
    there is an earlier take."""
    latest = services.latest_take(engagement)
    previous = takes.previous_take(latest) if latest else None
    definition = services.definition()
    assessment = services.assess(latest) if latest else None
    return report_source(
        "reports/preparation.html",
        language,
        engagement=engagement,
        issued_on=issued_on,
        definition=definition,
        assessment=assessment,
        recommendation=recommend(assessment.gates) if assessment else None,
        previous=previous,
        take=latest,
        comparison=services.comparison(previous, latest) if previous else None,
        people=organisation.people(engagement),
        former_people=organisation.former_people(engagement),
        findings=organisation.findings(engagement),
        activities=organisation.awareness_activities(engagement),
        resistance=organisation.resistance_items(engagement),
        open_resistance=organisation.open_resistance(engagement),
        milestones=organisation.milestones(engagement),
    )
