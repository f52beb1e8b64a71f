"""The throttles count in the database by default, so every gunicorn worker
sees the same count: the 11th failed sign-in gets its 429 whichever worker
served the first ten."""

import secrets
from datetime import timedelta

import pytest
from freezegun import freeze_time
from limits.storage import RedisStorage
from sqlalchemy import select

from app.config import defaults
from app.extensions import db, limiter
from app.models import RateLimitCounter
from app.rate_limits import DatabaseStorage
from tests.conftest import PASSWORD, make_app


@pytest.fixture
def consultant(factory) -> int:
    return factory.user("deniz@example.com", "Deniz Aydın")


def fail(client):
    """One wrong password from the client's address, each for another account
    (so that only the per-address limit counts them); the status code."""
    email = f"guess-{secrets.token_hex(4)}@example.com"
    return client.post(
        "/login", data={"email": email, "password": "wrong password"}
    ).status_code


def counters(app) -> dict[str, int]:
    with app.app_context():
        rows = db.session.execute(select(RateLimitCounter.key, RateLimitCounter.hits))
        return dict(rows.all())


def per_address(counts: dict[str, int]) -> list[int]:
    """The counts of Flask-Limiter's own limits (the per-account throttle
    keeps its counters beside them)."""
    return [hits for key, hits in counts.items() if key.startswith("LIMITER/")]


def test_production_and_development_count_in_the_database(app, tmp_path):
    assert defaults(str(tmp_path))["RATELIMIT_STORAGE_URI"] == "database://"
    # the tests' own apps keep the default, so every test here counts there
    assert isinstance(limiter.storage, DatabaseStorage)


def test_redis_is_used_where_the_configuration_says_so(database_url, schema):
    make_app(database_url, RATELIMIT_STORAGE_URI="redis://localhost:6379/0")
    assert isinstance(limiter.storage, RedisStorage)


def test_two_workers_share_one_count(app, database_url, consultant):
    first = app.test_client()
    for _ in range(5):
        assert fail(first) == 200
    # A second worker starts: in memory, the count would start again from 0.
    second_app = make_app(database_url)
    second = second_app.test_client()
    for _ in range(5):
        assert fail(second) == 200
    assert per_address(counters(app)) == [10]
    assert fail(first) == 429
    assert fail(second) == 429
    right = first.post(
        "/login", data={"email": "deniz@example.com", "password": PASSWORD}
    )
    assert right.status_code == 429
    with second_app.app_context():
        db.engine.dispose()


def test_the_count_starts_again_when_the_window_ends(app, client, consultant):
    with freeze_time() as clock:
        for _ in range(10):
            assert fail(client) == 200
        assert fail(client) == 429
        clock.tick(timedelta(minutes=15, seconds=1))
        assert fail(client) == 200
        assert per_address(counters(app)) == [1]


def test_ended_windows_are_cleared(app, client, consultant):
    with app.app_context():
        db.session.add(RateLimitCounter(key="LIMITER/old", hits=7, expires_at=1.0))
        db.session.commit()
    fail(client)
    assert "LIMITER/old" not in counters(app)
    assert len(per_address(counters(app))) == 1


WAIT = "Too many wrong passwords were typed for this account."


def sign_in(client, password: str, address: str, email: str = "deniz@example.com"):
    """One attempt from the given address (each a client of its own)."""
    return client.post(
        "/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_wrong_passwords_from_many_addresses_make_the_account_wait(
    app, client, consultant
):
    with freeze_time() as clock:
        answers = [
            sign_in(client, "wrong password", f"10.0.0.{n}") for n in range(1, 26)
        ]
        assert [a.status_code for a in answers[:5]] == [200] * 5
        assert "The e-mail or the password is not right." in answers[4].text
        for refused in answers[5:]:
            assert refused.status_code == 429
            assert WAIT in refused.text
            assert "Wait 15 seconds, then try again." in refused.text
        right = sign_in(client, PASSWORD, "10.0.0.99")
        assert right.status_code == 429
        assert "Wait 15 seconds, then try again." in right.text
        assert client.get("/").status_code == 302  # not signed in
        clock.tick(timedelta(seconds=15))
        assert sign_in(client, PASSWORD, "10.0.0.99").status_code == 302


def test_the_delay_doubles_with_each_failure_up_to_five_minutes(
    app, client, consultant
):
    with freeze_time() as clock:
        for n in range(5):
            sign_in(client, "wrong password", f"10.0.1.{n}")
        steps = [
            (15, "15 seconds"),
            (30, "30 seconds"),
            (60, "1 minute"),
            (120, "2 minutes"),
            (240, "4 minutes"),
            (300, "5 minutes"),
            (300, "5 minutes"),
        ]
        for n, (delay, words) in enumerate(steps):
            refused = sign_in(client, "x", "10.0.2.1")
            assert f"Wait {words}, then try again." in refused.text
            clock.tick(timedelta(seconds=delay - 1))
            assert sign_in(client, PASSWORD, "10.0.2.2").status_code == 429
            clock.tick(timedelta(seconds=1))
            assert sign_in(client, "wrong password", f"10.0.3.{n}").status_code == 200


def test_attempts_refused_while_waiting_do_not_lengthen_the_wait(
    app, client, consultant
):
    with freeze_time() as clock:
        for n in range(5):
            sign_in(client, "wrong password", f"10.0.1.{n}")
        for n in range(20):
            sign_in(client, "wrong password", f"10.0.4.{n}")
        clock.tick(timedelta(seconds=15))
        assert sign_in(client, PASSWORD, "10.0.5.1").status_code == 302


def test_signing_in_starts_the_account_again_with_its_free_failures(
    app, client, auth, consultant
):
    with freeze_time() as clock:
        for n in range(5):
            sign_in(client, "wrong password", f"10.0.1.{n}")
        clock.tick(timedelta(seconds=15))
        assert sign_in(client, PASSWORD, "10.0.5.1").status_code == 302
        auth.logout()
        for n in range(5):
            assert sign_in(client, "wrong password", f"10.0.6.{n}").status_code == 200


def test_unknown_accounts_wait_alike(app, client, consultant):
    # the delay must not tell which e-mails have an account
    with freeze_time():
        for n in range(5):
            sign_in(client, "guess", f"10.0.1.{n}", email="nobody@example.com")
        refused = sign_in(client, "guess", "10.0.2.1", email="Nobody@Example.com")
        assert refused.status_code == 429
        assert WAIT in refused.text
        # another account is not held up
        assert sign_in(client, PASSWORD, "10.0.2.2").status_code == 302


def test_the_wait_is_said_in_turkish(app, client, consultant):
    with freeze_time():
        for n in range(5):
            sign_in(client, "wrong password", f"10.0.1.{n}")
        refused = client.post(
            "/login",
            data={"email": "deniz@example.com", "password": PASSWORD},
            headers={"Accept-Language": "tr"},
        )
        assert "Bu hesap için çok fazla yanlış parola girildi." in refused.text
        assert "15 saniye" in refused.text


def test_every_worker_sees_the_accounts_wait(app, database_url, consultant):
    with freeze_time():
        for n in range(5):
            sign_in(app.test_client(), "wrong password", f"10.0.1.{n}")
        second_app = make_app(database_url)
        refused = sign_in(second_app.test_client(), PASSWORD, "10.0.2.1")
        assert refused.status_code == 429
        with second_app.app_context():
            db.engine.dispose()


def test_confirming_the_password_counts_against_the_account_too(
    app, client, auth, consultant
):
    auth.login("deniz@example.com")
    with freeze_time():
        for n in range(5):
            sign_in(app.test_client(), "wrong password", f"10.0.1.{n}")
        refused = client.post("/confirm-password", data={"password": PASSWORD})
        assert refused.status_code == 429
        assert WAIT in refused.text
