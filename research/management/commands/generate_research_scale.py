"""Fill the research database at city scale for benchmarks: deterministic, bulk inserts.

    manage.py generate_research_scale                       # 100,000 publications, 20,000 researchers
    manage.py generate_research_scale --outputs 10000 --researchers 2000

Every row is marked as demo data; running it again replaces the earlier demo rows.
"""

import time

from django.core.management.base import BaseCommand

from research.demo import generate


class Command(BaseCommand):
    help = "Generate a city-scale research database (demo data) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--organisations", type=int, default=100)
        parser.add_argument("--researchers", type=int, default=20_000)
        parser.add_argument("--outputs", type=int, default=100_000, help="publications")
        parser.add_argument("--patents", type=int, default=1_000, help="patents and utility solutions, on top")

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = generate(
            seed=options["seed"],
            organisations=options["organisations"],
            researchers=options["researchers"],
            outputs=options["outputs"],
            patents=options["patents"],
        )
        for name, value in counts.items():
            self.stdout.write(f"{name}: {value}")
        self.stdout.write(f"seconds: {time.perf_counter() - started:.1f}")
