"""Build pages the way editors do: add_child, then publish a revision."""

import itertools

from cms.models import CoursePage, ModulePage, ThematicArea
from participants.models import Organization

_seq = itertools.count(1)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_course(
    catalog,
    *,
    title=None,
    areas=("mediation",),
    partners=("DPPA", "AUC"),
    languages=("en",),
    mode="in_person",
    summary="A course of the joint programme.",
    featured=False,
    modules=0,
    live=True,
    **extra,
):
    n = next(_seq)
    title = title or f"Course {n}"
    course = CoursePage(
        title=title,
        slug=extra.pop("slug", f"course-{n}"),
        summary=summary,
        target_audience="<p>Political officers.</p>",
        duration_hours=extra.pop("duration_hours", 20),
        languages=list(languages),
        delivery_mode=mode,
        featured=featured,
        learning_outcomes=[{"type": "item", "value": "Design a process"}],
        live=live,
        **extra,
    )
    course.thematic_areas = list(ThematicArea.objects.filter(slug__in=areas))
    course.partner_organizations = list(Organization.objects.filter(acronym__in=partners))
    catalog.add_child(instance=course)
    if live:
        publish(course)
    for _ in range(modules):
        make_module(course)
    return course


def make_module(course, *, title=None, body_text="Mediation starts with listening.", minutes=45):
    n = next(_seq)
    module = ModulePage(
        title=title or f"Module {n}",
        slug=f"module-{n}",
        estimated_minutes=minutes,
        learning_objectives=[{"type": "item", "value": "Understand the basics"}],
        body=[
            {"type": "heading", "value": "Introduction"},
            {"type": "paragraph", "value": f"<p>{body_text}</p>"},
            {"type": "key_takeaways", "value": ["Listen first."]},
        ],
    )
    course.add_child(instance=module)
    return publish(module)
