"""Business actions on course content."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

from .models import CoursePage, CourseTrainer
from .roles import COURSE_MEDIA_PERMISSIONS, TRAINER_PAGE_PERMISSIONS, TRAINERS, page_permission

EDITORS_GROUP_PREFIX = "Course editors #"


class NotATrainer(ValueError):
    """The user is not in the Trainers group."""


def course_editors_group(course: CoursePage) -> Group:
    """The group whose members may edit ``course`` and its modules, created on first use.

    Wagtail grants page rights to groups, so each course has its own group holding add
    and change rights on its subtree (not publish: that goes through the review workflow).
    """
    group, created = Group.objects.get_or_create(name=f"{EDITORS_GROUP_PREFIX}{course.pk}")
    if created:
        # The course in every language it is translated into (cms.translations keeps
        # translations made later in step).
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=page, permission=page_permission(codename))
            for page in CoursePage.objects.filter(translation_key=course.translation_key)
            for codename in TRAINER_PAGE_PERMISSIONS
        )
        course_collection(course, group)
    return group


def _media_permissions():
    return [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in COURSE_MEDIA_PERMISSIONS
    ]


def course_collection(course: CoursePage, group: Group | None = None) -> Collection:
    """The collection of ``course``'s images and documents, created on first use: the
    course's editors upload, change and delete in it (anyone's files there), while the
    rest of the library they change only where they uploaded it themselves.

    The collection is the one on which the editors group holds ``change_image``, so an
    administrator may rename or move it freely.
    """
    group = group or course_editors_group(course)
    granted = (
        GroupCollectionPermission.objects.filter(group=group, permission__codename="change_image")
        .select_related("collection")
        .first()
    )
    if granted is not None:
        return granted.collection
    root = Collection.get_first_root_node()
    collection = root.add_child(name=f"{course.title} (course {course.pk})"[:255])
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection=collection, permission=permission)
        for permission in _media_permissions()
    )
    return collection


def ensure_course_collections() -> None:
    """Every course editors group has its course's collection (groups made before
    collections existed get one). Idempotent; part of ``ensure_roles``."""
    for group in Group.objects.filter(name__startswith=EDITORS_GROUP_PREFIX):
        course_id = group.name.removeprefix(EDITORS_GROUP_PREFIX)
        course = CoursePage.objects.filter(pk=course_id).first() if course_id.isdigit() else None
        if course is not None:
            course_collection(course, group)


@transaction.atomic
def assign_trainer(*, course: CoursePage, user, assigned_by) -> CourseTrainer:
    """Let ``user`` edit ``course`` and its modules, and record who decided it.

    One transaction: the assignment row, the user's membership of the course's editors
    group, and an audit-log entry. Calling it twice returns the existing assignment
    and changes nothing.
    """
    if not user.groups.filter(name=TRAINERS).exists():
        raise NotATrainer(f"{user} is not a trainer")
    assignment, created = CourseTrainer.objects.get_or_create(
        course=course, user=user, defaults={"assigned_by": assigned_by}
    )
    if created:
        user.groups.add(course_editors_group(course))
        log(
            instance=course,
            action="concord.trainer_assigned",
            user=assigned_by,
            data={"trainer_id": user.pk, "trainer": user.get_username()},
        )
    return assignment


@transaction.atomic
def unassign_trainer(*, assignment: CourseTrainer, removed_by) -> None:
    """Take away a trainer's editing rights on a course. Safe to call for a gone row."""
    course, user = assignment.course, assignment.user
    deleted, _rows = CourseTrainer.objects.filter(pk=assignment.pk).delete()
    if not deleted:
        return
    user.groups.remove(course_editors_group(course))
    log(
        instance=course,
        action="concord.trainer_unassigned",
        user=removed_by,
        data={"trainer_id": user.pk, "trainer": user.get_username()},
    )


def align_default_site_with_site_url() -> Site | None:
    """Give the default Wagtail Site the hostname and port of ``settings.SITE_URL``.

    Wagtail builds the page links of its workflow and moderation emails from the Site
    (``page.full_url``); left at Wagtail's "localhost:80" they point nowhere. Runs after
    every migrate and when the demo is seeded; saves only when something differs, so
    running it twice changes nothing. Returns the default site, if there is one.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    parts = urlsplit(settings.SITE_URL)
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
