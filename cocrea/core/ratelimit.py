"""Rate limits of the public forms, counted in the cache every server process shares
(`CACHES["shared"]`: Redis when configured, otherwise a database table).

Each attempt is counted atomically, so parallel requests (several workers, several servers)
never let more than `limit` through within a window: Redis increments in one MULTI/EXEC
transaction; the database table's row is locked (SELECT ... FOR UPDATE on PostgreSQL, the
IMMEDIATE transaction's write lock on SQLite) while it is read and rewritten."""

import base64
import hashlib
import pickle
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.utils import timezone


def shared_cache():
    return caches["shared"]


def _key(scope: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def _count_in_redis(cache: RedisCache, key: str, window: int) -> int:
    key = cache.make_and_validate_key(key)
    # Django's RedisCache has no atomic "increment or create with expiry"; its client does.
    client = cache._cache.get_client(key, write=True)
    pipe = client.pipeline(transaction=True)
    pipe.set(key, 0, ex=window, nx=True)  # a new window starts at 0 and expires with it
    pipe.incr(key)  # INCR keeps the key's expiry
    return int(pipe.execute()[1])


def _encode(value: int, protocol: int) -> str:
    # As DatabaseCache stores values, so that `cache.get(key)` reads the count back.
    return base64.b64encode(pickle.dumps(value, protocol)).decode("latin1")


def _count_in_database(cache: BaseDatabaseCache, key: str, window: int) -> int:
    key = cache.make_and_validate_key(key)
    db = router.db_for_write(cache.cache_model_class)
    connection = connections[db]
    qn = connection.ops.quote_name
    table, col_key, col_value, col_expires = (
        qn(name) for name in (cache._table, "cache_key", "value", "expires")
    )
    now = timezone.now().replace(microsecond=0)
    expires = connection.ops.adapt_datetimefield_value(now + timedelta(seconds=window))
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with transaction.atomic(using=db), connection.cursor() as cursor:
        # The row exists afterwards whoever inserted it; a parallel insert waits for ours.
        cursor.execute(
            f"INSERT INTO {table} ({col_key}, {col_value}, {col_expires}) VALUES (%s, %s, %s)"
            f" ON CONFLICT ({col_key}) DO NOTHING",
            [key, _encode(0, cache.pickle_protocol), expires],
        )
        if cursor.rowcount == 1:
            # A new counter: drop the expired ones (by the index on expires), so the table holds
            # only the current windows. Not on every attempt, to keep attempts from contending.
            cursor.execute(
                f"DELETE FROM {table} WHERE {col_expires} < %s",
                [connection.ops.adapt_datetimefield_value(now)],
            )
        cursor.execute(
            f"SELECT {col_value}, {col_expires} < %s FROM {table} WHERE {col_key} = %s{lock}",
            [connection.ops.adapt_datetimefield_value(now), key],
        )
        value, expired = cursor.fetchone()
        if expired:
            count = 1
        else:
            value = connection.ops.process_clob(value)
            count = pickle.loads(base64.b64decode(value.encode())) + 1
        assignments = f"{col_value} = %s" + (f", {col_expires} = %s" if expired else "")
        params = [_encode(count, cache.pickle_protocol), *([expires] if expired else []), key]
        cursor.execute(f"UPDATE {table} SET {assignments} WHERE {col_key} = %s", params)
    return count


def _count(key: str, window: int) -> int:
    """Count one attempt under `key`; the number of attempts in the current window."""
    cache = shared_cache()
    if isinstance(cache, RedisCache):
        return _count_in_redis(cache, key, window)
    if isinstance(cache, BaseDatabaseCache):
        return _count_in_database(cache, key, window)
    # Other backends (a per-process cache in a test): add + incr, atomic within the process.
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return 1


def hit(scope: str, value: str, *, limit: int, window: int) -> bool:
    """Count one attempt; True while the attempts within `window` seconds stay within `limit`."""
    return _count(_key(scope, value), window) <= limit


def reset(scope: str, value: str) -> None:
    """Forget the attempts counted under `scope` for `value` (the demo's replayed history must not
    use up a demo person's limit for the hour after it loads)."""
    shared_cache().delete(_key(scope, value))


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
