"""The API's lists run a fixed number of queries whatever their length (measured at two
sizes, as the site's lists are)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import Scope, bearer, token_for
from tests.factories.certificates import make_completers
from tests.factories.courses import make_cohort, make_session

pytestmark = pytest.mark.django_db


def queries(client, url, **extra):
    client.get(url, **extra)  # the first call of a process fills caches (the site)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(captured), len(response.json()["items"])


def test_the_sessions_list_runs_the_same_queries_for_2_and_12_sessions(client, course):
    for n in range(2):
        make_cohort(make_session(course, code=f"few-{n}"), 2, prefix=f"few{n}-")
    few = queries(client, "/api/v1/sessions")
    for n in range(10):
        make_cohort(make_session(course, code=f"more-{n}"), 2, prefix=f"more{n}-")
    many = queries(client, "/api/v1/sessions")
    assert (few[1], many[1]) == (2, 12)
    assert few[0] == many[0]


@pytest.mark.parametrize(
    "url", ["/api/v1/enrollments", "/api/v1/attendance", "/api/v1/certificates"]
)
def test_token_lists_run_the_same_queries_for_3_and_9_rows(client, finished, url):
    session, _, _ = finished
    _, secret = token_for("AUC", *Scope)
    few = queries(client, url, **bearer(secret))
    make_completers(session, 6)
    if url.endswith("certificates"):
        from courses.certificates.services import issue_certificates  # noqa: PLC0415
        from courses.models import Certificate  # noqa: PLC0415

        issue_certificates(session=session, by=session.coordinators.first())
        Certificate.objects.update(state=Certificate.State.SENT)
    many = queries(client, url, **bearer(secret))
    assert few[1] < many[1]
    assert few[0] == many[0]
