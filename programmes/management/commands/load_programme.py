from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from indicators.services import indicators_load
from programmes.services import programme_load

DEFAULT = Path(__file__).resolve().parents[2] / "data" / "programme-07-ctr-tu.yaml"


class Command(BaseCommand):
    help = "Nạp (hoặc cập nhật) một chương trình từ tệp dữ liệu YAML; chạy lại nhiều lần không tạo bản sao."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT))

    def handle(self, *args, file, **options):
        try:
            data = yaml.safe_load(Path(file).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise CommandError(f"Không đọc được {file}: {exc}") from exc
        with transaction.atomic():
            programme = programme_load(data=data)
            indicators = indicators_load(programme=programme, definitions=data.get("indicators", []))
        self.stdout.write(
            self.style.SUCCESS(
                f"{programme}: {programme.key_tasks.count()} nhiệm vụ, {len(indicators)} chỉ tiêu (kể cả thành phần)."
            )
        )
