#!/usr/bin/env python3
"""What one uncached render of each API list costs, in-process (no HTTP, no concurrency).

Django's test client with production settings and PUBLIC_PAGE_CACHE_SECONDS=0, against the
API bench's database (run bench/run_api_bench.py first): the median of 7 requests per list
after one warm-up, with the number of queries and their time.

    .venv/bin/python bench/api_render_cost.py [--database sti_bench_api] [PATH ...]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from run_api_bench import LISTS  # noqa: E402


def setup_django(database: str) -> None:
    """Django in this process with production settings on a bench database, nothing cached
    whole (PUBLIC_PAGE_CACHE_SECONDS=0), no rate limit, a process-local cache."""
    os.environ.pop("CACHE_URL", None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="bench-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        PUBLIC_PAGE_CACHE_SECONDS="0",
        API_THROTTLE_ANON="1000000/minute",
    )
    import django

    django.setup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench_api")
    parser.add_argument("--programme", default="city-01")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    setup_django(args.database)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT="application/json")
    for path in args.paths or [t.format(slug=args.programme) for t in LISTS]:
        client.get(path)
        times = []
        for _ in range(7):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
        query_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
        print(
            f"{path:45} {statistics.median(times):7.1f} ms  {len(queries)} queries ({query_ms:.0f} ms)"
            f"  {len(response.content) // 1024} KB  HTTP {response.status_code}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
