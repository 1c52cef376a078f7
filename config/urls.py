from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from cocrea.core.routing import kept
from cocrea.core.views import favicon
from cocrea.public import sitemaps
from cocrea.public.views import minimal

urlpatterns = [
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("bench/minimal/", minimal, name="bench-minimal"),
    path("favicon.ico", favicon, name="favicon"),
]

# The public pages first: most requests are anonymous visits to them, and Django tries the
# patterns in order. No two patterns match the same URL (tests/test_urls.py), so the order
# changes no page, only how soon the public ones are found. Each path is then resolved once per
# process (`cocrea.core.routing`); the language prefix stays outside, where Django's
# LocaleMiddleware looks for it.
urlpatterns += i18n_patterns(
    *kept(
        [
            path("", include("cocrea.public.urls")),
            path("", include("cocrea.events.urls")),
            path("", include("cocrea.news.urls")),
            path("", include("cocrea.documents.urls")),
            path("", include("cocrea.proposals.urls")),
            path("", include("cocrea.selection.urls")),
            path("", include("cocrea.commitments.urls")),
            path("", include("cocrea.publication.urls")),
            path("", include("cocrea.participation.urls")),
            path("", include("cocrea.workspace.tables_urls")),
            path("", include("cocrea.notifications.urls")),
            path("accounts/", include("cocrea.accounts.urls")),
            path("workspace/", include("cocrea.workspace.urls")),
        ]
    ),
    prefix_default_language=False,
)
