from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cocrea.events.demo import load_events_demo
from cocrea.participation.demo import load_participation_demo
from cocrea.plans import demo_data
from cocrea.plans.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo: Panama's co-creation of its 2017-2019 action plan (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "The demo creates accounts with a known password: it runs only in demo mode "
                "(COCREA_DEMO_MODE=true), never with production settings."
            )
        plan, created = load_demo()
        # Participation first: its working tables receive the events' table sessions.
        load_participation_demo(plan)
        load_events_demo(plan)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo loaded: {plan}"))
        else:
            self.stdout.write(f"Demo already present: {plan} (nothing changed)")
        self.stdout.write(
            f"\nDemo accounts (demo mode only), all with the password '{demo_data.DEMO_PASSWORD}':"
        )
        for username, full_name, _position, _org, role in demo_data.USERS:
            self.stdout.write(
                f"  {username:<13} {role or 'administrator (/admin/)':<22} {full_name}"
            )
