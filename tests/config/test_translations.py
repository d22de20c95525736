"""Every string the interface shows is translated into every shipped language: a new
template or message without its translation is caught here, not by a coordinator who
reads Arabic, Chinese, French, Portuguese, Russian or Spanish."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("api", "cms", "config", "courses", "participants", "templates", "manage.py")


# The catalogues of locale/: English is the source; "pt" serves pt-br (gettext's fallback).
CATALOGUES = ("ar", "es", "fr", "pt", "ru", "zh_Hans")


@pytest.mark.skipif(not shutil.which("msgattrib"), reason="needs gettext")
def test_every_message_of_the_code_is_translated_into_every_language(tmp_path):
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
        [sys.executable, "manage.py", "makemessages", "--verbosity", "0"]
        + [arg for code in CATALOGUES for arg in ("-l", code)],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    missing = {}
    for code in CATALOGUES:
        catalogue = str(tmp_path / f"locale/{code}/LC_MESSAGES/django.po")
        for flag in ("--untranslated", "--only-fuzzy"):
            found = subprocess.run(
                ["msgattrib", flag, "--no-obsolete", "--no-wrap", catalogue],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            lines = [line for line in found.splitlines() if line.startswith("msgid ")][1:]
            if lines:
                missing.setdefault(code, []).extend(lines)
    assert missing == {}


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs gettext")
@pytest.mark.parametrize("code", CATALOGUES)
def test_each_catalogue_compiles_with_its_placeholders(code):
    """msgfmt --check: plural forms as the header counts them, and every python-format
    placeholder of a message kept in its translation."""
    catalogue = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(catalogue)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
