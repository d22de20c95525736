import contextlib
import shutil
import socket
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import translation
from pytest_django.fixtures import validate_django_db
from pytest_django.plugin import blocking_manager_key

from cms.demo import seed_site
from config.storage_url import in_bucket, parse_storage_url


def pytest_addoption(parser):
    parser.addoption("--bench", action="store_true", help="run the benchmarks in tests/bench")
    parser.addoption("--scale", action="store_true", help="run the multi-node test in tests/scale")


def pytest_ignore_collect(collection_path, config):
    # Benchmarks print figures and take minutes: only `make bench` runs them.
    if collection_path.name == "bench" and not config.getoption("--bench"):
        return True
    # Several nodes and their services, a couple of minutes: `make scale-test` runs it.
    if collection_path.name == "scale" and not config.getoption("--scale"):
        return True
    return None


@pytest.fixture(autouse=True, scope="session")
def fresh_certificate_files():
    """Certificate PDFs the previous run wrote are removed (the suite's own folder only)."""

    folder = Path(settings.CERTIFICATES_ROOT)
    if folder.parent.name.startswith("test-files-"):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (a live server, threads, a worker) ends by flushing the
    database: put back what the migrations made (the Wagtail root page, locales, groups,
    permissions) so that whatever test comes next on this process finds it. Django's own
    runner gets this by running transactional tests last; pytest-xdist hands each worker
    files in its own order, so the next test may be any test."""
    result = yield
    if nextitem is None:
        return result  # the last test: the test database is gone with the session
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and validate_django_db(marker)[0]
    if transactional or {"transactional_db", "live_server"} & set(item.fixturenames):
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request or a test that
    activated another (Arabic, French…) leaves it active on the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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


# -------------------------------------------------- files in an S3-compatible bucket


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on a free port of this host, for the whole run."""
    from moto.server import ThreadedMotoServer  # noqa: PLC0415 -- only for the tests that use it

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """Every storage moved to a fresh bucket, as ``STORAGE_URL`` would at start
    (tests/courses/test_object_storage.py)."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "concord-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "concord-test-secret")
    name = f"concord-{uuid.uuid4().hex[:12]}"
    import boto3  # noqa: PLC0415 -- only for the tests that use it

    client = boto3.client("s3", endpoint_url=s3_server, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    url = f"s3://{name}?endpoint_url={s3_server}&region_name=us-east-1"
    settings.STORAGES = in_bucket(settings.STORAGES, parse_storage_url(url))

    class Bucket:
        endpoint = s3_server
        s3 = client

        @staticmethod
        def object_keys():
            listed = client.list_objects_v2(Bucket=name).get("Contents", [])
            return {item["Key"] for item in listed}

        @staticmethod
        def anonymous_get(key) -> int:
            try:
                with urllib.request.urlopen(f"{s3_server}/{name}/{key}") as response:
                    return response.status
            except urllib.error.HTTPError as refused:
                return refused.code

        @staticmethod
        def public_grants(key):
            grants = client.get_object_acl(Bucket=name, Key=key)["Grants"]
            return [grant for grant in grants if "URI" in grant["Grantee"]]

    Bucket.name = name
    return Bucket
