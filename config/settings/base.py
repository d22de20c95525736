"""Settings shared by every environment. Everything that differs between machines
comes from the environment (django-environ); defaults are safe for a local run."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.csp import CSP

from config.oidc import allauth_apps, form_action_origins, parse_providers
from config.storage_url import bucket_options, in_bucket

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
# While `make run` serves, the URLs of the PostgreSQL and Redis it started (config.services),
# so that `python manage.py …` in another terminal reaches them; the environment wins.
environ.Env.read_env(VAR_DIR / "services.env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # PostgreSQL's full-text search and its other tools.
    "django.contrib.postgres",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Ours last, in layer order: each one's post-migrate set-up finds what it builds on.
    "participants",
    "cms",
    "courses",
    "ninja",
    "api",
]

MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",
    "config.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.csp.SiteContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, so only hosts in ALLOWED_HOSTS reach the site cache.
    "cms.middleware.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "participants.http.PrivateAccountPagesMiddleware",
    "api.middleware.ApiMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.unreadable_input.UnreadableSubmissionMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.content",
            ],
        },
    },
]

# PostgreSQL everywhere. `make run` and `make test` start an embedded one (config/services.py)
# and set DATABASE_URL; without it only what needs no database works (collectstatic).
DATABASES = {"default": env.db("DATABASE_URL")} if env("DATABASE_URL", default="") else {}
if DATABASES:
    DATABASES["default"]["ATOMIC_REQUESTS"] = False
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How long a process trusts the content version it last read before it reads it again
# (cms.middleware: the site of a request comes from memory, not from Redis, meanwhile).
CMS_LOCAL_CACHE_SECONDS = env.float("CMS_LOCAL_CACHE_SECONDS", default=1.0)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "concord",
    }
}

# One sign-in for the site and the admin: allauth's, by email, with its lockout, rate
# limits and email verification (/admin/login/ leads there). The backend loads the
# signed-in user with ``can_access_admin``.
AUTHENTICATION_BACKENDS = ["participants.backends.EmailBackendWithAdminFlag"]

# Sessions read from the cache (Redis in production), written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

# Accounts (django-allauth): people sign up and sign in with their email address; the
# username Wagtail's admin signs in with is made from it. Logging out takes a POST.
ACCOUNT_ADAPTER = "participants.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_DISPLAY = "participants.accounts.user_display"
# "mandatory" in production: no sign-in before the address is confirmed.
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# A new account's next step is its profile, which a first enrollment needs.
ACCOUNT_SIGNUP_REDIRECT_URL = "/profile/"
ACCOUNT_EMAIL_CONFIRMATION_AUTHENTICATED_REDIRECT_URL = "/profile/"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
# A reset for an unknown address answers as for a known one and mails "no account here";
# both emails are sent by a Celery task, so both requests do the same work.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Concord] "
# Brute force: five failed passwords for one address within five minutes, or ten a
# minute from one IP address, and further attempts are refused until the window passes.
# Counted in the cache (Redis in production, so shared by every web process).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# The client address of every throttle (allauth's and ours, participants.http.client_ip):
# the number of reverse proxies of ours in front of the site, whose X-Forwarded-For
# entries are believed. 0 (the default) believes no header: right when clients connect
# directly, wrong behind a proxy (every client would share the proxy's address).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Single sign-on (OpenID Connect, allauth's openid_connect provider): OIDC_PROVIDERS is a
# JSON list of providers, each with its email domains and organization (config/oidc.py,
# README "Single sign-on"). A first sign-in links to the account with the same verified
# address, or creates one; a provider may only sign in addresses of its own domains.
OIDC_PROVIDERS = parse_providers(env("OIDC_PROVIDERS", default=""))
SOCIALACCOUNT_ADAPTER = "participants.sso.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": allauth_apps(OIDC_PROVIDERS)}
}
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
# Tokens are not kept: Concord calls nothing on the person's behalf.
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = env.int("OIDC_REQUESTS_TIMEOUT", default=10)
# The sign-in form sends a person of a domain without password sign-in to their provider.
ACCOUNT_FORMS = {"login": "participants.sso.LoginForm", "signup": "participants.sso.SignupForm"}

# Internationalisation: the six UN languages and Portuguese, each named in itself (the
# switcher offers a language to those who read it). Codes chosen so that Django's,
# Wagtail's and allauth's own catalogues apply: "zh-hans" (zh_Hans), and "pt-br", for
# which none of Wagtail and allauth ship a plain "pt"; our own catalogue for it lives in
# locale/pt, which gettext finds for pt_BR. Arabic is right to left (LANGUAGE_BIDI).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt-br", "Português"),
    ("ru", "Русский"),
    ("zh-hans", "中文"),
]
# Wagtail's admin offers the same languages (its own screens have all seven catalogues).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files are served by whitenoise, compressed and with hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Certificates (their PDFs and the logo and signature images they print) live outside
# MEDIA_ROOT: /media/ never serves them; only their holder and the session's
# coordinators download a PDF, through a view that checks who asks.
CERTIFICATES_ROOT = env.path("CERTIFICATES_ROOT", default=str(VAR_DIR / "certificates"))
MESSAGES_ROOT = env.path("MESSAGES_ROOT", default=str(VAR_DIR / "messages"))
STORAGES = {
    "default": {"BACKEND": "config.local_storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "certificates": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        # A certificate's PDF keeps its name when rendered again: replaced whole.
        "OPTIONS": {"location": str(CERTIFICATES_ROOT), "base_url": None, "allow_overwrite": True},
    },
    # Attachments of cohort messages: private, served only through a view that checks.
    "messages": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        "OPTIONS": {"location": str(MESSAGES_ROOT), "base_url": None},
    },
    # Application files (CVs, nomination letters, endorsements): private, served only
    # to the applicant and the session's coordinators by a view that checks.
    "applications": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        "OPTIONS": {
            "location": env("APPLICATIONS_ROOT", default=str(VAR_DIR / "applications")),
            "base_url": None,
        },
    },
    # "Download my data" ZIPs: outside MEDIA_ROOT, sent only to their owner by a view.
    "personal_data": {
        "BACKEND": "config.local_storage.AtomicFileSystemStorage",
        "OPTIONS": {
            "location": env("PERSONAL_DATA_ROOT", default=str(VAR_DIR / "personal-data")),
            "base_url": None,
        },
    },
}
# With STORAGE_URL (or AWS_STORAGE_BUCKET_NAME) set, every storage above but static files
# lives in one S3-compatible bucket that all replicas share, each under its own key prefix
# and never public (config/storage.py); a malformed URL stops the start with its reason.
STORAGE_BUCKET = bucket_options(env)
STORAGES = in_bucket(STORAGES, STORAGE_BUCKET)
# Retention (participants/retention.py): people inactive this long are erased, after a
# notice this many days before.
PERSONAL_DATA_RETENTION_DAYS = env.int("PERSONAL_DATA_RETENTION_DAYS", default=6 * 365 + 1)
RETENTION_NOTICE_DAYS = env.int("RETENTION_NOTICE_DAYS", default=30)
# Application files and supervisor comments are deleted this many days after the last
# day of their session (participants.retention.register_expiring_records).
APPLICATION_RECORDS_RETENTION_DAYS = env.int("APPLICATION_RECORDS_RETENTION_DAYS", default=365)
# How long a prepared "Download my data" ZIP is offered.
PERSONAL_DATA_EXPORT_HOURS = env.int("PERSONAL_DATA_EXPORT_HOURS", default=24)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def redis_caches(url: str) -> dict:
    """Production's cache: Redis at ``url``, answering a miss rather than an error while
    it is unreachable (config/cache.py), and quickly: a black-holed server must not hold
    every request for long."""
    return {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def mailer_from_url(url: str) -> dict:
    """A MAILERS entry from EMAIL_URL (smtp://user:pass@host:587/?tls=True, consolemail://)."""
    config = environ.Env.email_url_config(url)
    backend = config["EMAIL_BACKEND"]
    if not backend.endswith("smtp.EmailBackend"):
        return {"BACKEND": backend}
    options = {
        "host": config.get("EMAIL_HOST") or "localhost",
        "port": config.get("EMAIL_PORT") or 25,
        "username": config.get("EMAIL_HOST_USER") or "",
        "password": config.get("EMAIL_HOST_PASSWORD") or "",
        "use_tls": bool(config.get("EMAIL_USE_TLS")),
        "use_ssl": bool(config.get("EMAIL_USE_SSL")),
        "timeout": env.int("EMAIL_TIMEOUT", default=20),
    }
    return {"BACKEND": backend, "OPTIONS": options}


# Email: EMAIL_URL like smtp://user:pass@host:587/?tls=True. Unset (development): each
# message is written to var/mail/ as an .eml file, with one log line (config/mail.py).
# Production requires EMAIL_URL.
MAILERS = {
    "default": mailer_from_url(env("EMAIL_URL"))
    if env("EMAIL_URL", default="")
    else {"BACKEND": "config.mail.MailFolderBackend", "OPTIONS": {"folder": str(VAR_DIR / "mail")}}
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Concord <no-reply@concord.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis when REDIS_URL is set, else the filesystem transport under var/
# so that one machine needs no Redis for a first run.
REDIS_URL = env("REDIS_URL", default="")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
# One queue name for everything; a test that starts its own worker gives it a queue of
# its own, so that it never takes another run's tasks.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", default="celery")
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The follow-up survey opens this long after a session's last day (about three months).
EVALUATION_FOLLOW_UP_DAYS = env.int("EVALUATION_FOLLOW_UP_DAYS", default=91)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict = {
    "session-reminders": {
        "task": "courses.tasks.send_session_reminders",
        "schedule": crontab(hour=6, minute=0),
    },
    "evaluation-reminders": {
        "task": "courses.tasks.send_evaluation_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "requeue-unsent-notices": {
        "task": "courses.tasks.requeue_unsent_notices",
        "schedule": 300.0,
    },
    "requeue-stuck-certificates": {
        "task": "courses.tasks.requeue_stuck_certificates",
        "schedule": float(env.int("CERTIFICATE_SWEEP_EVERY", default=60)),
    },
    "personal-data-retention": {
        "task": "participants.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
    "supervisor-clearance-reminders": {
        "task": "courses.tasks.send_clearance_reminders",
        "schedule": crontab(hour=6, minute=30),
    },
    # The report counts what is stale itself; this keeps it little (courses.reports.services).
    "refresh-report-figures": {
        "task": "courses.tasks.refresh_report_figures",
        "schedule": float(env.int("REPORT_FIGURES_REFRESH_EVERY", default=60)),
    },
    "remove-expired-personal-data-exports": {
        "task": "participants.tasks.remove_expired_personal_data_exports",
        "schedule": 3600.0,
    },
}
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # Kombu's Redis transport, but one client per channel rather than one per message.
    CELERY_BROKER_TRANSPORT = "config.broker:Transport"
    # Above the longest task's time limit and the longest retry countdown, so that an
    # unacknowledged task is redelivered only when its worker is really gone.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
    }
else:
    _broker_dir = VAR_DIR / "celery"
    for _folder in ("queue", "processed", "control"):
        (_broker_dir / _folder).mkdir(parents=True, exist_ok=True)
    # The host is ignored by this transport; naming it spares a warning at every start.
    CELERY_BROKER_URL = "filesystem://localhost//"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }

# Certificates: rendered, stored and emailed by Celery tasks, a few certificates each
# (courses.certificates.services). Times are in seconds, per certificate.
CERTIFICATE_UN_ENTITY = env("CERTIFICATE_UN_ENTITY", default="UNITAR")  # acronym
CERTIFICATE_TASK_SOFT_TIME_LIMIT = env.int("CERTIFICATE_TASK_SOFT_TIME_LIMIT", default=60)
CERTIFICATE_TASK_TIME_LIMIT = env.int("CERTIFICATE_TASK_TIME_LIMIT", default=90)
# Certificates per task when several are queued at once (each its own transaction).
CERTIFICATE_TASK_BATCH = env.int("CERTIFICATE_TASK_BATCH", default=8)
# Temporary SMTP and network errors: retried after 30 s, 60 s, 120 s, … (at most 15 min).
CERTIFICATE_MAX_RETRIES = env.int("CERTIFICATE_MAX_RETRIES", default=6)
CERTIFICATE_RETRY_BACKOFF = env.int("CERTIFICATE_RETRY_BACKOFF", default=30)
CERTIFICATE_RETRY_BACKOFF_MAX = env.int("CERTIFICATE_RETRY_BACKOFF_MAX", default=900)
# The sweep queues again a certificate left pending or rendered this long after its
# task was queued (a worker killed with kill -9, a Redis restart); after this many
# runs it gives up and marks it failed for a coordinator to look at.
CERTIFICATE_STUCK_AFTER = env.int("CERTIFICATE_STUCK_AFTER", default=600)
CERTIFICATE_MAX_ATTEMPTS = env.int("CERTIFICATE_MAX_ATTEMPTS", default=10)
# The public verification page answers this many requests per client IP and window.
CERTIFICATE_VERIFY_LIMIT = env.int("CERTIFICATE_VERIFY_LIMIT", default=30)
CERTIFICATE_VERIFY_WINDOW = env.int("CERTIFICATE_VERIFY_WINDOW", default=60)

# Signed credentials (Open Badges 3.0, courses/certificates/credentials.py): the Ed25519
# private keys live in this folder, outside the database (`manage.py credential_keys`
# makes the first; `--rotate` adds a newer one). Only development and the tests create a
# missing key on first use; production refuses to sign without one.
CREDENTIALS_KEY_DIR = env.path("CREDENTIALS_KEY_DIR", default=str(VAR_DIR / "credentials"))
CREDENTIALS_CREATE_KEY = env.bool("CREDENTIALS_CREATE_KEY", default=False)

# The REST API (api/): calls per token (or per client address without one) and window.
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=600)
API_RATE_WINDOW = env.int("API_RATE_WINDOW", default=60)

# Wagtail
WAGTAIL_SITE_NAME = "Concord"
# The admin signs in and resets passwords through allauth (config/urls.py).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_BASE_URL = SITE_URL
# Course and module pages are translatable (wagtail-localize): one page tree per
# language, the translations of a page sharing its translation_key.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, whatever its source: it is published through the
# review workflow like any other change (cms.translations).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are served through Django with Content-Disposition: attachment, so an
# uploaded file can never run as a page in the site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
# Uploads are checked by content, not by name; handouts of modules stay with their
# readers (cms/files.py, hook in cms/wagtail_hooks.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.files.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A rendition of a 121-megapixel upload took 4 s and 1.1 GB of a web worker. 40 MP is a
# good camera's full frame; banners and signature scans need far less.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Security baseline, for every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN; nothing else may be framed.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF, *form_action_origins(OIDC_PROVIDERS)],
    "frame-ancestors": [CSP.SELF],
}
# Wagtail's admin needs inline script and style (see config/csp.py); no nonce here,
# since a nonce would make browsers ignore 'unsafe-inline'.
ADMIN_CSP_PREFIX = "/admin/"
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
}
# Nothing in the admin may call out to other hosts either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOG_FORMAT = env("LOG_FORMAT", default="text")  # "json" in production
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "config.observability.ContextFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [req=%(request_id)s task=%(task_id)s] "
            "%(message)s"
        },
        "json": {"()": "config.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "celery": {"level": LOG_LEVEL},
        # One line per search-index update is noise; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}
