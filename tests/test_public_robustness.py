"""No public URL answers 500, whatever its query parameters or numbers in its path hold.

Driven over every page of the demo's sitemap plus the public URLs the sitemap leaves out, with
every query parameter the code reads (found in the source, so a new one is covered at once) set
to negative, zero, huge, non-numeric, empty and NUL values."""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse

from cocrea.public.sitemaps import sitemaps

# Hostile query strings make page-cache keys longer than memcached's 250 characters; cocrea's
# caches (per process, database, Redis) accept them, so Django's portability warning is noise here.
pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")

SOURCE = Path(__file__).resolve().parent.parent / "cocrea"
HUGE = "99999999999999999999"
BAD_VALUES = ["-1", "0", HUGE, "-" + HUGE, "abc", "1.5", "", "\x00", "\u0663", "2017-13"]

# Public URL names that take a secret token or only accept POST: they are tested elsewhere.
NOT_BROWSED = {
    "accounts:logout",
    "accounts:unlock",
    "accounts:confirm",
    "accounts:password_reset_confirm",
    "events:cancel_registration",
    "events:registration",
    "participation:confirm",
    "participation:my_data_from_account",
    "participation:my_data",
    "participation:my_data_download",
    "participation:my_data_revoke",
    "participation:my_data_erase",
    "participation:my_data_consent",
    "participation:invitation",
    "participation:liaison",
    "participation:welcome",
    "participation:registered",
    "participation:data_link_sent",
    "proposals:comment",
    "proposals:answer",
    "proposals:hide",
    "proposals:restore",
    "publication:draft_comment",
}
PUBLIC_NAMESPACES = {
    "accounts",
    "public",
    "events",
    "documents",
    "news",
    "participation",
    "tables",
    "proposals",
    "commitments",
    "selection",
    "publication",
}


def query_parameter_names() -> list[str]:
    """Every name a view reads from `request.GET`, found in the source."""
    names = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text()
        names |= set(re.findall(r"GET\.get\(\s*[\"'](\w+)[\"']", text))
        names |= set(re.findall(r"GET\[\s*[\"'](\w+)[\"']\]", text))
        names |= set(re.findall(r"_param\(\s*request\.GET,\s*[\"'](\w+)[\"']", text))
    return sorted(names)


def public_url_names() -> set[str]:
    """Every named URL of the public namespaces that is not a workspace page."""
    names = set()
    for top in get_resolver().url_patterns:
        if not isinstance(top, URLResolver):
            continue
        for include in top.url_patterns:
            namespace = getattr(include, "namespace", None)
            if namespace not in PUBLIC_NAMESPACES:
                continue
            for pattern in include.url_patterns:
                if pattern.name and "workspace" not in str(pattern.pattern):
                    names.add(f"{namespace}:{pattern.name}")
    return names


def example_urls(plan) -> dict[str, list[str]]:
    """Up to two URLs of each public page: the sitemap's, plus the pages it does not list."""
    found: dict[str, list[str]] = {}
    for sitemap_class in sitemaps.values():
        sitemap = sitemap_class()
        for item in sitemap.items():
            url = sitemap.location(item)
            match = resolve(url)
            urls = found.setdefault(match.view_name, [])
            if len(urls) < 2:
                urls.append(url)
    event = plan.events.filter(published=True).order_by("starts_at").first()
    # The demo uploads no file: a document number that does not exist still exercises the view.
    document_pk = plan.documents.values_list("pk", flat=True).order_by("pk").first() or 1
    extra = {
        "public:programme_ical": reverse("public:programme_ical", args=[plan.slug]),
        "events:ical": reverse("events:ical", args=[plan.slug]),
        "events:month": reverse(
            "events:month", args=[plan.slug, event.starts_at.year, event.starts_at.month]
        ),
        "events:register": reverse("events:register", args=[plan.slug, event.pk]),
        "news:feed": reverse("news:feed", args=[plan.slug]),
        "public:reasoned_response_csv": reverse("public:reasoned_response_csv", args=[plan.slug]),
        "documents:download": reverse("documents:download", args=[plan.slug, document_pk]),
        "participation:data_link": reverse("participation:data_link", args=[plan.slug]),
        # The demo may have no commitment yet: a number that does not exist exercises the view.
        "commitments:detail": reverse("commitments:detail", args=[plan.slug, 1]),
        "selection:methodology": reverse("selection:methodology", args=[plan.slug]),
        # The demo may have no draft version yet: a label that does not exist exercises the views.
        "publication:draft": reverse("publication:draft", args=[plan.slug, "0.1"]),
        "publication:draft_file": reverse(
            "publication:draft_file", args=[plan.slug, "0.1", "es", "pdf"]
        ),
        "public:reasoned_response_draft_comments_csv": reverse(
            "public:reasoned_response_draft_comments_csv", args=[plan.slug]
        ),
        # The demo's plan is not published: its download answers 404 (exercises the view).
        "publication:download": reverse("publication:download", args=[plan.slug, "es", "pdf"]),
        # A round whose report is not published answers 404, as one that does not exist.
        "publication:public_review_report": reverse(
            "publication:public_review_report", args=[plan.slug, 1]
        ),
        "accounts:login": reverse("accounts:login"),
        "accounts:lockouts": reverse("accounts:lockouts"),
        "accounts:signup": reverse("accounts:signup"),
        "accounts:signup_sent": reverse("accounts:signup_sent"),
        "accounts:password_reset": reverse("accounts:password_reset"),
        "accounts:password_reset_done": reverse("accounts:password_reset_done"),
        "accounts:password_reset_complete": reverse("accounts:password_reset_complete"),
    }
    for name, url in extra.items():
        found.setdefault(name, []).append(url)
    return found


def test_every_public_url_is_browsed(demo):
    browsed = set(example_urls(demo))
    missing = public_url_names() - browsed - NOT_BROWSED
    assert missing == set(), "add an example URL of these pages to example_urls()"


def test_query_parameters_are_found_in_the_source():
    names = query_parameter_names()
    for name in ["year", "page", "from", "to", "axis", "table", "outcome", "q", "kind", "type"]:
        assert name in names


def _server_errors(client, urls) -> list[str]:
    return [url for url in urls if client.get(url).status_code >= 500]


def test_no_public_url_answers_500_to_hostile_query_parameters(demo):
    client = Client(raise_request_exception=False)
    names = query_parameter_names()
    urls = []
    for examples in example_urls(demo).values():
        for base in examples[:1]:
            for value in BAD_VALUES:
                encoded = quote(value, safe="")
                # Every parameter at once keeps the test fast; views read all theirs before
                # answering (test_reported_urls_... checks single ones).
                urls.append(base + "?" + "&".join(f"{name}={encoded}" for name in names))
    errors = _server_errors(client, urls)
    assert errors == []


def test_no_public_url_answers_500_to_huge_numbers_in_its_path(demo):
    client = Client(raise_request_exception=False)
    urls = []
    for examples in example_urls(demo).values():
        base = examples[0]
        numbers = re.findall(r"/(\d+)(?=/|$|\.)", base)
        for number in set(numbers):
            for value in [HUGE, "0", "2147483648", "9223372036854775808"]:
                urls.append(base.replace(f"/{number}", f"/{value}", 1))
    urls.append("/en" + reverse("events:month", args=[demo.slug, 2017, 13]))
    errors = _server_errors(client, urls)
    assert errors == []


@pytest.mark.parametrize(
    "query", ["year=-1", f"year={HUGE}", f"to={HUGE}", f"from={HUGE}&to=1", "to=-1"]
)
@pytest.mark.parametrize("name", ["documents:repository", "public:compare", "events:list"])
def test_reported_urls_answer_without_a_server_error(client, demo, name, query):
    response = client.get(reverse(name, args=[demo.slug]) + "?" + query)
    assert response.status_code in {200, 400}
