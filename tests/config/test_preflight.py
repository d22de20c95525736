"""config.preflight: the Debian packages `make test` needs, installed as root or named
in one apt-get line otherwise; and the services it was given."""

import shutil

import pytest

from config import preflight


def test_redis_server_is_needed_only_without_redis_url():
    assert "redis-server" in preflight.needed_packages({})
    assert "redis-server" not in preflight.needed_packages({"REDIS_URL": "redis://r:1/0"})
    assert {"chromium", "fonts-noto-core", "fonts-noto-cjk", "fonts-wqy-microhei"} <= set(
        preflight.needed_packages({})
    )


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_installed_reads_dpkg():
    assert preflight.installed("dpkg")
    assert not preflight.installed("concord-no-such-package")


def test_not_root_and_something_missing_stops_with_the_one_line_to_run(monkeypatch, capsys):
    monkeypatch.setattr(preflight.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(preflight.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(
        preflight, "installed", lambda name: name not in {"chromium", "fonts-noto-cjk"}
    )

    def refuse(*args, **kwargs):
        raise AssertionError(f"nothing may be run: {args}")

    monkeypatch.setattr(preflight.subprocess, "run", refuse)
    assert preflight.packages() == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if "apt-get" in line]
    assert lines == ["  sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk"]


def test_nothing_missing_passes(monkeypatch):
    monkeypatch.setattr(preflight, "installed", lambda name: True)
    monkeypatch.setattr(preflight.shutil, "which", lambda name: "/usr/bin/" + name)
    assert preflight.packages() == 0


def test_unset_or_unreachable_services_are_named(monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    assert preflight.main() == 1
    err = capsys.readouterr().err
    assert "DATABASE_URL is not set" in err
    assert "REDIS_URL: cannot reach 127.0.0.1:1" in err
