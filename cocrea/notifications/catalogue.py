"""Who is told about what: every kind of notification of the process, declared once.

Adding a kind is one declaration here plus its template (`Kind.template`); the domain action
reports it with `happened("<key>", plan=..., obj=..., by=...)` (cocrea/core/happenings.py). The
tests build the kind x persona matrix from this catalogue, so a kind without its row fails.

The audience functions read who holds which role or seat now; they run inside the action's
transaction and must stay a bounded number of queries whatever the number of recipients."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cocrea.core.languages import plan_language
from cocrea.core.links import absolute_url
from cocrea.plans.models import Role

from .kinds import Happening, Kind, Recipient, people

User = get_user_model()


# --- audiences shared by several kinds -------------------------------------------------------


def holders(plan, *roles) -> list:
    """The active people holding any of `roles` in `plan`."""
    return list(
        User.objects.filter(
            is_active=True, plan_roles__plan=plan, plan_roles__role__in=roles
        ).distinct()
    )


def secretariat(plan) -> list[Recipient]:
    return people(holders(plan, Role.SECRETARIAT))


def table_people(table, *, leaders_only: bool = False) -> list[Recipient]:
    """The table's leaders (and members, unless `leaders_only`)."""
    members = table.members.filter(user__is_active=True).select_related("user")
    if leaders_only:
        members = members.filter(is_leader=True)
    return people(member.user for member in members)


def followers(obj) -> list[Recipient]:
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj)
    return people(
        User.objects.filter(
            is_active=True,
            follows__content_type=content_type,
            follows__object_id=obj.pk,
        )
    )


def object_link(happening: Happening, recipient: Recipient) -> str:
    return happening.obj.get_absolute_url()


def context_link(happening: Happening, recipient: Recipient) -> str:
    """The path the action or the audience put in the context (`path`): a tokened link."""
    return recipient.context.get("path") or happening.context.get("path", "")


def account_owner(happening: Happening) -> list[Recipient]:
    """The account the happening is about (`obj`), in the language the action chose."""
    return [Recipient(user=happening.obj, language=happening.context.get("mail_language", ""))]


def addressee(happening: Happening) -> list[Recipient]:
    """Someone reached only by the address the action names (`email`, `mail_language`)."""
    return [
        Recipient(
            email=happening.context["email"], language=happening.context.get("mail_language", "")
        )
    ]


# --- the kinds, by the app whose action reports them ------------------------------------------

KINDS: list[Kind] = []

# accounts

KINDS += [
    Kind(
        "accounts.confirm_account",
        _("The link that activates a new account"),
        account_owner,
        required=True,
        tell_actor=True,
    ),
    Kind(
        "accounts.account_exists",
        _("Someone tried to sign up with the address of an account"),
        account_owner,
        required=True,
        tell_actor=True,
    ),
    Kind(
        "accounts.password_reset",
        _("The link that chooses a new password"),
        account_owner,
        link=context_link,
        required=True,
        tell_actor=True,
    ),
]

# plans


def _role_link(happening: Happening, recipient: Recipient) -> str:
    from cocrea.accounts.links import localized_path

    return localized_path(
        "workspace:plan", happening.context["mail_language"], [happening.plan.slug]
    )


def _role_holder(happening: Happening) -> list[Recipient]:
    plan_role = happening.obj
    return [Recipient(user=plan_role.user, language=happening.context["mail_language"])]


KINDS += [
    Kind(
        "plans.role_granted",
        _("A role in a plan was given to you"),
        _role_holder,
        link=_role_link,
    ),
]

# tables

# participation


def _invitee(happening: Happening) -> list[Recipient]:
    invitation = happening.obj
    return [Recipient(email=invitation.email, language=invitation.language)]


def _head(happening: Happening) -> list[Recipient]:
    request = happening.obj
    return [Recipient(email=request.head_email, language=request.language)]


KINDS += [
    Kind(
        "participation.invitation",
        _("An invitation to the working tables"),
        _invitee,
        link=context_link,
        in_app=False,
    ),
    Kind(
        "participation.welcome",
        _("An account was made for you"),
        account_owner,
        link=context_link,
        in_app=False,
    ),
    Kind(
        "participation.confirm_link",
        _("The link that confirms a registration in the open call"),
        addressee,
        link=context_link,
        required=True,
        tell_actor=True,
    ),
    Kind(
        "participation.data_link",
        _("The link to your data in the open call"),
        addressee,
        link=context_link,
        required=True,
        tell_actor=True,
    ),
    Kind(
        "participation.liaison_request",
        _("An institution is asked to designate a liaison"),
        _head,
        link=context_link,
        in_app=False,
    ),
    Kind(
        "participation.liaison_reminder",
        _("A reminder to designate a liaison"),
        _head,
        link=context_link,
        in_app=False,
    ),
]

# events


def _registrant(registration, *, path_to_registration: bool = False) -> Recipient:
    """An event registrant, reached at their address only; their links are in their language."""
    from cocrea.events.models import Registration

    event = registration.event
    language = plan_language(event.plan, registration.language)
    with translation.override(language):
        registration_path = reverse("events:registration", args=[registration.token])
        event_path = event.get_absolute_url()
    return Recipient(
        email=registration.email,
        language=registration.language,
        context={
            "registration": registration,
            "registration_url": absolute_url(registration_path),
            "event_url": absolute_url(event_path),
            "expires_hours": Registration.PENDING_HOURS,
            "path": registration_path if path_to_registration else event_path,
        },
    )


def _the_registrant(happening: Happening) -> list[Recipient]:
    return [_registrant(happening.obj)]


def _the_registrant_by_link(happening: Happening) -> list[Recipient]:
    return [_registrant(happening.obj, path_to_registration=True)]


def _registrants(happening: Happening) -> list[Recipient]:
    """The event's confirmed and waiting registrants: a pending address was never shown to be
    someone's."""
    from cocrea.events.models import Registration

    event = happening.obj
    told = (
        event.registrations.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
        )
        .exclude(email="")
        .order_by("pk")
    )
    recipients = []
    for registration in told:
        registration.event = event
        recipients.append(_registrant(registration))
    return recipients


def _event_calendar(happening: Happening, recipient: Recipient) -> list:
    """The event's calendar file, in the registrant's language (its title, its page)."""
    from cocrea.events.ical import event_calendar

    with translation.override(plan_language(happening.plan, *recipient.languages)):
        calendar = event_calendar(happening.context["event"])
    return [("event.ics", calendar, "text/calendar")]


KINDS += [
    Kind(
        "events.address_check",
        _("The link that confirms a registration for an event"),
        _the_registrant_by_link,
        link=context_link,
        required=True,
        tell_actor=True,
    ),
    Kind(
        "events.registration_link",
        _("The link to your registration for an event"),
        _the_registrant_by_link,
        link=context_link,
        required=True,
        tell_actor=True,
    ),
    Kind(
        "events.registration_confirmed",
        _("Your registration for an event is confirmed"),
        _the_registrant,
        link=context_link,
        attachments=_event_calendar,
    ),
    Kind(
        "events.event_changed",
        _("An event you registered for changed"),
        _registrants,
        link=context_link,
        attachments=_event_calendar,
    ),
    Kind(
        "events.event_cancelled",
        _("An event you registered for was cancelled"),
        _registrants,
        link=context_link,
        attachments=_event_calendar,
    ),
    Kind(
        "events.reminder",
        _("A reminder of an event you registered for, the day before"),
        _the_registrant,
        link=context_link,
        attachments=_event_calendar,
    ),
]

# proposals


def _review_given(happening: Happening) -> list[Recipient]:
    review = happening.obj
    return [
        *table_people(review.proposal.working_table),
        *secretariat(happening.plan),
        *followers(review.proposal),
    ]


def _review_link(happening: Happening, recipient: Recipient) -> str:
    return happening.obj.proposal.get_absolute_url()


KINDS += [
    Kind(
        "proposals.review_given",
        _("A viability review of a proposal was given"),
        _review_given,
        link=_review_link,
    ),
]


CATALOGUE: dict[str, Kind] = {kind.key: kind for kind in KINDS}
