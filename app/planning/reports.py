"""The planning report: the same data the planning pages show, as a PDF."""

from __future__ import annotations

from datetime import date

from app.models import Engagement
from app.pdf import ReportSource, report_source
from app.planning import services


def planning_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    """Sessions with attendance and the seats of the working group, agreed
    answers, strategies and their priorities, the vision, goals with
    measures, and the warnings."""
    sessions = services.sessions(engagement)
    guide = services.guide()
    return report_source(
        "reports/planning.html",
        language,
        engagement=engagement,
        issued_on=issued_on,
        guide=guide,
        sessions=sessions,
        seats={s.id: services.seat_table(sessions.get(s.id)) for s in guide.sections},
        answers=services.answers(engagement),
        strategies=services.strategies(engagement),
        priorities=services.priorities(engagement),
        vision=services.state(engagement).vision,
        goals=services.goals(engagement),
        obstacles=services.obstacles(engagement),
    )
