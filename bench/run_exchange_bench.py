#!/usr/bin/env python3
"""Benchmark of the technology exchange at 100,000 listings on PostgreSQL.

1. (re)create the database ``sti_bench_exchange``, migrate, load 100,000 published listings
   (``load_exchange_demo --count 100000``: Vietnamese offers and requests, a quarter of the
   requests without diacritics) and build the matching index (timed), then VACUUM ANALYZE;
2. --repeat times (3): empty the cache (Redis db 14 as CACHE_URL, as in production), start
   gunicorn (2 workers, 127.0.0.1:8015, DEBUG off), wait until its workers are idle (each
   builds the search index at start), warm them up with searches outside the measured ones,
   then
3. 20 concurrent clients, closed loop, each cycling through many different searches (one box
   + facets, accents or not) and, separately, the matches of many different requests
   (``/api/v1/exchange/requests/{id}/matches/``); p50/p95/p99 per phase. Each client starts
   at a different place in the list, so most requests are not a repeat of one just made;
4. after the last repetition, the time from publishing an offer (the publish service) to its
   appearing in the matches API of a request on the same topic;
5. stop gunicorn, print and write bench/results/exchange-<UTC time>.json, with the median
   of the repetitions' p95 per phase.

    .venv/bin/python bench/run_exchange_bench.py              # full run
    .venv/bin/python bench/run_exchange_bench.py --reuse-db   # measure again, same data
    .venv/bin/python bench/run_exchange_bench.py --reuse-db --rebuild-matches --matches-only
        # migrate, rebuild the stored match lists (timed), then only the matches API and freshness
"""

import argparse
import contextlib
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from load import Client, percentile  # noqa: E402
from run_dashboard_bench import flush_cache, log, pg  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
QUERIES = [
    "xu ly nuoc thai",
    "công nghệ xử lý nước thải",
    "drone phun thuoc",
    "máy bay không người lái",
    "cam bien bui min",
    "trí tuệ nhân tạo camera",
    "benh an dien tu",
    "truy xuat nguon goc",
    "điện mặt trời",
    "gach khong nung",
    "nano bac",
    "bao quan rau qua",
    "thuy canh",
    "giống lúa chịu mặn",
    "nuoi cay mo",
    "men vi sinh",
    "nuôi tôm tuần hoàn",
    "duoc lieu dinh lang",
    "dong trung ha thao",
    "kham benh tu xa",
    "robot han",
    "den tin hieu giao thong",
    "xe may dien",
    "an ninh mang",
    "ban do so GIS",
    "phan bon huu co",
    "be tong",
    "thuong mai dien tu OCOP",
    "hoc truc tuyen",
    "lo dot rac",
]
WARM_UP_WORDS = ["nhiet", "ca phe", "tra", "vai", "sinh hoc", "kim loai"]
FACETS = ["", "&kind=offer", "&kind=request", "&field=2", "&trl=7", "&mode=licence", "&region=ha-noi"]


def django_env(args) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{args.database}",
        CACHE_URL=args.cache_url,
        API_THROTTLE_ANON="1000000/minute",
        API_THROTTLE_USER="1000000/minute",
    )
    return env


def manage(env, *command) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    ).stdout


def prepare(args, env) -> dict:
    log(f"recreating database {args.database}")
    pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{args.database}"')
    manage(env, "migrate", "-v0")
    log(f"loading {args.count} listings and building the matching index")
    started = time.perf_counter()
    print(manage(env, "load_exchange_demo", "--count", str(args.count)), end="")
    timings = {"load_and_index_s": round(time.perf_counter() - started, 1)}
    vacuum(args)
    return timings


def vacuum(args) -> None:
    """What autovacuum does some time after a bulk load: without it the first searches read
    every row twice (insert, then update of its vector) and the full-text index's pending list."""
    log("VACUUM ANALYZE")
    pg("VACUUM ANALYZE", args.database)


def rebuild_matches(args, env) -> dict:
    manage(env, "migrate", "-v0")
    log("rebuilding the stored match lists")
    started = time.perf_counter()
    print(manage(env, "rebuild_matches", "--lists-only"), end="")
    timings = {"rebuild_match_lists_s": round(time.perf_counter() - started, 1)}
    vacuum(args)
    return timings


def start_gunicorn(args, env) -> subprocess.Popen:
    RESULTS.mkdir(parents=True, exist_ok=True)
    handle = open(RESULTS / "gunicorn-exchange.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"127.0.0.1:{args.port}",
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/exchange/", timeout=5)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not answer")


def worker_seconds(master: int) -> float:
    """CPU seconds the gunicorn workers of `master` have used."""
    total = 0
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        with contextlib.suppress(OSError):
            total += sum(int(n) for n in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[11:13])
    return total / os.sysconf("SC_CLK_TCK")


def wait_until_idle(process: subprocess.Popen, limit: float = 60.0) -> float:
    """Wait until the workers have done their start-up work (each builds the exchange's search
    index in a thread, seconds at 100,000 listings): less than 5% of a core over half a second.
    Returns the seconds waited."""
    started = time.perf_counter()
    before = worker_seconds(process.pid)
    while time.perf_counter() - started < limit:
        time.sleep(0.5)
        now = worker_seconds(process.pid)
        if now - before < 0.025:
            break
        before = now
    return round(time.perf_counter() - started, 1)


def closed_loop(args, paths: list[str], label: str, master: int) -> dict:
    """args.clients threads, each sending args.requests GETs, cycling through `paths`. Also the
    CPU time per request of the gunicorn workers (`master`'s children) and of this load
    generator, steadier figures than latency on a machine whose speed moves."""
    latencies, statuses, lock = [], {}, threading.Lock()

    def run(offset: int):
        client = Client("127.0.0.1", args.port, 60, {"Accept-Language": "vi"})
        for i in range(args.requests):
            path = paths[(offset * 7 + i) % len(paths)]
            started = time.perf_counter()
            status, _size = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(args.clients)]
    server_cpu, client_cpu = worker_seconds(master), time.process_time()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    server_cpu, client_cpu = worker_seconds(master) - server_cpu, time.process_time() - client_cpu
    values = sorted(latencies)
    result = {
        "phase": label,
        "distinct_paths": len(paths),
        "requests": len(values),
        "statuses": statuses,
        "p50_ms": round(percentile(values, 50), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "p99_ms": round(percentile(values, 99), 1),
        "throughput_rps": round(len(values) / wall, 1),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / len(values), 2),
        "client_cpu_ms_per_request": round(client_cpu * 1000 / len(values), 2),
    }
    log(json.dumps(result, ensure_ascii=False))
    return result


PUBLISH_SCRIPT = """
import json, time, urllib.request
from accounts.models import User
from exchange import services
from exchange.models import Member

moderator = User.objects.get(username="sangiaodich")
member = User.objects.get(username="vientruong")
buyer = User.objects.get(username="doanhnghiep")
stamp = str(int(time.time()))
# A word no other listing has, so that the new offer must come first for the new request.
word = "zircon" + "".join("abcdefghij"[int(d)] for d in stamp)
def publish(actor, kind, title):
    org = Member.objects.filter(user=actor).first().organisation
    listing = services.listing_create(actor=actor, organisation=org, kind=kind, title=title,
        description="Lớp phủ " + word + " chống ăn mòn cho kết cấu thép ven biển, thi công bằng phun.",
        field="205", keywords=word + ", chống ăn mòn", trl=8 if kind == "offer" else 6,
        transfer_modes=["licence"], region="ha-noi")
    services.listing_submit(listing=listing, actor=actor)
    started = time.perf_counter()
    services.listing_publish(listing=listing, actor=moderator)
    return listing, started, time.perf_counter()
request, _s, _e = publish(buyer, "request", "Cần lớp phủ chống ăn mòn " + word)
offer, started, published = publish(member, "offer", "Lớp phủ " + word + " chống ăn mòn kết cấu thép")
url = "http://127.0.0.1:%(port)s/api/v1/exchange/requests/%%s/matches/?limit=10" %% request.pk
seen, body = None, {"results": []}
for attempt in range(200):
    body = json.load(urllib.request.urlopen(url, timeout=30))
    if any(r["id"] == offer.pk for r in body["results"]):
        seen = time.perf_counter()
        break
    time.sleep(0.02)
print(json.dumps({"publish_ms": round((published - started) * 1000, 1),
                  "publish_to_visible_ms": round((seen - started) * 1000, 1) if seen else None,
                  "rank": next((i + 1 for i, r in enumerate(body["results"]) if r["id"] == offer.pk), None)}))
"""


def publish_to_match(args, env) -> dict:
    output = manage(env, "shell", "-c", PUBLISH_SCRIPT % {"port": args.port})
    result = json.loads(output.strip().splitlines()[-1])
    log(f"publish → matches: {result}")
    return result


def median_p95(phases: list[dict]) -> dict[str, float]:
    """Per phase, the median of its repetitions' p95: one phase lasts a second or two, so a
    single p95 moves by tens of milliseconds from run to run."""
    by_phase: dict[str, list[float]] = {}
    for phase in phases:
        by_phase.setdefault(phase["phase"], []).append(phase["p95_ms"])
    return {name: statistics.median(values) for name, values in by_phase.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench_exchange")
    parser.add_argument("--port", type=int, default=8015)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--repeat", type=int, default=3, help="measure this many times, each from an empty cache")
    parser.add_argument("--requests", type=int, default=25)
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--freshness-only", action="store_true", help="only the publish-to-matches time")
    parser.add_argument("--matches-only", action="store_true", help="no search phases")
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/14",
        help='CACHE_URL of the server, as in production (flushed at the start); "" for per-process memory',
    )
    parser.add_argument(
        "--rebuild-matches", action="store_true", help="with --reuse-db: migrate, then rebuild_matches (timed)"
    )
    args = parser.parse_args(argv)
    env = django_env(args)
    timings = {} if args.reuse_db else prepare(args, env)
    if args.reuse_db and args.rebuild_matches:
        timings.update(rebuild_matches(args, env))
    manage(env, "collectstatic", "--noinput", "-v0")
    request_ids = [
        row[0]
        for row in pg(
            "SELECT id FROM exchange_listing WHERE kind='request' AND status='published' ORDER BY id LIMIT 240",
            args.database,
            fetch=True,
        )
    ]
    searches = [
        f"/exchange/?q={urllib.parse.quote(q)}{facet}" for q in QUERIES for facet in FACETS
    ]  # 210 distinct pages
    api_searches = [f"/api/v1/exchange/listings/?q={urllib.parse.quote(q)}" for q in QUERIES]
    matches = [f"/api/v1/exchange/requests/{pk}/matches/?limit=10" for pk in request_ids[:200]]
    # Not measured: the first requests of a worker import the views, compile the templates and
    # connect to the database; searches for words outside QUERIES, so nothing measured is cached.
    warm_up = [f"/api/v1/exchange/requests/{pk}/matches/?limit=10" for pk in request_ids[200:]] + [
        f"{page}?q={word}"
        for page in ("/exchange/", "/api/v1/exchange/listings/")
        for word in map(urllib.parse.quote, WARM_UP_WORDS)
    ]
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    phases, freshness = [], None
    repeats = 1 if args.freshness_only else args.repeat  # the publish is timed in the last one only
    for repeat in range(repeats):
        # Each repetition from scratch: an empty cache and new workers, as after a restart.
        flush_cache(args.cache_url)
        process = start_gunicorn(args, env)
        try:
            log(f"workers idle after {wait_until_idle(process)} s")
            closed_loop(
                argparse.Namespace(**{**vars(args), "requests": 3}), warm_up, "warm-up (not counted)", process.pid
            )
            if not args.freshness_only and not args.matches_only:
                phases.append(closed_loop(args, searches, "search page (210 distinct queries × facets)", process.pid))
                phases.append(closed_loop(args, api_searches, "search API (30 distinct queries)", process.pid))
            if not args.freshness_only:
                phases.append(closed_loop(args, matches, "matches API (200 distinct requests)", process.pid))
            if repeat == repeats - 1:
                freshness = publish_to_match(args, env)
        finally:
            process.terminate()
            process.wait(timeout=30)
    record = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "uptime": uptime,
        "cpus": os.cpu_count(),
        "listings": args.count,
        "clients": args.clients,
        "timings": timings,
        "phases": phases,
        "median_p95_ms": median_p95(phases),
        "publish_to_match": freshness,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / f"exchange-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.json"
    target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(record, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
