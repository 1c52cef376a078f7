"""The sitemap: an index (`/sitemap.xml`) of one paged file per section (`/sitemap-<section>.xml`,
`?p=2`...), each page at most `LIMIT` URLs, each URL with its alternate languages.

Sections backed by a queryset are paged in the database (a page loads only its own rows) and
report their latest change with one aggregate, so neither the index nor a page grows in time or
memory with the site; both are cached like every public page."""

import math

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.views.decorators.http import require_GET

from cocrea.core.cache import cache_public_page
from cocrea.core.languages import plan_languages
from cocrea.documents.models import Document
from cocrea.events.models import Event
from cocrea.news.models import NewsItem
from cocrea.plans.models import ActionPlan, ProgrammeVersion, Step

# What a plan's languages are read from.
PLAN_LANGUAGES = ("slug", "languages", "default_language")

# URLs per sitemap file (Google accepts 50,000; smaller files stay cheap to render uncached).
LIMIT = 1000


class _LanguagePairs:
    """(item, language) pairs of a queryset, as Django's i18n sitemap pages them, counted and
    sliced in the database instead of building every pair in memory."""

    def __init__(self, items: QuerySet, languages: list[str]):
        self.items = items
        self.languages = languages

    def count(self) -> int:
        return self.items.count() * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice):
        per_item = len(self.languages)
        start, stop = window.start or 0, window.stop
        first, last = start // per_item, math.ceil(stop / per_item)
        pairs = [(item, lang) for item in self.items[first:last] for lang in self.languages]
        offset = start - first * per_item
        return pairs[offset : offset + (stop - start)]


class _I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = LIMIT
    lastmod_field = ""  # the field that dates each item, for the index's <lastmod>

    def _items(self):
        items = self.items()
        if isinstance(items, QuerySet):
            return _LanguagePairs(items, list(self._languages()))
        return super()._items()

    def get_languages_for_item(self, item):
        """Only the languages of the item's plan: an English-only plan has no Spanish URL."""
        languages = list(self._languages())
        plan = self.plan_of(item)
        if plan is None:
            return languages
        offered = plan_languages(plan)
        return [code for code in languages if code in offered]

    def plan_of(self, item):
        return getattr(item, "plan", None)

    def _urls(self, page, protocol, domain):
        # Pairs of a queryset are paged in every site language; drop those the plan lacks.
        urls = super()._urls(page, protocol, domain)
        return [
            url for url in urls if url["item"][1] in self.get_languages_for_item(url["item"][0])
        ]

    def lastmod(self, item):
        return getattr(item, self.lastmod_field) if self.lastmod_field else None

    def get_latest_lastmod(self):
        if not self.lastmod_field:
            return None
        return self.items().aggregate(latest=Max(self.lastmod_field))["latest"]


class StaticSitemap(_I18nSitemap):
    def items(self):
        return ["public:home", "public:about"]

    def plan_of(self, item):
        # Both show the current plan, in its languages.
        if not hasattr(self, "_current"):
            self._current = ActionPlan.objects.filter(is_current=True).only(*PLAN_LANGUAGES).first()
        return self._current

    def location(self, item):
        return reverse(item)


class _PlanPagesSitemap(_I18nSitemap):
    """Items (plan slug, page name) of every plan, the pages named by `pages`."""

    def items(self):
        # The plans are read once, with their languages, for the items and `plan_of`.
        plans = ActionPlan.objects.order_by("pk").only(*PLAN_LANGUAGES)
        self._plans = {plan.slug: plan for plan in plans}
        return [(slug, page) for slug in self._plans for page in self.pages]

    def plan_of(self, item):
        return self._plans.get(item[0])


class PlanSitemap(_PlanPagesSitemap):
    pages = [
        "plan",
        "programme",
        "versions",
        "compare",
        "commission",
        "activity",
        "reasoned_response",
    ]

    def location(self, item):
        slug, page = item
        return reverse(f"public:{page}", args=[slug])


class StepSitemap(_I18nSitemap):
    lastmod_field = "updated_at"

    def items(self):
        return Step.objects.select_related("plan").order_by("plan_id", "number")


class VersionSitemap(_I18nSitemap):
    lastmod_field = "created_at"

    def items(self):
        return ProgrammeVersion.objects.select_related("plan").order_by("plan_id", "number")


class EventSitemap(_I18nSitemap):
    lastmod_field = "updated_at"

    def items(self):
        return Event.objects.filter(published=True).select_related("plan").order_by("pk")


class NewsSitemap(_I18nSitemap):
    lastmod_field = "updated_at"

    def items(self):
        return NewsItem.objects.select_related("plan").order_by("pk")


class DocumentSitemap(_I18nSitemap):
    """Uploaded documents, once public (`Document.objects.public()`)."""

    lastmod_field = "updated_at"

    def items(self):
        return Document.objects.public().select_related("plan").order_by("pk")


class SectionSitemap(_PlanPagesSitemap):
    pages = ["events:list", "documents:repository", "news:list", "news:take_part", "news:reach"]

    def location(self, item):
        slug, page = item
        return reverse(page, args=[slug])


class ParticipationSitemap(SectionSitemap):
    pages = [
        "participation:call",
        "participation:privacy",
        "public:tables",
        "proposals:list",
        "commitments:list",
        "publication:drafts",
    ]


class PublishedPlanSitemap(SectionSitemap):
    """The plan's permanent page (its state before publication, the published plan after)."""

    pages = ["publication:published"]


class TableSitemap(_I18nSitemap):
    def items(self):
        from cocrea.tables.models import WorkingTable

        return WorkingTable.objects.select_related("plan").order_by("plan_id", "number")


class ProposalSitemap(_I18nSitemap):
    """Submitted proposals only: drafts are never public."""

    lastmod_field = "updated_at"

    def items(self):
        from cocrea.proposals.models import Proposal

        return (
            Proposal.objects.filter(status=Proposal.Status.SUBMITTED)
            .select_related("plan")
            .order_by("pk")
        )


class CommitmentSitemap(_I18nSitemap):
    """Every commitment: its public page shows drafts too, marked as such."""

    lastmod_field = "updated_at"

    def items(self):
        from cocrea.commitments.models import Commitment

        return Commitment.objects.select_related("plan").order_by("plan_id", "number")


class MethodologySitemap(_I18nSitemap):
    """The selection methodology page of each plan that has published one."""

    lastmod_field = "published_at"

    def items(self):
        from cocrea.selection.models import Methodology

        return (
            Methodology.objects.filter(status=Methodology.Status.PUBLISHED)
            .select_related("plan")
            .order_by("plan_id")
        )

    def location(self, item):
        return reverse("selection:methodology", args=[item.plan.slug])


class DraftVersionSitemap(_I18nSitemap):
    """Every issued version of a plan's document: drafts are published for comment."""

    lastmod_field = "issued_at"

    def items(self):
        from cocrea.publication.models import DraftVersion

        return (
            DraftVersion.objects.select_related("plan")
            .defer("content")
            .order_by("plan_id", "major", "minor")
        )

    def location(self, item):
        return reverse("publication:draft", args=[item.plan.slug, item.label])


class ReviewReportSitemap(_I18nSitemap):
    """The report of each OGP review round the secretariat published (nothing of the others)."""

    lastmod_field = "report_published_at"

    def items(self):
        from cocrea.publication.models import ReviewRound

        return (
            ReviewRound.objects.filter(report_published_at__isnull=False)
            .select_related("plan")
            .order_by("plan_id", "number")
        )

    def location(self, item):
        return reverse("publication:public_review_report", args=[item.plan.slug, item.number])


sitemaps = {
    "pages": StaticSitemap,
    "plans": PlanSitemap,
    "steps": StepSitemap,
    "versions": VersionSitemap,
    "section": SectionSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "documents": DocumentSitemap,
    "participation": ParticipationSitemap,
    "tables": TableSitemap,
    "proposals": ProposalSitemap,
    "commitments": CommitmentSitemap,
    "selection": MethodologySitemap,
    "drafts": DraftVersionSitemap,
    "published-plan": PublishedPlanSitemap,
    "reviews": ReviewReportSitemap,
}


def _rendered(view):
    """Django's sitemap views answer a lazy TemplateResponse; the page cache stores content."""

    def wrapper(request, **kwargs):
        return view(request, sitemaps=sitemaps, **kwargs).render()

    return wrapper


index = require_GET(cache_public_page(everything=True)(_rendered(sitemap_views.index)))
section = require_GET(cache_public_page(everything=True)(_rendered(sitemap_views.sitemap)))
