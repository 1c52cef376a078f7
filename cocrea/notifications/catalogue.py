"""Who is told about what: every kind of notification of the process, declared once.

Adding a kind is one declaration here plus its template (`Kind.template`); the domain action
reports it with `happened("<key>", plan=..., obj=..., by=...)` (cocrea/core/happenings.py). The
tests build the kind x persona matrix from this catalogue, so a kind without its row fails.

The audience functions read who holds which role or seat now; they run inside the action's
transaction and must stay a bounded number of queries whatever the number of recipients."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cocrea.core.languages import plan_language
from cocrea.core.links import absolute_url
from cocrea.plans.models import PlanRole, Role

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


def followers(obj, *more) -> list[Recipient]:
    """The active people following `obj` (or any of `more`, objects of the same model)."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj)
    return people(
        User.objects.filter(
            is_active=True,
            follows__content_type=content_type,
            follows__object_id__in=[obj.pk, *(other.pk for other in more)],
        ).distinct()
    )


def object_link(happening: Happening, recipient: Recipient) -> str:
    return happening.obj.get_absolute_url()


def recipient_link(happening: Happening, recipient: Recipient) -> str:
    """Each recipient's own link (`path` in their context): where that person acts."""
    return recipient.context.get("path", "")


def tables_people(plan, *, leaders_only: bool = False) -> list[Recipient]:
    """The leaders (and members, unless `leaders_only`) of the plan's working tables, each with
    the link to their table's proposals (one query)."""
    from cocrea.tables.models import TableMember

    members = TableMember.objects.filter(table__plan=plan, user__is_active=True).select_related(
        "user", "table"
    )
    if leaders_only:
        members = members.filter(is_leader=True)
    return [
        Recipient(
            user=member.user,
            context={"path": reverse("proposals:workspace", args=[plan.slug, member.table.number])},
        )
        for member in members.order_by("table__number", "pk")
    ]


def reviewers(plan, institution) -> list[Recipient]:
    """The heads of `institution` in `plan` and the delegates they named."""
    from cocrea.proposals.actions import reviewers_of

    return people(reviewers_of(plan, institution))


def pending_reviewers(plan) -> list[Recipient]:
    """The heads and delegates of the institutions with a pending viability review in `plan`,
    with the link to their reviews."""
    from cocrea.proposals.models import ReviewDelegate, ViabilityReview

    institutions = ViabilityReview.objects.filter(
        proposal__plan=plan, outcome=ViabilityReview.Outcome.PENDING
    ).values("institution_id")
    heads = PlanRole.objects.filter(
        plan=plan, role=Role.HEAD_OF_INSTITUTION, organisation_id__in=institutions
    ).values("user_id")
    delegates = ReviewDelegate.objects.filter(plan=plan, institution_id__in=institutions).values(
        "user_id"
    )
    users = User.objects.filter(Q(pk__in=heads) | Q(pk__in=delegates), is_active=True)
    return people(users.order_by("pk"), path=reverse("proposals:reviews", args=[plan.slug]))


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

# Who is told when a step opens or closes: for each capability of the programme
# (cocrea/plans/capabilities.py CATALOGUE), the people outside the secretariat whose action it
# enables, as its permissions' rules name them (cocrea/<app>/rules.py). The secretariat runs the
# programme (it opens and closes the steps), so it is never told; a capability open to anyone
# (the open call, the public comment) tells nobody in particular; a step enabling no capability
# tells nobody. A test checks every capability has its entry.
STEP_AUDIENCES = {
    # the secretariat's own actions
    "forum-meetings": None,
    "liaisons": None,
    "outreach": None,
    "training": None,
    # anyone (the public call, the public comment on proposals)
    "open-call": None,
    "public-comment": None,
    # proposals.change_proposal, comment_draft, submit_proposals: the tables' leaders and members
    "drafting": lambda plan: tables_people(plan),
    # proposals.assign_institutions: the tables' leaders (with the secretariat)
    "assignment": lambda plan: tables_people(plan, leaders_only=True),
    # proposals.review_proposal: the heads and delegates of the institutions with a pending review
    "viability-review": pending_reviewers,
    # selection.score_candidate: the commission's members (their queue); check_eligibility: the
    # secretariat, told too because the members cannot score until it has checked
    "scoring": lambda plan: scoring_people(plan),
    # commitments.change_commitment: the tables' leaders and the liaisons (with the secretariat)
    "commitment-development": lambda plan: _commitment_developers(plan),
    # selection.record_outcome ...: the secretariat records, the commission decides
    "selection": lambda plan: people(
        holders(plan, Role.SECRETARIAT, Role.COMMISSION_MEMBER),
        path=reverse("selection:decision", args=[plan.slug]),
    ),
    # the plan's document: the secretariat drafts, translates, delivers and publishes it; anyone
    # comments on a draft (each draft issued is told by `publication.plan_draft_issued`)
    "plan-drafting": None,
    "plan-public-comment": None,
    "translation": None,
    "delivery": None,
    "publication": None,
    # publication.comment_review_round: the plan's OGP reviewers (each round is told when opened)
    "ogp-review": lambda plan: people(
        holders(plan, Role.OGP_REVIEWER),
        path=reverse("publication:reviews", args=[plan.slug]),
    ),
}


def _commitment_developers(plan) -> list[Recipient]:
    """The tables' leaders and the institutions' liaisons, sent to the plan's commitments."""
    leaders = [recipient.user for recipient in tables_people(plan, leaders_only=True)]
    return people(
        [*leaders, *holders(plan, Role.LIAISON)],
        path=reverse("commitments:workspace", args=[plan.slug]),
    )


def _step_people(happening: Happening) -> list[Recipient]:
    """The audiences of the step's capabilities, once each, with `capabilities`: those of the
    step that concern the person (their message names them)."""
    from cocrea.plans.capabilities import CATALOGUE as CAPABILITIES

    found: dict[tuple, Recipient] = {}
    for capability in CAPABILITIES.values():  # in the catalogue's order
        audience = STEP_AUDIENCES.get(capability.key)
        if audience is None or capability.key not in happening.obj.capabilities:
            continue
        for recipient in audience(happening.plan):
            known = found.setdefault(
                recipient.identity,
                Recipient(recipient.user, context={**recipient.context, "capabilities": []}),
            )
            known.context["capabilities"].append(capability)
    return list(found.values())


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
        "plans.step_opened",
        _("A step of the programme that concerns you opened"),
        _step_people,
        link=recipient_link,
    ),
    Kind(
        "plans.step_closed",
        _("A step of the programme that concerns you closed"),
        _step_people,
        link=recipient_link,
    ),
    Kind(
        "plans.role_granted",
        _("A role in a plan was given to you"),
        _role_holder,
        link=_role_link,
    ),
]

# tables


def _seated(happening: Happening) -> list[Recipient]:
    member = happening.obj
    return people([member.user] if member.user.is_active else [])


def _table_link(happening: Happening, recipient: Recipient) -> str:
    table = happening.obj.table
    return reverse("proposals:workspace", args=[table.plan.slug, table.number])


KINDS += [
    Kind(
        "tables.seat_given",
        _("You were given a seat at a working table, or made its leader"),
        _seated,
        link=_table_link,
    ),
]

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


# Whom a kind makes follow its object: the person who acted follows what the function returns
# (commenting on a proposal follows it; `cocrea.notifications.actions.follow_on`).
FOLLOW_ON = {
    "proposals.comment_posted": lambda happening: happening.obj.proposal,
}
# A person following a proposal is told of its changes at most once per this time.
PROPOSAL_CHANGED_QUIET = datetime.timedelta(hours=1)


def _review_given(happening: Happening) -> list[Recipient]:
    review = happening.obj
    return [
        *table_people(review.proposal.working_table),
        *secretariat(happening.plan),
        *followers(review.proposal),
    ]


def _review_link(happening: Happening, recipient: Recipient) -> str:
    return happening.obj.proposal.get_absolute_url()


def _reviewers(happening: Happening) -> list[Recipient]:
    return reviewers(happening.plan, happening.obj.institution)


def _review_page(happening: Happening, recipient: Recipient) -> str:
    return reverse("proposals:review", args=[happening.plan.slug, happening.obj.pk])


def _delegate(happening: Happening) -> list[Recipient]:
    user = happening.obj.user
    return people([user] if user.is_active else [])


def _reviews_page(happening: Happening, recipient: Recipient) -> str:
    return reverse("proposals:reviews", args=[happening.plan.slug])


def _set_submitted(happening: Happening) -> list[Recipient]:
    plan = happening.plan
    return [
        *people(
            holders(plan, Role.SECRETARIAT), path=reverse("proposals:assignments", args=[plan.slug])
        ),
        *(
            Recipient(r.user, context={"path": reverse("proposals:list", args=[plan.slug])})
            for r in followers(*happening.context["proposals"])
        ),
    ]


def _comment_posted(happening: Happening) -> list[Recipient]:
    from cocrea.proposals.rules import lead_institution_of

    comment = happening.obj
    proposal = comment.proposal
    lead = lead_institution_of(proposal)
    return [
        *secretariat(happening.plan),
        *table_people(proposal.working_table, leaders_only=True),
        *(reviewers(happening.plan, lead) if lead is not None else []),
        *followers(proposal),
    ]


def _comment_answered(happening: Happening) -> list[Recipient]:
    comment = happening.obj
    author = comment.author
    return [
        *people([author] if author is not None and author.is_active else []),
        *followers(comment.proposal),
    ]


def _comment_link(happening: Happening, recipient: Recipient) -> str:
    comment = happening.obj
    return f"{comment.proposal.get_absolute_url()}#comment-{comment.pk}"


def _proposal_changed(happening: Happening) -> list[Recipient]:
    """The proposal's followers, except those told of its changes within the quiet time: a table
    saving a draft many times in a row makes one notice, not one per save."""
    from cocrea.notifications.models import Notification

    proposal = happening.obj
    recently = Notification.objects.filter(
        kind=happening.kind,
        url=proposal.get_absolute_url(),
        created_at__gte=timezone.now() - PROPOSAL_CHANGED_QUIET,
    ).values_list("user_id", flat=True)
    told = set(recently)
    return [r for r in followers(proposal) if r.user.pk not in told]


KINDS += [
    Kind(
        "proposals.delegate_named",
        _("You were named a delegate to review proposals"),
        _delegate,
        link=_reviews_page,
    ),
    Kind(
        "proposals.review_assigned",
        _("A proposal was assigned to your institution for review"),
        _reviewers,
        link=_review_page,
    ),
    Kind(
        "proposals.review_due_soon",
        _("A viability review of your institution is due soon"),
        _reviewers,
        link=_review_page,
    ),
    Kind(
        "proposals.review_overdue",
        _("A viability review of your institution is overdue"),
        _reviewers,
        link=_review_page,
    ),
    Kind(
        "proposals.review_given",
        _("A viability review of a proposal was given"),
        _review_given,
        link=_review_link,
    ),
    Kind(
        "proposals.set_submitted",
        _("A working table submitted its proposals"),
        _set_submitted,
        link=recipient_link,
    ),
    Kind(
        "proposals.comment_posted",
        _("Someone commented on a proposal"),
        _comment_posted,
        link=_comment_link,
    ),
    Kind(
        "proposals.comment_answered",
        _("A comment on a proposal was answered"),
        _comment_answered,
        link=_comment_link,
    ),
    Kind(
        "proposals.proposal_changed",
        _("A proposal you follow changed"),
        _proposal_changed,
        link=object_link,
    ),
]

# selection


def _lead_heads(plan) -> list[Recipient]:
    """The heads of the institutions leading any submitted proposal of `plan` (one query)."""
    from cocrea.proposals.models import Proposal, ResponsibleInstitution

    leads = ResponsibleInstitution.objects.filter(
        proposal__plan=plan, proposal__status=Proposal.Status.SUBMITTED, is_lead=True
    ).values("organisation_id")
    heads = PlanRole.objects.filter(
        plan=plan, role=Role.HEAD_OF_INSTITUTION, organisation_id__in=leads
    ).values("user_id")
    return people(User.objects.filter(pk__in=heads, is_active=True).order_by("pk"))


def _selection_published(happening: Happening) -> list[Recipient]:
    from cocrea.proposals.models import Proposal

    plan = happening.plan
    proposals = list(Proposal.objects.filter(plan=plan, status=Proposal.Status.SUBMITTED))
    return [
        *tables_people(plan),
        *people(holders(plan, Role.SECRETARIAT, Role.COMMISSION_MEMBER)),
        *_lead_heads(plan),
        *(followers(*proposals) if proposals else []),
    ]


def _reasoned_response(happening: Happening, recipient: Recipient) -> str:
    return reverse("public:reasoned_response", args=[happening.plan.slug])


def _commitment_withdrawn(happening: Happening) -> list[Recipient]:
    outcome = happening.obj
    return [
        *table_people(outcome.proposal.working_table, leaders_only=True),
        *secretariat(happening.plan),
    ]


def _withdrawn_link(happening: Happening, recipient: Recipient) -> str:
    return happening.obj.proposal.get_absolute_url()


KINDS += [
    Kind(
        "selection.selection_published",
        _("The commission's selection and its reasoned response were published"),
        _selection_published,
        link=_reasoned_response,
    ),
    Kind(
        "selection.commitment_withdrawn",
        _("A selected commitment was withdrawn"),
        _commitment_withdrawn,
        link=_withdrawn_link,
    ),
]


# selection


def commission(plan, **context) -> list[Recipient]:
    return people(holders(plan, Role.COMMISSION_MEMBER), **context)


def scoring_people(plan) -> list[Recipient]:
    """The commission's members, with the link to their queue, and the secretariat, with the
    link to the eligibility checks."""
    return [
        *commission(plan, path=reverse("selection:queue", args=[plan.slug])),
        *people(
            holders(plan, Role.SECRETARIAT),
            path=reverse("selection:eligibility", args=[plan.slug]),
        ),
    ]


def _methodology_published(happening: Happening) -> list[Recipient]:
    plan = happening.plan
    return [
        *people(holders(plan, Role.COMMISSION_MEMBER, Role.SECRETARIAT)),
        *tables_people(plan, leaders_only=True),
    ]


def _methodology_page(happening: Happening, recipient: Recipient) -> str:
    return reverse("selection:methodology", args=[happening.plan.slug])


def _scores_due(happening: Happening) -> list[Recipient]:
    """The members with eligible proposals left to score under the version in force; when a
    new version replaced one under which they had scored (`again`), those members too."""
    from cocrea.selection.models import Ballot
    from cocrea.selection.queries import eligible_ids

    methodology = happening.obj
    plan = happening.plan
    eligible = eligible_ids(plan, methodology)
    done = Ballot.objects.filter(methodology=methodology, candidate_id__in=eligible)
    counts: dict[int, int] = {}
    for member_id in done.values_list("member_id", flat=True):
        counts[member_id] = counts.get(member_id, 0) + 1
    earlier = set(
        Ballot.objects.filter(candidate__plan=plan)
        .exclude(methodology=methodology)
        .values_list("member_id", flat=True)
        if happening.context.get("again")
        else ()
    )
    members = holders(plan, Role.COMMISSION_MEMBER)
    return [
        Recipient(member, context={"due": len(eligible) - counts.get(member.pk, 0)})
        for member in sorted(members, key=lambda m: m.pk)
        if len(eligible) > counts.get(member.pk, 0) or member.pk in earlier
    ]


def _queue_page(happening: Happening, recipient: Recipient) -> str:
    return reverse("selection:queue", args=[happening.plan.slug])


# --- commitments (step 12) ---------------------------------------------------------------------

# An editor of a commitment is told of its changes at most once per this time.
COMMITMENT_CHANGED_QUIET = datetime.timedelta(hours=1)


def commitment_editors(commitment, *, supporting: bool = True) -> list[Recipient]:
    """Who edits the commitment: the secretariat, its table's leaders and the liaisons of its
    lead institution (and of the supporting ones, with `supporting`)."""
    institutions = [commitment.lead_institution_id] if commitment.lead_institution_id else []
    if supporting:
        institutions += list(commitment.supporting_institutions.values_list("pk", flat=True))
    liaisons = User.objects.filter(
        is_active=True,
        plan_roles__plan=commitment.plan,
        plan_roles__role=Role.LIAISON,
        plan_roles__organisation_id__in=institutions,
    ).distinct()
    return [
        *secretariat(commitment.plan),
        *table_people(commitment.working_table, leaders_only=True),
        *people(liaisons),
    ]


def _commitment_created(happening: Happening) -> list[Recipient]:
    return commitment_editors(happening.obj, supporting=False)


def _commitment_changed(happening: Happening) -> list[Recipient]:
    """The commitment's other editors, except those told of its changes within the quiet time."""
    from cocrea.notifications.models import Notification

    commitment = happening.obj
    recently = Notification.objects.filter(
        kind=happening.kind,
        url=_commitment_page(happening, None),
        created_at__gte=timezone.now() - COMMITMENT_CHANGED_QUIET,
    ).values_list("user_id", flat=True)
    told = set(recently)
    return [r for r in commitment_editors(commitment) if r.user.pk not in told]


def _commitment_page(happening: Happening, recipient: Recipient | None) -> str:
    commitment = happening.obj
    return reverse("commitments:edit", args=[commitment.plan.slug, commitment.number])


KINDS += [
    Kind(
        "selection.methodology_published",
        _("A version of the selection methodology was published"),
        _methodology_published,
        link=_methodology_page,
    ),
    Kind(
        "selection.scores_due",
        _("Proposals are waiting for your scores"),
        _scores_due,
        link=_queue_page,
    ),
    Kind(
        "commitments.commitment_created",
        _("A commitment was created from a selected proposal"),
        _commitment_created,
        link=_commitment_page,
    ),
    Kind(
        "commitments.commitment_changed",
        _("A commitment you edit changed"),
        _commitment_changed,
        link=_commitment_page,
    ),
]


# publication


def _plan_draft_issued(happening: Happening) -> list[Recipient]:
    """The secretariat, the commission's members, the tables' leaders (by role or seat) and the
    liaisons (two queries)."""
    plan = happening.plan
    roles = (Role.SECRETARIAT, Role.COMMISSION_MEMBER, Role.TABLE_LEADER, Role.LIAISON)
    return [
        *people(holders(plan, *roles)),
        *people(member.user for member in _table_leaders(plan)),
    ]


def _table_leaders(plan) -> list:
    from cocrea.tables.models import TableMember

    return list(
        TableMember.objects.filter(
            table__plan=plan, is_leader=True, user__is_active=True
        ).select_related("user")
    )


def _version_page(happening: Happening, recipient: Recipient) -> str:
    version = happening.obj
    return reverse("publication:version", args=[happening.plan.slug, version.label])


# publication: the public comment on the draft plan


def _draft_commenter(happening: Happening) -> list[Recipient]:
    author = happening.obj.author
    return people([author] if author is not None and author.is_active else [])


def _draft_queue(happening: Happening, recipient: Recipient) -> str:
    comment = happening.obj
    return (
        reverse("publication:draft_comments", args=[comment.plan.slug]) + f"#comment-{comment.pk}"
    )


def _draft_comment_page(happening: Happening, recipient: Recipient) -> str:
    comment = happening.obj
    url = reverse("publication:draft", args=[comment.plan.slug, comment.version.label])
    return f"{url}#comment-{comment.pk}"


# --- the plan's final version and its publication (steps 16-17) ---------------------------------


def _final_issued(happening: Happening) -> list[Recipient]:
    return people(holders(happening.plan, Role.SECRETARIAT, Role.COMMISSION_MEMBER))


def _translation_page(happening: Happening, recipient: Recipient) -> str:
    return reverse("publication:translation", args=[happening.plan.slug])


def _took_part(happening: Happening) -> list[Recipient]:
    """Everyone who took part in the plan's co-creation: whoever holds a role in it, the working
    tables' members, the people who commented on its proposals or on its drafts (accounts), and
    the open call's confirmed registrants (by e-mail, in their language). Five queries."""
    from cocrea.participation.models import Registration
    from cocrea.proposals.models import PublicComment
    from cocrea.publication.models import DraftComment
    from cocrea.tables.models import TableMember

    plan = happening.plan
    users = User.objects.filter(
        Q(plan_roles__plan=plan)
        | Q(pk__in=TableMember.objects.filter(table__plan=plan).values("user_id"))
        | Q(pk__in=PublicComment.objects.filter(proposal__plan=plan).values("author_id"))
        | Q(pk__in=DraftComment.objects.filter(plan=plan).values("author_id")),
        is_active=True,
    ).distinct()
    found = people(users.order_by("pk"))
    known = {recipient.address.strip().lower() for recipient in found}
    registrants = (
        Registration.objects.filter(plan=plan, status=Registration.Status.CONFIRMED)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", "language")
    )
    for email, language in registrants:
        if email.strip().lower() not in known:
            known.add(email.strip().lower())
            found.append(Recipient(email=email, language=language))
    return found


def _published_plan(happening: Happening, recipient: Recipient) -> str:
    return reverse("publication:published", args=[happening.plan.slug])


# --- OGP's review of the plan's draft (step 15) ------------------------------------------------


def _ogp_reviewers(happening: Happening) -> list[Recipient]:
    return people(holders(happening.plan, Role.OGP_REVIEWER))


def _round_secretariat(happening: Happening) -> list[Recipient]:
    return secretariat(happening.plan)


def _round_page(happening: Happening, recipient: Recipient) -> str:
    found = getattr(happening.obj, "round", happening.obj)
    return reverse("publication:review_round", args=[happening.plan.slug, found.number])


KINDS += [
    Kind(
        "publication.plan_draft_issued",
        _("A draft version of the plan was issued"),
        _plan_draft_issued,
        link=_version_page,
    ),
    Kind(
        "publication.plan_draft_comment",
        _("Someone commented on a draft of the plan"),
        lambda happening: secretariat(happening.plan),
        link=_draft_queue,
    ),
    Kind(
        "publication.plan_draft_comment_answered",
        _("Your comment on a draft of the plan was answered"),
        _draft_commenter,
        link=_draft_comment_page,
    ),
    Kind(
        "publication.plan_final_issued",
        _("The final version of the plan was issued"),
        _final_issued,
        link=_translation_page,
    ),
    Kind(
        "publication.plan_published",
        _("The action plan was published"),
        _took_part,
        link=_published_plan,
    ),
    Kind(
        "publication.review_round_opened",
        _("A draft of the plan was sent to OGP's review"),
        _ogp_reviewers,
        link=_round_page,
    ),
    Kind(
        "publication.review_round_due_soon",
        _("Comments on a draft of the plan are due soon"),
        _ogp_reviewers,
        link=_round_page,
    ),
    Kind(
        "publication.review_comment_added",
        _("An OGP reviewer commented on the draft of the plan"),
        _round_secretariat,
        link=_round_page,
    ),
]


CATALOGUE: dict[str, Kind] = {kind.key: kind for kind in KINDS}
