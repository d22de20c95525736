"""Training modules are for the people a course is run for and by."""

import pytest

from cms.services import assign_trainer
from courses.enrollment.services import enroll, withdraw
from courses.models import Enrollment
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_coordinator, make_participant, make_trainer, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalog):
    course = make_course(catalog, title="Mediation process design")
    make_module(course, title="Readiness for mediation", body_text="Consent comes first.")
    return course


@pytest.fixture
def module(course):
    return course.get_children().specific().get()


def reads(client, user, module):
    client.force_login(user)
    response = client.get(module.url)
    return response.status_code == 200 and "Consent comes first." in response.content.decode()


def test_confirmed_participants_read_and_others_are_invited_to_enroll(client, course, module):
    session = make_session(course, capacity=1)
    confirmed, waitlisted = make_participant("confirmed"), make_participant("waitlisted")
    for user in (confirmed, waitlisted):
        make_profile(user)
        enroll(participant=user, session=session)
    assert reads(client, confirmed, module)

    client.force_login(waitlisted)
    response = client.get(module.url, follow=True)
    assert response.redirect_chain[-1][0] == course.url + "#sessions"
    html = response.content.decode()
    assert "Enroll in a session below" in html and "Consent comes first." not in html

    withdraw(enrollment=Enrollment.objects.get(participant=confirmed), by=confirmed)
    assert not reads(client, confirmed, module)


def test_people_who_run_or_edit_the_course_read_it(client, course, module):
    coordinator = make_coordinator()
    session_trainer, assigned_trainer = make_trainer("session-trainer"), make_trainer("assigned")
    session = make_session(course, coordinators=[coordinator])
    session.trainers.add(session_trainer)
    assign_trainer(course=course, user=assigned_trainer, assigned_by=coordinator)
    for user in (coordinator, session_trainer, assigned_trainer):
        assert reads(client, user, module), user
    assert reads(client, make_user("root", superuser=True), module)
    assert not reads(client, make_trainer("another-courses-trainer"), module)


def test_the_course_page_offers_the_modules_only_to_who_may_open_them(client, course, module):
    session = make_session(course, capacity=1)
    confirmed, waitlisted = make_participant("confirmed"), make_participant("waitlisted")
    for user in (confirmed, waitlisted):
        make_profile(user)
        enroll(participant=user, session=session)

    client.force_login(waitlisted)
    html = client.get(course.url).content.decode()
    assert "Start the first module" not in html
    assert f'href="{module.url}"' not in html  # the module list names them without links
    assert "The modules open to confirmed participants" in html

    client.force_login(confirmed)
    html = client.get(course.url).content.decode()
    assert "Start the first module" in html
    assert f'href="{module.url}"' in html
    assert "The modules open to confirmed participants" not in html
