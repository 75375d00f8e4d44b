#!/usr/bin/env python3
"""End-to-end benchmark of the monitoring pages on a city-scale data set (see bench/README.md).

1. (re)create the PostgreSQL database ``sti_bench``, migrate, run ``generate_city_scale``
   (timed) and ``load_programme`` (the real programme 07-CTr/TU), ``collectstatic``;
2. count the SQL queries of each page with Django's test client (production settings),
   on a cache miss and on a cache hit;
3. start gunicorn (2 workers, 127.0.0.1:8001, DEBUG off, Redis cache), warm up, and run
   bench/load.py in a second process: 20 concurrent clients against the dashboard, an
   indicator page and the indicator API list, for the biggest generated programme and for
   07-ctr-tu, twice: as anonymous readers (public pages come from the cache) and with a
   session cookie, which the public page cache never serves (every request is rendered);
4. stop gunicorn, print the table and write everything to bench/results/.

    .venv/bin/python bench/run_dashboard_bench.py            # full run, about 10 minutes
    .venv/bin/python bench/run_dashboard_bench.py --reuse-db  # measure again, same data
"""

import argparse
import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
SEED_SLUG, SEED_CODE = "07-ctr-tu", "CT1"
QUERY_LIMIT = 15
P95_LIMIT_MS = 150
# An anonymous session cookie: the user stays anonymous (one session query), but the public
# page cache (core.cache) never serves nor stores a request that carries one.
UNCACHED_COOKIE = "sessionid=benchuncached00000000000000000000"
MODES = {"cached": "", "uncached": UNCACHED_COOKIE}

PATHS = {
    "dashboard": "/p/{slug}/",
    "indicator page": "/p/{slug}/indicators/{code}/",
    "indicator API list": "/api/v1/indicators/?programme={slug}",
}


def log(message: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def django_env(args) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{args.database}",
        CACHE_URL=args.cache_url,
        # The load generator is one address: the public rate limit would answer 429.
        API_THROTTLE_ANON="1000000/minute",
        API_THROTTLE_USER="1000000/minute",
    )
    return env


def flush_cache(url: str) -> None:
    """Empty the benchmark's own Redis database, so no page of an earlier run is served."""
    if url.startswith("redis://"):
        import redis

        redis.Redis.from_url(url).flushdb()


def manage(env, *command, capture=False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def pg(sql: str, database: str = "postgres", fetch: bool = False):
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname=database, autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if fetch else None


def prepare_database(args, env) -> dict:
    """Fresh database with both data sets; returns the timings."""
    log(f"recreating database {args.database}")
    pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{args.database}"')
    timings = {}
    started = time.perf_counter()
    manage(env, "migrate", "-v0")
    timings["migrate_s"] = round(time.perf_counter() - started, 1)
    log("generate_city_scale " + " ".join(args.generate_args))
    started = time.perf_counter()
    output = manage(env, "generate_city_scale", *args.generate_args, capture=True)
    timings["generate_city_scale_s"] = round(time.perf_counter() - started, 1)
    print(output, end="")
    timings["generate_city_scale_output"] = output.strip().splitlines()
    started = time.perf_counter()
    print(manage(env, "load_programme", capture=True), end="")
    timings["load_programme_s"] = round(time.perf_counter() - started, 1)
    return timings


def dataset_sizes(database: str) -> dict:
    tables = {
        "programmes": "programmes_programme",
        "agencies": "agencies_agency",
        "indicators": "indicators_indicator",
        "measurements": "indicators_measurement",
        "key tasks": "programmes_keytask",
        "task updates": "programmes_keytaskupdate",
    }
    return {label: pg(f"SELECT count(*) FROM {table}", database, fetch=True)[0][0] for label, table in tables.items()}


def biggest_programme(database: str) -> tuple[str, str, dict]:
    """The generated programme with the most indicators, its first indicator, and its sizes."""
    row = pg(
        """
        SELECT p.slug,
               (SELECT count(*) FROM indicators_indicator i WHERE i.programme_id = p.id) AS indicators,
               (SELECT count(*) FROM indicators_measurement m JOIN indicators_indicator i
                    ON i.id = m.indicator_id WHERE i.programme_id = p.id) AS measurements,
               (SELECT count(*) FROM programmes_keytask t WHERE t.programme_id = p.id) AS tasks,
               (SELECT count(*) FROM programmes_keytaskupdate u JOIN programmes_keytask t
                    ON t.id = u.task_id WHERE t.programme_id = p.id) AS updates
        FROM programmes_programme p WHERE p.slug LIKE 'city-%%'
        ORDER BY indicators DESC, tasks DESC, p.slug LIMIT 1
        """,
        database,
        fetch=True,
    )
    if not row:
        raise SystemExit("no generated programme (city-*) in the database; run without --reuse-db")
    slug, indicators, measurements, tasks, updates = row[0]
    code = pg(
        f"SELECT i.code FROM indicators_indicator i JOIN programmes_programme p ON p.id = i.programme_id "
        f"WHERE p.slug = '{slug}' AND i.parent_id IS NULL ORDER BY i.\"order\", i.code LIMIT 1",
        database,
        fetch=True,
    )[0][0]
    sizes = {"indicators": indicators, "measurements": measurements, "key tasks": tasks, "task updates": updates}
    return slug, code, sizes


QUERY_COUNT_SCRIPT = """
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

paths, cookie = json.loads(sys.argv[1]), sys.argv[2]
anonymous, uncached = Client(), Client()
name, _, value = cookie.partition("=")
uncached.cookies[name] = value


def count(client, path):
    if client is uncached:  # the server deletes the unknown session cookie: send it again
        uncached.cookies[name] = value
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    # the session look-up comes from the cookie that bypasses the cache, not from the page
    page_queries = [q for q in ctx.captured_queries if "django_session" not in q["sql"]]
    return response.status_code, len(page_queries)


out = {}
for path in paths:
    status, miss_first = count(anonymous, path)  # cache miss, first request of the process
    _, hit = count(anonymous, path)  # the same page again: cache hit
    count(uncached, path)
    _, miss = count(uncached, path)  # rendered again in a warm process
    out[path] = {"status": status, "miss": miss, "miss_first": miss_first, "hit": hit}
print(json.dumps(out))
"""


def count_queries(env, paths: list[str]) -> dict:
    result = subprocess.run(
        [PYTHON, "-c", QUERY_COUNT_SCRIPT, json.dumps(paths), UNCACHED_COOKIE],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        timeout=600,
    )
    if result.returncode != 0:
        log("query count failed:\n" + result.stderr[-3000:])
        return {}
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_gunicorn(args, env, stamp: str) -> subprocess.Popen:
    log_file = RESULTS / f"gunicorn-{stamp}.log"
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "config.wsgi:application",
        "--workers",
        str(args.workers),
        "--bind",
        f"127.0.0.1:{args.port}",
        "--error-logfile",
        str(log_file),
        *args.gunicorn_args,
    ]
    log("starting " + " ".join(command[1:]))
    process = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see {log_file}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/static/", timeout=2)
            return process
        except urllib.error.HTTPError:
            return process  # it answers, 404 or not
        except OSError:
            time.sleep(0.5)
    stop_gunicorn(process)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    log(f"gunicorn stopped ({process.returncode})")


def status_of(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total_kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{total_kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "memory": memory, "python": platform.python_version()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench")
    parser.add_argument("--reuse-db", action="store_true", help="keep the database and its data; only measure")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="requests per client and URL")
    parser.add_argument("--max-seconds", type=float, default=90, help="time limit per URL")
    parser.add_argument(
        "--generate-args",
        default="",
        help='extra arguments for generate_city_scale, e.g. "--tasks 500 --updates 5000"',
    )
    parser.add_argument(
        "--cache-url",
        default="redis://127.0.0.1:6379/13",
        help='cache for the server, as CACHE_URL; flushed at the start; "" for a per-process memory cache',
    )
    parser.add_argument("--gunicorn-args", default="", help='extra gunicorn arguments, e.g. "-k gthread --threads 4"')
    args = parser.parse_args()
    args.generate_args = args.generate_args.split()
    args.gunicorn_args = args.gunicorn_args.split()
    if args.database in ("postgres", "sti", "template0", "template1"):
        parser.error("refusing to drop that database")

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    env = django_env(args)
    record = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(), "database": args.database}
    record["postgres"] = pg("SHOW server_version", fetch=True)[0][0]

    record["setup"] = {} if args.reuse_db else prepare_database(args, env)
    log("collectstatic")
    manage(env, "collectstatic", "--noinput", "-v0")
    record["dataset"] = dataset_sizes(args.database)
    slug, code, programme_sizes = biggest_programme(args.database)
    record["biggest_programme"] = {"slug": slug, "indicator": code, **programme_sizes}
    log(f"dataset {record['dataset']}; biggest programme {slug} {programme_sizes}")

    targets = []  # (programme, page, path)
    for programme_slug, indicator in ((slug, code), (SEED_SLUG, SEED_CODE)):
        for page, template in PATHS.items():
            targets.append((programme_slug, page, template.format(slug=programme_slug, code=indicator)))
    paths = [path for _, _, path in targets]

    flush_cache(args.cache_url)
    log("counting SQL queries per page (test client, production settings)")
    record["queries"] = count_queries(env, paths)

    gunicorn = start_gunicorn(args, env, stamp)
    load_results = {mode: {} for mode in MODES}
    try:
        statuses = {path: status_of(args.port, path) for path in paths}
        live = [path for path in paths if 200 <= statuses[path] < 300]
        for path in paths:
            if path not in live:
                log(f"not measured: {path} answers {statuses[path] or 'nothing'}")
        record["status_before_load"] = statuses
        for mode, cookie in MODES.items():
            if live:
                load_results[mode] = run_load(args, live, mode, cookie, RESULTS / f"dashboard-load-{mode}-{stamp}.json")
    finally:
        stop_gunicorn(gunicorn)
    record["load"] = load_results
    record["server"] = {
        "gunicorn_workers": args.workers,
        "gunicorn_args": args.gunicorn_args,
        "port": args.port,
        "cache_url": args.cache_url or "locmem (per process)",
    }
    record["client"] = {
        "clients": args.clients,
        "requests_per_client": args.requests,
        "uncached_cookie": UNCACHED_COOKIE,
    }

    rows = summarise(targets, record, load_results)
    record["summary"] = rows
    target = RESULTS / f"dashboard-bench-{stamp}.json"
    target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {target}")
    return 0 if all(row["ok"] for row in rows) else 1


def run_load(args, paths, mode, cookie, out: Path, headers=()) -> dict:
    command = [
        PYTHON,
        str(BENCH / "load.py"),
        "--base-url",
        f"http://127.0.0.1:{args.port}",
        "--clients",
        str(args.clients),
        "--requests",
        str(args.requests),
        "--max-seconds",
        str(args.max_seconds),
        "--warmup",
        "10",
        "--out",
        str(out),
        *(["--cookie", cookie] if cookie else []),
        *[option for header in headers for option in ("--header", header)],
        *paths,
    ]
    log(f"load, {mode}: {args.clients} clients x {args.requests} requests per URL, {len(paths)} URLs")
    subprocess.run(command, cwd=ROOT, check=False)
    if not out.exists():
        return {}
    return {r["path"]: r for r in json.loads(out.read_text())["results"]}


def summarise(targets, record, load_results) -> list[dict]:
    """One row per page: queries, then p50/p95/throughput for both modes, and the verdict.

    The budget: at most QUERY_LIMIT queries when the page is rendered (cache miss), and a p95
    under P95_LIMIT_MS as served to anonymous readers (cached). The uncached figures say what
    a signed-in user, or the first reader after a change, waits."""
    print()
    header = (
        f"{'programme':<10} {'page':<18} {'queries':>11} {'KB':>5} {'idle ms':>11} "
        f"{'cached p50/p95 ms, req/s':>26} {'uncached p50/p95 ms, req/s':>28}  verdict"
    )
    print(header)
    print("-" * len(header))
    rows = []
    for programme_slug, page, path in targets:
        queries = record["queries"].get(path, {})
        problems = []
        if queries.get("miss") is not None and queries["miss"] > QUERY_LIMIT:
            problems.append(f"{queries['miss']} queries > {QUERY_LIMIT}")
        cells, idle, size = {}, [], "-"
        for mode in MODES:
            load = load_results[mode].get(path)
            if load is None:
                cells[mode] = "-"
                idle.append("-")
                if mode == "cached":
                    status = record["status_before_load"].get(path) or "no answer"
                    problems.append(f"not measured (HTTP {status})")
                continue
            lat = load["latency_ms"]
            cells[mode] = f"{lat['p50']:.0f}/{lat['p95']:.0f}, {load['throughput_rps']:.0f}"
            idle.append(f"{load.get('idle_latency_ms') or '-'}")
            if load.get("mean_body_bytes"):
                size = round(load["mean_body_bytes"] / 1024)
            if load["non_2xx"] or load["errors"]:
                problems.append(f"{mode}: failures {load['non_2xx'] or ''}{load['errors'] or ''}")
            if mode == "cached" and lat["p95"] >= P95_LIMIT_MS:
                problems.append(f"p95 {lat['p95']:.0f} ms >= {P95_LIMIT_MS}")
            if load["stopped_by_time_limit"]:
                problems.append(f"{mode}: time limit, {load['completed']}/{load['planned']} requests")
        notes = []
        uncached = load_results["uncached"].get(path)
        if uncached and uncached["latency_ms"]["p95"] >= P95_LIMIT_MS:
            notes.append(f"uncached p95 {uncached['latency_ms']['p95']:.0f} ms")
        hard = [p for p in problems if not p.startswith("uncached: time limit")]
        verdict = "; ".join(problems + notes) or "ok"
        query_cell = f"{queries.get('miss', '-')}/{queries.get('hit', '-')}"
        print(
            f"{programme_slug:<10} {page:<18} {query_cell:>11} {size:>5} {' / '.join(idle):>11} "
            f"{cells['cached']:>26} {cells['uncached']:>28}  {verdict}"
        )
        rows.append({"programme": programme_slug, "page": page, "path": path, "verdict": verdict, "ok": not hard})
    print("queries: rendered (cache miss) / cache hit; idle: one request at a time, cached / uncached; KB: body size")
    return rows


if __name__ == "__main__":
    sys.exit(main())
