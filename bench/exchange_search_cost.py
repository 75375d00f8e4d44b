#!/usr/bin/env python3
"""What one exchange search costs in-process at 100,000 listings (no HTTP, no concurrency).

Against the exchange bench's database (run bench/run_exchange_bench.py first): the time and
memory the in-memory search index takes to build, the token read before each search, then per
query of that bench, the median of 5 runs of:
- "cold": the query's match set found and ranked in the index (`SearchIndex.search`);
- "cut": one filter, facets and page cut from a match set already found (`search_listings`),
  the work of every other filter and page of the query;
- "page": the whole search page (`/exchange/?q=…&kind=offer`), match set found, page not cached.

    .venv/bin/python bench/exchange_search_cost.py [--database sti_bench_exchange]
"""

import argparse
import resource
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from api_render_cost import setup_django  # noqa: E402
from run_exchange_bench import QUERIES  # noqa: E402


def _median_ms(function, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench_exchange")
    args = parser.parse_args()
    setup_django(args.database)
    from django.test import Client

    from exchange.search import search_listings
    from exchange.search_index import INDEX, token
    from research.search import parse_query

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    INDEX.match_set(())
    built = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    print(f"index built in {built:.1f} s, peak memory +{grown:.0f} MB; token read {_median_ms(token, 20):.2f} ms")
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    totals = {"cold": [], "cut": [], "page": []}
    for text in QUERIES:
        words = parse_query(text).words
        size = len(INDEX.search(words))
        cold = _median_ms(lambda words=words: INDEX.search(words))
        search_listings(text)
        cut = _median_ms(lambda text=text: search_listings(text, {"kind": "offer"}, page=2))
        path = f"/exchange/?q={urllib.parse.quote(text)}&kind=offer"
        page = _median_ms(lambda path=path: client.get(path))
        for name, value in (("cold", cold), ("cut", cut), ("page", page)):
            totals[name].append(value)
        print(f"{text:28} {size:6} matches  cold {cold:6.1f} ms  cut {cut:5.1f} ms  page {page:5.1f} ms")
    print("median over queries: " + "  ".join(f"{k} {statistics.median(v):.1f} ms" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
