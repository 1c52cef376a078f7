"""Permissions of the participation app, named `participation.<verb>_<noun>`.

The public acts (registering, confirming, the data-rights acts, answering an invitation or a
liaison request) are open to anyone: what authorises them is the single-use link, which the
action checks."""

import rules

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
    "remind_liaison",
):
    rules.add_perm(f"participation.{perm}", is_secretariat)

for perm in (
    "register_call",
    "confirm_registration",
    "manage_own_data",
    "respond_invitation",
    "respond_liaison_request",
):
    rules.add_perm(f"participation.{perm}", anyone)
