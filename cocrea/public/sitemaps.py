from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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


sitemaps = {
    "pages": StaticSitemap,
    "plans": PlanSitemap,
    "steps": StepSitemap,
    "versions": VersionSitemap,
}
