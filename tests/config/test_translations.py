"""Every string the interface shows has its French translation: a new template or
message without one is caught here, not by a French-speaking coordinator."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("api", "cms", "config", "courses", "participants", "templates", "manage.py")


@pytest.mark.skipif(not shutil.which("msgattrib"), reason="needs gettext")
def test_every_message_of_the_code_is_translated_to_french(tmp_path):
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    # makemessages merges what the code says into a copy of our catalogue; a msgid with
    # no translation of its own comes out empty or "fuzzy" (guessed from a neighbour).
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--verbosity", "0"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    catalogue = str(tmp_path / "locale/fr/LC_MESSAGES/django.po")
    missing = []
    for flag in ("--untranslated", "--only-fuzzy"):
        found = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", "--no-wrap", catalogue],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        missing += [line for line in found.splitlines() if line.startswith("msgid ")][1:]
    assert missing == []
