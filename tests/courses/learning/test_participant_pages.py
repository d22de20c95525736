"""What participants see and do on the site: sessions on a course page, enrolling,
withdrawing, "My learning" and calendar files."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from courses.models import Enrollment
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    user = make_participant("amina")
    make_profile(user, "AUC")
    return user


def test_course_page_lists_upcoming_sessions_with_seats_and_actions(client, course, member):
    make_session(course, code="mpd-nairobi", capacity=2, city="Nairobi", country="KE")
    make_session(course, code="mpd-online", capacity=1, is_online=True, city="", policy="approval")
    make_session(course, code="mpd-draft", status="draft")
    html = client.get(course.url).content.decode()
    assert "Nairobi, Kenya" in html and "Online" in html
    assert "2 seats left" in html and "1 seat left" in html
    assert "mpd-draft" not in html
    assert "Sign in to enroll" in html

    client.force_login(member)
    html = client.get(course.url).content.decode()
    assert reverse("enroll", args=["mpd-nairobi"]) in html
    assert "Request a place" in html  # the approval session


def test_enroll_then_withdraw(client, course, member):
    session = make_session(course, capacity=1)
    client.force_login(member)
    response = client.post(reverse("enroll", args=[session.code]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("my_learning")
    html = response.content.decode()
    assert "is confirmed" in html and "Mediation process design" in html
    enrollment = Enrollment.objects.get(session=session, participant=member)
    assert enrollment.status == Enrollment.Status.CONFIRMED

    # The course page now says where they stand.
    assert "Confirmed" in client.get(course.url).content.decode()

    response = client.post(reverse("withdraw", args=[enrollment.pk]), follow=True)
    assert "You have withdrawn" in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.WITHDRAWN


def test_full_session_waitlists_with_a_position(client, course, member):
    session = make_session(course, capacity=1)
    other = make_participant("first")
    make_profile(other)
    client.force_login(other)
    client.post(reverse("enroll", args=[session.code]))
    client.force_login(member)
    html = client.get(course.url).content.decode()
    assert "Full · 0 on the waitlist" in html and "Join the waitlist" in html
    response = client.post(reverse("enroll", args=[session.code]), follow=True)
    assert "number 1 on the waitlist" in response.content.decode()


def test_refusals_are_explained_and_change_nothing(client, course, member):
    closed = make_session(course, status="closed")
    client.force_login(member)
    response = client.post(reverse("enroll", args=[closed.code]), follow=True)
    assert "not open" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_no_state_change_on_get_and_no_enrolling_anonymously(client, course, member):
    session = make_session(course)
    client.force_login(member)
    assert client.get(reverse("enroll", args=[session.code])).status_code == 405
    client.logout()
    response = client.post(reverse("enroll", args=[session.code]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Enrollment.objects.exists()


def test_unknown_or_draft_sessions_and_foreign_enrollments_are_404(client, course, member):
    draft = make_session(course, status="draft")
    other = make_participant("other")
    make_profile(other)
    theirs = Enrollment.objects.create(
        session=make_session(course),
        participant=other,
        organization=other.participant.organization,
        status=Enrollment.Status.CONFIRMED,
    )
    client.force_login(member)
    assert client.post(reverse("enroll", args=[draft.code])).status_code == 404
    assert client.post(reverse("enroll", args=["no-such-session"])).status_code == 404
    assert client.post(reverse("withdraw", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Enrollment.Status.CONFIRMED


def test_my_learning_lists_upcoming_and_past_with_next_steps(client, course, member):
    upcoming = make_session(course, code="upcoming-one", capacity=1)
    past = make_session(
        course,
        code="last-year",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 3, 7),
    )
    Enrollment.objects.create(
        session=past,
        participant=member,
        organization=member.participant.organization,
        status=Enrollment.Status.CONFIRMED,
    )
    client.force_login(member)
    client.post(reverse("enroll", args=[upcoming.code]))
    html = client.get(reverse("my_learning")).content.decode()
    assert html.index("upcoming-one") < html.index("Past sessions") < html.index("last-year")
    assert "Withdraw" in html  # only the upcoming one can be withdrawn
    assert html.count(">Withdraw…<") == 1


def test_my_learning_runs_a_fixed_number_of_queries(client, catalog, member):
    client.force_login(member)

    def count():
        client.get(reverse("my_learning"))  # shows, and so clears, the pending messages
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("my_learning")).status_code == 200
        return len(queries)

    course = make_course(catalog)
    client.post(reverse("enroll", args=[make_session(course, capacity=1).code]))
    small = count()
    for _ in range(4):
        other = make_course(catalog)
        client.post(reverse("enroll", args=[make_session(other, capacity=1).code]))
    assert count() == small


def test_calendar_file_and_private_feed(client, course, member):
    session = make_session(course, code="mpd-2027", city="Addis Ababa", country="ET")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("session_calendar", args=[session.code]))
    # One query reads the session with its course: no field of it is loaded later.
    assert sum("courses_coursesession" in q["sql"] for q in queries) == 1
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="mpd-2027.ics"' in response["Content-Disposition"]
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert "Mediation process design" in str(event["SUMMARY"])
    assert event.decoded("DTSTART") == session.starts_on
    assert "Addis Ababa" in str(event["LOCATION"])

    client.force_login(member)
    client.post(reverse("enroll", args=[session.code]))
    html = client.get(reverse("my_learning")).content.decode()
    feed = html.split('id="feed-url" type="url" value="')[1].split('"')[0]
    client.logout()
    feed_path = feed.split("testserver", 1)[1]
    calendar = Calendar.from_ical(client.get(feed_path).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [
        "Mediation process design (mpd-2027)"
    ]
    tampered = feed_path.replace(".ics", "x.ics")
    assert client.get(tampered).status_code == 404


def test_enrolling_without_a_profile_leads_to_the_profile_form_and_back(client, course):
    session = make_session(course)
    client.force_login(make_participant("newcomer"))
    response = client.post(reverse("enroll", args=[session.code]))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('profile')}?next={course.url.replace('/', '%2F')}"
    assert not Enrollment.objects.exists()


def test_enrolling_runs_few_queries_however_full_the_session(client, course, member):
    """Enrolling is the hot path when a session opens: its queries stay few and fixed,
    for a seat and for the waitlist, with many enrollments already in the session."""
    session = make_session(course, capacity=30)
    for i in range(25):
        other = make_participant(f"early-{i}")
        make_profile(other, "UNDP" if i % 2 else "AUC")
        client.force_login(other)
        client.post(reverse("enroll", args=[session.code]))
    client.force_login(member)

    def statements(user):
        client.force_login(user)
        client.get(reverse("profile"))  # the session is read; the site is cached
        with CaptureQueriesContext(connection) as queries:
            response = client.post(reverse("enroll", args=[session.code]))
        assert response.status_code == 302
        return [q["sql"].split()[0] for q in queries]

    # The user with their organization (their session is cached); then one statement,
    # ``concord_enroll``, locks the session, reads the seats and quotas, and inserts the
    # enrollment and its notice (issue 20). Nothing reads the session before it.
    expected = ["SELECT", "SAVEPOINT", "SELECT", "RELEASE"]
    assert statements(member) == expected
    assert Enrollment.objects.get(participant=member).status == Enrollment.Status.CONFIRMED

    session.capacity = 26
    session.save(update_fields=["capacity"])
    late = make_participant("late")
    make_profile(late, "AUC")
    assert statements(late) == expected  # waitlisted: the place in line needs no count
    waitlisted = Enrollment.objects.get(participant=late)
    assert waitlisted.status == Enrollment.Status.WAITLISTED
    follow = client.get(reverse("my_learning")).content.decode()
    assert "number 1 on the waitlist" in follow
