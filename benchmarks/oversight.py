"""The sponsor's glance, the executive summary and the report pack on the demo
engagement with a 100,000-customer analysis.

    .venv/bin/python -m benchmarks.oversight

Targets: executive summary <= 1.5 s, report pack <= 8 s, glance p95 <= 80 ms
over 200 requests.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from app.design import analyses
from app.extensions import db
from app.models import Engagement, User
from benchmarks.analysis import AS_OF, synthetic_file
from benchmarks.customers import load
from benchmarks.demo_client import demo_client
from benchmarks.pages import p95

REQUESTS = 200
RUNS = 5


def _timed(send, path: str, runs: int) -> list[float]:
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        assert send(path).status_code in (200, 302), path
        durations.append(time.perf_counter() - start)
    return durations


def main() -> None:
    with demo_client() as client, tempfile.TemporaryDirectory() as folder:
        with client.application.app_context():
            engagement = db.session.scalar(select(Engagement))
            user = db.session.scalar(select(User))
            load(engagement.id, synthetic_file(Path(folder)))
            snapshot = analyses.take_snapshot(
                engagement, analyses.Settings(as_of=AS_OF.date()), user
            )
            print(f"latest analysis: {snapshot.customer_count:,} customers")
            base = f"/engagements/{engagement.id}"
        for name, path, runs, target in (
            ("executive summary", f"{base}/reports/issue/executive", RUNS, "1.5 s"),
            ("report pack", f"{base}/reports/issue/pack", 3, "8 s"),
        ):
            durations = _timed(client.post, path, runs)
            print(
                f"{name:<18} median {statistics.median(durations):5.2f} s   max "
                f"{max(durations):5.2f} s ({runs} runs; target <= {target})"
            )
        _timed(client.get, f"{base}/glance", 5)
        durations = _timed(client.get, f"{base}/glance", REQUESTS)
        print(
            f"sponsor's glance   p50 {statistics.median(durations) * 1000:5.1f} ms   "
            f"p95 {p95(durations) * 1000:5.1f} ms "
            f"({REQUESTS} requests; target <= 80 ms)"
        )


if __name__ == "__main__":
    main()
