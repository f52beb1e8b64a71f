"""The implementation phase: for now the ten critical success factors, served
by the questionnaire pages."""

from flask import Blueprint

bp = Blueprint(
    "implementation",
    __name__,
    url_prefix="/engagements/<int:engagement_id>/implementation",
)

from app.implementation import routes  # noqa: E402,F401  (they attach to bp)
