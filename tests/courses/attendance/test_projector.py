"""The check-in screen's projector view: the code, the QR code, the sitting and the live
count on the whole screen, linked from the check-in screen, for the session's staff only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.attendance.services import check_in, current_check_in
from tests.factories.courses import make_meetings, make_running_session
from tests.factories.users import make_coordinator, make_participant, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    return make_trainer("teacher")


@pytest.fixture
def meeting(course, coordinator, trainer):
    session = make_running_session(
        course,
        people=3,
        meetings=0,
        coordinators=[coordinator],
        trainers=[trainer],
        timezone="Africa/Addis_Ababa",
    )
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)
    return make_meetings(session, 1, first=start)[0]


def projector_url(meeting):
    return reverse("course_attendance:check_in_projector", args=[meeting.pk])


def test_the_check_in_screen_links_to_the_projector_view(client, coordinator, meeting):
    client.force_login(coordinator)
    page = client.get(reverse("course_attendance:check_in", args=[meeting.pk])).content.decode()
    assert f'href="{projector_url(meeting)}"' in page


def test_the_projector_view_shows_code_qr_sitting_and_count_without_the_admin(
    client, trainer, meeting
):
    first = meeting.session.enrollments.order_by("pk").first().participant
    check_in(user=first, code_or_token=current_check_in(meeting=meeting).token)
    client.force_login(trainer)
    page = client.get(projector_url(meeting)).content.decode()
    shown = current_check_in(meeting=meeting)
    assert shown.display_code in page
    assert "<svg" in page
    assert "Day 1 · " in page and "(Africa/Addis_Ababa)" in page
    assert "Checked in: <span data-checked-in>1</span> of 3" in page
    assert "data-code-url" in page  # the script refreshes code and count
    assert "sidebar" not in page  # no admin chrome around it


def test_the_projector_view_follows_the_check_in_screens_access_rules(client, meeting):
    url = projector_url(meeting)
    assert client.get(url).status_code == 302  # to the sign-in
    client.force_login(make_coordinator("other-coord"))
    assert client.get(url).status_code == 404
    client.force_login(make_participant("someone"))
    assert client.get(url).status_code in (302, 403)
    assert current_check_in(meeting=meeting).display_code not in client.get(url).content.decode()
