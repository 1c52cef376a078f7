"""Permissions of the participation app, named `participation.<verb>_<noun>`.

The public acts (registering, confirming, the data-rights acts, answering an invitation or a
liaison request) are open to anyone: what authorises them is the single-use link, which the
action checks. Registering is allowed only while a step enabling the open call is open, and
reminding a liaison request only while one enabling the liaisons is (cocrea/plans/capabilities.py).
"""

import rules

from cocrea.core.permissions import add_capability_perm
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
