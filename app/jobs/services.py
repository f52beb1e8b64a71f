"""Starting, running, cancelling and listing jobs. An area says what a kind
of job does (``runs``); this module runs it in the worker, records how it
ended, and never leaves a job that stopped half-way looking as if it ran."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from flask import g
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import delete, false, select, text
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.jobs import queue
from app.models import Engagement, Job, Membership, User
from app.models.columns import utcnow
from app.refusals import Refusal
from app.url_values import paginate
from assessments.jobs import (
    CANCELLABLE,
    FINISHED,
    JobKind,
    JobStatus,
    Progress,
    Stage,
    may_cancel,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobType:
    """What a kind of job does: ``run`` does the work and returns the id of
    what it made; ``result_endpoint`` shows it, given that id as
    ``result_arg`` (none: the page shows the latest, as the duplicates list
    does); ``messages`` say its refusals in words."""

    run: Callable[[Job], int]
    result_endpoint: str
    result_arg: str | None
    messages: Mapping[str, object] = field(default_factory=dict)


_TYPES: dict[JobKind, JobType] = {}


def runs(kind: JobKind, result_endpoint: str, result_arg: str | None, messages=None):
    """Register the function that does a kind of job (a decorator), so the
    queue need not know the areas whose work it carries."""

    def register(function: Callable[[Job], int]) -> Callable[[Job], int]:
        _TYPES[kind] = JobType(function, result_endpoint, result_arg, messages or {})
        return function

    return register


def job_type(kind: JobKind) -> JobType:
    return _TYPES[kind]


class Cancelled(Exception):
    """Raised inside a job at its next step once someone cancelled it."""


def start(
    engagement: Engagement,
    kind: JobKind,
    user: User,
    parameters: dict,
    key: str | None = None,
    once: bool = False,
) -> Job:
    """Queue a job, or hand back the same job already waiting or running: the
    same work asked for twice (a double click, two tabs) runs once. ``key``
    names what counts as the same work (by default: the same parameters);
    work done ``once`` (an import) is never done again under its key."""
    key = key or _dedupe_key(kind, parameters)
    _one_start_at_a_time(engagement.id, key)
    job = started(engagement.id, key, once)
    if job is not None:
        return job
    job = Job(
        engagement_id=engagement.id,
        kind=kind,
        parameters=parameters,
        dedupe_key=key,
        started_by_id=user.id,
    )
    db.session.add(job)
    db.session.commit()
    queue.enqueue(job.id)
    db.session.refresh(job)  # an immediate queue has run it already
    return job


def _one_start_at_a_time(engagement_id: int, key: str) -> None:
    """Make a second start of the same work wait here until the first is
    committed, so that it finds that job instead of queueing another: Import
    pressed twice at once, on two servers behind a load balancer, imports
    once. PostgreSQL holds a lock on the work's key to the end of the
    transaction; SQLite takes its one write lock (a write that changes
    nothing), which it holds as long."""
    if db.engine.dialect.name == "postgresql":
        digest = hashlib.sha256(f"{engagement_id}:{key}".encode()).digest()
        lock = int.from_bytes(digest[:8], "big", signed=True)
        db.session.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": lock})
    else:
        db.session.execute(delete(Job).where(false()))


def started(engagement_id: int, key: str, done_too: bool = True) -> Job | None:
    """The job under this key that is waiting, running or (``done_too``) done."""
    statuses = [JobStatus.QUEUED, JobStatus.RUNNING]
    if done_too:
        statuses.append(JobStatus.DONE)
    return db.session.scalar(
        select(Job)
        .where(
            Job.engagement_id == engagement_id,
            Job.dedupe_key == key,
            Job.status.in_(statuses),
        )
        .order_by(Job.id.desc())
        .limit(1)
    )


def _dedupe_key(kind: JobKind, parameters: dict) -> str:
    digest = hashlib.sha256(json.dumps(parameters, sort_keys=True).encode())
    return f"{kind.value}:{digest.hexdigest()}"


def step(job: Job, stage: Stage, done: int = 0, total: int = 0) -> None:
    """Note the job's progress; stop it here if it was cancelled and is still
    in a stage that may be called off."""
    if stage in CANCELLABLE and db.session.scalar(
        select(Job.cancel_requested).where(Job.id == job.id)
    ):
        raise Cancelled
    queue.report_progress(job.id, stage, done, total)


def run(job_id: int) -> None:
    """Run a queued job in this worker and record how it ended. A job already
    taken (a task delivered twice) or cancelled while it waited is left alone."""
    job = db.session.get(Job, job_id)
    if job is None or job.status != JobStatus.QUEUED:
        return
    job.status, job.started_at, job.worker = JobStatus.RUNNING, utcnow(), _worker()
    db.session.commit()
    _as_its_starter(job)
    try:
        job.result_id = _TYPES[job.kind].run(job)
    except Cancelled:
        _ended(job, JobStatus.CANCELLED)
    except Refusal as refusal:
        _ended(job, JobStatus.FAILED, refusal.code, refusal.details)
    except Exception:
        log.exception("Job %s (%s) failed", job.id, job.kind)
        _ended(job, JobStatus.FAILED, "unexpected")
    else:
        _ended(job, JobStatus.DONE)


def _as_its_starter(job: Job) -> None:
    """In a worker there is no request, so no member the pages are shown to:
    act as the one who started the job, so that every job's times and "today"
    are where the client works, as on the engagement's pages (the time zone
    is chosen from the member's engagement, ``select_timezone``)."""
    if g.get("membership") is None:
        g.membership = db.session.scalar(
            select(Membership).where(
                Membership.engagement_id == job.engagement_id,
                Membership.user_id == job.started_by_id,
            )
        )


def _ended(job: Job, status: JobStatus, code: str = "", details=None) -> None:
    done = status == JobStatus.DONE
    result_id, outcome = (job.result_id, job.outcome) if done else (None, {})
    db.session.rollback()  # whatever the job had not committed is undone
    job.status, job.finished_at, job.result_id = status, utcnow(), result_id
    job.outcome = outcome
    job.error_code = code
    job.error_details = json.loads(json.dumps(details or {}, default=str))
    db.session.commit()
    queue.forget_progress(job.id)


def _worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def fail_abandoned() -> int:
    """Mark failed the jobs a worker of this machine was running when it was
    stopped (its process is gone): their work was all in one transaction, so
    none of it was saved, and the person can start it again."""
    # "web1:" and not "web1", or the jobs of machine web12 would be taken
    # for this one's and failed while its worker runs them
    mine = Job.worker.startswith(f"{socket.gethostname()}:", autoescape=True)
    count = 0
    for job in db.session.scalars(
        select(Job).where(Job.status == JobStatus.RUNNING, mine)
    ):
        if not _alive(int(job.worker.rpartition(":")[2] or 0)):
            job.status, job.finished_at = JobStatus.FAILED, utcnow()
            job.error_code = "worker_stopped"
            count += 1
    db.session.commit()
    return count


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a job that names this very process was left by an earlier one whose
    # pid the system has given again (pid 1 in a container, say)
    return pid != os.getpid()


def progress(job: Job) -> Progress:
    """Where the job stands now: its stage while it runs."""
    if job.status in FINISHED:
        return Progress()
    return queue.progress_of(job.id)


def cancel(job: Job) -> bool:
    """Call the job off if it may still be: a waiting job at once, a running
    one at its next step. False when it is too late (it is writing, or over)."""
    if not may_cancel(job.status, progress(job)):
        return False
    if job.status == JobStatus.QUEUED:
        job.status, job.finished_at = JobStatus.CANCELLED, utcnow()
    job.cancel_requested = True
    db.session.commit()
    return True


def recent(engagement_id: int, page: int, per_page: int) -> Pagination:
    """The engagement's jobs, newest first."""
    query = (
        select(Job)
        .options(selectinload(Job.started_by))
        .where(Job.engagement_id == engagement_id)
        .order_by(Job.created_at.desc(), Job.id.desc())
    )
    return paginate(query, page, per_page)


def unfinished(engagement_id: int) -> list[Job]:
    """The jobs of the engagement still waiting or running, oldest first."""
    return list(
        db.session.scalars(
            select(Job)
            .where(
                Job.engagement_id == engagement_id,
                Job.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]),
            )
            .order_by(Job.created_at)
        )
    )
