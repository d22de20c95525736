"""Self check-in: a code (typed) or a token (scanned) that changes every minute marks the
signed-in participant present, or late after the session's threshold."""

import datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from courses.attendance.selectors import attendance_sheet
from courses.attendance.services import (
    CellChange,
    CheckInRefused,
    ConsentPending,
    check_in,
    check_in_code,
    check_in_window,
    current_check_in,
    record_attendance,
)
from courses.audit import RECORD_ACTION
from courses.enrollment import consent
from courses.models import Attendance, Enrollment
from tests.courses.enrollment.application_factories import make_consent, make_form
from tests.factories.courses import make_meetings, make_running_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db

S = Attendance.Status


@pytest.fixture
def session(course, coordinator):
    session = make_running_session(
        course, people=2, meetings=0, coordinators=[coordinator], late_after_minutes=10
    )
    return session


@pytest.fixture
def meeting(session):
    # Started five minutes ago: on time until ten past.
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=5)
    return make_meetings(session, 1, first=start)[0]


@pytest.fixture
def people(session):
    return [e.participant for e in session.enrollments.order_by("pk")]


def at(meeting, minutes):
    return meeting.starts_at + datetime.timedelta(minutes=minutes)


def test_the_typed_code_marks_the_participant_present(meeting, people):
    now = at(meeting, 3)
    code = current_check_in(meeting=meeting, now=now)
    result = check_in(user=people[0], code_or_token=code.display_code.lower(), now=now)
    assert result.new
    mark = Attendance.objects.get(enrollment__participant=people[0], meeting=meeting)
    assert (mark.status, mark.source, mark.recorded_by) == (S.PRESENT, "check_in", people[0])
    # Only the person who checked in: the other participant is still unmarked.
    assert not Attendance.objects.filter(enrollment__participant=people[1]).exists()
    entry = ModelLogEntry.objects.get(action=RECORD_ACTION)
    [change] = entry.data["changes"]
    assert (change["from"], change["to"], entry.user) == ("", S.PRESENT, people[0])


def test_the_scanned_token_works_and_after_the_threshold_is_late(meeting, people):
    now = at(meeting, 25)
    token = current_check_in(meeting=meeting, now=now).token
    check_in(user=people[0], code_or_token=token, now=now)
    assert Attendance.objects.get(meeting=meeting).status == S.LATE


def test_checking_in_twice_is_harmless(meeting, people):
    now = at(meeting, 1)
    code = current_check_in(meeting=meeting, now=now).code
    check_in(user=people[0], code_or_token=code, now=now)
    again = check_in(user=people[0], code_or_token=code, now=now + datetime.timedelta(seconds=5))
    assert not again.new
    assert Attendance.objects.get(meeting=meeting).version == 1
    assert ModelLogEntry.objects.filter(action=RECORD_ACTION).count() == 1


def test_a_code_is_taken_a_little_after_it_changes_then_expires(meeting, people):
    window = check_in_window(at(meeting, 2))
    shown_at = datetime.datetime.fromtimestamp(window * 60 + 50, tz=datetime.UTC)
    code = current_check_in(meeting=meeting, now=shown_at).code
    just_after = shown_at + datetime.timedelta(seconds=20)  # 10 s into the next window
    check_in(user=people[0], code_or_token=code, now=just_after)
    later = shown_at + datetime.timedelta(seconds=40)  # 30 s into the next window
    with pytest.raises(CheckInRefused, match="expired"):
        check_in(user=people[1], code_or_token=code, now=later)
    assert Attendance.objects.count() == 1


def test_a_replayed_token_from_an_old_window_is_refused(meeting, people):
    old = at(meeting, 0)
    token = current_check_in(meeting=meeting, now=old).token
    with pytest.raises(CheckInRefused, match="expired"):
        check_in(user=people[0], code_or_token=token, now=old + datetime.timedelta(minutes=5))
    assert not Attendance.objects.exists()


def test_a_tampered_token_or_a_wrong_code_is_refused(meeting, people):
    now = at(meeting, 2)
    token = current_check_in(meeting=meeting, now=now).token
    meeting_id, rest = token.split(".", 1)
    forged = f"{meeting_id}9.{rest}"
    with pytest.raises(CheckInRefused, match="not valid"):
        check_in(user=people[0], code_or_token=forged, now=now)
    code = current_check_in(meeting=meeting, now=now).code
    wrong = "".join("A" if ch != "A" else "B" for ch in code)
    with pytest.raises(CheckInRefused, match="not valid"):
        check_in(user=people[0], code_or_token=wrong, now=now)
    with pytest.raises(CheckInRefused, match="6 letters"):
        check_in(user=people[0], code_or_token="AB", now=now)
    assert not Attendance.objects.exists()


def test_a_code_of_another_session_is_refused(course, coordinator, meeting, people):
    other = make_running_session(course, people=1, meetings=0, coordinators=[coordinator])
    other_meeting = make_meetings(other, 1, first=meeting.starts_at)[0]
    now = at(meeting, 2)
    code = current_check_in(meeting=other_meeting, now=now).code
    with pytest.raises(CheckInRefused, match="not a confirmed participant"):
        check_in(user=people[0], code_or_token=code, now=now)
    assert not Attendance.objects.exists()


def test_people_not_confirmed_cannot_check_in(session, meeting, people):
    now = at(meeting, 2)
    code = current_check_in(meeting=meeting, now=now).code
    stranger = make_participant("stranger")
    with pytest.raises(CheckInRefused, match="not a confirmed participant"):
        check_in(user=stranger, code_or_token=code, now=now)
    waiting = session.enrollments.get(participant=people[1])
    waiting.status, waiting.waitlisted_at = Enrollment.Status.WAITLISTED, now
    waiting.save()
    with pytest.raises(CheckInRefused, match="not a confirmed participant"):
        check_in(user=people[1], code_or_token=code, now=now)
    assert not Attendance.objects.exists()


def test_check_in_is_open_from_half_an_hour_before_to_the_end(meeting, people):
    early = at(meeting, -45)
    code = current_check_in(meeting=meeting, now=early).code
    with pytest.raises(CheckInRefused, match="opens 30 minutes before"):
        check_in(user=people[0], code_or_token=code, now=early)
    after = meeting.ends_at + datetime.timedelta(minutes=5)
    code = current_check_in(meeting=meeting, now=after).code
    with pytest.raises(CheckInRefused, match="over"):
        check_in(user=people[0], code_or_token=code, now=after)


def test_check_in_replaces_an_absent_mark_but_keeps_present(coordinator, session, meeting, people):
    enrollment = session.enrollments.get(participant=people[0])
    record_attendance(
        session=session,
        by=coordinator,
        changes=[CellChange(enrollment.pk, meeting.pk, S.ABSENT)],
    )
    now = at(meeting, 30)
    check_in(user=people[0], code_or_token=current_check_in(meeting=meeting, now=now).code, now=now)
    mark = Attendance.objects.get(enrollment=enrollment)
    assert (mark.status, mark.version) == (S.LATE, 2)


def test_guessing_is_stopped_after_ten_wrong_codes(meeting, people):
    now = at(meeting, 2)
    for _ in range(10):
        with pytest.raises(CheckInRefused, match="not valid"):
            check_in(user=people[0], code_or_token="ZZZZZZ", now=now)
    right = current_check_in(meeting=meeting, now=now).code
    with pytest.raises(CheckInRefused, match="Too many"):
        check_in(user=people[0], code_or_token=right, now=now)
    # Someone else is not affected.
    check_in(user=people[1], code_or_token=right, now=now)


def test_codes_differ_by_meeting_and_window(meeting, session):
    other = make_meetings(session, 1, first=meeting.starts_at + datetime.timedelta(days=1))[0]
    window = check_in_window(at(meeting, 0))
    codes = {check_in_code(m.pk, w) for m in (meeting, other) for w in (window, window + 1)}
    assert len(codes) == 4


# ---------------------------------------------------------------------- the pages


def test_the_participant_page_checks_in_on_post_only(client, meeting, people):
    client.force_login(people[0])
    url = reverse("check_in")
    code = current_check_in(meeting=meeting).code
    page = client.get(url, {"code": code})
    assert page.status_code == 200
    assert not Attendance.objects.exists()  # nothing changes on GET
    response = client.post(url, {"code": code}, follow=True)
    assert "You are checked in" in response.content.decode()
    assert Attendance.objects.get().enrollment.participant == people[0]


def test_the_participant_page_shows_a_refusal(client, meeting, people):
    client.force_login(people[0])
    response = client.post(reverse("check_in"), {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "This code is not valid" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_check_in_page_needs_a_sign_in(client, db):
    response = client.get(reverse("check_in"), {"t": "anything"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_screen_is_for_the_session_staff_only(client, coordinator, meeting, people):
    url = reverse("course_attendance:check_in", args=[meeting.pk])
    code_url = reverse("course_attendance:check_in_code", args=[meeting.pk])
    client.force_login(make_coordinator("other-coord"))
    assert client.get(url).status_code == 404
    assert client.get(code_url).status_code == 404
    client.force_login(coordinator)
    page = client.get(url)
    shown = current_check_in(meeting=meeting)
    assert shown.display_code in page.content.decode()
    assert "<svg" in page.content.decode()
    data = client.get(code_url).json()
    assert data["code"] == shown.display_code
    assert data["url"].startswith("http")
    assert parse_qs(urlsplit(data["url"]).query)["t"] == [shown.token]


def test_a_scan_before_signing_in_is_judged_as_of_the_scan(meeting, people):
    scanned = at(meeting, 5)
    token = current_check_in(meeting=meeting, now=scanned).token
    after_sign_in = scanned + datetime.timedelta(minutes=4)
    with pytest.raises(CheckInRefused, match="expired"):
        check_in(user=people[0], code_or_token=token, now=after_sign_in)
    result = check_in(user=people[0], code_or_token=token, now=after_sign_in, scanned_at=scanned)
    assert result.attendance.status == S.PRESENT  # arrived at 5 past: on time
    too_late = scanned + datetime.timedelta(minutes=11)
    with pytest.raises(CheckInRefused, match="expired"):
        check_in(user=people[1], code_or_token=token, now=too_late, scanned_at=scanned)
    # A typed code gets no such grace.
    code = current_check_in(meeting=meeting, now=scanned).code
    with pytest.raises(CheckInRefused, match="expired"):
        check_in(user=people[1], code_or_token=code, now=after_sign_in, scanned_at=scanned)


def test_the_scan_survives_the_sign_in(client, meeting, people):
    token = current_check_in(meeting=meeting).token
    response = client.get(reverse("check_in"), {"t": token})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(people[0])
    page = client.get(reverse("check_in")).content.decode()
    assert f'name="t" value="{token}"' in page
    client.post(reverse("check_in"), {"t": token})
    assert Attendance.objects.get().enrollment.participant == people[0]


# ---------------------------------------------------------------------- consent


@pytest.fixture
def conditions(session):
    """The session's form makes the Chatham House rule a condition of taking part; the
    photo consent is asked but may be withdrawn at any time."""
    chatham = make_consent("Chatham House rule")
    photos = make_consent("Photos and recordings", kind="recording", condition=False)
    make_form(session, consents=[chatham, photos], cv_required=False)
    return chatham, photos


def test_a_pending_condition_of_taking_part_refuses_check_in(meeting, people, conditions):
    chatham, _photos = conditions
    now = at(meeting, 1)
    code = current_check_in(meeting=meeting, now=now).code
    with pytest.raises(ConsentPending) as refusal:
        check_in(user=people[0], code_or_token=code, now=now)
    assert refusal.value.documents == [chatham]
    assert "read and accept “Chatham House rule”" in str(refusal.value)
    assert not Attendance.objects.exists()

    # Accepted (the photo consent left out: it is no condition): checked in.
    consent.accept(user=people[0], documents=[chatham])
    assert check_in(user=people[0], code_or_token=code, now=now).new
    # A new version of the text asks again.
    chatham.version = 2
    chatham.save()
    with pytest.raises(ConsentPending):
        check_in(user=people[0], code_or_token=code, now=now)


def test_the_check_in_page_explains_and_links_to_the_consent_then_back(
    client, login, meeting, people, conditions
):
    chatham, _photos = conditions
    token = current_check_in(meeting=meeting).token
    login(client, people[0])
    page = client.post(reverse("check_in"), {"t": token}).content.decode()
    assert "You are not checked in" in page
    assert "Before you check in, read and accept “Chatham House rule”" in page
    back = f"{reverse('check_in')}?{urlencode({'t': token})}"
    link = f"{reverse('my_consents')}?{urlencode({'next': back})}"
    assert f'href="{escape(link)}"' in page
    assert not Attendance.objects.exists()

    accepted = client.post(link, {"accept": [str(chatham.pk)]})
    assert accepted.url == back
    # A foreign address is never where accepting leads.
    other = client.post(
        f"{reverse('my_consents')}?next=https://elsewhere.example/",
        {"accept": [str(chatham.pk)]},
    )
    assert "elsewhere" not in other.url
    client.post(reverse("check_in"), {"t": token})
    assert Attendance.objects.get(enrollment__participant=people[0]).status == S.PRESENT


def test_the_attendance_sheet_shows_who_cannot_check_in(
    client, login, coordinator, meeting, people, conditions, django_assert_num_queries
):
    chatham, _photos = conditions
    consent.accept(user=people[1], documents=[chatham])
    sheet = attendance_sheet(meeting.session)
    pending = {row.enrollment.participant_id: row.pending_consents for row in sheet.rows}
    assert pending == {people[0].pk: [chatham], people[1].pk: []}
    with django_assert_num_queries(5):
        attendance_sheet(meeting.session)

    login(client, coordinator)
    for url in (
        reverse("course_attendance:sheet", args=[meeting.session.pk]),
        reverse("course_attendance:sheet", args=[meeting.session.pk]) + f"?meeting={meeting.pk}",
    ):
        page = client.get(url).content.decode()
        assert page.count("Cannot check in: has not accepted") == 1
        assert "“Chatham House rule”</bdi> (version 1)" in page
