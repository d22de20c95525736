"""Production settings and docker-compose: checked by reading them, since no Docker
engine runs here."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECRET_KEY", "DEBUG"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="training.example.org",
        DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=os.environ["REDIS_URL"],
        EMAIL_URL="smtp://mailer:secret@mail.example.org:587/?tls=True",
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def test_production_passes_deploy_checks_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", env=production_env(SECRET_KEY=None))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def load_compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_defines_the_five_services_with_healthchecks():
    compose = load_compose()
    services = compose["services"]
    assert set(services) == {"web", "worker", "beat", "postgres", "redis"}
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no healthcheck"
        assert service["healthcheck"]["test"], name
    assert {"pgdata", "redisdata", "media"} <= set(compose["volumes"])
    assert any(v.startswith("pgdata:") for v in services["postgres"]["volumes"])
    assert any(v.startswith("redisdata:") for v in services["redis"]["volumes"])


def test_compose_app_services_share_one_image_and_the_right_commands():
    services = load_compose()["services"]
    app = [services[name] for name in ("web", "worker", "beat")]
    assert len({(s["image"], s["build"]) for s in app}) == 1
    web, worker, beat = (services[name]["command"] for name in ("web", "worker", "beat"))
    assert "manage.py migrate" in web and "gunicorn config.wsgi:application" in web
    assert web.index("migrate") < web.index("gunicorn")
    assert worker.startswith("celery -A config worker")
    assert beat.startswith("celery -A config beat")
    for service in app:
        env = service["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:" in env["DATABASE_URL"]
        assert env["REDIS_URL"].startswith("redis://redis:")
        assert "?" in env["SECRET_KEY"], "SECRET_KEY must be required, not defaulted"
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["depends_on"]["redis"]["condition"] == "service_healthy"


@pytest.mark.parametrize(
    "setting",
    [
        "MEDIA_ROOT",
        "CERTIFICATES_ROOT",
        "MESSAGES_ROOT",
        "CREDENTIALS_KEY_DIR",
        "PERSONAL_DATA_ROOT",
    ],
)
def test_every_folder_web_and_worker_share_is_a_named_volume(setting):
    """Web stores a message's attachment and the worker mails it; both sign credentials
    with the same keys: a folder of one container alone would lose them."""
    compose = load_compose()
    services = compose["services"]
    for name in ("web", "worker"):
        folder = services[name]["environment"][setting]
        mounts = dict(v.split(":", 1) for v in services[name]["volumes"])
        volume = next((vol for vol, path in mounts.items() if path == folder), None)
        assert volume in compose["volumes"], f"{name}: {setting} {folder} is not on a volume"


def test_the_signing_keys_exist_before_web_serves():
    web = load_compose()["services"]["web"]["command"]
    assert web.index("manage.py credential_keys") < web.index("gunicorn")


def test_dockerfile_builds_the_image_compose_runs():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --frozen --no-dev" in dockerfile
    assert "collectstatic" in dockerfile
    assert "USER concord" in dockerfile


def test_gunicorn_starts_workers_from_a_preloaded_application():
    """A worker killed with kill -9 is replaced by a fork of the loaded application at
    once, not by a process that imports Django and Wagtail again for many seconds."""
    web = load_compose()["services"]["web"]["command"]
    assert "gunicorn config.wsgi:application --preload" in web
    cmd = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD")
    )
    assert '"gunicorn", "config.wsgi:application", "--preload"' in cmd


def test_loading_the_application_opens_no_database_connection():
    """What --preload loads is shared by every forked worker: a database connection
    opened while importing would be one socket used by all of them."""
    code = (
        "import config.wsgi; from django.db import connections; "
        "print([alias for alias in connections if connections[alias].connection is not None])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=production_env(),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_compose_trusts_the_one_reverse_proxy_for_client_addresses():
    services = load_compose()["services"]
    for name in ("web", "worker", "beat"):
        assert services[name]["environment"]["TRUSTED_PROXY_COUNT"] == "${TRUSTED_PROXY_COUNT:-1}"
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)",
        env=production_env(TRUSTED_PROXY_COUNT="1"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1"
