"""The test suite: on the PostgreSQL and Redis that DATABASE_URL and REDIS_URL name.
`make test` starts private ones and sets both; nothing is assumed to listen anywhere."""

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGE_BUCKET, env, in_bucket, mailer_from_url, redis_caches


def redis_database_for_worker(url: str, worker: int) -> str:
    """``url`` with the database number moved past the one given, one per xdist worker."""
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(base + 1 + worker) % 16}"))


SECRET_KEY = "test-only-key"  # noqa: S105
if not (env("DATABASE_URL", default="") and env("REDIS_URL", default="")):
    raise ImproperlyConfigured(
        "The tests need DATABASE_URL and REDIS_URL: run `make test`, which starts its own "
        "PostgreSQL and Redis, or `python -m config.services test -- pytest …`."
    )
DATABASES = {"default": env.db("DATABASE_URL")}
# Under pytest-xdist (`make test` runs one pytest worker per core), each worker gets its
# own Redis database and its own folders for files; pytest-django gives each its own test
# database. Derived from the environment only, so that a Celery worker a test starts
# (which inherits PYTEST_XDIST_WORKER and the unshifted REDIS_URL) lands on the same ones.
_xdist_worker = env("PYTEST_XDIST_WORKER", default="")
# A connection per request or task, unless a process of the tests (a Celery worker they
# start) asks to keep it as production does.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
REDIS_URL = env("REDIS_URL")
if _xdist_worker:
    REDIS_URL = redis_database_for_worker(REDIS_URL, int(_xdist_worker.removeprefix("gw")))
_files = VAR_DIR / f"test-files-{_xdist_worker or 'main'}"  # noqa: F405
CELERY_BROKER_URL = REDIS_URL
# A server a benchmark starts (tests/bench) runs with production's cache, Redis: the
# sessions of the people it signed in are read from there, as after a real sign-in.
if env.bool("TEST_REDIS_CACHE", default=False):
    CACHES = redis_caches(REDIS_URL)
CELERY_BROKER_TRANSPORT = "config.broker:Transport"
# Each test clears the cache: the site's in-process copy re-reads the content version
# on every request (cms.middleware), or it would outlive the test that made it.
CMS_LOCAL_CACHE_SECONDS = env.float("CMS_LOCAL_CACHE_SECONDS", default=0.0)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail stays in memory (django.core.mail.outbox), except in the Celery workers the
# end-to-end tests start: they are pointed at a local SMTP server through this variable.
_test_email_url = env("CONCORD_TEST_EMAIL_URL", default="")
MAILERS = {
    "default": mailer_from_url(_test_email_url)
    if _test_email_url
    else {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
}
CERTIFICATES_ROOT = env("CERTIFICATES_ROOT", default=str(_files / "certificates"))
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "certificates": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        # A certificate's PDF keeps its name when rendered again: replaced whole.
        "OPTIONS": {"location": CERTIFICATES_ROOT, "base_url": None, "allow_overwrite": True},
    },
    "messages": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        "OPTIONS": {"location": str(_files / "messages"), "base_url": None},
    },
    "personal_data": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        "OPTIONS": {"location": str(_files / "personal-data"), "base_url": None},
    },
    "applications": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-applications"), "base_url": None},  # noqa: F405
    },
}
# STORAGE_URL in the environment (a process of a multi-node test) moves them all to it.
STORAGES = in_bucket(STORAGES, STORAGE_BUCKET)
MEDIA_ROOT = str(_files / "media")
WAGTAILADMIN_BASE_URL = "http://testserver"
# The tests sign credentials with a key of their own, made on first use under var/.
CREDENTIALS_KEY_DIR = env("CREDENTIALS_KEY_DIR", default=str(_files / "credentials"))
CREDENTIALS_CREATE_KEY = True
