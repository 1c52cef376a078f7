from django.core.management.base import BaseCommand

from cocrea.jobs import runner
from cocrea.jobs.schedule import jobs


class Command(BaseCommand):
    help = "Run the periodic jobs (reminders, notifications). One worker per deployment is enough."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run every job once and exit")

    def handle(self, *args, once=False, **options):
        if once:
            for name, handled in runner.run_once().items():
                outcome = "failed (see the log)" if handled is None else f"handled {handled}"
                self.stdout.write(f"{name}: {outcome}")
            return
        names = ", ".join(job.name for job in jobs()) or "none yet"
        self.stdout.write(f"worker running; jobs: {names}")
        try:
            runner.run_forever()
        except KeyboardInterrupt:  # Ctrl-C in `make run`: stop quietly, nothing is lost
            self.stdout.write("worker stopped")
