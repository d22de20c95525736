"""Business actions on course content."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Site

from .models import CoursePage, CourseTrainer
from .roles import TRAINER_PAGE_PERMISSIONS, page_permission


class NotATrainer(ValueError):
    """The user is not in the Trainers group."""


def course_editors_group(course: CoursePage) -> Group:
    """The group whose members may edit ``course`` and its modules, created on first use.

    Wagtail grants page rights to groups, so each course has its own group holding add
    and change rights on its subtree (not publish: that goes through the review workflow).
    """
    group, created = Group.objects.get_or_create(name=f"Course editors #{course.pk}")
    if created:
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=course, permission=page_permission(codename))
            for codename in TRAINER_PAGE_PERMISSIONS
        )
    return group


@transaction.atomic
def assign_trainer(*, course: CoursePage, user, assigned_by) -> CourseTrainer:
    """Let ``user`` edit ``course`` and its modules, and record who decided it.

    One transaction: the assignment row, the user's membership of the course's editors
    group, and an audit-log entry. Calling it twice returns the existing assignment
    and changes nothing.
    """
    from .roles import TRAINERS

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
