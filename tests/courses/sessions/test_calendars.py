"""Calendars: one timed event per sitting with its TZID and VTIMEZONE, stable UIDs under
the site's domain, SEQUENCE raised at every change, cancelled events sent as such, and
the .ics attached to confirmation and change emails. Checked by parsing with icalendar."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from config.celery import app as celery_app
from courses.enrollment.services import enroll
from courses.learning.services import calendar_feed_of
from courses.models import CourseSession, Enrollment
from courses.sessions.services import generate_meetings
from tests.factories.courses import make_profile, make_session, session_form
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/j/42"


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def session(course, coordinator):
    session = make_session(
        course,
        code="mpd-addis",
        timezone="Africa/Addis_Ababa",
        starts_on=datetime.date(2030, 3, 4),
        ends_on=datetime.date(2030, 3, 6),
        venue_name="UNECA Conference Centre",
        venue_room="Room 2",
        venue_address="Menelik II Avenue, Addis Ababa",
        online_url=LINK,
        coordinators=[coordinator],
    )
    generate_meetings(session=session)
    return session


@pytest.fixture
def amina(session):
    user = make_participant("amina")
    make_profile(user)
    enroll(participant=user, session=session)
    return user


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return calendar, sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def feed_url(user):
    return reverse("calendar_feed", args=[calendar_feed_of(user).token])


def test_one_timed_event_per_sitting_with_its_zone(client, session):
    calendar, found = events(client.get(reverse("session_calendar", args=[session.code])))
    assert len(found) == 3
    first = found[0]
    start = first.decoded("dtstart")
    assert start == datetime.datetime(2030, 3, 4, 9, tzinfo=zoneinfo.ZoneInfo("Africa/Addis_Ababa"))
    assert first["DTSTART"].params["TZID"] == "Africa/Addis_Ababa"
    assert first.decoded("dtend") - start == datetime.timedelta(hours=8)
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Africa/Addis_Ababa"
    assert all(e["STATUS"] == "CONFIRMED" for e in found)
    # The anonymous see the venue's name and city, never the room or the link.
    assert "UNECA Conference Centre" in str(first["LOCATION"])
    assert "Room 2" not in str(first["LOCATION"]) and LINK not in first.to_ical().decode()


def test_uids_are_under_the_sites_domain(client, session, settings):
    settings.SITE_URL = "https://training.example.org"
    _, found = events(client.get(reverse("session_calendar", args=[session.code])))
    expected = {f"sitting-{m.pk}@training.example.org" for m in session.meetings.all()}
    assert {str(e["UID"]) for e in found} == expected


def test_the_confirmed_feed_carries_the_venue_and_link(client, session, amina):
    _, found = events(client.get(feed_url(amina)))
    assert len(found) == 3
    first = found[0]
    assert "Room 2" in str(first["LOCATION"]) and "Menelik II" in str(first["LOCATION"])
    assert LINK in str(first["DESCRIPTION"])


def test_a_change_raises_sequence_and_keeps_uids(client, session, amina, coordinator, login):
    _, before = events(client.get(feed_url(amina)))
    uids = [str(e["UID"]) for e in before]
    sequence = before[0]["SEQUENCE"]
    login(client, coordinator)
    response = client.post(
        reverse("course_sessions:edit", args=[session.pk]),
        session_form(
            session,
            venue_name="UNECA Conference Centre",
            venue_room="Africa Hall",
            venue_address="Menelik II Avenue, Addis Ababa",
            online_url=LINK,
        ),
        follow=True,
    )
    html = response.content.decode()
    assert "1 person is confirmed in mpd-addis" in html  # the offer to tell them
    client.logout()
    _, after = events(client.get(feed_url(amina)))
    assert [str(e["UID"]) for e in after] == uids
    assert all(e["SEQUENCE"] > sequence for e in after)
    assert "Africa Hall" in str(after[0]["LOCATION"])

    # Editing a sitting's agenda raises it again.
    login(client, coordinator)
    sitting = session.meetings.first()
    client.post(
        reverse("course_meetings:edit", args=[sitting.pk]),
        {
            "session": session.pk,
            "title": "Opening",
            "starts_at": "2030-03-04 09:00",
            "ends_at": "2030-03-04 12:00",
            "resource_person": "Amb. N. Diallo",
            "description": "The mediator's mandate",
        },
    )
    client.logout()
    _, again = events(client.get(feed_url(amina)))
    assert all(e["SEQUENCE"] > after[0]["SEQUENCE"] for e in again)
    assert "Amb. N. Diallo" in str(again[0]["DESCRIPTION"])


def test_telling_the_confirmed_sends_one_email_each_with_the_new_calendar(
    client, session, amina, coordinator, login, django_capture_on_commit_callbacks
):
    login(client, coordinator)
    url = reverse("course_sessions:announce", args=[session.pk])
    page = client.get(url).content.decode()
    assert "1 person holds a confirmed place" in page
    assert not mail.outbox  # nothing on GET
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    (message,) = [m for m in mail.outbox if "has changed" in m.subject]
    assert message.to == ["amina@example.org"]
    (name, content, mimetype) = message.attachments[0]
    assert name == "mpd-addis.ics" and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    assert len(calendar.walk("VEVENT")) == 3
    assert LINK in calendar.to_ical().decode().replace("\r\n ", "")


def test_a_cancelled_sitting_and_a_cancelled_session(client, session, amina, coordinator, login):
    sitting = session.meetings.last()
    login(client, coordinator)
    client.post(
        reverse("course_meetings:edit", args=[sitting.pk]),
        {
            "session": session.pk,
            "title": sitting.title,
            "starts_at": "2030-03-06 09:00",
            "ends_at": "2030-03-06 17:00",
            "is_cancelled": "on",
        },
    )
    client.logout()
    _, found = events(client.get(feed_url(amina)))
    assert [str(e["STATUS"]) for e in found] == ["CONFIRMED", "CONFIRMED", "CANCELLED"]

    login(client, coordinator)
    session.refresh_from_db()
    client.post(
        reverse("course_sessions:edit", args=[session.pk]),
        session_form(session, status="cancelled", online_url=LINK, venue_name="UNECA"),
    )
    client.logout()
    assert Enrollment.objects.get(participant=amina).status == "cancelled"
    assert CourseSession.objects.get(pk=session.pk).status == "cancelled"
    # Still in the feed, so the calendar application removes it.
    _, found = events(client.get(feed_url(amina)))
    assert len(found) == 3 and all(str(e["STATUS"]) == "CANCELLED" for e in found)
    assert all(e["SEQUENCE"] >= 2 for e in found)


def test_the_confirmation_email_carries_the_calendar(course, django_capture_on_commit_callbacks):
    session = make_session(course, code="mpd-ics", online_url=LINK)
    generate_meetings(session=session)
    user = make_participant("bo")
    make_profile(user)
    with django_capture_on_commit_callbacks(execute=True):
        enroll(participant=user, session=session)
    (message,) = mail.outbox
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("mpd-ics.ics", "text/calendar")
    found = Calendar.from_ical(content).walk("VEVENT")
    assert len(found) == session.meetings.count() == 5
    assert LINK in Calendar.from_ical(content).to_ical().decode().replace("\r\n ", "")
