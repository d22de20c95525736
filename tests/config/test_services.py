"""config.services: the PostgreSQL and Redis that `make run` and `make test` bring.

These start real servers (a few seconds each), as root too: PostgreSQL then runs as an
unprivileged user."""

import os
import subprocess
import sys
from pathlib import Path

import psutil
import psycopg
import redis

from config import services

ROOT = Path(__file__).resolve().parents[2]


def gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_a_throwaway_postgresql_and_redis_are_started_and_stopped_without_a_trace():
    with services.services("test", environ={}) as added:
        database, broker = added["DATABASE_URL"], added["REDIS_URL"]
        with psycopg.connect(database.replace("postgres://", "postgresql://")) as conn:
            server_pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
            postmaster = psutil.Process(server_pid).parent()
            data = Path(conn.execute("SHOW data_directory").fetchone()[0])
            # The extensions catalogue search is meant to use, in the wheel's build.
            conn.execute("CREATE EXTENSION unaccent")
            conn.execute("CREATE EXTENSION pg_trgm")
            row = conn.execute(
                "SELECT unaccent('Côte d''Ivoire'), similarity('mediation', 'mediaton')"
            ).fetchone()
        assert row[0] == "Cote d'Ivoire" and row[1] > 0.5
        if os.geteuid() == 0:
            assert postmaster.username() == services.SERVICE_USER
        client = redis.Redis.from_url(broker)
        assert client.ping()
        redis_pid = client.info("server")["process_id"]
        # Neither listens where a machine's own services would.
        assert ":5432/" not in database and ":6379/" not in broker
    assert gone(postmaster.pid) and gone(redis_pid)
    assert not data.exists()


def test_urls_that_are_set_are_used_and_nothing_is_started():
    given = {"DATABASE_URL": "postgres://db.example.org/x", "REDIS_URL": "redis://r.example.org"}
    with services.services("test", environ=given) as added:
        assert added == {}


def test_the_command_gets_the_urls_its_status_is_returned_and_servers_stop_on_failure(tmp_path):
    script = (
        "import os, pathlib, sys; "
        f"pathlib.Path({str(tmp_path / 'env')!r}).write_text("
        "os.environ['DATABASE_URL'] + ' ' + os.environ['REDIS_URL']); sys.exit(3)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "-m", "config.services", "test", "--", sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    database, broker = (tmp_path / "env").read_text().split()
    assert database.startswith("postgres://postgres@127.0.0.1:") and broker.startswith("redis://")
    assert "stopped Redis and Postgres" in result.stderr
    port = int(database.rsplit(":", 1)[1].split("/")[0])
    listening = {c.laddr.port for c in psutil.net_connections("tcp") if c.status == "LISTEN"}
    assert port not in listening


def test_the_run_mode_keeps_its_data_for_the_next_run(tmp_path, monkeypatch):
    monkeypatch.setattr(services, "VAR", tmp_path)
    for round_ in (1, 2):
        with services.services("run", environ={"REDIS_URL": "redis://unused"}) as added:
            assert f"data in {tmp_path / 'postgres'}/, kept" in added["CONCORD_SERVICES"]
            url = added["DATABASE_URL"].replace("postgres://", "postgresql://")
            with psycopg.connect(url, autocommit=True) as conn:
                if round_ == 1:
                    conn.execute("CREATE TABLE kept (n int)")
                    conn.execute("INSERT INTO kept VALUES (42)")
                else:
                    assert conn.execute("SELECT n FROM kept").fetchone() == (42,)
        assert (tmp_path / "postgres" / "PG_VERSION").exists()


def test_only_the_test_mode_trades_durability_for_speed():
    """The suite's throw-away database skips fsync; the benchmarks' keeps production's
    durable commits, so a figure like enrollments per second is what a server would see."""
    for mode, expected in (("test", "off"), ("bench", "on")):
        with services.services(mode, environ={"REDIS_URL": "redis://unused"}) as added:
            url = added["DATABASE_URL"].replace("postgres://", "postgresql://")
            with psycopg.connect(url) as conn:
                assert conn.execute("SHOW fsync").fetchone() == (expected,)
                assert conn.execute("SHOW synchronous_commit").fetchone() == (expected,)


def test_while_run_serves_other_commands_find_its_servers(tmp_path, monkeypatch):
    monkeypatch.setattr(services, "VAR", tmp_path)
    monkeypatch.setattr(services, "SERVICES_ENV", tmp_path / "services.env")
    with services.services("run", environ={"REDIS_URL": "redis://unused"}) as added:
        written = (tmp_path / "services.env").read_text()
        assert f"DATABASE_URL={added['DATABASE_URL']}\n" in written
        assert "REDIS_URL" not in written  # given by the environment, not started here
    assert not (tmp_path / "services.env").exists()
