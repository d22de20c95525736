"""A health endpoint for container orchestrators, answered before host validation and the
HTTPS redirect (probes call the container directly, by IP, over HTTP).

It answers JSON naming each dependency: ``{"status": "ok"|"degraded"|"down",
"database": "ok"|"down", "redis": "ok"|"down"|"unused"}``. Status 200 while the site can
serve, Redis down included (pages come from the database then: config.cache, and Celery
tasks wait for the sweeps); 503 only when the database is down, the one thing a
replacement container might fix.
"""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

HEALTH_PATH = "/healthz/"
REDIS_TIMEOUT = 1.0


def redis_urls() -> set[str]:
    """The Redis servers the site uses: Celery's broker and the cache, when Redis."""
    urls = set()
    broker = getattr(settings, "CELERY_BROKER_URL", "") or ""
    if broker.startswith(("redis://", "rediss://")):
        urls.add(broker)
    for cache in settings.CACHES.values():
        if "redis" in cache.get("BACKEND", "").lower():
            location = cache["LOCATION"]
            urls.update([location] if isinstance(location, str) else location)
    return urls


def redis_state() -> str:
    import redis  # noqa: PLC0415 -- on demand

    urls = redis_urls()
    if not urls:
        return "unused"
    for url in urls:
        client = redis.Redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        try:
            client.ping()
        except (redis.RedisError, OSError):
            return "down"
        finally:
            client.close()
    return "ok"


def database_state() -> str:
    try:
        connection.ensure_connection()
    except Exception:
        return "down"
    return "ok"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH and request.method in ("GET", "HEAD"):
            report = {"database": database_state(), "redis": redis_state()}
            if report["database"] != "ok":
                status, http_status = "down", 503
            elif report["redis"] == "down":
                status, http_status = "degraded", 200
            else:
                status, http_status = "ok", 200
            response = JsonResponse({"status": status, **report}, status=http_status)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
