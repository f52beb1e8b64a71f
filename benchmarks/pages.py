"""How fast the foundation's pages and the summary PDF answer.

    .venv/bin/python -m benchmarks.pages

Runs on a throw-away SQLite database with the demo engagement, through the
Flask test client (no network), and prints one line per figure.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.demo_client import demo_client

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
    with demo_client() as client:
        for path in ("/", "/engagements/1", "/engagements/1/members"):
            client.get(path)  # warm templates and catalogs
            durations = timed(lambda path=path: client.get(path), REQUESTS)
            print(
                f"GET {path:<26} p50 {statistics.median(durations) * 1000:6.1f} ms"
                f"   p95 {p95(durations) * 1000:6.1f} ms   ({REQUESTS} requests)"
            )

        pdf = "/engagements/1/reports/issue/summary"
        client.post(pdf)  # the first PDF pays for WeasyPrint's font set-up
        durations = timed(lambda: client.post(pdf), PDF_RUNS)
        print(
            f"POST {pdf:<25} median {statistics.median(durations) * 1000:6.0f} ms"
            f"   max {max(durations) * 1000:6.0f} ms   ({PDF_RUNS} PDFs, warm)"
        )


if __name__ == "__main__":
    main()
