"""Production settings and docker-compose: checked by reading them, since no Docker
engine runs here."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

from config.storage_url import parse_storage_url
from tests.support.deployment import longest_task_time_limit

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


APP_SERVICES = ("migrate", "web", "worker", "beat")


def test_compose_defines_every_service_with_a_healthcheck():
    compose = load_compose()
    services = compose["services"]
    assert set(services) == {
        "proxy",
        "migrate",
        "web",
        "worker",
        "beat",
        "postgres",
        "redis",
        "minio",
        "createbucket",
    }
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no healthcheck"
        assert service["healthcheck"]["test"], name
        assert not service["healthcheck"].get("disable"), name
    assert {"pgdata", "redisdata", "objects", "credentials"} <= set(compose["volumes"])
    assert any(v.startswith("pgdata:") for v in services["postgres"]["volumes"])
    assert any(v.startswith("redisdata:") for v in services["redis"]["volumes"])
    assert any(v.startswith("objects:") for v in services["minio"]["volumes"])


def test_compose_app_services_share_one_image_and_the_right_commands():
    services = load_compose()["services"]
    app = [services[name] for name in APP_SERVICES]
    assert len({(s["image"], s["build"]) for s in app}) == 1
    migrate, web, worker, beat = (services[name]["command"] for name in APP_SERVICES)
    assert "manage.py migrate --noinput" in migrate
    assert web.startswith("gunicorn config.wsgi:application")
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


def test_web_scales_behind_the_proxy_without_a_host_port():
    """`docker compose up --scale web=3` fails on a fixed host port: only the proxy
    publishes one, and it spreads requests over every replica Docker's DNS names."""
    services = load_compose()["services"]
    web, proxy = services["web"], services["proxy"]
    assert "ports" not in web, "a host port on web forbids --scale web=N"
    assert "container_name" not in web
    assert "8000" in [str(port) for port in web["expose"]]
    assert "0.0.0.0:8000" in web["command"]
    for name, service in services.items():
        if name != "proxy":
            assert "ports" not in service, f"{name} publishes a port; only proxy should"
    assert {port.rsplit(":", 1)[1] for port in proxy["ports"]} == {"80", "443"}
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    mounts = dict(v.split(":", 1) for v in proxy["volumes"])
    assert mounts["./deploy/caddy/Caddyfile"] == "/etc/caddy/Caddyfile:ro"
    assert "container_name" not in services["worker"]


def caddyfile_directives() -> list[list[str]]:
    """The Caddyfile's lines as words, comments dropped."""
    lines = (ROOT / "deploy" / "caddy" / "Caddyfile").read_text().splitlines()
    return [line.split("#", 1)[0].split() for line in lines if line.split("#", 1)[0].strip()]


def test_the_proxy_passes_forwarded_headers_from_one_trusted_hop():
    """Caddy's reverse_proxy sets X-Forwarded-For/-Proto/-Host itself, replacing what a
    client sent unless `trusted_proxies` says otherwise: so the last X-Forwarded-For entry
    is the client's address, exactly the one entry TRUSTED_PROXY_COUNT=1 believes."""
    words = caddyfile_directives()
    flat = [word for line in words for word in line]
    assert ["reverse_proxy", "{"] in words
    assert ["dynamic", "a", "{"] in words and ["name", "web"] in words
    assert ["port", "8000"] in words
    assert ["lb_policy", "round_robin"] in words
    assert "trusted_proxies" not in flat, "clients' own X-Forwarded-For must not be kept"
    assert not [w for w in flat if w.startswith("-X-Forwarded")], "forwarded headers removed"
    services = load_compose()["services"]
    for name in APP_SERVICES:
        assert services[name]["environment"]["TRUSTED_PROXY_COUNT"] == "${TRUSTED_PROXY_COUNT:-1}"
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.ALLAUTH_TRUSTED_PROXY_COUNT, s.SECURE_PROXY_SSL_HEADER)",
        env=production_env(TRUSTED_PROXY_COUNT="1"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1 ('HTTP_X_FORWARDED_PROTO', 'https')"


def test_migrations_run_once_in_their_own_service_before_anything_starts():
    services = load_compose()["services"]
    migrate = services["migrate"]
    assert migrate["restart"] == "no"
    command = migrate["command"]
    assert command.index("manage.py migrate") < command.index("manage.py credential_keys")
    for name in ("web", "worker", "beat"):
        service = services[name]
        assert "migrate" not in service["command"], f"{name} migrates on start"
        assert "credential_keys" not in service["command"], f"{name} makes keys on start"
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "migrate" not in services["migrate"]["depends_on"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = next(line for line in dockerfile.splitlines() if line.startswith("CMD"))
    assert "migrate" not in cmd


def test_exactly_one_beat():
    services = load_compose()["services"]
    beat = services["beat"]
    assert beat["deploy"]["replicas"] == 1
    beats = [
        name for name, s in services.items() if "celery -A config beat" in s.get("command", "")
    ]
    assert beats == ["beat"]
    for name, service in services.items():
        assert "--beat" not in str(service.get("command", "")), f"{name} embeds a beat"


def test_the_worker_is_given_longer_than_its_longest_task_to_stop():
    grace = load_compose()["services"]["worker"]["stop_grace_period"]
    assert grace.endswith("s")
    assert int(grace[:-1]) > longest_task_time_limit()


def test_files_live_in_the_object_store_every_replica_reaches():
    """A folder of one container would hide a certificate PDF a worker wrote from the web
    replica asked for it: files go to the bucket, made private before anything starts."""
    compose = load_compose()
    services = compose["services"]
    for name in APP_SERVICES:
        env = services[name]["environment"]
        storage = env["STORAGE_URL"]
        assert storage.startswith("s3://${S3_BUCKET:-concord-files}?")
        assert "endpoint_url=http://minio:9000" in storage
        # As the settings read it once compose has put in the defaults.
        defaults = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", storage)
        options = parse_storage_url(defaults)
        assert options["bucket_name"] == "concord-files"
        assert options["endpoint_url"] == "http://minio:9000"
        assert env["AWS_ACCESS_KEY_ID"] and "?" in env["AWS_SECRET_ACCESS_KEY"]
        for setting in ("MEDIA_ROOT", "CERTIFICATES_ROOT", "MESSAGES_ROOT", "PERSONAL_DATA_ROOT"):
            assert setting not in env, f"{name}: {setting} would keep files in the container"
        assert services[name]["depends_on"]["createbucket"]["condition"] == (
            "service_completed_successfully"
        )
    bucket = services["createbucket"]
    assert bucket["depends_on"]["minio"]["condition"] == "service_healthy"
    assert "mb --ignore-existing" in bucket["command"][0]
    assert "anonymous set none" in bucket["command"][0]
    assert "ports" not in services["minio"]


def test_the_signing_keys_are_one_volume_every_signer_mounts():
    compose = load_compose()
    services = compose["services"]
    for name in ("migrate", "web", "worker"):
        folder = services[name]["environment"]["CREDENTIALS_KEY_DIR"]
        mounts = dict(v.split(":", 1) for v in services[name]["volumes"])
        assert mounts.get("credentials") == folder, name


def test_dockerfile_builds_the_image_compose_runs():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --frozen --no-dev" in dockerfile
    assert "collectstatic" in dockerfile
    assert "USER concord" in dockerfile


def test_gunicorn_starts_workers_from_a_preloaded_application():
    """A worker killed with kill -9 is replaced by a fork of the loaded application at
    once, not by a process that imports Django and Wagtail again for many seconds."""
    web = load_compose()["services"]["web"]["command"]
    assert web.startswith("gunicorn config.wsgi:application --preload")
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


def test_the_wsgi_application_leaves_what_it_loaded_to_no_collector():
    """gunicorn --preload loads config.wsgi in the master and forks: what was loaded is
    frozen, so no worker's garbage collector walks (and copies) it."""
    probe = "import gc, config.wsgi; print(gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert int(run.stdout.strip().splitlines()[-1]) > 100_000
