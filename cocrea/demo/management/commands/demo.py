from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max

from cocrea.demo import live_data, proposals_data
from cocrea.demo import plans_data as demo_data
from cocrea.demo.events import load_events_demo
from cocrea.demo.live import load_live_demo
from cocrea.demo.participation import load_participation_demo
from cocrea.demo.plans import load_demo
from cocrea.demo.proposals import load_proposals_demo
from cocrea.demo.publication import load_publication_demo
from cocrea.demo.selection import load_selection_demo
from cocrea.notifications.models import Delivery, Notification


class Command(BaseCommand):
    help = (
        "Load the demo (idempotent): Panama's co-creation of its 2017-2019 action plan as the "
        "historical record up to its action plan published, and a live cycle dated around "
        "today with the commission scoring the proposals."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "The demo creates accounts with a known password: it runs only in demo mode "
                "(COCREA_DEMO_MODE=true), never with production settings."
            )
        with transaction.atomic():
            last_mail = Delivery.objects.aggregate(last=Max("pk"))["last"] or 0
            last_notice = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
            plan, created = load_demo()
            # Participation first: its working tables receive the events' table sessions.
            load_participation_demo(plan)
            load_events_demo(plan)
            # Proposals last: the tables draft with the members the participation demo seated.
            load_proposals_demo(plan)
            # Then the selection of the nine commitments and their development.
            load_selection_demo(plan)
            # The plan's document: drafts, OGP's review, the final version and the publication.
            load_publication_demo(plan)
            # The live cycle last: it carries on the 2017 plan's jurisdiction, people and notice.
            live, live_created = load_live_demo()
            # The demo mails nobody: what its actions wrote to the outbox never leaves.
            Delivery.objects.filter(pk__gt=last_mail).delete()
            # The 2017-2019 plan is the historical record: what its replay told people would
            # show as news of today in their bells. Only the live cycle's notifications stay.
            Notification.objects.filter(pk__gt=last_notice, plan=plan).delete()
        for loaded, was_created in ((plan, created), (live, live_created)):
            if was_created:
                self.stdout.write(self.style.SUCCESS(f"Demo loaded: {loaded}"))
            else:
                self.stdout.write(f"Demo already present: {loaded} (nothing changed)")
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
        self.stdout.write(f"  Citizens who comment on proposals and drafts: {citizens}")
        admin = live_data.PLATFORM_ADMIN[0]
        leaders = ", ".join(u for u, _n, leader, *_rest in live_data.SEATS if leader)
        self.stdout.write(
            f"\nIn {live} (the commission is scoring now): {admin} is the platform administrator; "
            f"secretaria runs it; comision sits on its commission; {leaders} lead its tables "
            f"(lider: table 1, with participante); comision has every score still to give."
        )
        live_heads = ", ".join(sorted(u for u, *_rest in live_data.HEADS.values()))
        self.stdout.write(f"  Heads of its lead institutions: {live_heads}")
