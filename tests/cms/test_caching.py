"""Public pages are served from the cache, and never show what editors have changed since."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import ThematicArea
from tests.factories.courses import make_learner
from tests.factories.pages import make_course, make_module, publish

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_repeated_visit_is_served_with_fewer_queries(client, catalog):
    course = make_course(catalog, title="Mediation process design", modules=2)
    first = queries_for(client, course.url)
    assert queries_for(client, course.url) < first


def test_catalogue_follows_publishing(client, catalog):
    make_course(catalog, title="Mediation process design")
    assert "Mediation process design" in html_of(client, catalog.url)

    added = make_course(catalog, title="Early warning and conflict analysis")
    assert "Early warning and conflict analysis" in html_of(client, catalog.url)

    added.title = "Early warning for practitioners"
    publish(added)
    html = html_of(client, catalog.url)
    assert "Early warning for practitioners" in html
    assert "Early warning and conflict analysis" not in html

    added.unpublish()
    assert "Early warning for practitioners" not in html_of(client, catalog.url)


def test_course_page_follows_its_modules_and_areas(client, catalog):
    course = make_course(catalog, title="Mediation process design", areas=("mediation",))
    client.force_login(make_learner(course))
    first = make_module(course, title="Readiness for mediation")
    assert "Readiness for mediation" in html_of(client, course.url)

    make_module(course, title="Process architecture")
    html = html_of(client, course.url)
    assert "Readiness for mediation" in html and "Process architecture" in html
    # The module pages list their course's modules too.
    assert "Process architecture" in html_of(client, first.url)

    first.unpublish()
    assert "Readiness for mediation" not in html_of(client, course.url)

    course.thematic_areas = [ThematicArea.objects.get(slug="early-warning")]
    publish(course)
    html = html_of(client, course.url)
    assert "Early warning" in html


def test_home_page_follows_featured_courses_and_taxonomy(client, home, catalog):
    course = make_course(catalog, title="Gender-inclusive mediation", featured=True)
    assert "Gender-inclusive mediation" in html_of(client, "/")

    course.featured = False
    publish(course)
    assert "Gender-inclusive mediation" not in html_of(client, "/")

    area = ThematicArea.objects.get(slug="mediation")
    area.name = "Mediation and dialogue"
    area.save()
    assert "Mediation and dialogue" in html_of(client, catalog.url)


def test_a_preview_shows_the_draft_not_the_cached_page(client, catalog):
    course = make_course(catalog, title="Mediation process design", areas=("mediation",))
    assert "Early warning" not in html_of(client, course.url)  # the live page, now cached

    course.thematic_areas = [ThematicArea.objects.get(slug="early-warning")]
    course.save_revision()
    draft = course.get_latest_revision_as_object()
    preview = draft.make_preview_request()
    assert "Early warning" in preview.content.decode()
    assert "Early warning" not in html_of(client, course.url)  # still unpublished


def test_a_new_view_restriction_applies_at_once(client, catalog):
    course = make_course(catalog, title="Mediation process design")
    assert client.get(course.url).status_code == 200  # "no restriction anywhere" is cached

    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(course.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")

    restriction.delete()
    assert client.get(course.url).status_code == 200


def test_module_text_follows_publishing_and_previews_show_drafts(client, catalog):
    course = make_course(catalog, title="Mediation process design")
    client.force_login(make_learner(course))
    module = make_module(course, body_text="Mediation starts with listening.")
    assert "Mediation starts with listening." in html_of(client, module.url)

    module.body = [{"type": "paragraph", "value": "<p>Consent comes first.</p>"}]
    module.save_revision()
    draft = module.get_latest_revision_as_object()
    assert "Consent comes first." in draft.make_preview_request().content.decode()
    assert "Consent comes first." not in html_of(client, module.url)

    module.get_latest_revision().publish()
    html = html_of(client, module.url)
    assert "Consent comes first." in html
    assert "Mediation starts with listening." not in html
