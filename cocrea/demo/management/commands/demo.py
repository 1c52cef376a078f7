from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cocrea.demo import plans_data as demo_data
from cocrea.demo import proposals_data
from cocrea.demo.events import load_events_demo
from cocrea.demo.participation import load_participation_demo
from cocrea.demo.plans import load_demo
from cocrea.demo.proposals import load_proposals_demo


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
        # Proposals last: the tables draft with the members the participation demo seated.
        load_proposals_demo(plan)
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
        heads = ", ".join(
            sorted(u for u, *_rest in proposals_data.HEADS.values() if u != "autoridad")
        )
        citizens = ", ".join(username for username, _name in proposals_data.CITIZENS)
        self.stdout.write(f"  Other heads of institution: {heads}")
        institution, delegate, *_rest = proposals_data.DELEGATE
        self.stdout.write(f"  Reviews for {institution} as the head's delegate: {delegate}")
        self.stdout.write(f"  Citizens who comment on proposals: {citizens}")
