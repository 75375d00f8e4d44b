#!/usr/bin/env python3
"""Benchmark of the JSON API list endpoints (issue 6): p95 of each list at 20 concurrent
clients on city-scale data, target under 100 ms. See docs/benchmarks.md, "JSON API".

1. (re)create the PostgreSQL database ``sti_bench_api``, migrate, ``generate_city_scale``,
   ``load_programme`` and ``generate_research_scale`` (sizes below, all adjustable);
   and the demo S&T tasks;
2. gunicorn (2 workers, 127.0.0.1:8012, production settings, Redis as CACHE_URL as in
   production (flushed before each mode), rate limits raised so the load is measured rather
   than refused) and bench/load.py against every list endpoint, four times:
   - anonymous: the public reader; the whole response from the cache after the first
     request of a data version (core.cache);
   - token: an API client sending `Authorization: Token ...`; DRF authenticates it and
     counts its rate limit on every request, then serves the cached data of the list;
   - token, changing: the same while another process commits a change of public data every
     2 seconds (each one makes every cached answer obsolete: the first reader of each list
     after it renders the list again);
   - cold: a server started with PUBLIC_PAGE_CACHE_SECONDS=0, so nothing is kept and every
     request runs the view, its queries and the serializers: what the first reader after a
     change waits, at its worst (20 such readers at once).

    .venv/bin/python bench/run_api_bench.py              # full run
    .venv/bin/python bench/run_api_bench.py --reuse-db   # same data, measure again
"""

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_dashboard_bench as dash  # noqa: E402  (gunicorn start/stop, load runner, machine facts)

P95_LIMIT_MS = 100
LISTS = [
    "/api/v1/programmes/",
    "/api/v1/objectives/",
    "/api/v1/solution-groups/",
    "/api/v1/milestones/",
    "/api/v1/agencies/",
    "/api/v1/indicators/?programme={slug}",
    "/api/v1/key-tasks/?programme={slug}",
    "/api/v1/measurements/?programme={slug}",
    "/api/v1/reporting-rounds/",
    "/api/v1/organisations/",
    "/api/v1/researchers/",
    "/api/v1/outputs/",
    "/api/v1/outputs/?year=2022",
    "/api/v1/research-tasks/",
    "/api/v1/calls/",
]


BENCH_TOKEN = (
    "from accounts.models import User\n"
    "from rest_framework.authtoken.models import Token\n"
    "user, _ = User.objects.get_or_create(username='bench-api-client')\n"
    "print(Token.objects.get_or_create(user=user)[0].key)\n"
)
# A committed change of public data every 2 s (an organisation saved: its signal moves the data
# version, as any change does), until the bench stops the process.
CHANGES = (
    "import time\n"
    "from research.models import Organisation\n"
    "organisation = Organisation.objects.order_by('pk').first()\n"
    "while True:\n"
    "    organisation.save()\n"
    "    time.sleep(2)\n"
)
SEED_TASKS = (
    "from research_tasks.models import ResearchTask\n"
    "from research_tasks.demo import load_research_tasks_demo\n"
    "ResearchTask.objects.exists() or load_research_tasks_demo(seed=1)\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sti_bench_api")
    parser.add_argument("--reuse-db", action="store_true")
    parser.add_argument("--port", type=int, default=8012)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=20, help="requests per client and URL")
    parser.add_argument("--max-seconds", type=float, default=30)
    parser.add_argument("--generate-args", default="--programmes 10 --indicators 200")
    parser.add_argument("--research-args", default="--researchers 5000 --outputs 30000 --patents 300")
    parser.add_argument(
        "--changing-requests",
        type=int,
        default=400,
        help="requests per client and URL while data changes (~10 s a URL)",
    )
    parser.add_argument("--modes", default="anonymous,token,changing,cold", help="which modes to run")
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/12", help="CACHE_URL; flushed before each mode")
    args = parser.parse_args()
    args.generate_args, args.research_args = args.generate_args.split(), args.research_args.split()
    args.gunicorn_args = []
    if args.database in ("postgres", "sti", "template0", "template1"):
        parser.error("refusing to drop that database")

    dash.RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    env = dash.django_env(args)
    env.update(API_THROTTLE_ANON="1000000/minute", API_THROTTLE_USER="1000000/minute")
    record = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": dash.machine()}
    if not args.reuse_db:
        record["setup"] = dash.prepare_database(args, env)
        dash.log("generate_research_scale " + " ".join(args.research_args))
        print(dash.manage(env, "generate_research_scale", *args.research_args, capture=True), end="")
    else:
        dash.manage(env, "migrate", "-v0")  # a reused database may predate the latest migrations
    dash.log("demo S&T tasks (calls, councils, contracts, acceptance) unless present")
    seeded = subprocess.run([dash.PYTHON, "manage.py", "shell", "-c", SEED_TASKS], cwd=dash.ROOT, env=env, check=False)
    record["demo_tasks_loaded"] = seeded.returncode == 0
    dash.manage(env, "collectstatic", "--noinput", "-v0")
    slug, _code, sizes = dash.biggest_programme(args.database)
    record["biggest_programme"] = {"slug": slug, **sizes}
    paths = [template.format(slug=slug) for template in LISTS]

    token = dash.manage(env, "shell", "-c", BENCH_TOKEN, capture=True).strip().splitlines()[-1]
    bearer = [f"Authorization: Token {token}"]
    modes = {  # settings of the server, headers of the clients, changes during the load
        "anonymous": ({}, [], False),
        "token": ({}, bearer, False),
        "changing": ({}, bearer, True),
        "cold": ({"PUBLIC_PAGE_CACHE_SECONDS": "0"}, [], False),
    }
    loads = {}
    for mode, (settings, headers, changing) in modes.items():
        if mode not in args.modes.split(","):
            continue
        # While data changes, each URL is read long enough to see several changes.
        load_args = argparse.Namespace(**{**vars(args), "requests": args.changing_requests}) if changing else args
        dash.flush_cache(args.cache_url)
        gunicorn = dash.start_gunicorn(args, {**env, **settings}, f"{stamp}-{mode}")
        writer = (
            subprocess.Popen([dash.PYTHON, "manage.py", "shell", "-c", CHANGES], cwd=dash.ROOT, env=env)
            if changing
            else None
        )
        try:
            out = dash.RESULTS / f"api-load-{mode}-{stamp}.json"
            loads[mode] = dash.run_load(load_args, paths, mode, "", out, headers)
        finally:
            if writer is not None:
                writer.terminate()
                writer.wait()
            dash.stop_gunicorn(gunicorn)
    rows = []
    for mode, load in loads.items():
        for path in paths:
            figures = load.get(path, {})
            latency = figures.get("latency_ms", {})
            p95 = latency.get("p95")
            rows.append({"mode": mode, "path": path, "p50_ms": latency.get("p50"), "p95_ms": p95,
                         "non_2xx": figures.get("non_2xx"), "rps": figures.get("throughput_rps"),
                         "ok": p95 is not None and p95 < P95_LIMIT_MS and not figures.get("non_2xx")})  # fmt: skip
    record["rows"] = rows
    (dash.RESULTS / f"api-bench-{stamp}.json").write_text(json.dumps(record, indent=2, ensure_ascii=False))
    print(f"\n{'mode':9} {'path':45} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}  verdict")
    for row in rows:
        verdict = "ok" if row["ok"] else f"over {P95_LIMIT_MS} ms or errors {row['non_2xx'] or ''}"
        print(
            f"{row['mode']:9} {row['path']:45} {row['p50_ms']!s:>8} {row['p95_ms']!s:>8} {row['rps']!s:>7}  {verdict}"
        )
    return 0 if all(row["ok"] for row in rows if row["mode"] != "cold") else 1


if __name__ == "__main__":
    sys.exit(main())
