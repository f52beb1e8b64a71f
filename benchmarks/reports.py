"""How long the PDF reports take on the demo engagement.

    .venv/bin/python -m benchmarks.reports

The preparation report must come out in under 2 s (warm).

"""

from __future__ import annotations

import statistics
import time

from benchmarks.demo_client import demo_client

RUNS = 10
REPORTS = {
    "engagement summary": "/engagements/1/reports/summary.pdf",
    "preparation report": "/engagements/1/preparation/report.pdf",
    "planning report": "/engagements/1/planning/report.pdf",
    "design report": "/engagements/1/design/report.pdf",
    "implementation report": "/engagements/1/implementation/report.pdf",
    "scorecard report": "/engagements/1/implementation/scorecard.pdf",
}
#: Reports issued by a form post (the pack: benchmarks.oversight).
POSTED = {"executive summary": "/engagements/1/reports/issue/executive"}


def main() -> None:
    with demo_client() as client:
        requests = [(name, path, client.get) for name, path in REPORTS.items()]
        requests += [(name, path, client.post) for name, path in POSTED.items()]
        for name, path, send in requests:
            first = time.perf_counter()
            response = send(path)
            cold = time.perf_counter() - first
            assert response.status_code in (200, 302), name
            durations = []
            for _ in range(RUNS):
                start = time.perf_counter()
                send(path)
                durations.append(time.perf_counter() - start)
            print(
                f"{name:<22} first {cold * 1000:6.0f} ms   median "
                f"{statistics.median(durations) * 1000:6.0f} ms   max "
                f"{max(durations) * 1000:6.0f} ms   ({RUNS} warm runs)"
            )


if __name__ == "__main__":
    main()
