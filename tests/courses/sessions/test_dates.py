"""One date format per language and times named with the session's zone, on every
courses screen: the filters of ``courses.dates`` rendered in English and French, and
the screens that use them."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from courses.models import CourseSession, Meeting
from tests.factories.courses import make_running_session

ADDIS = zoneinfo.ZoneInfo("Africa/Addis_Ababa")
# 06:00 UTC is 09:00 in Addis Ababa.
MOMENT = datetime.datetime(2027, 3, 5, 6, 0, tzinfo=datetime.UTC)


def render(text, **context):
    return Template("{% load course_dates %}" + text).render(Context(context))


def session_in_addis():
    return CourseSession(
        code="x",
        timezone="Africa/Addis_Ababa",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "March 5, 2027, 9:00 (Africa/Addis_Ababa)"),
        ("fr", "5 mars 2027 à 9:00 (Africa/Addis_Ababa)"),
    ],
)
def test_a_moment_reads_in_the_language_and_the_sessions_zone(language, expected):
    with translation.override(language):
        assert render("{{ t|course_datetime:s }}", t=MOMENT, s=session_in_addis()) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "March 1, 2027 \N{EN DASH} March 5, 2027"), ("fr", "du 1 mars 2027 au 5 mars 2027")],
)
def test_a_sessions_days_read_in_the_language(language, expected):
    with translation.override(language):
        assert render("{{ s|session_dates }}", s=session_in_addis()) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Friday, March 5, 2027, 9:00\N{EN DASH}12:00 (Africa/Addis_Ababa)"),
        ("fr", "vendredi 5 mars 2027, 9:00\N{EN DASH}12:00 (Africa/Addis_Ababa)"),
    ],
)
def test_a_sitting_reads_with_its_day_hours_and_zone(language, expected):
    meeting = Meeting(
        session=session_in_addis(),
        starts_at=MOMENT,
        ends_at=MOMENT + datetime.timedelta(hours=3),
    )
    with translation.override(language):
        assert render("{{ m|sitting_when }}", m=meeting) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Mark all present", "All sittings", "(Africa/Addis_Ababa)"]),
        ("fr", ["Tous présents", "Toutes les séances", "(Africa/Addis_Ababa)"]),
    ],
)
def test_the_attendance_sheet_uses_the_formats_and_terms(
    client, course, coordinator, login, language, words
):
    session = make_running_session(
        course, people=2, meetings=2, coordinators=[coordinator], timezone="Africa/Addis_Ababa"
    )
    login(client, coordinator)
    meeting = session.meetings.order_by("starts_at").first()
    url = reverse("course_attendance:sheet", args=[session.pk])
    with translation.override(language):
        page = client.get(url, headers={"accept-language": language}).content.decode()
        focus = client.get(
            f"{url}?meeting={meeting.pk}", headers={"accept-language": language}
        ).content.decode()
        expected_day = render("{{ m|sitting_when }}", m=meeting)
    for word in words:
        assert word in page
    assert "All present" not in page and "Meetings" not in page
    assert expected_day in focus
