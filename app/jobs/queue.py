"""The job queue: Huey, with its SQLite storage in the instance folder by
default and Redis when JOBS_REDIS_URL (REDIS_URL) is set, behind the same
code. The queue carries only a job's id; the job itself is a row of the
app's database (app.models.Job), and its progress a small record in the
queue's store, which every web server and worker reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from flask import Flask, current_app
from huey import Huey, RedisHuey, SqliteHuey
from huey.constants import EmptyData

from assessments.jobs import Progress, Stage


def init_app(app: Flask, run_job: Callable[[int], None]) -> None:
    """Give the app its queue, with ``run_job`` as its task, run in an app
    context of this app (in the worker, the app it builds to run)."""
    huey = _huey(app.config)

    def run_in_app(job_id: int) -> None:
        with app.app_context():
            run_job(job_id)

    app.extensions["jobs"] = (huey, huey.task(name="run_job")(run_in_app))


def _huey(config) -> Huey:
    immediate = config["JOBS_IMMEDIATE"]
    if config["JOBS_REDIS_URL"]:
        return RedisHuey("crm-jobs", url=config["JOBS_REDIS_URL"], immediate=immediate)
    Path(config["JOBS_DATABASE"]).parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("crm-jobs", filename=config["JOBS_DATABASE"], immediate=immediate)


def queue() -> Huey:
    """The current app's Huey: its consumer is the worker."""
    return current_app.extensions["jobs"][0]


def enqueue(job_id: int) -> None:
    """Hand the job to a worker (in immediate mode: run it now)."""
    current_app.extensions["jobs"][1](job_id)


def _key(job_id: int) -> str:
    return f"progress:{job_id}"


def report_progress(job_id: int, stage: Stage, done: int = 0, total: int = 0) -> None:
    """Say where the job stands, for any server's progress page to read."""
    record = {**asdict(Progress(stage, done, total)), "stage": stage.value}
    queue().storage.put_data(_key(job_id), json.dumps(record).encode())


def progress_of(job_id: int) -> Progress:
    """Where the job stood when it last said; waiting if it has not yet."""
    data = queue().storage.peek_data(_key(job_id))
    if data is EmptyData:
        return Progress()
    record = json.loads(data)
    return Progress(Stage(record["stage"]), record["done"], record["total"])


def forget_progress(job_id: int) -> None:
    """Drop a finished job's progress: the job's row tells how it ended."""
    queue().storage.delete_data(_key(job_id))
