#!/usr/bin/env python3
"""Benchmark of the review reports (issue 4): build_docx and build_pdf on a city-scale final review.

A synthetic final-review snapshot, deterministic for its sizes and seed: 30 agencies reporting over
5 years with long narratives, 60 indicators (12 with targets, 4 sub-indicators each), 150 key tasks
with one or two lead agencies, 300 sources (one per indicator and year). Every figure is illustrative.

Each format is measured in its own Python process, so its peak resident memory (ru_maxrss) is its
own: 1 warm-up build, then --runs timed builds (the median is reported), then one build under
tracemalloc for the peak of Python allocations. Targets: DOCX under 5 s, PDF under 15 s; the exit
status is 1 when one is missed. Results go to bench/results/report-bench-<time>.json.

    .venv/bin/python bench/run_report_bench.py                  # about 2 minutes
    .venv/bin/python bench/run_report_bench.py --save /tmp/rep  # also keep the DOCX and PDF to look at
"""

import argparse
import datetime
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET_SECONDS = {"docx": 5.0, "pdf": 15.0}
ISSUED_ON = datetime.date(2025, 4, 3)

AGENCIES = [
    "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Công Thương",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Văn hoá và Thể thao",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Quy hoạch - Kiến trúc",
    "Sở Tư pháp",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Du lịch",
    "Thành Đoàn Hà Nội",
    "Đảng ủy Khối Doanh nghiệp Hà Nội",
    "Đảng ủy Khối các trường đại học, cao đẳng thành phố Hà Nội",
    "Viện Nghiên cứu Phát triển kinh - tế xã hội Hà Nội",
    "Liên hiệp các Hội Khoa học và Kỹ thuật Hà Nội",
    "UBND quận Cầu Giấy",
    "UBND quận Hoàn Kiếm",
    "UBND quận Ba Đình",
    "UBND quận Đống Đa",
    "UBND huyện Phú Xuyên",
    "UBND huyện Mỹ Đức",
    "UBND huyện Ứng Hòa",
    "UBND huyện Thạch Thất",
]
GROUPS = [
    "Tập trung xây dựng và hoàn thiện thể chế",
    "Phát triển tiềm lực khoa học và công nghệ",
    "Đẩy mạnh chuyển giao và ứng dụng công nghệ nhằm nâng cao năng suất, chất lượng và sức cạnh tranh",
    "Tăng cường hoạt động nghiên cứu khoa học và phát triển công nghệ",
    "Phát triển thị trường khoa học và công nghệ; hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "Tăng cường liên kết, hợp tác và hội nhập",
]
SUBJECTS = [
    "chuyển đổi số trong doanh nghiệp",
    "nông nghiệp ứng dụng công nghệ cao",
    "hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "sở hữu trí tuệ cho sản phẩm OCOP",
    "chính quyền số và dịch vụ công trực tuyến",
    "đào tạo nhân lực công nghệ thông tin",
    "thị trường khoa học và công nghệ",
    "hợp tác quốc tế về khoa học, công nghệ",
    "thành phố thông minh",
    "đổi mới công nghệ trong công nghiệp hỗ trợ",
]
ACTIONS = [
    "đã ban hành kế hoạch triển khai và phân công nhiệm vụ cụ thể cho các đơn vị trực thuộc về {s}",
    "đã tổ chức {n} hội nghị, hội thảo chuyên đề về {s} với sự tham gia của các viện, trường và doanh nghiệp",
    "đã hỗ trợ {n} doanh nghiệp, hợp tác xã triển khai các dự án về {s}",
    "đã bố trí {n} tỷ đồng từ ngân sách và huy động nguồn lực xã hội cho {s}",
    "đã phối hợp với các bộ, ngành Trung ương hoàn thiện cơ chế, chính sách về {s}",
    "đã kiểm tra, đánh giá kết quả thực hiện và rút kinh nghiệm công tác chỉ đạo về {s}",
]
SHORTCOMINGS = [
    "Nguồn lực bố trí cho {s} chưa tương xứng với yêu cầu; tiến độ một số nhiệm vụ còn chậm.",
    "Sự phối hợp giữa các cơ quan, đơn vị trong triển khai {s} có lúc chưa chặt chẽ.",
    "Cơ sở dữ liệu phục vụ theo dõi, đánh giá {s} chưa đầy đủ, chưa được cập nhật thường xuyên.",
    "Nhân lực có trình độ chuyên sâu về {s} còn thiếu; chính sách thu hút chưa đủ sức hấp dẫn.",
]
PROPOSALS = [
    "Đề nghị Thành phố bổ sung kinh phí và ưu tiên bố trí vốn đầu tư công cho {s}.",
    "Đề nghị Trung ương sớm ban hành hướng dẫn cơ chế thử nghiệm có kiểm soát đối với {s}.",
    "Đề nghị Ban Chỉ đạo tăng cường kiểm tra, đôn đốc và biểu dương các mô hình tốt về {s}.",
]
STATUSES = [
    ("achieved", "Đã đạt mục tiêu"),
    ("substantial", "Tiến bộ đáng kể"),
    ("moderate", "Tiến bộ vừa phải"),
    ("limited", "Tiến bộ hạn chế"),
    ("deterioration", "Đi xuống"),
    ("no_data", "Chưa có số liệu"),
]
TASK_STATUSES = [
    ("completed", "Hoàn thành"),
    ("in_progress", "Đang triển khai"),
    ("behind", "Chậm tiến độ"),
    ("not_started", "Chưa triển khai"),
]


def _sentence(rng, templates, subject=None):
    return rng.choice(templates).format(s=subject or rng.choice(SUBJECTS), n=rng.randint(3, 120))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def synthetic_snapshot(*, agencies=30, years=5, indicators=60, tasks=150, seed=1) -> dict:
    """A final review of a city-scale programme; deterministic for its arguments."""
    rng = random.Random(seed)
    end_year = 2025
    first_year = end_year - years + 1
    names = (AGENCIES * (agencies // len(AGENCIES) + 1))[:agencies]
    if agencies > len(AGENCIES):
        names = [f"{name} ({i // len(AGENCIES) + 1})" if i >= len(AGENCIES) else name for i, name in enumerate(names)]

    rows = []
    per_parent = 4
    parents = max(1, indicators // (per_parent + 1))
    for p in range(1, parents + 1):
        for child in range(per_parent + 1):
            if len(rows) >= indicators:
                break
            code = f"CT{p}" if child == 0 else f"CT{p}.{child}"
            status, label = rng.choice(STATUSES)
            value = round(rng.uniform(5, 95), 1)
            is_context = child > 0 and child % 2 == 0
            rows.append(
                {
                    "code": code,
                    "name": f"Chỉ tiêu {code}: tỷ lệ {rng.choice(SUBJECTS)} trên địa bàn Thành phố",
                    "unit": "%",
                    "parent": None if child == 0 else f"CT{p}",
                    "is_context": is_context,
                    "baseline": f"{round(value * 0.7, 1)}%".replace(".", ","),
                    "baseline_label": f"{first_year - 1}",
                    "target": "" if is_context else f"> {round(value * 1.1)}%",
                    "target_year": None if is_context else end_year,
                    "value": value,
                    "value_text": f"{value}%".replace(".", ","),
                    "period": str(end_year - 1),
                    "kind": rng.choice(["official", "provisional"]),
                    "status": None if is_context else status,
                    "status_label": "" if is_context else label,
                    "source": "Dữ liệu minh họa",
                    "source_url": "",
                    "is_illustrative": True,
                    "previous_value_text": f"{round(value * 0.9, 1)}%".replace(".", ","),
                }
            )
    sources = [
        {
            "indicator": row["code"],
            "period": str(year),
            "source": f"Báo cáo thống kê năm {year} (dữ liệu minh họa)",
            "url": f"https://thongke.hanoi.example/{row['code'].lower()}/{year}/bao-cao-so-lieu-chi-tieu.html",
            "is_illustrative": True,
        }
        for row in rows
        for year in range(first_year, end_year + 1)
    ]

    task_rows = []
    for number in range(1, tasks + 1):
        leads = rng.sample(names, rng.choice([1, 1, 2]))
        status, label = rng.choice(TASK_STATUSES)
        previous_status, previous_label = rng.choice(TASK_STATUSES)
        progress = 100 if status == "completed" else rng.randint(0, 95)
        subject = rng.choice(SUBJECTS)
        narrative = "\n".join(
            f"Năm {year}, {_sentence(rng, ACTIONS, subject)}." for year in range(first_year, end_year + 1, 2)
        )
        task_rows.append(
            {
                "number": number,
                "title": f"Đề án, nhiệm vụ số {number} về {subject} giai đoạn {first_year} - {end_year}.",
                "leads": leads,
                "coordinators": rng.sample(names, 2),
                "status": status,
                "status_label": label,
                "progress": progress,
                "narrative": narrative,
                "solution_group": (number - 1) % len(GROUPS) + 1,
                "previous_status_label": previous_label,
                "previous_progress": max(0, progress - rng.randint(0, 40)),
            }
        )

    agency_rows = []
    for name in names:
        results = "\n".join(
            f"Năm {year}, {name} {_sentence(rng, ACTIONS)}; {_sentence(rng, ACTIONS)}; {_sentence(rng, ACTIONS)}."
            for year in range(first_year, end_year + 1)
        )
        agency_rows.append(
            {
                "name": name,
                "status": "approved",
                "status_label": "Đã duyệt",
                "results": results,
                "shortcomings": " ".join(_sentence(rng, SHORTCOMINGS) for _ in range(4)),
                "proposals": " ".join(_sentence(rng, PROPOSALS) for _ in range(3)),
            }
        )

    return {
        "programme": {
            "code": "07-CTr/TU",
            "title": "Đẩy mạnh phát triển khoa học, công nghệ và đổi mới sáng tạo (dữ liệu mô phỏng quy mô thành phố)",
            "issuer": "Thành ủy Hà Nội",
            "start_year": first_year,
            "end_year": end_year,
        },
        "round": {
            "kind": "final",
            "kind_label": "Tổng kết",
            "year": end_year,
            "title": "Tổng kết Chương trình (dữ liệu mô phỏng)",
            "cutoff": f"{end_year}-03-31",
            "frozen_at": f"{end_year}-04-01T09:00:00+07:00",
        },
        "objectives": [
            {"number": n, "text": _capitalised(_sentence(rng, ACTIONS)) + " trong toàn Thành phố."} for n in range(1, 6)
        ],
        "solution_groups": [
            {
                "number": n,
                "title": title,
                "tasks": [t["number"] for t in task_rows if t["solution_group"] == n],
            }
            for n, title in enumerate(GROUPS, start=1)
        ],
        "indicators": rows,
        "tasks": task_rows,
        "agencies": agency_rows,
        "sources": sources,
        "previous": {"title": "Sơ kết giữa kỳ 2023", "cutoff": "2023-06-30"},
    }


def worker(fmt: str, runs: int, sizes: dict, save: str | None) -> dict:
    """Runs in its own process: times `runs` builds of one format and measures memory."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from reporting.documents import build_docx, build_pdf, default_template

    build = build_docx if fmt == "docx" else build_pdf
    snapshot = synthetic_snapshot(**sizes)
    template = default_template("party", "final", snapshot["programme"]["code"]) | {
        "format": "party",
        "signer_name": "Nguyễn Văn A",
    }

    def once():
        return build(snapshot=snapshot, template=template, issued_on=ISSUED_ON)

    started = time.perf_counter()
    content = once()  # warm-up: imports, template and font loading
    first = time.perf_counter() - started
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        again = once()
        timings.append(time.perf_counter() - started)
        assert again == content, "the same inputs must give the same bytes"
    tracemalloc.start()
    once()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    pages = None
    if fmt == "pdf":
        import io

        from pypdf import PdfReader

        pages = len(PdfReader(io.BytesIO(content)).pages)
    if save:
        Path(save).mkdir(parents=True, exist_ok=True)
        (Path(save) / f"report-bench.{fmt}").write_bytes(content)
    return {
        "format": fmt,
        "first_build_s": round(first, 3),
        "timings_s": [round(t, 3) for t in timings],
        "median_s": round(statistics.median(timings), 3),
        "tracemalloc_peak_mb": round(peak / 2**20, 1),
        "maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "bytes": len(content),
        "pages": pages,
    }


def machine() -> dict:
    def run(*args):
        try:
            return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return ""

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in run("cat", "/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        (line.split()[1] for line in run("cat", "/proc/meminfo").splitlines() if line.startswith("MemTotal")), "0"
    )
    versions = {}
    for package in ("weasyprint", "python-docx", "pydyf", "Django"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:  # noqa: BLE001 - a missing package is reported as such
            versions[package] = "?"
    return {
        "date": run("date"),
        "nproc": run("nproc"),
        "cpu": cpu,
        "ram_gb": round(int(mem) / 2**20, 1),
        "python": platform.python_version(),
        "load_average": os.getloadavg(),
        **versions,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--agencies", type=int, default=30)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--tasks", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default="docx,pdf")
    parser.add_argument("--save", help="folder to keep the generated DOCX and PDF in")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = {"agencies": args.agencies, "years": args.years, "indicators": args.indicators, "tasks": args.tasks}
    sizes["seed"] = args.seed

    if args.worker:
        print(json.dumps(worker(args.worker, args.runs, sizes, args.save)))
        return 0

    snapshot = synthetic_snapshot(**sizes)
    data = {
        "machine": machine(),
        "sizes": sizes
        | {
            "snapshot_json_kb": round(len(json.dumps(snapshot, ensure_ascii=False).encode()) / 1024),
            "sources": len(snapshot["sources"]),
            "narrative_chars": sum(
                len(a["results"]) + len(a["shortcomings"]) + len(a["proposals"]) for a in snapshot["agencies"]
            )
            + sum(len(t["narrative"]) for t in snapshot["tasks"]),
        },
        "results": [],
    }
    print(f"snapshot: {json.dumps(data['sizes'], ensure_ascii=False)}", flush=True)
    failed = []
    for fmt in args.formats.split(","):
        command = [sys.executable, __file__, "--worker", fmt, "--runs", str(args.runs)]
        command += [f"--{key}={value}" for key, value in sizes.items()]
        if args.save:
            command += ["--save", args.save]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            failed.append(f"{fmt} (error)")
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["target_s"] = TARGET_SECONDS[fmt]
        result["within_target"] = result["median_s"] < TARGET_SECONDS[fmt]
        data["results"].append(result)
        if not result["within_target"]:
            failed.append(fmt)

    print(
        f"\n{'format':6} {'median s':>9} {'runs s':>22} {'first s':>8} {'py peak MB':>10} {'maxrss MB':>9} {'size KB':>8} {'pages':>5}  target"
    )
    for r in data["results"]:
        runs = ", ".join(f"{t:.2f}" for t in r["timings_s"])
        verdict = "ok" if r["within_target"] else "MISSED"
        print(
            f"{r['format']:6} {r['median_s']:9.2f} {runs:>22} {r['first_build_s']:8.2f} {r['tracemalloc_peak_mb']:10.1f}"
            f" {r['maxrss_mb']:9.1f} {r['bytes'] / 1024:8.0f} {r['pages'] or '':>5}  < {r['target_s']:.0f} s {verdict}"
        )
    m = data["machine"]
    print(f"\nmachine: {m['nproc']} x {m['cpu']}, {m['ram_gb']} GB RAM, load {m['load_average']}; {m['date']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"report-bench-{datetime.datetime.now(datetime.UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2))
    print(f"written: {out.relative_to(ROOT)}")
    if failed:
        print(f"over target or failing: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
