"""What the accounts app asks of the apps above it. `accounts` sits below the domain apps in the
import layers (docs/architecture.md, "The import contract") and never imports them; the app that
knows the answer registers it here from its `AppConfig.ready`:

- who may see and lift login lockouts: `plans` registers "holds the secretariat's role in some
  plan" (login lockouts are site-wide, one login for every plan);
- where the privacy notice is that the sign-up form links, and which version of it a sign-up
  records: `participation` registers the current plan's notice."""

from collections.abc import Callable

_lockout_managers: list[Callable] = []
_privacy_notice_urls: list[Callable[[], str]] = []
_privacy_notice_records: list[Callable[[], dict | None]] = []


def register_lockout_manager(check: Callable) -> None:
    """`check(user) -> bool`: whether `user` may see and lift login lockouts."""
    if check not in _lockout_managers:
        _lockout_managers.append(check)


def manages_lockouts(user) -> bool:
    return user.is_authenticated and any(check(user) for check in _lockout_managers)


def register_privacy_notice_url(url: Callable[[], str]) -> None:
    """`url() -> str`: the privacy notice's address, or "" when there is none."""
    if url not in _privacy_notice_urls:
        _privacy_notice_urls.append(url)


def privacy_notice_url() -> str:
    return next((found for url in _privacy_notice_urls if (found := url())), "")


def register_privacy_notice_record(record: Callable[[], dict | None]) -> None:
    """`record() -> dict | None`: the notice a sign-up accepts (plan, version, id), or None."""
    if record not in _privacy_notice_records:
        _privacy_notice_records.append(record)


def privacy_notice_record() -> dict | None:
    return next((found for record in _privacy_notice_records if (found := record())), None)
