"""The implementation report and the scorecard report, as PDFs.

Both read what the pages read (the scorecard, the plan, the latest completed
gap analysis and success-factor checklist), so a report shows what the team
saw on screen the day it was issued.
"""

from __future__ import annotations

from datetime import date

from app.implementation import plan, scorecard
from app.implementation.factors import factor_rows
from app.implementation.gaps import cell_names, latest_gap_analysis
from app.models import Engagement
from app.pdf import ReportSource, report_source
from app.questionnaires import takes
from app.questionnaires.results import take_result
from assessments.questionnaire import QuestionnaireId
from assessments.scorecard import MeasureScope


def implementation_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    """Gaps, the plan with its timeline, KPIs, success factors, review log."""
    factors = takes.latest_completed_take(engagement, QuestionnaireId.SUCCESS_FACTORS)
    kpis = scorecard.measures(
        engagement.id, (MeasureScope.DEPARTMENT, MeasureScope.PERSONAL)
    )
    return report_source(
        "reports/implementation.html",
        language,
        engagement=engagement,
        issued_on=issued_on,
        gaps=latest_gap_analysis(engagement),
        plan=plan.plan_view(engagement, issued_on),
        cells=cell_names(),
        kpis=[scorecard.measure_state(m) for m in kpis],
        factors=take_result(factors) if factors else None,
        factor_rows=factor_rows(factors, language) if factors else [],
        reviews=plan.reviews(engagement.id),
    )


def scorecard_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    """The scorecard with statuses and trends, and the strategy map."""
    return report_source(
        "reports/scorecard.html",
        language,
        engagement=engagement,
        issued_on=issued_on,
        overview=scorecard.overview(engagement.id),
        strategy_map=scorecard.strategy_map(engagement),
    )
