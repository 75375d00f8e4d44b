from django.core.management.base import BaseCommand

from exchange.demo import load_exchange_demo


class Command(BaseCommand):
    help = "Demo listings of the technology exchange, a moderator and members (password demo-07-pass)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=300)
        parser.add_argument("--password", default="demo-07-pass")

    def handle(self, *args, count, password, **options):
        self.stdout.write(load_exchange_demo(count=count, password=password))
