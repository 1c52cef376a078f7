"""The shape of a kind of notification and of its recipients (the catalogue declares them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import Frequency


@dataclass(frozen=True)
class Happening:
    """What a domain action reported (`cocrea.core.happenings.happened`)."""

    kind: str
    plan: Any
    obj: Any
    by: Any
    context: dict


@dataclass(frozen=True, eq=False)
class Recipient:
    """Someone to tell: a person with an account (`user`), or only an address (`email`) with the
    language they chose (an event registrant, a head of institution reached by a mailed link).
    `context` adds what only this recipient's message holds (their tokened link)."""

    user: Any = None
    email: str = ""
    language: str = ""
    context: dict = field(default_factory=dict)

    @property
    def address(self) -> str:
        return (self.user.email if self.user is not None else self.email) or ""

    @property
    def identity(self) -> tuple:
        if self.user is not None:
            return ("user", self.user.pk)
        return ("email", self.email.strip().lower())

    @property
    def languages(self) -> tuple[str, ...]:
        if self.user is not None:
            return (self.language, getattr(self.user, "preferred_language", ""))
        return (self.language,)


def people(users: Iterable, **context) -> list[Recipient]:
    """Recipients for users with accounts."""
    return [Recipient(user=user, context=context) for user in users]


@dataclass(frozen=True)
class Kind:
    """One kind of notification: who is told (`audience`), with which template, how by default.

    - `audience(happening)` returns the recipients; the person who acted is left out unless
      `tell_actor` (a link sent to oneself);
    - the template `notifications/mail/<key>.txt` (dots become slashes): first line the subject,
      the rest the text; it renders with `happening`, `obj`, `plan`, `by`, `recipient`, `url`
      (absolute link to the object) and the happening's and recipient's context;
    - `link(happening, recipient)` gives the site path of the object (the notification's link);
    - `required` kinds (account and security mails, tokened links a person asked for) are always
      e-mailed immediately, whatever the preferences, and never shown in the bell;
    - `attachments(happening, recipient)` returns [(filename, content, mimetype)]."""

    key: str
    label: Any
    audience: Callable[[Happening], Iterable[Recipient]]
    link: Callable[[Happening, Recipient], str] | None = None
    default: str = Frequency.IMMEDIATELY
    required: bool = False
    in_app: bool = True
    tell_actor: bool = False
    attachments: Callable[[Happening, Recipient], list] | None = None

    @property
    def template(self) -> str:
        return "notifications/mail/" + self.key.replace(".", "/") + ".txt"
