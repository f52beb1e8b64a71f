"""The design phase (IDIC): customers and their data, imports, analyses and
their comparison, value-group strategies, data quality, the design report."""

from flask import Blueprint

from app.questionnaires.registry import QuestionnairePages, register
from assessments.progress import Phase
from assessments.questionnaire import QuestionnaireId

bp = Blueprint("design", __name__, url_prefix="/engagements/<int:engagement_id>/design")

from app.design import (  # noqa: E402,F401  (they attach to bp)
    customer_routes,
    duplicate_routes,
    import_routes,
    presenters,
    routes,
)

register(QuestionnaireId.IDIC, QuestionnairePages(Phase.DESIGN, "design/_layout.html"))
