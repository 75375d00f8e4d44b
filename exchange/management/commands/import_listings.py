import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from exchange.services import listings_import


class Command(BaseCommand):
    help = (
        "Load listings from a JSON list of {id, kind: offer|request, title, description, field, keywords, "
        "trl, transfer_modes, region}, published at once; re-importing an id updates it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                rows = json.load(handle)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        try:
            created, updated = listings_import(rows=rows)
        except ValidationError as exc:
            problems = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            lines = [f"{key}: {' '.join(messages)}".strip(": ") for key, messages in problems.items()]
            raise CommandError("Nothing imported.\n" + "\n".join(lines)) from exc
        self.stdout.write(f"{created} created, {updated} updated.")
