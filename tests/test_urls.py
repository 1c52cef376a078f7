"""The order of the URL patterns: the public pages are found first, and no pattern hides another
(each named page's URL resolves to that page), so the order changes no page."""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter, UUIDConverter
from django.urls.resolvers import RoutePattern

SAMPLES = {IntConverter: 7, SlugConverter: "some-plan", UUIDConverter: uuid.UUID(int=7)}


def sample(converter):
    for kind, value in SAMPLES.items():
        if type(converter) is kind:
            return value
    if isinstance(converter, PathConverter):
        return "a/b"
    return "Tk9uZQ"  # str: any segment


def named_patterns(patterns=None, namespace=""):
    """(name with namespaces, pattern) of every named pattern, in the order Django tries them."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and namespace != "admin:":
            yield f"{namespace}{entry.name}", entry


def test_every_named_page_is_reached_by_its_own_url():
    checked = []
    for name, pattern in named_patterns():
        assert isinstance(pattern.pattern, RoutePattern), name
        kwargs = {key: sample(conv) for key, conv in pattern.pattern.converters.items()}
        url = reverse(name, kwargs=kwargs)
        match = resolve(url)
        assert (url, match.view_name) == (url, name)
        checked.append(name)
    # The walk saw the whole site, not a part of it.
    assert {"public:home", "public:programme", "proposals:detail", "workspace:home"} <= set(checked)
    assert len(checked) > 100


def tries(path: str, patterns=None) -> tuple[bool, int]:
    """(found, how many patterns Django tries before the one matching `path`): an include whose
    prefix does not match counts as one, one whose prefix matches as the patterns tried in it."""
    count = 0
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        match = entry.pattern.match(path)
        if isinstance(entry, URLResolver) and match:
            found, inside = tries(match[0], entry.url_patterns)
            if found:
                return True, count + inside
            count += inside
        elif match:
            return True, count
        else:
            count += 1
    return False, count


def test_the_public_pages_are_tried_first():
    # Before: accounts/, workspace/, then every pattern of events, documents, news,
    # participation, tables and proposals: 81 tries for the home page, 84 for the programme.
    assert tries("") == (True, 5)
    assert tries("plans/panama-2017-2019/programme/") == (True, 8)
    # (the reasoned response, its CSV and the CSV of the comments on the draft plan are public
    # patterns tried before the events)
    assert tries("plans/panama-2017-2019/events/") == (True, 21)
    assert tries("plans/panama-2017-2019/proposals/1/")[0] is True
    assert tries("no-such-page/")[0] is False


def _kept_resolver():
    from cocrea.core.routing import KeptResolver

    found = [
        inner
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver)
        for inner in entry.url_patterns
        if isinstance(inner, KeptResolver)
    ]
    assert len(found) == 1
    return found[0]


def test_a_path_is_resolved_once_per_language_and_a_404_never_kept(monkeypatch):
    from django.urls import Resolver404
    from django.utils import translation

    from cocrea.core import routing

    kept = _kept_resolver()
    kept._kept.clear()
    first = resolve("/plans/some-plan/proposals/7/")
    assert first.view_name == "proposals:detail" and first.kwargs == {"slug": "some-plan", "pk": 7}
    assert len(kept._kept) == 1
    again = resolve("/plans/some-plan/proposals/7/")
    assert (again.view_name, again.kwargs) == (first.view_name, first.kwargs)
    assert len(kept._kept) == 1
    with translation.override("en"):
        english = resolve("/en/plans/some-plan/proposals/7/")
    assert english.view_name == "proposals:detail" and len(kept._kept) == 2
    with pytest.raises(Resolver404):
        resolve("/no-such-page/")
    assert len(kept._kept) == 2
    # Bounded: past SIZE paths, what was kept is forgotten at once.
    monkeypatch.setattr(routing, "SIZE", 3)
    for n in range(3):
        resolve(f"/plans/some-plan/proposals/{n + 10}/")
    assert len(kept._kept) <= 3
