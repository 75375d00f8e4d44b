"""Print a user's API token (creating it if needed): `manage.py api_token <username> [--reset]`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services import api_token_issue


class Command(BaseCommand):
    help = "Print the API token of a user, creating it if needed; --reset replaces it."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--reset", action="store_true", help="Replace the token; the old one stops working.")

    def handle(self, *args, username, reset, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        self.stdout.write(api_token_issue(user=user, reset=reset).key)
