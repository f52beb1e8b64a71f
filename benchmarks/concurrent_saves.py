"""Many people save the same questionnaire answer at the same moment.

    .venv/bin/python -m benchmarks.concurrent_saves
    scripts/with-postgres.sh .venv/bin/python -m benchmarks.concurrent_saves

Serves the app with gunicorn (4 workers, 4 threads each) on loopback, on a
throw-away SQLite database and, when TEST_POSTGRES_URL names a server (the
second command), on a throw-away PostgreSQL database too. Each of WRITERS
people signs in with an account of their own and opens the same section;
then, released together, they all save the same question, each with one of
the values other than the one they saw. Two races per round: every writer's
first answer to a question nobody has answered yet (the unique key), and
every writer's change of an answer they all saw (the revision). A writer
told "saved" whose value the database did not keep lost an update; writers
who sent the winner's value find the answer as they want it, and everyone
else is shown the conflict. Prints, per database, the lost updates and the
5xx answers: both must be 0. The reference is the rule itself (one winning
value per race), so there is no ratio; the seconds are for scale only.
"""

from __future__ import annotations

import html
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, delete, make_url, select, text

from app.auth import services as accounts
from app.engagements import services as engagements
from app.extensions import db
from app.factory import create_app
from app.models import Answer, CompanySize, Membership, SiteRole
from app.questionnaires import takes
from assessments.questionnaire import QuestionnaireId
from assessments.roles import Role

WRITERS = 50
ROUNDS = 5
QUESTION = "interact_channels"
SECTION = "interact"
PASSWORD = "load test password 1"
SECRET_KEY = "load-test-secret-key-0123456789-abcdefgh"
_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
_SEEN = re.compile(r'name="seen" type="hidden" value="([^"]*)"')


@dataclass(frozen=True)
class Tally:
    """One race: the values of the writers told "saved", what the database
    kept, and the status of every answer."""

    saved: tuple[int, ...]
    stored: object
    statuses: Counter[int]

    @property
    def lost_updates(self) -> int:
        """Writers told "saved" whose value the database did not keep. Every
        writer changed what they all saw, so of those sending different
        values only one can win; one sending the winner's value finds the
        answer as they want it (a save with nothing to change), which is no
        loss."""
        return sum(value != self.stored for value in self.saved)

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def main() -> None:
    results = {"SQLite": _on_sqlite}
    if os.environ.get("TEST_POSTGRES_URL"):
        results["PostgreSQL"] = _on_postgres
    for name, run in results.items():
        started = time.perf_counter()
        tallies = run()
        lost = sum(t.lost_updates for t in tallies)
        errors = sum(t.server_errors for t in tallies)
        statuses = dict(sorted(sum((t.statuses for t in tallies), Counter()).items()))
        seconds = time.perf_counter() - started
        print(
            f"{name:<11} {len(tallies)} races × {WRITERS} writers: "
            f"lost updates {lost}, 5xx {errors}; answers by status {statuses} "
            f"(302 saved, 200 conflict shown)   ({seconds:.1f} s)"
        )
        if lost or errors:
            sys.exit(1)


def _on_sqlite() -> list[Tally]:
    with tempfile.TemporaryDirectory() as folder:
        return _races(f"sqlite:///{Path(folder) / 'load.sqlite'}")


def _on_postgres() -> list[Tally]:
    server = make_url(os.environ["TEST_POSTGRES_URL"])
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS load_test WITH (FORCE)"))
        connection.execute(text("CREATE DATABASE load_test"))
    try:
        return _races(
            server.set(database="load_test").render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS load_test WITH (FORCE)"))
        admin.dispose()


def _races(database_url: str) -> list[Tally]:
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": SECRET_KEY}
    )
    with app.app_context():
        upgrade()
        take_url = _engagement_with_writers()
    with _served(database_url) as base:
        writers = [_Writer(base, f"writer{n}@example.com") for n in range(WRITERS)]
        with ThreadPoolExecutor(WRITERS) as pool:
            list(pool.map(_Writer.sign_in, writers))
            tallies = []
            for _round in range(ROUNDS):
                with app.app_context():
                    _forget_answers()
                tallies.append(_race(app, pool, writers, base + take_url))
                tallies.append(_race(app, pool, writers, base + take_url))
    with app.app_context():
        db.engine.dispose()
    return tallies


def _engagement_with_writers() -> str:
    """An engagement, WRITERS consultants of it and an open IDIC take; the
    URL of the section they all answer."""
    owner, *others = [
        accounts.create_user(
            f"writer{n}@example.com", f"Writer {n}", SiteRole.CONSULTANT, PASSWORD
        )
        for n in range(WRITERS)
    ]
    engagement = engagements.create_engagement(
        owner,
        engagements.EngagementDetails(
            "Yük Testi A.Ş.", "Gıda", CompanySize.SMALL, "TR", "en"
        ),
    )
    db.session.add_all(
        Membership(engagement=engagement, user=user, role=Role.CONSULTANT)
        for user in others
    )
    db.session.commit()
    take = takes.start_take(engagement, QuestionnaireId.IDIC, owner)
    return f"/engagements/{engagement.id}/questionnaires/idic/takes/{take.id}/{SECTION}"


def _forget_answers() -> None:
    db.session.execute(delete(Answer))
    db.session.commit()


def _race(app, pool: ThreadPoolExecutor, writers: list[_Writer], url: str) -> Tally:
    """Everyone opens the section, then everyone saves at once, each a value
    other than the one they saw (so that no save is a no-op)."""
    before = _stored(app)
    choices = [value for value in range(1, 6) if value != before]
    values = [choices[index % len(choices)] for index in range(len(writers))]
    forms = list(pool.map(lambda w: w.open(url), writers))
    start = threading.Barrier(len(writers))

    def save(index: int) -> int:
        start.wait()
        return writers[index].save(url, forms[index], values[index])

    statuses = list(pool.map(save, range(len(writers))))
    return Tally(
        saved=tuple(
            v for v, status in zip(values, statuses, strict=True) if status == 302
        ),
        stored=_stored(app),
        statuses=Counter(statuses),
    )


def _stored(app) -> object:
    with app.app_context():
        return db.session.scalar(
            select(Answer.value).where(Answer.question_id == QUESTION)
        )


class _Writer:
    """One person's browser: a cookie jar that does not follow redirects."""

    def __init__(self, base: str, email: str):
        self.base, self.email = base, email
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect
        )

    def sign_in(self) -> None:
        token = _CSRF.search(self._get(self.base + "/login"))[1]
        self._post(
            self.base + "/login",
            {"csrf_token": token, "email": self.email, "password": PASSWORD},
        )

    def open(self, url: str) -> dict:
        page = self._get(url)
        return {
            "csrf_token": _CSRF.search(page)[1],
            "seen": html.unescape(_SEEN.search(page)[1]),
        }

    def save(self, url: str, form: dict, value: int) -> int:
        return self._post(url, {**form, QUESTION: str(value), "save": "1"})

    def _get(self, url: str) -> str:
        with self.opener.open(url, timeout=60) as response:
            return response.read().decode()

    def _post(self, url: str, data: dict) -> int:
        body = urllib.parse.urlencode(data).encode()
        try:
            with self.opener.open(url, body, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def _served(database_url: str) -> Iterator[str]:
    """gunicorn serving the app on a free loopback port, as `make run` does."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            Path(sys.executable).with_name("gunicorn"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "4", "--threads", "4"),
            "wsgi:app",
        ],
        env={**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


if __name__ == "__main__":
    main()
