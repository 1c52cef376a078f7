"""The version of the privacy notice people accept, stored with each consent (a registration's
`ConsentRecord`, an account's sign-up log row). Here, below the apps that record it, so that
`accounts` and `participation` read the same value without importing each other."""

NOTICE_VERSION = "2026-1"
