"""Long work as jobs: what a job can be, where it stands, and when it may
still be called off. Pure: the queue and the database live in app/jobs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class JobKind(StrEnum):
    ANALYSIS = "analysis"
    IMPORT_CHECK = "import_check"
    IMPORT_COMMIT = "import_commit"
    DUPLICATES = "duplicates"
    PACK = "pack"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


#: a job in one of these has ended and changes no more
FINISHED = frozenset({JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED})


class Stage(StrEnum):
    """The steps of a job, in the order they run. Once a job is writing its
    result it can no longer be cancelled: what it writes is all or nothing,
    and half a cancel would leave the user unsure which it was."""

    WAITING = "waiting"
    READING = "reading"
    SCORING = "scoring"
    STORING = "storing"
    READING_FILE = "reading_file"
    CHECKING = "checking"
    SAVING = "saving"
    READING_CUSTOMERS = "reading_customers"
    COMPARING = "comparing"
    RENDERING = "rendering"
    BINDING = "binding"


#: the stages a job may be cancelled in
CANCELLABLE = frozenset(
    {
        Stage.WAITING,
        Stage.READING,
        Stage.SCORING,
        Stage.READING_FILE,
        Stage.CHECKING,
        Stage.READING_CUSTOMERS,
        Stage.COMPARING,
        Stage.RENDERING,
    }
)

#: each kind's stages after waiting, in order
STAGES: dict[JobKind, tuple[Stage, ...]] = {
    JobKind.ANALYSIS: (Stage.READING, Stage.SCORING, Stage.STORING),
    JobKind.IMPORT_CHECK: (Stage.READING_FILE, Stage.CHECKING),
    JobKind.IMPORT_COMMIT: (Stage.READING_FILE, Stage.CHECKING, Stage.SAVING),
    JobKind.DUPLICATES: (Stage.READING_CUSTOMERS, Stage.COMPARING, Stage.STORING),
    # the pack lays its parts out one by one (part k of n), then binds them
    # with their page numbers, then keeps the PDF in the archive
    JobKind.PACK: (Stage.RENDERING, Stage.BINDING, Stage.STORING),
}


@dataclass(frozen=True)
class Progress:
    """Where a running job is: its stage and, within it, ``done`` of ``total``
    steps (0 of 0 when the stage cannot count its steps)."""

    stage: Stage = Stage.WAITING
    done: int = 0
    total: int = 0

    def percent(self, kind: JobKind) -> int:
        """The share of the whole job done, 0–100: each stage an equal part,
        the part of the stage it is in by its own count."""
        stages = STAGES[kind]
        if self.stage not in stages:
            return 0
        within = self.done / self.total if self.total else 0.0
        return round(100 * (stages.index(self.stage) + within) / len(stages))


def may_cancel(status: JobStatus, progress: Progress) -> bool:
    """Whether the job can still be called off without leaving half a result:
    while it waits, and while it reads or computes, but not once it writes."""
    if status == JobStatus.QUEUED:
        return True
    return status == JobStatus.RUNNING and progress.stage in CANCELLABLE
