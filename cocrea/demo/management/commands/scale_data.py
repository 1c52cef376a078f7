import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cocrea.demo.scale import FULL, ScaleDataError, build, counts


class Command(BaseCommand):
    help = (
        "Add the benchmark's data at scale on top of the demo (run `demo` first): --factor 100 "
        "gives 5 plans, 1,500 proposals, 20,000 comments, 100,000 log rows... Reproducible with "
        "--seed; a second run with the same factor and seed changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=100, help="100: the full dataset")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, factor, seed, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "Scale data is for measuring: it runs only in demo mode (COCREA_DEMO_MODE=true)."
            )
        if factor == int(factor):
            factor = int(factor)
        started = time.monotonic()
        try:
            made = build(factor, seed)
        except ScaleDataError as exc:
            raise CommandError(str(exc)) from exc
        if made is None:
            self.stdout.write(
                f"Scale data already present (factor {factor}, seed {seed}): nothing changed."
            )
            return
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Scale data added (factor {factor}, seed {seed}) in {seconds:.0f} s:"
            )
        )
        expected = counts(factor)
        for name in FULL:
            self.stdout.write(f"  {name:<20} {made.get(name, 0):>7,} (expected {expected[name]:,})")
