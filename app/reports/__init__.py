"""Reports: PDFs issued from the same data the pages show."""

from flask import Blueprint

bp = Blueprint(
    "reports", __name__, url_prefix="/engagements/<int:engagement_id>/reports"
)

from app.reports import routes  # noqa: E402,F401  (routes attach themselves to bp)
