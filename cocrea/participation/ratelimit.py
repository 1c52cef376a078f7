"""Rate limits of the public forms, counted in the cache every server process shares
(`CACHES["shared"]`: Redis when configured, otherwise a database table)."""

import hashlib

from django.conf import settings
from django.core.cache import caches


def shared_cache():
    return caches["shared"]


def _key(scope: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit(scope: str, value: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while the attempts within `window` seconds stay within `limit`."""
    cache = shared_cache()
    key = _key(scope, value)
    if cache.add(key, 1, window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        count = 1
    return count <= limit


def allow_submission(ip: str, email: str) -> bool:
    """One submission of a public form from `ip` for `email`: both limits must hold."""
    window = settings.PARTICIPATION_RATE_LIMIT_WINDOW
    ok_ip = hit("ip", ip or "-", limit=settings.PARTICIPATION_RATE_LIMIT_PER_IP, window=window)
    ok_email = hit(
        "email", email or "-", limit=settings.PARTICIPATION_RATE_LIMIT_PER_EMAIL, window=window
    )
    return ok_ip and ok_email


def client_ip(request) -> str:
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
