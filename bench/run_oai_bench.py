#!/usr/bin/env python3
"""OAI-PMH harvest benchmark: a full ListRecords of 100,000 records with the harvester Sickle.

1. (re)create the PostgreSQL database ``sti_bench_oai``, migrate, fill it with
   ``generate_research_scale`` (100,000 outputs, bulk inserts) and delete a few hundred of
   them through the ORM, so the harvest also carries tombstones;
2. start gunicorn (production settings, 2 sync workers) on 127.0.0.1:8011;
3. harvest every record with Sickle (ListRecords, oai_dc, then oai_datacite), following
   the resumption tokens, while a thread samples the resident memory (RSS) of the gunicorn
   processes every half second;
4. print records per second, page latencies at the start and at the end of the list (keyset
   paging: the last page costs what the first does) and the memory trace, and write it all
   to bench/results/oai-bench-<time>.json.

    .venv/bin/python bench/run_oai_bench.py              # about 10 minutes
    .venv/bin/python bench/run_oai_bench.py --reuse-db   # harvest again, same data
"""

import argparse
import json
import os
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from run_dashboard_bench import RESULTS, django_env, log, machine, manage, pg, start_gunicorn, stop_gunicorn
from sickle import Sickle

DELETE_SCRIPT = """
from research.models import Output
ids = list(Output.objects.order_by("id").values_list("id", flat=True)[:: max(1, Output.objects.count() // {n})])
Output.objects.filter(id__in=ids[:{n}]).delete()
print(len(ids[:{n}]))
"""


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def gunicorn_pids(master: int) -> list[int]:
    """The master and its workers (children), read from /proc."""
    pids = [master]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == master:
                    pids.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return pids


class MemorySampler(threading.Thread):
    def __init__(self, master: int, every: float = 0.5):
        super().__init__(daemon=True)
        self.master, self.every, self.samples, self.stop = master, every, [], threading.Event()

    def run(self):
        started = time.monotonic()
        while not self.stop.is_set():
            pids = gunicorn_pids(self.master)
            workers = [rss_kib(pid) for pid in pids if pid != self.master]
            self.samples.append(
                {
                    "t": round(time.monotonic() - started, 1),
                    "total_kib": rss_kib(self.master) + sum(workers),
                    "max_worker_kib": max(workers, default=0),
                }
            )
            self.stop.wait(self.every)


class TimedSickle(Sickle):
    """Sickle that notes the time and size of each response."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages = []

    def harvest(self, **kwargs):
        started = time.perf_counter()
        response = super().harvest(**kwargs)
        self.pages.append({"ms": (time.perf_counter() - started) * 1000, "bytes": len(response.http_response.content)})
        return response


def harvest(port: int, verb: str, prefix: str, master: int) -> dict:
    client = TimedSickle(f"http://127.0.0.1:{port}/oai", max_retries=0, timeout=120)
    sampler = MemorySampler(master)
    sampler.start()
    started = time.perf_counter()
    records = deleted = 0
    iterator = client.ListRecords if verb == "ListRecords" else client.ListIdentifiers
    for item in iterator(metadataPrefix=prefix):
        records += 1
        header = item.header if verb == "ListRecords" else item
        deleted += bool(header.deleted)
    seconds = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    ms = [page["ms"] for page in client.pages]
    tenth = max(1, len(ms) // 10)
    memory = [s["total_kib"] for s in sampler.samples]
    third = max(1, len(memory) // 3)
    result = {
        "verb": verb,
        "metadataPrefix": prefix,
        "records": records,
        "deleted_records": deleted,
        "pages": len(ms),
        "seconds": round(seconds, 1),
        "records_per_second": round(records / seconds),
        "page_ms_p50": round(statistics.median(ms), 1),
        "page_ms_p95": round(sorted(ms)[int(len(ms) * 0.95) - 1], 1),
        "first_tenth_page_ms_p50": round(statistics.median(ms[:tenth]), 1),
        "last_tenth_page_ms_p50": round(statistics.median(ms[-tenth:]), 1),
        "mean_page_kib": round(statistics.mean(p["bytes"] for p in client.pages) / 1024, 1),
        "rss_total_mib": {
            "first_third_max": round(max(memory[:third]) / 1024, 1),
            "last_third_max": round(max(memory[-third:]) / 1024, 1),
            "min": round(min(memory) / 1024, 1),
            "max": round(max(memory) / 1024, 1),
        },
        "rss_max_worker_mib": round(max(s["max_worker_kib"] for s in sampler.samples) / 1024, 1),
        "memory_samples": sampler.samples,
    }
    log(
        f"{verb} {prefix}: {records} records ({deleted} deleted) in {result['pages']} pages, {seconds:.1f} s, "
        f"{result['records_per_second']} records/s; page p50 {result['page_ms_p50']} ms "
        f"(first tenth {result['first_tenth_page_ms_p50']}, last tenth {result['last_tenth_page_ms_p50']}); "
        f"gunicorn RSS {result['rss_total_mib']['min']}-{result['rss_total_mib']['max']} MiB"
    )
    return result


def prepare(args, env) -> dict:
    log(f"recreating database {args.database}")
    pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{args.database}"')
    manage(env, "migrate", "-v0")
    started = time.perf_counter()
    outputs = args.records - args.patents
    log(f"generate_research_scale: {outputs} publications + {args.patents} patents")
    print(
        manage(env, "generate_research_scale", "--outputs", str(outputs), "--patents", str(args.patents), capture=True),
        end="",
    )
    timings = {"generate_s": round(time.perf_counter() - started, 1)}
    started = time.perf_counter()
    deleted = manage(env, "shell", "-c", DELETE_SCRIPT.format(n=args.deleted), capture=True).strip()
    timings["deleted_through_orm"] = int(deleted.splitlines()[-1])
    timings["delete_s"] = round(time.perf_counter() - started, 1)
    pg("VACUUM ANALYZE", args.database)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench_oai")
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--port", type=int, default=8011)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--records", type=int, default=100_000, help="outputs generated (before deletions)")
    parser.add_argument("--patents", type=int, default=1_000)
    parser.add_argument("--deleted", type=int, default=500, help="outputs deleted through the ORM (tombstones)")
    parser.add_argument("--page-size", type=int, default=100, help="OAI_PAGE_SIZE of the server")
    parser.add_argument("--formats", default="oai_dc,oai_datacite")
    args = parser.parse_args()
    args.gunicorn_args = ["--timeout", "120"]
    args.cache_url = ""
    if args.database in ("postgres", "sti", "template0", "template1"):
        parser.error("refusing to drop that database")

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    env = django_env(args)
    env.update(OAI_PAGE_SIZE=str(args.page_size), SITE_URL="https://khcn.hanoi.gov.vn")
    record = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_at_start": os.getloadavg(),
        "database": args.database,
        "postgres": pg("SHOW server_version", fetch=True)[0][0],
        "page_size": args.page_size,
        "gunicorn_workers": args.workers,
    }
    record["setup"] = {} if args.reuse_db else prepare(args, env)
    record["dataset"] = {
        "outputs": pg("SELECT count(*) FROM research_output", args.database, fetch=True)[0][0],
        "tasks": pg("SELECT count(*) FROM research_tasks_researchtask", args.database, fetch=True)[0][0],
        "tombstones": pg("SELECT count(*) FROM oai_deletedrecord", args.database, fetch=True)[0][0],
    }
    log(f"dataset {record['dataset']}")
    gunicorn = start_gunicorn(args, env, stamp)
    try:
        TimedSickle(f"http://127.0.0.1:{args.port}/oai", max_retries=0).Identify()  # warm up both workers
        record["harvests"] = [harvest(args.port, "ListIdentifiers", "oai_dc", gunicorn.pid)]
        for prefix in args.formats.split(","):
            record["harvests"].append(harvest(args.port, "ListRecords", prefix, gunicorn.pid))
    finally:
        stop_gunicorn(gunicorn)
    record["load_average_at_end"] = os.getloadavg()
    target = RESULTS / f"oai-bench-{stamp}.json"
    target.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {target}")
    expected = sum(record["dataset"].values())
    complete = all(h["records"] == expected for h in record["harvests"])
    if not complete:
        log(f"INCOMPLETE harvest: expected {expected} records")
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
