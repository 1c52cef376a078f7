"""State changes of the news."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cocrea.core.actions import assign_changed, log_action, require_perm

from .models import NewsItem

TEXT_FIELDS = [f"{name}_{lang}" for name in ("title", "summary", "body") for lang in ("es", "en")]


@transaction.atomic
def publish_news(plan, *, by, published_on: datetime.date | None = None, **texts) -> NewsItem:
    require_perm(by, "news.publish_news", plan)
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    default = plan.default_language
    if (
        not texts.get(f"title_{default}", "").strip()
        or not texts.get(f"body_{default}", "").strip()
    ):
        raise ValidationError(
            _("A news item needs a title and a text in the plan's default language.")
        )
    item = NewsItem(plan=plan, published_on=published_on or timezone.localdate(), **texts)
    item.full_clean()
    item.save()
    log_action(actor=by, verb="news.publish_news", target=item, plan=plan)
    return item


@transaction.atomic
def update_news(item: NewsItem, *, by, **fields) -> list[str]:
    require_perm(by, "news.change_news", item.plan)
    unknown = set(fields) - {*TEXT_FIELDS, "published_on"}
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    changed = assign_changed(item, fields)
    if changed:
        item.full_clean()
        item.save(update_fields=[*changed, "updated_at"])
        log_action(
            actor=by, verb="news.update_news", target=item, plan=item.plan, data={"fields": changed}
        )
    return changed
