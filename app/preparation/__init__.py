"""The preparation phase: questionnaire, result and gates, organisation, change log."""

from flask import Blueprint

bp = Blueprint(
    "preparation", __name__, url_prefix="/engagements/<int:engagement_id>/preparation"
)

from app.preparation import presenters, routes  # noqa: E402,F401  (they attach to bp)
