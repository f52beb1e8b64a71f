"""How fast the foundation's pages and the summary PDF answer.

    .venv/bin/python -m benchmarks.pages

Runs on a throw-away SQLite database with the demo engagement, through the
Flask test client (no network), and prints one line per figure.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from flask_migrate import upgrade

from app import create_app
from app.demo import DEMO_PASSWORD, load_demo

REQUESTS = 200
PDF_RUNS = 10


def timed(call, runs: int) -> list[float]:
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        durations.append(time.perf_counter() - start)
    return durations


def p95(durations: list[float]) -> float:
    return statistics.quantiles(durations, n=100)[94]


def main() -> None:
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

        for path in ("/", "/engagements/1", "/engagements/1/members"):
            client.get(path)  # warm templates and catalogs
            durations = timed(lambda path=path: client.get(path), REQUESTS)
            print(
                f"GET {path:<26} p50 {statistics.median(durations) * 1000:6.1f} ms"
                f"   p95 {p95(durations) * 1000:6.1f} ms   ({REQUESTS} requests)"
            )

        pdf = "/engagements/1/reports/summary.pdf"
        client.get(pdf)  # the first PDF pays for WeasyPrint's font set-up
        durations = timed(lambda: client.get(pdf), PDF_RUNS)
        print(
            f"GET {pdf:<26} median {statistics.median(durations) * 1000:6.0f} ms"
            f"   max {max(durations) * 1000:6.0f} ms   ({PDF_RUNS} PDFs, warm)"
        )


if __name__ == "__main__":
    main()
