"""Sittings come from a session's dates; session edits reach the people enrolled."""

import datetime
import zoneinfo
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.urls import reverse
from django.utils import translation

from config.celery import app as celery_app
from courses import migrations as migrations_package
from courses.calendars import calendar_bytes
from courses.enrollment.services import enroll
from courses.models import Enrollment, Meeting, Notice
from courses.sessions.services import generate_meetings
from tests.factories.courses import make_cohort, make_profile, make_session, session_form
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db


def test_one_sitting_a_day_in_the_sessions_time_zone_made_once(course):
    session = make_session(
        course,
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 3),
        timezone="Africa/Nairobi",
    )
    created = generate_meetings(session=session)
    assert len(created) == 3
    assert generate_meetings(session=session) == []
    first = Meeting.objects.order_by("starts_at").first()
    local = first.starts_at.astimezone(zoneinfo.ZoneInfo("Africa/Nairobi"))
    assert (local.date(), local.hour) == (datetime.date(2027, 3, 1), 9)
    assert first.title == ""
    assert first.label == "Day 1"

    session.ends_on = datetime.date(2027, 3, 2)
    session.save()
    generate_meetings(session=session)
    assert Meeting.objects.filter(session=session).count() == 2


def test_a_session_created_in_english_shows_its_sittings_in_french(
    client, course, coordinator, login
):
    """Generated sittings store no words: a French coordinator reads "Jour 1" on a session
    an English-speaking one created, on the sittings list, the attendance sheet, the
    agenda of My learning and in the calendar file."""
    session = make_session(
        course,
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 2),
        coordinators=[coordinator],
    )
    with translation.override("en"):
        generate_meetings(session=session)
    first, second = Meeting.objects.filter(session=session).numbered().order_by("starts_at")
    assert (first.title, second.title) == ("", "")
    with translation.override("fr"):
        assert (first.label, second.label) == ("Jour 1", "Jour 2")
        assert str(Meeting.objects.get(pk=second.pk)) == "Jour 2"  # counted, not annotated
    with translation.override("en"):
        assert (first.label, second.label) == ("Day 1", "Day 2")
    (enrollment,) = make_cohort(session, 1, prefix="fr")

    login(client, coordinator)
    client.cookies["django_language"] = "fr"
    for url in (
        reverse("course_meetings:index"),
        reverse("course_attendance:sheet", args=[session.pk]),
    ):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert "Jour 1" in page and "Jour 2" in page, url
        assert "Day 1" not in page, url
    login(client, enrollment.participant)
    page = client.get(reverse("my_learning"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Jour 1" in page and "Day 1" not in page
    with translation.override("fr"):
        ics = calendar_bytes([session]).decode()
    assert "Jour 2" in ics and "Day" not in ics


def test_the_migration_blanks_generated_titles_only(course):
    session = make_session(course)
    Meeting.objects.bulk_create(
        Meeting(
            session=session,
            title=title,
            starts_at=datetime.datetime(2027, 3, n, 9, tzinfo=datetime.UTC),
            ends_at=datetime.datetime(2027, 3, n, 12, tzinfo=datetime.UTC),
        )
        for n, title in enumerate(["Day 1", "Jour 2", " day 3 ", "Day 4: field visit"], start=1)
    )
    # Found by name: the integrator renumbers migrations at merge.
    (path,) = Path(migrations_package.__file__).parent.glob("*_blank_generated_sitting_titles.py")
    blank = import_module(f"courses.migrations.{path.stem}")
    blank.blank_generated_titles(django_apps, None)
    titles = list(session.meetings.order_by("starts_at").values_list("title", flat=True))
    assert titles == ["", "", "", "Day 4: field visit"]


def test_creating_a_session_in_the_admin_makes_its_sittings(client, course, coordinator, login):
    session = make_session(course, code="template", coordinators=[coordinator])
    data = session_form(session, code="new-2027", coordinators=[coordinator.pk])
    response = login(client, coordinator).post(reverse("course_sessions:add"), data)
    assert response.status_code == 302
    new = type(session).objects.get(code="new-2027")
    assert new.meetings.count() == (new.ends_on - new.starts_on).days + 1


def test_sittings_are_edited_only_by_the_sessions_coordinators(client, course, coordinator, login):
    own = make_session(course, coordinators=[coordinator])
    foreign = make_session(course, coordinators=[make_coordinator("other")])
    generate_meetings(session=own)
    generate_meetings(session=foreign)
    login(client, coordinator)
    listing = client.get(reverse("course_meetings:index")).content.decode()
    assert own.code in listing and foreign.code not in listing
    theirs = foreign.meetings.first()
    assert client.get(reverse("course_meetings:edit", args=[theirs.pk])).status_code == 404
    mine = own.meetings.first()
    response = client.post(
        reverse("course_meetings:edit", args=[mine.pk]),
        {
            "session": own.pk,
            "title": "Opening and simulation",
            "starts_at": "2027-03-01 10:00",
            "ends_at": "2027-03-01 09:00",
        },
    )
    assert response.status_code == 200 and "must end after it starts" in response.content.decode()


def test_date_changes_and_cancellation_in_the_admin_reach_the_enrolled(
    client, course, coordinator, django_capture_on_commit_callbacks, login
):
    celery_app.conf.task_always_eager = True
    try:
        session = make_session(course, capacity=1, coordinators=[coordinator])
        for name in ("amina", "bo"):
            user = make_participant(name)
            make_profile(user)
            enroll(participant=user, session=session)
        login(client, coordinator)
        later = session.starts_on + datetime.timedelta(days=7)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("course_sessions:edit", args=[session.pk]),
                session_form(
                    session,
                    starts_on=later.isoformat(),
                    ends_on=(later + datetime.timedelta(days=2)).isoformat(),
                ),
            )
        assert response.status_code == 302
        changed = [m for m in mail.outbox if "the session has changed" in m.subject]
        assert sorted(m.to[0] for m in changed) == ["amina@example.org", "bo@example.org"]
        assert session.meetings.count() == 3

        session.refresh_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("course_sessions:edit", args=[session.pk]),
                session_form(session, status="cancelled"),
            )
        assert set(Enrollment.objects.values_list("status", flat=True)) == {"cancelled"}
        assert Notice.objects.filter(kind="session_cancelled").count() == 2
    finally:
        celery_app.conf.task_always_eager = False
