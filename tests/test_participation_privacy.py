"""Ley 81: no participant's e-mail or phone on any public page; the rate limit is shared by
separate server processes."""

import os
import re
import subprocess
import sys
import textwrap

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from cocrea.demo import proposals_data as proposals_demo_data
from cocrea.demo.events import load_events_demo
from cocrea.demo.participation import load_participation_demo
from cocrea.demo.plans import load_demo
from cocrea.demo.proposals import load_proposals_demo
from cocrea.participation.models import Invitation, LiaisonRequest, Registration

from .sitemaps import whole_sitemap


@pytest.fixture
def demo(db):
    plan, _created = load_demo()
    assert load_participation_demo(plan) is True
    load_events_demo(plan)
    assert load_proposals_demo(plan) is True
    return plan


def public_urls(client, plan) -> list[str]:
    sitemap = whole_sitemap(client)
    found = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap))
    found.update(re.findall(r'href="https?://[^/]+(/[^"]*)"', sitemap))
    for number in plan.tables.values_list("number", flat=True):
        found.add(reverse("public:table", args=[plan.slug, number]))
    found.add(reverse("participation:call", args=[plan.slug]))
    found.add(reverse("participation:data_link", args=[plan.slug]))
    return sorted(found)


def test_no_participant_email_or_phone_on_any_public_page(client, demo):
    registrations = Registration.objects.filter(plan=demo)
    secrets = {r.email for r in registrations if r.email} | {
        r.phone for r in registrations if r.phone
    }
    secrets |= set(Invitation.objects.values_list("email", flat=True))
    secrets |= set(LiaisonRequest.objects.values_list("head_email", flat=True))
    secrets |= {
        u.email for u in get_user_model().objects.exclude(email="") if u.email != demo.contact_email
    }
    # The phone number in the public comment the moderators hid.
    hidden = [c for c in proposals_demo_data.PUBLIC_COMMENTS if c[-1]]
    secrets.add("6612-4590")
    assert "6612-4590" in hidden[0][4]
    assert len(secrets) > 300
    urls = public_urls(client, demo)
    assert len(urls) > 40
    assert "/plans/panama-2017-2019/tables/1/" in urls
    assert "/en/plans/panama-2017-2019/call/" in urls
    assert len([u for u in urls if u.startswith("/plans/panama-2017-2019/proposals/")]) == 16
    for url in urls:
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        leaked = [s for s in secrets if s in body]
        assert leaked == [], (url, leaked[:3])
        assert "demo.cocrea.invalid" not in body, url


def test_demo_has_registrations_leaders_members_and_liaisons(demo):
    registrations = Registration.objects.filter(plan=demo)
    assert registrations.count() == 320
    assert registrations.values("region").distinct().count() == 13
    assert registrations.values("sector").distinct().count() == 6
    for table in demo.tables.all():
        leaders = table.members.filter(is_leader=True)
        assert sorted(leaders.values_list("side", flat=True)) == ["civil_society", "government"]
        assert table.members.filter(is_leader=False).count() >= 8
    assert sorted(LiaisonRequest.objects.values_list("status", flat=True)) == [
        "declined",
        "designated",
        "designated",
        "designated",
        "designated",
        "designated",
        "designated",
        "pending",
    ]
    assert load_participation_demo(demo) is False  # idempotent


COUNTER = textwrap.dedent(
    """
    import os, sys
    import django
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    django.setup()
    from django.core.management import call_command
    call_command("createcachetable", verbosity=0)
    from cocrea.core import ratelimit
    results = [ratelimit.hit("email", "lucia@example.net", limit=3, window=60) for _ in range(2)]
    print(",".join(str(r) for r in results))
    """
)


def test_rate_limit_is_shared_between_two_processes(tmp_path):
    """Two separate Python processes (two app servers) count against one limit in the shared
    database cache: 2 attempts in the first, 2 in the second, the fourth is refused."""
    env = {
        **os.environ,
        "COCREA_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    cwd = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    runs = [
        subprocess.run(
            [sys.executable, "-c", COUNTER],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True,True", "True,False"]
