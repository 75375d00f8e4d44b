#!/usr/bin/env python3
"""A small closed-loop load generator for a server on this machine (127.0.0.1 only).

For each path in turn, N client threads each send a fixed number of GET requests one after
the other (no think time) and record every latency; a phase also stops at a time limit,
so a run is bounded in both count and time. It prints p50/p95/p99 latency, throughput
and non-2xx counts per path and writes the figures as JSON to bench/results/.

    python bench/load.py --base-url http://127.0.0.1:8001 --clients 20 --requests 50 \\
        /p/07-ctr-tu/ /p/07-ctr-tu/indicators/CT1/ "/api/v1/indicators/?programme=07-ctr-tu"

Standard library only (http.client), so the client costs little CPU next to the server.
"""

import argparse
import http.client
import json
import math
import os
import platform
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
RESULTS = Path(__file__).resolve().parent / "results"


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of an already sorted list."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


class Client:
    """One connection's worth of requests; reconnects when the server closes it."""

    def __init__(self, host: str, port: int, timeout: float, headers: dict[str, str]):
        self.host, self.port, self.timeout, self.headers = host, port, timeout, headers
        self.conn: http.client.HTTPConnection | None = None

    def get(self, path: str) -> tuple[int, int]:
        """Status and body size; raises OSError / HTTPException on failure."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request("GET", path, headers=self.headers)
            response = self.conn.getresponse()
            body = response.read()
            if response.will_close:
                self.close()
            return response.status, len(body)
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def run_phase(args, host: str, port: int, path: str) -> dict:
    """N clients x R requests against one path, bounded by args.max_seconds."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: dict[str, int] = {}
    sizes: list[int] = []
    lock = threading.Lock()
    start_gate = threading.Barrier(args.clients + 1)
    deadline_box: list[float] = []

    def client_loop():
        client = Client(host, port, args.timeout, headers(args))
        mine, my_status, my_errors, my_sizes = [], {}, {}, []
        start_gate.wait()
        deadline = deadline_box[0]
        for _ in range(args.requests):
            if time.perf_counter() >= deadline:
                break
            t0 = time.perf_counter()
            try:
                status, size = client.get(path)
            except (OSError, http.client.HTTPException) as exc:
                name = type(exc).__name__
                my_errors[name] = my_errors.get(name, 0) + 1
                continue
            mine.append(time.perf_counter() - t0)
            my_status[status] = my_status.get(status, 0) + 1
            my_sizes.append(size)
        client.close()
        with lock:
            latencies.extend(mine)
            sizes.extend(my_sizes)
            for key, n in my_status.items():
                statuses[key] = statuses.get(key, 0) + n
            for key, n in my_errors.items():
                errors[key] = errors.get(key, 0) + n

    threads = [threading.Thread(target=client_loop, daemon=True) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    deadline_box.append(time.perf_counter() + args.max_seconds)
    load_before = os.getloadavg()[0]
    cpu_before = time.process_time()
    started = time.perf_counter()
    start_gate.wait()
    for thread in threads:
        thread.join(args.max_seconds + args.timeout + 5)
    wall = time.perf_counter() - started
    client_cpu = time.process_time() - cpu_before

    ordered = sorted(latencies)
    ms = [v * 1000 for v in ordered]
    non_2xx = {str(code): n for code, n in sorted(statuses.items()) if not 200 <= code < 300}
    return {
        "path": path,
        "clients": args.clients,
        "requests_per_client": args.requests,
        "completed": len(ordered),
        "planned": args.clients * args.requests,
        "stopped_by_time_limit": len(ordered) + sum(errors.values()) < args.clients * args.requests,
        "wall_seconds": round(wall, 3),
        "throughput_rps": round(len(ordered) / wall, 1) if wall else None,
        "latency_ms": {
            "p50": round(percentile(ms, 50), 1),
            "p95": round(percentile(ms, 95), 1),
            "p99": round(percentile(ms, 99), 1),
            "mean": round(statistics.fmean(ms), 1) if ms else None,
            "min": round(ms[0], 1) if ms else None,
            "max": round(ms[-1], 1) if ms else None,
        },
        "status_counts": {str(code): n for code, n in sorted(statuses.items())},
        "non_2xx": non_2xx,
        "errors": errors,
        "mean_body_bytes": round(statistics.fmean(sizes)) if sizes else None,
        # how busy the machine was (1-minute load average) and what this client itself cost
        "loadavg_1m_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "client_cpu_share": round(client_cpu / wall, 3) if wall else None,
    }


def headers(args) -> dict[str, str]:
    sent = {"Accept-Language": args.language, "User-Agent": "sti-bench/1", "Accept": "*/*"}
    if args.cookie:
        sent["Cookie"] = args.cookie  # e.g. a session of a signed-in user, for pages behind a login
    for header in args.header:
        name, _, value = header.partition(":")
        sent[name.strip()] = value.strip()  # e.g. "Authorization: Token ..." for an API client
    return sent


def warm_up(args, host: str, port: int, paths: list[str]) -> dict[str, dict]:
    """A few sequential requests per path: last status and the median latency of one
    request on an otherwise idle server."""
    client = Client(host, port, args.timeout, headers(args))
    report = {}
    for path in paths:
        status, times = 0, []
        for _ in range(args.warmup):
            t0 = time.perf_counter()
            try:
                status = client.get(path)[0]
            except (OSError, http.client.HTTPException):
                status = 0
                continue
            times.append((time.perf_counter() - t0) * 1000)
        # the first request may fill caches: the median of the rest is the idle latency
        rest = times[1:] or times
        report[path] = {"status": status, "idle_ms": round(statistics.median(rest), 1) if rest else None}
    client.close()
    return report


def print_table(results: list[dict], out=sys.stdout) -> None:
    head = f"{'path':<52} {'ok/planned':>11} {'idle ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7}  non-2xx"
    print(head, file=out)
    print("-" * len(head), file=out)
    for r in results:
        lat = r["latency_ms"]
        bad = dict(r["non_2xx"], **{f"err:{k}": v for k, v in r["errors"].items()})
        print(
            f"{r['path'][:52]:<52} {str(r['completed']) + '/' + str(r['planned']):>11} "
            f"{r.get('idle_latency_ms') or '-':>8} {lat['p50']:>8} {lat['p95']:>8} {lat['p99']:>8} {r['throughput_rps']:>7}  {bad or '-'}",
            file=out,
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="paths to request, e.g. /p/07-ctr-tu/")
    parser.add_argument("--base-url", default="http://127.0.0.1:8001")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (threads)")
    parser.add_argument("--requests", type=int, default=50, help="requests per client and path")
    parser.add_argument("--max-seconds", type=float, default=60, help="time limit per path")
    parser.add_argument("--timeout", type=float, default=30, help="per-request timeout, seconds")
    parser.add_argument("--warmup", type=int, default=5, help="sequential requests per path before measuring")
    parser.add_argument("--language", default="vi")
    parser.add_argument(
        "--cookie", default="", help='Cookie header for every request, e.g. "sessionid=..." (not stored)'
    )
    parser.add_argument(
        "--header", action="append", default=[], help='extra request header, e.g. "Authorization: Token ..."'
    )
    parser.add_argument("--label", default="load", help="name of the JSON file written to bench/results/")
    parser.add_argument("--meta", default="{}", help="extra JSON object stored with the results")
    parser.add_argument("--out", help="JSON file to write (default bench/results/<label>-<UTC time>.json)")
    parser.add_argument("--no-write", action="store_true", help="do not write JSON")
    args = parser.parse_args(argv)

    url = urlsplit(args.base_url)
    if url.scheme != "http" or url.hostname not in LOCAL_HOSTS:
        parser.error("only http://127.0.0.1 (or localhost) may be loaded")
    if not (1 <= args.clients <= 200 and 1 <= args.requests <= 10_000 and 0 < args.max_seconds <= 900):
        parser.error("clients 1..200, requests 1..10000, max-seconds up to 900")
    host, port = url.hostname, url.port or 80
    prefix = url.path.rstrip("/")
    paths = [prefix + (p if p.startswith("/") else "/" + p) for p in args.paths]

    warm = warm_up(args, host, port, paths) if args.warmup else {}
    for path, seen in warm.items():
        if not 200 <= seen["status"] < 300:
            print(f"warning: warm-up of {path} answered {seen['status'] or 'no response'}", file=sys.stderr)
    results = [run_phase(args, host, port, path) for path in paths]
    for result in results:
        result["idle_latency_ms"] = warm.get(result["path"], {}).get("idle_ms")
    print_table(results)

    record = {
        "label": args.label,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_url": args.base_url,
        "client": {"clients": args.clients, "requests": args.requests, "max_seconds": args.max_seconds},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "warmup": warm,
        "meta": json.loads(args.meta),
        "results": results,
    }
    if not args.no_write:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(args.out) if args.out else RESULTS / f"{args.label}-{stamp}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwritten: {target}")
    failed = any(r["non_2xx"] or r["errors"] or not r["completed"] for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
