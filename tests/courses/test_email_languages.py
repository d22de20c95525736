"""Every email is written in its RECIPIENT's language: the preferred language of their
profile, else (for staff) the language of their admin, else the session's, else the
site's. Arabic ones are right to left. One test per path that sends email."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.users.models import UserProfile

from config.celery import app as celery_app
from courses.enrollment import digests
from courses.enrollment.services import enroll
from courses.messaging.services import send_cohort_message
from courses.models import Digest, Enrollment
from participants.models import Organization, Participant
from participants.selectors import first_language, language_of
from tests.factories.courses import make_cohort, make_profile, make_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2027, 3, 8)
FRENCH_DIGEST_SUBJECT = "Demandes et désignations en attente de votre décision"


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def test_an_enrollment_email_is_in_the_recipients_language_right_to_left_in_arabic(
    course, django_capture_on_commit_callbacks
):
    session = make_session(course, starts_on=MARCH, ends_on=MARCH + datetime.timedelta(days=2))
    readers = {}
    for language in ("ar", "ru", "zh-hans"):
        user = make_participant(f"reader-{language}")
        make_profile(user, preferred_language=language)
        readers[language] = user
    with django_capture_on_commit_callbacks(execute=True):
        for user in readers.values():
            enroll(participant=user, session=session)
    by_reader = {message.to[0]: message for message in mail.outbox}
    arabic = html_of(by_reader[readers["ar"].email])
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "8 مارس، 2027" in arabic  # Arabic month names, Arabic date format
    assert "padding:4px 0 4px 12px" in arabic  # the label's gap on its left, right to left
    russian = html_of(by_reader[readers["ru"].email])
    assert '<html lang="ru" dir="ltr">' in russian and "8 марта 2027" in russian
    chinese = html_of(by_reader[readers["zh-hans"].email])
    assert '<html lang="zh-hans" dir="ltr">' in chinese and "2027年3月8日" in chinese


def test_a_cohort_message_fills_its_dates_in_each_recipients_language(
    course, coordinator, django_capture_on_commit_callbacks
):
    session = make_session(
        course,
        coordinators=[coordinator],
        starts_on=MARCH,
        ends_on=MARCH + datetime.timedelta(days=2),
    )
    arabic, french = make_cohort(session, 2)
    Participant.objects.filter(user=arabic.participant).update(preferred_language="ar")
    Participant.objects.filter(user=french.participant).update(preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        send_cohort_message(
            session=session,
            by=coordinator,
            audience="confirmed",
            subject="{course}",
            body="See you on {session_dates}.",
        )
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "مارس" in bodies[arabic.participant.email]
    assert "mars" in bodies[french.participant.email]
    assert "Vous recevez ce message" in bodies[french.participant.email]


def test_staff_without_a_profile_are_written_to_in_their_admin_language():
    coordinator = make_coordinator()
    assert language_of(coordinator) == "en"
    UserProfile.objects.create(user=coordinator, preferred_language="es")
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    assert language_of(coordinator) == "es"


def test_without_a_preference_the_sessions_language_then_the_sites():
    nobody = make_coordinator("nobody")
    assert language_of(nobody, "zh") == "zh-hans"
    assert language_of(nobody, "pt") == "pt-br"
    assert language_of(nobody, "sw") == "en"
    assert first_language(None, "", "xx", "ar") == "ar"


def test_a_coordinators_digest_is_in_their_admin_language(course):
    coordinator = make_coordinator()
    UserProfile.objects.create(user=coordinator, preferred_language="fr")
    session = make_session(course, policy="approval", coordinators=[coordinator])
    person = make_participant()
    make_profile(person, preferred_language="ar")
    Enrollment.objects.create(
        session=session,
        participant=person,
        organization=Organization.objects.get(acronym="DPPA"),
        status=Enrollment.Status.REQUESTED,
        requested_at=timezone.now(),
    )
    digest = Digest.objects.create(
        recipient=coordinator, kind=Digest.Kind.COORDINATOR, day=timezone.localdate()
    )
    message = digests.render(digest)
    assert message.subject == FRENCH_DIGEST_SUBJECT
