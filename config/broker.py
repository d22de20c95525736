"""Kombu's Redis transport, publishing through one client per channel.

Kombu's channel builds a new ``redis.Redis`` client (about 170 response callbacks set up)
for every message it publishes, over its connection pool. Celery already keeps its
producers and their channels in a pool (one producer per process in a sync worker), so
each channel keeps one client here instead: a redis-py client is only a front for the
pool and is safe to share (issue 20: 1 ms of each enrollment went there).
``CELERY_BROKER_TRANSPORT`` names this class when the broker is Redis.
"""

from contextlib import contextmanager
from functools import cached_property

from kombu.transport import redis


class Channel(redis.Channel):
    @cached_property
    def _shared_client(self):
        return self._create_client()

    @contextmanager
    def conn_or_acquire(self, client=None):
        yield client or self._shared_client


class Transport(redis.Transport):
    Channel = Channel
