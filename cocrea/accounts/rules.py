"""Permissions of the accounts app, named `accounts.<verb>_<noun>`.

Signing up is for people without an account, so only anonymous visitors may. Confirming an account
is open to anyone: what authorises it is the link mailed to the address, which the action checks.
The secretariat (of any plan) sees the locked-out logins and lifts a lockout."""

import rules

from cocrea.core.permissions import asker

from .hooks import manages_lockouts

rules.add_perm("accounts.sign_up", ~rules.is_authenticated)
rules.add_perm("accounts.confirm_account", rules.always_allow)


@rules.predicate
def is_secretariat_of_a_plan(user) -> bool:
    """Holds the secretariat's role in some action plan. Login lockouts are site-wide (one login
    for every plan), so any plan's secretariat may lift one. The plans app, which holds the roles,
    registers the check (accounts/hooks.py)."""
    return manages_lockouts(user)


rules.add_perm("accounts.view_lockouts", is_secretariat_of_a_plan)
rules.add_perm("accounts.unlock_login", is_secretariat_of_a_plan)


# One `can_<verb>` per permission: what views, forms, templates' rows and the API ask.
can_confirm_account = asker("accounts.confirm_account")
can_sign_up = asker("accounts.sign_up")
can_unlock_login = asker("accounts.unlock_login")
can_view_lockouts = asker("accounts.view_lockouts")
