#!/usr/bin/env python3
"""End-to-end benchmark of the monitoring pages on a city-scale data set (see bench/README.md).

1. (re)create the PostgreSQL database ``sti_bench``, migrate, run ``generate_city_scale``
   (timed) and ``load_programme`` (the real programme 07-CTr/TU), ``collectstatic``;
2. count the SQL queries of each page with Django's test client (production settings);
3. start gunicorn (2 workers, 127.0.0.1:8001, DEBUG off), warm up, and run bench/load.py
   in a second process: 20 concurrent clients against the dashboard, an indicator page
   and the indicator API list, for the biggest generated programme and for 07-ctr-tu;
4. stop gunicorn, print the table and write everything to bench/results/.

    .venv/bin/python bench/run_dashboard_bench.py            # full run, about 5 minutes
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
    )
    return env


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

client = Client()
out = {}
for path in json.loads(sys.argv[1]):
    client.get(path)  # first request fills per-process caches, as a warm server would have them
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    out[path] = {"status": response.status_code, "queries": len(ctx.captured_queries)}
print(json.dumps(out))
"""


def count_queries(env, paths: list[str]) -> dict:
    result = subprocess.run(
        [PYTHON, "-c", QUERY_COUNT_SCRIPT, json.dumps(paths)],
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

    log("counting SQL queries per page (test client, production settings)")
    record["queries"] = count_queries(env, paths)

    gunicorn = start_gunicorn(args, env, stamp)
    try:
        statuses = {path: status_of(args.port, path) for path in paths}
        live = [path for path in paths if 200 <= statuses[path] < 300]
        for path in paths:
            if path not in live:
                log(f"not measured: {path} answers {statuses[path] or 'nothing'}")
        record["status_before_load"] = statuses
        load_results = {}
        if live:
            load_file = RESULTS / f"dashboard-load-{stamp}.json"
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
                str(load_file),
                *live,
            ]
            log(f"load: {args.clients} clients x {args.requests} requests per URL, {len(live)} URLs")
            subprocess.run(command, cwd=ROOT, check=False)
            if load_file.exists():
                load_results = {r["path"]: r for r in json.loads(load_file.read_text())["results"]}
        record["load"] = load_results
    finally:
        stop_gunicorn(gunicorn)
    record["server"] = {"gunicorn_workers": args.workers, "gunicorn_args": args.gunicorn_args, "port": args.port}
    record["client"] = {"clients": args.clients, "requests_per_client": args.requests}

    print()
    header = (
        f"{'programme':<11} {'page':<19} {'queries':>7} {'KB':>6} {'idle ms':>7} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7} {'req/s':>6}  verdict"
    )
    print(header)
    print("-" * len(header))
    rows = []
    for programme_slug, page, path in targets:
        queries = record["queries"].get(path, {})
        load = load_results.get(path)
        problems = []
        if queries.get("queries") is not None and queries["queries"] > QUERY_LIMIT:
            problems.append(f"{queries['queries']} queries > {QUERY_LIMIT}")
        if load is None:
            verdict = f"not measured (HTTP {record['status_before_load'].get(path) or 'no answer'})"
            lat, rps, idle, size = {"p50": "-", "p95": "-", "p99": "-"}, "-", "-", "-"
        else:
            lat, rps = load["latency_ms"], load["throughput_rps"]
            idle = load.get("idle_latency_ms") or "-"
            size = round(load["mean_body_bytes"] / 1024) if load.get("mean_body_bytes") else "-"
            if lat["p95"] >= P95_LIMIT_MS:
                problems.append(f"p95 {lat['p95']} ms >= {P95_LIMIT_MS}")
            if load["stopped_by_time_limit"]:
                problems.append(f"time limit: {load['completed']}/{load['planned']} requests")
            if load["non_2xx"] or load["errors"]:
                problems.append(f"failures {load['non_2xx'] or ''}{load['errors'] or ''}")
            verdict = "; ".join(problems) or "ok"
        rows.append({"programme": programme_slug, "page": page, "path": path, "verdict": verdict})
        print(
            f"{programme_slug:<11} {page:<19} {queries.get('queries', '-'):>7} {size:>6} {idle:>7} {lat['p50']:>7} "
            f"{lat['p95']:>7} {lat['p99']:>7} {rps:>6}  {verdict}"
        )
    record["summary"] = rows
    target = RESULTS / f"dashboard-bench-{stamp}.json"
    target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {target}")
    return 0 if all(row["verdict"] == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
