"""The admin is Concord's: its name and mark, and trainers' panels on the dashboard."""

import pytest

from cms.services import assign_trainer
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_coordinator, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_course(catalog):
    course = make_course(catalog, title="Mediation process design")
    module = make_module(course, title="Readiness for mediation")
    make_course(catalog, title="Someone else's course")
    trainer = make_trainer()
    assign_trainer(course=course, user=trainer, assigned_by=make_coordinator())
    return trainer, course, module


def test_trainers_see_their_courses_and_drafts_in_review(client, trainer_course):
    trainer, course, module = trainer_course
    module.title = "Readiness for mediation (revised)"
    revision = module.save_revision(user=trainer)
    workflow = module.get_workflow()
    assert workflow is not None, "the review workflow covers the course pages"
    workflow.start(module, trainer)
    assert revision.pk

    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert "My courses" in html
    assert f'href="/admin/pages/{course.pk}/edit/"' in html
    assert "Mediation process design" in html
    assert "Someone else&#x27;s course" not in html and "Someone else's course" not in html
    assert "My drafts in review" in html
    assert f'href="/admin/pages/{module.pk}/edit/"' in html
    assert "Readiness for mediation (revised)" in html
    # Ours replaces Wagtail's own list of the same workflows.
    assert "Your pages and snippets in a workflow" not in html


def test_the_admin_carries_concords_name_and_no_wagtail_guides(client, trainer_course):
    client.force_login(trainer_course[0])
    html = client.get("/admin/").content.decode()
    assert "<title>Dashboard - Concord</title>" in html
    assert 'aria-label="Concord"' in html  # the generated mark in the sidebar
    assert "editor guide" not in html.lower()
    assert "What&#x27;s new in Wagtail" not in html and "What's new in Wagtail" not in html


def test_people_without_courses_get_no_trainer_panels(client, catalog):
    client.force_login(make_coordinator())
    html = client.get("/admin/").content.decode()
    assert "My courses" not in html and "My drafts in review" not in html
