"""The reports page and the PDF downloads."""

from datetime import date

from flask import render_template

from app.models import Membership
from app.reports import bp, services
from app.reports.pdf import pdf_download
from app.tenancy import engagement_view
from assessments.roles import Action


@bp.route("/")
@engagement_view(Action.GENERATE_REPORTS)
def index(membership: Membership):
    """The reports that can be issued for this engagement."""
    return render_template("reports/index.html", engagement=membership.engagement)


@bp.route("/summary.pdf")
@engagement_view(Action.GENERATE_REPORTS)
def summary(membership: Membership):
    """Download the engagement summary as a PDF, in the engagement's report language."""
    pdf = services.engagement_summary_pdf(membership.engagement, date.today())
    return pdf_download(pdf, f"engagement-summary-{membership.engagement_id}.pdf")
