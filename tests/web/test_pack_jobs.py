"""The report pack as a job: starting it leads to the archived pack, its page
says which part is being laid out, a second press while it is built is the
same job, a pack too large says so in words, it stays within the render
limit, and another engagement's pack job is not found. The tests that wait
for a worker queue for real and play the worker (tests/web/test_jobs.py)."""

from datetime import datetime

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import undefer

from app.extensions import db
from app.jobs import queue
from app.models import Engagement, IssuedReport, Job, User
from assessments.jobs import JobKind, JobStatus, Stage
from assessments.oversight import ReportKind
from tests.pdf import build_pack, issue_report, page_count, pdf_text
from tests.web.test_jobs import assert_not_found_elsewhere, jobs_base, work

PARTS = (
    "Executive summary",
    "Preparation report",
    "Planning report",
    "Design report",
    "Implementation report",
    "Scorecard report",
)

#: a queue that waits for a worker; the test plays the worker
QUEUED = {"JOBS_IMMEDIATE": False}


@pytest.fixture
def app_config(request, tmp_path) -> dict:
    """Immediate jobs, unless a test asks for a real queue (QUEUED)."""
    config = {"JOBS_DATABASE": str(tmp_path / "jobs.sqlite")}
    return {**config, **getattr(request, "param", {})}


queued = pytest.mark.parametrize("app_config", [QUEUED], indirect=True)


def pack_jobs(app) -> list[Job]:
    with app.app_context():
        found = db.session.scalars(select(Job).where(Job.kind == JobKind.PACK)).all()
        for job in found:
            db.session.expunge(job)
        return list(found)


def packs(app) -> list[IssuedReport]:
    with app.app_context():
        found = db.session.scalars(
            select(IssuedReport)
            .options(undefer(IssuedReport.pdf))
            .where(IssuedReport.kind == ReportKind.PACK)
        ).all()
        for row in found:
            db.session.expunge(row)
        return list(found)


def test_starting_the_pack_leads_to_the_archived_pack(app, client, engagement):
    response = build_pack(client, engagement, "en")
    assert response.headers["Content-Type"] == "application/pdf"
    [job], [pack] = pack_jobs(app), packs(app)
    assert job.status == JobStatus.DONE and job.result_id == pack.id
    assert pack.pdf == response.data and pack.language == "en"
    pages = page_count(response.data)
    assert pack.pages == pages
    text = " ".join(pdf_text(response.data, layout=False).split())
    assert "Contents" in text
    for title in PARTS:
        assert title in text, title
    assert f"Page {pages} of {pages}" in text
    # the job's page links to the download
    page = client.get(f"{jobs_base(engagement)}/{job.id}").text
    assert "Report pack" in page and "Open the result" in page
    assert f'href="/engagements/{engagement}/reports/issued/{pack.id}.pdf"' in page


@queued
def test_the_page_of_a_running_pack_says_which_part_it_lays_out(
    app, client, engagement
):
    started = issue_report(client, engagement, "pack")
    [job] = pack_jobs(app)
    assert started.location.endswith(f"{jobs_base(engagement)}/{job.id}")
    assert "Waiting for a worker" in client.get(started.location).text
    running(app, job.id, Stage.RENDERING, 2, 6)
    page = client.get(started.location).text
    assert "Laying out part 3 of 6" in page
    status = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    assert status["stage_text"] == "Laying out part 3 of 6"
    assert status["percent"] == 11  # a third into the first of three stages
    with app.app_context():
        db.session.execute(update(User).values(language="tr"))
        db.session.commit()
    turkish = client.get(f"{jobs_base(engagement)}/{job.id}/status").json
    assert turkish["stage_text"] == "Bölüm 3 / 6 sayfaya diziliyor"


@queued
def test_the_worker_says_each_part_then_binds_and_keeps_the_pack(
    app, client, engagement, monkeypatch
):
    issue_report(client, engagement, "pack")
    [job] = pack_jobs(app)
    said = []
    monkeypatch.setattr(
        queue, "report_progress", lambda _id, *progress: said.append(progress)
    )
    work(app, job.id)  # outside any request, as a worker runs it
    assert said == [
        *((Stage.RENDERING, done, 6) for done in range(6)),
        (Stage.BINDING, 0, 0),
        (Stage.STORING, 0, 0),
    ]
    [job], [pack] = pack_jobs(app), packs(app)
    assert job.status == JobStatus.DONE and job.result_id == pack.id
    assert pack.language == "tr"  # the engagement's report language
    text = " ".join(pdf_text(pack.pdf, layout=False).split())
    assert "İçindekiler" in text and "Yönetici özeti" in text


@queued
def test_a_pack_built_by_a_worker_dates_things_where_the_client_works(
    app, client, engagement
):
    with app.app_context():  # opened on 1 March in New York, 2 March in Istanbul
        row = db.session.get(Engagement, engagement)
        row.time_zone, row.created_at = "America/New_York", datetime(2026, 3, 2, 2)
        db.session.commit()
    issue_report(client, engagement, "pack", "en")
    [job] = pack_jobs(app)
    work(app, job.id)
    [pack] = packs(app)
    text = " ".join(pdf_text(pack.pdf, layout=False).split())
    assert "since 1 Mar 2026" in text


@queued
def test_a_second_press_while_the_pack_is_built_is_the_same_job(
    app, client, engagement
):
    first = issue_report(client, engagement, "pack")
    second = issue_report(client, engagement, "pack")
    assert first.location == second.location
    english = issue_report(client, engagement, "pack", "en")  # other work
    assert english.location != first.location
    assert len(pack_jobs(app)) == 2
    for job in pack_jobs(app):
        work(app, job.id)
    # once it is over, the button builds a fresh pack
    issue_report(client, engagement, "pack")
    assert len(pack_jobs(app)) == 3


def running(app, job_id: int, stage: Stage, done: int = 0, total: int = 0) -> None:
    """The worker has the job, and has said where it stands."""
    with app.app_context():
        db.session.get(Job, job_id).status = JobStatus.RUNNING
        db.session.commit()
        queue.report_progress(job_id, stage, done, total)


@queued
def test_a_pack_is_cancelled_while_it_lays_out_its_parts_not_once_it_binds(
    app, client, engagement
):
    issue_report(client, engagement, "pack")
    [job] = pack_jobs(app)
    cancel = f"{jobs_base(engagement)}/{job.id}/cancel"
    running(app, job.id, Stage.BINDING)
    assert "Cancel the job" not in client.get(f"{jobs_base(engagement)}/{job.id}").text
    assert "Too late to cancel" in client.get(client.post(cancel).location).text
    running(app, job.id, Stage.RENDERING, 1, 6)
    assert "Cancel the job" in client.get(f"{jobs_base(engagement)}/{job.id}").text
    assert "nothing of it is saved" in client.get(client.post(cancel).location).text
    with app.app_context():  # the worker gets to its next step
        db.session.get(Job, job.id).status = JobStatus.QUEUED
        db.session.commit()
    work(app, job.id)
    [job] = pack_jobs(app)
    assert job.status == JobStatus.CANCELLED
    assert packs(app) == []


def test_a_pack_too_large_says_so_on_its_page_and_keeps_nothing(
    app, client, engagement, caplog
):
    app.config["PDF_RENDER_TIMEOUT"] = 0.001
    started = issue_report(client, engagement, "pack")
    [job] = pack_jobs(app)
    assert started.location.endswith(f"{jobs_base(engagement)}/{job.id}")
    assert job.status == JobStatus.FAILED and job.error_code == "too_large"
    page = client.get(started.location).text
    assert "Failed" in page and "This report is too large to produce" in page
    assert packs(app) == []
    assert "stopped at its render limit" in caplog.text


@pytest.mark.parametrize(
    "app_config", [{"REPORT_RENDER_LIMIT": "1 per hour"}], indirect=True
)
def test_starting_the_pack_counts_against_the_render_limit(app, client, engagement):
    assert issue_report(client, engagement, "pack").status_code == 302
    refused = issue_report(client, engagement, "pack")
    assert refused.status_code == 429
    assert "You have issued many reports in a short time" in refused.text
    assert len(pack_jobs(app)) == 1 and len(packs(app)) == 1


def test_issuing_a_pack_again_from_the_archive_builds_a_fresh_one(
    app, client, engagement
):
    build_pack(client, engagement)
    [first] = packs(app)
    again = client.post(
        f"/engagements/{engagement}/reports/issued/{first.id}/regenerate"
    )
    fresh = max(pack.id for pack in packs(app))
    assert again.location.endswith(f"/reports/archive#issued-{fresh}")
    assert "A new copy was issued" in client.get(again.location).text
    assert len(pack_jobs(app)) == 2


@queued
def test_issuing_a_pack_again_waits_on_its_jobs_page(app, client, engagement):
    issue_report(client, engagement, "pack")
    [job] = pack_jobs(app)
    work(app, job.id)
    [first] = packs(app)
    again = client.post(
        f"/engagements/{engagement}/reports/issued/{first.id}/regenerate"
    )
    waiting = max(job.id for job in pack_jobs(app))
    assert again.location.endswith(f"{jobs_base(engagement)}/{waiting}")


@queued
def test_another_engagements_pack_job_is_not_found(
    app, client, auth, engagement, factory
):
    issue_report(client, engagement, "pack")
    [job] = pack_jobs(app)
    assert_not_found_elsewhere(client, auth, factory, engagement, job)
    [job] = pack_jobs(app)
    assert job.status == JobStatus.QUEUED  # the outsider's cancel did nothing
