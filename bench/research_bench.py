#!/usr/bin/env python3
"""Benchmark of the research database (issue 5): search at city scale and a 10,000-entry
BibTeX import. See docs/benchmarks.md, section "Research database (issue 5)".

1. (re)create the database (PostgreSQL ``sti_research_bench``, or a SQLite file with
   ``--sqlite PATH``), migrate, and run ``generate_research_scale`` (timed: 100,000
   publications, 20,000 researchers, 5,000 S&T tasks by default); with ``--reuse-db`` and
   ``--add-tasks``, migrate and replace the S&T tasks only (``--only-tasks``);
2. the search function itself, in one process: every query of QUERIES several times,
   latency per query (``research.search.search``: facets, ranked page, researchers);
3. the search page under load: gunicorn (2 workers, 127.0.0.1:8002, production settings,
   no CACHE_URL) and bench/load.py with 20 concurrent clients, one distinct query per phase.
   Every request carries a session cookie of no user, which the public page cache
   (core.cache) never serves, so every request runs the search and renders the page;
4. the import: a deterministic 10,000-entry BibTeX file (Vietnamese and English titles,
   LaTeX accents, ORCIDs, 2% broken entries, 3% duplicates) is previewed and confirmed with
   the services a user's upload calls: wall time and peak RSS, then the same again under
   tracemalloc for the Python allocation peaks (that run is slower; its times don't count).

    .venv/bin/python bench/research_bench.py                       # PostgreSQL, about 6 minutes
    .venv/bin/python bench/research_bench.py --sqlite /tmp/research-bench.sqlite3
    .venv/bin/python bench/research_bench.py --reuse-db            # same data, measure again
    .venv/bin/python bench/research_bench.py --reuse-db --no-trace # without the slow tracemalloc run
    .venv/bin/python bench/research_bench.py --reuse-db --no-import --database sti_bench_x --port 8014
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_dashboard_bench as dash  # noqa: E402  (gunicorn start/stop, machine facts, psql helper)

ROOT = dash.ROOT
RESULTS = dash.RESULTS
PYTHON = sys.executable
P95_LIMIT_MS = 100
IMPORT_LIMIT_S = 30

# Distinct queries, from broad (a quarter of the publications match) to a single DOI, with and
# without accents; "" is the page without a query (every output, newest first).
QUERIES = {
    "broad": ["nghien cuu", "Nghiên cứu", "ha noi", "Hà Nội", "danh gia thuc trang"],
    "topic": ["vat lieu nano", "o nhiem khong khi", "deep learning", "ung thu gan", "graphene oxide"],
    "accented": ["Nghiên cứu vật liệu nano", "đường sắt đô thị", "Đánh giá bụi mịn PM2.5"],
    "author": ["nguyen van an", "Trần Thị Hương", "pham duc hieu"],
    "exact": ["10.99999/demo.1.12345", "perovskite thin films in hanoi"],
    "rare": ["perovskite", "blockchain luong tu"],
    # S&T tasks (research_tasks.search, a source of the page): a code, a topic, accents.
    "task": ["QM-2022-00042", "canh bao ngap ung do thi", "Hoàng thành Thăng Long"],
    "empty": [""],
}
TASKS = 5_000
PAGE_QUERIES = [
    "nghien cuu",
    "Hà Nội",
    "vat lieu nano",
    "Đánh giá bụi mịn PM2.5",
    "nguyen van an",
    "10.99999/demo.1.12345",
    "blockchain luong tu",
    "canh bao ngap ung do thi",
    "",
]
API_QUERIES = ["o nhiem khong khi"]


def log(message: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def django_env(args) -> dict[str, str]:
    env = dash.django_env(argparse.Namespace(database=args.database, cache_url=""))
    if args.sqlite:
        env["DATABASE_URL"] = f"sqlite:///{Path(args.sqlite).resolve()}"
    env.pop("CACHE_URL", None)
    return env


def prepare(args, env) -> dict:
    if args.sqlite:
        Path(args.sqlite).unlink(missing_ok=True)
    else:
        dash.pg(f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        dash.pg(f'CREATE DATABASE "{args.database}"')
    timings = {}
    started = time.perf_counter()
    dash.manage(env, "migrate", "-v0")
    timings["migrate_s"] = round(time.perf_counter() - started, 1)
    log("generate_research_scale " + " ".join(args.generate_args))
    started = time.perf_counter()
    output = dash.manage(env, "generate_research_scale", *args.generate_args, capture=True)
    timings["generate_s"] = round(time.perf_counter() - started, 1)
    timings["generate_output"] = output.strip().splitlines()
    print(output, end="")
    return timings


def in_django(env, mode: str, *extra) -> dict:
    """Run this script's worker part (search or import) in a fresh Django process."""
    result = subprocess.run(
        [PYTHON, __file__, "--worker", mode, *extra], cwd=ROOT, env=env, check=True, text=True, capture_output=True
    )
    sys.stderr.write(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


# Worker: inside Django ---------------------------------------------------------------------


def _setup():
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()


def worker_search(rounds: int) -> dict:
    _setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from research.models import Authorship, Organisation, Output, Researcher
    from research.search import search
    from research_tasks.models import ResearchTask

    sizes = {
        "outputs": Output.objects.count(),
        "researchers": Researcher.objects.count(),
        "organisations": Organisation.objects.count(),
        "authorships": Authorship.objects.count(),
        "tasks": ResearchTask.objects.count(),
    }
    search("khoi dong")  # connection and caches
    per_query, every = {}, []
    for group, queries in QUERIES.items():
        for query in queries:
            times, total, tasks = [], 0, 0
            for _ in range(rounds):
                started = time.perf_counter()
                results = search(query)
                times.append((time.perf_counter() - started) * 1000)
                total = results.total
                tasks = sum(n for source, _hits, n in results.sections if source.name == "tasks")
            every += times
            with CaptureQueriesContext(connection) as queries:
                search(query)
            per_query[query] = {
                "group": group,
                "matches": total,
                "task_matches": tasks,
                "queries": len(queries.captured_queries),
                "median_ms": round(statistics.median(times), 1),
                "max_ms": round(max(times), 1),
            }
    every.sort()
    return {
        "vendor": connection.vendor,
        "sizes": sizes,
        "rounds": rounds,
        "per_query": per_query,
        "all_ms": {
            "p50": round(every[len(every) // 2], 1),
            "p95": round(every[int(len(every) * 0.95) - 1], 1),
            "max": round(every[-1], 1),
        },
    }


FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Lan", "Tuấn", "Việt", "Yến"]
TOPICS = ["vật liệu nano", "ô nhiễm không khí", "học sâu", "ung thư gan", "giống lúa chịu mặn", "đường sắt đô thị"]
ENGLISH = ["graphene oxide", "federated learning", "antimicrobial resistance", "urban flooding", "5G networks"]


def bibtex_file(entries: int, seed: int = 7) -> str:
    """A deterministic BibTeX file: mostly valid, 2% broken or incomplete, 3% repeated."""
    import random

    rng = random.Random(seed)
    parts = [
        "% Generated for the research import benchmark.\n@string{vjst = {Vietnam Journal of Science and Technology}}\n"
    ]
    for n in range(entries):
        if n % 50 == 49:
            parts.append(f"@article{{broken{n},\n  title = {{Thiếu ngoặc {n},\n  year = {{2020}}\n\n")
            continue
        if n % 33 == 32:
            n = n - 7  # the same DOI and title as an earlier entry
        year = 2010 + n % 16
        authors = " and ".join(
            f"{rng.choice(FIRST)}, {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(1 + n % 4)
        )
        if n % 10 == 0:
            authors = "Nguy{\\~{\\^e}}n, V{\\u{a}}n An (0000-0002-1825-0097) and " + authors
        if n % 3:
            title = f"Nghiên cứu {rng.choice(TOPICS)} tại Hà Nội, phần {n}"
            venue = "journal = vjst"
        else:
            title = f"{rng.choice(ENGLISH).capitalize()} in Vietnam: case {n}"
            venue = "booktitle = {International Conference on Knowledge and Systems Engineering}"
        kind = "article" if n % 3 else "inproceedings"
        parts.append(
            f"@{kind}{{e{n},\n  title = {{{title}}},\n  author = {{{authors}}},\n  {venue},\n"
            f"  year = {{{year}}},\n  doi = {{10.99999/bench.{n}}},\n"
            f"  abstract = {{Tóm tắt của công trình số {n} về {rng.choice(TOPICS)}.}}\n}}\n"
        )
    return "\n".join(parts)


def worker_import(entries: int, trace: bool) -> dict:
    """Preview then confirm the generated file, as the import page does. With `trace`, under
    tracemalloc (Python allocation peaks; pyparsing allocates so much that the run is several
    times slower): its times are not the import's times."""
    _setup()
    from accounts.models import User
    from research import services
    from research.models import Organisation, Output

    data = bibtex_file(entries).encode()
    user, _ = User.objects.get_or_create(username="bench-importer", defaults={"is_staff": True})
    organisation = Organisation.objects.order_by("pk").first()
    Output.objects.filter(doi__startswith="10.99999/bench.").delete()
    before = Output.objects.count()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    batch = services.import_batch_preview(
        actor=user, data=data, filename="bench.bib", format="", organisation=organisation
    )
    preview_s = time.perf_counter() - started
    peaks = {}
    if trace:
        peaks["preview"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.reset_peak()
    started = time.perf_counter()
    batch = services.import_batch_confirm(batch=batch, actor=user)
    confirm_s = time.perf_counter() - started
    if trace:
        peaks["confirm"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    # Leave the data set as generated, so that a later --reuse-db run searches the same rows.
    Output.objects.filter(doi__startswith="10.99999/bench.").delete()
    return {
        "tracemalloc": trace,
        "file_bytes": len(data),
        "entries_in_file": entries,
        "counts": batch.payload["counts"],
        "created": batch.created_count,
        "outputs_before": before,
        "preview_s": round(preview_s, 2),
        "confirm_s": round(confirm_s, 2),
        "total_s": round(preview_s + confirm_s, 2),
        "tracemalloc_peak_mb": peaks,
        "max_rss_mb_before": round(rss_before / 1024, 1),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


# Load on the search page -------------------------------------------------------------------


def run_load(args, env, stamp) -> dict:
    """Both modes: "uncached" (a session cookie: every request searches and renders) and
    "cached" (anonymous, as the public is served: each worker's memory cache answers after
    its first request for a URL)."""
    server = argparse.Namespace(workers=args.workers, port=args.port, gunicorn_args=[])
    paths = [f"/research/?{urlencode({'q': q})}" if q else "/research/" for q in PAGE_QUERIES]
    paths += [f"/api/v1/outputs/?{urlencode({'q': q})}" for q in API_QUERIES]
    results = {}
    process = dash.start_gunicorn(server, env, stamp)
    try:
        for mode, cookie in (("uncached", dash.UNCACHED_COOKIE), ("cached", "")):
            out = RESULTS / f"research-load-{args.label}-{mode}-{stamp}.json"
            command = [
                PYTHON,
                str(dash.BENCH / "load.py"),
                "--base-url",
                f"http://127.0.0.1:{args.port}",
                "--clients",
                str(args.clients),
                "--requests",
                str(args.requests),
                "--max-seconds",
                str(args.max_seconds),
                "--warmup",
                "5",
                "--out",
                str(out),
                *(["--cookie", cookie] if cookie else []),
                *paths,
            ]
            log(f"load, {mode}: {args.clients} clients x {args.requests} requests, {len(paths)} URLs")
            subprocess.run(command, cwd=ROOT, check=False)
            if out.exists():
                results[mode] = {r["path"]: r for r in json.loads(out.read_text())["results"]}
    finally:
        dash.stop_gunicorn(process)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", choices=["search", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=5, help="runs of each query in the function benchmark")
    parser.add_argument("--entries", type=int, default=10_000, help="entries of the BibTeX file")
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-trace", action="store_true", help="skip the (slow) tracemalloc run of the import")
    parser.add_argument("--no-import", action="store_true", help="skip the import (it adds 9,509 outputs)")
    parser.add_argument("--database", default="sti_research_bench")
    parser.add_argument("--sqlite", help="benchmark a SQLite file at this path instead of PostgreSQL")
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--generate-args", default="", help='e.g. "--outputs 10000 --researchers 2000"')
    parser.add_argument("--add-tasks", action="store_true", help=f"with --reuse-db: migrate, replace the {TASKS} tasks")
    parser.add_argument("--port", type=int, default=8002)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=25)
    parser.add_argument("--max-seconds", type=float, default=45)
    args = parser.parse_args()
    if args.worker == "search":
        print(json.dumps(worker_search(args.rounds)))
        return 0
    if args.worker == "import":
        print(json.dumps(worker_import(args.entries, args.trace)))
        return 0
    if args.database in ("postgres", "sti", "template0", "template1"):
        parser.error("refusing to drop that database")
    args.generate_args = args.generate_args.split()
    if "--tasks" not in args.generate_args:
        args.generate_args += ["--tasks", str(TASKS)]
    args.label = "sqlite" if args.sqlite else "postgresql"

    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    env = django_env(args)
    record = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": dash.machine(), "backend": args.label}
    if not args.sqlite:
        record["postgres"] = dash.pg("SHOW server_version", fetch=True)[0][0]
    record["setup"] = {} if args.reuse_db else prepare(args, env)
    if args.reuse_db and args.add_tasks:
        dash.manage(env, "migrate", "-v0")
        log(f"generate_research_scale --only-tasks --tasks {TASKS}")
        started = time.perf_counter()
        output = dash.manage(env, "generate_research_scale", "--only-tasks", "--tasks", str(TASKS), capture=True)
        record["setup"] = {"tasks_s": round(time.perf_counter() - started, 1), "tasks_output": output.split()}
        print(output, end="")
    dash.manage(env, "collectstatic", "--noinput", "-v0")

    log(f"search function: {sum(map(len, QUERIES.values()))} queries x {args.rounds}")
    record["search_function"] = in_django(env, "search", "--rounds", str(args.rounds))
    for query, row in record["search_function"]["per_query"].items():
        print(
            f"  {row['group']:<9} {query[:34] or '(no query)':<34} {row['matches']:>7} matches"
            f" {row['task_matches']:>5} tasks  {row['queries']} queries  {row['median_ms']:>7} ms median"
        )
    print(f"  all: {record['search_function']['all_ms']}")

    record["load"] = run_load(args, env, stamp)

    if not args.no_import:
        log(f"import of a {args.entries}-entry BibTeX file")
        record["import"] = in_django(env, "import", "--entries", str(args.entries))
        print(json.dumps(record["import"], indent=2, ensure_ascii=False))
    if not args.no_trace and not args.no_import:
        log("the same import again under tracemalloc (memory peaks; slower)")
        record["import_traced"] = in_django(env, "import", "--entries", str(args.entries), "--trace")
        print(json.dumps(record["import_traced"], indent=2, ensure_ascii=False))

    worst = {
        mode: max((r["latency_ms"]["p95"] for r in rows.values()), default=None)
        for mode, rows in record["load"].items()
    }
    record["verdict"] = {
        "search_page_p95_ms_worst": worst,
        "search_function_p95_under_100ms": record["search_function"]["all_ms"]["p95"] < P95_LIMIT_MS,
        "cached_search_page_p95_under_100ms": (worst.get("cached") or 1e9) < P95_LIMIT_MS,
        "uncached_search_page_p95_under_100ms": (worst.get("uncached") or 1e9) < P95_LIMIT_MS,
    }
    if "import" in record:
        record["verdict"]["import_under_30s"] = record["import"]["total_s"] < IMPORT_LIMIT_S
    target = RESULTS / f"research-bench-{args.label}-{stamp}.json"
    target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n{record['verdict']}\nwritten: {target}")
    return 0 if all(v for k, v in record["verdict"].items() if k != "search_page_p95_ms_worst") else 1


if __name__ == "__main__":
    sys.exit(main())
