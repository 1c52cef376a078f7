"""The revisions that key cached pages and fragments: one per plan and one for the site.

A write bumps the revision of the plan it concerns (`bump_plan`), or the site's (`bump_site`:
the list of plans, the pages outside any plan, and any write whose plan cannot be told). A plan's
cached pages depend on the site's revision and that plan's (`for_slug`), so a comment in one plan
leaves every other plan's pages, and the site's own pages, in place.

Reading them is one raw query (no ORM to build per request). For an anonymous page, the values
read are also kept in this process for `settings.PAGE_CACHE_REVISION_SECONDS` (2 s by default;
0 reads the database every time): a cache hit then costs no query at all. A write made through
this process forgets the kept values at once (and again when it commits), so it shows here on the
next request; a write made through another app server shows here within that bound."""

import time
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from .models import Revision

SITE = Revision.SITE


class Revisions(NamedTuple):
    """What a page depends on: the site's revision, and one plan's (its id, 0 for none)."""

    site: int
    plan: int
    revision: int


# Values kept in this process: {what: (read at, revisions)}; never more than MEMO_SIZE entries
# (a crawler asking for many unknown slugs must not grow it without end).
MEMO_SIZE = 1000
_memo: dict = {}
# The clock of the kept values; a test may advance it.
clock = time.monotonic


def seconds() -> float:
    return float(getattr(settings, "PAGE_CACHE_REVISION_SECONDS", 2))


def forget() -> None:
    """Drop the values kept in this process: the next read asks the database."""
    _memo.clear()


# --- writes --------------------------------------------------------------------------------------


def bump_site() -> None:
    _bump(SITE)


def bump_plan(plan_id) -> None:
    if plan_id:
        _bump(int(plan_id))
    else:
        _bump(SITE)


def _bump(scope: int) -> None:
    if not Revision.objects.filter(scope=scope).update(revision=F("revision") + 1):
        Revision.objects.get_or_create(scope=scope)
        Revision.objects.filter(scope=scope).update(revision=F("revision") + 1)
    forget()
    # Read again between this write and its commit, the old value would be kept: forget it again.
    transaction.on_commit(forget)


# --- reads ---------------------------------------------------------------------------------------

_sql: dict = {}


def _table() -> str:
    return connection.ops.quote_name(Revision._meta.db_table)


def _plan_sql(where: str) -> str:
    plan = apps.get_model("plans", "ActionPlan")._meta
    quote = connection.ops.quote_name
    return _query_with(f"SELECT {quote(plan.pk.column)} FROM {quote(plan.db_table)} WHERE {where}")


def _query(name: str, build) -> str:
    key = (connection.vendor, name)
    if key not in _sql:
        _sql[key] = build()
    return _sql[key]


def _read(sql: str, params) -> Revisions:
    site = plan = revision = 0
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for scope, value in cursor.fetchall():
            if scope == SITE:
                site = int(value)
            else:
                plan, revision = int(scope), int(value)
    return Revisions(site, plan, revision)


def _kept(what, read, keep: bool) -> Revisions:
    ttl = seconds() if keep else 0
    now = clock()
    if ttl > 0:
        kept = _memo.get(what)
        if kept is not None and now - kept[0] < ttl:
            return kept[1]
    value = read()
    if ttl > 0:
        if len(_memo) >= MEMO_SIZE:
            _memo.clear()
        _memo[what] = (now, value)
    return value


def for_slug(slug: str, *, keep: bool = True) -> Revisions:
    """The revisions a page of the plan at `slug` depends on (an unknown slug: plan 0)."""
    sql = _query("slug", lambda: _plan_sql(f"{connection.ops.quote_name('slug')} = %s"))
    return _kept(("slug", slug), lambda: _read(sql, [slug]), keep)


def for_plan(plan_id: int, *, keep: bool = False) -> Revisions:
    """The revisions of the site and of plan `plan_id`; from the database unless `keep`."""
    sql = _query(
        "id",
        lambda: (
            f"SELECT {connection.ops.quote_name('scope')}, {connection.ops.quote_name('revision')}"
            f" FROM {_table()} WHERE {connection.ops.quote_name('scope')} IN ({SITE}, %s)"
        ),
    )
    return _kept(("id", plan_id), lambda: _read(sql, [plan_id]), keep)


def for_query(name: str, plan_ids, *, keep: bool = True) -> Revisions:
    """The revisions of the site and of the plan whose id `plan_ids()` selects: for a page outside a
    plan's URLs that shows one plan (the home page shows the current plan). `plan_ids` returns a
    queryset of one `id` value; its SQL is built once and kept under `name`."""

    def build():
        sql, params = plan_ids().query.sql_with_params()
        return _query_with(sql), list(params)

    key = (connection.vendor, "query", name)
    if key not in _sql:
        _sql[key] = build()
    sql, params = _sql[key]
    return _kept(("query", name), lambda: _read(sql, params), keep)


def _query_with(subquery: str) -> str:
    quote = connection.ops.quote_name
    return (
        f"SELECT {quote('scope')}, {quote('revision')} FROM {_table()} "
        f"WHERE {quote('scope')} = {SITE} OR {quote('scope')} = ({subquery})"
    )


def of_everything(*, keep: bool = True) -> Revisions:
    """The site's revision and the sum of every plan's (as plan -1): for a page listing every
    plan's content (the sitemap). Each plan's revision only grows, so the sum moves with any
    write."""
    quote = connection.ops.quote_name
    sql = _query(
        "everything",
        lambda: (
            f"SELECT {SITE}, {quote('revision')} FROM {_table()} WHERE {quote('scope')} = {SITE} "
            f"UNION ALL SELECT -1, COALESCE(SUM({quote('revision')}), 0) FROM {_table()} "
            f"WHERE {quote('scope')} <> {SITE}"
        ),
    )
    return _kept(("everything",), lambda: _read(sql, []), keep)


def key(revisions: Revisions) -> str:
    return "{}.{}.{}".format(*revisions)


def for_request(request, slug: str, *, keep: bool = True) -> Revisions:
    """`for_slug`, read once per request: the language middleware, the page cache, the plan's
    cached row and the fragments share it. A signed-in request reads them from the database
    (`keep=False`), so a person's own write shows at once whichever server answers."""
    kept = getattr(request, "_revisions", None)
    if kept is not None and kept[0] == slug:
        return kept[1]
    value = for_slug(slug, keep=keep)
    request._revisions = (slug, value)
    return value


def read_for_request(request, slug: str) -> Revisions | None:
    """The revisions this request has already read for the plan at `slug`, or None."""
    kept = getattr(request, "_revisions", None)
    return kept[1] if kept is not None and kept[0] == slug else None


def remember_for_request(request, slug: str, value: Revisions) -> None:
    """Keep `value`, read by this request, as the revisions of the plan at `slug`."""
    request._revisions = (slug, value)
