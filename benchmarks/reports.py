"""How long the PDF reports take on the demo engagement.

    .venv/bin/python -m benchmarks.reports

The preparation report must come out in under 2 s (warm).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from flask_migrate import upgrade

from app import create_app
from app.demo import DEMO_PASSWORD, load_demo

RUNS = 10
REPORTS = {
    "engagement summary": "/engagements/1/reports/summary.pdf",
    "preparation report": "/engagements/1/preparation/report.pdf",
}


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
        client.post(
            "/login",
            data={"email": "consultant@example.com", "password": DEMO_PASSWORD},
        )
        for name, path in REPORTS.items():
            first = time.perf_counter()
            response = client.get(path)
            cold = time.perf_counter() - first
            assert response.status_code == 200, name
            durations = []
            for _ in range(RUNS):
                start = time.perf_counter()
                client.get(path)
                durations.append(time.perf_counter() - start)
            print(
                f"{name:<20} first {cold * 1000:6.0f} ms   median "
                f"{statistics.median(durations) * 1000:6.0f} ms   max "
                f"{max(durations) * 1000:6.0f} ms   ({RUNS} warm runs)"
            )


if __name__ == "__main__":
    main()
