"""Production: refuses to start without SECRET_KEY; HTTPS only; JSON logs."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, env, mailer_from_url, redis_caches

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# No sign-in before the email address is confirmed; links in account emails use HTTPS.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# Mail must really leave the building in production: no console default.
MAILERS = {"default": mailer_from_url(env("EMAIL_URL"))}

# Redis, but a miss rather than a 500 while it is unreachable (config/cache.py), and
# quickly: a black-holed server must not hold every request for long.
CACHES = redis_caches(env("REDIS_URL", default="redis://redis:6379/0"))

LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", default="json")
