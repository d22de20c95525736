"""Coordinators run their sessions in the Wagtail admin, and only theirs."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses.audit import CAPACITY_ACTION, DECIDE_ACTION, QUOTA_ACTION
from courses.enrollment.services import enroll
from courses.models import CourseSession, Enrollment, Notice, SeatQuota
from tests.factories.courses import make_profile, make_session, session_form
from tests.factories.users import make_coordinator, make_participant, make_user

pytestmark = pytest.mark.django_db

S = Enrollment.Status


@pytest.fixture
def other_coordinator():
    return make_coordinator("other-coord")


@pytest.fixture
def own(course, coordinator):
    return make_session(course, code="own-2027", policy="approval", coordinators=[coordinator])


@pytest.fixture
def foreign(course, other_coordinator):
    return make_session(course, code="foreign-2027", coordinators=[other_coordinator])


def people(n, acronym="DPPA", prefix="p", **profile):
    users = []
    for i in range(n):
        user = make_participant(f"{prefix}{acronym.lower()}{i}")
        user.first_name, user.last_name = f"{prefix.upper()}{i}", acronym.title()
        user.save(update_fields=["first_name", "last_name"])
        make_profile(user, acronym, **profile)
        users.append(user)
    return users


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def review_url(session):
    return reverse("course_review:review", args=[session.pk])


def decide_url(session):
    return reverse("course_review:decide", args=[session.pk])


# --- who sees what -----------------------------------------------------------------------


def test_coordinator_lists_only_the_sessions_they_coordinate(
    client, coordinator, own, foreign, login
):
    response = login(client, coordinator).get(reverse("course_sessions:index"))
    assert response.status_code == 200
    listed = {session.code for session in response.context["object_list"]}
    assert listed == {"own-2027"}
    assert b"foreign-2027" not in response.content
    assert review_url(own).encode() in response.content


def test_superuser_lists_every_session(client, own, foreign, login):
    admin = make_user("root", superuser=True)
    response = login(client, admin).get(reverse("course_sessions:index"))
    assert {s.code for s in response.context["object_list"]} == {"own-2027", "foreign-2027"}
    assert login(client, admin).get(review_url(foreign)).status_code == 200


@pytest.mark.parametrize(
    "url_name",
    [
        "course_sessions:edit",
        "course_sessions:delete",
        "course_sessions:inspect",
        "course_sessions:history",
        "course_review:review",
    ],
)
def test_a_foreign_session_is_not_found(client, coordinator, foreign, url_name, login):
    response = login(client, coordinator).get(reverse(url_name, args=[foreign.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["course_sessions:history", "course_sessions:usage"])
def test_own_session_history_and_usage_are_shown_and_a_foreign_ones_not_found(
    client, coordinator, own, foreign, url_name, login
):
    """They list log entries and references, not sessions: only the session itself is
    looked up among the coordinator's own (the crawl met a 500 on both)."""
    client = login(client, coordinator)
    response = client.get(reverse(url_name, args=[own.pk]))
    assert response.status_code == 200
    assert response.context["object"] == own
    assert client.get(reverse(url_name, args=[foreign.pk])).status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_foreign_roster_is_not_found(client, coordinator, foreign, fmt, login):
    url = reverse("course_review:roster", args=[foreign.pk, fmt])
    assert login(client, coordinator).get(url).status_code == 404


def test_deciding_on_a_foreign_session_is_not_found_and_changes_nothing(
    client, coordinator, course, other_coordinator, login
):
    foreign = make_session(course, policy="approval", coordinators=[other_coordinator])
    (user,) = people(1)
    enrollment = enroll(participant=user, session=foreign)
    response = login(client, coordinator).post(
        decide_url(foreign), {"enrollments": [enrollment.pk], "decision": S.CONFIRMED}
    )
    assert response.status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == S.REQUESTED


def test_a_participant_cannot_reach_the_review_page(client, own, login):
    participant = make_participant("someone")
    response = login(client, participant).get(review_url(own))
    # Wagtail sends someone without admin access back to its login page.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# --- creating and editing ----------------------------------------------------------------


def test_raising_the_capacity_in_the_edit_form_promotes_the_first_waitlisted(
    client, course, coordinator, login
):
    session = make_session(course, capacity=2, coordinators=[coordinator])
    users = people(4)
    enrollments = [enroll(participant=u, session=session) for u in users]
    assert [e.status for e in enrollments] == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED, S.WAITLISTED]

    response = login(client, coordinator).post(
        reverse("course_sessions:edit", args=[session.pk]), session_form(session, capacity=3)
    )

    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert session.capacity == 3
    statuses = [Enrollment.objects.get(pk=e.pk).status for e in enrollments]
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.CONFIRMED, S.WAITLISTED]
    entry = ModelLogEntry.objects.get(action=CAPACITY_ACTION, object_id=str(session.pk))
    assert entry.user == coordinator
    assert entry.data["from"] == 2 and entry.data["to"] == 3
    assert entry.data["promoted"] == [enrollments[2].pk]
    assert any("confirmed from the waitlist" in m for m in messages_of(response))


def test_lowering_the_capacity_below_the_confirmed_is_a_form_error(
    client, course, coordinator, login
):
    session = make_session(course, capacity=3, coordinators=[coordinator])
    for user in people(3):
        enroll(participant=user, session=session)

    response = login(client, coordinator).post(
        reverse("course_sessions:edit", args=[session.pk]),
        session_form(session, capacity=2, city="Addis Ababa"),
    )

    assert response.status_code == 200
    assert "capacity" in response.context["form"].errors
    session.refresh_from_db()
    assert session.capacity == 3
    assert session.city == "Nairobi"  # the whole save rolled back
    assert not ModelLogEntry.objects.filter(action=CAPACITY_ACTION).exists()


def test_a_coordinator_creates_a_session_and_runs_it(client, course, coordinator, login):
    now = timezone.localtime()
    data = {
        "course": course.pk,
        "code": "new-2027",
        "starts_on": (now + datetime.timedelta(days=40)).date().isoformat(),
        "ends_on": (now + datetime.timedelta(days=42)).date().isoformat(),
        "timezone": "Africa/Nairobi",
        "city": "Nairobi",
        "country": "KE",
        "language": "en",
        "capacity": 12,
        "enrollment_opens_at": now.strftime("%Y-%m-%d %H:%M"),
        "enrollment_closes_at": (now + datetime.timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
        "policy": "approval",
        "status": "open",
        "trainers": [],
        "min_attendance_percent": 75,
        "excused_absences": "attended",
        "min_modules_opened": 0,
        "late_after_minutes": 10,
    }
    response = login(client, coordinator).post(reverse("course_sessions:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    session = CourseSession.objects.get(code="new-2027")
    assert list(session.coordinators.all()) == [coordinator]


def test_the_coordinator_choices_are_limited_to_the_coordinators_group(
    client, coordinator, own, login
):
    make_participant("not-a-coordinator")
    response = login(client, coordinator).get(reverse("course_sessions:edit", args=[own.pk]))
    choices = {u.username for u in response.context["form"].fields["coordinators"].queryset}
    assert choices == {"coord"}


# --- the review queue --------------------------------------------------------------------


def requested(session, n, acronym="DPPA", prefix="r"):
    return [enroll(participant=u, session=session) for u in people(n, acronym, prefix)]


def test_the_review_page_lists_requests_with_their_details(client, coordinator, own, login):
    first, second = requested(own, 2)
    response = login(client, coordinator).get(review_url(own))
    assert response.status_code == 200
    assert [e.pk for e in response.context["queue"]] == [first.pk, second.pk]
    body = response.content.decode()
    assert "R0 Dppa" in body and "Political affairs officer" in body and "Kenya" in body
    assert f'value="{first.pk}:confirmed"' in body


def test_confirm_one_person(client, coordinator, own, login):
    first, second = requested(own, 2)
    response = login(client, coordinator).post(decide_url(own), {"row": f"{first.pk}:confirmed"})
    assert response.status_code == 302 and response["Location"] == review_url(own)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.CONFIRMED and first.decided_by == coordinator
    assert second.status == S.REQUESTED
    entry = ModelLogEntry.objects.get(action=DECIDE_ACTION)
    assert entry.object_id == str(first.pk) and entry.user == coordinator
    assert entry.data["to"] == S.CONFIRMED


def test_a_decision_reads_the_person_once_and_no_permission_table(
    client, coordinator, own, login, django_assert_num_queries
):
    """The row's button: the user, the admin's profile, the session in the coordinator's
    scope, the person chosen (with what the history shows), then the locking statement,
    the decision and the history entry, in a savepoint here. Admin access is answered
    from the flag the user was loaded with, not by loading every permission."""
    first, second = requested(own, 2)
    login(client, coordinator).post(decide_url(own), {"row": f"{first.pk}:confirmed"})
    with django_assert_num_queries(9):
        response = client.post(decide_url(own), {"row": f"{second.pk}:confirmed"})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == S.CONFIRMED
    entry = ModelLogEntry.objects.filter(action=DECIDE_ACTION).latest("pk")
    assert entry.object_id == str(second.pk) and entry.data["from"] == S.REQUESTED


def test_rejecting_requires_a_reason(client, coordinator, own, login):
    (enrollment,) = requested(own, 1)
    client = login(client, coordinator)

    response = client.post(decide_url(own), {"row": f"{enrollment.pk}:rejected"})
    assert response.status_code == 200
    assert "reason" in response.context["decision_form"].errors
    enrollment.refresh_from_db()
    assert enrollment.status == S.REQUESTED

    response = client.post(
        decide_url(own),
        {"row": f"{enrollment.pk}:rejected", f"reason-{enrollment.pk}": "Profile does not fit."},
    )
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == S.REJECTED and enrollment.reason == "Profile does not fit."


def test_waitlist_one_person(client, coordinator, own, login):
    (enrollment,) = requested(own, 1)
    login(client, coordinator).post(decide_url(own), {"row": f"{enrollment.pk}:waitlisted"})
    enrollment.refresh_from_db()
    assert enrollment.status == S.WAITLISTED and enrollment.waitlisted_at is not None
    response = client.get(review_url(own))
    assert [e.position for e in response.context["queue"]] == [1]


def test_bulk_confirm_applies_to_all_that_fit_and_reports_who_did_not(
    client, course, coordinator, login
):
    session = make_session(course, capacity=2, policy="approval", coordinators=[coordinator])
    enrollments = requested(session, 3)

    response = login(client, coordinator).post(
        decide_url(session),
        {"enrollments": [e.pk for e in enrollments], "decision": S.CONFIRMED, "confirm": "1"},
    )

    assert response.status_code == 302
    statuses = [Enrollment.objects.get(pk=e.pk).status for e in enrollments]
    assert statuses == [S.CONFIRMED, S.CONFIRMED, S.REQUESTED]
    notes = messages_of(response)
    assert any(m.startswith("R2 Dppa:") and "No seat is free" in m for m in notes)
    assert any("2 people" in m for m in notes)
    assert ModelLogEntry.objects.filter(action=DECIDE_ACTION).count() == 2


def test_bulk_reject_uses_the_shared_reason(client, coordinator, own, login):
    enrollments = requested(own, 2)
    client = login(client, coordinator)
    response = client.post(
        decide_url(own), {"enrollments": [e.pk for e in enrollments], "decision": S.REJECTED}
    )
    assert response.status_code == 200
    assert {Enrollment.objects.get(pk=e.pk).status for e in enrollments} == {S.REQUESTED}

    client.post(
        decide_url(own),
        {
            "enrollments": [e.pk for e in enrollments],
            "decision": S.REJECTED,
            "reason": "The session is for mediators.",
            "confirm": "1",
        },
    )
    rows = Enrollment.objects.filter(pk__in=[e.pk for e in enrollments])
    assert {(r.status, r.reason) for r in rows} == {(S.REJECTED, "The session is for mediators.")}


def test_get_on_the_action_url_changes_nothing(client, coordinator, own, login):
    (enrollment,) = requested(own, 1)
    client = login(client, coordinator)
    response = client.get(
        decide_url(own), {"enrollments": [enrollment.pk], "decision": S.CONFIRMED}
    )
    assert response.status_code == 405
    response = client.get(
        reverse("course_review:quota", args=[own.pk]), {"organization_kind": "un", "seats": 1}
    )
    assert response.status_code == 405
    enrollment.refresh_from_db()
    assert enrollment.status == S.REQUESTED
    assert not SeatQuota.objects.filter(session=own).exists()


def test_a_quota_is_set_through_the_review_page(client, coordinator, own, login):
    response = login(client, coordinator).post(
        reverse("course_review:quota", args=[own.pk]), {"organization_kind": "un", "seats": 2}
    )
    assert response.status_code == 302
    quota = SeatQuota.objects.get(session=own)
    assert (quota.organization_kind, quota.seats) == ("un", 2)
    assert ModelLogEntry.objects.filter(action=QUOTA_ACTION, object_id=str(own.pk)).exists()


def test_the_review_page_shows_the_balance(client, coordinator, own, login):
    enrollments = requested(own, 2)
    login(client, coordinator).post(
        decide_url(own),
        {"enrollments": [e.pk for e in enrollments], "decision": S.CONFIRMED, "confirm": "1"},
    )
    response = client.get(review_url(own))
    balance = response.context["balance"]
    assert balance.confirmed == 2
    assert [(row.label, row.confirmed) for row in balance.by_organization] == [("DPPA", 2)]
    body = response.content.decode()
    assert 'class="bar bar--10' in body  # 2 of 20 seats
    assert "style=" not in body.split('id="balance-heading"')[1].split("</section>")[0]


# --- query counts ------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_session_list_runs_a_constant_number_of_queries(
    client, course, coordinator, django_assert_max_num_queries, login
):
    for _ in range(2):
        session = make_session(course, coordinators=[coordinator])
        requested(session, 2, prefix=f"a{session.pk}-")
    client = login(client, coordinator)
    url = reverse("course_sessions:index")
    client.get(url)  # warm up the session and content-type caches
    small = count_queries(client, url)
    for _ in range(6):
        session = make_session(course, coordinators=[coordinator])
        requested(session, 3, prefix=f"b{session.pk}-")
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert len(response.context["object_list"]) == 8


def test_the_review_page_runs_a_constant_number_of_queries(
    client, course, coordinator, django_assert_max_num_queries, login
):
    session = make_session(course, capacity=3, policy="approval", coordinators=[coordinator])
    requested(session, 2, "DPPA", "a")
    client = login(client, coordinator)
    client.get(review_url(session))
    small = count_queries(client, review_url(session))
    requested(session, 4, "AUC", "b")
    requested(session, 4, "OSCE", "c")
    confirmed = Enrollment.objects.filter(session=session)[:3]
    for enrollment in confirmed:
        enrollment.status, enrollment.decided_at = S.CONFIRMED, timezone.now()
        enrollment.save()
    SeatQuota.objects.create(session=session, organization_kind="regional", seats=2)
    with django_assert_max_num_queries(small):
        response = client.get(review_url(session))
    assert len(response.context["queue"]) == 7


# --- the roster --------------------------------------------------------------------------


@pytest.fixture
def cohort(course, coordinator):
    session = make_session(course, code="roster-2027", capacity=5, coordinators=[coordinator])
    dppa = people(2, "DPPA", "d", gender="woman")
    auc = people(1, "AUC", "a", duty_station="ET")
    for user in [*dppa, *auc]:
        enroll(participant=user, session=session)
    late = people(1, "OSCE", "o")
    session.capacity = 3
    session.save(update_fields=["capacity"])
    enroll(participant=late[0], session=session)  # waitlisted: not on the roster
    return session


def test_roster_csv_lists_the_confirmed_participants(client, coordinator, cohort, login):
    response = login(client, coordinator).get(
        reverse("course_review:roster", args=[cohort.pk, "csv"])
    )
    assert response.status_code == 200
    assert 'filename="roster-roster-2027.csv"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [r["Name"] for r in rows] == ["A0 Auc", "D0 Dppa", "D1 Dppa"]
    auc = rows[0]
    assert auc["Email"] == "aauc0@example.org"
    assert auc["Organization"] == "African Union Commission"
    assert auc["Kind of organization"] == "Regional organization"
    assert auc["Duty station"] == "Ethiopia"
    assert auc["Status"] == "Confirmed"
    assert rows[1]["Gender"] == "Woman"
    assert set(rows[0]) >= {"Job title", "Preferred language", "Decided at"}


def test_roster_xlsx_opens_and_has_the_rows(client, coordinator, cohort, login):
    response = login(client, coordinator).get(
        reverse("course_review:roster", args=[cohort.pk, "xlsx"])
    )
    assert response.status_code == 200
    assert "roster-roster-2027.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Name", "Email", "Organization")
    assert [row[0] for row in rows[1:]] == ["A0 Auc", "D0 Dppa", "D1 Dppa"]
    assert isinstance(rows[1][9], datetime.datetime)


def test_an_unknown_roster_format_is_not_found(client, coordinator, cohort, login):
    url = reverse("course_review:roster", args=[cohort.pk, "pdf"])
    assert login(client, coordinator).get(url).status_code == 404


# --- confirmation before bulk emails -------------------------------------------------------


def test_a_bulk_decision_first_names_who_will_be_emailed_and_changes_nothing(
    client, coordinator, own, login
):
    enrollments = requested(own, 3)
    notices = Notice.objects.count()  # the "request received" emails
    client = login(client, coordinator)
    response = client.post(
        decide_url(own), {"enrollments": [e.pk for e in enrollments], "decision": S.CONFIRMED}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 people will be emailed" in page
    for enrollment in enrollments:
        assert enrollment.participant.get_full_name() in page
    assert "Confirm 3 people and email them" in page
    assert 'name="confirm" value="1"' in page
    assert {Enrollment.objects.get(pk=e.pk).status for e in enrollments} == {S.REQUESTED}
    assert Notice.objects.count() == notices

    client.post(
        decide_url(own),
        {"enrollments": [e.pk for e in enrollments], "decision": S.CONFIRMED, "confirm": "1"},
    )
    assert {Enrollment.objects.get(pk=e.pk).status for e in enrollments} == {S.CONFIRMED}
    assert Notice.objects.count() == notices + 3


def test_a_bulk_rejection_shows_the_reason_the_people_will_read(client, coordinator, own, login):
    enrollments = requested(own, 2)
    page = (
        login(client, coordinator)
        .post(
            decide_url(own),
            {
                "enrollments": [e.pk for e in enrollments],
                "decision": S.REJECTED,
                "reason": "The session is for mediators.",
            },
        )
        .content.decode()
    )
    assert "The session is for mediators." in page
    assert "Reject 2 people and email them" in page
    assert {Enrollment.objects.get(pk=e.pk).status for e in enrollments} == {S.REQUESTED}
