from django.core.management.base import BaseCommand

from exchange.services import listings_expire


class Command(BaseCommand):
    help = "Expire published listings whose validity period has passed (safe to run again)."

    def handle(self, *args, **options):
        self.stdout.write(f"{listings_expire()} listings expired.")
