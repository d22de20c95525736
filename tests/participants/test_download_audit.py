"""Downloads of files with people's data (rosters, attendance sheets) are in the audit log."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from participants.privacy import DATA_DOWNLOADED_ACTION
from tests.factories.courses import make_running_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db


def test_roster_and_attendance_downloads_are_logged_on_the_session(client, catalog):
    coordinator = make_coordinator("coord")
    session = make_running_session(make_course(catalog), people=2, coordinators=[coordinator])
    client.force_login(coordinator)
    assert not ModelLogEntry.objects.filter(action=DATA_DOWNLOADED_ACTION).exists()

    roster = client.get(reverse("course_review:roster", args=[session.pk, "csv"]))
    assert roster.status_code == 200
    attendance = client.get(reverse("course_attendance:export", args=[session.pk]))
    assert attendance.status_code == 200

    entries = ModelLogEntry.objects.filter(action=DATA_DOWNLOADED_ACTION).order_by("pk")
    assert [e.data["what"].split(":")[0] for e in entries] == ["csv", "attendance CSV"]
    assert {e.object_id for e in entries} == {str(session.pk)}
    assert {e.user_id for e in entries} == {coordinator.pk}
