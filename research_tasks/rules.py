"""Versioned council and scoring rules: the defaults shipped as data, and the arithmetic.

A council (and the acceptance it leads to) is checked against the rule set in force on its
meeting date (`ruleset_in_force`). The defaults below are loaded by migration 0002 and are
documented, with their legal basis, in docs/research-tasks.md; the secretariat edits them
(or adds a new version) in the admin.
"""

import datetime
import statistics
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SELECTION_SHEET = [
    {"key": "overview", "label": "Tổng quan tình hình nghiên cứu, tính cấp thiết", "weight": 1, "max_score": 12},
    {"key": "content", "label": "Nội dung, phương pháp nghiên cứu, kỹ thuật sử dụng", "weight": 1, "max_score": 28},
    {"key": "products", "label": "Sản phẩm và chỉ tiêu kinh tế - kỹ thuật của sản phẩm", "weight": 1, "max_score": 20},
    {"key": "application", "label": "Khả năng ứng dụng, phương án chuyển giao kết quả", "weight": 1, "max_score": 15},
    {"key": "capacity", "label": "Năng lực của tổ chức chủ trì và chủ nhiệm nhiệm vụ", "weight": 1, "max_score": 15},
    {"key": "budget", "label": "Tính hợp lý của dự toán kinh phí", "weight": 1, "max_score": 10},
]
ACCEPTANCE_SHEET = [
    {
        "key": "delivery",
        "label": "Mức độ hoàn thành số lượng, khối lượng, chủng loại sản phẩm so với hợp đồng",
        "weight": 1,
        "max_score": 40,
    },
    {
        "key": "quality",
        "label": "Chất lượng sản phẩm, mức độ đạt chỉ tiêu kinh tế - kỹ thuật",
        "weight": 1,
        "max_score": 30,
    },
    {"key": "report", "label": "Chất lượng báo cáo tổng hợp và tài liệu kèm theo", "weight": 1, "max_score": 10},
    {"key": "application", "label": "Khả năng ứng dụng, địa chỉ ứng dụng kết quả", "weight": 1, "max_score": 20},
]
_ROLES = {"chair": 1, "secretary": 1, "reviewer": 2}
# QĐ 05/2021/QĐ-UBND, signed 01/04/2021, in force from 11/04/2021 (it replaced QĐ 29/2016/QĐ-UBND);
# the first release shipped 01/03/2021 (migration 0004 moves it). Sources: docs/research-tasks.md.
HANOI_2021_IN_FORCE = datetime.date(2021, 4, 11)
HANOI_2021_FIRST_SHIPPED = datetime.date(2021, 3, 1)

# The rule sets shipped with the platform, oldest first (see docs/research-tasks.md).
DEFAULT_RULESETS = [
    {
        "name": "Luật KH&CN 2013 và Thông tư 08/2017/TT-BKHCN",
        "citation": "Luật KH&CN 2013, Điều 37; Thông tư 08/2017/TT-BKHCN ngày 26/6/2017",
        "effective_from": datetime.date(2017, 8, 1),
        "council_min_members": 7,
        "council_max_members": 9,
        "required_roles": _ROLES,
        "criteria": SELECTION_SHEET,
        "acceptance_criteria": ACCEPTANCE_SHEET,
        "scale_max": "100",
        "pass_threshold": "70",
        "grades": {"excellent": "90", "pass": "70"},
        "max_deviation": "20",
        "notes": "Mặc định của nền tảng theo nhóm tiêu chí chấm điểm hồ sơ tối đa 100 điểm.",
    },
    {
        "name": "Quy định quản lý nhiệm vụ KH&CN cấp Thành phố Hà Nội",
        "citation": "QĐ 05/2021/QĐ-UBND ngày 01/4/2021 của UBND Thành phố Hà Nội; Luật KH&CN 2013, Điều 37",
        "effective_from": HANOI_2021_IN_FORCE,
        "council_min_members": 7,
        "council_max_members": 9,
        "required_roles": _ROLES,
        "criteria": SELECTION_SHEET,
        "acceptance_criteria": ACCEPTANCE_SHEET,
        "scale_max": "100",
        "pass_threshold": "70",
        "grades": {"excellent": "85", "pass": "70"},
        "max_deviation": "20",
        "notes": "Hội đồng cấp Thành phố; xếp loại Xuất sắc từ 85 điểm.",
    },
    {
        "name": "Luật KH, CN và ĐMST 2025",
        "citation": "Luật KH, CN và ĐMST 93/2025/QH15",
        "effective_from": datetime.date(2025, 10, 1),
        "council_min_members": 5,
        "council_max_members": 9,
        "required_roles": _ROLES,
        "criteria": SELECTION_SHEET,
        "acceptance_criteria": ACCEPTANCE_SHEET,
        "scale_max": "100",
        "pass_threshold": "70",
        "grades": {"excellent": "85", "pass": "70"},
        "max_deviation": "15",
        "notes": "Hội đồng từ 5 thành viên; điểm lệch quá 15 điểm so với trung bình phải giải trình.",
    },
]

TWO_PLACES = Decimal("0.01")


def rulesets_load(model=None) -> int:
    """Create the shipped rule sets that are missing (matched by their effective date); the
    secretariat's edits to existing ones are kept. Used by migration 0002 (with its historical
    model), by the demo loader and by tests that start from an emptied database."""
    if model is None:
        from .models import RuleSet as model
    created = 0
    for values in DEFAULT_RULESETS:
        _ruleset, made = model.objects.get_or_create(effective_from=values["effective_from"], defaults=values)
        created += made
    return created


def ruleset_in_force(on: datetime.date):
    """The rule set in force on a date: the latest one effective on or before it."""
    from .models import RuleSet

    ruleset = RuleSet.objects.filter(effective_from__lte=on).order_by("-effective_from").first()
    if ruleset is None:
        raise ValidationError(
            {"meeting_date": _("Chưa có bộ quy định nào có hiệu lực vào ngày %(date)s.") % {"date": f"{on:%d/%m/%Y}"}}
        )
    return ruleset


def ruleset_problems(ruleset) -> dict[str, list[str]]:
    """What makes a rule set unusable, by field; empty when it is sound."""
    problems: dict[str, list[str]] = {}

    def add(field, message):
        problems.setdefault(field, []).append(message)

    if ruleset.council_min_members < 1 or ruleset.council_min_members > ruleset.council_max_members:
        add("council_max_members", _("Số thành viên tối đa phải lớn hơn hoặc bằng số tối thiểu (ít nhất 1)."))
    roles = ruleset.required_roles if isinstance(ruleset.required_roles, dict) else None
    if roles is None or any(role not in ("chair", "secretary", "reviewer", "member") for role in roles):
        add("required_roles", _("Vai trò bắt buộc chỉ gồm chair, secretary, reviewer, member kèm số lượng tối thiểu."))
    elif sum(int(n) for n in roles.values()) > ruleset.council_max_members:
        add("required_roles", _("Số vai trò bắt buộc vượt quá số thành viên tối đa."))
    for field in ("criteria", "acceptance_criteria"):
        for message in _sheet_problems(getattr(ruleset, field)):
            add(field, message)
    scale = Decimal(ruleset.scale_max)
    if scale <= 0:
        add("scale_max", _("Thang điểm phải lớn hơn 0."))
    if not 0 < Decimal(ruleset.pass_threshold) <= scale:
        add("pass_threshold", _("Điểm đạt phải nằm trong thang điểm."))
    grades = ruleset.grades if isinstance(ruleset.grades, dict) else {}
    try:
        excellent, passing = Decimal(str(grades["excellent"])), Decimal(str(grades["pass"]))
    except (KeyError, ArithmeticError, ValueError):
        add("grades", _("Cần ngưỡng điểm cho “excellent” (Xuất sắc) và “pass” (Đạt)."))
    else:
        if not 0 < passing <= excellent <= scale:
            add("grades", _("Ngưỡng Xuất sắc phải từ ngưỡng Đạt trở lên và nằm trong thang điểm."))
    if Decimal(ruleset.max_deviation) <= 0:
        add("max_deviation", _("Mức chênh lệch tối đa phải lớn hơn 0."))
    return problems


def _sheet_problems(sheet) -> list[str]:
    if not isinstance(sheet, list) or not sheet:
        return [_("Phiếu đánh giá cần ít nhất một tiêu chí.")]
    keys = [c.get("key") for c in sheet if isinstance(c, dict)]
    if len(keys) != len(sheet) or not all(keys) or len(set(keys)) != len(keys):
        return [_("Mỗi tiêu chí cần một mã (key) riêng.")]
    for criterion in sheet:
        try:
            ok = Decimal(str(criterion["max_score"])) > 0 and Decimal(str(criterion.get("weight", 1))) > 0
        except (KeyError, ArithmeticError, ValueError):
            ok = False
        if not ok or not criterion.get("label"):
            return [_("Mỗi tiêu chí cần tên, điểm tối đa và trọng số lớn hơn 0.")]
    return []


def weighted_total(ruleset, sheet: list[dict], scores: dict) -> Decimal:
    """A member's total on the rule set's scale: Σ weight·score / Σ weight·max × scale."""
    reached = sum(Decimal(str(c.get("weight", 1))) * Decimal(str(scores[c["key"]])) for c in sheet)
    possible = sum(Decimal(str(c.get("weight", 1))) * Decimal(str(c["max_score"])) for c in sheet)
    return (reached / possible * Decimal(ruleset.scale_max)).quantize(TWO_PLACES, ROUND_HALF_UP)


def spread(totals: list[Decimal]) -> dict:
    """Mean, minimum, maximum and (population) standard deviation of members' totals."""
    if not totals:
        return {"mean": None, "min": None, "max": None, "std": None, "count": 0}
    mean = sum(totals) / len(totals)
    std = Decimal(str(statistics.pstdev([float(t) for t in totals]))) if len(totals) > 1 else Decimal(0)
    return {
        "mean": mean.quantize(TWO_PLACES, ROUND_HALF_UP),
        "min": min(totals),
        "max": max(totals),
        "std": std.quantize(TWO_PLACES, ROUND_HALF_UP),
        "count": len(totals),
    }


def grade_for(ruleset, mean: Decimal, *, all_products_delivered: bool = True) -> str:
    """Xuất sắc / Đạt / Không đạt from the mean total; a product owed and not delivered fails the task."""
    if not all_products_delivered:
        return "fail"
    if mean >= Decimal(str(ruleset.grades["excellent"])):
        return "excellent"
    if mean >= Decimal(str(ruleset.grades["pass"])):
        return "pass"
    return "fail"
