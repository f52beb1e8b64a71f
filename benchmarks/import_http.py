"""A 2,000,000-row sales import through HTTP, as a person makes it with
`make run`: gunicorn (2 workers, 4 threads) and a job worker, on SQLite or
PostgreSQL.

    .venv/bin/python -m benchmarks.import_http [--rows 2000000]
    scripts/with-postgres.sh .venv/bin/python -m benchmarks.import_http

(PostgreSQL runs when TEST_POSTGRES_URL is set.) Prints the longest single
request of the import (target: under 1 s), the import's time from upload to
saved against the same check and commit run in one call, as the request did
before the import became a job (target: within 1.2x), and the 95th percentile
of browsing the dashboard and the customer list while the import runs
against idle (target: within 1.5x).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import requests
from sqlalchemy import create_engine, text

from app.auth import services as accounts
from app.design import import_service
from app.design.import_file import ImportRequest, Kind, Limits, Settings
from app.engagements import services as engagements
from app.extensions import db
from app.factory import create_app
from app.models import CompanySize, SiteRole
from tests.html_forms import selected

PROJECT = Path(__file__).resolve().parents[1]
SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"
EMAIL, PASSWORD = "bench@example.com", "a long benchmark password 42"
MAPPING = {"account_number": "customer", "occurred_on": "date", "amount": "amount"}


def sales_file(folder: Path, rows: int) -> Path:
    """Skewed sales of 100,000 customers over three years, 1 % returns."""
    rng = np.random.default_rng(7)
    weights = rng.pareto(1.2, 100_000) + 1
    customers = rng.choice(100_000, rows, p=weights / weights.sum())
    days = rng.integers(0, 3 * 365, rows)
    amounts = np.round(rng.lognormal(5, 1, rows), 2)
    amounts[rng.random(rows) < 0.01] *= -1
    frame = pd.DataFrame(
        {
            "customer": [f"{c:07d}" for c in customers],
            "date": (
                pd.Timestamp("2026-06-30") - pd.to_timedelta(days, unit="D")
            ).strftime("%Y-%m-%d"),
            "amount": amounts,
        }
    )
    path = folder / "sales.csv"
    frame.to_csv(path, index=False)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _prepared(url: str, folder: Path) -> tuple[int, int]:
    """A migrated database with a consultant and two empty engagements: one
    for the import through HTTP, one for the in-call reference."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        user = accounts.create_user(EMAIL, "Bench", SiteRole.CONSULTANT, PASSWORD)
        ids = []
        for name in ("Through HTTP", "In one call"):
            engagement = engagements.create_engagement(
                user,
                engagements.EngagementDetails(
                    name, "Retail", CompanySize.MEDIUM, "TR", "en"
                ),
            )
            db.session.commit()
            ids.append(engagement.id)
        db.engine.dispose()
    return ids[0], ids[1]


def in_one_call(url: str, engagement_id: int, path: Path) -> float:
    """The check and the commit as the request ran them before (not a job)."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET})
    with app.app_context():
        upload = import_service.Upload("benchmark", path.name, path)
        start = time.perf_counter()
        request = ImportRequest(Kind.TRANSACTIONS, Settings(), MAPPING)
        # the check's request read the file, and the commit's read it again
        import_service.plan(engagement_id, upload, request, Limits(), date.today())
        plan = import_service.plan(
            engagement_id, upload, request, Limits(), date.today()
        )
        assert plan.ok, plan.problems[:3]
        import_service.commit(engagement_id, None, path.name, plan)
        seconds = time.perf_counter() - start
        db.engine.dispose()
    return seconds


def _token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


class Browser:
    """A signed-in person; every request's time is kept."""

    def __init__(self, base: str):
        self.base, self.session, self.times = base, requests.Session(), []

    def get(self, path: str, **kwargs):
        return self._timed(self.session.get, path, **kwargs)

    def post(self, path: str, **kwargs):
        return self._timed(self.session.post, path, **kwargs)

    def _timed(self, method, path, **kwargs):
        start = time.perf_counter()
        response = method(
            path if path.startswith("http") else self.base + path, **kwargs
        )
        self.times.append((time.perf_counter() - start, method.__name__, path))
        return response

    def sign_in(self) -> None:
        page = self.get("/login").text
        data = {"email": EMAIL, "password": PASSWORD, "csrf_token": _token(page)}
        assert self.post("/login", data=data).ok


def _job_done(browser: Browser, job_url: str) -> str:
    """Poll the job's status as its page does; where it leads when done."""
    while True:
        state = browser.get(f"{job_url}/status").json()
        if state["finished"]:
            assert state["result_url"], state
            return state["result_url"]
        time.sleep(0.5)


def through_http(browser: Browser, engagement_id: int, path: Path) -> tuple:
    """Upload, accept the columns, check, import: until the import is saved.
    The seconds it took, and the moment the saving was asked for."""
    design = f"/engagements/{engagement_id}/design"
    start = time.perf_counter()
    form = browser.get(f"{design}/import").text
    with path.open("rb") as handle:
        mapping = browser.post(
            f"{design}/import",
            data={"csrf_token": _token(form), "kind": "transactions"},
            files={"file": (path.name, handle, "text/csv")},
        )
    chosen = {**selected(mapping.text), **{f"map_{k}": v for k, v in MAPPING.items()}}
    token = mapping.url.split("/import/")[1].split("?")[0]
    posted = {**chosen, "csrf_token": _token(mapping.text)}
    check = browser.post(f"{design}/import/{token}/plan", data=posted)
    checked = browser.get(_job_done(browser, check.url.rstrip("/")))
    assert checked.status_code == 200, checked.text[:500]
    saving_from = time.perf_counter()
    commit = browser.post(f"{design}/import/{token}/commit", data=posted)
    _job_done(browser, commit.url.rstrip("/"))
    return time.perf_counter() - start, saving_from


def browsing(browser: Browser, engagement_id: int, stop: threading.Event) -> list:
    """The dashboard and the customer list, again and again, until told: when
    each page was asked for, and how long it took."""
    pages = [
        f"/engagements/{engagement_id}",
        f"/engagements/{engagement_id}/design/customers",
    ]
    times = []
    while not stop.is_set():
        for page in pages:
            start = time.perf_counter()
            assert browser.session.get(browser.base + page).ok
            times.append((start, time.perf_counter() - start))
    return times


def p95(times: list[tuple[float, float]]) -> float:
    return statistics.quantiles([seconds for _at, seconds in times], n=20)[-1]


def measure(label: str, url: str, folder: Path, path: Path) -> None:
    ours, reference = _prepared(url, folder)
    environment = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET,
        "JOBS_DATABASE": str(folder / f"{label}-jobs.sqlite"),
        "IMPORT_FOLDER": str(folder / "imports"),
        "FLASK_APP": "wsgi",
    }
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 (our own command)
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--timeout",
            "300",
            "wsgi:app",
        ],
        cwd=PROJECT,
        env=environment,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "flask", "jobs", "worker"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _attempt in range(100):
            try:
                requests.get(base + "/login", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.2)
        person, reader = Browser(base), Browser(base)
        person.sign_in()
        reader.sign_in()
        person.times.clear()  # signing in is not part of the import
        idle_stop = threading.Event()
        threading.Timer(10, idle_stop.set).start()
        idle = browsing(reader, ours, idle_stop)
        busy_stop, busy = threading.Event(), []
        watcher = threading.Thread(
            target=lambda: busy.extend(browsing(reader, ours, busy_stop))
        )
        watcher.start()
        seconds, saving_from = through_http(person, ours, path)
        busy_stop.set()
        watcher.join()
    finally:
        server.terminate()
        worker.terminate()
        server.wait(timeout=30)
        worker.wait(timeout=30)
    one_call = in_one_call(url, reference, path)
    longest, verb, where = max(person.times)
    print(
        f"{label}: longest request of the import {longest:5.2f} s"
        f" ({verb.upper()} {where}; target < 1 s)"
    )
    print(
        f"{label}: import through HTTP {seconds:6.1f} s, in one call"
        f" {one_call:6.1f} s, ratio {seconds / one_call:4.2f}x (target <= 1.2x)"
    )
    print(
        f"{label}: browsing p95 during the import {p95(busy) * 1000:5.0f} ms,"
        f" idle {p95(idle) * 1000:5.0f} ms, ratio {p95(busy) / p95(idle):4.2f}x"
        " (target <= 1.5x)"
    )
    checking = [sample for sample in busy if sample[0] < saving_from]
    saving = [sample for sample in busy if sample[0] >= saving_from]
    print(
        f"{label}: browsing p95 while checking {p95(checking) * 1000:5.0f} ms,"
        f" while saving {p95(saving) * 1000:5.0f} ms"
    )


def _fresh_postgres(url: str) -> str:
    """A new database on the test server, so the benchmark starts empty."""
    name = f"import_http_{os.getpid()}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.rsplit("/", 1)[0] + f"/{name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="which, comma-separated"
    )
    arguments = parser.parse_args()
    rows, databases = arguments.rows, arguments.databases.split(",")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = sales_file(folder, rows)
        print(f"file: {rows:,} rows, {path.stat().st_size / 1024 / 1024:.0f} MB")
        if "sqlite" in databases:
            measure("sqlite", f"sqlite:///{folder / 'bench.sqlite'}", folder, path)
        if "postgresql" in databases:
            postgres = os.environ.get("TEST_POSTGRES_URL")
            if postgres:
                measure("postgresql", _fresh_postgres(postgres), folder, path)
            else:
                print("postgresql: skipped (run through scripts/with-postgres.sh)")


if __name__ == "__main__":
    main()
