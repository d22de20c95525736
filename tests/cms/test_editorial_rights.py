"""Trainers edit only their courses; a coordinator's approval puts their changes live."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import CourseTrainer, ModulePage
from cms.roles import COORDINATORS, PARTICIPANTS, TRAINERS
from cms.services import NotATrainer, assign_trainer, unassign_trainer
from tests.factories.courses import make_learner
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_coordinator, make_participant, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return make_coordinator()


@pytest.fixture
def trainer():
    return make_trainer("trainer")


@pytest.fixture
def other_trainer():
    return make_trainer("other-trainer")


@pytest.fixture
def own_course(catalog, trainer, coordinator):
    course = make_course(catalog, title="Mediation process design")
    make_module(course, title="Readiness", body_text="Original module text.")
    assign_trainer(course=course, user=trainer, assigned_by=coordinator)
    return course


@pytest.fixture
def foreign_course(catalog, other_trainer, coordinator):
    course = make_course(catalog, title="Early warning")
    make_module(course, title="Indicators")
    assign_trainer(course=course, user=other_trainer, assigned_by=coordinator)
    return course


def assert_refused(response):
    """Wagtail's admin answers a refused page action with 403 to scripts, and to a browser
    with a redirect to the dashboard carrying its "no permission" message."""
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 403


def module_form(module, *, text, action):
    return nested_form_data(
        {
            "title": module.title,
            "slug": module.slug,
            "summary": module.summary,
            "estimated_minutes": module.estimated_minutes,
            "learning_objectives": streamfield([("item", "Understand the basics")]),
            "body": streamfield([("heading", "Introduction"), ("paragraph", rich_text(text))]),
            "comments": inline_formset([]),
            action: "1",
        }
    )


def test_roles_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        TRAINERS,
        COORDINATORS,
        PARTICIPANTS,
    }


def test_trainer_edits_own_course_but_not_another(client, trainer, own_course, foreign_course):
    client.force_login(trainer)
    own_module = ModulePage.objects.child_of(own_course).get()
    foreign_module = ModulePage.objects.child_of(foreign_course).get()

    assert client.get(reverse("wagtailadmin_pages:edit", args=[own_course.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own_module.pk])).status_code == 200
    for page in (foreign_course, foreign_module):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
        response = client.get(url, follow=True)
        assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
        assert "you do not have permission" in response.content.decode()
    revisions_before = foreign_module.revisions.count()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[foreign_module.pk]),
        module_form(foreign_module, text="<p>Vandalised</p>", action="action-submit"),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 403
    assert foreign_module.revisions.count() == revisions_before
    assert not WorkflowState.objects.filter(object_id=str(foreign_module.pk)).exists()


def test_trainer_may_add_modules_only_under_own_course(client, trainer, own_course, foreign_course):
    client.force_login(trainer)
    own = reverse("wagtailadmin_pages:add", args=["cms", "modulepage", own_course.pk])
    foreign = reverse("wagtailadmin_pages:add", args=["cms", "modulepage", foreign_course.pk])
    assert client.get(own).status_code == 200
    assert_refused(client.get(foreign))


def test_participant_has_no_admin(client, own_course):
    client.force_login(make_participant())
    response = client.get(reverse("wagtailadmin_pages:edit", args=[own_course.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_trainer_cannot_publish_directly(client, trainer, own_course):
    module = ModulePage.objects.child_of(own_course).get()
    client.force_login(trainer)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        module_form(
            module, text="<p>Published behind the coordinator's back</p>", action="action-publish"
        ),
    )
    module.refresh_from_db()
    assert "behind the coordinator" not in str(module.body.raw_data)


def submit_change(client, trainer, module, text):
    client.force_login(trainer)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[module.pk]),
        module_form(module, text=text, action="action-submit"),
    )
    assert response.status_code == 302, response.content[:2000]
    return TaskState.objects.get(
        workflow_state__object_id=str(module.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def live_text(client, module):
    return client.get(Page.objects.get(pk=module.pk).url).content.decode()


def test_workflow_blocks_publishing_until_coordinator_approves(
    client, trainer, coordinator, own_course
):
    module = ModulePage.objects.child_of(own_course).get()
    task_state = submit_change(client, trainer, module, "<p>Revised module text.</p>")

    client.force_login(make_learner(own_course, "reader"))
    assert "Original module text." in live_text(client, module)
    assert "Revised module text." not in live_text(client, module)

    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[module.pk, "approve", task_state.pk]),
        {"comment": "Good."},
    )
    assert response.status_code in (200, 302)
    client.force_login(make_learner(own_course, "reader2"))
    assert "Revised module text." in live_text(client, module)


def test_trainer_sees_why_a_change_was_rejected(client, trainer, coordinator, own_course):
    module = ModulePage.objects.child_of(own_course).get()
    task_state = submit_change(client, trainer, module, "<p>Unsourced claims.</p>")

    client.force_login(coordinator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[module.pk, "reject", task_state.pk]),
        {"comment": "Please cite the 2012 Guidance for Effective Mediation."},
    )
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED

    client.force_login(trainer)
    history = client.get(reverse("wagtailadmin_pages:workflow_history", args=[module.pk]))
    detail_url = reverse(
        "wagtailadmin_pages:workflow_history_detail",
        args=[module.pk, task_state.workflow_state.pk],
    )
    assert detail_url in history.content.decode()
    detail = client.get(detail_url).content.decode()
    assert "Please cite the 2012 Guidance for Effective Mediation." in detail
    assert "Unsourced claims." not in live_text(client, module)


def test_assignment_grants_and_unassignment_revokes(client, trainer, coordinator, catalog):
    course = make_course(catalog, title="Electoral assistance")
    client.force_login(trainer)
    edit = reverse("wagtailadmin_pages:edit", args=[course.pk])
    assert_refused(client.get(edit))

    assignment = assign_trainer(course=course, user=trainer, assigned_by=coordinator)
    assert assign_trainer(course=course, user=trainer, assigned_by=coordinator) == assignment
    assert client.get(edit).status_code == 200

    unassign_trainer(assignment=assignment, removed_by=coordinator)
    unassign_trainer(assignment=assignment, removed_by=coordinator)
    assert_refused(client.get(edit))


def test_only_trainers_can_be_assigned(catalog, coordinator):
    course = make_course(catalog)
    with pytest.raises(NotATrainer):
        assign_trainer(course=course, user=make_participant(), assigned_by=coordinator)


def test_coordinator_assigns_a_trainer_in_the_admin(client, trainer, coordinator, catalog):
    course = make_course(catalog, title="Supporting AU policy organs")
    client.force_login(coordinator)
    response = client.post(
        reverse("course_trainers:add"), {"course": course.pk, "user": trainer.pk}
    )
    assert response.status_code == 302
    assignment = CourseTrainer.objects.get(course=course, user=trainer)
    assert assignment.assigned_by == coordinator

    client.force_login(trainer)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).status_code == 200

    client.force_login(coordinator)
    client.post(reverse("course_trainers:delete", args=[assignment.pk]))
    assert not CourseTrainer.objects.filter(pk=assignment.pk).exists()
    client.force_login(trainer)
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])))


def test_admin_refuses_assigning_a_non_trainer(client, coordinator, catalog):
    course = make_course(catalog)
    participant = make_participant()
    client.force_login(coordinator)
    response = client.post(
        reverse("course_trainers:add"), {"course": course.pk, "user": participant.pk}
    )
    assert response.status_code == 200
    assert not CourseTrainer.objects.exists()


def test_trainers_cannot_assign_themselves(client, trainer, catalog):
    course = make_course(catalog)
    client.force_login(trainer)
    client.post(reverse("course_trainers:add"), {"course": course.pk, "user": trainer.pk})
    assert not CourseTrainer.objects.exists()
