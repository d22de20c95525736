import contextlib
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from cms.demo import seed_site


def pytest_addoption(parser):
    parser.addoption("--bench", action="store_true", help="run the benchmarks in tests/bench")


def pytest_ignore_collect(collection_path, config):
    # Benchmarks print figures and take minutes: only `make bench` runs them.
    if collection_path.name == "bench" and not config.getoption("--bench"):
        return True
    return None


@pytest.fixture(autouse=True, scope="session")
def fresh_certificate_files():
    """Certificate PDFs the previous run wrote are removed (the suite's own folder only)."""

    folder = Path(settings.CERTIFICATES_ROOT)
    if folder.parent.name.startswith("test-files-"):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves no cached pages."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The home page (the default site's root) and the catalogue under it."""
    home, catalog = seed_site()
    return home, catalog


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def catalog(site_tree):
    return site_tree[1]


@contextlib.contextmanager
def shared_data(django_db_blocker):
    """Data built once for a whole module, rolled back at its end.

    Each test still runs in its own transaction (a savepoint inside this one), so what
    a test changes is undone before the next; building pages through Wagtail is slow
    enough that building them once per module keeps the suite fast.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The full demo (seed_demo), once per module."""
    with shared_data(django_db_blocker):
        call_command("seed_demo", verbosity=0)
        yield


@pytest.fixture
def login():
    """``login(client, user)``: the test client signed in as ``user``, without a password
    round trip (signing in itself is tested in tests/participants)."""

    def sign_in(client, user):
        client.force_login(user)
        return client

    return sign_in
