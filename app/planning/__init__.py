"""The planning phase: workshop sessions, presenter mode, strategies, vision,
goals and their measures."""

from flask import Blueprint

bp = Blueprint(
    "planning", __name__, url_prefix="/engagements/<int:engagement_id>/planning"
)

from app.planning import presenters, routes  # noqa: E402,F401  (they attach to bp)
