#!/usr/bin/env python3
"""Benchmark of the Excel import (issue 6): template, preview and confirm for a large agency.

1. (re)create the PostgreSQL database ``sti_bench_workbooks`` and migrate;
2. build a synthetic programme (2021-2025) in which one agency answers for --indicators
   indicators (each with 4 years of official figures) and leads --tasks key tasks (each with
   2 dated updates); every figure is illustrative;
3. time, median of --runs: the agency's template (``workbooks.template.agency_template``),
   the preview of the template filled in on every row (``import_batch_preview``: reading the
   file, matching rows, the rolled-back dry run through ``measurement_record`` and
   ``key_task_update_record``) and the confirm of that preview (``import_batch_confirm``,
   inside a transaction rolled back after each run so every run writes the same rows);
   the SQL queries of each step are counted;
4. print a table and write bench/results/workbooks-bench-<time>.json.

    .venv/bin/python bench/run_workbooks_bench.py                  # about 2 minutes
    .venv/bin/python bench/run_workbooks_bench.py --indicators 100 --tasks 50 --runs 3
"""

import argparse
import datetime
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable


def log(message: str) -> None:
    print(f"[workbooks-bench] {message}", flush=True)


def pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(sql)


def prepare_database(database: str, env: dict) -> float:
    log(f"recreating database {database}")
    pg(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    pg(f'CREATE DATABASE "{database}"')
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    return round(time.perf_counter() - started, 1)


def build_data(n_indicators: int, n_tasks: int):
    """One programme, one agency that answers for every indicator and leads every task."""
    from accounts.models import User
    from agencies.models import Agency
    from indicators.models import Indicator, Measurement
    from programmes.models import KeyTask, KeyTaskLead, KeyTaskUpdate, Programme

    programme = Programme.objects.create(
        code="BENCH-XLSX", slug="bench-xlsx", title="Chương trình thử tải nhập Excel", start_year=2021, end_year=2025
    )
    agency = Agency.objects.create(name="Sở Khoa học và Công nghệ (thử tải)", slug="so-khcn-bench")
    reporter = User.objects.create_user(username="bench-reporter", password="bench-pass-12345", agency=agency)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            programme=programme,
            code=f"CT{n}",
            order=n,
            name=f"Chỉ tiêu thử tải số {n} về đổi mới sáng tạo",
            unit="%",
            target_kind="floor",
            target_value=50,
            target_year=2025,
            responsible_agency=agency,
            data_source="Cục Thống kê thành phố Hà Nội",
            min_value=0,
            max_value=100,
        )
        for n in range(1, n_indicators + 1)
    )
    Measurement.objects.bulk_create(
        Measurement(indicator=i, year=year, kind="official", value=10 + year - 2021, source="x", is_illustrative=True)
        for i in indicators
        for year in range(2021, 2025)
    )
    tasks = KeyTask.objects.bulk_create(
        KeyTask(
            programme=programme,
            number=n,
            title=f"Nhiệm vụ thử tải số {n}: xây dựng và triển khai đề án",
            start_year=2021,
            end_year=2025,
            deadline=datetime.date(2025, 12, 31),
            status="in_progress",
            progress=40,
        )
        for n in range(1, n_tasks + 1)
    )
    KeyTaskLead.objects.bulk_create(KeyTaskLead(task=t, agency=agency) for t in tasks)
    KeyTaskUpdate.objects.bulk_create(
        KeyTaskUpdate(task=t, reported_on=datetime.date(year, 6, 30), status="in_progress", progress=20 * k, text="x")
        for t in tasks
        for k, year in enumerate((2023, 2024), start=1)
    )
    return programme, agency, reporter


def fill_every_row(content: bytes) -> bytes:
    """Every indicator gets a 2025 official figure "55,5"; every task moves to 60 % with a text."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    for sheet_name, values in (
        ("Chỉ tiêu", {"Giá trị": "55,5", "Kỳ": "2025", "Loại số liệu": "Chính thức"}),
        ("Nhiệm vụ", {"Tiến độ (%)": 60, "Nội dung cập nhật": "Đã hoàn thành giai đoạn 2 của đề án."}),
    ):
        sheet = book[sheet_name]
        headers = {cell.value: cell.column for cell in sheet[1]}
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row=row, column=2).value is None:
                break
            for header, value in values.items():
                sheet.cell(row=row, column=headers[header]).value = value
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def timed(runs: int, step) -> dict:
    """Median, min and max seconds of `runs` calls of step(), with the SQL queries of the last."""
    from django.db import connection

    seconds = []
    for _ in range(runs):
        queries = [0]

        def count(execute, sql, params, many, context, queries=queries):
            queries[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            started = time.perf_counter()
            step()
            seconds.append(time.perf_counter() - started)
    return {
        "median_s": round(statistics.median(seconds), 3),
        "min_s": round(min(seconds), 3),
        "max_s": round(max(seconds), 3),
        "queries": queries[0],
    }


def measure(args) -> dict:
    import django

    django.setup()
    from django.db import transaction

    from workbooks import services
    from workbooks.template import agency_template

    programme, agency, reporter = build_data(args.indicators, args.tasks)
    template = agency_template(programme=programme, agency=agency)
    filled = fill_every_row(template)
    results = {"template_bytes": len(template), "filled_bytes": len(filled)}

    log("template")
    results["template"] = timed(args.runs, lambda: agency_template(programme=programme, agency=agency))

    def preview():
        return services.import_batch_preview(
            programme=programme, agency=agency, actor=reporter, data=filled, filename="bench.xlsx"
        )

    log("preview")
    results["preview"] = timed(args.runs, preview)
    batch = preview()
    assert not batch.errors, batch.errors[:3]
    results["changes"] = len(batch.changes)

    def confirm():
        with transaction.atomic():
            services.import_batch_confirm(batch=batch, actor=reporter)
            transaction.set_rollback(True)

    log("confirm")
    results["confirm"] = timed(args.runs, confirm)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="sti_bench_workbooks")
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--tasks", type=int, default=150)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DJANGO_DEBUG": "0",
    }
    migrate_s = prepare_database(args.database, env)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    results = measure(args)
    results.update(
        {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
            "load_average": os.getloadavg(),
            "indicators": args.indicators,
            "tasks": args.tasks,
            "runs": args.runs,
            "migrate_s": migrate_s,
        }
    )
    print(f"\n{'step':<10} {'median s':>9} {'min s':>7} {'max s':>7} {'queries':>8}")
    for step in ("template", "preview", "confirm"):
        row = results[step]
        print(f"{step:<10} {row['median_s']:>9} {row['min_s']:>7} {row['max_s']:>7} {row['queries']:>8}")
    print(f"{results['changes']} changes; template {results['template_bytes']} bytes; load {results['load_average']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"workbooks-bench-{datetime.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    log(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
