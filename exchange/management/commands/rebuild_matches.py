import time

from django.core.management.base import BaseCommand

from exchange.match_batch import lists_rebuild
from exchange.match_lists import lists_refresh
from exchange.matching import index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the matching index and every stored match list of the technology exchange "
        "(after a bulk load or a migration); --stale recomputes only the stale lists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale", action="store_true", help="only the lists that listings have left")
        parser.add_argument("--lists-only", action="store_true", help="keep the index, rebuild the lists")

    def handle(self, *args, stale, lists_only, **options):
        started = time.perf_counter()
        if stale:
            self.stdout.write(f"{lists_refresh(batch=10**9)} stale lists recomputed.")
            return
        if not lists_only:
            indexed = index_rebuild()
            self.stdout.write(f"index: {indexed} listings in {time.perf_counter() - started:.1f} s")
        lists_started = time.perf_counter()
        written = lists_rebuild()
        self.stdout.write(f"match lists: {written} entries in {time.perf_counter() - lists_started:.1f} s")
