from functools import lru_cache

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=2048)
def _translated(path: str, code: str) -> str:
    """`translate_url`, kept in the process: a path's translation depends only on the path, the
    language and the URL patterns, which do not change while the process runs (it resolves and
    reverses the path, on every page, for every language)."""
    return translate_url(path, code)


def site(request):
    current = get_language()
    path = request.get_full_path()
    # On a plan's pages, only the plan's languages (set by PlanLanguageMiddleware).
    offered = getattr(request, "plan_languages", None)
    links = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _translated(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
        if offered is None or code in offered
    ]
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "language_links": links,
        # On a plan's pages, what its jurisdiction calls its regions ("Provinces and comarcas").
        "region_label": getattr(request, "region_label", None) or _("Province"),
    }


def kept_csrf(request):
    """While a signed-in person's page is rendered to be kept (`cocrea.core.cache`), its forms
    get a placeholder in place of the CSRF token: each response puts the request's own token in.
    Otherwise Django's `csrf_token` (its built-in processor) stands."""
    placeholder = getattr(request, "csrf_placeholder", None)
    return {"csrf_token": placeholder} if placeholder else {}
