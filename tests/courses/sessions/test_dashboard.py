"""The coordinators' dashboard panels: requests waiting, sessions starting this week,
failed certificates and waitlists, of their own sessions only, in a fixed number of
queries whatever the number of sessions."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.certificates.services import issue_certificates
from courses.models import Certificate, Enrollment
from tests.factories.certificates import make_completers
from tests.factories.courses import make_cohort, make_session
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db


def panel(html: str, panel_id: str) -> str:
    """The text of the dashboard panel ``panel_id``."""
    start = html.index(f'id="{panel_id}')
    end = html.find('class="w-panel ', start + 1)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start : end if end > 0 else None]))


def dashboard(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def busy_session(course, coordinator, code, *, starts_in_days=30):
    today = timezone.localdate()
    session = make_session(
        course,
        code=code,
        policy="approval",
        coordinators=[coordinator],
        starts_on=today + datetime.timedelta(days=starts_in_days),
        ends_on=today + datetime.timedelta(days=starts_in_days + 2),
    )
    make_cohort(session, 2, status="requested", prefix=f"r{code}")
    (waitlisted,) = make_cohort(session, 1, status="requested", prefix=f"w{code}")
    Enrollment.objects.filter(pk=waitlisted.pk).update(
        status=Enrollment.Status.WAITLISTED, waitlisted_at=timezone.now()
    )
    make_cohort(session, 3, prefix=f"c{code}")
    return session


def test_a_coordinator_sees_what_waits_in_their_own_sessions_only(
    client, course, coordinator, login
):
    soon = busy_session(course, coordinator, "soon-2027", starts_in_days=2)
    later = make_session(course, code="later-2027", coordinators=[coordinator])
    make_completers(later, 2)
    issue_certificates(session=later, by=coordinator)
    Certificate.objects.filter(enrollment__session=later).update(state=Certificate.State.FAILED)
    busy_session(course, make_coordinator("someone-else"), "foreign-2027", starts_in_days=1)
    login(client, coordinator)
    html, _ = dashboard(client)

    waiting = panel(html, "concord-requests-waiting")
    assert "Requests waiting for your decision" in waiting
    assert "soon-2027" in waiting and " 2 " in waiting
    assert reverse("course_review:review", args=[soon.pk]) in html
    this_week = panel(html, "concord-sessions-this-week")
    assert "soon-2027" in this_week and "3 / 20" in this_week
    assert "later-2027" not in this_week
    failed = panel(html, "concord-failed-certificates")
    assert "later-2027" in failed and "soon-2027" not in failed
    assert reverse("course_certificates:index", args=[later.pk]) in html
    waitlists = panel(html, "concord-waitlists")
    assert "soon-2027" in waitlists
    assert "foreign-2027" not in html


def test_people_who_coordinate_nothing_get_no_coordinator_panels(client, catalog, login):
    login(client, make_coordinator("idle"))
    html, _ = dashboard(client)
    assert "concord-requests-waiting" not in html


def test_the_panels_query_count_does_not_grow_with_the_sessions(client, course, coordinator, login):
    login(client, coordinator)
    dashboard(client)  # the first request caches the Site and the person's settings
    for i in range(2):
        busy_session(course, coordinator, f"a{i}", starts_in_days=i + 1)
    html, few = dashboard(client)
    assert "a1" in panel(html, "concord-waitlists")
    for i in range(6):
        busy_session(course, coordinator, f"b{i}", starts_in_days=i + 1)
    html, many = dashboard(client)
    assert "b5" in panel(html, "concord-waitlists")
    assert few == many
