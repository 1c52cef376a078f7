"""Reads of the participation app for the workspace (personal data: never for public pages)."""

from django.db.models import Count, Min, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from cocrea.plans.models import Axis
from cocrea.plans.queries import current_plan

from .models import Invitation, LiaisonRequest, PrivacyNotice, Registration


def current_notice(plan) -> PrivacyNotice | None:
    """The plan's privacy notice in force: its last published version (None before the first)."""
    if plan is None:
        return None
    return (
        PrivacyNotice.objects.filter(plan=plan, published_at__isnull=False)
        .order_by("-version")
        .first()
    )


def notice_versions(plan):
    return PrivacyNotice.objects.filter(plan=plan).order_by("-version")


def current_notice_record() -> dict | None:
    """What an account's sign-up records of the notice it was shown: the current plan's notice
    (plan, version, id), or None without one."""
    plan = current_plan()
    notice = current_notice(plan)
    if notice is None:
        return None
    return {"plan": plan.slug, "version": notice.version, "id": notice.pk}


def privacy_notice_url() -> str:
    """The current plan's privacy notice, which the sign-up form links; "" without a plan."""
    plan = current_plan()
    return reverse("participation:privacy", args=[plan.slug]) if plan else ""


def active_registrations(plan):
    """Confirmed registrations: neither unconfirmed, nor revoked, nor erased."""
    return (
        Registration.objects.filter(plan=plan, status=Registration.Status.CONFIRMED)
        .select_related("region")
        .prefetch_related(Prefetch("axes", Axis.objects.order_by("number")))
        .order_by("full_name", "id")
    )


def filter_registrations(plan, *, sector="", region=None, axis=None):
    found = active_registrations(plan)
    if sector:
        found = found.filter(sector=sector)
    if region is not None:
        found = found.filter(region=region)
    if axis is not None:
        found = found.filter(axes=axis)
    return found


def registration_counts(plan) -> dict:
    """Anonymous counts (erased people included: erasure keeps only these)."""
    rows = Registration.objects.filter(plan=plan).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def invitations(plan):
    return (
        Invitation.objects.filter(plan=plan)
        .select_related("table", "organisation")
        .prefetch_related("verified_requirements")
        .order_by("-sent_at", "-id")
    )


def liaison_requests(plan):
    return LiaisonRequest.objects.filter(plan=plan).select_related("axis", "institution", "liaison")


def invitations_to_follow_up(plan) -> dict:
    """What the plan's invitations wait for from the secretariat, in one query: `accepted` ones
    to confirm (and when the first was accepted), unanswered ones whose link `expired` (to send
    again or revoke; and when the first was sent)."""
    now = timezone.now()
    accepted = Q(status=Invitation.Status.ACCEPTED)
    expired = Q(status=Invitation.Status.SENT, expires_at__lte=now)
    return Invitation.objects.filter(plan=plan).aggregate(
        accepted=Count("id", filter=accepted),
        accepted_since=Min("responded_at", filter=accepted),
        expired=Count("id", filter=expired),
        expired_since=Min("sent_at", filter=expired),
    )


def liaison_requests_pending(plan) -> dict:
    """The plan's requests for a liaison still unanswered, in one query: how many, the earliest
    deadline and the first sent."""
    return LiaisonRequest.objects.filter(plan=plan, status=LiaisonRequest.Status.PENDING).aggregate(
        pending=Count("id"), due=Min("due_on"), since=Min("sent_at")
    )


# How many registrations a table's member picker shows at most: it searches, it never lists them
# all.
PICKER_LIMIT = 20


def registrants_matching(table, q: str, *, limit: int = PICKER_LIMIT) -> list:
    """Confirmed registrations of the table's plan whose name, e-mail or organisation contains
    `q`, by name: at most `limit` (none without a search)."""
    q = q.strip()
    if not q:
        return []
    text = Q(full_name__icontains=q) | Q(email__icontains=q) | Q(organisation_name__icontains=q)
    return list(
        Registration.objects.filter(
            text, plan_id=table.plan_id, status=Registration.Status.CONFIRMED
        )
        .only("pk", "full_name", "organisation_name")
        .order_by("full_name", "id")[:limit]
    )
