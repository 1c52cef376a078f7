from functools import cache

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

FAVICON = "cocrea/favicon.svg"


@cache
def _favicon() -> bytes | None:
    path = finders.find(FAVICON)
    if path is None:
        return None
    with open(path, "rb") as icon:
        return icon.read()


@require_GET
def favicon(request):
    """/favicon.ico, which browsers ask for whatever the page's <link rel="icon"> says: the
    project's icon (an SVG; current browsers take it at this address too), cached for a day."""
    body = _favicon()
    if body is None:
        raise Http404
    response = HttpResponse(body, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
