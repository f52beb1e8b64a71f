"""An import killed half-way saves nothing: a real worker process is killed
while it writes a large sales file, the database holds none of the file,
the next worker marks the job failed, and importing again saves all of it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.auth import services as accounts
from app.design import import_jobs
from app.design import import_service as service
from app.design.import_file import ImportRequest, Kind, Settings, guess_mapping
from app.engagements import services as engagements
from app.extensions import db
from app.jobs import queue
from app.jobs import services as jobs
from app.models import (
    CompanySize,
    Customer,
    Engagement,
    ImportRun,
    Job,
    SiteRole,
    Transaction,
    User,
)
from assessments.jobs import JobKind, JobStatus, Stage
from tests.conftest import PASSWORD
from tests.e2e.conftest import migrated_app

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[2]
#: enough rows that saving them takes a few seconds, so the kill lands in it
ROWS = 400_000


def sales_file(path: Path) -> Path:
    lines = ["Cari Kod;Fatura Tarihi;Net Tutar"]
    lines += [
        f"K-{row % 20_000:05d};{1 + row % 28:02d}.{1 + row % 12:02d}.2025;{row % 97},5"
        for row in range(ROWS)
    ]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


@pytest.fixture
def product(tmp_path):
    """The product with a real queue, an engagement, and an upload waiting."""
    database, queue_file = tmp_path / "app.sqlite", tmp_path / "jobs.sqlite"
    folder = tmp_path / "imports"
    app = migrated_app(
        database,
        JOBS_IMMEDIATE=False,
        JOBS_DATABASE=str(queue_file),
        IMPORT_FOLDER=str(folder),
    )
    with app.app_context():
        user = accounts.create_user(
            "kill@example.com", "Aynı Kişi", SiteRole.CONSULTANT, PASSWORD
        )
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Yarım Kalmaz A.Ş.", "Retail", CompanySize.SMALL, "TR", "en"
            ),
        )
        db.session.commit()
        engagement_id = engagement.id
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "JOBS_DATABASE": str(queue_file),
        "IMPORT_FOLDER": str(folder),
        "FLASK_APP": "wsgi",
    }
    return app, engagement_id, environment, sales_file(tmp_path / "satış.csv")


def start_worker(environment) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "flask", "jobs", "worker", "--workers", "1"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
    )


def queue_import(app, engagement_id: int, path: Path, token: str | None = None):
    """Upload the file (once) and press Import: the job waits for a worker."""
    with app.app_context():
        engagement = db.session.get(Engagement, engagement_id)
        if token is None:
            with path.open("rb") as stream:
                token = service.store_upload(
                    Path(app.config["IMPORT_FOLDER"]),
                    engagement_id,
                    stream,
                    path.name,
                    app.config["IMPORT_MAX_BYTES"],
                    app.config["IMPORT_KEEP_SECONDS"],
                ).token
        with path.open(encoding="utf-8") as lines:
            headers = lines.readline().strip().split(";")
        request = ImportRequest(
            Kind.TRANSACTIONS, Settings(), guess_mapping(Kind.TRANSACTIONS, headers)
        )
        job = jobs.start(
            engagement,
            JobKind.IMPORT_COMMIT,
            db.session.scalar(select(User)),
            import_jobs.parameters(token, request, {}),
            key=import_jobs.commit_key(token),
            once=True,
        )
        return job.id, token


def wait_for(app, job_id: int, seen, timeout: float = 120):
    """Poll the job's progress as a page would, until ``seen`` says stop."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.app_context():
            job = db.session.get(Job, job_id)
            progress = queue.progress_of(job_id)
            if seen(job, progress):
                return job, progress
        time.sleep(0.01)
    pytest.fail(f"job {job_id} did not get there in {timeout} s")


def saved(app) -> tuple[int, int, int]:
    with app.app_context():
        return tuple(
            db.session.scalar(select(func.count()).select_from(model))
            for model in (Transaction, Customer, ImportRun)
        )


def test_a_worker_killed_while_it_saves_leaves_none_of_the_file(product):
    app, engagement_id, environment, path = product
    job_id, token = queue_import(app, engagement_id, path)
    worker = start_worker(environment)
    try:
        _job, progress = wait_for(
            app,
            job_id,
            lambda job, progress: (
                progress.stage == Stage.SAVING
                or job.status != JobStatus.QUEUED
                and job.status != JobStatus.RUNNING
            ),
        )
        assert progress.stage == Stage.SAVING, (_job.status, _job.error_code)
        # below the web servers' priority, so the pages stay quick meanwhile
        assert os.getpriority(os.PRIO_PROCESS, worker.pid) == os.nice(0) + 10
        time.sleep(0.5)  # well into the writing
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=20)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert saved(app) == (0, 0, 0)  # none of the file
    with app.app_context():
        assert db.session.get(Job, job_id).status == JobStatus.RUNNING

    # The next worker marks it failed, in words; Import again saves it all.
    worker = start_worker(environment)
    try:
        failed, _ = wait_for(
            app, job_id, lambda job, _progress: job.status == JobStatus.FAILED
        )
        assert failed.error_code == "worker_stopped"
        again, _token = queue_import(app, engagement_id, path, token)
        assert again != job_id
        done, _ = wait_for(
            app, again, lambda job, _progress: job.status == JobStatus.DONE
        )
    finally:
        worker.terminate()
        worker.wait(timeout=20)
    assert saved(app) == (ROWS, 20_000, 1)
