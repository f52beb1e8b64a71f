"""The throttles count in the database by default, so every gunicorn worker
sees the same count: the 11th failed sign-in gets its 429 whichever worker
served the first ten."""

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
    """One wrong password; the status code it gets."""
    return client.post(
        "/login", data={"email": "deniz@example.com", "password": "wrong password"}
    ).status_code


def counters(app) -> dict[str, int]:
    with app.app_context():
        rows = db.session.execute(select(RateLimitCounter.key, RateLimitCounter.hits))
        return dict(rows.all())


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
    assert list(counters(app).values()) == [10]
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
        assert list(counters(app).values()) == [1]


def test_ended_windows_are_cleared(app, client, consultant):
    with app.app_context():
        db.session.add(RateLimitCounter(key="LIMITER/old", hits=7, expires_at=1.0))
        db.session.commit()
    fail(client)
    assert "LIMITER/old" not in counters(app)
    assert len(counters(app)) == 1
