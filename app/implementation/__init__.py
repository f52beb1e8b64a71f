"""The implementation phase: the balanced scorecard, KPIs, the transition plan,
the review log and the reports; the gap analysis and the ten critical success
factors are questionnaires served by the questionnaire pages."""

from flask import Blueprint

from app.implementation.factors import factor_context
from app.implementation.gaps import gap_analysis
from app.questionnaires.registry import QuestionnairePages, register
from assessments.progress import Phase
from assessments.questionnaire import QuestionnaireId

bp = Blueprint(
    "implementation",
    __name__,
    url_prefix="/engagements/<int:engagement_id>/implementation",
)

from app.implementation import plan_routes, routes  # noqa: E402,F401  (they attach to bp)

register(
    QuestionnaireId.GAP_ANALYSIS,
    QuestionnairePages(
        Phase.IMPLEMENTATION,
        "implementation/_layout.html",
        result_panel="implementation/_gaps.html",
        result_context=lambda take: {"analysis": gap_analysis(take)},
    ),
)
register(
    QuestionnaireId.SUCCESS_FACTORS,
    QuestionnairePages(
        Phase.IMPLEMENTATION,
        "implementation/_layout.html",
        result_panel="implementation/_factors.html",
        result_context=factor_context,
    ),
)
