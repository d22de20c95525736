"""A damaged versions cell, however long its numbers, is a row error of the import."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import Attendance
from tests.factories.courses import make_running_session

pytestmark = pytest.mark.django_db


def upload(client, session, rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return client.post(
        reverse("course_attendance:import", args=[session.pk]),
        {"file": SimpleUploadedFile("a.csv", out.getvalue().encode(), content_type="text/csv")},
    )


@pytest.fixture
def session(course, coordinator):
    return make_running_session(course, people=2, meetings=2, coordinators=[coordinator])


@pytest.mark.parametrize(
    "versions",
    [
        "1:" + "9" * 5000,
        "9" * 5000 + ":1",
        "{m}:99999999999",
        "{m}:2147483648",
        "{m}:1 " + "7" * 20 + ":1",
    ],
)
def test_huge_numbers_in_the_versions_column_are_a_row_error(
    client, coordinator, session, versions
):
    first = session.enrollments.select_related("participant").order_by("pk")[0]
    m1 = session.meetings.order_by("starts_at")[0]
    rows = [
        ["Email", f"{m1.starts_at:%Y-%m-%d %H:%M}", "Versions (do not edit)"],
        [first.participant.email, "present", versions.format(m=m1.pk)],
    ]
    client.force_login(coordinator)
    response = upload(client, session, rows)
    assert response.status_code == 200
    errors = [(e.row, e.column, e.message) for e in response.context["import_errors"]]
    assert errors == [
        (2, "Versions (do not edit)", "This cell was changed: export the sheet again.")
    ]
    assert not Attendance.objects.filter(meeting__session=session).exists()
