#!/usr/bin/env python3
"""Quality of the technology matching (issue 7): recall@10, MRR and nDCG@10 on a judged set.

The set (bench/exchange_eval/, see its README): 305 offers and 92 requests written as a broker
would meet them, each request with the 1-5 offers a broker would propose (graded 2 / 1).

1. creates a fresh database: a SQLite file bench/results/exchange_eval.sqlite3 (default) or,
   with --postgres, the PostgreSQL database sti_bench_exeval (dropped and recreated);
2. `manage.py migrate` and `manage.py import_listings bench/exchange_eval/listings.json` (timed);
3. for every request, GET /api/v1/exchange/requests/<id>/matches/?limit=10 through Django's
   test client, anonymous, as the public reads it (and once more with limit=50, only to say at
   which rank a missed offer was, if anywhere);
4. prints recall@10, MRR (reciprocal rank of the first relevant offer in the ten, 0 if none)
   and nDCG@10 (gains 2^grade - 1), overall and by difficulty (no diacritics, synonyms,
   distractors, ...), how often a judged distractor is ranked above every relevant offer, and
   the worst requests with what came back; writes bench/results/exchange_eval.json.

Targets: recall@10 >= 0.9 and MRR >= 0.7; the exit status is 1 when one is missed.

    .venv/bin/python bench/run_exchange_eval_bench.py             # SQLite, about a minute
    .venv/bin/python bench/run_exchange_eval_bench.py --postgres  # PostgreSQL sti_bench_exeval
    .venv/bin/python bench/run_exchange_eval_bench.py --worst 20  # show more failing requests
"""

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "bench" / "exchange_eval"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
K = 10
DIAGNOSIS_LIMIT = 50
TARGETS = {"recall@10": 0.9, "mrr": 0.7}
PG_DATABASE = "sti_bench_exeval"
TAGS = ["no_diacritics", "synonyms", "distractors", "mixed_case", "cross_field", "plain"]


def log(message: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def load_set(set_dir: Path) -> dict:
    read = lambda name: json.loads((set_dir / name).read_text(encoding="utf-8"))  # noqa: E731
    listings = read("listings.json")
    return {
        "listings": {row["id"]: row for row in listings},
        "graded": read("judgements_graded.json"),
        "meta": read("requests_meta.json"),
    }


def prepare_database(args) -> tuple[dict, dict]:
    """A fresh database with the set imported through the management command; the environment and timings."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test")
    if args.postgres:
        import psycopg

        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"
        with psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{PG_DATABASE}"')
        log(f"PostgreSQL database {PG_DATABASE} recreated")
    else:
        path = RESULTS / "exchange_eval.sqlite3"
        path.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
        log(f"SQLite database {path.relative_to(ROOT)}")
    timings = {}
    for name, command in [
        ("migrate_s", ["migrate", "-v0"]),
        ("import_listings_s", ["import_listings", str(args.set_dir / "listings.json")]),
    ]:
        started = time.perf_counter()
        result = subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, text=True, capture_output=True)
        timings[name] = round(time.perf_counter() - started, 2)
        if result.returncode:
            sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stdout}{result.stderr[-3000:]}")
        if result.stdout.strip():
            log(f"{command[0]}: {result.stdout.strip()}")
    return env, timings


def query_matches(env: dict, request_ids: list[str]) -> dict:
    """Every request's matches through the API (test client, anonymous), in this process."""
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    client = Client()
    found = {}
    for rid in request_ids:
        runs = {}
        for limit in (K, DIAGNOSIS_LIMIT):
            started = time.perf_counter()
            response = client.get(f"/api/v1/exchange/requests/{rid}/matches/", {"limit": limit})
            elapsed_ms = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                sys.exit(f"{rid}: HTTP {response.status_code}: {response.content[:300]!r}")
            results = response.json()["results"]
            runs[limit] = {
                "ms": round(elapsed_ms, 1),
                "results": [
                    {
                        "id": r["external_id"],
                        "score": r["score"],
                        "text_similarity": r.get("text_similarity"),
                        "explanation": r.get("explanation", ""),
                    }
                    for r in results
                ],
            }
        found[rid] = runs
    return found


def dcg(gains: list[float]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def score_request(ranked: list[str], wide: list[str], grades: dict, distractors: list[str]) -> dict:
    top = ranked[:K]
    ranks = {oid: top.index(oid) + 1 for oid in grades if oid in top}
    first = min(ranks.values()) if ranks else None
    ideal = dcg(sorted((2**g - 1 for g in grades.values()), reverse=True)[:K])
    gained = dcg([2 ** grades[oid] - 1 if oid in grades else 0 for oid in top])
    distractor_ranks = {d: top.index(d) + 1 for d in distractors if d in top}
    return {
        "recall": len(ranks) / len(grades),
        "rr": 1 / first if first else 0.0,
        "ndcg": gained / ideal if ideal else 0.0,
        "hit1": 1.0 if first == 1 else 0.0,
        "ranks": {oid: ranks.get(oid) for oid in grades},
        "wide_ranks": {oid: (wide.index(oid) + 1 if oid in wide else None) for oid in grades if oid not in ranks},
        "distractors_in_top": distractor_ranks,
        "distractor_above_relevant": bool(distractor_ranks) and min(distractor_ranks.values()) < (first or K + 1),
    }


def summarise(rows: list[dict]) -> dict:
    if not rows:
        return {}
    mean = lambda key: round(statistics.mean(r[key] for r in rows), 3)  # noqa: E731
    return {
        "requests": len(rows),
        "recall@10": mean("recall"),
        "mrr": mean("rr"),
        "ndcg@10": mean("ndcg"),
        "p@1": mean("hit1"),
        "all_found": sum(1 for r in rows if r["recall"] == 1.0),
        "none_found": sum(1 for r in rows if r["recall"] == 0.0),
        "distractor_above_relevant": sum(1 for r in rows if r["distractor_above_relevant"]),
        "distractor_in_top3": sum(1 for r in rows if any(rank <= 3 for rank in r["distractors_in_top"].values())),
    }


def short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_report(data: dict, per_request: dict, overall: dict, by_tag: dict, worst: int) -> None:
    listings = data["listings"]
    print("\nTechnology matching quality (limit=10)")
    print(
        f"{'':24} {'n':>3} {'recall@10':>9} {'MRR':>6} {'nDCG@10':>7} {'P@1':>5} {'all':>4} {'none':>4} {'D>R':>4} {'D@3':>4}"
    )
    for name, s in [("all requests", overall), *by_tag.items()]:
        name = {"dev": "dev (written first)", "holdout": "held out"}.get(name, name)
        if not s:
            continue
        print(
            f"{name:24} {s['requests']:>3} {s['recall@10']:>9.3f} {s['mrr']:>6.3f} {s['ndcg@10']:>7.3f} "
            f"{s['p@1']:>5.2f} {s['all_found']:>4} {s['none_found']:>4} {s['distractor_above_relevant']:>4} "
            f"{s['distractor_in_top3']:>4}"
        )
    print(
        "  all / none: requests with every / no relevant offer in the ten; D>R: with a judged distractor above"
        " them all; D@3: with a judged distractor in the first three"
    )
    verdict = ", ".join(
        f"{name} {overall[name]:.3f} {'≥' if overall[name] >= target else '<'} {target}"
        for name, target in TARGETS.items()
    )
    print(f"targets: {verdict}")

    order = sorted(per_request, key=lambda rid: (per_request[rid]["recall"], per_request[rid]["rr"], rid))
    print(f"\nWorst {worst} requests (R relevant with its grade, D judged distractor):")
    for rid in order[:worst]:
        r = per_request[rid]
        req = listings[rid]
        print(f"\n{rid} [{', '.join(data['meta'][rid]['difficulty']) or 'plain'}] {short(req['title'], 90)}")
        print(f"  recall {r['recall']:.2f}  RR {r['rr']:.2f}  nDCG {r['ndcg']:.2f}")
        for oid, rank in r["ranks"].items():
            where = (
                f"rank {rank}"
                if rank
                else (f"rank {r['wide_ranks'][oid]} of 50" if r["wide_ranks"][oid] else "not in 50")
            )
            print(f"  wanted {oid} ({where}): {short(listings[oid]['title'])}")
        for i, hit in enumerate(r["returned"][:5], 1):
            mark = "R" if hit["id"] in r["ranks"] else ("D" if hit["id"] in data["meta"][rid]["distractors"] else " ")
            title = listings.get(hit["id"], {}).get("title", "?")
            print(f"   {i}. {mark} {hit['score']:.3f} {hit['id']}: {short(title)}")


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        "",
    )
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "python": platform.python_version()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true", help=f"PostgreSQL database {PG_DATABASE} instead of SQLite")
    parser.add_argument("--worst", type=int, default=10, help="how many of the worst requests to show")
    parser.add_argument("--out", default=str(RESULTS / "exchange_eval.json"))
    parser.add_argument(
        "--set-dir", type=Path, default=SET, help="where the set's JSON files are (build_set --out-dir)"
    )
    parser.add_argument("--holdout", type=Path, help="held-out requests module kept outside the repository")
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)

    build = [PYTHON, str(SET / "build_set.py"), "--check", "--out-dir", str(args.set_dir)]
    check = subprocess.run(
        build + (["--holdout", str(args.holdout)] if args.holdout else []), capture_output=True, text=True
    )
    if check.returncode:
        sys.exit(f"the evaluation set is not consistent with its source:\n{check.stdout}{check.stderr}")
    data = load_set(args.set_dir)
    load_before = os.getloadavg()
    started_at = datetime.now(UTC)
    env, timings = prepare_database(args)
    request_ids = list(data["graded"])
    log(f"querying the matches of {len(request_ids)} requests")
    found = query_matches(env, request_ids)

    per_request = {}
    for rid in request_ids:
        ranked = [hit["id"] for hit in found[rid][K]["results"]]
        wide = [hit["id"] for hit in found[rid][DIAGNOSIS_LIMIT]["results"]]
        per_request[rid] = score_request(ranked, wide, data["graded"][rid], data["meta"][rid]["distractors"])
        per_request[rid]["returned"] = found[rid][K]["results"]
        # The ten of limit=10 should be the first ten of limit=50 (same method, same data).
        per_request[rid]["same_as_limit_50"] = ranked == wide[:K]
    overall = summarise(list(per_request.values()))
    by_tag = {}
    for tag in TAGS:
        ids = [
            rid
            for rid in request_ids
            if tag in data["meta"][rid]["difficulty"] or (tag == "plain" and not data["meta"][rid]["difficulty"])
        ]
        by_tag[tag] = summarise([per_request[rid] for rid in ids])
    by_split = {}
    for split in ("dev", "holdout"):
        ids = [rid for rid in request_ids if data["meta"][rid].get("split", "dev") == split]
        by_split[split] = summarise([per_request[rid] for rid in ids])
    latencies = sorted(found[rid][K]["ms"] for rid in request_ids)
    timings["matches_ms_median"] = round(statistics.median(latencies), 1)
    timings["matches_ms_max"] = latencies[-1]

    print_report(data, per_request, overall, by_split | by_tag, args.worst)
    differing = [rid for rid in request_ids if not per_request[rid]["same_as_limit_50"]]
    if differing:
        print(
            f"\nnote: for {len(differing)} requests the ten of limit=10 differ from the first ten of limit=50: {differing}"
        )
    misses = [name for name, target in TARGETS.items() if overall[name] < target]
    record = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "database": "postgresql" if args.postgres else "sqlite",
        "machine": machine(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "git_commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        # The working tree is what runs: list the exchange files that differ from the commit.
        "exchange_uncommitted": subprocess.run(
            ["git", "status", "--short", "exchange"], cwd=ROOT, capture_output=True, text=True
        ).stdout.splitlines(),
        "set": {
            "offers": sum(1 for row in data["listings"].values() if row["kind"] == "offer"),
            "requests": len(request_ids),
            "judgements": sum(len(g) for g in data["graded"].values()),
        },
        "timings": timings,
        "targets": TARGETS,
        "overall": overall,
        "by_split": by_split,
        "by_difficulty": by_tag,
        "missed_targets": misses,
        "limit_10_differs_from_limit_50": differing,
        "requests": per_request,
    }
    Path(args.out).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        f"\nimport {timings['import_listings_s']} s; matches median {timings['matches_ms_median']} ms "
        f"(test client, in process); load average {record['load_average_before'][0]} → {record['load_average_after'][0]}"
    )
    print(f"results: {Path(args.out).relative_to(ROOT) if Path(args.out).is_relative_to(ROOT) else args.out}")
    if misses:
        print(f"below target: {', '.join(misses)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
