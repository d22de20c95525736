"""My learning says what fits where the session stands (upcoming, under way, ended),
explains how completion rounds, counts modules sensibly, offers check-in during a live
sitting, and keeps one private calendar feed address per person until they reset it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from courses.attendance.services import check_in, current_check_in
from courses.models import Attendance, Enrollment, Meeting, ModuleVisit
from courses.sessions.services import generate_meetings
from tests.factories.courses import make_meetings, make_profile, make_session
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

S = Enrollment.Status


@pytest.fixture
def member():
    user = make_participant("amina")
    make_profile(user, "AUC")
    return user


def confirmed(member, session):
    return Enrollment.objects.create(
        session=session,
        participant=member,
        organization=member.participant.organization,
        status=S.CONFIRMED,
    )


def my_learning(client, member):
    client.force_login(member)
    return client.get(reverse("my_learning")).content.decode()


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


# --- where the session stands -------------------------------------------------------------


def test_a_running_session_no_longer_says_prepare(client, course, member):
    confirmed(member, make_session(course, code="soon"))
    html = my_learning(client, member)
    assert "Prepare with the course modules" in html

    Enrollment.objects.all().delete()
    confirmed(
        member,
        make_session(course, code="now", status="in_progress", starts_on=days(-1), ends_on=days(2)),
    )
    html = my_learning(client, member)
    assert "Prepare with the course modules" not in html
    assert "The session is under way" in html


def test_a_session_that_ended_awaits_its_completion(client, course, member):
    confirmed(
        member,
        make_session(
            course, code="done", status="in_progress", starts_on=days(-9), ends_on=days(-5)
        ),
    )
    html = my_learning(client, member)
    assert "Prepare with the course modules" not in html
    assert "The session has ended: its coordinators will record who completed it." in html


# --- completion, explained ------------------------------------------------------------------


def test_the_rounding_of_the_attendance_minimum_is_explained(client, course, member):
    session = make_session(course, min_attendance_percent=80)
    make_meetings(session, 3, first=timezone.now() + datetime.timedelta(days=30))
    confirmed(member, session)
    html = my_learning(client, member)
    assert "attend at least 3 of its 3 meetings (completion needs 80 %)." in html
    assert "80 % of 3 is 2.4: a meeting is attended whole, so it is rounded up." in html


def test_no_rounding_note_when_the_minimum_is_a_whole_number(client, course, member):
    session = make_session(course, min_attendance_percent=80)
    make_meetings(session, 5, first=timezone.now() + datetime.timedelta(days=30))
    confirmed(member, session)
    html = my_learning(client, member)
    assert "attend at least 4 of its 5 meetings" in html
    assert "rounded up" not in html


def test_modules_opened_never_reads_more_than_needed(client, course, member):
    session = make_session(course, min_modules_opened=2)
    modules = [make_module(course) for _ in range(3)]
    confirmed(member, session)
    ModuleVisit.objects.create(user=member, module=modules[0])
    html = my_learning(client, member)
    assert "Modules opened: 1 of the 2 needed." in html
    assert "Open 1 more module of the course." in html

    for module in modules[1:]:
        ModuleVisit.objects.create(user=member, module=module)
    html = my_learning(client, member)
    assert "Modules opened: 2 of the 2 needed." in html
    assert "3 of" not in html and "more module" not in html


# --- check-in during a live sitting -------------------------------------------------------


def live_session(course, member, *, starts_in_minutes=-10):
    session = make_session(
        course, code="live", status="in_progress", starts_on=days(-1), ends_on=days(1)
    )
    start = timezone.now() + datetime.timedelta(minutes=starts_in_minutes)
    meeting = Meeting.objects.create(
        session=session,
        title="Day 2",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    return session, meeting


def test_my_learning_offers_check_in_during_a_live_sitting(client, course, member):
    session, meeting = live_session(course, member)
    confirmed(member, session)
    html = my_learning(client, member)
    assert "Day 2 is on now" in html
    assert f'href="{reverse("check_in")}"' in html

    check_in(user=member, code_or_token=current_check_in(meeting=meeting).code)
    html = my_learning(client, member)
    assert "You are checked in for Day 2: present." in html
    assert f'href="{reverse("check_in")}"' not in html


def test_no_check_in_offer_before_it_opens_or_without_a_seat(client, course, member):
    session, _meeting = live_session(course, member, starts_in_minutes=45)  # opens at -30
    enrollment = confirmed(member, session)
    assert f'href="{reverse("check_in")}"' not in my_learning(client, member)

    Meeting.objects.update(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    assert f'href="{reverse("check_in")}"' in my_learning(client, member)

    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=S.WAITLISTED, waitlisted_at=timezone.now()
    )
    assert f'href="{reverse("check_in")}"' not in my_learning(client, member)
    assert not Attendance.objects.exists()


# --- the private calendar feed ------------------------------------------------------------


def feed_path(html):
    return html.split('id="feed-url" type="url" value="')[1].split('"')[0].split("testserver", 1)[1]


def test_the_feed_address_is_stable_and_a_reset_invalidates_the_old_one(client, course, member):
    session = make_session(course, code="mpd-2027")
    confirmed(member, session)
    first = feed_path(my_learning(client, member))
    assert feed_path(my_learning(client, member)) == first  # the same on every visit
    other = make_participant("kwame")
    assert feed_path(my_learning(client, other)) != first  # one per person

    client.logout()
    calendar = Calendar.from_ical(client.get(first).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Mediation process design (mpd-2027)"
    ]

    client.force_login(member)
    assert client.get(reverse("calendar_feed_reset")).status_code == 405  # no change on GET
    response = client.post(reverse("calendar_feed_reset"), follow=True)
    html = response.content.decode()
    assert "Your calendar feed has a new address" in html
    second = feed_path(html)
    assert second != first
    assert feed_path(my_learning(client, member)) == second

    client.logout()
    assert client.get(first).status_code == 404  # the leaked address is dead
    assert client.get(second).status_code == 200


def test_tampered_or_foreign_feed_tokens_are_404(client, course, member):
    path = feed_path(my_learning(client, member))
    client.logout()
    feed_id, secret = path.removeprefix("/calendar/").removesuffix(".ics").split(".", 1)
    for token in (
        f"{feed_id}.{secret[:-1]}{'y' if secret.endswith('x') else 'x'}",
        f"{int(feed_id) + 1}.{secret}",
        f"{feed_id}.",
        secret,
        "\uff11.abc",  # a full-width digit is not an id
    ):
        assert client.get(reverse("calendar_feed", args=[token])).status_code == 404, token
    member.is_active = False
    member.save()
    assert client.get(path).status_code == 404


def test_resetting_needs_a_sign_in(client):
    response = client.post(reverse("calendar_feed_reset"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_feed_runs_a_fixed_number_of_queries(client, catalog, member):
    confirmed(member, make_session(make_course(catalog, title="Course 0"), code="first"))
    path = feed_path(my_learning(client, member))
    client.logout()

    def queries():
        client.get(path)  # the site and its pages are cached after a first request
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        events = Calendar.from_ical(response.content).walk("VEVENT")
        return len(events), [q["sql"] for q in captured]

    events, small = queries()
    # One query finds the feed with its person (compared in constant time), one their sessions.
    assert sum("courses_calendarfeed" in sql for sql in small) == 1
    for i in range(1, 5):
        confirmed(member, make_session(make_course(catalog, title=f"Course {i}"), code=f"s-{i}"))
    more, large = queries()
    assert (events, more) == (1, 5)
    assert len(large) == len(small)


# --- dates ----------------------------------------------------------------------------------


def test_dates_follow_the_language_and_name_the_sessions_zone(client, course, member):
    """The row, the agenda and the messages of My learning format dates as every other
    course screen does (``courses.dates``): the language's own date format, times on the
    session's clock with its zone named, never a bare abbreviation such as "JST"."""
    session = make_session(
        course,
        code="tokyo",
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 2),
        timezone="Asia/Tokyo",
    )
    generate_meetings(session=session)
    confirmed(member, session)
    client.force_login(member)
    html = client.get(reverse("my_learning"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "du 1 mars 2027 au 2 mars 2027" in html
    assert "lundi 1 mars 2027, 9:00–17:00 (Asia/Tokyo)" in html  # noqa: RUF001 - the en dash of a range
    assert "JST" not in html
