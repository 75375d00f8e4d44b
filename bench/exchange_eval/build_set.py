#!/usr/bin/env python3
"""Build the technology matching evaluation set from the hand-written source (source/*.py).

    python bench/exchange_eval/build_set.py          # writes the JSON files next to this script
    python bench/exchange_eval/build_set.py --check  # fails if the JSON files are not up to date

Writes
  listings.json           offers and requests in the `manage.py import_listings` format (plus
                          `field_code`, `organisation` and `ip_status`, which the import ignores)
  judgements.json         {request id: [relevant offer ids]}, best grade first
  judgements_graded.json  {request id: {offer id: grade}}, 2 = propose first, 1 = also worth proposing
  requests_meta.json      {request id: {"split": "dev" | "holdout", "difficulty": [...], "distractors": [...],
                          "min_trl": n}}

Held-out requests (source/requests_holdout.py, or --holdout FILE kept outside the repository
until measured) are marked "split": "holdout"; the benchmark reports them apart.
"""

import argparse
import importlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from source import IP  # noqa: E402

MODULES = ["offers_environment", "offers_crops", "offers_animals", "offers_food", "offers_digital"]
MODULES += ["offers_engineering", "offers_materials", "offers_health", "offers_more"]

# Level-2 fields of QĐ 12/2008/QĐ-BKHCN used by the set (names as in exchange's reference data).
FIELDS = {
    "102": "Khoa học máy tính và thông tin",
    "103": "Vật lý",
    "104": "Hóa học",
    "105": "Các khoa học trái đất và môi trường liên quan",
    "201": "Kỹ thuật dân dụng",
    "202": "Kỹ thuật điện, kỹ thuật điện tử, kỹ thuật thông tin",
    "203": "Kỹ thuật cơ khí",
    "204": "Kỹ thuật hóa học",
    "205": "Kỹ thuật vật liệu và luyện kim",
    "206": "Kỹ thuật y học",
    "207": "Kỹ thuật môi trường",
    "208": "Công nghệ sinh học môi trường",
    "209": "Công nghệ sinh học công nghiệp",
    "210": "Công nghệ nano",
    "211": "Kỹ thuật thực phẩm và đồ uống",
    "299": "Khoa học kỹ thuật và công nghệ khác",
    "301": "Y học cơ sở",
    "302": "Y học lâm sàng",
    "303": "Dược học",
    "304": "Công nghệ sinh học trong y học",
    "305": "Khoa học sức khỏe",
    "401": "Trồng trọt",
    "402": "Chăn nuôi",
    "403": "Thú y",
    "404": "Lâm nghiệp",
    "405": "Thủy sản",
    "406": "Công nghệ sinh học trong nông nghiệp",
    "499": "Khoa học nông nghiệp khác",
}
MODES = {"licence", "assignment", "joint_venture", "consulting", "training"}
# The 34 provinces and centrally run cities since 1 July 2025 that the set uses.
REGIONS = {"Hà Nội", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Phú Thọ", "Thái Nguyên", "Lào Cai", "Quảng Ninh"}
REGIONS |= {"Thanh Hóa", "Lâm Đồng", "Đắk Lắk"}


def load(holdout: Path | None = None):
    """Offers and requests; the held-out requests from `holdout`, else from source/requests_holdout.py if present."""
    offers = []
    for name in MODULES:
        offers += importlib.import_module(f"source.{name}").OFFERS
    requests = importlib.import_module("source.requests").REQUESTS
    for r in requests:
        r.split = "dev"
    holdout = holdout or HERE / "source" / "requests_holdout.py"
    if holdout.exists():
        spec = importlib.util.spec_from_file_location("source.requests_holdout", holdout)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for r in module.REQUESTS:
            r.split = "holdout"
        requests = requests + module.REQUESTS
    return offers, requests


def check(offers, requests) -> list[str]:
    problems = []
    ids = [o.id for o in offers] + [r.id for r in requests]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        problems.append(f"duplicate ids: {dupes}")
    offer_ids = {o.id for o in offers}
    for item in [*offers, *requests]:
        if item.field not in FIELDS:
            problems.append(f"{item.id}: unknown field {item.field}")
        if not set(item.transfer_modes) <= MODES:
            problems.append(f"{item.id}: unknown transfer modes {item.transfer_modes}")
        if item.region not in REGIONS:
            problems.append(f"{item.id}: region {item.region} not in the list")
        if item.trl is not None and not 1 <= item.trl <= 9:
            problems.append(f"{item.id}: TRL {item.trl}")
    for o in offers:
        if o.ip_status not in IP:
            problems.append(f"{o.id}: unknown IP status {o.ip_status}")
    for r in requests:
        if not 1 <= len(r.relevant) <= 5:
            problems.append(f"{r.id}: {len(r.relevant)} relevant offers (1-5 wanted)")
        for oid in [*r.relevant, *r.distractors]:
            if oid not in offer_ids:
                problems.append(f"{r.id}: {oid} is not an offer")
        if set(r.relevant) & set(r.distractors):
            problems.append(f"{r.id}: relevant and distractor at once: {set(r.relevant) & set(r.distractors)}")
    return problems


def outputs(offers, requests) -> dict[str, object]:
    listings = []
    for o in offers:
        listings.append(
            {
                "id": o.id,
                "kind": "offer",
                "title": o.title,
                "description": o.description,
                "field": FIELDS[o.field],
                "field_code": o.field,
                "keywords": o.keywords,
                "trl": o.trl,
                "transfer_modes": o.transfer_modes,
                "region": o.region,
                "organisation": o.organisation,
                "ip_status": o.ip_status,
            }
        )
    for r in requests:
        row = {
            "id": r.id,
            "kind": "request",
            "title": r.title,
            "description": r.description,
            "field": FIELDS[r.field],
            "field_code": r.field,
            "keywords": r.keywords,
            "trl": r.trl,
            "transfer_modes": r.transfer_modes,
            "region": r.region,
            "organisation": r.organisation,
        }
        if r.trl is None:
            del row["trl"]
        listings.append(row)
    graded = {r.id: dict(sorted(r.relevant.items(), key=lambda kv: (-kv[1], kv[0]))) for r in requests}
    field_of = {o.id: o.field for o in offers}
    return {
        "listings.json": listings,
        "judgements.json": {rid: list(grades) for rid, grades in graded.items()},
        "judgements_graded.json": graded,
        "requests_meta.json": {
            r.id: {
                "split": r.split,
                "difficulty": difficulty(r, field_of),
                "distractors": r.distractors,
                "min_trl": r.trl,
            }
            for r in requests
        },
    }


def difficulty(r, field_of) -> list[str]:
    """The hand-given tags; cross_field is derived: an offer graded 2 is filed under another field."""
    tags = [t for t in r.difficulty if t != "cross_field"]
    if any(field_of[oid] != r.field for oid, grade in r.relevant.items() if grade == 2):
        tags.append("cross_field")
    return tags


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check that the JSON files are up to date")
    parser.add_argument("--holdout", type=Path, help="held-out requests module kept elsewhere (same format)")
    parser.add_argument("--out-dir", type=Path, default=HERE, help="where the JSON files go (default: here)")
    args = parser.parse_args()
    offers, requests = load(args.holdout)
    problems = check(offers, requests)
    if problems:
        print("\n".join(problems))
        return 1
    stale = []
    for name, data in outputs(offers, requests).items():
        path = args.out_dir / name
        text = dump(data)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print(f"out of date (run build_set.py): {', '.join(stale)}")
        return 1
    held = sum(r.split == "holdout" for r in requests)
    print(
        f"{len(offers)} offers, {len(requests)} requests ({held} held out), "
        f"{sum(len(r.relevant) for r in requests)} judgements"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
