"""Engagements: the portfolio, the dashboard, and who belongs to each."""

from flask import Blueprint

bp = Blueprint("engagements", __name__)

from app.engagements import routes  # noqa: E402,F401  (routes attach themselves to bp)
