"""The review queue of a session with 500 applicants who answered its application form
(five answers each, a CV among them) and named a supervisor: the coordinator's page,
its queries (constant: ``tests/courses/enrollment/test_applications.py`` asserts it at
two sizes) and its time."""

from __future__ import annotations

from django.urls import reverse

from tests.bench.harness import measure
from tests.courses.enrollment.application_factories import (
    approval_session,
    bulk_applicants,
    make_form,
)
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

APPLICANTS = 500
PAGE = 50  # the queue shows 50 a page


def test_review_queue_500_applicants(client, catalog):
    coordinator = make_coordinator("bench-coordinator")
    session = approval_session(
        make_course(catalog, title="Mediation process design"),
        coordinators=[coordinator],
        capacity=40,
    )
    _form, questions = make_form(session, clearance=True)
    bulk_applicants(session, questions, APPLICANTS)
    client.force_login(coordinator)
    url = reverse("course_review:review", args=[session.pk])

    def check(response):
        assert response.status_code == 200
        assert response.context["paginator"].count == APPLICANTS
        assert len(response.context["queue"]) == PAGE
        assert response.content.decode().count('rel="noopener">CV A') == PAGE

    measure("review_queue_500_applicants", lambda: client.get(url), check=check, n=15, warmup=2)
