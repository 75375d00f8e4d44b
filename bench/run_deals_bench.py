#!/usr/bin/env python3
"""Benchmark of deals and Techmart bookings on PostgreSQL (in-process, no web server).

1. (re)create ``sti_bench_deals``, migrate, load the research and exchange demo (2,000 listings);
2. write 20,000 deals (bulk) spread over the stages and 2021-2026, then time the public
   figures (``deals.selectors.exchange_figures``) and the two indicator feeds for six years;
3. Techmart contention: one event of 3 days × 17 slots with 20 exhibitors; 8 threads of
   buyers (each thread 40 users) try to book random (exhibitor, slot) pairs, 200 attempts
   per thread, through ``meeting_book``. Reports bookings/s, latency p50/p95, how many were
   refused, and checks that no exhibitor slot and no buyer time is booked twice;
4. print and write bench/results/deals-<UTC time>.json.

    .venv/bin/python bench/run_deals_bench.py
"""

import json
import os
import random
import sys
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from load import percentile  # noqa: E402
from run_dashboard_bench import log, pg  # noqa: E402

DATABASE = "sti_bench_deals"
DEALS = 20_000
THREADS = 8
ATTEMPTS = 200


def main() -> None:
    pg(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{DATABASE}"')
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.management import call_command
    from django.db import connections
    from django.db.models import Count

    call_command("migrate", verbosity=0)
    from accounts.models import User
    from deals import feeds, selectors
    from deals.models import Deal
    from exchange.demo import load_exchange_demo
    from exchange.models import Listing
    from research.demo import load_research_demo
    from research.models import Organisation
    from techmart import services
    from techmart.models import Event, Exhibitor, Meeting

    log("loading research and exchange demo")
    load_research_demo(seed=1)
    load_exchange_demo(count=2000)
    rng = random.Random(7)
    buyers = [User(username=f"buyer{i}") for i in range(THREADS * 40)]
    User.objects.bulk_create(buyers)
    buyers = list(User.objects.filter(username__startswith="buyer").order_by("pk"))
    offers = list(Listing.objects.filter(kind="offer").values_list("pk", flat=True))
    stages = ["lead", "negotiation", "signed", "transferred", "cancelled"]
    log(f"writing {DEALS} deals")
    rows = []
    for i in range(DEALS):
        stage = rng.choice(stages)
        signed = stage in ("signed", "transferred")
        when = datetime(rng.randint(2021, 2026), rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC)
        rows.append(
            Deal(
                listing_id=offers[i % len(offers)],
                initiator=buyers[i // len(offers) % len(buyers)],
                stage=stage,
                value=rng.randint(300, 12_000) * 1_000_000 if signed else None,
                signed_at=when if signed else None,
            )
        )
    Deal.objects.bulk_create(rows, batch_size=2000)
    timings = {}
    for name, function in (
        ("figures", selectors.exchange_figures),
        ("feeds_6_years", lambda: [feeds._compute(k)(y) for k in feeds.FEEDS for y in range(2021, 2027)]),
    ):
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            function()
            runs.append((time.perf_counter() - started) * 1000)
        timings[name + "_ms_median"] = round(sorted(runs)[2], 1)

    event = Event.objects.create(
        name="Bench Techmart", starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 3), venue="-", organiser="-"
    )
    orgs = list(Organisation.objects.order_by("pk")[:20])
    exhibitors = [Exhibitor.objects.create(event=event, organisation=o, booth=f"B{i}") for i, o in enumerate(orgs)]
    slots = [s for d in event.days() for s in event.slots(d)]
    latencies, outcomes, lock = [], {"booked": 0, "refused": 0, "errors": 0}, threading.Lock()
    barrier = threading.Barrier(THREADS)

    def worker(index: int) -> None:
        mine = buyers[index * 40 : (index + 1) * 40]
        local = random.Random(index)
        barrier.wait()
        for _ in range(ATTEMPTS):
            started = time.perf_counter()
            try:
                services.meeting_book(
                    event=event,
                    exhibitor=local.choice(exhibitors),
                    buyer=local.choice(mine),
                    starts_at=local.choice(slots),
                )
                result = "booked"
            except ValidationError:
                result = "refused"
            except Exception:  # noqa: BLE001  (anything but a refusal is an error of the benchmark's subject)
                result = "errors"
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                outcomes[result] += 1
        connections.close_all()

    log(f"booking: {THREADS} threads × {ATTEMPTS} attempts")
    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    booked = Meeting.objects.filter(status="booked")
    doubles = booked.values("exhibitor", "starts_at").annotate(n=Count("pk")).filter(n__gt=1).count()
    doubles += booked.values("buyer", "starts_at").annotate(n=Count("pk")).filter(n__gt=1).count()
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average": os.getloadavg(),
        "deals": DEALS,
        **timings,
        "booking_attempts": THREADS * ATTEMPTS,
        "booked": outcomes["booked"],
        "refused": outcomes["refused"],
        "errors": outcomes["errors"],
        "bookings_per_second": round(THREADS * ATTEMPTS / elapsed, 1),
        "booking_p50_ms": round(percentile(latencies, 50), 1),
        "booking_p95_ms": round(percentile(latencies, 95), 1),
        "double_bookings": doubles,
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "bench" / "results" / f"deals-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    if doubles:
        sys.exit("double bookings found")


if __name__ == "__main__":
    main()
