"""Any write to a model of cocrea's own apps (through an action, the admin or a shell) marks the
public content as changed. Writes by QuerySet.update() bypass signals; the actions bump the
revision themselves through `log_action`."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import SiteRevision

WATCHED_APPS = {
    "accounts",
    "organisations",
    "plans",
    "tables",
    "participation",
    "events",
    "documents",
    "news",
    "proposals",
}


def _changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in WATCHED_APPS:
        return
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # logging in changes nothing the public sees
    SiteRevision.bump()


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"cocrea-site-revision-{id(signal)}")
