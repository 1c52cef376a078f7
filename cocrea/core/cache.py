"""Whole-page caching of public pages for anonymous visitors, and fragments for everyone.

A cached page is keyed by its full path (which carries the language) and the revisions it depends
on (`cocrea.core.revisions`): a plan's page (a URL with the plan's `slug`) by the site's revision
and that plan's; a page outside a plan's URLs by the site's revision and that of the plan it shows
(`plan=`, the home page's current plan), or of every plan (`everything=True`, the sitemap). Every
write bumps the revision of its plan (or the site's), so a page is never served after a change to
what it shows, beyond the bound stated in `revisions`; a write in one plan keeps every other
plan's pages. Logged-in people, and anyone with a pending message, get a fresh page."""

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
        slug = kwargs.get("slug")
        if slug:
            return revisions.for_request(request, slug)
        if everything:
            return revisions.of_everything()
        if plan is not None:
            return revisions.for_query(plan_query, plan)
        return revisions.for_plan(revisions.SITE, keep=True)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
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
    return mark_safe(html.replace(CSRF_PLACEHOLDER, str(get_token(request))))
