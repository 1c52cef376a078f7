"""Permissions of the participation app, named `participation.<verb>_<noun>`.

The public acts (registering, confirming, the data-rights acts, answering an invitation or a
liaison request) are open to anyone: what authorises them is the single-use link, which the
action checks. Registering is allowed only while a step enabling the open call is open, and
reminding a liaison request only while one enabling the liaisons is (cocrea/plans/capabilities.py).
"""

import rules

from cocrea.core.permissions import add_capability_perm, asker
from cocrea.plans.capabilities import capability_open
from cocrea.plans.rules import is_secretariat

anyone = rules.always_allow

for perm in (
    "manage_requirements",
    "send_invitation",
    "resend_invitation",
    "revoke_invitation",
    "confirm_invitation",
    "publish_call",
    "view_registrations",
    "export_registrations",
    "request_liaison",
    "publish_notice",
):
    rules.add_perm(f"participation.{perm}", is_secretariat)

add_capability_perm("participation.remind_liaison", is_secretariat, capability_open("liaisons"))
add_capability_perm("participation.register_call", anyone, capability_open("open-call"))

for perm in (
    "confirm_registration",
    "manage_own_data",
    "respond_invitation",
    "respond_liaison_request",
):
    rules.add_perm(f"participation.{perm}", anyone)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_confirm_invitation = asker("participation.confirm_invitation")
can_confirm_registration = asker("participation.confirm_registration")
can_export_registrations = asker("participation.export_registrations")
can_manage_own_data = asker("participation.manage_own_data")
can_manage_requirements = asker("participation.manage_requirements")
can_publish_call = asker("participation.publish_call")
can_publish_notice = asker("participation.publish_notice")
can_register_call = asker("participation.register_call")
can_remind_liaison = asker("participation.remind_liaison")
can_request_liaison = asker("participation.request_liaison")
can_resend_invitation = asker("participation.resend_invitation")
can_respond_invitation = asker("participation.respond_invitation")
can_respond_liaison_request = asker("participation.respond_liaison_request")
can_revoke_invitation = asker("participation.revoke_invitation")
can_send_invitation = asker("participation.send_invitation")
can_view_registrations = asker("participation.view_registrations")
