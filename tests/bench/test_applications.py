"""The review queue of a session with 500 applicants who answered its application form
(five answers each, a CV among them) and named a supervisor: the coordinator's page,
its queries (constant: ``tests/courses/enrollment/test_applications.py`` asserts it at
two sizes) and its time."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from courses.models import ApplicationAnswer, Enrollment, SupervisorClearance
from participants.models import Organization, Participant
from tests.bench.harness import measure
from tests.courses.enrollment.application_factories import approval_session, make_form
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator

APPLICANTS = 500


def _applicants(session, questions, n):
    User = get_user_model()
    organizations = list(Organization.objects.order_by("pk")[:12])
    users = User.objects.bulk_create(
        User(
            username=f"applicant{i}",
            email=f"applicant{i}@example.org",
            first_name=f"A{i:03d}",
            last_name="Applicant",
        )
        for i in range(n)
    )
    Participant.objects.bulk_create(
        Participant(
            user=user,
            organization=organizations[i % len(organizations)],
            job_title="Political affairs officer",
            duty_station="KE",
        )
        for i, user in enumerate(users)
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            session=session,
            participant=user,
            organization=organizations[i % len(organizations)],
            status=Enrollment.Status.REQUESTED,
            requested_at=now - datetime.timedelta(minutes=n - i),
        )
        for i, user in enumerate(users)
    )
    roles = ["Mediator", "Adviser"]
    answers = []
    for i, enrollment in enumerate(enrollments):
        answers += [
            ApplicationAnswer(
                enrollment=enrollment, question=questions["role"], value=roles[i % 2]
            ),
            ApplicationAnswer(
                enrollment=enrollment, question=questions["years"], value=str(i % 20)
            ),
            ApplicationAnswer(
                enrollment=enrollment, question=questions["french"], value=i % 3 == 0
            ),
            ApplicationAnswer(
                enrollment=enrollment,
                question=questions["languages"],
                value={"English": "fluent", "French": "working"},
            ),
            ApplicationAnswer(
                enrollment=enrollment,
                question=questions["cv"],
                file=f"{session.code}/{enrollment.pk}-cv.pdf",
                file_name=f"CV A{i:03d}.pdf",
                content_type="application/pdf",
            ),
        ]
    ApplicationAnswer.objects.bulk_create(answers, batch_size=1000)
    SupervisorClearance.objects.bulk_create(
        SupervisorClearance(
            enrollment=enrollment,
            supervisor_email=f"boss{i}@example.org",
            state=["pending", "cleared", "declined"][i % 3],
            expires_at=now + datetime.timedelta(days=21),
        )
        for i, enrollment in enumerate(enrollments)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE courses_enrollment, courses_applicationanswer")


def test_review_queue_500_applicants(client, catalog):
    coordinator = make_coordinator("bench-coordinator")
    session = approval_session(
        make_course(catalog, title="Mediation process design"),
        coordinators=[coordinator],
        capacity=40,
    )
    _form, questions = make_form(session, clearance=True)
    _applicants(session, questions, APPLICANTS)
    client.force_login(coordinator)
    url = reverse("course_review:review", args=[session.pk])

    def check(response):
        assert response.status_code == 200
        assert len(response.context["queue"]) == APPLICANTS
        assert response.content.decode().count('rel="noopener">CV A') == APPLICANTS

    measure("review_queue_500_applicants", lambda: client.get(url), check=check, n=15, warmup=2)
