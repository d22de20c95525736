"""Django's Redis cache, made to serve misses while Redis is unreachable.

Everything Concord keeps in the cache can be rebuilt or done without: published content
is read again from PostgreSQL, sessions (``cached_db``) are read from their table, and
the throttles' counters start again (the throttles are open while Redis is down: the
price of signing people in at all). So a connection error or a timeout is a miss, not a
500 on every page; it is logged at most once a minute, and ``/healthz/`` says Redis is
down (config.health).
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_EVERY = 60.0
_last_logged = 0.0


def _report(error: BaseException) -> None:
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= LOG_EVERY:
        _last_logged = now
        logger.error("Redis cache unreachable, serving without it: %s", error)


def _missing(method, fallback):
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE as error:
            _report(error)
            if isinstance(fallback, type) and issubclass(fallback, Exception):
                raise fallback("the cache is unreachable") from error
            return fallback() if callable(fallback) else fallback

    wrapper.__name__ = method.__name__
    return wrapper


class ResilientRedisCacheClient(RedisCacheClient):
    # Django builds a new ``redis.Redis`` client (about 170 response callbacks) for every
    # cache operation, over a pool it keeps; ten per page were 8 % of a course page's
    # CPU (issue 20). A client is only a front for its pool: one per pool is kept.
    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = clients[index] = self._client(connection_pool=self._pools[index])
        return client

    # "Added": allauth takes its rate-limit lock with add(); refusing it would refuse
    # every sign-in. The throttles are open while Redis is down (logged), as their
    # counters are gone anyway.
    add = _missing(RedisCacheClient.add, True)
    set = _missing(RedisCacheClient.set, None)
    touch = _missing(RedisCacheClient.touch, False)
    delete = _missing(RedisCacheClient.delete, False)
    get_many = _missing(RedisCacheClient.get_many, dict)
    has_key = _missing(RedisCacheClient.has_key, False)
    # Callers of incr already handle a missing key (ValueError) by setting it.
    incr = _missing(RedisCacheClient.incr, ValueError)
    set_many = _missing(RedisCacheClient.set_many, list)
    delete_many = _missing(RedisCacheClient.delete_many, None)
    clear = _missing(RedisCacheClient.clear, False)

    def get(self, key, default):
        try:
            return super().get(key, default)
        except UNREACHABLE as error:
            _report(error)
            return default


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
