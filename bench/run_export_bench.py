#!/usr/bin/env python3
"""Open-data downloads at scale: time, rows per second and the server's memory.

1. (re)create the PostgreSQL database ``sti_bench_opendata``, migrate, and fill it quickly:
   two programmes, ``bench-100k`` (250 indicators) and ``bench-1m`` (2,500 indicators), each
   indicator with 400 monthly figures (official and provisional), written with one
   ``INSERT ... SELECT generate_series`` per programme: 100,000 and 1,000,000 measurements;
2. start gunicorn (1 sync worker, so its memory is the export's, 127.0.0.1:8013, production
   settings, DEBUG off);
3. download, through the real view, ``/du-lieu-mo/measurements.csv?programme=...`` (and the
   JSON of the big one, the XLSX of the small one), reading the stream to the end, while a
   thread samples the worker's resident memory (/proc/<pid>/status, VmRSS) every 20 ms;
4. stop gunicorn, print one table and write bench/results/export-bench-<time>.json.

Budget (exit status 1 when missed): the worker's peak memory during the 1,000,000-row CSV
grows by less than 60 MB over its resting size, and by less than twice the growth of the
100,000-row CSV plus 20 MB: memory stays flat whatever the number of rows.

    .venv/bin/python bench/run_export_bench.py             # about 3 minutes
    .venv/bin/python bench/run_export_bench.py --reuse-db  # measure again, same data
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

# The database, environment and gunicorn helpers of the dashboard benchmark (same folder).
from run_dashboard_bench import PYTHON, RESULTS, ROOT, django_env, log, pg, start_gunicorn, stop_gunicorn

FLAT_LIMIT_MB = 60
PERIODS = 400  # figures per indicator: 200 months x (official, provisional)
PROGRAMMES = {"bench-100k": 250, "bench-1m": 2500}

SEED_SCRIPT = """
import json, sys
import django
django.setup()
from django.db import connection, transaction
from indicators.models import Indicator
from programmes.models import Programme

programmes, periods = json.loads(sys.argv[1]), int(sys.argv[2])
for slug, count in programmes.items():
    with transaction.atomic():
        programme = Programme.objects.create(
            code=slug.upper(), slug=slug, title=f"Chương trình đo hiệu năng {slug}", start_year=2000, end_year=2030
        )
        Indicator.objects.bulk_create(
            Indicator(
                programme=programme,
                code=f"CT{n}",
                order=n,
                name=f"Chỉ tiêu thử nghiệm số {n}: tỷ lệ doanh nghiệp đổi mới sáng tạo",
                unit="%",
                target_kind="floor",
                target_value=50,
                frequency="M",
            )
            for n in range(1, count + 1)
        )
        with connection.cursor() as cursor:
            # month m (0-based) of indicator i: year 2005 + m // 12, period m % 12 + 1; both kinds
            cursor.execute(
                '''
                INSERT INTO indicators_measurement
                    (indicator_id, year, period_kind, period_number, kind, value, published_on, source,
                     source_url, source_excerpt, note, evidence, is_illustrative, inputs, recorded_at)
                SELECT i.id, 2005 + m / 12, 'M', m %% 12 + 1, k.kind,
                       round((random() * 100)::numeric, 4), NULL,
                       'Cục Thống kê thành phố Hà Nội', '', '', 'Số liệu sinh tự động để đo hiệu năng',
                       '', false, '{}', now()
                FROM indicators_indicator i
                CROSS JOIN generate_series(0, %s - 1) AS m
                CROSS JOIN (VALUES ('official'), ('provisional')) AS k(kind)
                WHERE i.programme_id = %s
                ''',
                [periods // 2, programme.pk],
            )
    print(slug, Indicator.objects.filter(programme=programme).count(), flush=True)
with connection.cursor() as cursor:
    cursor.execute("ANALYZE indicators_measurement")
    cursor.execute("ANALYZE indicators_indicator")
"""


def prepare_database(args, env) -> dict:
    log(f"recreating database {args.database}")
    pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{args.database}"')
    timings = {}
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    timings["migrate_s"] = round(time.perf_counter() - started, 1)
    log("generating measurements")
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", SEED_SCRIPT, json.dumps(PROGRAMMES), str(PERIODS)], cwd=ROOT, env=env, check=True)
    timings["generate_s"] = round(time.perf_counter() - started, 1)
    log(f"generated in {timings['generate_s']} s")
    return timings


def measurement_counts(database: str) -> dict:
    rows = pg(
        "SELECT p.slug, count(*) FROM indicators_measurement m JOIN indicators_indicator i ON i.id = m.indicator_id "
        "JOIN programmes_programme p ON p.id = i.programme_id GROUP BY p.slug ORDER BY p.slug",
        database,
        fetch=True,
    )
    return dict(rows)


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    if len(children) != 1:
        raise SystemExit(f"expected one gunicorn worker, found {children}")
    return int(children[0])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for {pid}")


class Sampler(threading.Thread):
    """The peak of a process's resident memory while a download runs (sampled every 20 ms)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.samples, self.done = pid, 0.0, 0, threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            self.samples += 1
            time.sleep(0.02)

    def stop(self) -> float:
        self.done.set()
        self.join()
        return round(max(self.peak, rss_mb(self.pid)), 1)


def download(port: int, path: str, pid: int) -> dict:
    resting = round(rss_mb(pid), 1)
    sampler = Sampler(pid)
    sampler.start()
    started = time.perf_counter()
    first_row = None
    size = lines = 0
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=900) as response:
        status = response.status
        while chunk := response.read1(256 * 1024):
            size += len(chunk)
            lines += chunk.count(b"\n")
            if first_row is None and lines > 1:  # past the header line
                first_row = time.perf_counter() - started
    elapsed = time.perf_counter() - started
    peak = sampler.stop()
    return {
        "path": path,
        "status": status,
        "seconds": round(elapsed, 2),
        "first_rows_s": round(first_row or elapsed, 3),
        "bytes": size,
        "mb_per_s": round(size / 1024 / 1024 / elapsed, 1),
        "lines": lines,
        "rss_resting_mb": resting,
        "rss_peak_mb": peak,
        "rss_growth_mb": round(peak - resting, 1),
        "rss_samples": sampler.samples,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sti_bench_opendata")
    parser.add_argument("--port", type=int, default=8013)
    parser.add_argument("--reuse-db", action="store_true", help="keep the data of an earlier run")
    args = parser.parse_args()
    # one sync worker (its memory is the export's), no shared cache, long downloads allowed
    args.workers, args.cache_url, args.gunicorn_args = 1, "", ["--timeout", "900"]
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    env = django_env(args)
    timings = {} if args.reuse_db else prepare_database(args, env)
    counts = measurement_counts(args.database)
    log(f"measurements: {counts}")
    cases = [
        ("CSV 100k", "/du-lieu-mo/measurements.csv?programme=bench-100k", counts.get("bench-100k", 0)),
        ("CSV 1M", "/du-lieu-mo/measurements.csv?programme=bench-1m", counts.get("bench-1m", 0)),
        ("JSON 1M", "/du-lieu-mo/measurements.json?programme=bench-1m", counts.get("bench-1m", 0)),
        ("XLSX 100k", "/du-lieu-mo/measurements.xlsx?programme=bench-100k", counts.get("bench-100k", 0)),
    ]
    gunicorn = start_gunicorn(args, env, stamp)
    results = {}
    try:
        pid = worker_pid(gunicorn.pid)
        download(args.port, "/du-lieu-mo/measurements.csv?programme=bench-100k&indicator=CT1", pid)  # warm-up
        for name, path, rows in cases:
            log(f"{name}: {path}")
            result = download(args.port, path, pid)
            result["rows"] = rows
            result["rows_per_s"] = round(rows / result["seconds"])
            results[name] = result
            log(json.dumps(result))
    finally:
        stop_gunicorn(gunicorn)
    load = os.getloadavg()
    report = {
        "date": stamp,
        "machine": f"{platform.node()} ({os.cpu_count()} cores, {platform.platform()})",
        "load_average": [round(x, 2) for x in load],
        "database": args.database,
        "measurements": counts,
        "timings": timings,
        "results": results,
    }
    (RESULTS / f"export-bench-{stamp}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print("\n| download | rows | time (s) | first rows (s) | rows/s | MB | MB/s | worker RSS resting → peak (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, r in results.items():
        print(
            f"| {name} | {r['rows']:,} | {r['seconds']} | {r['first_rows_s']} | {r['rows_per_s']:,} | "
            f"{r['bytes'] / 1024 / 1024:.1f} | {r['mb_per_s']} | {r['rss_resting_mb']} → {r['rss_peak_mb']} |"
        )
    print(f"\nload average after the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    small, big = results["CSV 100k"], results["CSV 1M"]
    flat = big["rss_growth_mb"] < FLAT_LIMIT_MB and big["rss_growth_mb"] < 2 * small["rss_growth_mb"] + 20
    complete = all(r["status"] == 200 for r in results.values()) and big["lines"] == big["rows"] + 1
    print("memory flat: " + ("yes" if flat else "NO") + "; every download complete: " + ("yes" if complete else "NO"))
    return 0 if flat and complete else 1


if __name__ == "__main__":
    sys.exit(main())
