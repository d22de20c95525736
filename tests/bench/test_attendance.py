"""The attendance sheet of a 200-person, 10-meeting session, in the Wagtail admin, for a
coordinator (not a superuser: the permission checks are part of the cost).

``attendance_sheet_render``: the whole sheet, every cell marked (2,000 selects).
``attendance_sheet_save``: the whole sheet posted with every cell changed (2,000 marks
written and 200 audit entries), the worst case of one request.
``attendance_sheet_save_column``: the usual save, one meeting's 200 cells changed.

Each request commits, as it does in the server: the data is committed by a module
fixture (outside any test's transaction) and deleted at its end. In one rolled-back
transaction, as the page benchmarks run, the sixty saves would pile up sixty versions
of every mark that PostgreSQL may not clean up before the end, and each save would pay
for all the earlier ones: a cost no real save has.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import ModelLogEntry

from cms.demo import seed_site
from courses.models import Attendance, Enrollment
from participants.models import Participant
from tests.bench.harness import measure
from tests.factories.courses import make_cohort, make_meetings, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

# What a browser sends for a form without files (the test client's default is multipart).
FORM = "application/x-www-form-urlencoded"
PEOPLE = 200
MEETINGS = 10
S = Attendance.Status


@pytest.fixture(scope="module")
def sheet(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        # The site tree is enough (and lets this file run alone in seconds rather than
        # after the four-minute catalogue).
        _home, catalog = seed_site()
        course = make_course(catalog, title="Attendance benchmark course")
        coordinator = make_coordinator("bench-attendance-coordinator")
        today = timezone.localdate()
        session = make_session(
            course,
            code="bench-attendance",
            status="in_progress",
            capacity=PEOPLE,
            starts_on=today - datetime.timedelta(days=MEETINGS),
            ends_on=today,
            enrollment_opens_at=timezone.now() - datetime.timedelta(days=60),
            enrollment_closes_at=timezone.now() - datetime.timedelta(days=30),
            coordinators=[coordinator],
        )
        meetings = make_meetings(session, MEETINGS)
        enrollments = make_cohort(session, PEOPLE, prefix="bench-attendance-")
        Attendance.objects.bulk_create(
            Attendance(enrollment=e, meeting=m, status=S.PRESENT, recorded_by=coordinator)
            for e in enrollments
            for m in meetings
        )
    try:
        yield session, coordinator, enrollments, meetings
    finally:
        with django_db_blocker.unblock():
            _clean_up(course, session, [coordinator, *(e.participant for e in enrollments)])


def _clean_up(course, session, users):

    ModelLogEntry.objects.filter(object_id=str(session.pk), action__startswith="concord.").delete()
    Enrollment.objects.filter(session=session).delete()  # their marks cascade
    session.delete()
    Participant.objects.filter(user__in=users).delete()
    get_user_model().objects.filter(pk__in=[user.pk for user in users]).delete()
    course.delete()


def _post_data(session, enrollments, meetings, status, only_meeting=None):
    """The sheet as the browser posts it: every cell, with what the page loaded."""
    current = {
        (e, m): (v, s)
        for e, m, v, s in Attendance.objects.filter(meeting__session=session).values_list(
            "enrollment_id", "meeting_id", "version", "status"
        )
    }
    data = {"loaded": ",".join(f"{e}.{m}.{v}.{s}" for (e, m), (v, s) in current.items())}
    for e in enrollments:
        for m in meetings:
            changed = only_meeting is None or m.pk == only_meeting.pk
            data[f"c-{e.pk}-{m.pk}"] = status if changed else current[(e.pk, m.pk)][1]
    return data


def test_attendance_sheet(client, sheet, django_db_blocker):
    with django_db_blocker.unblock():
        _measure(client, *sheet)


def _measure(client, session, coordinator, enrollments, meetings):
    client.force_login(coordinator)
    url = reverse("course_attendance:sheet", args=[session.pk])

    def rendered(response):
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<select ") == PEOPLE * MEETINGS

    measure("attendance_sheet_render", lambda: client.get(url), check=rendered, n=30)

    statuses = itertools.cycle([S.LATE, S.PRESENT])
    posted = {}

    def prepare(only_meeting=None):
        def before():
            posted["data"] = _post_data(
                session, enrollments, meetings, next(statuses), only_meeting
            )
            posted["status"] = posted["data"][f"c-{enrollments[0].pk}-{meetings[-1].pk}"]

        return before

    def saved(expected):
        def check(response):
            assert response.status_code == 302, response.status_code
            marks = Attendance.objects.filter(meeting__session=session, status=posted["status"])
            assert marks.count() >= expected

        return check

    prepare()()  # the warm-up posts (the first saves, the others find nothing to change)
    measure(
        "attendance_sheet_save",
        lambda: client.post(url, urlencode(posted["data"]), content_type=FORM),
        before=prepare(),
        check=saved(PEOPLE * MEETINGS),
        n=30,
    )
    prepare(meetings[-1])()
    measure(
        "attendance_sheet_save_column",
        lambda: client.post(url, urlencode(posted["data"]), content_type=FORM),
        before=prepare(meetings[-1]),
        check=saved(PEOPLE),
        n=30,
    )
    assert Enrollment.objects.filter(session=session).count() == PEOPLE
