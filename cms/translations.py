"""Translating courses and modules (wagtail-localize), the Concord way.

- A translation is reviewed like any other change: the translator's strings become a
  draft revision of the translated page, which goes through the page's review workflow
  (``submit_translation_for_review``); wagtail-localize's own editor only publishes
  directly, which trainers may not do.
- A course's trainers edit its translations too: a new translation of a course gets
  the editing rights of the course's editors groups (``grant_course_editors``).
- When a source page is published, its translation source is brought up to date, so the
  translation editor of every language shows what changed as needing translation
  (``refresh_translation_source``); the translated pages keep their text until then.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from .models import CoursePage, ModulePage
from .roles import TRAINER_PAGE_PERMISSIONS, page_permission
from .services import EDITORS_GROUP_PREFIX


class NotATranslation(ValueError):
    """The page is not the target of a synced translation."""


class NoReviewWorkflow(ValueError):
    """No review workflow applies to the page."""


def synced_translation(page) -> Translation | None:
    """The enabled wagtail-localize translation whose target is ``page``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def submit_translation_for_review(*, page: Page, user) -> WorkflowState:
    """Make the translator's current strings a draft revision of ``page`` and start the
    page's review workflow on it; a coordinator's approval publishes it.

    One transaction: the revision, the workflow state and their log entries. Calling it
    while a review is in progress returns that review and changes nothing.
    Raises ``NotATranslation`` or ``NoReviewWorkflow``.
    """
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    in_progress = page.current_workflow_state
    if in_progress is not None:
        return in_progress
    translation = synced_translation(page)
    if translation is None:
        raise NotATranslation(page.pk)
    workflow = page.get_workflow()
    if workflow is None:
        raise NoReviewWorkflow(page.pk)
    # Untranslated strings keep the source's text (wagtail-localize's fallback), so the
    # reviewer sees the page as it would be published.
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    return workflow.start(page, user)


def _editors_groups(translation_key) -> list[Group]:
    names = [
        f"{EDITORS_GROUP_PREFIX}{pk}"
        for pk in CoursePage.objects.filter(translation_key=translation_key).values_list(
            "pk", flat=True
        )
    ]
    return list(Group.objects.filter(name__in=names))


def grant_course_editors(*, course: CoursePage) -> None:
    """Give the editors groups of every language of ``course`` the editing rights on each
    of its translations (and so on their modules). Idempotent."""
    pages = list(CoursePage.objects.filter(translation_key=course.translation_key))
    permissions = [page_permission(codename) for codename in TRAINER_PAGE_PERMISSIONS]
    for group in _editors_groups(course.translation_key):
        for target in pages:
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=target, permission=permission
                )


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    """Signal receiver (``copy_for_translation_done``): a new translation of a course is
    editable by the course's trainers."""
    if isinstance(target_obj, CoursePage):
        grant_course_editors(course=target_obj)


def refresh_translation_source(sender, instance, **kwargs):
    """Signal receiver (``page_published``): when the source of translations is
    published, its strings are read again, so what changed shows as needing translation
    in each language's translation editor."""
    if not isinstance(instance, CoursePage | ModulePage):
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is not None:
        source.update_from_db()


def _original_locale():
    """The locale a page's translations were made from: that of the first translation
    source of its translation key (wagtail-localize keeps one per source language; the
    first is the original), or nothing for a page never translated."""
    return Subquery(
        TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
        .order_by("pk")
        .values("locale_id")[:1]
    )


def source_courses():
    """Course pages that are the course itself, not a translation of it: the page in the
    language its translations were made from (usually the default language), or the only
    page of a course never translated; never an alias. A session points at one of these,
    so that its enrollments, attendance and reports belong to the course in every
    language (the course page serves the visitor's translation)."""
    return (
        CoursePage.objects.filter(alias_of__isnull=True)
        .annotate(original_locale=_original_locale())
        .filter(Q(original_locale__isnull=True) | Q(original_locale=F("locale_id")))
    )


def source_of(course: CoursePage) -> CoursePage | None:
    """The source page of ``course`` (``course`` itself when it is one); None when the
    course has no source page left (its source was deleted)."""
    return (
        source_courses()
        .filter(translation_key=course.translation_key)
        .order_by(
            # Where translations were made outside wagtail-localize: the default language.
            Case(When(locale__language_code=settings.LANGUAGE_CODE, then=0), default=1),
            "pk",
        )
        .first()
    )
