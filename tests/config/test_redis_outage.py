"""Redis goes away under a running site: pages keep coming from the database, an
enrollment still goes through (its email waits for the sweep), and /healthz/ says so.

A private redis-server on a free port serves as the cache and the broker, and is
stopped halfway."""

import shutil
import socket
import subprocess
import time

import kombu.pools
import pytest
import redis
from django.core.cache import cache
from django.urls import reverse

from config.celery import app as celery_app
from courses.models import Enrollment, Notice
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import PASSWORD, make_participant

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def private_redis():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url, server
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def site_on_private_redis(private_redis, settings):
    url, server = private_redis
    # Read before settings change: Celery's configuration reads Django's settings live.
    previous = celery_app.conf.broker_url
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.CELERY_BROKER_URL = url
    forget_broker_connections()
    celery_app.conf.broker_url = url
    yield server
    forget_broker_connections()
    celery_app.conf.broker_url = previous


def forget_broker_connections():
    """Celery keeps its broker connections and producers in pools made for one URL."""
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_the_site_serves_from_the_database_while_redis_is_down(
    client, catalog, site_on_private_redis, django_capture_on_commit_callbacks
):
    server = site_on_private_redis
    course = make_course(catalog, title="Mediation process design")
    member = make_participant("amina")
    make_profile(member, "AUC")
    session = make_session(course, capacity=5)

    assert client.get("/").status_code == 200
    assert client.get(course.url).status_code == 200
    signed_in = client.post(
        "/accounts/login/", {"login": "amina@example.org", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    assert client.get("/my-learning/").status_code == 200
    assert cache.get("probe", "missing") == "missing"
    cache.set("probe", "cached")
    assert cache.get("probe") == "cached"  # the cache really is this Redis
    assert client.get("/healthz/").json()["redis"] == "ok"

    server.terminate()
    server.wait(timeout=10)

    assert cache.get("probe", "missing") == "missing"
    for url in ("/", "/courses/", course.url):
        response = client.get(url)
        assert response.status_code == 200, url
    learning = client.get("/my-learning/")
    assert learning.status_code == 200  # still signed in: the session is in the database
    assert learning.wsgi_request.user == member
    with django_capture_on_commit_callbacks(execute=True):
        enrolled = client.post(reverse("enroll", args=[session.code]))
    assert enrolled.status_code == 302
    enrollment = Enrollment.objects.get(session=session, participant=member)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    # The confirmation could not be queued: its notice waits, unsent, for the sweep.
    assert Notice.objects.filter(enrollment=enrollment, sent_at=None).exists()

    health = client.get("/healthz/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "redis": "down"}

    # Signing in again works too (the throttles' counters are misses meanwhile).
    client.post("/accounts/logout/")
    again = client.post("/accounts/login/", {"login": "amina@example.org", "password": PASSWORD})
    assert again.status_code == 302
