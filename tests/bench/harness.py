"""Timing and reporting shared by the benchmarks: one JSON object per line on stdout.

``measure(name, fn)`` warms ``fn`` up, counts the SQL queries of one call, times ``n``
more calls and prints ``{"name": …, "median_ms": …, "p95_ms": …, "queries": …}``.
Figures are only printed: a benchmark fails when a page is broken (``check``), never
because it is slow.
"""

from __future__ import annotations

import gc
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

# Every public page should run fewer queries than this; one that does not has its SQL
# printed (to stderr) so that its line on stdout can be explained. BENCH_SQL=1 prints
# the SQL of every page.
QUERY_BUDGET = 10


def emit(name: str, **figures: Any) -> dict:
    """Print one result as a JSON line on stdout and return it."""
    line = {"name": name, **figures}
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return line


def percentile(samples: list[float], pct: float) -> float:
    """The nearest-rank percentile: a value that was actually observed."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def expect_page(*texts: str, status: int = 200) -> Callable[[Any], None]:
    """A check that a response has ``status`` and shows each of ``texts`` (HTML-escaped)."""

    def check(response):
        assert response.status_code == status, (
            f"{response.request['PATH_INFO']}?{response.request.get('QUERY_STRING', '')} "
            f"answered {response.status_code}, not {status}"
        )
        content = response.content.decode()
        for text in texts:
            assert escape(text) in content, f"{text!r} not on {response.request['PATH_INFO']}"

    return check


def _print_queries(name: str, queries: list[dict]) -> None:
    print(f"# {name}: {len(queries)} queries", file=sys.stderr)
    for number, query in enumerate(queries, start=1):
        print(f"#   {number:>2}. ({query['time']}s) {query['sql']}", file=sys.stderr)
    sys.stderr.flush()


def measure(
    name: str,
    fn: Callable[[], Any],
    *,
    n: int = 40,
    warmup: int = 5,
    check: Callable[[Any], None] | None = None,
    before: Callable[[], Any] | None = None,
    query_budget: int = QUERY_BUDGET,
) -> dict:
    """Time ``fn`` (e.g. ``lambda: client.get(url)``) and print one JSON line.

    ``warmup`` calls first fill caches (image renditions, template loaders, the
    catalogue's vocabulary); one more call runs under ``CaptureQueriesContext`` to count
    queries; then ``n`` timed calls give the median and the 95th percentile. ``check``,
    when given, runs on every result, outside the timed region.
    """
    check = check or (lambda result: None)
    before = before or (lambda: None)
    # The objects this process built to seed the catalogue would make every garbage
    # collection slower than in a server process; move them out of the collector's way.
    gc.collect()
    gc.freeze()
    for _ in range(warmup):
        check(fn())

    before()
    with CaptureQueriesContext(connection) as captured:
        result = fn()
    check(result)
    # Read now: the next request's ``request_started`` signal empties the query log.
    queries = captured.captured_queries
    if len(queries) >= query_budget or os.environ.get("BENCH_SQL"):
        _print_queries(name, queries)

    timings = []
    for _ in range(n):
        before()
        start = time.perf_counter()
        result = fn()
        timings.append((time.perf_counter() - start) * 1000)
        check(result)

    return emit(
        name,
        median_ms=round(statistics.median(timings), 1),
        p95_ms=round(percentile(timings, 95), 1),
        queries=len(queries),
    )
