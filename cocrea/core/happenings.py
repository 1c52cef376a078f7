"""What happened in the process, told to whoever listens: the hand-offs that concern people.

A domain action calls `happened(kind, plan=..., obj=..., by=..., **context)` inside its
transaction, after its own writes. It does not know who is told: the notifications app (a higher
app) listens and decides, in its catalogue (cocrea/notifications/catalogue.py), who is told about
each kind, through which channel and in which language. Listening this way keeps the import
contract (domain apps never import a higher app) while the decision lives in one place.

A listener writes inside the same transaction (the notification and the outgoing mail are saved
with the action, or not at all); sending happens later (see cocrea/notifications/delivery.py)."""

from collections.abc import Callable

_LISTENERS: list[Callable] = []


def listen(listener: Callable) -> None:
    """Register `listener(kind, *, plan, obj, by, context)`; registering twice is harmless."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def happened(kind: str, *, plan=None, obj=None, by=None, **context) -> None:
    """Tell the listeners that `kind` happened to `obj` in `plan`, done by `by` (a user, or None
    for the system or an anonymous visitor). `context` holds what the kind's message needs that
    the object does not (a tokened link, a reason)."""
    for listener in _LISTENERS:
        listener(kind, plan=plan, obj=obj, by=by, context=context)
