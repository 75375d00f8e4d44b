from django.core.management.base import BaseCommand

from dashboard.demo import load_demo


class Command(BaseCommand):
    help = "Nạp chương trình 07-CTr/TU, tài khoản mẫu và lịch sử số liệu 2021-2025 (có đánh dấu dữ liệu minh họa)."

    def add_arguments(self, parser):
        parser.add_argument("--admin", default="admin")
        parser.add_argument("--password", default="admin-demo-07")
        parser.add_argument("--user-password", default="demo-07-pass")

    def handle(self, *args, admin, password, user_password, **options):
        load_demo(admin=admin, password=password, user_password=user_password, log=self.stdout.write)
