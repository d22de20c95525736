"""My learning with agendas, joining details and messages: the same queries for a
participant in 2 sessions as in 20 (no query per session, sitting or message)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.messaging.services import send_cohort_message
from courses.models import Enrollment
from courses.sessions.services import generate_meetings
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db


def queries_for(client, user):
    client.force_login(user)
    client.get(reverse("my_learning"))  # warm the session and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("my_learning"))
    assert response.status_code == 200
    return len(captured), response.content.decode()


def participant_in(course, coordinator, n, name):
    user = make_participant(name)
    make_profile(user)
    for i in range(n):
        session = make_session(
            course,
            code=f"{name}-{i}",
            online_url=f"https://meet.example.org/{name}/{i}",
            venue_name="Kenyatta Centre",
            coordinators=[coordinator],
        )
        generate_meetings(session=session)
        Enrollment.objects.create(
            session=session,
            participant=user,
            organization=user.participant.organization,
            status="confirmed",
        )
        send_cohort_message(
            session=session, by=coordinator, audience="confirmed", subject="Hi", body="{course}"
        )
    return user


def test_my_learning_queries_do_not_grow_with_sessions(client, course, coordinator):
    few, _ = queries_for(client, participant_in(course, coordinator, 2, "few"))
    many, html_many = queries_for(client, participant_in(course, coordinator, 20, "many"))
    assert html_many.count("https://meet.example.org/many/") >= 20
    assert html_many.count("1 message from the coordinators") == 20
    assert many == few
