"""Development mail (config/mail.py): one .eml file per message in a folder, one log
line each; the setting picks it when EMAIL_URL is unset, and production refuses that."""

import email
import email.policy
import logging
import os
import subprocess
import sys
from pathlib import Path

from django.core import mail
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


def test_each_message_becomes_one_eml_file_and_one_log_line(tmp_path, caplog):
    folder = tmp_path / "mail"
    mailers = {
        "default": {"BACKEND": "config.mail.MailFolderBackend", "OPTIONS": {"folder": folder}}
    }
    with override_settings(MAILERS=mailers), caplog.at_level(logging.INFO, "concord.mail"):
        sent = mail.send_mass_mail(
            [
                ("Your seat is confirmed", "See you in Addis Ababa.", None, ["amina@example.org"]),
                ("Reminder: Zoë's session", "Tomorrow, 09:00.", None, ["kwame@example.org"]),
            ]
        )
    assert sent == 2
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 2
    messages = [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in files
    ]
    assert {m["Subject"] for m in messages} == {"Your seat is confirmed", "Reminder: Zoë's session"}
    confirmed = next(m for m in messages if m["To"] == "amina@example.org")
    assert confirmed.get_content().strip() == "See you in Addis Ababa."
    lines = [r.getMessage() for r in caplog.records if r.name == "concord.mail"]
    assert len(lines) == 2
    for path in files:
        (line,) = [text for text in lines if str(path) in text]
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert message["Subject"] in line and message["To"] in line


def settings_value(module, expression, **env):
    environ = {
        k: v for k, v in os.environ.items() if k not in ("EMAIL_URL", "DJANGO_SETTINGS_MODULE")
    }
    environ.update(DJANGO_SETTINGS_MODULE=module, SECRET_KEY="x" * 50, ALLOWED_HOSTS="a.example")
    environ.update(env)
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_development_writes_mail_to_var_mail_without_email_url():
    result = settings_value("config.settings.dev", "settings.MAILERS['default']")
    assert result.returncode == 0, result.stderr
    assert "config.mail.MailFolderBackend" in result.stdout
    assert str(ROOT / "var" / "mail") in result.stdout
    smtp = settings_value(
        "config.settings.dev", "settings.MAILERS['default']['BACKEND']", EMAIL_URL="smtp://m:25"
    )
    assert smtp.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"


def test_production_requires_email_url():
    result = settings_value("config.settings.production", "settings.MAILERS")
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr
