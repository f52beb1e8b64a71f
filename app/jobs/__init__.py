"""Jobs: long work (an analysis) runs in a worker; its page shows the
progress, and the engagement lists its recent jobs."""

from flask import Blueprint, Flask

bp = Blueprint("jobs", __name__, url_prefix="/engagements/<int:engagement_id>/jobs")

from app.jobs import routes, services  # noqa: E402  (routes attach themselves to bp)
from app.jobs.presenters import job_view  # noqa: E402


def register_template_helpers(app: Flask) -> None:
    """The dashboard shows the engagement's running jobs with their progress."""
    app.jinja_env.globals["running_jobs"] = lambda engagement_id: [
        job_view(job) for job in services.unfinished(engagement_id)
    ]


__all__ = ["bp", "register_template_helpers", "routes"]
