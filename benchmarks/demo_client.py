"""A throw-away app with the demo engagement and its consultant signed in."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask.testing import FlaskClient
from flask_migrate import upgrade

from app.demo import DEMO_PASSWORD, load_demo
from app.factory import create_app


@contextmanager
def demo_client() -> Iterator[FlaskClient]:
    """A test client on a fresh, migrated SQLite database holding the demo."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(folder) / 'bench.sqlite'}",
                "SECRET_KEY": "benchmark-secret-key-0123456789-abcdef",
                "WTF_CSRF_ENABLED": False,
            }
        )
        with app.app_context():
            upgrade()
            load_demo()
        client = app.test_client()
        signed_in = client.post(
            "/login",
            data={"email": "consultant@example.com", "password": DEMO_PASSWORD},
        )
        assert signed_in.status_code == 302
        yield client
