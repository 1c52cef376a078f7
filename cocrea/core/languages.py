"""The languages of a plan's pages and mails.

A plan names its languages (`ActionPlan.language_list`) and its default one. Its pages render
in one of them whatever the visitor's browser asks, and every mail about it goes out in the
recipient's language when the plan has it, else in the plan's default language. `plan` is any
object with `language_list` and `default_language` (core does not import plans)."""

import re

from django.conf import settings
from django.utils import translation


def plan_languages(plan) -> list[str]:
    if plan is None:
        return [code for code, _name in settings.LANGUAGES]
    return list(plan.language_list) or [plan.default_language]


def plan_language_codes(plan) -> list[str]:
    """The languages a form or a list about `plan` has a column for: the plan's languages the
    site offers, its default language first (every site language without a plan)."""
    site = [code for code, _name in settings.LANGUAGES]
    if plan is None:
        return site
    codes = [code for code in plan_languages(plan) if code in site] or site[:1]
    return sorted(codes, key=lambda code: code != plan.default_language)


def plan_language(plan, *preferred: str | None) -> str:
    """The first of `preferred` (a person's stored languages, most specific first) the plan
    offers; else the plan's default language."""
    offered = plan_languages(plan)
    for code in preferred:
        if code and code in offered:
            return code
    if plan is None:
        return settings.LANGUAGE_CODE
    return plan.default_language


def language_choices(plan) -> list[tuple[str, str]]:
    """(code, name in that language) of the plan's languages, for a "language of the e-mail"
    choice."""
    names = dict(settings.LANGUAGES)
    return [
        (code, translation.get_language_info(code)["name_local"].capitalize())
        for code in plan_languages(plan)
        if code in names
    ]


def activate_plan_language(plan) -> str:
    """Keep the rest of this request in one of the plan's languages: the active one if the plan
    offers it, else the plan's default. Returns the language in force."""
    current = translation.get_language()
    code = plan_language(plan, current)
    if code != current:
        translation.activate(code)
    return code


def use_plan_languages(request, plan) -> str:
    """What PlanLanguageMiddleware does on a plan's pages, for a page that finds its plan
    itself (the site's home page shows the current plan): the page in one of the plan's
    languages, the language switcher offering only those."""
    active = activate_plan_language(plan)
    request.LANGUAGE_CODE = active
    request.plan_languages = plan_languages(plan)
    return active


class PlanLanguageMiddleware:
    """On a plan's pages (`plans/<slug>/...`, `workspace/<slug>/...`) a language the plan does
    not offer gives way to the plan's default language: an English-only plan never shows
    Spanish, even to a browser asking Spanish. Pages reached by a token (a registration, an
    invitation) call `activate_plan_language` once they have found their plan."""

    ROUTE = re.compile(r"^(?:[\w-]+/)?(?:plans|workspace)/<slug:slug>/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("slug")
        match = getattr(request, "resolver_match", None)
        route = getattr(match, "route", "") or ""
        if not slug or not self.ROUTE.match(route):
            return None
        row = _plan_languages_row(request, slug)
        if not row:
            return None
        languages = _Languages(row["languages"], row["default_language"])
        active = activate_plan_language(languages)
        request.LANGUAGE_CODE = active
        request.plan_languages = plan_languages(languages)
        # What the plan's regions are called, in the page's language (see `region_label`).
        request.region_label = row.get(f"jurisdiction__region_label_{active}") or row.get(
            f"jurisdiction__region_label_{languages.default_language}"
        )
        return None


# How long a plan's languages stay in the cache: keyed by the revisions, they are never stale.
ROW_TIMEOUT = 600


def _plan_languages_row(request, slug: str) -> dict:
    """The plan's languages and what its jurisdiction calls its regions. For an anonymous GET,
    from the cache keyed by the plan's revisions, which the page cache reads too (once per
    request): a cached page costs no query while the revisions are kept in the process."""
    from django.apps import apps
    from django.core.cache import cache

    from . import revisions

    # A GET reads the row from the cache keyed by the plan's revisions: an anonymous one with the
    # revisions the page cache reads (kept in the process for a moment), a signed-in one with
    # revisions read from the database (one raw query, which the page's fragments and its plan
    # reuse), so a write shows at once. Other requests ask the database.
    key = row = None
    if request.method == "GET":
        fresh = revisions.for_request(request, slug, keep=not request.user.is_authenticated)
        key = f"plan-languages:{revisions.key(fresh)}:{slug}"
        row = cache.get(key)
    if row is None:
        ActionPlan = apps.get_model("plans", "ActionPlan")
        codes = [code for code, _name in settings.LANGUAGES]
        labels = [f"jurisdiction__region_label_{code}" for code in codes]
        row = (
            ActionPlan.objects.filter(slug=slug)
            .values("languages", "default_language", *labels)
            .first()
        ) or {}
        if key is not None:
            cache.set(key, row, ROW_TIMEOUT)
    return row


class _Languages:
    def __init__(self, languages: str, default_language: str):
        self.language_list = [c.strip() for c in languages.split(",") if c.strip()]
        self.default_language = default_language
