"""How long the PDF reports and the sponsor's glance take.

    .venv/bin/python -m benchmarks.reports

First every phase report on the demo engagement as it ships (the preparation
report must come out in under 2 s warm), and what laying a report out in a
child process (``app.pdf.Renderer``, for its time and memory limits) adds to
laying the same HTML out in the worker. Then the demo engagement gets the
1,000,000 synthetic sales of `benchmarks.analysis` and an analysis of them
(about 94,000 customers), and the oversight targets are measured on it:
executive summary <= 1.5 s, report pack <= 8 s, glance p95 <= 80 ms over 200
requests.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from flask.testing import FlaskClient
from sqlalchemy import select

from app.design import analyses
from app.extensions import db
from app.models import Engagement, User
from app.pdf import Renderer, report_html
from app.reports import catalog
from assessments.oversight import ReportKind
from benchmarks.analysis import AS_OF, synthetic_file
from benchmarks.customers import load
from benchmarks.demo_client import demo_client
from benchmarks.pages import p95
from renderer import Part, bound_pdf

RUNS = 10
ISSUE_RUNS = 5
PACK_RUNS = 3
GLANCE_REQUESTS = 200
PHASE_REPORTS = (
    "summary",
    "preparation",
    "planning",
    "design",
    "implementation",
    "scorecard",
)


def _timed(send: Callable, path: str, runs: int) -> list[float]:
    """Seconds per request, each checked to have succeeded."""
    durations = []
    for _ in range(runs):
        start = time.perf_counter()
        assert send(path).status_code in (200, 302), path
        durations.append(time.perf_counter() - start)
    return durations


def phase_reports(client: FlaskClient, base: str) -> None:
    """Each phase report cold (WeasyPrint's font set-up) and warm."""
    for kind in PHASE_REPORTS:
        path = f"{base}/reports/issue/{kind}"
        cold = _timed(client.post, path, 1)[0]
        durations = _timed(client.post, path, RUNS)
        print(
            f"{kind:<22} first {cold * 1000:6.0f} ms   median "
            f"{statistics.median(durations) * 1000:6.0f} ms   max "
            f"{max(durations) * 1000:6.0f} ms   ({RUNS} warm runs)"
        )


def child_overhead(client: FlaskClient) -> None:
    """The engagement summary's HTML laid out in the worker and in a child,
    alternately, so that both see the same machine."""
    app = client.application
    with app.test_request_context():
        engagement = db.session.scalar(select(Engagement).order_by(Engagement.id))
        parts = [
            Part(
                report_html(
                    catalog.source(
                        ReportKind.SUMMARY,
                        engagement,
                        AS_OF.date(),
                        engagement.report_language,
                    )
                )
            )
        ]
        here, child = [], []
        for _ in range(RUNS + 1):
            start = time.perf_counter()
            bound_pdf(parts, app.static_folder)
            here.append(time.perf_counter() - start)
            start = time.perf_counter()
            Renderer().pdf(parts)
            child.append(time.perf_counter() - start)
    here, child = here[1:], child[1:]  # the first pays the fork server's start
    print(
        f"summary layout   in the worker: median "
        f"{statistics.median(here) * 1000:4.0f} ms   in a child: median "
        f"{statistics.median(child) * 1000:4.0f} ms"
        f"   ({RUNS} runs each)"
    )


def load_large_analysis(client: FlaskClient, folder: Path) -> None:
    """The synthetic sales imported and analysed as the engagement's latest."""
    with client.application.app_context():
        engagement = db.session.scalar(select(Engagement).order_by(Engagement.id))
        user = db.session.scalar(select(User))
        load(engagement.id, synthetic_file(folder))
        snapshot = analyses.take_snapshot(
            engagement, analyses.Settings(as_of=AS_OF.date()), user
        )
        print(f"latest analysis: {snapshot.customer_count:,} customers")


def oversight(client: FlaskClient, base: str) -> None:
    """The executive summary, the pack and the glance against their targets."""
    for name, path, runs, target in (
        ("executive summary", "/reports/issue/executive", ISSUE_RUNS, "1.5 s"),
        ("report pack", "/reports/issue/pack", PACK_RUNS, "8 s"),
    ):
        durations = _timed(client.post, base + path, runs)
        print(
            f"{name:<18} median {statistics.median(durations):5.2f} s   max "
            f"{max(durations):5.2f} s ({runs} runs; target <= {target})"
        )
    _timed(client.get, f"{base}/glance", 5)
    durations = _timed(client.get, f"{base}/glance", GLANCE_REQUESTS)
    print(
        f"sponsor's glance   p50 {statistics.median(durations) * 1000:5.1f} ms   "
        f"p95 {p95(durations) * 1000:5.1f} ms "
        f"({GLANCE_REQUESTS} requests; target <= 80 ms)"
    )


def main() -> None:
    with demo_client() as client, tempfile.TemporaryDirectory() as folder:
        base = "/engagements/1"
        phase_reports(client, base)
        child_overhead(client)
        load_large_analysis(client, Path(folder))
        oversight(client, base)


if __name__ == "__main__":
    main()
