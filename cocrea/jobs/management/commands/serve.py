from django.core.management.base import BaseCommand

from cocrea.jobs import launcher


class Command(BaseCommand):
    help = (
        "Serve the site with gunicorn and run the worker beside it (make run); Ctrl-C stops both."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, bind, workers, **options):
        raise SystemExit(launcher.run(launcher.commands(bind=bind, workers=workers)))
