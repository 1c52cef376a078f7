"""Who is told about what: every kind of notification of the process, declared once.

Adding a kind is one declaration here plus its template (`Kind.template`); the domain action
reports it with `happened("<key>", plan=..., obj=..., by=...)` (cocrea/core/happenings.py). The
tests build the kind x persona matrix from this catalogue, so a kind without its row fails.

The audience functions read who holds which role or seat now; they run inside the action's
transaction and must stay a bounded number of queries whatever the number of recipients."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

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


# --- the kinds, by the app whose action reports them ------------------------------------------

KINDS: list[Kind] = []

# accounts

# plans

# tables

# participation

# events

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
