import datetime

import pytest

from agencies.models import Agency
from reporting.services import round_open


@pytest.fixture
def round_2024(programme, secretariat):
    agencies = [Agency.objects.find(n) for n in ("Sở KH&CN", "Sở Kế hoạch và Đầu tư", "Sở Nội vụ")]
    return round_open(
        programme=programme,
        actor=secretariat,
        kind="annual",
        year=2024,
        title="Kiểm tra, đánh giá năm 2024",
        cutoff=datetime.date(2024, 12, 31),
        deadline=datetime.date(2025, 1, 20),
        agencies=agencies,
    )


@pytest.fixture
def dost_submission(round_2024):
    return round_2024.submissions.get(agency__name="Sở Khoa học và Công nghệ")
