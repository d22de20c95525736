"""The course page served from its caches (the route, the fragments that only depend on
published content) is the page rendered from nothing, for every kind of visitor and in
every language; the sessions, whose seats change without a publish, are always live."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.demo import COURSES, seed_course, seed_site, seed_translations
from cms.models import CoursePage
from courses.enrollment.services import enroll
from courses.models import CourseSession, Enrollment
from tests.factories.courses import make_learner, make_profile, make_session
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

SLUG = "partnering-under-chapter-viii"
COURSE_URL = f"/courses/{SLUG}/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def course(db):
    """The demo's course translated into Arabic, French and Spanish, with a session."""
    _home, catalog = seed_site()
    data = next(c for c in COURSES if c["slug"] == SLUG)
    seed_course(catalog, data, index=COURSES.index(data))
    seed_translations()
    course = CoursePage.objects.get(slug=SLUG, locale__language_code="en")
    make_session(course, code="chapter-viii-cairo", city="Cairo", country="EG", capacity=2)
    return course


def page(client, language, url=COURSE_URL):
    response = client.get(url, headers={"accept-language": language})
    assert response.status_code == 200
    # The CSRF token is masked anew for every response: the one difference allowed.
    return CSRF.sub('name="csrfmiddlewaretoken" value=""', response.content.decode())


def cold_and_warm(client, language, url=COURSE_URL):
    cache.clear()  # a new content version: nothing published is cached any more
    cold = page(client, language, url)
    return cold, page(client, language, url), page(client, language, url)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("visitor", ["anonymous", "enrolled"])
def test_the_cached_page_is_the_page_rendered_from_nothing(client, course, language, visitor):
    if visitor == "enrolled":
        client.force_login(make_learner(course, "cached-reader"))
    cold, warm, again = cold_and_warm(client, language)
    assert warm == cold == again
    assert "chapter-viii-cairo" in cold  # the session list is on the page
    if language == "ar":
        assert 'lang="ar" dir="rtl"' in cold
    if visitor == "enrolled":
        assert "Start the first module" in cold or "ابدأ" in cold or "module-list__link" in cold
        assert "badge--confirmed" in cold
    else:
        assert "module-list__link" not in cold
        assert "Sign in to enroll" in cold or "/accounts/login/" in cold


def test_visitors_do_not_get_each_others_fragments(client, course):
    """The anonymous visitor's page is cached first; the enrolled one still gets the
    links to the modules, and the anonymous visitor still does not."""
    learner = make_learner(course, "second-reader")
    cache.clear()
    anonymous = page(client, "en")
    client.force_login(learner)
    enrolled = page(client, "en")
    client.logout()
    assert "module-list__link" not in anonymous
    assert "module-list__link" in enrolled
    assert page(client, "en") == anonymous
    # The language asked for changes the fragments too: the Arabic page after the English.
    assert 'lang="ar" dir="rtl"' in page(client, "ar")


def person(username):
    user = make_participant(username)
    make_profile(user)
    return user


def seats_line(html):
    return re.search(r"(\d+ seats? left|Full · \d+ on the waitlist)", html).group(1)


def test_a_session_change_appears_on_the_next_request(client, course):
    session = course.sessions.get(code="chapter-viii-cairo")
    assert seats_line(page(client, "en")) == "2 seats left"
    page(client, "en")  # everything that can be cached is now
    enroll(participant=person("first"), session=session)
    assert seats_line(page(client, "en")) == "1 seat left"
    enroll(participant=person("second"), session=session)
    enroll(participant=person("third"), session=session)
    assert seats_line(page(client, "en")) == "Full · 1 on the waitlist"
    session.capacity = 10
    session.save()
    assert seats_line(page(client, "en")) == "8 seats left"
    make_session(course, code="chapter-viii-addis", city="Addis Ababa", country="ET")
    assert "chapter-viii-addis" in page(client, "en")
    session.status = CourseSession.Status.CANCELLED
    session.save()
    html = page(client, "en")
    assert "chapter-viii-cairo" not in html
    assert "chapter-viii-addis" in html


def test_an_enrollment_shows_at_once_on_the_visitors_page(client, course):
    newcomer = person("newcomer")
    client.force_login(newcomer)
    session = course.sessions.get()
    form = f'action="{reverse("enroll", args=[session.code])}"'
    assert form in page(client, "en")
    enroll(participant=newcomer, session=session)
    html = page(client, "en")
    assert form not in html
    assert "badge--confirmed" in html
    assert Enrollment.objects.get(participant=newcomer).status == "confirmed"


def queries(client, language="en"):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(COURSE_URL, headers={"accept-language": language}).status_code == 200
    return len(captured)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_queries_of_the_course_page_cold_and_warm(client, course, language):
    queries(client, language)  # the hero image's renditions are made on a first view
    cache.clear()
    # Cold: everything published is read again (site, route, locales, restrictions, the
    # course's family, its translations), then the sessions.
    assert queries(client, language) <= 13
    # Warm: routing, the course's family, its translations and the fragments come from
    # the cache; the one query left is the sessions with their seats.
    assert queries(client, language) == 1


def test_queries_of_the_course_page_for_an_enrolled_visitor(client, course):
    client.force_login(make_learner(course, "counted-reader"))
    queries(client)
    # The user, whether they may open the modules, the sessions, their enrollments and
    # whether they may see the joining details.
    assert queries(client) == 5
