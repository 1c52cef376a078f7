"""Whole-page caching of public pages for anonymous visitors.

A cached page is keyed by its full path (which carries the language) and the site revision, so
it is never stale: every write bumps the revision in the database, and the next request on any
server renders afresh. Logged-in people, and anyone with a pending message, get a fresh page."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .models import SiteRevision

TIMEOUT = 600
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def cache_public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if (
            request.method != "GET"
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        # Read once per request: PlanLanguageMiddleware may have read it already.
        revision = getattr(request, "site_revision", None)
        if revision is None:
            revision = SiteRevision.current()
        key = f"page:{revision}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            status, headers, content = hit
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = view(request, *args, **kwargs)
        # A page that used a CSRF token (a form) is personal to this visitor: never shared.
        personal = request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies
        if response.status_code == 200 and not response.streaming and not personal:
            headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.status_code, headers, response.content), TIMEOUT)
        return response

    return wrapper
