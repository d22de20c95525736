"""Withdrawing from a session: a confirmation page that says what happens to the seat,
an optional reason the coordinators read, an email, and a way back while enrollment is
open (at the back of the line, by the session's policy, on the same row)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from config.celery import app as celery_app
from courses.audit import REENROLL_ACTION, WITHDRAW_ACTION
from courses.enrollment.selectors import waitlist_position
from courses.enrollment.services import EnrollmentError, decide, enroll, withdraw
from courses.models import CourseSession, Enrollment, Notice
from tests.factories.courses import make_profile, make_session
from tests.factories.users import make_coordinator, make_participant

pytestmark = pytest.mark.django_db

S = Enrollment.Status


@pytest.fixture(autouse=True)
def tasks_run_here():
    """Celery runs each queued task in this process, as a worker would."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


def person(username, language="en", acronym="DPPA"):
    user = make_participant(username)
    make_profile(user, acronym, preferred_language=language)
    return user


def later(minutes):
    return timezone.now() + datetime.timedelta(minutes=minutes)


# --- the service ------------------------------------------------------------------------


def test_withdrawal_keeps_the_reason_emails_and_tells_the_coordinators(
    course, django_capture_on_commit_callbacks
):
    session = make_session(course, capacity=1)
    amina, kwame = person("amina"), person("kwame")
    with django_capture_on_commit_callbacks(execute=True):
        held = enroll(participant=amina, session=session)
        enroll(participant=kwame, session=session)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        withdraw(enrollment=held, by=amina, reason="  A mission to Juba the same week.  ")
        assert mail.outbox == []  # the confirmation leaves only after commit
    for callback in callbacks:
        callback()

    held.refresh_from_db()
    assert (held.status, held.reason) == (S.WITHDRAWN, "A mission to Juba the same week.")
    notice = Notice.objects.get(enrollment=held, kind=Notice.Kind.WITHDRAWN)
    assert notice.sent_at is not None
    by_recipient = {message.to[0]: message for message in mail.outbox}
    confirmation = by_recipient["amina@example.org"]
    assert confirmation.subject == "You have withdrawn from Mediation process design"
    assert "you may enroll again" in confirmation.body
    assert "You have withdrawn" in confirmation.alternatives[0][0]
    assert by_recipient["kwame@example.org"].subject.startswith("A seat freed up")

    entry = ModelLogEntry.objects.get(action=WITHDRAW_ACTION, object_id=str(session.pk))
    assert entry.data["reason"] == "A mission to Juba the same week."
    assert entry.data["from"] == S.CONFIRMED
    assert entry.data["promoted"] == [Enrollment.objects.get(participant=kwame).pk]

    # Withdrawing again changes nothing: no second email, no second entry.
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(enrollment=held, by=amina, reason="Again")
    assert Notice.objects.filter(kind=Notice.Kind.WITHDRAWN).count() == 1
    assert ModelLogEntry.objects.filter(action=WITHDRAW_ACTION).count() == 1


def test_french_speakers_get_their_withdrawal_in_french(course, django_capture_on_commit_callbacks):
    session = make_session(course)
    aminata = person("aminata", language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enroll(participant=aminata, session=session)
        withdraw(enrollment=enrollment, by=aminata)
    assert mail.outbox[-1].subject == "Vous vous êtes retiré de Mediation process design"


def test_coming_back_puts_the_person_at_the_back_of_the_line(course):
    session = make_session(course, capacity=1)
    first, second, third = person("first"), person("second"), person("third")
    enroll(participant=first, session=session, now=later(1))
    waiting = enroll(participant=second, session=session, now=later(2))
    enroll(participant=third, session=session, now=later(3))
    assert waitlist_position(Enrollment.objects.get(pk=waiting.pk)) == 1

    withdraw(enrollment=waiting, by=second, now=later(4))
    comeback = later(5)
    back = enroll(participant=second, session=session, now=comeback)

    assert back.pk == waiting.pk  # the same row: one per pair, ever
    assert Enrollment.objects.filter(session=session, participant=second).count() == 1
    back.refresh_from_db()
    assert back.status == S.WAITLISTED
    assert back.requested_at == back.waitlisted_at == comeback
    assert back.waitlisted_at > Enrollment.objects.get(participant=third).waitlisted_at
    assert waitlist_position(back) == 2  # behind the person who was behind them
    entry = ModelLogEntry.objects.get(action=REENROLL_ACTION, object_id=str(session.pk))
    assert entry.data["to"] == S.WAITLISTED


def test_coming_back_under_approval_is_a_new_request(course, django_capture_on_commit_callbacks):
    coordinator = make_coordinator()
    session = make_session(course, policy="approval", coordinators=[coordinator])
    amina = person("amina")
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = enroll(participant=amina, session=session)
        decide(enrollment=enrollment, decision=S.CONFIRMED, by=coordinator)
        withdraw(enrollment=enrollment, by=amina, reason="Changed posts")
        back = enroll(participant=amina, session=session)

    back.refresh_from_db()
    assert (back.pk, back.status) == (enrollment.pk, S.REQUESTED)
    assert (back.decided_by, back.decided_at, back.reason) == (None, None, "")
    # A second "request received" email: the coordinators will decide again.
    subjects = [message.subject for message in mail.outbox]
    assert subjects.count("We received your request for Mediation process design") == 2


def test_no_way_back_once_enrollment_closes_or_by_nomination(course):
    session = make_session(course)
    amina = person("amina")
    enrollment = enroll(participant=amina, session=session)
    withdraw(enrollment=enrollment, by=amina)
    CourseSession.objects.filter(pk=session.pk).update(enrollment_closes_at=later(-1))
    session.refresh_from_db()
    with pytest.raises(EnrollmentError, match="not open"):
        enroll(participant=amina, session=session)
    enrollment.refresh_from_db()
    assert enrollment.status == S.WITHDRAWN

    nominated = make_session(course, policy="nomination")
    other = Enrollment.objects.create(
        session=nominated,
        participant=amina,
        organization=enrollment.organization,
        status=S.CONFIRMED,
    )
    withdraw(enrollment=other, by=amina)
    with pytest.raises(EnrollmentError, match="focal point nominates"):
        enroll(participant=amina, session=nominated)


# --- the pages --------------------------------------------------------------------------


def test_withdrawal_asks_first_and_says_what_happens_to_the_seat(client, course):
    session = make_session(course, capacity=1)
    amina = person("amina")
    held = enroll(participant=amina, session=session)
    for name in ("kwame", "lena"):
        enroll(participant=person(name), session=session)
    client.force_login(amina)

    my_learning = client.get(reverse("my_learning")).content.decode()
    assert f'href="{reverse("withdraw", args=[held.pk])}"' in my_learning  # a link, not a POST

    page = client.get(reverse("withdraw", args=[held.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "first of the 2 people on the waitlist" in html
    assert "you may enroll again until" in html
    assert 'name="reason"' in html
    held.refresh_from_db()
    assert held.status == S.CONFIRMED  # GET changes nothing

    response = client.post(
        reverse("withdraw", args=[held.pk]), {"reason": "Mission travel"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("my_learning")
    html = response.content.decode()
    assert "You have withdrawn from Mediation process design" in html
    assert "Enroll again" in html  # My learning offers the way back
    held.refresh_from_db()
    assert (held.status, held.reason) == (S.WITHDRAWN, "Mission travel")

    # The same form posted again (a second tab, the back button) says so, changes nothing.
    again = client.post(reverse("withdraw", args=[held.pk]), {"reason": "Other"}, follow=True)
    assert "You have already withdrawn from this session." in again.content.decode()
    held.refresh_from_db()
    assert held.reason == "Mission travel"
    assert Notice.objects.filter(enrollment=held, kind=Notice.Kind.WITHDRAWN).count() == 1


def test_a_waitlisted_or_requested_person_reads_what_they_give_up(client, course):
    session = make_session(course, capacity=1)
    enroll(participant=person("first"), session=session)
    amina = person("amina")
    waiting = enroll(participant=amina, session=session)
    enroll(participant=person("third"), session=session)
    client.force_login(amina)
    html = client.get(reverse("withdraw", args=[waiting.pk])).content.decode()
    assert "the person behind you moves up one place" in html

    approval = make_session(course, policy="approval")
    request = enroll(participant=amina, session=approval)
    html = client.get(reverse("withdraw", args=[request.pk])).content.decode()
    assert "Your request is cancelled" in html


def test_the_course_page_offers_to_enroll_again_after_withdrawing(client, course):
    session = make_session(course, capacity=5)
    amina = person("amina")
    enrollment = enroll(participant=amina, session=session)
    client.force_login(amina)
    client.post(reverse("withdraw", args=[enrollment.pk]))

    html = client.get(course.url).content.decode()
    assert "You withdrew from this session" in html
    assert "Enroll again" in html
    assert reverse("enroll", args=[session.code]) in html

    response = client.post(reverse("enroll", args=[session.code]), follow=True)
    assert "Your place in Mediation process design is confirmed" in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == S.CONFIRMED


def test_a_withdrawal_too_long_a_reason_is_explained_and_changes_nothing(client, course):
    amina = person("amina")
    enrollment = enroll(participant=amina, session=make_session(course))
    client.force_login(amina)
    response = client.post(reverse("withdraw", args=[enrollment.pk]), {"reason": "x" * 1001})
    assert response.status_code == 400
    assert "You have not withdrawn" in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == S.CONFIRMED


def test_others_enrollments_are_404_and_started_sessions_cannot_be_withdrawn(client, course):
    amina, kwame = person("amina"), person("kwame")
    theirs = enroll(participant=kwame, session=make_session(course))
    client.force_login(amina)
    assert client.get(reverse("withdraw", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("withdraw", args=[theirs.pk])).status_code == 404

    started = make_session(
        course, starts_on=timezone.localdate(), ends_on=timezone.localdate(), status="in_progress"
    )
    mine = Enrollment.objects.create(
        session=started, participant=amina, organization=theirs.organization, status=S.CONFIRMED
    )
    response = client.get(reverse("withdraw", args=[mine.pk]), follow=True)
    assert "can no longer be withdrawn" in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == S.CONFIRMED


def test_the_session_history_shows_the_withdrawal_and_its_reason(client, course):
    coordinator = make_coordinator()
    session = make_session(course, coordinators=[coordinator])
    amina = person("amina")
    amina.first_name, amina.last_name = "Amina", "Diallo"
    amina.save()
    withdraw(enrollment=enroll(participant=amina, session=session), by=amina, reason="Sick leave")
    client.force_login(coordinator)
    html = client.get(reverse("course_sessions:history", args=[session.pk])).content.decode()
    assert "Amina Diallo withdrew" in html
    assert "Sick leave" in html


@pytest.mark.parametrize(
    ("language", "first_day", "closes"),
    [
        ("en", "March 1, 2027", "Feb. 25, 2027"),
        ("zh-hans", "2027年3月1日", "2027年2月25日"),
        ("ru", "1 марта 2027 г.", "25 февраля 2027 г."),  # noqa: RUF001 - Russian letters
    ],
)
def test_the_withdrawal_page_writes_dates_as_its_language_does(
    client, course, language, first_day, closes
):
    """Dates go through ``courses.dates`` (the language's own format): not "1 三月 2027"
    in Chinese or "1 Март 2027" in Russian, as a fixed "j F Y" printed them; the closing
    moment on the session's clock."""
    session = make_session(
        course,
        starts_on=datetime.date(2027, 3, 1),
        ends_on=datetime.date(2027, 3, 5),
        timezone="Africa/Addis_Ababa",
        enrollment_closes_at=datetime.datetime(2027, 2, 25, 20, 0, tzinfo=datetime.UTC),
    )
    amina = person("amina", language=language)
    held = enroll(participant=amina, session=session)
    client.force_login(amina)
    html = client.get(
        reverse("withdraw", args=[held.pk]), headers={"accept-language": language}
    ).content.decode()
    assert first_day in html
    assert closes in html


def test_withdrawing_through_the_page_is_one_locking_statement_that_promotes_and_logs(
    client, course, django_capture_on_commit_callbacks
):
    """The withdraw POST reads nothing before the lock (issue 20): the user with their
    organization, then ``concord_withdraw_logged``, which checks that the enrollment is
    theirs, withdraws it, promotes the next in line and writes the history entry."""
    session = make_session(course, capacity=1)
    amina, kwame = person("amina"), person("kwame")
    amina.first_name, amina.last_name = "Amina", "Diallo"
    amina.save()
    held = enroll(participant=amina, session=session)
    waiting = enroll(participant=kwame, session=session)
    client.force_login(amina)
    client.get(reverse("my_learning"))  # the session is read; the site is cached
    ContentType.objects.get_for_model(CourseSession)  # cached, as in a running server
    mail.outbox.clear()

    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.post(reverse("withdraw", args=[held.pk]), {"reason": " Sick leave "})
    assert response.status_code == 302 and response.url == reverse("my_learning")
    assert [q["sql"].split()[0] for q in queries] == ["SELECT", "SAVEPOINT", "SELECT", "RELEASE"]
    assert "concord_withdraw_logged" in queries[2]["sql"]

    held.refresh_from_db()
    waiting.refresh_from_db()
    assert (held.status, held.reason, held.decided_by) == (S.WITHDRAWN, "Sick leave", amina)
    assert waiting.status == S.CONFIRMED
    entry = ModelLogEntry.objects.get(action=WITHDRAW_ACTION)
    assert (entry.object_id, entry.label, entry.user) == (
        str(session.pk),
        str(CourseSession.objects.get(pk=session.pk)),
        amina,
    )
    assert entry.data == {
        "participant": "Amina Diallo",
        "enrollment": held.pk,
        "from": S.CONFIRMED,
        "reason": "Sick leave",
        "promoted": [waiting.pk],
    }
    assert {m.to[0] for m in mail.outbox} == {amina.email, kwame.email}
    page = client.get(reverse("my_learning")).content.decode()
    assert f"You have withdrawn from {course.title}" in page

    # Again (a second tab): nothing changes, and the page says so.
    response = client.post(reverse("withdraw", args=[held.pk]), follow=True)
    assert "already withdrawn" in response.content.decode()
    assert ModelLogEntry.objects.filter(action=WITHDRAW_ACTION).count() == 1
