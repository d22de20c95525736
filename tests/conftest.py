import pytest

from cms.demo import seed_site


def pytest_addoption(parser):
    parser.addoption("--bench", action="store_true", help="run the benchmarks in tests/bench")


def pytest_ignore_collect(collection_path, config):
    # Benchmarks print figures and take minutes: only `make bench` runs them.
    if collection_path.name == "bench" and not config.getoption("--bench"):
        return True
    return None


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
