"""Every state change of the participation app. Each action checks its permission (for the acts of
the public, the single-use link), saves inside one transaction, writes its action-log row (never
public: these rows are about people) and reports what happened (`happened`): the notifications
app mails the people concerned (the kinds `participation.*`)."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from cocrea.accounts.actions import find_or_create_account
from cocrea.core.actions import assign_changed, log_action, require_perm
from cocrea.core.happenings import happened
from cocrea.core.languages import plan_language
from cocrea.core.models import ActionLog
from cocrea.organisations.queries import organisations_of, regions_of
from cocrea.plans import capabilities
from cocrea.plans.actions import grant_role
from cocrea.plans.models import ActionPlan, Role
from cocrea.tables.actions import add_member
from cocrea.tables.models import TableMember

from .models import (
    PURPOSES,
    ConsentRecord,
    Invitation,
    LiaisonRequest,
    OpenCall,
    PrivacyNotice,
    Registration,
    Requirement,
    Sector,
)
from .queries import current_notice
from .tokens import new_token, token_hash

INVITATION_DAYS = 14
CONFIRM_DAYS = 7
MANAGE_DAYS = 90
PERSONAL_FIELDS = ["full_name", "email", "phone", "organisation_name", "accessibility"]
# Fields of a registration a person may give or correct.
REGISTRATION_FIELDS = [*PERSONAL_FIELDS, "sector", "region_id", "heard_from"]


def _now() -> datetime.datetime:
    return timezone.now()


def _account_for(email: str, full_name: str, organisation=None):
    """The account with this e-mail (any case), or a new one without a usable password; safe
    under concurrent requests (see `accounts.actions.find_or_create_account`)."""
    return find_or_create_account(email, full_name=full_name, organisation=organisation)


def _send_welcome(plan, user, role, language, *, by):
    """Tell a person given a new account their role, with the link that sets their password
    (Django's reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    happened(
        "participation.welcome",
        plan=plan,
        obj=user,
        by=by,
        user=user,
        mail_language=language,
        role=Role(role).label,
        path=reverse("participation:welcome", args=[uid, default_token_generator.make_token(user)]),
    )


# --- requirements ------------------------------------------------------------------------------


@transaction.atomic
def add_requirement(plan: ActionPlan, *, by, text_es: str = "", text_en: str = "", applies_to=None):
    """Add a requirement for leaders and participants, worded at least in the plan's default
    language."""
    require_perm(by, "participation.manage_requirements", plan)
    texts = {"es": text_es, "en": text_en}
    if not (texts.get(plan.default_language) or "").strip():
        raise ValidationError(_("Give the requirement in the plan's default language."))
    number = (plan.requirements.order_by("-number").values_list("number", flat=True).first()) or 0
    requirement = Requirement(
        plan=plan,
        number=number + 1,
        text_es=text_es,
        text_en=text_en,
        applies_to=applies_to or Requirement.AppliesTo.BOTH,
    )
    requirement.save()
    log_action(actor=by, verb="participation.add_requirement", target=requirement, plan=plan)
    return requirement


@transaction.atomic
def remove_requirement(requirement: Requirement, *, by) -> None:
    require_perm(by, "participation.manage_requirements", requirement.plan)
    log_action(
        actor=by,
        verb="participation.remove_requirement",
        target=requirement,
        plan=requirement.plan,
    )
    requirement.delete()


# --- invitations -------------------------------------------------------------------------------


def _mail_invitation(invitation: Invitation, token: str, *, by) -> None:
    happened(
        "participation.invitation",
        plan=invitation.plan,
        obj=invitation,
        by=by,
        invitation=invitation,
        path=reverse("participation:invitation", args=[token]),
    )


@transaction.atomic
def send_invitation(
    plan: ActionPlan,
    *,
    by,
    full_name: str,
    email: str,
    side: str,
    purpose: str,
    table=None,
    organisation=None,
    language: str = "es",
) -> Invitation:
    """Invite a person by e-mail with a single-use link valid for two weeks."""
    require_perm(by, "participation.send_invitation", plan)
    if table is not None and table.plan_id != plan.pk:
        raise ValidationError(_("This table belongs to another plan."))
    if organisation is not None and not organisations_of(plan).filter(pk=organisation.pk).exists():
        raise ValidationError(_("This organisation belongs to another jurisdiction."))
    token, hashed = new_token()
    now = _now()
    invitation = Invitation.objects.create(
        plan=plan,
        full_name=full_name,
        email=email.strip().lower(),
        side=side,
        purpose=purpose,
        table=table,
        organisation=organisation,
        language=language,
        token_hash=hashed,
        sent_at=now,
        expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
    )
    log_action(
        actor=by, verb="participation.send_invitation", target=invitation, plan=plan, public=False
    )
    _mail_invitation(invitation, token, by=by)
    invitation.link_token = token  # for the caller (the demo); never stored
    return invitation


@transaction.atomic
def resend_invitation(invitation: Invitation, *, by) -> Invitation:
    """A new link (the old one stops working) and a new expiry date."""
    require_perm(by, "participation.resend_invitation", invitation.plan)
    if invitation.status != Invitation.Status.SENT:
        raise ValidationError(_("Only an unanswered invitation can be sent again."))
    token, invitation.token_hash = new_token()
    invitation.sent_at = _now()
    invitation.expires_at = invitation.sent_at + datetime.timedelta(days=INVITATION_DAYS)
    invitation.send_count += 1
    invitation.save(
        update_fields=["token_hash", "sent_at", "expires_at", "send_count", "updated_at"]
    )
    log_action(
        actor=by,
        verb="participation.resend_invitation",
        target=invitation,
        plan=invitation.plan,
        public=False,
    )
    _mail_invitation(invitation, token, by=by)
    return invitation


def _move(invitation: Invitation, status, **fields) -> None:
    if not invitation.can_become(status):
        raise ValidationError(
            _("This invitation is %(status)s.") % {"status": invitation.get_status_display()}
        )
    invitation.status = status
    for name, value in fields.items():
        setattr(invitation, name, value)
    invitation.save(update_fields=["status", *fields, "updated_at"])


@transaction.atomic
def revoke_invitation(invitation: Invitation, *, by) -> Invitation:
    require_perm(by, "participation.revoke_invitation", invitation.plan)
    _move(invitation, Invitation.Status.REVOKED, token_hash="")
    log_action(
        actor=by,
        verb="participation.revoke_invitation",
        target=invitation,
        plan=invitation.plan,
        public=False,
    )
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link opens, while it is unanswered and not expired."""
    invitation = (
        Invitation.objects.select_related("plan", "table")
        .filter(token_hash=token_hash(token), status=Invitation.Status.SENT)
        .first()
    )
    if invitation is None or invitation.is_expired:
        return None
    return invitation


@transaction.atomic
def respond_invitation(token: str, *, by, accept: bool, reason: str = "") -> Invitation:
    """The invited person accepts or declines; the link then stops working."""
    invitation = invitation_for_token(token)
    if invitation is None:
        raise PermissionDenied(_("This link has expired or has already been used."))
    require_perm(by, "participation.respond_invitation", invitation.plan)
    status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    _move(invitation, status, token_hash="", responded_at=_now(), decline_reason=reason)
    log_action(
        actor=by,
        verb="participation.accept_invitation" if accept else "participation.decline_invitation",
        target=invitation,
        plan=invitation.plan,
        public=False,
    )
    return invitation


@transaction.atomic
def confirm_invitation(invitation: Invitation, *, by, verified=()) -> Invitation:
    """The secretariat confirms an accepted invitation, recording the requirements it verified.

    A leader is confirmed only if every requirement for leaders was verified, a key participant
    only if every requirement for participants was. The person gets an account (if they had
    none), their role, and their seat at the table."""
    require_perm(by, "participation.confirm_invitation", invitation.plan)
    plan = invitation.plan
    verified = [r for r in verified if r.plan_id == plan.pk]
    leads = invitation.purpose == Invitation.Purpose.LEAD
    applies = Requirement.applies_to_leaders if leads else Requirement.applies_to_participants
    verified_pks = {v.pk for v in verified}
    missing = [r for r in plan.requirements.all() if applies(r) and r.pk not in verified_pks]
    if missing:
        message = (
            _("A leader must meet every requirement; not verified: %(list)s")
            if leads
            else _("A key participant must meet every requirement; not verified: %(list)s")
        )
        raise ValidationError(message % {"list": "; ".join(str(r) for r in missing)})
    _move(invitation, Invitation.Status.CONFIRMED)
    invitation.verified_requirements.set(verified)
    user, created = _account_for(invitation.email, invitation.full_name, invitation.organisation)
    invitation.user = user
    invitation.save(update_fields=["user"])
    role = Role.TABLE_LEADER if leads else Role.PARTICIPANT
    grant_role(plan, user, role, by=by, organisation=invitation.organisation)
    if invitation.table is not None:
        government = invitation.side == Invitation.Side.GOVERNMENT
        add_member(
            invitation.table,
            user,
            by=by,
            side=invitation.side,
            sector=Sector.GOVERNMENT if government else Sector.CIVIL_SOCIETY,
            source=TableMember.Source.INVITATION,
            is_leader=leads,
        )
    log_action(
        actor=by,
        verb="participation.confirm_invitation",
        target=invitation,
        plan=plan,
        data={"verified": [r.pk for r in verified]},
        public=False,
    )
    if created:
        _send_welcome(plan, user, role, invitation.language, by=by)
    return invitation


# --- the open call -----------------------------------------------------------------------------


@transaction.atomic
def publish_call(plan: ActionPlan, *, by, **fields) -> OpenCall:
    """Create or change the plan's open call and publish it."""
    require_perm(by, "participation.publish_call", plan)
    call = OpenCall.objects.filter(plan=plan).first() or OpenCall(plan=plan)
    for name, value in fields.items():
        setattr(call, name, value)
    if call.opens_at and call.closes_at and call.closes_at <= call.opens_at:
        raise ValidationError(_("The call must close after it opens."))
    call.published = True
    call.save()
    log_action(actor=by, verb="participation.publish_call", target=call, plan=plan)
    return call


def _issue_confirm_link(registration: Registration) -> str:
    token, registration.confirm_token_hash = new_token()
    registration.confirm_expires_at = _now() + datetime.timedelta(days=CONFIRM_DAYS)
    return token


def _issue_manage_link(registration: Registration) -> str:
    token, registration.manage_token_hash = new_token()
    registration.manage_expires_at = _now() + datetime.timedelta(days=MANAGE_DAYS)
    return token


def _mail_link(registration: Registration, kind: str, urlname: str, token: str, *, by) -> None:
    """Mail the open-call registrant (at the address being confirmed, if it is changing) a
    tokened link: `participation.confirm_link` or `participation.data_link`."""
    happened(
        kind,
        plan=registration.plan,
        obj=registration,
        by=by,
        registration=registration,
        email=registration.pending_changes.get("email") or registration.email,
        mail_language=registration.language,
        path=reverse(urlname, args=[token]),
    )


@transaction.atomic
def register(
    plan: ActionPlan, *, by, axes=(), purposes=None, language="es", **fields
) -> tuple[Registration, bool]:
    """Answer the open call. Sends the confirmation link; nothing counts until it is followed.

    The same e-mail registering again updates the registration; if it was already confirmed, the
    new data waits for the new link to be followed (so nobody else can change it)."""
    call = OpenCall.objects.filter(plan=plan, published=True).first()
    # The call opens and closes with its step, whatever its own dates.
    if call is None or not capabilities.is_open(plan, "open-call"):
        raise ValidationError(_("The open call is not accepting registrations."))
    require_perm(by, "participation.register_call", plan)
    notice = current_notice(plan)
    if notice is None:
        raise ValidationError(
            _("The plan's privacy notice is not published yet: registrations open with it.")
        )
    fields["email"] = fields["email"].strip().lower()
    unknown = set(fields) - set(REGISTRATION_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    _check_region(plan, fields.get("region_id"))
    axis_ids = sorted(a.pk for a in axes if a.plan_id == plan.pk)
    registration = (
        Registration.objects.select_for_update().filter(plan=plan, email=fields["email"]).first()
    )
    created = registration is None
    if created or registration.status != Registration.Status.CONFIRMED:
        registration = registration or Registration(plan=plan)
        for name, value in fields.items():
            setattr(registration, name, value)
        registration.status = Registration.Status.UNCONFIRMED
        registration.pending_changes = {}
    else:
        registration.pending_changes = {**fields, "axes": axis_ids}
    registration.language = language
    token = _issue_confirm_link(registration)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same address registered at the same moment in another request
        raise ValidationError(_("Please send the form again.")) from None
    if not registration.pending_changes:
        registration.axes.set(axis_ids)
    _record_consent(registration, notice, purposes)
    log_action(
        actor=by,
        verb="participation.register_call",
        target=registration,
        plan=plan,
        data={"created": created},
        public=False,
    )
    _mail_link(registration, "participation.confirm_link", "participation:confirm", token, by=by)
    registration.link_token = token  # for the caller (the demo); never stored
    return registration, created


def _check_region(plan: ActionPlan, region_id) -> None:
    if region_id is not None and not regions_of(plan).filter(pk=region_id).exists():
        raise ValidationError(_("This region belongs to another jurisdiction."))


def _record_consent(registration: Registration, notice: PrivacyNotice, purposes=None):
    return ConsentRecord.objects.create(
        registration=registration,
        plan_id=registration.plan_id,
        notice=notice,
        notice_version=str(notice.version),
        purposes=sorted(purposes if purposes is not None else PURPOSES),
        given_at=_now(),
    )


def consent_is_due(registration: Registration) -> PrivacyNotice | None:
    """The notice a confirmed registrant must consent to again: the current one, when a version
    that asks for new consent was published after the last notice they consented to."""
    if registration.status != Registration.Status.CONFIRMED:
        return None
    notice = current_notice(registration.plan)
    if notice is None:
        return None
    last = (
        registration.consents.filter(revoked_at__isnull=True, notice__isnull=False)
        .order_by("-notice__version")
        .values_list("notice__version", flat=True)
        .first()
    ) or 0
    asking = registration.plan.privacy_notices.filter(
        published_at__isnull=False, requires_new_consent=True, version__gt=last
    )
    return notice if asking.exists() else None


@transaction.atomic
def renew_consent(token: str, *, by, purposes=None) -> ConsentRecord:
    """The registrant consents to the current notice (their earlier consents stay recorded)."""
    registration = _by_data_token(token, by)
    notice = current_notice(registration.plan)
    if notice is None or registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("There is no notice to consent to."))
    consent = _record_consent(registration, notice, purposes)
    log_action(
        actor=by,
        verb="participation.renew_consent",
        target=registration,
        plan=registration.plan,
        data={"notice": notice.version},
        public=False,
    )
    return consent


@transaction.atomic
def publish_notice(
    plan: ActionPlan, *, by, requires_new_consent: bool = False, **texts
) -> PrivacyNotice:
    """Publish a new version of the plan's privacy notice (a published one is never edited).
    Its legal basis and text are required in the plan's default language."""
    require_perm(by, "participation.publish_notice", plan)
    allowed = {f"{name}_{code}" for name in ("legal_basis", "text") for code in ("es", "en")}
    unknown = set(texts) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    default = plan.default_language
    missing = [n for n in ("legal_basis", "text") if not texts.get(f"{n}_{default}", "").strip()]
    if missing:
        raise ValidationError(
            _("The legal basis and the notice are required in the plan's default language.")
        )
    last = (
        PrivacyNotice.objects.select_for_update()
        .filter(plan=plan)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    ) or 0
    notice = PrivacyNotice(
        plan=plan,
        version=last + 1,
        requires_new_consent=requires_new_consent,
        published_at=_now(),
        **{name: value.strip() for name, value in texts.items()},
    )
    notice.full_clean()
    notice.save()
    log_action(
        actor=by,
        verb="participation.publish_notice",
        target=notice,
        plan=plan,
        data={"version": notice.version, "requires_new_consent": requires_new_consent},
    )
    return notice


@transaction.atomic
def confirm_registration(token: str, *, by) -> tuple[Registration, str]:
    """Follow the e-mailed link: the registration (or its update) now counts. Returns the
    registration and a new link to the person's data (also e-mailed)."""
    registration = (
        Registration.objects.select_for_update()
        .filter(confirm_token_hash=token_hash(token))
        .exclude(confirm_token_hash="")
        .first()
    )
    if registration is None or registration.confirm_expires_at <= _now():
        raise PermissionDenied(_("This link has expired or has already been used."))
    require_perm(by, "participation.confirm_registration", registration.plan)
    update = ["status", "confirmed_at", "confirm_token_hash", "pending_changes"]
    pending = dict(registration.pending_changes)
    axis_ids = pending.pop("axes", None)
    for name, value in pending.items():
        setattr(registration, name, value)
        update.append(name)
    if axis_ids is not None:
        registration.axes.set(axis_ids)
    registration.status = Registration.Status.CONFIRMED
    registration.confirmed_at = _now()
    registration.confirm_token_hash = ""
    registration.pending_changes = {}
    manage = _issue_manage_link(registration)
    registration.save(
        update_fields=[*update, "manage_token_hash", "manage_expires_at", "updated_at"]
    )
    log_action(
        actor=by,
        verb="participation.confirm_registration",
        target=registration,
        plan=registration.plan,
        public=False,
    )
    _mail_link(registration, "participation.data_link", "participation:my_data", manage, by=by)
    return registration, manage


@transaction.atomic
def send_data_link(plan: ActionPlan, email: str, *, by) -> bool:
    """E-mail a new link to the data of the registration with this address, if there is one
    (the page says the same either way, so it reveals nobody)."""
    require_perm(by, "participation.manage_own_data", plan)
    registration = (
        Registration.objects.filter(plan=plan, email=email.strip().lower())
        .exclude(status=Registration.Status.ERASED)
        .first()
    )
    if registration is None:
        return False
    token = _issue_manage_link(registration)
    registration.save(update_fields=["manage_token_hash", "manage_expires_at", "updated_at"])
    log_action(
        actor=by, verb="participation.send_data_link", target=registration, plan=plan, public=False
    )
    _mail_link(registration, "participation.data_link", "participation:my_data", token, by=by)
    return True


@transaction.atomic
def data_link_for_account(plan: ActionPlan, *, by) -> str | None:
    """A logged-in person reaches their own registration (the one with their account's e-mail)
    without waiting for a mail: returns a new data link token, or None if there is none."""
    require_perm(by, "participation.manage_own_data", plan)
    if not getattr(by, "is_authenticated", False) or not by.email:
        return None
    registration = (
        Registration.objects.filter(plan=plan, email=by.email.strip().lower())
        .exclude(status=Registration.Status.ERASED)
        .first()
    )
    if registration is None:
        return None
    token = _issue_manage_link(registration)
    registration.save(update_fields=["manage_token_hash", "manage_expires_at", "updated_at"])
    log_action(
        actor=by,
        verb="participation.open_own_data",
        target=registration,
        plan=plan,
        public=False,
    )
    return token


def registration_for_data_token(token: str) -> Registration | None:
    registration = (
        Registration.objects.select_related("plan", "region")
        .filter(manage_token_hash=token_hash(token))
        .exclude(manage_token_hash="")
        .first()
    )
    if registration is None or registration.manage_expires_at <= _now():
        return None
    return registration


def _by_data_token(token: str, by) -> Registration:
    registration = registration_for_data_token(token)
    if registration is None:
        raise PermissionDenied(_("This link has expired or has already been used."))
    require_perm(by, "participation.manage_own_data", registration.plan)
    return registration


def export_data(registration: Registration) -> dict:
    """Everything kept about the person (portability under Ley 81), as JSON-ready data."""
    return {
        "plan": registration.plan.title,
        "full_name": registration.full_name,
        "email": registration.email,
        "phone": registration.phone,
        "organisation": registration.organisation_name,
        "sector": registration.sector,
        "province": registration.region.name if registration.region else "",
        "axes": [str(a) for a in registration.axes.order_by("number")],
        "heard_from": registration.heard_from,
        "accessibility": registration.accessibility,
        "status": registration.status,
        "registered_at": registration.created_at.isoformat(),
        "confirmed_at": registration.confirmed_at.isoformat()
        if registration.confirmed_at
        else None,
        "consents": [
            {
                "plan": registration.plan.slug,
                "notice_version": c.notice_version,
                "purposes": c.purposes,
                "given_at": c.given_at.isoformat(),
                "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
            }
            for c in registration.consents.order_by("given_at", "id")
        ],
    }


@transaction.atomic
def download_data(token: str, *, by) -> dict:
    """The person's copy of their data; the access is logged."""
    registration = _by_data_token(token, by)
    log_action(
        actor=by,
        verb="participation.download_data",
        target=registration,
        plan=registration.plan,
        public=False,
    )
    return export_data(registration)


@transaction.atomic
def correct_registration(token: str, *, by, axes=None, **fields) -> list[str]:
    """The person corrects their data (rectification). Returns the fields that changed."""
    registration = _by_data_token(token, by)
    unknown = set(fields) - set(REGISTRATION_FIELDS) | ({"email"} & set(fields))
    if unknown:
        raise ValueError(f"not correctable here: {sorted(unknown)}")
    _check_region(registration.plan, fields.get("region_id"))
    changed = assign_changed(registration, fields)
    if changed:
        registration.save(update_fields=[*changed, "updated_at"])
    if axes is not None:
        wanted = sorted(a.pk for a in axes if a.plan_id == registration.plan_id)
        if wanted != sorted(registration.axes.values_list("pk", flat=True)):
            registration.axes.set(wanted)
            changed.append("axes")
    if changed:
        log_action(
            actor=by,
            verb="participation.correct_registration",
            target=registration,
            plan=registration.plan,
            data={"fields": changed},
            public=False,
        )
    return changed


@transaction.atomic
def revoke_consent(token: str, *, by) -> Registration:
    """The person withdraws their consent: the secretariat no longer sees or contacts them."""
    registration = _by_data_token(token, by)
    now = _now()
    registration.consents.filter(revoked_at__isnull=True).update(revoked_at=now)
    registration.status = Registration.Status.WITHDRAWN
    registration.save(update_fields=["status", "updated_at"])
    log_action(
        actor=by,
        verb="participation.revoke_consent",
        target=registration,
        plan=registration.plan,
        public=False,
    )
    return registration


def _erase_seat_account(registration: Registration) -> None:
    """A registrant seated at a table got an account from the registration. If that account
    holds nothing else (only seats from the open call and the participant role, never used to
    log in), it is the registration's data too: it is anonymised and closed with it. An account
    the person uses or that holds other roles is theirs to manage and stays as it is."""
    if not registration.email:
        return
    User = get_user_model()
    user = User.objects.filter(email__iexact=registration.email).order_by("pk").first()
    if user is None or user.last_login is not None or user.has_usable_password():
        return
    seats = TableMember.objects.filter(user=user)
    other_roles = user.plan_roles.exclude(role=Role.PARTICIPANT)
    if other_roles.exists() or seats.exclude(source=TableMember.Source.REGISTRATION).exists():
        return
    seats.delete()
    user.plan_roles.all().delete()
    ActionLog.objects.filter(actor=user).update(actor_name="")
    user.username = f"erased-{user.pk}"
    user.email = user.full_name = user.first_name = user.last_name = user.position = ""
    user.organisation = None
    user.is_active = False
    user.save()


@transaction.atomic
def erase_registration(token: str, *, by) -> Registration:
    """Erase the person's data. Only the anonymous counts remain (sector, province, axes)."""
    registration = _by_data_token(token, by)
    _erase_seat_account(registration)
    registration.consents.all().delete()
    # The log rows about this registration named the person: they keep the act, not the name.
    ActionLog.objects.for_object(registration).update(target_repr="", description="")
    for name in PERSONAL_FIELDS:
        setattr(registration, name, "")
    registration.heard_from = ""
    registration.status = Registration.Status.ERASED
    registration.confirm_token_hash = registration.manage_token_hash = ""
    registration.pending_changes = {}
    registration.save(
        update_fields=[
            *PERSONAL_FIELDS,
            "heard_from",
            "status",
            "confirm_token_hash",
            "manage_token_hash",
            "pending_changes",
            "updated_at",
        ]
    )
    log_action(
        actor=by,
        verb="participation.erase_registration",
        target=registration,
        plan=registration.plan,
        public=False,
    )
    return registration


# --- institutional liaisons --------------------------------------------------------------------


def _mail_liaison(request: LiaisonRequest, kind: str, token: str, *, by) -> None:
    happened(
        kind,
        plan=request.plan,
        obj=request,
        by=by,
        liaison_request=request,
        path=reverse("participation:liaison", args=[token]),
    )


@transaction.atomic
def request_liaison(
    plan: ActionPlan,
    *,
    by,
    axis,
    institution,
    head_name: str,
    head_email: str,
    due_on,
    language: str = "",
) -> LiaisonRequest:
    """Ask an institution's head, by e-mail with a link, to designate a liaison for an axis.
    The mails go out in `language` if the plan has it, else in the plan's default language."""
    require_perm(by, "participation.request_liaison", plan)
    if axis.plan_id != plan.pk:
        raise ValidationError(_("This axis belongs to another plan."))
    if not organisations_of(plan).filter(pk=institution.pk).exists():
        raise ValidationError(_("This institution belongs to another jurisdiction."))
    if LiaisonRequest.objects.filter(plan=plan, axis=axis, institution=institution).exists():
        raise ValidationError(_("This institution has already been asked for this axis."))
    token, hashed = new_token()
    request = LiaisonRequest.objects.create(
        plan=plan,
        axis=axis,
        institution=institution,
        head_name=head_name,
        head_email=head_email.strip().lower(),
        due_on=due_on,
        language=plan_language(plan, language),
        token_hash=hashed,
        sent_at=_now(),
    )
    log_action(
        actor=by, verb="participation.request_liaison", target=request, plan=plan, public=False
    )
    _mail_liaison(request, "participation.liaison_request", token, by=by)
    request.link_token = token  # for the caller (the demo); never stored
    return request


def liaison_request_for_token(token: str) -> LiaisonRequest | None:
    return (
        LiaisonRequest.objects.select_related("plan", "axis", "institution")
        .filter(token_hash=token_hash(token), status=LiaisonRequest.Status.PENDING)
        .exclude(token_hash="")
        .first()
    )


@transaction.atomic
def respond_liaison_request(
    token: str,
    *,
    by,
    designate: bool,
    full_name: str = "",
    email: str = "",
    position: str = "",
    reason: str = "",
) -> LiaisonRequest:
    """The head designates a liaison (who gets an account and the liaison role, and a seat at the
    axis's table) or declines with a reason. The link then stops working."""
    request = liaison_request_for_token(token)
    if request is None:
        raise PermissionDenied(_("This link has expired or has already been used."))
    require_perm(by, "participation.respond_liaison_request", request.plan)
    plan = request.plan
    request.responded_at = _now()
    request.token_hash = ""
    if designate:
        if not full_name or not email:
            raise ValidationError(_("Give the liaison's name and e-mail."))
        user, created = _account_for(email.strip().lower(), full_name, request.institution)
        if position and not user.position:
            user.position = position
            user.save(update_fields=["position"])
        request.status = LiaisonRequest.Status.DESIGNATED
        request.liaison = user
        request.save(
            update_fields=["status", "liaison", "responded_at", "token_hash", "updated_at"]
        )
        grant_role(plan, user, Role.LIAISON, by=_Delegated(by), organisation=request.institution)
        table = plan.tables.filter(axes=request.axis).order_by("number").first()
        if table is not None:
            add_member(
                table,
                user,
                by=_Delegated(by),
                side=TableMember.Side.GOVERNMENT,
                sector=Sector.GOVERNMENT,
                source=TableMember.Source.LIAISON,
            )
        welcome = created
    else:
        welcome = False
        if not reason.strip():
            raise ValidationError(_("Give a reason for declining."))
        request.status = LiaisonRequest.Status.DECLINED
        request.decline_reason = reason.strip()
        request.save(
            update_fields=["status", "decline_reason", "responded_at", "token_hash", "updated_at"]
        )
    log_action(
        actor=by,
        verb="participation.designate_liaison" if designate else "participation.decline_liaison",
        target=request,
        plan=plan,
        public=False,
    )
    if welcome:
        _send_welcome(plan, user, Role.LIAISON, user.preferred_language or request.language, by=by)
    return request


class _Delegated:
    """The head acting through the secretariat's link: the link authorised the role and the seat
    at the table, so the nested actions need no role of their own. Logged as the head."""

    is_authenticated = False

    def __init__(self, actor):
        self.actor = actor
        self.display_name = getattr(actor, "display_name", "") or "head of institution"

    def has_perm(self, perm, obj=None):
        return perm in {"plans.grant_role", "tables.add_member"}


@transaction.atomic
def remind_liaison(request: LiaisonRequest, *, by, today=None) -> bool:
    """Send a reminder with a new link for an overdue request, once. False when nothing to do."""
    require_perm(by, "participation.remind_liaison", request.plan)
    if not request.is_overdue(today) or request.reminded_at is not None:
        return False
    token, request.token_hash = new_token()
    request.reminded_at = _now()
    request.save(update_fields=["token_hash", "reminded_at", "updated_at"])
    log_action(
        actor=by,
        verb="participation.remind_liaison",
        target=request,
        plan=request.plan,
        public=False,
    )
    _mail_liaison(request, "participation.liaison_reminder", token, by=by)
    return True


def send_liaison_reminders() -> int:
    """The job: remind every overdue, not yet reminded request. Idempotent (`reminded_at`)."""
    from cocrea.core.actions import SYSTEM

    today = timezone.localdate()
    open_plans = capabilities.plans_where_open("liaisons")
    due = LiaisonRequest.objects.filter(
        status=LiaisonRequest.Status.PENDING,
        due_on__lt=today,
        reminded_at__isnull=True,
        plan_id__in=open_plans,
    ).select_related("plan", "axis", "institution")
    return sum(remind_liaison(r, by=SYSTEM, today=today) for r in due)


@transaction.atomic
def add_registrant(table, registration: Registration, *, by) -> TableMember:
    """Seat a confirmed registrant at a table: they get an account (to see the table's page) and
    the participant role."""
    require_perm(by, "tables.add_member", table)
    if (
        registration.status != Registration.Status.CONFIRMED
        or registration.plan_id != table.plan_id
    ):
        raise ValidationError(_("Only confirmed registrations of this plan can join a table."))
    user, created = _account_for(registration.email, registration.full_name)
    government = registration.sector == Sector.GOVERNMENT
    member = add_member(
        table,
        user,
        by=by,
        side=TableMember.Side.GOVERNMENT if government else TableMember.Side.CIVIL_SOCIETY,
        sector=registration.sector,
        source=TableMember.Source.REGISTRATION,
    )
    if created:
        _send_welcome(table.plan, user, Role.PARTICIPANT, registration.language, by=by)
    return member
