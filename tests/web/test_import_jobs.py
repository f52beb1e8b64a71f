"""Checking and importing a file as jobs: both wait for a worker, their
pages follow them, a check's page says what the import would do, an upload
is imported once however often Import is pressed, and a running check says
which row it has reached."""

import pytest
from sqlalchemy import func, select, update

from app.extensions import db
from app.jobs import queue
from app.models import Customer, ImportRun, Job, User
from assessments.jobs import JobKind, JobStatus, Stage
from tests.import_files import CUSTOMERS, csv_bytes
from tests.web.test_import import base, mapping_url, selected, upload
from tests.web.test_jobs import jobs_base, work


@pytest.fixture
def app_config(tmp_path) -> dict:
    """A real queue, no worker: a test runs the job when it plays the worker."""
    return {
        "JOBS_IMMEDIATE": False,
        "JOBS_DATABASE": str(tmp_path / "jobs.sqlite"),
        "IMPORT_FOLDER": str(tmp_path / "imports"),
    }


def started_check(client, engagement):
    """Upload the customers file, accept the guessed columns, press Check."""
    url = mapping_url(upload(client, engagement, csv_bytes(CUSTOMERS), "m.csv"))
    form = selected(client.get(url).text)
    path = url.split("?")[0]
    return client.post(f"{path}/plan", data=form), path, form


def jobs_of(app, kind: JobKind) -> list[Job]:
    with app.app_context():
        found = db.session.scalars(select(Job).where(Job.kind == kind)).all()
        for job in found:
            db.session.expunge(job)
        return list(found)


def imports(app) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(ImportRun.id))),
            db.session.scalar(select(func.count(Customer.id))),
        )


def test_a_check_waits_for_a_worker_then_its_page_says_what_the_import_does(
    app, client, engagement
):
    response, _path, _form = started_check(client, engagement)
    [job] = jobs_of(app, JobKind.IMPORT_CHECK)
    assert response.location.endswith(f"{jobs_base(engagement)}/{job.id}")
    page = client.get(response.location).text
    assert "Check of an import" in page and "Waiting for a worker" in page
    work(app, job.id)
    status = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    assert status["result_url"].endswith(f"{base(engagement)}/import/checks/{job.id}")
    checked = client.get(status["result_url"])
    assert checked.status_code == 200
    assert "3 customers will be created" in checked.text
    assert "Nothing is saved until you press Import" in checked.text
    assert imports(app) == (0, 0)


def test_an_upload_is_imported_once_however_often_import_is_pressed(
    app, client, engagement
):
    _response, path, form = started_check(client, engagement)
    [check] = jobs_of(app, JobKind.IMPORT_CHECK)
    work(app, check.id)
    first = client.post(f"{path}/commit", data=form)
    second = client.post(f"{path}/commit", data=form)  # while the first waits
    [commit] = jobs_of(app, JobKind.IMPORT_COMMIT)
    assert first.location == second.location
    work(app, commit.id)
    assert imports(app) == (1, 3)
    # once it is done, Import again leads to what the import made
    again = client.post(f"{path}/commit", data=form)
    assert "/import/runs/" in again.location
    assert len(jobs_of(app, JobKind.IMPORT_COMMIT)) == 1
    landed = client.get(again.location)
    assert landed.location.endswith(f"{base(engagement)}/customers")
    assert imports(app) == (1, 3)


def test_a_running_check_says_which_row_it_has_reached(app, client, engagement):
    started_check(client, engagement)
    [job] = jobs_of(app, JobKind.IMPORT_CHECK)
    with app.app_context():
        db.session.get(Job, job.id).status = JobStatus.RUNNING
        db.session.commit()
        queue.report_progress(job.id, Stage.CHECKING, 1_200_000, 2_000_000)
    status = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    assert status["stage_text"] == "Checking the rows: row 1,200,000 of 2,000,000"
    assert status["percent"] == 80  # the second of two stages, 60 % into it
    with app.app_context():
        db.session.execute(update(User).values(language="tr"))
        db.session.commit()
    turkish = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    assert turkish["stage_text"] == "Satırlar denetleniyor: satır 1.200.000 / 2.000.000"


def test_a_check_is_cancelled_before_it_writes_and_imports_nothing(
    app, client, engagement
):
    _response, path, form = started_check(client, engagement)
    [check] = jobs_of(app, JobKind.IMPORT_CHECK)
    work(app, check.id)
    client.post(f"{path}/commit", data=form)
    [commit] = jobs_of(app, JobKind.IMPORT_COMMIT)
    cancelled = client.post(f"{jobs_base(engagement)}/{commit.id}/cancel")
    assert cancelled.status_code == 302
    work(app, commit.id)
    [commit] = jobs_of(app, JobKind.IMPORT_COMMIT)
    assert commit.status == JobStatus.CANCELLED
    assert imports(app) == (0, 0)


def test_another_engagements_check_is_not_found(app, client, auth, engagement, factory):
    started_check(client, engagement)
    [job] = jobs_of(app, JobKind.IMPORT_CHECK)
    work(app, job.id)
    other = factory.user("other@example.com")
    theirs = factory.engagement(other)
    auth.logout()
    auth.login("other@example.com")
    assert client.get(f"{base(theirs)}/import/checks/{job.id}").status_code == 404
    assert client.get(f"{base(engagement)}/import/checks/{job.id}").status_code == 404
    assert client.get(f"{jobs_base(theirs)}/{job.id}/status").status_code == 404
