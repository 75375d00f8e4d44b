"""Fill the research database at city scale for benchmarks: deterministic, bulk inserts.

    manage.py generate_research_scale                       # 100,000 publications, 20,000 researchers
    manage.py generate_research_scale --outputs 10000 --researchers 2000 --tasks 500
    manage.py generate_research_scale --tasks 5000 --only-tasks   # replace the S&T tasks only

Every row is marked as demo data; running it again replaces the earlier demo rows (and the
S&T tasks it generated, codes "QM-…").
"""

import random
import time
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from research.demo import generate

TASK_PREFIX = "QM-"
TASK_OPENINGS = ["Nghiên cứu", "Ứng dụng", "Đánh giá", "Phát triển", "Xây dựng mô hình", "Hoàn thiện công nghệ"]
TASK_TOPICS = [
    "cảnh báo ngập úng đô thị",
    "vật liệu nano xử lý nước",
    "giống lúa chịu mặn",
    "chuyển đổi số trong y tế cơ sở",
    "ô nhiễm không khí và bụi mịn PM2.5",
    "đường sắt đô thị Hà Nội",
    "trí tuệ nhân tạo trong giao thông",
    "bảo tồn di sản Hoàng thành Thăng Long",
    "điều trị ung thư gan",
    "năng lượng mặt trời áp mái",
]
TASK_PLACES = ["tại Hà Nội", "cho các quận nội thành", "vùng ven đô", "trên địa bàn Thủ đô", "giai đoạn 2025-2030"]
TASK_FIELDS = ["Khoa học tự nhiên", "Khoa học kỹ thuật và công nghệ", "Khoa học y, dược", "Khoa học nông nghiệp"]


@transaction.atomic
def generate_tasks(*, seed: int, count: int) -> int:
    """`count` S&T tasks on the generated researchers (minimal fields, bulk inserts, keys filled)."""
    from research.models import Researcher
    from research_tasks.models import ResearchTask
    from research_tasks.search import task_keys

    rng = random.Random(seed)
    people = list(Researcher.objects.filter(is_demo=True).select_related("organisation").order_by("pk"))
    stages = ResearchTask.Stage.values
    tasks = []
    for n in range(count):
        year = 2021 + n % 5
        pi = rng.choice(people) if people else None
        topic = rng.choice(TASK_TOPICS)
        task = ResearchTask(
            code=f"{TASK_PREFIX}{year}-{n + 1:05d}",
            title=f"{rng.choice(TASK_OPENINGS)} {topic} {rng.choice(TASK_PLACES)}",
            field=rng.choice(TASK_FIELDS),
            objectives=f"Làm chủ và chuyển giao kết quả về {rng.choice(TASK_TOPICS)} cho các sở, ngành.",
            expected_results="Báo cáo tổng hợp, quy trình kỹ thuật, 02 bài báo khoa học.",
            funding_ceiling=Decimal(rng.randrange(500, 5000, 50)),
            period_months=rng.choice([12, 18, 24, 36]),
            year=year,
            stage=rng.choice(stages),
            pi=pi,
            host=pi.organisation if pi else None,
            is_demo=True,
        )
        host = (pi.organisation.name, pi.organisation.short_name) if pi and pi.organisation_id else ()
        task.title_key, task.search_key = task_keys(task, pi_name=pi.full_name if pi else "", host_names=host)
        tasks.append(task)
    ResearchTask.objects.bulk_create(tasks, batch_size=1000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ResearchTask._meta.db_table}")
    return len(tasks)


class Command(BaseCommand):
    help = "Generate a city-scale research database (demo data) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--organisations", type=int, default=100)
        parser.add_argument("--researchers", type=int, default=20_000)
        parser.add_argument("--outputs", type=int, default=100_000, help="publications")
        parser.add_argument("--patents", type=int, default=1_000, help="patents and utility solutions, on top")
        parser.add_argument("--tasks", type=int, default=0, help="S&T tasks (research_tasks) on the researchers")
        parser.add_argument("--only-tasks", action="store_true", help="keep the researchers and outputs")

    def handle(self, *args, **options):
        from research_tasks.models import ResearchTask

        started = time.perf_counter()
        # Before the researchers they cite (PI, host) are replaced.
        ResearchTask.objects.filter(is_demo=True, code__startswith=TASK_PREFIX).delete()
        counts = {}
        if not options["only_tasks"]:
            counts = generate(
                seed=options["seed"],
                organisations=options["organisations"],
                researchers=options["researchers"],
                outputs=options["outputs"],
                patents=options["patents"],
            )
        counts["tasks"] = generate_tasks(seed=options["seed"], count=options["tasks"])
        for name, value in counts.items():
            self.stdout.write(f"{name}: {value}")
        self.stdout.write(f"seconds: {time.perf_counter() - started:.1f}")
