"""Checking and importing a file as jobs. A check reads every row and works
out what the import would do; its page is drawn from what it found. An
import checks the file again (the customers may have changed since) and
writes it in one transaction, so a worker stopped half-way saves nothing."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l

from app.design import import_service as service
from app.extensions import db
from app.i18n.locale import today_of
from app.jobs import services as jobs
from app.models import Engagement, Job
from app.refusals import Refusal
from assessments.jobs import JobKind, Stage

#: why a check or an import could not run, in words
IMPORT_REFUSALS = {
    "upload_gone": _l(
        "The uploaded file is no longer here: files are kept for a day. Upload"
        " it again."
    ),
    "file_problems": _l(
        "Nothing was imported: checking the file again found problems in it"
        " (%(count)s). Check it again to see each with its row and column."
    ),
}


def upload_folder() -> Path:
    """Where uploads wait for their import: one folder every server and
    worker reads (IMPORT_FOLDER)."""
    return Path(current_app.config["IMPORT_FOLDER"])


def parameters(token: str, request: service.ImportRequest, selections: dict) -> dict:
    """A check's or an import's parameters: the upload, what to import, and
    the form's choices to draw its page again."""
    return {"token": token, "request": request.as_json(), "selections": selections}


def commit_key(token: str) -> str:
    """An upload is imported once, however often its Import button is pressed."""
    return f"{JobKind.IMPORT_COMMIT.value}:{token}"


@jobs.runs(JobKind.IMPORT_CHECK, "design.import_checked", "job_id", IMPORT_REFUSALS)
def check(job: Job) -> int:
    """Check the file; what the import would do is the job's outcome."""
    _upload, plan = _planned(job)
    job.outcome = plan.summary()
    return job.id


@jobs.runs(JobKind.IMPORT_COMMIT, "design.imported", "run_id", IMPORT_REFUSALS)
def commit(job: Job) -> int:
    """Check the file again and write it; the import's record is the result."""
    upload, plan = _planned(job)
    if not plan.ok:
        raise Refusal("file_problems", count=plan.problem_count)
    jobs.step(job, Stage.SAVING)
    run = service.commit(job.engagement_id, job.started_by_id, upload.filename, plan)
    service.discard_upload(upload)
    return run.id


def _planned(job: Job):
    upload = service.open_upload(
        upload_folder(), job.engagement_id, job.parameters["token"]
    )
    if upload is None:
        raise Refusal("upload_gone")
    jobs.step(job, Stage.READING_FILE)
    engagement = db.session.get(Engagement, job.engagement_id)
    return upload, service.plan(
        job.engagement_id,
        upload,
        service.ImportRequest.from_json(job.parameters["request"]),
        service.limits(current_app),
        today_of(engagement),
        on_rows=lambda done, total: jobs.step(job, Stage.CHECKING, done, total),
    )
