"""The pages of jobs: the engagement's recent jobs, one job with its
progress (and the poll that updates it), and cancelling a job."""

from flask import flash, jsonify, render_template
from flask_babel import gettext as _

from app.jobs import bp, services
from app.jobs.presenters import job_view
from app.models import Job, Membership
from app.tenancy import engagement_view, owned_or_404, redirect_to, require
from app.url_values import page_number
from assessments.jobs import JobKind
from assessments.roles import Action, can

#: who may start (and so cancel) each kind of job
_STARTERS = {
    JobKind.ANALYSIS: Action.ANALYSE_CUSTOMERS,
    JobKind.IMPORT_CHECK: Action.MANAGE_CUSTOMER_DATA,
    JobKind.IMPORT_COMMIT: Action.MANAGE_CUSTOMER_DATA,
    JobKind.DUPLICATES: Action.ANALYSE_CUSTOMERS,
    JobKind.PACK: Action.GENERATE_REPORTS,
}


@bp.route("/")
@engagement_view()
def index(membership: Membership):
    """The engagement's jobs, newest first: who started each, when, for how
    long, and how it ended."""
    page = services.recent(membership.engagement_id, page_number(), 20)
    return render_template(
        "jobs/index.html",
        engagement=membership.engagement,
        page=page,
        views=[job_view(job) for job in page.items],
    )


@bp.route("/<int:job_id>")
@engagement_view()
def show(membership: Membership, job_id: int):
    """One job: its progress while it runs, then a link to what it made, or
    in words why it failed."""
    job = owned_or_404(Job, job_id, membership.engagement_id)
    view = job_view(job)
    return render_template(
        "jobs/show.html",
        engagement=membership.engagement,
        view=view,
        may_cancel=view.cancellable and can(membership.role, _STARTERS[job.kind]),
    )


@bp.route("/<int:job_id>/status")
@engagement_view()
def status(membership: Membership, job_id: int):
    """The job's progress for the page's poll, as JSON."""
    job = owned_or_404(Job, job_id, membership.engagement_id)
    return jsonify(job_view(job).as_json())


@bp.route("/<int:job_id>/cancel", methods=["POST"])
@engagement_view()
def cancel(membership: Membership, job_id: int):
    """Call a job off while it has not started writing its result."""
    job = owned_or_404(Job, job_id, membership.engagement_id)
    require(membership, _STARTERS[job.kind])
    if services.cancel(job):
        flash(_("The job is cancelled: nothing of it is saved."), "success")
    else:
        flash(
            _("Too late to cancel: the job has finished or is saving its result."),
            "error",
        )
    return redirect_to("jobs.show", membership, job_id=job.id)
