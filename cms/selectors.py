"""Reads that several pages share, each with a fixed number of queries."""

from django.db.models import Exists, OuterRef, Prefetch

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
    """Organizations that run at least one live course, UN entities first (one query)."""
    runs_a_live_course = CoursePage.partner_organizations.through.objects.filter(
        organization_id=OuterRef("pk"), coursepage__live=True
    )
    return list(
        Organization.objects.filter(Exists(runs_a_live_course))
        .select_related("logo")
        .order_by("kind", "acronym")
    )
