"""Long work as jobs: an analysis is queued, followed on its page, listed
with the engagement's jobs, cancelled while it may be, and a job a stopped
worker left behind is marked failed. Most tests queue for real (SQLite
storage in a temporary folder) and play the worker by running its task."""

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.jobs import queue, services
from app.models import Engagement, Job, Snapshot, User
from assessments.jobs import JobKind, JobStatus
from tests.web.test_design import AS_OF, analyse, seed


@pytest.fixture
def app_config(tmp_path) -> dict:
    """A real queue, no worker: a test runs the job when it plays the worker."""
    return {"JOBS_IMMEDIATE": False, "JOBS_DATABASE": str(tmp_path / "jobs.sqlite")}


def jobs_base(engagement_id: int) -> str:
    return f"/engagements/{engagement_id}/jobs"


def only_job(app) -> Job:
    with app.app_context():
        [job] = db.session.scalars(select(Job)).all()
        db.session.expunge(job)
        return job


def work(app, job_id: int) -> None:
    """What the worker does with the queued task."""
    with app.app_context():
        services.run(job_id)


def snapshot_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Snapshot.id)))


def test_an_analysis_is_queued_and_its_page_follows_it_to_the_result(
    app, client, engagement
):
    seed(app, engagement)
    response = analyse(client, engagement)
    job = only_job(app)
    assert response.status_code == 302
    assert response.location.endswith(f"{jobs_base(engagement)}/{job.id}")
    with app.app_context():
        assert queue.queue().pending_count() == 1  # waits for a worker
    page = client.get(response.location).text
    assert "Waiting for a worker" in page and "You can leave this page" in page
    waiting = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    assert waiting["finished"] is False and waiting["percent"] == 0
    dashboard = client.get(f"/engagements/{engagement}").text
    assert "Running now" in dashboard and f"/jobs/{job.id}/status" in dashboard

    work(app, job.id)
    done = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    with app.app_context():
        snapshot = db.session.scalar(select(Snapshot))
        assert snapshot.customer_count == 10
    assert done["finished"] is True and done["percent"] == 100
    assert done["result_url"].endswith(f"/design/analysis/{snapshot.id}")
    listed = client.get(f"{jobs_base(engagement)}/").text
    assert "Customer analysis" in listed and "Deniz Aydın" in listed
    assert "Open the result" in listed
    assert "Running now" not in client.get(f"/engagements/{engagement}").text


def test_the_same_analysis_asked_twice_runs_once(app, client, engagement):
    seed(app, engagement)
    first, second = analyse(client, engagement), analyse(client, engagement)
    assert first.location == second.location
    job = only_job(app)
    work(app, job.id)
    work(app, job.id)  # a task delivered twice is left alone the second time
    assert snapshot_count(app) == 1
    # once it is over, the same settings start a new analysis
    analyse(client, engagement)
    with app.app_context():
        assert db.session.scalar(select(func.count(Job.id))) == 2


def test_the_same_work_started_on_two_servers_at_once_is_queued_once(
    app, engagement, monkeypatch
):
    """Import pressed twice at the same moment, the presses shared out over
    two servers: the second start waits for the first to be saved and finds
    its job (without waiting, both would find none and queue one each)."""
    look = services.started

    def slow_look(*args, **kwargs):
        found = look(*args, **kwargs)
        time.sleep(0.5)  # the other start arrives meanwhile
        return found

    monkeypatch.setattr(services, "started", slow_look)

    def press(_server: int) -> int:
        with app.app_context():
            return services.start(
                db.session.get(Engagement, engagement),
                JobKind.IMPORT_COMMIT,
                db.session.scalar(select(User)),
                {"token": "the-same-upload"},
                key="import_commit:the-same-upload",
                once=True,
            ).id

    with ThreadPoolExecutor(2) as pool:
        assert len(set(pool.map(press, range(2)))) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count(Job.id))) == 1


def test_a_waiting_job_is_cancelled_and_the_worker_skips_it(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    job = only_job(app)
    cancelled = client.post(f"{jobs_base(engagement)}/{job.id}/cancel")
    assert "nothing of it is saved" in client.get(cancelled.location).text
    work(app, job.id)
    assert only_job(app).status == JobStatus.CANCELLED
    assert snapshot_count(app) == 0
    too_late = client.post(f"{jobs_base(engagement)}/{job.id}/cancel")
    assert "Too late to cancel" in client.get(too_late.location).text


def test_a_running_job_stops_at_its_next_step_once_cancelled(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    job = only_job(app)
    with app.app_context():  # the cancel arrives as the worker picks it up
        db.session.get(Job, job.id).cancel_requested = True
        db.session.commit()
    work(app, job.id)
    assert only_job(app).status == JobStatus.CANCELLED
    assert snapshot_count(app) == 0


def test_a_failed_job_says_in_words_what_went_wrong(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    job = only_job(app)
    with app.app_context():  # the sales were removed while it waited
        row = db.session.get(Job, job.id)
        row.parameters = {**row.parameters, "as_of": "2001-01-01"}
        db.session.commit()
    work(app, job.id)
    page = client.get(f"{jobs_base(engagement)}/{job.id}").text
    assert "Failed" in page
    assert "There are no sales on or before this date to analyse." in page
    assert snapshot_count(app) == 0


def test_an_analysis_of_no_sales_is_refused_on_its_form_before_it_is_queued(
    app, client, engagement
):
    seed(app, engagement)
    response = analyse(client, engagement, as_of=AS_OF.replace(year=2001))
    assert response.status_code == 400
    assert "There are no sales on or before this date" in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count(Job.id))) == 0


def test_jobs_a_stopped_worker_left_running_are_marked_failed(app, client, engagement):
    seed(app, engagement)
    analyse(client, engagement)
    job = only_job(app)
    with app.app_context():
        row = db.session.get(Job, job.id)
        row.status, row.worker = JobStatus.RUNNING, f"{services._worker()}0000"
        db.session.commit()
        assert services.fail_abandoned() == 1
    page = client.get(f"{jobs_base(engagement)}/{job.id}").text
    assert "The worker running this job stopped before it finished" in page


def test_the_jobs_another_machine_runs_are_left_to_it(app, client, engagement):
    """Two machines whose names begin alike (web1, web12): a worker starting
    on one does not take the other's running jobs for its own."""
    seed(app, engagement)
    analyse(client, engagement)
    job = only_job(app)
    with app.app_context():
        row = db.session.get(Job, job.id)
        row.status, row.worker = JobStatus.RUNNING, f"{socket.gethostname()}2:99999999"
        db.session.commit()
        assert services.fail_abandoned() == 0
        assert db.session.get(Job, job.id).status == JobStatus.RUNNING


def test_another_engagements_job_is_not_found(app, client, auth, engagement, factory):
    seed(app, engagement)
    analyse(client, engagement)
    assert_not_found_elsewhere(client, auth, factory, engagement, only_job(app))


def assert_not_found_elsewhere(client, auth, factory, engagement: int, job) -> None:
    """A consultant of another engagement finds none of this job's pages,
    under their engagement or under its own."""
    outsider = factory.user("other@example.com", "Başka Danışman")
    other = factory.engagement(outsider, "Başka Şirket")
    auth.logout()
    auth.login("other@example.com")
    for path in ("", "/status"):
        assert client.get(f"{jobs_base(other)}/{job.id}{path}").status_code == 404
    assert client.post(f"{jobs_base(other)}/{job.id}/cancel").status_code == 404
    assert client.get(f"{jobs_base(engagement)}/{job.id}").status_code == 404


def test_with_an_immediate_queue_an_analysis_lands_on_its_result(
    app, client, engagement
):
    app.config["JOBS_IMMEDIATE"] = True
    queue.init_app(app, services.run)
    seed(app, engagement)
    response = analyse(client, engagement)
    assert "/design/analysis/" in response.location
    assert "is ready" in client.get(response.location).text
    assert only_job(app).status == JobStatus.DONE
