"""Every page type renders with the demo content; page creation follows the tree rules."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from cms.models import CatalogPage, CoursePage, HomePage, ModulePage
from courses.models import CourseSession, Enrollment, Notice
from participants.models import Organization
from tests.factories.courses import make_learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site, db):
    return HomePage.objects.get(locale__language_code="en")  # its translations are aliases


def test_page_tree_rules():
    assert HomePage.allowed_subpage_models() == [CatalogPage]
    assert CatalogPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == []
    assert CatalogPage.allowed_parent_page_models() == [HomePage]
    assert CoursePage.allowed_parent_page_models() == [CatalogPage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]


def test_pages_can_be_created_only_where_they_belong(demo):
    catalog = CatalogPage.objects.get(locale__language_code="en")
    course = CoursePage.objects.first()
    assert not ModulePage.can_create_at(catalog)
    assert not CoursePage.can_create_at(demo)
    assert not CoursePage.can_create_at(course)
    assert ModulePage.can_create_at(course)
    assert CoursePage.can_create_at(catalog)
    assert not HomePage.can_create_at(Page.get_first_root_node())  # max_count = 1


def test_demo_has_substantial_content(demo):
    courses = CoursePage.objects.live()
    assert courses.count() >= 6
    for course in courses:
        modules = ModulePage.objects.live().child_of(course)
        assert 3 <= modules.count() <= 6, course.title
        kinds = {org.kind for org in course.partner_organizations.all()}
        assert "un" in kinds and kinds & {"regional", "subregional"}, course.title
        assert course.thematic_areas.exists()
        for module in modules:
            words = sum(len(str(block.render()).split()) for block in module.body)
            assert words > 300, module.title
    assert set(CoursePage.objects.values_list("delivery_mode", flat=True)) == {
        "in_person",
        "online",
        "blended",
    }


def test_seed_demo_twice_changes_nothing(demo):
    def counts():
        models = (Page, Revision, PageLogEntry, Organization, CourseSession, Enrollment, Notice)
        return {model.__name__: model.objects.count() for model in models}

    before = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == before
    assert before["CourseSession"] >= 6 and before["Enrollment"] > 20


def test_generated_courses_are_published_searchable_and_made_once(client, demo):
    out = io.StringIO()
    call_command("seed_demo", courses=3, stdout=out)
    assert "3/3 courses" in out.getvalue()
    generated = CoursePage.objects.live().filter(slug__contains="-cohort-")
    assert generated.count() == 3
    for course in generated:
        assert ModulePage.objects.live().child_of(course).count() == 5
        assert course.live_revision is not None
    html = client.get("/courses/", {"q": "cohort 2"}).content.decode()
    assert "1 course" in html
    assert "cohort 2</a>" in html

    pages = Page.objects.count()
    call_command("seed_demo", courses=3, verbosity=0)
    assert Page.objects.count() == pages


def test_home_page_renders_intro_featured_courses_and_partners(client, demo):
    html = client.get("/").content.decode()
    assert demo.intro_title in html
    for course in CoursePage.objects.live().filter(featured=True):
        assert course.title in html
    assert "AUC" in html and "DPPA" in html


def test_catalogue_lists_courses_with_filters(client, demo):
    response = client.get("/courses/")
    html = response.content.decode()
    assert response.status_code == 200
    for course in CoursePage.objects.live()[:6]:
        assert course.title in html
    assert 'name="area"' in html and 'name="org"' in html
    assert 'name="lang"' in html and 'name="mode"' in html


def test_course_page_lists_modules_in_order_with_time(client, demo):
    course = CoursePage.objects.get(slug="mediation-process-design")
    html = client.get(course.url).content.decode()
    modules = list(ModulePage.objects.live().child_of(course))
    positions = [html.index(module.title) for module in modules]
    assert positions == sorted(positions)
    assert course.summary in html
    assert "Sign in" in html


def test_module_page_needs_sign_in(client, demo):
    module = ModulePage.objects.live().first()
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")

    client.force_login(make_learner(module.get_parent().specific, "reader"))
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert module.title in html
    first_heading = next(b.value for b in module.body if b.block_type == "heading")
    assert first_heading in html


def test_french_interface(client, demo):
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    html = client.get("/courses/").content.decode()
    assert 'lang="fr"' in html
    assert "Catalogue des formations" in html
    assert "Rechercher une formation" in html
    assert "Se connecter" in html
    assert "Search courses" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/courses/no-such-course/",
        "/courses/mediation-process-design/no-such-module/",
        "/x/y/z/w/v/",
    ],
)
def test_unknown_paths_are_404(client, demo, path):
    assert client.get(path).status_code == 404


def test_unpublished_pages_are_404(client, demo):
    course = CoursePage.objects.get(slug="mediation-process-design")
    module = ModulePage.objects.child_of(course).first()
    client.force_login(make_learner(course, "reader"))
    assert client.get(module.url).status_code == 200
    module.unpublish()
    assert client.get(module.url).status_code == 404
    course.unpublish()
    assert client.get(course.url).status_code == 404
