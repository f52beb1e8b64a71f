"""The implementation phase: the balanced scorecard, KPIs, the transition plan,
the review log and the reports; the gap analysis and the ten critical success
factors are questionnaires served by the questionnaire pages."""

from flask import Blueprint

bp = Blueprint(
    "implementation",
    __name__,
    url_prefix="/engagements/<int:engagement_id>/implementation",
)

from app.implementation import plan_routes, routes  # noqa: E402,F401  (they attach to bp)
