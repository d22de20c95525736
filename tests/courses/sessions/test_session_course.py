"""A session belongs to a course itself, never to one of its translations: the admin
offers only source pages, the model refuses a translation with a reason, and the
reports count a course once whatever page its sessions point at."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from cms.demo import COURSES, seed_course, seed_site, seed_translations
from cms.models import CoursePage
from cms.translations import source_courses, source_of
from config.celery import app as celery_app
from courses.certificates.services import certificate_content, issue_certificates
from courses.certificates.snapshot import CertificateSnapshot
from courses.enrollment.services import enroll
from courses.models import CourseSession
from courses.reports.selectors import attendance_summary
from participants.models import Organization
from tests.conftest import shared_data
from tests.factories.certificates import make_completers
from tests.factories.courses import make_cohort, make_profile, make_session, session_form
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant

SLUG = "partnering-under-chapter-viii"
TITLE = "Partnering under Chapter VIII: UN Cooperation with Regional Organizations"


@pytest.fixture(scope="module")
def translated(django_db_setup, django_db_blocker):
    """The demo's course in English with its Arabic, French and Spanish translations."""
    with shared_data(django_db_blocker):
        _home, catalog = seed_site()
        index, data = next((i, c) for i, c in enumerate(COURSES) if c["slug"] == SLUG)
        seed_course(catalog, data, index=index)
        assert seed_translations() == 3
        yield catalog


def page(language) -> CoursePage:
    return CoursePage.objects.get(slug=SLUG, locale__language_code=language)


@pytest.fixture
def coordinator(db):
    return make_coordinator("coord")


def test_only_source_pages_are_courses_of_sessions(translated):
    untranslated = make_course(translated, title="Early warning")
    assert set(source_courses().values_list("pk", flat=True)) == {page("en").pk, untranslated.pk}
    for language in ("en", "ar", "fr", "es"):
        assert source_of(page(language)) == page("en")


def test_the_admin_offers_the_course_not_its_translations(client, translated, coordinator, login):
    response = login(client, coordinator).get(reverse("course_sessions:add"))
    choices = dict(response.context["form"].fields["course"].widget.choices)
    assert choices[page("en").pk] == TITLE
    for language in ("ar", "fr", "es"):
        assert page(language).pk not in choices
    html = response.content.decode()
    assert f'<option value="{page("en").pk}">' in html
    assert f'<option value="{page("ar").pk}">' not in html


def test_a_translation_posted_as_the_course_is_refused_with_its_reason(
    client, translated, coordinator, login
):
    session = make_session(page("en"), code="chapter-viii-cairo", coordinators=[coordinator])
    response = login(client, coordinator).post(
        reverse("course_sessions:edit", args=[session.pk]),
        session_form(session, course=page("ar").pk),
    )
    assert response.status_code == 200
    (error,) = response.context["form"].errors["course"]
    assert "is a translation (" in error
    assert f"choose “{TITLE}”" in error
    session.refresh_from_db()
    assert session.course == page("en")


def test_the_model_refuses_a_translation(translated):
    session = make_session(page("en"), code="chapter-viii-fr")
    session.course = page("fr")
    with pytest.raises(ValidationError) as refused:
        session.full_clean()
    assert set(refused.value.message_dict) == {"course"}
    session.course = page("en")
    session.full_clean()


def test_a_session_that_points_at_a_translation_shows_it_with_the_reason(
    client, translated, coordinator, login
):
    # Made before sessions had to point at the source (straight into the database).
    session = make_session(page("ar"), code="chapter-viii-legacy", coordinators=[coordinator])
    response = login(client, coordinator).post(
        reverse("course_sessions:edit", args=[session.pk]), session_form(session)
    )
    form = response.context["form"]
    assert page("ar").pk in dict(form.fields["course"].widget.choices)
    assert "course" in form.errors


def test_reports_count_a_course_once_in_every_language(translated, coordinator):
    english = make_session(page("en"), code="chapter-viii-geneva", coordinators=[coordinator])
    arabic = make_session(page("ar"), code="chapter-viii-legacy", coordinators=[coordinator])
    make_cohort(english, 2, prefix="e")
    make_cohort(arabic, 3, prefix="a")

    summary = attendance_summary(user=coordinator, by="course")
    (row,) = summary.rows
    assert (row.label, row.sessions, row.enrollments) == (TITLE, 2, 5)
    # Filtered by the course (or by any of its pages): both sessions.
    for filtered_by in (page("en"), page("ar").pk):
        (row,) = attendance_summary(user=coordinator, by="course", course=filtered_by).rows
        assert row.enrollments == 5
    assert CourseSession.objects.count() == 2


# ------------------------------------------- the course named in the reader's language


@pytest.fixture
def eager_tasks():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def test_emails_name_the_course_in_the_recipients_language(
    translated, eager_tasks, django_capture_on_commit_callbacks
):
    session = make_session(page("en"), code="chapter-viii-emails", language="ar")
    readers = {}
    for language in ("ar", "fr", "en", "ru"):
        user = make_participant(f"reader-{language}")
        make_profile(user, preferred_language=language)
        readers[language] = user
    with django_capture_on_commit_callbacks(execute=True):
        for user in readers.values():
            enroll(participant=user, session=session)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    for language in ("ar", "fr", "en"):
        assert page(language).title in subjects[readers[language].email]
    # No Russian translation: the course's own title.
    assert TITLE in subjects[readers["ru"].email]


def test_enrolling_names_the_course_in_the_readers_language(translated):
    """The one locking statement of enrolling brings the course's title in the reader's
    language for the page's message: its live translation's, else its own."""
    session = make_session(page("en"), code="chapter-viii-message")
    titles = {}
    for language in ("ar", "fr", "ru", None):
        user = make_participant(f"message-{language}")
        make_profile(user)
        titles[language] = enroll(participant=user, session=session, language=language).course_title
    assert titles == {
        "ar": page("ar").title,
        "fr": page("fr").title,
        "ru": TITLE,  # no Russian translation
        None: TITLE,
    }


def test_a_bilingual_certificate_names_the_course_in_each_of_its_languages(translated):
    coordinator = make_coordinator("issuer")
    session = make_session(
        page("en"),
        code="chapter-viii-certificates",
        language="ar",
        certificate_second_language="fr",
        coordinators=[coordinator],
    )
    session.issuing_organizations.set(Organization.objects.filter(acronym__in=["DPPA", "LAS"]))
    make_completers(session, names=[("Amina", "Diallo")])
    (certificate,) = issue_certificates(session=session, by=coordinator)
    snapshot = CertificateSnapshot.of(certificate)
    assert snapshot.course_title == page("ar").title
    assert snapshot.second_course_title == page("fr").title
    content = certificate_content(certificate)
    assert (content.course_title, content.second_course_title) == (
        page("ar").title,
        page("fr").title,
    )


def test_the_migration_moves_sessions_of_translations_to_the_source(translated):
    migration = importlib.import_module("courses.migrations.0016_sessions_point_at_source_courses")
    legacy = make_session(page("ar"), code="chapter-viii-legacy")
    own = make_session(page("en"), code="chapter-viii-own")
    other = make_session(make_course(translated, title="Early warning"), code="ew-own")
    migration.point_at_source(django_apps, None)
    courses = dict(CourseSession.objects.values_list("code", "course_id"))
    assert courses[legacy.code] == courses[own.code] == page("en").pk
    assert courses[other.code] == other.course_id
