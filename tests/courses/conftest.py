"""What most of the courses tests start from: a course and a coordinator."""

import pytest

from tests.factories.pages import make_course
from tests.factories.users import make_coordinator


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design")


@pytest.fixture
def coordinator():
    return make_coordinator("coord")
