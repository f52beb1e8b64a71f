"""The report pack as a job: the worker lays its parts out one by one (its
page says "part k of n"), binds them, and keeps the PDF in the archive; the
finished job links to that archived copy's download."""

from __future__ import annotations

from flask import current_app

from app.extensions import db
from app.i18n.locale import today_of
from app.jobs import services as jobs
from app.models import Engagement, Job, User
from app.pdf import TOO_LARGE, ReportTooLarge
from app.refusals import Refusal
from app.reports import archive
from app.reports.pack import build_pack
from assessments.jobs import JobKind, Stage
from assessments.oversight import ReportKind

#: why a pack could not be built, in words
PACK_REFUSALS = {"too_large": TOO_LARGE}


def start(engagement: Engagement, user: User, language: str | None) -> Job:
    """Queue the pack in ``language`` (by default the engagement's report
    language), or hand back the one already waiting or running: a second
    press while it is being built leads to the same job, while a copy in
    the other language is work of its own."""
    language = language or engagement.report_language
    return jobs.start(
        engagement,
        JobKind.PACK,
        user,
        {"language": language},
        key=f"{JobKind.PACK.value}:{language}",
    )


@jobs.runs(JobKind.PACK, "reports.issued", "issued_id", PACK_REFUSALS)
def run_pack(job: Job) -> int:
    """Build the pack and keep it; the archived copy is what the job made."""
    engagement = db.session.get(Engagement, job.engagement_id)
    user = db.session.get(User, job.started_by_id)
    language = job.parameters["language"]
    try:
        rendered = build_pack(
            engagement,
            today_of(engagement),
            language,
            on_part=lambda done, total: _laid_out(job, done, total),
        )
    except ReportTooLarge as error:
        current_app.logger.warning(
            "The pack of job %s stopped at its render limit: %s", job.id, error
        )
        raise Refusal("too_large") from error
    jobs.step(job, Stage.STORING)
    return archive.keep(engagement, ReportKind.PACK, user, language, rendered).id


def _laid_out(job: Job, done: int, total: int) -> None:
    """Part ``done`` of ``total`` is laid out: say which comes next, or, after
    the last, that the parts are being bound."""
    if done < total:
        jobs.step(job, Stage.RENDERING, done, total)
    else:
        jobs.step(job, Stage.BINDING)
