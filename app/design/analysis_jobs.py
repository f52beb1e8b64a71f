"""An analysis as a job: the worker takes the snapshot with the settings
the consultant chose, and the job's page follows its stages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.design import analyses
from app.extensions import db
from app.jobs import services as jobs
from app.models import Engagement, Job, User
from assessments.jobs import JobKind

#: What a refused analysis means, and which field of its form it belongs to.
ANALYSIS_REFUSALS = {
    "no_transactions": (
        "as_of",
        _l("There are no sales on or before this date to analyse."),
    ),
    "already_withdrawn": (
        "reason",
        _l("This analysis was withdrawn already."),
    ),
}


@jobs.runs(
    JobKind.ANALYSIS,
    "design.snapshot",
    "snapshot_id",
    {code: message for code, (_field, message) in ANALYSIS_REFUSALS.items()},
)
def run_analysis(job: Job) -> int:
    """Take the snapshot; its id is what the job made."""
    snapshot = analyses.take_snapshot(
        db.session.get(Engagement, job.engagement_id),
        analyses.Settings.from_job(job.parameters),
        db.session.get(User, job.started_by_id),
        on_stage=lambda stage: jobs.step(job, stage),
    )
    return snapshot.id
