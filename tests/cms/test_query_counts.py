"""Public pages run a fixed number of queries, whatever the catalogue's size."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.enrollment.services import enroll
from tests.factories.courses import make_learner, make_session
from tests.factories.pages import make_course, make_module

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def grow(catalog, n):
    areas = ["mediation", "early-warning", "electoral-assistance", "policy-organs"]
    partners = [("DPPA", "AUC"), ("UNDP", "SADC", "ECOWAS"), ("DPPA", "OSCE")]
    courses = []
    for i in range(n):
        course = make_course(
            catalog,
            title=f"Course {i:03d} on mediation",
            areas=(areas[i % 4], areas[(i + 1) % 4]),
            partners=partners[i % 3],
            languages=("en", "fr") if i % 2 else ("es",),
            mode=["in_person", "online", "blended"][i % 3],
            featured=i % 2 == 0,
        )
        courses.append(course)
    return courses


def count_queries(client, url):
    client.get(url)  # warm-up: image renditions are made on first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def urls(catalog, course, module):
    return {
        "home": "/",
        "catalogue": catalog.url,
        "catalogue filtered": catalog.url + "?area=mediation&lang=fr&mode=online&org=dppa",
        "catalogue search": catalog.url + "?q=mediation&lang=en",
        "catalogue page 2": catalog.url + "?page=2",
        "course": course.url,
        "module": module.url,
    }


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed in"])
def test_query_counts_do_not_grow_with_the_catalogue(client, catalog, signed_in):
    course = grow(catalog, 5)[0]
    if signed_in:
        client.force_login(make_learner(course))
    module = make_module(course)
    make_module(course)
    pages = urls(catalog, course, module)
    if not signed_in:
        del pages["module"]  # modules are for signed-in users
    small = {name: count_queries(client, url) for name, url in pages.items()}

    grow(catalog, 15)  # past one catalogue page, more featured courses and partners
    for _ in range(3):
        make_module(course)
    for _ in range(4):  # sessions listed on the course and home pages, some with a visitor's
        make_session(course, capacity=1)
    if signed_in:
        learner = get_user_model().objects.get(username="learner")
        enroll(participant=learner, session=make_session(course))
    large = {name: count_queries(client, url) for name, url in pages.items()}

    assert small == large
    assert max(large.values()) < MAX_QUERIES, large
