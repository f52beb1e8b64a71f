"""A job as its page and its progress poll show it, in the reader's words."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from app.i18n import label
from app.i18n.numbers import percent
from app.jobs import services
from app.models import Job
from app.refusals import Refusal, in_words
from assessments.jobs import FINISHED, JobStatus, Progress, Stage, may_cancel

#: why a job failed, when its kind has no message of its own for it
_FAILURES = {
    "worker_stopped": _l(
        "The worker running this job stopped before it finished. Nothing of it"
        " was saved; start it again."
    ),
    "unexpected": _l(
        "This job stopped on an unexpected error. Nothing of it was saved; try"
        " again, and if it happens again, tell your administrator."
    ),
}


#: how a stage that counts its steps says where it is: ``done`` steps of
#: ``total`` are over, the one in hand is ``current``
_COUNTED = {
    Stage.CHECKING: _l("Checking the rows: row %(done)s of %(total)s"),
    Stage.COMPARING: _l("Comparing the customers: name %(done)s of %(total)s"),
    Stage.RENDERING: _l("Laying out part %(current)s of %(total)s"),
}


@dataclass(frozen=True)
class JobView:
    job: Job
    progress: Progress
    percent: int
    finished: bool
    cancellable: bool
    result_url: str | None
    failure: str | None

    @property
    def stage_text(self) -> str:
        """The stage in words, with how far into it the job is where the
        stage counts its steps ("Checking the rows: row 120,000 of 2,000,000",
        "Laying out part 3 of 6")."""
        progress = self.progress
        counted = _COUNTED.get(progress.stage)
        if counted is None or not progress.total:
            return str(label(progress.stage))
        return str(counted) % {
            "done": format_decimal(progress.done, "#,##0"),
            "current": format_decimal(min(progress.done + 1, progress.total), "#,##0"),
            "total": format_decimal(progress.total, "#,##0"),
        }

    def as_json(self) -> dict:
        """What the progress poll needs to redraw the page."""
        return {
            "status": self.job.status.value,
            "status_text": label(self.job.status),
            "stage_text": self.stage_text,
            "percent": self.percent,
            "percent_text": percent(self.percent, "#,##0"),
            "finished": self.finished,
            "result_url": self.result_url,
            "failure": self.failure,
        }


def job_view(job: Job) -> JobView:
    progress = services.progress(job)
    kind = services.job_type(job.kind)
    done = job.status == JobStatus.DONE
    failed = job.status == JobStatus.FAILED
    return JobView(
        job=job,
        progress=progress,
        percent=100 if done else progress.percent(job.kind),
        finished=job.status in FINISHED,
        cancellable=may_cancel(job.status, progress),
        result_url=url_for(
            kind.result_endpoint,
            engagement_id=job.engagement_id,
            **({kind.result_arg: job.result_id} if kind.result_arg else {}),
        )
        if done and job.result_id
        else None,
        failure=_failure(job, kind.messages) if failed else None,
    )


def _failure(job: Job, messages) -> str:
    refusal = Refusal(job.error_code, **job.error_details)
    message = messages.get(job.error_code) or _FAILURES.get(
        job.error_code, _FAILURES["unexpected"]
    )
    return in_words(refusal, message)
