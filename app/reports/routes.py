"""The reports page, the archive of issued reports, and issuing a report."""

from collections.abc import Mapping

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_limiter import RateLimitExceeded
from flask_login import current_user

from app.errors import error_page
from app.extensions import limiter
from app.i18n.locale import LANGUAGE_NAMES
from app.jobs import follow
from app.models import IssuedReport, Membership
from app.pdf import TOO_LARGE, ReportTooLarge
from app.reports import archive, bp, pack_jobs
from app.tenancy import engagement_view, owned_or_404, redirect_to
from app.url_values import page_number
from assessments.jobs import JobStatus
from assessments.oversight import ReportKind
from assessments.roles import Action


@bp.route("/")
@engagement_view(Action.GENERATE_REPORTS)
def index(membership: Membership):
    """The reports that can be issued for this engagement, in the language the
    person chose on the page (by default the engagement's report language)."""
    engagement = membership.engagement
    return render_template(
        "reports/index.html",
        engagement=engagement,
        language=chosen_language(request.args) or engagement.report_language,
    )


def chosen_language(values: Mapping[str, str]) -> str | None:
    """The report language asked for in a form or query, if any; a language
    the product does not write is refused rather than quietly replaced."""
    language = values.get("language") or None
    if language is not None and language not in LANGUAGE_NAMES:
        abort(400)
    return language


def _per_user() -> str:
    return f"user-{current_user.id}"


#: Every route that lays out a PDF counts against one limit per person (not
#: per session, nor per address), kept in the limiter's shared storage. It sits
#: inside engagement_view, so only a signed-in member's renders count.
_render_limit = limiter.shared_limit(
    lambda: current_app.config["REPORT_RENDER_LIMIT"],
    scope="report-render",
    key_func=_per_user,
)


@bp.route("/issue/<kind>", methods=["POST"])
@engagement_view(Action.GENERATE_REPORTS)
@_render_limit
def issue(membership: Membership, kind: str):
    """Issue a report into the archive. Issuing writes a record, so it is a
    POST with a CSRF token, never a link. A report downloads at once and is
    kept in the archive; the pack, which takes longer, is built by a job,
    whose page follows it to the archived copy's download."""
    try:
        chosen = ReportKind(kind)
    except ValueError:
        abort(404)
    language = chosen_language(request.form)
    if chosen == ReportKind.PACK:
        return follow(pack_jobs.start(membership.engagement, current_user, language))
    row = archive.issue(membership.engagement, chosen, current_user, language)
    return archive.download(row)


@bp.route("/archive")
@engagement_view(Action.VIEW)
def archive_page(membership: Membership):
    """Every report issued for the engagement, newest first."""
    return render_template(
        "reports/archive.html",
        engagement=membership.engagement,
        page=archive.issued(membership.engagement_id, page_number(), 20),
    )


@bp.route("/issued/<int:issued_id>.pdf")
@engagement_view(Action.VIEW)
def issued(membership: Membership, issued_id: int):
    """Download a report again, exactly as it was issued."""
    return archive.download(
        owned_or_404(IssuedReport, issued_id, membership.engagement_id)
    )


@bp.route("/issued/<int:issued_id>/regenerate", methods=["POST"])
@engagement_view(Action.GENERATE_REPORTS)
@_render_limit
def regenerate(membership: Membership, issued_id: int):
    """Issue a fresh report of the same kind from today's data; a pack by
    its job, whose page shows it being built when it is not over at once."""
    row = owned_or_404(IssuedReport, issued_id, membership.engagement_id)
    if row.kind == ReportKind.PACK:
        job = pack_jobs.start(membership.engagement, current_user, row.language)
        if job.status != JobStatus.DONE:
            return redirect_to("jobs.show", membership, job_id=job.id)
        fresh_id = job.result_id
    else:
        fresh_id = archive.issue(
            membership.engagement, row.kind, current_user, row.language
        ).id
    flash(_("A new copy was issued from today's data."), "success")
    return redirect_to("reports.archive_page", membership, _anchor=f"issued-{fresh_id}")


@bp.errorhandler(RateLimitExceeded)
def too_many_renders(error: RateLimitExceeded):
    """REPORT_RENDER_LIMIT reached: nothing was laid out; a 429 page says why."""
    return error_page(error, rendering=True)


@bp.errorhandler(ReportTooLarge)
def too_large(error: ReportTooLarge):
    """A report stopped at its render limit: nothing was issued; say so on the
    page the user issues reports from (the archive, when regenerating)."""
    current_app.logger.warning(
        "Report %s stopped at its render limit: %s", request.path, error
    )
    flash(str(TOO_LARGE), "error")
    page = (
        "reports.archive_page"
        if request.endpoint == "reports.regenerate"
        else "reports.index"
    )
    return redirect(url_for(page, engagement_id=request.view_args["engagement_id"]))
