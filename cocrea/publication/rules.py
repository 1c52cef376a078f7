"""Permissions of the plan's document, named `publication.<verb>_<noun>`.

The object is the plan, a `DraftVersion`, a `ReviewRound` or a comment (each has `plan`). The
secretariat edits the document's sections and issues draft versions while a step enabling
"plan-drafting" is open; registered people comment on a draft while "plan-public-comment" is open;
the secretariat sends a version to OGP's review round and the plan's OGP reviewers comment on it
while "ogp-review" is open; "translation" allows completing the languages and issuing the final
version; "delivery" recording its delivery to OGP; "publication" publishing the plan. Once the plan
is published nothing of its document changes (`is_unpublished` in every rule that edits it, and
the models refuse it too: cocrea/publication/immutability.py)."""

import rules

from cocrea.core.permissions import add_capability_perm, asker
from cocrea.plans.capabilities import capability_open
from cocrea.plans.models import Role
from cocrea.plans.rules import has_any_role, has_role, is_secretariat, plan_of

from .models import ReviewRound


@rules.predicate
def is_registered(user, obj=None) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_unpublished(user, obj=None) -> bool:
    """The object's plan is not published yet."""
    plan = plan_of(obj)
    return plan is not None and getattr(plan, "published_on", None) is None


def _round_of(obj):
    if isinstance(obj, ReviewRound):
        return obj
    return getattr(obj, "round", None)


@rules.predicate
def round_is_open(user, obj=None) -> bool:
    found = _round_of(obj)
    return found is not None and found.status == ReviewRound.Status.OPEN


is_ogp_reviewer = has_role(Role.OGP_REVIEWER)

drafting = capability_open("plan-drafting")
public_comment = capability_open("plan-public-comment")
ogp_review = capability_open("ogp-review")
translation = capability_open("translation")
delivery = capability_open("delivery")
publication = capability_open("publication")

# The workspace's pages of the document: its sections, versions and their comparison.
rules.add_perm("publication.view_plan_document", has_any_role)
add_capability_perm("publication.change_plan_section", is_secretariat & is_unpublished, drafting)
add_capability_perm("publication.issue_draft_version", is_secretariat & is_unpublished, drafting)

add_capability_perm("publication.comment_draft", is_registered & is_unpublished, public_comment)
rules.add_perm("publication.answer_draft_comment", is_secretariat)

add_capability_perm("publication.open_review_round", is_secretariat & is_unpublished, ogp_review)
add_capability_perm("publication.comment_review_round", is_ogp_reviewer & round_is_open, ogp_review)
rules.add_perm("publication.view_review_round", is_secretariat | is_ogp_reviewer)
rules.add_perm("publication.resolve_review_comment", is_secretariat & is_unpublished)
rules.add_perm("publication.close_review_round", is_secretariat & round_is_open)
rules.add_perm("publication.publish_round_report", is_secretariat)

add_capability_perm("publication.translate_plan", is_secretariat & is_unpublished, translation)
add_capability_perm("publication.issue_final_version", is_secretariat & is_unpublished, translation)
add_capability_perm("publication.record_delivery", is_secretariat & is_unpublished, delivery)
add_capability_perm("publication.publish_plan", is_secretariat & is_unpublished, publication)

can_view_plan_document = asker("publication.view_plan_document")
can_change_plan_section = asker("publication.change_plan_section")
can_issue_draft_version = asker("publication.issue_draft_version")
can_comment_draft = asker("publication.comment_draft")
can_answer_draft_comment = asker("publication.answer_draft_comment")
can_open_review_round = asker("publication.open_review_round")
can_comment_review_round = asker("publication.comment_review_round")
can_view_review_round = asker("publication.view_review_round")
can_resolve_review_comment = asker("publication.resolve_review_comment")
can_close_review_round = asker("publication.close_review_round")
can_publish_round_report = asker("publication.publish_round_report")
can_translate_plan = asker("publication.translate_plan")
can_issue_final_version = asker("publication.issue_final_version")
can_record_delivery = asker("publication.record_delivery")
can_publish_plan = asker("publication.publish_plan")
