"""The demo's practical details: an online session with its joining link (and a message
to its confirmed people, never mailed), an in-person one with venue and agenda."""

import pytest
from django.core import mail
from django.urls import reverse

from courses.demo import IN_PERSON_DEMO, ONLINE_DEMO, seed_practical_details
from courses.models import CohortMessage, Notice
from courses.sessions.services import generate_meetings
from tests.factories.courses import make_cohort, make_session

pytestmark = pytest.mark.django_db


def test_demo_sessions_get_link_venue_agenda_and_a_message(client, course, coordinator):
    online = make_session(
        course, code=ONLINE_DEMO, is_online=True, city="", country="", coordinators=[coordinator]
    )
    (confirmed,) = make_cohort(online, 1)
    vienna = make_session(course, code=IN_PERSON_DEMO, city="Vienna", country="AT")
    generate_meetings(session=vienna)

    assert seed_practical_details(coordinator=coordinator) == 2
    assert seed_practical_details(coordinator=coordinator) == 0  # safe to rerun
    online.refresh_from_db()
    assert online.online_url.startswith("https://")
    message = CohortMessage.objects.get(session=online)
    assert Notice.objects.get(message=message).sent_at is not None
    assert not mail.outbox  # discarded: the demo's addresses are made up

    client.force_login(confirmed.participant)
    html = client.get(reverse("my_learning")).content.decode()
    assert online.online_url in html and "pre-reading before we start" in html
    first = vienna.meetings.first()
    assert first.title.startswith("Opening") and first.resource_person
    assert "Hofburg Congress Centre" in client.get(course.url).content.decode()
