"""Sessions that point at a translation of a course (or at an alias of it) point at the
course itself, its source page, from now on required (``CourseSession.course_problem``):
their enrollments and reports then count with the course's other sessions."""

from django.conf import settings
from django.db import migrations


def point_at_source(apps, schema_editor):
    CourseSession = apps.get_model("courses", "CourseSession")
    CoursePage = apps.get_model("cms", "CoursePage")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for session in CourseSession.objects.select_related("course"):
        course = session.course
        pages = CoursePage.objects.filter(
            translation_key=course.translation_key, alias_of__isnull=True
        )
        original = (
            TranslationSource.objects.filter(object_id=course.translation_key)
            .order_by("pk")
            .values_list("locale_id", flat=True)
            .first()
        )
        if original is not None:
            source = pages.filter(locale_id=original).first()
        else:
            source = (
                pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()
                or pages.order_by("pk").first()
            )
        if (
            source is not None
            and source.pk != course.pk
            and not (original is None and course.alias_of_id is None)
        ):
            CourseSession.objects.filter(pk=session.pk).update(course=source)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0015_certificate_second_language_and_seven_languages"),
        ("cms", "0007_reviewed_partners"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(point_at_source, migrations.RunPython.noop)]
