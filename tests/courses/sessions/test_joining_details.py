"""Venue, joining details and agenda: who sees the joining link (the one rule in
``access.joining_details_visible``) on every page, email and calendar that shows it."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from config.celery import app as celery_app
from courses.access import joining_details_visible
from courses.enrollment import notifications
from courses.models import CourseSession, Enrollment, Meeting, Notice
from courses.sessions.viewsets import CourseSessionForm, MeetingForm, MeetingViewSet
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_cohort, make_profile, make_session, session_form
from tests.factories.users import make_coordinator, make_participant, make_trainer

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/j/8812345"
PASSCODE = "Peace2027"


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def online(course, coordinator):
    session = make_session(
        course,
        code="mpd-online",
        is_online=True,
        city="",
        country="",
        timezone="Africa/Addis_Ababa",
        online_platform="Concord Meet",
        online_url=LINK,
        online_meeting_id="881 2345",
        online_passcode=PASSCODE,
        venue_access_notes="Badge at gate 3",
        venue_name="UNECA Conference Centre",
        coordinators=[coordinator],
    )
    start = datetime.datetime.combine(
        session.starts_on, datetime.time(9), tzinfo=zoneinfo.ZoneInfo("Africa/Addis_Ababa")
    )
    Meeting.objects.create(
        session=session,
        title="Opening: the mediator's mandate",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        resource_person="Amb. N. Diallo",
        description="Case study: the 2019 talks.",
    )
    return session


def person(username, acronym="DPPA", **profile):
    user = make_participant(username)
    make_profile(user, acronym, **profile)
    return user


def enrol(user, session, status):
    return Enrollment.objects.create(
        session=session,
        participant=user,
        organization=user.participant.organization,
        status=status,
        waitlisted_at=session.created_at if status == "waitlisted" else None,
    )


@pytest.fixture
def viewers(course, online):
    """Every kind of viewer the issue names, each with what they may see."""
    other_session = make_session(course, code="mpd-other")
    confirmed = person("confirmed")
    enrol(confirmed, online, "confirmed")
    waitlisted = person("waitlisted")
    enrol(waitlisted, online, "waitlisted")
    other_participant = person("other")
    enrol(other_participant, other_session, "confirmed")
    trainer = make_trainer("teacher")
    online.trainers.add(trainer)
    other_coordinator = make_coordinator("other-coord")
    other_session.coordinators.add(other_coordinator)
    focal = person("focal", "DPPA")
    FocalPoint.objects.create(user=focal, organization=Organization.objects.get(acronym="DPPA"))
    return {
        "confirmed": (confirmed, True),
        "trainer": (trainer, True),
        "coordinator": (online.coordinators.get(), True),
        "waitlisted": (waitlisted, False),
        "another participant": (other_participant, False),
        "coordinator of another session": (other_coordinator, False),
        "focal point": (focal, False),
    }


def test_the_rule_for_each_kind_of_viewer(online, viewers):
    assert joining_details_visible(AnonymousUser(), [online]) == set()
    for kind, (user, allowed) in viewers.items():
        assert (online.pk in joining_details_visible(user, [online])) is allowed, kind


def test_course_page_card_shows_the_link_only_to_those_allowed(client, course, online, viewers):
    html = client.get(course.url).content.decode()
    assert LINK not in html and PASSCODE not in html and "Badge at gate 3" not in html
    assert "UNECA Conference Centre" in html  # the venue's name is public
    for kind, (user, allowed) in viewers.items():
        client.force_login(user)
        html = client.get(course.url).content.decode()
        assert (LINK in html) is allowed, kind
        assert (PASSCODE in html) is allowed, kind
        assert ("Badge at gate 3" in html) is allowed, kind


def test_my_learning_shows_link_and_agenda_to_the_confirmed_only(client, online, viewers):
    confirmed, _ = viewers["confirmed"]
    client.force_login(confirmed)
    html = client.get(reverse("my_learning")).content.decode()
    assert LINK in html and PASSCODE in html
    assert "Opening: the mediator" in html and "Amb. N. Diallo" in html
    # The session's zone is named; the duty station (Nairobi) shares its offset but not
    # its name, so the viewer's own time is given too.
    assert "times in Africa/Addis_Ababa" in html
    assert "9:00\N{EN DASH}12:00 (Africa/Addis_Ababa)" in html
    assert "Your time: " in html and "9:00\N{EN DASH}12:00 (Africa/Nairobi)" in html

    waitlisted, _ = viewers["waitlisted"]
    client.force_login(waitlisted)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Opening: the mediator" in html  # the agenda is theirs to plan with
    assert LINK not in html and PASSCODE not in html
    assert "shown here to confirmed participants" in html


def test_viewer_in_another_zone_sees_both_times(client, online):
    paris = person("paris", duty_station="FR")
    enrol(paris, online, "confirmed")
    client.force_login(paris)
    html = client.get(reverse("my_learning")).content.decode()
    assert "9:00\N{EN DASH}12:00 (Africa/Addis_Ababa)" in html
    assert "Your time: " in html
    assert (  # CET or CEST
        "7:00\N{EN DASH}10:00 (Europe/Paris)" in html
        or "8:00\N{EN DASH}11:00 (Europe/Paris)" in html
    )


def test_session_ics_carries_the_link_for_the_confirmed_only(client, online, viewers):
    url = reverse("session_calendar", args=[online.code])

    def event_of(response):
        (event,) = Calendar.from_ical(response.content).walk("VEVENT")
        return event

    anonymous = event_of(client.get(url))
    assert LINK not in anonymous.to_ical().decode()
    assert PASSCODE not in anonymous.to_ical().decode()
    for kind, (user, allowed) in viewers.items():
        client.force_login(user)
        response = client.get(url)
        text = event_of(response).to_ical().decode().replace("\r\n ", "")
        assert (LINK in text) is allowed, kind
        assert (PASSCODE in text) is allowed, kind
        if allowed:
            assert "no-store" in response["Cache-Control"]


def test_reminder_email_has_the_link_only_for_the_confirmed(online, viewers):
    confirmed, _ = viewers["confirmed"]
    waitlisted, _ = viewers["waitlisted"]
    for user, allowed in ((confirmed, True), (waitlisted, False)):
        enrollment = Enrollment.objects.get(session=online, participant=user)
        notice = Notice.objects.create(enrollment=enrollment, kind=Notice.Kind.REMINDER, key="7d")
        message = notifications.render(notice)
        html = message.alternatives[0][0]
        assert (LINK in message.body) is allowed
        assert (LINK in html) is allowed
        assert (PASSCODE in message.body) is allowed
        assert "UNECA Conference Centre" in message.body


def test_joining_links_must_be_https(online):
    online.online_url = "http://meet.example.org/j/1"
    with pytest.raises(ValidationError) as error:
        online.full_clean()
    assert "https://" in str(error.value.message_dict["online_url"])
    sitting = online.meetings.get()
    sitting.online_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        sitting.full_clean()


def test_admin_form_refuses_a_plain_http_link(online, coordinator):
    data = session_form(online, online_url="http://meet.example.org/j/1", is_online="on")
    form = CourseSessionForm(data=data, instance=online, for_user=coordinator)
    assert not form.is_valid()
    assert "https://" in " ".join(form.errors["online_url"])


def test_a_sitting_may_override_room_and_link(client, course, coordinator):
    session = make_session(
        course, venue_name="Kenyatta Centre", venue_room="Room 4", online_url=LINK
    )
    start = datetime.datetime(2030, 3, 4, 9, tzinfo=datetime.UTC)
    Meeting.objects.create(session=session, starts_at=start, ends_at=start.replace(hour=12))
    Meeting.objects.create(
        session=session,
        starts_at=start + datetime.timedelta(days=1),
        ends_at=start + datetime.timedelta(days=1, hours=3),
        venue_room="Plenary hall",
        online_url="https://meet.example.org/j/day-two",
    )
    (user,) = [e.participant for e in make_cohort(session, 1)]
    client.force_login(user)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Plenary hall" in html and "https://meet.example.org/j/day-two" in html
    first, second = session.meetings.all()
    assert (first.room, first.joining_url) == ("Room 4", LINK)
    assert (second.room, second.joining_url) == (
        "Plenary hall",
        "https://meet.example.org/j/day-two",
    )


def test_facilitator_must_teach_the_session(course, online, coordinator):
    stranger = make_trainer("stranger")
    form_class = MeetingViewSet("m").get_form_class()
    sitting = online.meetings.get()
    data = {
        "session": online.pk,
        "title": sitting.title,
        "starts_at": "2030-01-01 09:00",
        "ends_at": "2030-01-01 12:00",
        "facilitator": stranger.pk,
    }
    form = form_class(data=data, instance=sitting, for_user=coordinator)
    assert issubclass(form_class, MeetingForm)
    assert not form.is_valid()
    assert "does not teach this session" in " ".join(form.errors["facilitator"])
    online.trainers.add(stranger)
    form = form_class(data=data, instance=sitting, for_user=coordinator)
    assert form.is_valid(), form.errors
    assert CourseSession.objects.get(pk=online.pk).online_url == LINK
    assert not mail.outbox
