from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cocrea.events.models import Event
from cocrea.news.models import NewsItem
from cocrea.plans.models import ActionPlan, ProgrammeVersion, Step


class _I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(_I18nSitemap):
    def items(self):
        return ["public:home", "public:about"]

    def location(self, item):
        return reverse(item)


class PlanSitemap(_I18nSitemap):
    pages = ["plan", "programme", "versions", "compare", "commission", "activity"]

    def items(self):
        return [
            (plan.slug, page) for plan in ActionPlan.objects.order_by("pk") for page in self.pages
        ]

    def location(self, item):
        slug, page = item
        return reverse(f"public:{page}", args=[slug])


class StepSitemap(_I18nSitemap):
    def items(self):
        return Step.objects.select_related("plan").order_by("plan_id", "number")

    def lastmod(self, step):
        return step.updated_at


class VersionSitemap(_I18nSitemap):
    def items(self):
        return ProgrammeVersion.objects.select_related("plan").order_by("plan_id", "number")

    def lastmod(self, version):
        return version.created_at


class EventSitemap(_I18nSitemap):
    def items(self):
        return Event.objects.filter(published=True).select_related("plan").order_by("pk")

    def lastmod(self, event):
        return event.updated_at


class NewsSitemap(_I18nSitemap):
    def items(self):
        return NewsItem.objects.select_related("plan").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class SectionSitemap(_I18nSitemap):
    pages = ["events:list", "documents:repository", "news:list", "news:take_part", "news:reach"]

    def items(self):
        return [
            (plan.slug, page) for plan in ActionPlan.objects.order_by("pk") for page in self.pages
        ]

    def location(self, item):
        slug, page = item
        return reverse(page, args=[slug])


class ParticipationSitemap(SectionSitemap):
    pages = ["participation:call", "participation:privacy", "public:tables", "proposals:list"]


class TableSitemap(_I18nSitemap):
    def items(self):
        from cocrea.tables.models import WorkingTable

        return WorkingTable.objects.select_related("plan").order_by("plan_id", "number")


class ProposalSitemap(_I18nSitemap):
    """Submitted proposals only: drafts are never public."""

    def items(self):
        from cocrea.proposals.models import Proposal

        return (
            Proposal.objects.filter(status=Proposal.Status.SUBMITTED)
            .select_related("plan")
            .order_by("pk")
        )

    def lastmod(self, proposal):
        return proposal.updated_at


sitemaps = {
    "pages": StaticSitemap,
    "plans": PlanSitemap,
    "steps": StepSitemap,
    "versions": VersionSitemap,
    "section": SectionSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
    "participation": ParticipationSitemap,
    "tables": TableSitemap,
    "proposals": ProposalSitemap,
}
