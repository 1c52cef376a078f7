"""The sitemap is an index of one paged file per section: every file it lists, and every URL in
those files (in both languages), answers 200; files are paged in the database and cached."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cocrea.core.actions import SYSTEM
from cocrea.news.actions import publish_news
from cocrea.public import sitemaps

from .factories import PlanFactory
from .sitemaps import sitemap_files, whole_sitemap
from .test_lists_at_scale import _events
from .test_public_pages import build_world


@pytest.fixture
def world(db):
    plan = PlanFactory(slug="pa")
    build_world(plan, 5)
    _events(plan, 1, 4)
    for n in range(3):
        publish_news(plan, by=SYSTEM, title_es=f"Noticia {n}", body_es="Texto")
    return plan


def test_index_lists_one_file_per_section(client, world):
    files = sitemap_files(client)
    assert files == [reverse("sitemap-section", args=[section]) for section in sitemaps.sitemaps]


def test_index_pages_the_sections_beyond_their_limit(client, world, monkeypatch):
    # 5 steps x 2 languages = 10 URLs; 4 per file makes 3 files
    monkeypatch.setattr(sitemaps._I18nSitemap, "limit", 4)
    steps = reverse("sitemap-section", args=["steps"])
    files = sitemap_files(client)
    assert [f for f in files if f.startswith(steps)] == [steps, f"{steps}?p=2", f"{steps}?p=3"]
    locations = []
    for path in (steps, f"{steps}?p=2", f"{steps}?p=3"):
        locations += re.findall(r"<loc>([^<]*)</loc>", client.get(path).content.decode())
    assert len(locations) == 10
    assert len(set(locations)) == 10
    assert client.get(f"{steps}?p=4").status_code == 404
    assert client.get(f"{steps}?p=x").status_code == 404


def test_every_page_listed_answers_200(client, world):
    xml = whole_sitemap(client)
    urls = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", xml))
    urls |= set(re.findall(r'href="https?://[^/]+(/[^"]*)"', xml))
    assert len(urls) > 60
    assert "/en/plans/pa/news/" in urls
    failed = {url: client.get(url).status_code for url in sorted(urls)}
    assert {url: status for url, status in failed.items() if status != 200} == {}


def test_unknown_section_is_404(client, world):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_section_file_costs_the_same_with_5_and_500_events(client, world):
    url = reverse("sitemap-section", args=["events"])
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as with_few:
        assert client.get(url).status_code == 200
    _events(world, 5, 500)
    cache.clear()
    with CaptureQueriesContext(connection) as with_500:
        response = client.get(url)
    assert len(with_500) == len(with_few)
    assert response.content.decode().count("<url>") == 1000  # 500 events, both languages


def test_index_and_files_are_cached(client, world):
    for url in ("/sitemap.xml", reverse("sitemap-section", args=["events"])):
        first = client.get(url)
        with CaptureQueriesContext(connection) as again:
            second = client.get(url)
        assert second.content == first.content
        assert len(again) == 1  # the revisions only
