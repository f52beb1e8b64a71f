"""A live server and a real Chromium for the browser tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from tests.conftest import make_app

CHROMIUM = "/usr/bin/chromium"
#: As root in a container, and with no network but loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory) -> Flask:
    """The product on a migrated SQLite database, as `make run` serves it."""
    return migrated_app(tmp_path_factory.mktemp("e2e") / "e2e.sqlite")


def migrated_app(database: Path | str, **config) -> Flask:
    """The product as `make run` serves it, on a fresh SQLite file (a path)
    or an empty database (a URL)."""
    app = make_app(
        database if isinstance(database, str) else f"sqlite:///{database}",
        TESTING=False,
        WTF_CSRF_ENABLED=True,
        SERVER_NAME=None,
        **config,
    )
    with app.app_context():
        upgrade()
    return app


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    with serve(live_app) as base:
        yield base


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    """Serve the app on a free loopback port, in a thread, while the block runs."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 720}, accept_downloads=True, locale="en-GB"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    refused = csp_refusals(page)
    yield page
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


def csp_refusals(page: Page) -> list[str]:
    """What the page's Content-Security-Policy refused, as Chromium reports it
    on the console: the product's own pages must never trip it."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return refused
