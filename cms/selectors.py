"""Reads that several pages share, each with a fixed number of queries."""

from django.db.models import Prefetch

from participants.models import Organization

from .models import CoursePage


def featured_courses(*, home, limit=6):
    """Live featured courses under ``home``: 3 queries whatever their number."""
    return list(
        CoursePage.objects.live()
        .descendant_of(home)
        .filter(featured=True)
        .select_related("hero_image")
        .prefetch_related(
            Prefetch("partner_organizations", queryset=Organization.objects.only("id", "acronym")),
        )
        .order_by("title")[:limit]
    )


def partner_organizations():
    """Organizations that run at least one live course, UN entities first."""
    return list(
        Organization.objects.filter(courses__live=True)
        .distinct()
        .select_related("logo")
        .order_by("kind", "acronym")
    )


def course_with_relations(course):
    """The course with its areas and partners loaded in one query each."""
    course.area_list = list(course.thematic_areas.all())
    course.partner_list = list(course.partner_organizations.select_related("logo"))
    return course
