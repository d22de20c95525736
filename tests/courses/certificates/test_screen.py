"""The Certificates screen tells the truth when nobody has completed, refreshes itself
while a batch runs, shows states with their meaning, and asks before emailing a batch."""

import re

import pytest
from django.urls import reverse

from courses.certificates.services import issue_certificates
from courses.models import Certificate, Notice
from tests.factories.certificates import make_completers
from tests.factories.courses import make_cohort, make_session
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(course, coordinator):
    return make_session(course, code="mpd-2027", coordinators=[coordinator])


def screen(client, session) -> str:
    response = client.get(reverse("course_certificates:index", args=[session.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_session_nobody_completed_says_so_without_a_full_progress_bar(
    client, session, coordinator, login
):
    make_cohort(session, 3)  # confirmed, not evaluated yet
    login(client, coordinator)
    page = screen(client, session)
    assert "Nobody has completed this session yet" in page
    assert "Everyone who completed the session has a certificate" not in page
    assert "<progress" not in page
    assert "No certificate has been issued for this session yet." in page
    assert reverse("course_attendance:completion", args=[session.pk]) in page


def test_when_everyone_holds_a_certificate_the_screen_says_so(client, session, coordinator, login):
    make_completers(session, 2)
    issue_certificates(session=session, by=coordinator)
    login(client, coordinator)
    page = screen(client, session)
    assert "Everyone who completed the session has a certificate." in page
    assert "Nobody has completed" not in page


def test_while_a_batch_runs_the_page_refreshes_itself(client, session, coordinator, login):
    make_completers(session, 2)
    issue_certificates(session=session, by=coordinator)
    login(client, coordinator)
    page = screen(client, session)
    assert 'data-running="true"' in page
    assert "certificates.js" in page  # polls, then reloads the list when the batch is done
    assert '<noscript><meta http-equiv="refresh"' in page  # and without the script
    assert "Reload the list" not in page
    Certificate.objects.update(state=Certificate.State.SENT)
    page = screen(client, session)
    assert 'data-running="false"' in page
    assert 'http-equiv="refresh"' not in page


def test_states_are_tagged_with_their_meaning(client, session, coordinator, login):
    first, second, _third = make_completers(session, 3)
    issue_certificates(session=session, by=coordinator)
    states = Certificate.State
    for enrollment, state in ((first, states.SENT), (second, states.FAILED)):
        Certificate.objects.filter(enrollment=enrollment).update(state=state)
    login(client, coordinator)
    page = screen(client, session)
    tags = set(re.findall(r'concord-state--(\w+)" data-state="(\w+)"', page))
    assert tags == {("positive", "sent"), ("critical", "failed"), ("warning", "pending")}


def test_issuing_a_batch_asks_first_and_names_who_will_be_emailed(
    client, session, coordinator, login
):
    names = [(f"Name{i}", f"Person{i:02d}") for i in range(25)]
    make_completers(session, 25, names=names)
    login(client, coordinator)
    issue = reverse("course_certificates:issue", args=[session.pk])
    page = client.post(issue).content.decode()
    assert "25 people will be emailed" in page
    assert "Name0 Person00" in page and "Name19 Person19" in page
    assert "Name20 Person20" not in page and "and 5 more people." in page
    assert not Certificate.objects.exists() and not Notice.objects.exists()
    people = re.findall(r'name="people" value="(\d+)"', page)
    assert len(people) == 25
    # Someone completing meanwhile is not in what was confirmed: not emailed now.
    (late,) = make_completers(session, 1, names=[("Late", "Comer")])
    response = client.post(issue, {"confirm": "1", "people": people})
    assert response.status_code == 302
    assert Certificate.objects.count() == 25
    assert not Certificate.objects.filter(enrollment=late).exists()


def test_the_confirmation_cannot_issue_to_someone_of_another_session(
    client, session, coordinator, course, login
):
    other = make_session(course, code="other-2027", coordinators=[make_coordinator("o")])
    (stranger,) = make_completers(other, 1)
    login(client, coordinator)
    issue = reverse("course_certificates:issue", args=[session.pk])
    client.post(issue, {"confirm": "1", "people": [stranger.pk]})
    assert not Certificate.objects.exists()
