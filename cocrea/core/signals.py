"""Any write to a model of cocrea's own apps (through an action, the admin or a shell) marks what
the public pages show as changed: the revision of the plan the written object belongs to, or the
site's revision when that cannot be told (`cocrea.core.revisions`). Writes by QuerySet.update()
bypass signals; the actions bump the revision themselves through `log_action`.

The plan of an object is found by following its foreign keys (at most `DEPTH` of them) to an
action plan: `Step.plan`, `Comment.proposal.plan`, `Registration.event.plan`. A write to an
action plan itself bumps that plan and the site (the home page lists the plans); a write to a
model with no path to a plan (a person, an organisation: their names show on every plan's pages)
bumps the site, which every cached page depends on."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import revisions

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
    # the plan's document: a version's files, once produced, show on its public pages
    "publication",
}
DEPTH = 3
SITE_WIDE = object()
_paths: dict = {}


def plan_path(model) -> tuple[str, ...] | object:
    """The attribute names leading from an instance of `model` to its plan's id (the last one
    is a `*_id` attribute), or SITE_WIDE. Shortest path first; found once per model."""
    if model not in _paths:
        _paths[model] = _find_path(model)
    return _paths[model]


def _is_plan(model) -> bool:
    return model._meta.app_label == "plans" and model._meta.model_name == "actionplan"


def _find_path(model):
    if _is_plan(model):
        return ("pk",)
    frontier = [(model, ())]
    for _depth in range(DEPTH):
        following = []
        for current, path in frontier:
            for field in current._meta.concrete_fields:
                if not field.is_relation or not field.many_to_one and not field.one_to_one:
                    continue
                target = field.related_model
                if _is_plan(target):
                    return (*path, field.attname)
                following.append((target, (*path, field.name)))
        frontier = following
    return SITE_WIDE


def plan_of(instance):
    """The id of the plan `instance` belongs to, or SITE_WIDE."""
    path = plan_path(type(instance))
    if path is SITE_WIDE:
        return SITE_WIDE
    value = instance
    try:
        for name in path:
            value = getattr(value, name)
            if value is None:
                return SITE_WIDE
    except ObjectDoesNotExist:  # a parent deleted in the same cascade
        return SITE_WIDE
    return value


def _changed(sender, instance=None, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in WATCHED_APPS:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: its post_ signal follows
    if kwargs.get("update_fields") == frozenset({"last_login"}):
        return  # logging in changes nothing the public sees
    if instance is None or getattr(instance, "_meta", None) is None:
        revisions.bump_site()
        return
    if kwargs.get("created") and meta.label == "accounts.User":
        return  # a new account shows nowhere until it takes part (which bumps its plan)
    if _is_plan(type(instance)):
        revisions.bump_site()
        if instance.pk:
            revisions.bump_plan(instance.pk)
        return
    plan = plan_of(instance)
    if plan is SITE_WIDE:
        revisions.bump_site()
    else:
        revisions.bump_plan(plan)


def connect():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"cocrea-revisions-{id(signal)}")
