"""The demo's approval session asks an application form: answers with a CV, supervisors'
clearance in each state, recorded consent, all visible to its coordinator."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from courses.demo_applications import SESSION, seed_applications
from courses.models import ApplicationAnswer, ConsentRecord, SupervisorClearance

pytestmark = pytest.mark.django_db


def test_the_demo_has_applications_clearance_and_consent(demo_site, client, login):
    answers = ApplicationAnswer.objects.filter(enrollment__session__code=SESSION)
    files = answers.exclude(file="")
    assert files.count() == 3
    assert sorted(
        SupervisorClearance.objects.filter(enrollment__session__code=SESSION).values_list(
            "state", flat=True
        )
    ) == ["cleared", "declined", "pending"]
    assert ConsentRecord.objects.filter(session__code=SESSION).count() == 9
    coordinator = get_user_model().objects.get(username="coordinator")
    login(client, coordinator)
    cv = files.first()
    queue = client.get(
        reverse("course_review:review", args=[cv.enrollment.session_id])
    ).content.decode()
    assert "Your role in mediation support" in queue and "Cleared" in queue
    assert reverse("application_file", args=[cv.pk]) in queue
    response = client.get(reverse("application_file", args=[cv.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert seed_applications() == 0  # seeding again: nothing
