"""Whole-page caching of public pages for anonymous visitors, and fragments for everyone.

A cached page is keyed by its full path (which carries the language) and the revisions it depends
on (`cocrea.core.revisions`): a plan's page (a URL with the plan's `slug`) by the site's revision
and that plan's; a page outside a plan's URLs by the site's revision and that of the plan it shows
(`plan=`, the home page's current plan), or of every plan (`everything=True`, the sitemap). Every
write bumps the revision of its plan (or the site's), so a page is never served after a change to
what it shows, beyond the bound stated in `revisions`; a write in one plan keeps every other
plan's pages. Anyone with a pending message gets a fresh page.

A signed-in person gets their own copy of a page (`personal_page`): the same page cached per
person, keyed by the revisions read from the database on every request (so any write, theirs or
another's on any server, shows at once), the person, their unread count (the bell), the day and
the language. Forms in it carry a placeholder for the CSRF token, replaced by the request's own
at each use."""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from . import revisions

TIMEOUT = 600
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def cache_public_page(view=None, *, plan=None, everything=False):
    """`@cache_public_page` on a plan's page; `@cache_public_page(plan=ids)` on a page without a
    slug showing the plan whose id `ids()` selects (a queryset of one `id`);
    `@cache_public_page(everything=True)` on a page showing every plan's content. A page without
    a slug and without either depends on the site's revision only."""
    if view is None:
        return lambda view: cache_public_page(view, plan=plan, everything=everything)
    plan_query = f"{plan.__module__}.{plan.__qualname__}" if plan is not None else None

    def page_revisions(request, kwargs):
        # A signed-in person's pages read the revisions from the database (a write shows at once).
        keep = not request.user.is_authenticated
        slug = kwargs.get("slug")
        if slug:
            return revisions.for_request(request, slug, keep=keep)
        if everything:
            return revisions.of_everything(keep=keep)
        if plan is not None:
            return revisions.for_query(plan_query, plan, keep=keep)
        return revisions.for_plan(revisions.SITE, keep=keep)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "GET" and request.user.is_authenticated:
            return _personal(request, view, args, kwargs, page_revisions(request, kwargs))
        if (
            request.method != "GET"
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
            or request.user.is_authenticated
        ):
            return view(request, *args, **kwargs)
        key = f"page:{revisions.key(page_revisions(request, kwargs))}:{request.get_full_path()}"
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


def personal_page(view):
    """A signed-in person's page of a plan (a URL with the plan's `slug`) kept for them: see
    `_personal`. For pages that show what the models of cocrea's apps hold, the person's bell
    and nothing else of theirs (no notification list, no preferences, no sessions)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or not request.user.is_authenticated or "slug" not in kwargs:
            return view(request, *args, **kwargs)
        value = revisions.for_request(request, kwargs["slug"], keep=False)
        return _personal(request, view, args, kwargs, value)

    return wrapper


# What else of the person a kept page shows, beyond what the revisions cover: functions of the
# request whose values join the key (the notifications app adds the unread count of the bell).
_stamps: list = []


def person_stamp(function) -> None:
    """Add `function(request)` to what keys a signed-in person's kept pages."""
    if function not in _stamps:
        _stamps.append(function)


# Headers of a personal page that are not kept: computed again for each response.
NOT_KEPT = {"content-length", "set-cookie"}


def _has_messages(request) -> bool:
    if "messages" in request.COOKIES:
        return True
    session = getattr(request, "session", None)
    return session is not None and "_messages" in session


def _personal(request, view, args, kwargs, value):
    """The page for this signed-in person from the cache, or rendered and kept: keyed by the
    revisions `value` (read from the database by this request), the person, their stamps (the
    unread count), the day, the language, whether htmx asks and the full path. Not kept: a page
    with messages to show, an answer other than 200, one that sets cookies or streams. Its CSRF
    token is a placeholder in the cache, the request's own token in each response."""
    from django.middleware.csrf import get_token
    from django.utils import timezone
    from django.utils.translation import get_language

    if _has_messages(request):
        return view(request, *args, **kwargs)
    key = ":".join(
        [
            "personal-page",
            revisions.key(value),
            str(request.user.pk),
            *(str(stamp(request)) for stamp in _stamps),
            timezone.localdate().isoformat(),
            get_language() or "",
            "htmx" if request.headers.get("HX-Request") else "page",
            request.get_full_path(),
        ]
    )
    hit = cache.get(key)
    if hit is None:
        request.csrf_placeholder = CSRF_PLACEHOLDER
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        finally:
            del request.csrf_placeholder
        if response.streaming:
            return response
        content = response.content
        storage = getattr(request, "_messages", None)
        added = storage is not None and bool(getattr(storage, "_queued_messages", None))
        if response.status_code == 200 and not response.cookies and not added:
            headers = [(n, v) for n, v in response.items() if n.lower() not in NOT_KEPT]
            cache.set(key, (response.status_code, headers, content), TIMEOUT)
    else:
        status, headers, content = hit
        response = HttpResponse(status=status)
        for name, v in headers:
            response[name] = v
    if CSRF_PLACEHOLDER.encode() in content:
        content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    response.content = content
    return response


def fragment_key(request, plan, *parts) -> str:
    """The key of a fragment of `plan`'s pages that is the same for every person (the Gantt
    chart and the programme's table, the reach charts), for `{% cache %}` together with `parts`
    (the language, the day the chart marks as today): the plan's revisions. An anonymous page
    reuses those the page cache read; otherwise they are read from the database (one query), so a
    signed-in person's own write shows at once whichever server answers."""
    kept = getattr(request, "_revisions", None)
    fresh = kept is None or kept[0] != plan.slug
    value = revisions.for_plan(plan.pk) if fresh else kept[1]
    return ":".join([plan.slug, revisions.key(value), *map(str, parts)])


def plan_cached(request, plan, name: str, compute):
    """`compute()` for a page of `plan`, from the cache keyed by the plan's revisions this request
    has read (the language middleware reads them on a GET of a plan's page; from the database
    when signed in, so a write shows at once) and `name`, which says what else the value
    depends on (the person, the day, the language). Without revisions read (a POST), computed.
    Only for values every write moves the revisions of: what the models of cocrea's apps hold."""
    value = revisions.read_for_request(request, plan.slug) if request.method == "GET" else None
    if value is None or value.plan != plan.pk:
        return compute()
    key = f"plan-cached:{revisions.key(value)}:{name}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found


# What a kept fragment holds in place of the request's CSRF token (a form in a row), put back at
# each use: the token is the only part of such a fragment that is the request's own.
CSRF_PLACEHOLDER = "csrf-token-kept-fragment-9c2e"


def person_fragment(request, plan, name: str, template_name: str, context):
    """The HTML of `template_name` rendered with `context()` (a dict) for this person, kept like
    `plan_cached`: by the plan's revisions, `name`, the person, the day, the language and the
    query string (the page, the filters). For a personal part of a page that every write moves
    the revisions of (rows with the person's buttons and forms): a reload or another visit by the
    same person renders none of it. The forms' CSRF token is the request's, put in at each use.
    Rendered without the context processors: the template gets `request`, `user` and
    `context()` only."""
    from django.middleware.csrf import get_token
    from django.template import Context
    from django.template.loader import get_template
    from django.utils import timezone
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    def render() -> str:
        values = {**context(), "request": request, "user": request.user}
        values["csrf_token"] = CSRF_PLACEHOLDER
        kept = Context(values)
        kept.request = request  # `{% querystring %}` reads the request's GET from here
        return get_template(template_name).template.render(kept)

    key = ":".join(
        [
            name,
            str(request.user.pk),
            timezone.localdate().isoformat(),
            get_language() or "",
            request.GET.urlencode(),
        ]
    )
    html = plan_cached(request, plan, key, render)
    # Inside a personal page being kept, the page's placeholder stays (the page puts the token in).
    token = getattr(request, "csrf_placeholder", None) or get_token(request)
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(token)))
