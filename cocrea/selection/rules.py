"""Permissions of the selection app, named `selection.<verb>_<noun>`.

The object is the plan, a methodology, a candidate, an eligibility check, a ballot or an
outcome (each has `.plan`). Who may act is written once, in the lines at the end; when, by the
capability that gates the permission (cocrea/plans/capabilities.py):

- the methodology: the secretariat drafts it, records its adoption at a commission meeting and
  publishes it, at any time (a published version is changed only by a new version);
- eligibility and scoring (capability "scoring"): the secretariat checks eligibility; each
  commission member scores, in their own seat (a superuser who is no member does not vote);
- the commission's overturn of an eligibility check is recorded by the secretariat, at any time;
- the ranking and the scores are seen by the secretariat and the commission's members, once
  scoring has closed (the pages ask `queries.scoring_closed`); progress per member by the
  secretariat;
- selection (capability "selection"): the secretariat records outcomes, withdraws commitments,
  promotes alternates and publishes the reasoned response."""

import rules

from cocrea.core.permissions import add_capability_perm, add_seat_perm, asker
from cocrea.plans.capabilities import capability_open
from cocrea.plans.models import Role
from cocrea.plans.rules import has_role, is_secretariat

is_commission_member = has_role(Role.COMMISSION_MEMBER)

scoring = capability_open("scoring")
selection = capability_open("selection")

rules.add_perm("selection.change_methodology", is_secretariat)
rules.add_perm("selection.adopt_methodology", is_secretariat)
rules.add_perm("selection.publish_methodology", is_secretariat)
add_capability_perm("selection.check_eligibility", is_secretariat, scoring)
rules.add_perm("selection.overturn_eligibility", is_secretariat)
add_capability_perm("selection.score_candidate", is_commission_member, scoring, seat=True)
# The member's own queue of candidates to score (any time: it says when scoring opens).
add_seat_perm("selection.list_ballots", is_commission_member)
rules.add_perm("selection.view_progress", is_secretariat)
rules.add_perm("selection.view_ranking", is_secretariat | is_commission_member)
add_capability_perm("selection.record_outcome", is_secretariat, selection)
add_capability_perm("selection.withdraw_commitment", is_secretariat, selection)
add_capability_perm("selection.promote_alternate", is_secretariat, selection)
add_capability_perm("selection.publish_selection", is_secretariat, selection)
rules.add_perm("selection.view_selection", is_secretariat | is_commission_member)

# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_change_methodology = asker("selection.change_methodology")
can_adopt_methodology = asker("selection.adopt_methodology")
can_publish_methodology = asker("selection.publish_methodology")
can_check_eligibility = asker("selection.check_eligibility")
can_overturn_eligibility = asker("selection.overturn_eligibility")
can_score_candidate = asker("selection.score_candidate")
can_list_ballots = asker("selection.list_ballots")
can_view_progress = asker("selection.view_progress")
can_view_ranking = asker("selection.view_ranking")
can_record_outcome = asker("selection.record_outcome")
can_withdraw_commitment = asker("selection.withdraw_commitment")
can_promote_alternate = asker("selection.promote_alternate")
can_publish_selection = asker("selection.publish_selection")
can_view_selection = asker("selection.view_selection")
