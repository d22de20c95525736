"""The test suite: on the PostgreSQL and Redis that DATABASE_URL and REDIS_URL name.
`make test` starts private ones and sets both; nothing is assumed to listen anywhere."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, mailer_from_url

SECRET_KEY = "test-only-key"  # noqa: S105
if not (env("DATABASE_URL", default="") and env("REDIS_URL", default="")):
    raise ImproperlyConfigured(
        "The tests need DATABASE_URL and REDIS_URL: run `make test`, which starts its own "
        "PostgreSQL and Redis, or `python -m config.services test -- pytest …`."
    )
DATABASES = {"default": env.db("DATABASE_URL")}
# A connection per request or task, unless a process of the tests (a Celery worker they
# start) asks to keep it as production does.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
REDIS_URL = env("REDIS_URL")
CELERY_BROKER_URL = REDIS_URL
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
CERTIFICATES_ROOT = env("CERTIFICATES_ROOT", default=str(VAR_DIR / "test-certificates"))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": CERTIFICATES_ROOT, "base_url": None},
    },
    "messages": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-messages"), "base_url": None},  # noqa: F405
    },
    "personal_data": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-personal-data"), "base_url": None},  # noqa: F405
    },
    "applications": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-applications"), "base_url": None},  # noqa: F405
    },
}
MEDIA_ROOT = str(VAR_DIR / "test-media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The tests sign credentials with a key of their own, made on first use under var/.
CREDENTIALS_KEY_DIR = env("CREDENTIALS_KEY_DIR", default=str(VAR_DIR / "test-credentials"))  # noqa: F405
CREDENTIALS_CREATE_KEY = True
