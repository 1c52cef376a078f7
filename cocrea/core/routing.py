"""Resolving a path once per process: `kept(patterns)` wraps the site's URL patterns in a
resolver that remembers what each path resolved to.

Django tries the patterns in order on every request: a workspace page is found after some 200
regular expressions (about 0.3 ms, as much as serving a cached public page). What a path resolves
to depends only on the path, the active language (the language prefix is matched outside) and
the patterns, which do not change while the process runs; so the match is kept, at most
`SIZE` paths (then forgotten all at once: a crawler asking for many paths cannot grow it). A
path that matches nothing is not kept (each 404 tries the patterns again, and lists them on
the debug page)."""

from django.urls import URLResolver
from django.urls.resolvers import RoutePattern
from django.utils.translation import get_language

SIZE = 10_000


class KeptResolver(URLResolver):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._kept: dict = {}

    def resolve(self, path):
        key = (get_language(), str(path))
        found = self._kept.get(key)
        if found is None:
            found = super().resolve(path)
            # The patterns tried before this one: for debugging only, and each resolver above
            # copies the list on every request (some 200 entries). A kept match holds none.
            found.tried = []
            if len(self._kept) >= SIZE:
                self._kept.clear()
            self._kept[key] = found
        return found


def kept(patterns) -> list:
    """`patterns` (a list, or a module's dotted path) behind one resolver that keeps its matches:
    for `urlpatterns` (inside `i18n_patterns`, whose language prefix must stay at the top)."""
    return [KeptResolver(RoutePattern(""), patterns)]
