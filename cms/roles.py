"""The three roles of Concord as Django groups, and the Wagtail rights that go with them.

``ensure_roles`` runs after every ``migrate`` (see ``CmsConfig.ready``) and is idempotent:
it adds what is missing and never removes what an administrator granted by hand, with
one exception: the change rights on the whole media library that earlier versions gave
trainers and coordinators (``REVOKED_ROOT_MEDIA_PERMISSIONS``) are taken back. It
grants the rights of Wagtail, cms and participants; an app above cms grants its own
to these groups (``grant``), after its own migrations, by the names defined here.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from participants.certificate_images import move_into_signatures_collection, signatures_collection
from participants.models import Organization

TRAINERS = "Trainers"
COORDINATORS = "Coordinators"
PARTICIPANTS = "Participants"
REVIEW_WORKFLOW = "Coordinator review"
REVIEW_TASK = "Coordinator approval"

# Images and documents: trainers and coordinators upload anywhere and choose anything
# for their pages, but change or delete only what they uploaded themselves (Wagtail's
# ownership rule: the uploader of an image may edit it with "add" alone) and what is in
# the collection of a course they edit (``cms.services.course_collection``). So nobody
# but its uploader and the administrators changes a signature scan printed on
# certificates or another course's banner.
MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]
# Granted on the root collection before: every trainer could replace every image.
REVOKED_ROOT_MEDIA_PERMISSIONS = [
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
]
# What a course's editors group holds on the course's own collection.
COURSE_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
COORDINATOR_MODEL_PERMISSIONS = [
    ("cms", "add_coursetrainer"),
    ("cms", "change_coursetrainer"),
    ("cms", "delete_coursetrainer"),
    ("cms", "view_coursetrainer"),
    ("cms", "add_thematicarea"),
    ("cms", "change_thematicarea"),
    ("cms", "view_thematicarea"),
    ("participants", "add_organization"),
    ("participants", "change_organization"),
    ("participants", "view_organization"),
    # Confirm that a person who asked to be forgotten is erased (participants.privacy).
    ("participants", "change_erasurerequest"),
    ("participants", "view_erasurerequest"),
]
COORDINATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(group_name: str, app_label: str, codenames) -> None:
    """Give the group ``group_name`` (made if missing) these permissions of ``app_label``,
    adding to what it holds. For apps that grant their own rights to the roles."""
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*(_permission(app_label, codename) for codename in codenames))


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def ensure_roles():
    trainers, _created = Group.objects.get_or_create(name=TRAINERS)
    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS)
    Group.objects.get_or_create(name=PARTICIPANTS)

    access_admin = _permission("wagtailadmin", "access_admin")
    # Translating a page (wagtail-localize) makes a draft; publishing it goes through review.
    submit_translation = _permission("wagtail_localize", "submit_translation")
    for group in (trainers, coordinators):
        group.permissions.add(access_admin, submit_translation)
    coordinators.permissions.add(
        *(_permission(app, codename) for app, codename in COORDINATOR_MODEL_PERMISSIONS)
    )

    root_collection = Collection.get_first_root_node()
    if root_collection:
        for group in (trainers, coordinators):
            for app, codename in MEDIA_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=_permission(app, codename)
                )
        GroupCollectionPermission.objects.filter(
            group__in=(trainers, coordinators),
            collection=root_collection,
            permission__in=[
                _permission(app, codename) for app, codename in REVOKED_ROOT_MEDIA_PERMISSIONS
            ],
        ).delete()
        signatures_collection(root_collection)
        # Logos chosen before the organization form moved them there.
        move_into_signatures_collection(
            Organization.objects.exclude(logo=None).values_list("logo_id", flat=True)
        )
        from .services import ensure_course_collections  # noqa: PLC0415 -- cycle: services imports roles

        ensure_course_collections()

    root_page = Page.get_first_root_node()
    if root_page is None:
        return
    for codename in COORDINATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=coordinators, page=root_page, permission=page_permission(codename)
        )
    _ensure_review_workflow(root_page, coordinators)


def _ensure_review_workflow(root_page, coordinators):
    """Every page change by someone without publish rights waits for a coordinator."""
    workflow, _created = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
        task.groups.set([coordinators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
