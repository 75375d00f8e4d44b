#!/usr/bin/env python3
"""End-to-end benchmark of reporting rounds (issue 4; see bench/README.md).

1. (re)create the PostgreSQL database ``sti_bench_reporting``, migrate, ``load_programme``
   and ``generate_reporting_scale`` (timed): 5 annual rounds and a final review of 30
   agencies built through the real services and closed, plus an open round of 200 agencies;
   ``collectstatic``;
2. count the SQL queries of the completeness page (test client, production settings) for the
   200-agency round and the 30-agency final round: the count must not grow with agencies;
3. time the final review report, each format in a fresh process (median of 3, peak RSS):
   ``reporting.snapshots.snapshot_build`` (rolled back) and ``reporting.reports.report_file``
   for party/state x DOCX/PDF;
4. start gunicorn (2 workers, 127.0.0.1:8002, DEBUG off), sign in once as the secretariat
   user and run bench/load.py in a second process with that session cookie: 20 concurrent
   clients on the completeness page of the 200-agency round;
5. stop gunicorn, print the table and write bench/results/reporting-bench-<time>.json.

    .venv/bin/python bench/run_reporting_bench.py             # full run, about 5 minutes
    .venv/bin/python bench/run_reporting_bench.py --reuse-db  # measure again, same data
"""

import argparse
import hashlib
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from urllib.parse import urlencode

# The dashboard benchmark's helpers: database, manage.py, gunicorn start/stop, machine facts.
from run_dashboard_bench import (
    BENCH,
    PYTHON,
    RESULTS,
    ROOT,
    log,
    machine,
    manage,
    pg,
    start_gunicorn,
    stop_gunicorn,
)

P95_LIMIT_MS = 150
LIMITS_S = {"docx": 5.0, "pdf": 15.0}
SECRETARIAT = "bench-rep-thuky"  # created by generate_reporting_scale
PROGRAMME = "bench-reporting"
FORMATS = [(fmt, ext) for fmt in ("party", "state") for ext in ("docx", "pdf")]
ISSUED_ON = "2026-01-15"

SETUP = f"""
import datetime, json, resource, statistics, sys, time
import django
django.setup()
from django.db import connection, transaction
from reporting.models import ReportingRound

def rss_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

rnd = ReportingRound.objects.select_related("programme").get(programme__slug={PROGRAMME!r}, kind="final")
"""

SET_PASSWORD = """
import sys
import django
django.setup()
from accounts.models import User
user = User.objects.get(username=sys.argv[1])
user.set_password(sys.argv[2])
user.save(update_fields=["password"])
"""

QUERY_COUNT = (
    SETUP
    + """
from django.test import Client
from django.test.utils import CaptureQueriesContext
from accounts.models import User

client = Client()
client.force_login(User.objects.get(username=sys.argv[1]))
out = {}
for path in json.loads(sys.argv[2]):
    client.get(path)  # first request fills per-process caches, as a warm server would have them
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    out[path] = {
        "status": response.status_code,
        "queries": len(ctx.captured_queries),
        "sql": [q["sql"][:300] for q in ctx.captured_queries],
        "test_client_ms": round(elapsed * 1000, 1),
        "bytes": len(response.content),
    }
print(json.dumps(out))
"""
)

SNAPSHOT = (
    SETUP
    + """
from django.utils import translation
from django.test.utils import CaptureQueriesContext
from reporting.snapshots import snapshot_build

before = rss_mb()
times, queries = [], 0
for _ in range(int(sys.argv[1])):
    with transaction.atomic(), CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        snapshot = snapshot_build(rnd=rnd)
        times.append(time.perf_counter() - started)
        queries = len(ctx.captured_queries)
        size = len(json.dumps(snapshot.data, ensure_ascii=False).encode())
        transaction.set_rollback(True)  # measure the real build, leave the frozen snapshot as it was
print(json.dumps({"times_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3),
                  "queries": queries, "json_bytes": size, "rss_before_mb": before, "peak_rss_mb": rss_mb()}))
"""
)

REPORT = (
    SETUP
    + """
from reporting.reports import report_file

fmt, ext, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
issued_on = datetime.date.fromisoformat(sys.argv[4])
before = rss_mb()
times = []
for _ in range(runs):
    started = time.perf_counter()
    content, name, content_type = report_file(rnd=rnd, fmt=fmt, ext=ext, issued_on=issued_on)
    times.append(time.perf_counter() - started)
print(json.dumps({"times_s": [round(t, 3) for t in times], "median_s": round(statistics.median(times), 3),
                  "bytes": len(content),
                  "rss_before_mb": before, "peak_rss_mb": rss_mb()}))
"""
)


def django_env(args) -> dict[str, str]:
    """Production settings on the benchmark database; evidence files kept under bench/results/."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(40),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{args.database}",
        DJANGO_MEDIA_ROOT=str(RESULTS / "media-reporting"),
        CACHE_URL=args.cache_url,
    )
    return env


def python_json(env, script: str, *argv, timeout=900) -> dict:
    result = subprocess.run(
        [PYTHON, "-c", script, *argv], cwd=ROOT, env=env, text=True, capture_output=True, timeout=timeout
    )
    if result.returncode != 0:
        log("failed:\n" + result.stderr[-3000:])
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def prepare_database(args, env) -> dict:
    log(f"recreating database {args.database}")
    pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{args.database}"')
    timings = {}
    started = time.perf_counter()
    manage(env, "migrate", "-v0")
    timings["migrate_s"] = round(time.perf_counter() - started, 1)
    print(manage(env, "load_programme", capture=True), end="")
    log("generate_reporting_scale " + " ".join(args.generate_args))
    started = time.perf_counter()
    output = manage(env, "generate_reporting_scale", *args.generate_args, capture=True)
    timings["generate_reporting_scale_s"] = round(time.perf_counter() - started, 1)
    print(output, end="")
    timings["generate_reporting_scale_output"] = output.strip().splitlines()
    return timings


def rounds(database: str) -> dict:
    """Id and number of agencies of the bench programme's rounds, by kind."""
    rows = pg(
        f"""
        SELECT r.kind, r.id, r.status, (SELECT count(*) FROM reporting_submission s WHERE s.round_id = r.id)
        FROM reporting_reportinground r JOIN programmes_programme p ON p.id = r.programme_id
        WHERE p.slug = '{PROGRAMME}' ORDER BY r.cutoff, r.id
        """,
        database,
        fetch=True,
    )
    if not rows:
        raise SystemExit(f"no programme {PROGRAMME} in {database}; run without --reuse-db")
    return {kind: {"id": pk, "status": status, "agencies": n} for kind, pk, status, n in rows}


def dataset_sizes(database: str) -> dict:
    counts = {
        "agencies (bench-rep-*)": "SELECT count(*) FROM agencies_agency WHERE slug LIKE 'bench-rep-%%'",
        "rounds": "SELECT count(*) FROM reporting_reportinground r JOIN programmes_programme p "
        f"ON p.id = r.programme_id WHERE p.slug = '{PROGRAMME}'",
        "submissions": "SELECT count(*) FROM reporting_submission",
        "task reports": "SELECT count(*) FROM reporting_taskreport",
        "indicator reports": "SELECT count(*) FROM reporting_indicatorreport",
        "key tasks": "SELECT count(*) FROM programmes_keytask t JOIN programmes_programme p "
        f"ON p.id = t.programme_id WHERE p.slug = '{PROGRAMME}'",
        "indicators": "SELECT count(*) FROM indicators_indicator i JOIN programmes_programme p "
        f"ON p.id = i.programme_id WHERE p.slug = '{PROGRAMME}'",
        "task updates": "SELECT count(*) FROM programmes_keytaskupdate",
        "measurements": "SELECT count(*) FROM indicators_measurement",
    }
    return {label: pg(sql, database, fetch=True)[0][0] for label, sql in counts.items()}


def sign_in(port: int, username: str, password: str) -> str:
    """Sign in through the login form as a browser would; the session cookie ("sessionid=...")."""

    def cookies_of(response) -> dict:
        jar = SimpleCookie()
        for header in response.msg.get_all("Set-Cookie") or []:
            jar.load(header)
        return {name: morsel.value for name, morsel in jar.items()}

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/login/")
        response = conn.getresponse()
        response.read()
        csrf = cookies_of(response).get("csrftoken")
        if response.status != 200 or not csrf:
            raise SystemExit(f"GET /login/ answered {response.status} without a csrftoken cookie")
        body = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": csrf})
        conn.request(
            "POST",
            "/login/",
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={csrf}",
                "Referer": f"http://127.0.0.1:{port}/login/",
            },
        )
        response = conn.getresponse()
        response.read()
        session = cookies_of(response).get("sessionid")
        if response.status != 302 or not session:
            raise SystemExit(f"login answered {response.status} without a session cookie")
        return f"sessionid={session}"
    finally:
        conn.close()


def get_status(port: int, path: str, cookie: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError:
        return 0
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench_reporting")
    parser.add_argument("--reuse-db", action="store_true", help="keep the database and its data; only measure")
    parser.add_argument("--port", type=int, default=8002)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="requests per client")
    parser.add_argument("--max-seconds", type=float, default=90, help="time limit of the load phase")
    parser.add_argument("--runs", type=int, default=3, help="builds per report format (the median is kept)")
    parser.add_argument(
        "--generate-args",
        default="--agencies 200 --report-agencies 30 --years 5",
        help="arguments of generate_reporting_scale",
    )
    parser.add_argument(
        "--cache-url", default="", help="CACHE_URL of the server (default: none, a cache in each process)"
    )
    parser.add_argument("--gunicorn-args", default="", help='extra gunicorn arguments, e.g. "-k gthread --threads 4"')
    parser.add_argument("--skip-reports", action="store_true", help="do not time the report builds")
    parser.add_argument("--skip-load", action="store_true", help="do not start gunicorn")
    args = parser.parse_args()
    args.generate_args = args.generate_args.split()
    args.gunicorn_args = args.gunicorn_args.split()
    if args.database in ("postgres", "sti", "sti_bench", "template0", "template1"):
        parser.error("refusing to drop that database")
    if not 1 <= args.runs <= 10:
        parser.error("--runs 1..10")

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    env = django_env(args)
    record = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(), "database": args.database}
    record["postgres"] = pg("SHOW server_version", fetch=True)[0][0]
    # The report builder changes often: say which version was measured.
    record["code"] = {
        name: hashlib.sha256((ROOT / name).read_bytes()).hexdigest()[:12]
        for name in ("reporting/documents.py", "reporting/snapshots.py", "reporting/selectors.py")
    }
    record["git_head"] = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True, capture_output=True
    ).stdout.strip()
    record["setup"] = {} if args.reuse_db else prepare_database(args, env)
    log("collectstatic")
    manage(env, "collectstatic", "--noinput", "-v0")
    record["dataset"] = dataset_sizes(args.database)
    record["rounds"] = by_kind = rounds(args.database)
    wide, final = by_kind["half_year"], by_kind["final"]
    log(f"dataset {record['dataset']}; completeness round {wide}; final round {final}")
    wide_path, final_path = f"/rounds/{wide['id']}/", f"/rounds/{final['id']}/"

    log("counting SQL queries of the completeness page (test client, production settings)")
    record["queries"] = python_json(env, QUERY_COUNT, SECRETARIAT, json.dumps([wide_path, final_path]))

    record["snapshot"], record["reports"] = {}, {}
    if not args.skip_reports:
        log(f"snapshot_build of the final round, {args.runs} runs (rolled back)")
        record["snapshot"] = python_json(env, SNAPSHOT, str(args.runs))
        for fmt, ext in FORMATS:
            log(f"report_file {fmt} {ext}, {args.runs} runs in a fresh process")
            record["reports"][f"{fmt}.{ext}"] = python_json(env, REPORT, fmt, ext, str(args.runs), ISSUED_ON)

    record["load"] = {}
    if not args.skip_load:
        password = secrets.token_urlsafe(16)
        subprocess.run([PYTHON, "-c", SET_PASSWORD, SECRETARIAT, password], cwd=ROOT, env=env, check=True)
        gunicorn = start_gunicorn(args, env, stamp)
        try:
            cookie = sign_in(args.port, SECRETARIAT, password)
            status = get_status(args.port, wide_path, cookie)
            record["status_before_load"] = status
            if status != 200:
                log(f"not measured: {wide_path} answers {status or 'nothing'} when signed in")
            else:
                load_file = RESULTS / f"reporting-load-{stamp}.json"
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
                    "--cookie",
                    cookie,
                    "--label",
                    "reporting-load",
                    "--out",
                    str(load_file),
                    wide_path,
                ]
                log(f"load: {args.clients} clients x {args.requests} requests on {wide_path}")
                subprocess.run(command, cwd=ROOT, check=False)
                if load_file.exists():
                    record["load"] = json.loads(load_file.read_text())["results"][0]
        finally:
            stop_gunicorn(gunicorn)
    record["server"] = {
        "gunicorn_workers": args.workers,
        "gunicorn_args": args.gunicorn_args,
        "port": args.port,
        "cache_url": args.cache_url or "locmem (per process)",
    }

    problems = verdicts(record, wide_path, final_path)
    print_summary(record, wide_path, final_path, problems)
    target = RESULTS / f"reporting-bench-{stamp}.json"
    record["problems"] = problems
    target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {target}")
    return 1 if problems else 0


def verdicts(record, wide_path, final_path) -> list[str]:
    problems = []
    queries = record["queries"]
    wide_q, final_q = queries.get(wide_path, {}).get("queries"), queries.get(final_path, {}).get("queries")
    if wide_q is None or final_q is None:
        problems.append("query count failed")
    elif wide_q != final_q:
        problems.append(f"completeness page queries grow with agencies: {final_q} (30) -> {wide_q} (200)")
    load = record["load"]
    if load:
        if load["latency_ms"]["p95"] >= P95_LIMIT_MS:
            problems.append(f"completeness p95 {load['latency_ms']['p95']} ms >= {P95_LIMIT_MS}")
        if load["non_2xx"] or load["errors"]:
            problems.append(f"completeness failures {load['non_2xx'] or ''}{load['errors'] or ''}")
        if load["stopped_by_time_limit"]:
            problems.append(f"time limit: {load['completed']}/{load['planned']} requests")
    for name, result in record["reports"].items():
        limit = LIMITS_S[name.rsplit(".", 1)[1]]
        if "median_s" not in result:
            problems.append(f"{name}: {result.get('error', 'failed')}")
        elif result["median_s"] >= limit:
            problems.append(f"{name} {result['median_s']} s >= {limit} s")
    return problems


def print_summary(record, wide_path, final_path, problems) -> None:
    print()
    for path, label in ((wide_path, "200-agency round"), (final_path, "30-agency final round")):
        q = record["queries"].get(path, {})
        print(f"completeness page, {label:<22} {q.get('queries', '-')} queries, {q.get('bytes', '-')} bytes")
    load = record["load"]
    if load:
        lat = load["latency_ms"]
        print(
            f"completeness under load ({load['clients']} clients, {load['completed']} requests): idle "
            f"{load.get('idle_latency_ms')} ms, p50 {lat['p50']} ms, p95 {lat['p95']} ms, p99 {lat['p99']} ms, "
            f"{load['throughput_rps']} req/s, load average {load['loadavg_1m_before_after']}"
        )
    snap = record["snapshot"]
    if snap.get("median_s") is not None:
        print(
            f"snapshot_build (final round): median {snap['median_s']} s of {snap['times_s']}, {snap['queries']} "
            f"queries, {snap['json_bytes']} bytes of JSON, peak RSS {snap['peak_rss_mb']} MB"
        )
    for name, result in record["reports"].items():
        if "median_s" in result:
            print(
                f"report {name:<11} median {result['median_s']:>6} s of {result['times_s']}, "
                f"{result['bytes']} bytes, peak RSS {result['peak_rss_mb']} MB (after set-up {result['rss_before_mb']} MB)"
            )
    times = [r["median_s"] for r in record["reports"].values() if "median_s" in r]
    if times:
        print(f"report medians overall: {statistics.median(times)} s")
    print("\nverdict: " + ("; ".join(problems) if problems else "ok"))


if __name__ == "__main__":
    sys.exit(main())
