"""The pieces every action uses: the permission check and the action-log row."""

from django.core.exceptions import PermissionDenied

from . import revisions
from .log_verbs import check_verb
from .models import ActionLog


class _System:
    """The actor of management commands run by an operator on the server (e.g. `demo`).

    Views never use it: they pass `request.user`, anonymous or not."""

    is_authenticated = False
    is_active = True
    display_name = "system"

    def __repr__(self):
        return "SYSTEM"


SYSTEM = _System()


def require_perm(user, perm: str, obj=None) -> None:
    """Raise PermissionDenied unless `user` holds `perm` on `obj`."""
    if user is SYSTEM:
        return
    if user is None or not user.has_perm(perm, obj):
        raise PermissionDenied(perm)


def log_action(
    *,
    actor,
    verb: str,
    target=None,
    plan=None,
    description: str = "",
    data=None,
    public=True,
    changes_pages=True,
) -> ActionLog:
    """Record a state change. Call inside the action's transaction.

    `verb` must be declared, with its label, in its app's `verbs.py` (`UndeclaredVerb` otherwise,
    before anything is written)."""
    check_verb(verb)
    person = actor if getattr(actor, "is_authenticated", False) else None
    entry = ActionLog(
        actor=person,
        actor_name=person.display_name if person else getattr(actor, "display_name", ""),
        verb=verb,
        plan=plan,
        target=target,
        target_repr=str(target)[:300] if target is not None else "",
        description=description,
        data=data or {},
        public=public,
    )
    entry.save()
    # The revisions keying cached pages (`QuerySet.update()` writes send no signal): the plan's,
    # and the site's for an action on no plan or on a plan itself (which plan is current, its
    # name, dates and languages show on the home page and on every plan's pages).
    # `changes_pages=False`: a personal change no page shows (a person's notification
    # preferences) keeps every cached page.
    if not changes_pages:
        return entry
    if plan is not None:
        revisions.bump_plan(plan.pk)
    if plan is None or getattr(getattr(target, "_meta", None), "label", "") == "plans.ActionPlan":
        revisions.bump_site()
    return entry


def assign_changed(instance, fields: dict) -> list[str]:
    """Set `fields` on `instance`; return the names whose value actually changed (for
    `update_fields` and the log row). Unchanged names are left out."""
    changed = []
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed
