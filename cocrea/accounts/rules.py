"""Permissions of the accounts app, named `accounts.<verb>_<noun>`.

Signing up is for people without an account, so only anonymous visitors may. Confirming an account
is open to anyone: what authorises it is the link mailed to the address, which the action checks."""

import rules

rules.add_perm("accounts.sign_up", ~rules.is_authenticated)
rules.add_perm("accounts.confirm_account", rules.always_allow)
