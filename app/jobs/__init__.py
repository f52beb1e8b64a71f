"""Jobs: long work (an analysis) runs in a worker; its page shows the
progress, and the engagement lists its recent jobs."""

from flask import Blueprint, Flask, redirect, url_for

bp = Blueprint("jobs", __name__, url_prefix="/engagements/<int:engagement_id>/jobs")

from app.jobs import routes, services  # noqa: E402  (routes attach themselves to bp)
from app.jobs.presenters import job_view  # noqa: E402


def follow(job):
    """Where to send whoever started a job: to what it made when it is over
    already (quick work, or a queue in immediate mode), else to its page."""
    url = job_view(job).result_url or url_for(
        "jobs.show", engagement_id=job.engagement_id, job_id=job.id
    )
    return redirect(url)


def register_template_helpers(app: Flask) -> None:
    """The dashboard shows the engagement's running jobs with their progress."""
    app.jinja_env.globals["running_jobs"] = lambda engagement_id: [
        job_view(job) for job in services.unfinished(engagement_id)
    ]


__all__ = ["bp", "follow", "register_template_helpers", "routes"]
