"""Several servers behind a load balancer: two gunicorn web servers and two
job workers on one PostgreSQL and one Redis, all on loopback. One browser
(one cookie jar) asks whichever server, as a load balancer would send it: a
session begun on one is valid on the other and ends on both; a file uploaded
through one is read by the other and by the workers; an import started
through one is followed through the other; and wrong passwords typed on
either count together, so the throttles trip at the count one server has."""

from __future__ import annotations

import html
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
import redis
from flask import Flask
from limits import parse
from sqlalchemy import create_engine, delete, func, make_url, select, text

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.models import (
    CompanySize,
    Customer,
    ImportRun,
    Job,
    RateLimitCounter,
    SiteRole,
)
from tests.conftest import PASSWORD, postgres_server
from tests.e2e.conftest import migrated_app
from tests.e2e.test_import_worker import PROJECT, start_worker
from tests.import_files import CUSTOMER_HEADER, csv_bytes

pytestmark = pytest.mark.e2e

EMAIL = "iki@example.com"
#: enough customers that checking and importing them take a moment, so the
#: other server's progress poll sees the job before it is done
CUSTOMER_ROWS = 20_000
#: the settings every server and worker shares, besides the database and Redis
SECRET_KEY = secrets.token_urlsafe(48)


# --- the set-up ---------------------------------------------------------------


@pytest.fixture
def database() -> Iterator[str]:
    """A new, empty database on the test PostgreSQL server."""
    server = make_url(postgres_server())
    name = f"two_servers_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    drop = text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    with admin.connect() as connection:
        connection.execute(drop)
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(drop)
        admin.dispose()


@pytest.fixture
def redis_url(tmp_path) -> Iterator[str]:
    """A Redis server of its own on a free loopback port, keeping nothing on
    disk (scripts/system-packages.sh test installs redis-server)."""
    command = shutil.which("redis-server")
    if command is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run this: scripts/system-packages.sh test.")
        pytest.skip("redis-server is not installed (scripts/system-packages.sh test)")
    port = free_port()
    folder = tmp_path / "redis"
    folder.mkdir()
    arguments = ("--bind", "127.0.0.1", "--port", str(port), "--dir", str(folder))
    url = f"redis://127.0.0.1:{port}/0"
    with running() as started:
        started.append(
            subprocess.Popen(  # noqa: S603 (our own command)
                [command, *arguments, "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
            )
        )
        client = redis.Redis.from_url(url)
        until(lambda: _answers(client), "redis-server did not start")
        client.close()
        yield url


def _answers(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


@dataclass(frozen=True)
class Setup:
    app: Flask  # the product in this process, on the same database
    engagement_id: int
    servers: tuple[str, str]
    worker_ids: set[str]


@pytest.fixture
def setup(database, redis_url, tmp_path) -> Iterator[Setup]:
    """Two servers and two workers on the database, sharing Redis, the
    upload folder and the secret key; a consultant with an engagement."""
    environment = {
        **{k: v for k, v in os.environ.items() if k != "JOBS_DATABASE"},
        "DATABASE_URL": database,
        "REDIS_URL": redis_url,
        "IMPORT_FOLDER": str(tmp_path / "shared-uploads"),
        "SECRET_KEY": SECRET_KEY,
        "FLASK_APP": "wsgi",
    }
    with running() as started:
        # The servers boot while the database is migrated; the workers,
        # which look for jobs left running as they start, after.
        servers = [gunicorn(started, environment, tmp_path / f"{n}.log") for n in "ab"]
        app = migrated_app(database)
        engagement_id = _engagement(app)
        workers = [start_worker(environment) for _ in "ab"]
        started.extend(workers)
        for base, log in zip(servers, "ab", strict=True):
            until(lambda base=base: _serves(base), f"see {log}.log in {tmp_path}", 60)
        yield Setup(
            app,
            engagement_id,
            tuple(servers),
            {f"{socket.gethostname()}:{worker.pid}" for worker in workers},
        )
    with app.app_context():
        db.engine.dispose()


def _engagement(app: Flask) -> int:
    with app.app_context():
        user = accounts.create_user(EMAIL, "İki Sunucu", SiteRole.CONSULTANT, PASSWORD)
        engagement = engagements.create_engagement(
            user,
            engagements.EngagementDetails(
                "Yük Dengesi A.Ş.", "Retail", CompanySize.SMALL, "TR", "en"
            ),
        )
        db.session.commit()
        return engagement.id


def gunicorn(started: list, environment: dict, log: Path) -> str:
    """A web server as production runs it, on a free loopback port; its
    address. No control socket: two servers on one machine would share the
    default one's path."""
    port = free_port()
    with log.open("wb") as output:
        started.append(
            subprocess.Popen(  # noqa: S603 (our own command)
                [
                    Path(sys.executable).with_name("gunicorn"),
                    *(
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--threads",
                        "4",
                        "--no-control-socket",
                    ),
                    "wsgi:app",
                ],
                cwd=PROJECT,
                env=environment,
                stdout=output,
                stderr=output,
            )
        )
    return f"http://127.0.0.1:{port}"


def _serves(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/login", timeout=30) as response:  # noqa: S310 (loopback)
            return response.status == 200
    except OSError:
        return False


@contextmanager
def running() -> Iterator[list[subprocess.Popen]]:
    """A list to put started processes in; when the block ends they are all
    stopped at once as Ctrl+C stops them (gunicorn at once, the workers
    after their running job), and any still running 20 s later is killed."""
    started: list[subprocess.Popen] = []
    try:
        yield started
    finally:
        for process in started:
            process.send_signal(signal.SIGINT)
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def until(condition, failure: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(failure)
        time.sleep(0.05)


# --- one browser, in front of a load balancer --------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    text: str


class Browser:
    """One person's browser: one cookie jar, whichever server it asks (the
    cookie is for 127.0.0.1, whatever the port). Redirects are not followed,
    so that each answer can be looked at."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect
        )

    def get(self, url: str) -> Answer:
        return self._open(url)

    def post(self, url: str, fields: dict, file: tuple[str, bytes] | None = None):
        if file is None:
            body = urllib.parse.urlencode(fields).encode()
            kind = "application/x-www-form-urlencoded"
        else:
            body, kind = _multipart(fields, *file)
        return self._open(url, body, {"Content-Type": kind})

    def _open(self, url: str, body: bytes | None = None, headers=None) -> Answer:
        request = urllib.request.Request(url, body, headers or {})  # noqa: S310 (http only)
        try:
            with self.opener.open(request, timeout=60) as response:
                return Answer(response.status, "", response.read().decode())
        except urllib.error.HTTPError as answer:
            location = answer.headers.get("Location", "")
            return Answer(answer.code, location, answer.read().decode())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _multipart(fields: dict, filename: str, data: bytes) -> tuple[bytes, str]:
    """A form with one file, as a browser posts it."""
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        f"{value}\r\n".encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file";'
        f' filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class _Form(HTMLParser):
    """What a browser would post from the page's form with this action (""
    for a form without one, which posts to its own page): its inputs, and the
    chosen option of each select (the first when none is marked)."""

    def __init__(self, action: str):
        super().__init__()
        self.action, self.fields = action, {}
        self._inside = False
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self._inside = html.unescape(attrs.get("action") or "") == self.action
        elif tag == "option" and self._select:
            if self._select not in self.fields or "selected" in attrs:
                self.fields[self._select] = attrs.get("value") or ""
        elif not self._inside or not name:
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "checkbox"):
            self.fields[name] = attrs.get("value") or ""
        elif tag == "select":
            self._select = name

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False
        elif tag == "select":
            self._select = None


def form(page: Answer, action: str = "") -> dict[str, str]:
    assert page.status == 200, page
    parser = _Form(action)
    parser.feed(page.text)
    assert "csrf_token" in parser.fields, f"no form to {action!r} on the page"
    return parser.fields


def path_of(location: str) -> str:
    parts = urllib.parse.urlsplit(location)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


# --- the test -------------------------------------------------------------------


def test_two_servers_share_sessions_uploads_progress_and_limits(setup):
    a, b = setup.servers
    browser = Browser()
    engagement = f"/engagements/{setup.engagement_id}"

    # Signed in through A, the session holds on B: the same cookie.
    assert browser.get(b + engagement).location.startswith("/login?")
    sign_in = form(browser.get(a + "/login"))
    answer = browser.post(
        a + "/login", sign_in | {"email": EMAIL, "password": PASSWORD}
    )
    assert answer.status == 302, answer
    assert "Yük Dengesi A.Ş." in html.unescape(browser.get(b + engagement).text)

    # Uploaded through A, the file is read by B for its columns and by the
    # workers; the check started on A is watched on B.
    importing = f"{engagement}/design/import"
    answer = browser.post(
        a + importing,
        form(browser.get(a + importing)) | {"kind": "customers"},
        ("customers.csv", customers_file()),
    )
    assert answer.status == 302, answer
    columns = path_of(answer.location)
    plan = columns.split("?")[0] + "/plan"
    check = job_page(browser.post(a + plan, form(browser.get(b + columns), plan)))
    checked = watched(browser, b, check)
    # Import pressed on A and B at once is one job: the file is imported once.
    commit = columns.split("?")[0] + "/commit"
    fields = form(browser.get(b + checked), commit)
    pressed = at_once(
        lambda server: job_page(browser.post(server + commit, fields)), a, b
    )
    assert pressed[0] == pressed[1], pressed
    imported = watched(browser, a, pressed[0])

    # Imported once: every customer is in the database, and a worker did it.
    assert "/import/runs/" in imported
    with setup.app.app_context():
        customers = db.session.scalar(select(func.count(Customer.id)))
        runs = db.session.scalar(select(func.count(ImportRun.id)))
        workers = set(db.session.scalars(select(Job.worker)))
    assert (customers, runs) == (CUSTOMER_ROWS, 1)
    assert workers <= setup.worker_ids, workers

    # Signing out on B ends the session on A.
    sign_out = form(browser.get(b + engagement), "/logout")
    assert browser.post(b + "/logout", sign_out).status == 302
    assert browser.get(a + engagement).location.startswith("/login?")

    # Wrong passwords typed on A and B in turn count together: the account
    # waits after its free failures, the address after its limit, as on one
    # server. (The counts are forgotten in between, for the second to start
    # from none.)
    config = setup.app.config
    account = wrong_passwords_let_through(browser, a, b, lambda _n: EMAIL)
    assert account == config["LOGIN_ACCOUNT_FREE_FAILURES"]
    with setup.app.app_context():
        db.session.execute(delete(RateLimitCounter))
        db.session.commit()
    guesses = wrong_passwords_let_through(browser, a, b, "guess-{}@example.com".format)
    assert guesses == parse(config["LOGIN_RATE_LIMIT"]).amount


def customers_file() -> bytes:
    rows = [
        [f"K-{n:06d}", f"Müşteri {n} Ltd.", "İzmir", "", "", "Gıda"]
        for n in range(CUSTOMER_ROWS)
    ]
    return csv_bytes([CUSTOMER_HEADER, *rows])


def job_page(answer: Answer) -> str:
    """The page of the job a press started (or found already started)."""
    assert answer.status == 302, answer
    page = path_of(answer.location)
    assert "/jobs/" in page, answer
    return page


def watched(browser: Browser, server: str, page: str) -> str:
    """Watch the job through the server, its page and then its progress as
    the page's poll asks for it, until it is done; where it leads."""
    assert browser.get(server + page).status == 200
    seen = []
    deadline = time.monotonic() + 60
    while not seen or not seen[-1]["finished"]:
        assert time.monotonic() < deadline, seen
        seen.append(json.loads(browser.get(server + page + "/status").text))
        time.sleep(0.05)
    assert seen[-1]["status"] == "done", seen[-1]
    assert not seen[0]["finished"], "the job was over before the first poll"
    return seen[-1]["result_url"]


def at_once(press, *servers: str) -> list:
    """The press made on every server at the same moment, as when a double
    click is shared out by the load balancer."""
    start = threading.Barrier(len(servers))

    def pressed(server: str):
        start.wait()
        return press(server)

    with ThreadPoolExecutor(len(servers)) as pool:
        return list(pool.map(pressed, servers))


def wrong_passwords_let_through(browser: Browser, a: str, b: str, email) -> int:
    """Wrong passwords, asked of A and B in turn, until one answers 429: how
    many were answered before it."""
    for attempt in range(100):
        base = (a, b)[attempt % 2]
        fields = form(browser.get(base + "/login"))
        answer = browser.post(
            base + "/login", fields | {"email": email(attempt), "password": "wrong"}
        )
        if answer.status == 429:
            return attempt
        assert answer.status == 200, answer
    pytest.fail("no throttle tripped")
