"""The focal point's page: their organization's enrollments, and nominating colleagues."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Enrollment
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

URL = reverse("focal_point")


@pytest.fixture
def focal():
    user = make_participant("fatou")
    user.first_name, user.last_name = "Fatou", "Sow"
    user.save()
    make_profile(user, "AUC", job_title="Head of training")
    FocalPoint.objects.create(user=user, organization=Organization.objects.get(acronym="AUC"))
    return user


def colleague(username, acronym="AUC", **names):
    user = make_participant(username)
    user.first_name = names.get("first", username.title())
    user.last_name = names.get("last", "")
    user.save()
    return make_profile(user, acronym, job_title=names.get("job_title", "Political officer"))


def nominate(client, profile, session, justification="Leads our mediation support unit.", **query):
    url = URL + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    return client.post(
        url,
        {"colleague": profile.pk, "session": session.pk, "justification": justification},
        follow=True,
    )


def snapshot():
    return list(Enrollment.objects.order_by("pk").values())


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_people_who_are_not_focal_points_get_404(client, course):
    member = colleague("amina")
    session = make_session(course, policy="open")
    client.force_login(member.user)
    assert client.get(URL).status_code == 404
    response = client.post(
        URL, {"colleague": member.pk, "session": session.pk, "justification": "Me."}
    )
    assert response.status_code == 404
    assert not Enrollment.objects.exists()


def test_an_organization_one_is_not_focal_point_of_is_404(client, focal):
    client.force_login(focal)
    assert client.get(URL + "?org=DPPA").status_code == 404
    assert client.get(URL + "?org=NOPE").status_code == 404
    assert client.get(URL + "?org=AUC").status_code == 200


def test_focal_point_of_several_organizations_picks_one(client, course, focal):
    FocalPoint.objects.create(user=focal, organization=Organization.objects.get(acronym="DPPA"))
    session = make_session(course, code="mpd-shared")
    auc, dppa = colleague("kwame", "AUC"), colleague("lena", "DPPA")
    for profile in (auc, dppa):
        Enrollment.objects.create(
            session=session,
            participant=profile.user,
            organization=profile.organization,
            status=Enrollment.Status.CONFIRMED,
        )
    client.force_login(focal)
    first = client.get(URL).content.decode()  # AUC comes first by acronym
    assert "Kwame" in first and "Lena" not in first
    assert 'value="DPPA"' in first  # the choice of organization
    other = client.get(URL + "?org=DPPA").content.decode()
    assert "Lena" in other and "Kwame" not in other
    # Colleagues offered are those of the organization shown.
    assert f'value="{dppa.pk}"' in other and f'value="{auc.pk}"' not in other


def test_focal_point_sees_only_their_organizations_enrollments(client, course, focal):
    session = make_session(course, code="mpd-nairobi", capacity=1, city="Nairobi", country="KE")
    past = make_session(
        course,
        code="mpd-2025",
        status="completed",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 3, 7),
    )
    ours = colleague("kwame", first="Kwame", last="Mensah", job_title="Mediation adviser")
    waiting = colleague("zainab", first="Zainab", last="Bello")
    theirs = colleague("lena", "DPPA", first="Lena", last="Vogt", job_title="Desk officer")
    for profile in (theirs, ours, waiting):  # Lena takes the only seat
        client.force_login(profile.user)
        client.post(reverse("enroll", args=[session.code]))
    Enrollment.objects.create(
        session=past,
        participant=ours.user,
        organization=ours.organization,
        status=Enrollment.Status.COMPLETED,
    )

    client.force_login(focal)
    html = client.get(URL).content.decode()
    assert "Kwame Mensah" in html and "Mediation adviser" in html
    assert "Zainab Bello" in html
    assert "Number 2 on the waitlist" in html  # behind Kwame, in a line Lena is not in
    assert "Lena Vogt" not in html and "Desk officer" not in html
    assert "Mediation process design" in html and "mpd-nairobi" in html
    assert "Nairobi, Kenya" in html
    listing = html.split('id="upcoming-heading"')[1]
    assert listing.index("mpd-nairobi") < listing.index("Past sessions")
    assert listing.index("Past sessions") < listing.index("mpd-2025")


def test_nominating_into_a_nomination_session_makes_a_request(client, course, focal):
    session = make_session(course, policy="nomination")
    kwame = colleague("kwame", first="Kwame", last="Mensah")
    client.force_login(focal)
    response = nominate(client, kwame, session, justification="  Leads our mediation unit. ")
    assert response.redirect_chain[-1][0] == URL
    enrollment = Enrollment.objects.get(session=session, participant=kwame.user)
    assert enrollment.status == Enrollment.Status.REQUESTED
    assert enrollment.nominated_by == focal
    assert enrollment.justification == "Leads our mediation unit."
    assert enrollment.organization.acronym == "AUC"
    html = response.content.decode()
    assert "Kwame Mensah is nominated for Mediation process design" in html
    assert "Requested" in html and "Nominated by Fatou Sow" in html


def test_nominating_into_an_open_session_confirms_or_waitlists(client, course, focal):
    session = make_session(course, policy="open", capacity=1)
    first, second = colleague("kwame"), colleague("zainab")
    client.force_login(focal)
    response = nominate(client, first, session)
    assert "their place is confirmed" in response.content.decode()
    assert Enrollment.objects.get(participant=first.user).status == Enrollment.Status.CONFIRMED
    response = nominate(client, second, session)
    assert "number 1 on the waitlist" in response.content.decode()
    enrollment = Enrollment.objects.get(participant=second.user)
    assert enrollment.status == Enrollment.Status.WAITLISTED
    assert enrollment.nominated_by == focal


def test_nominating_someone_already_enrolled_changes_nothing(client, course, focal):
    session = make_session(course, policy="open")
    kwame = colleague("kwame", first="Kwame", last="Mensah")
    client.force_login(kwame.user)
    client.post(reverse("enroll", args=[session.code]))
    before = snapshot()

    client.force_login(focal)
    response = nominate(client, kwame, session)
    html = response.content.decode()
    assert "Kwame Mensah already has an enrollment" in html and "(Confirmed)" in html
    assert "is nominated" not in html
    assert snapshot() == before


def test_a_colleague_of_another_organization_is_refused(client, course, focal):
    session = make_session(course, policy="nomination")
    foreign = colleague("lena", "DPPA")
    client.force_login(focal)
    response = nominate(client, foreign, session)
    assert response.status_code == 200
    assert "Choose a colleague from your organization." in response.content.decode()
    assert not Enrollment.objects.exists()


def test_focal_points_do_not_nominate_themselves(client, course, focal):
    session = make_session(course, policy="nomination")
    client.force_login(focal)
    html = client.get(URL).content.decode()
    assert f'value="{focal.participant.pk}"' not in html
    response = nominate(client, focal.participant, session)
    assert "Choose a colleague from your organization." in response.content.decode()
    assert not Enrollment.objects.exists()


def test_a_justification_is_required(client, course, focal):
    session = make_session(course, policy="open")
    kwame = colleague("kwame")
    client.force_login(focal)
    for blank in ("", "   "):
        response = nominate(client, kwame, session, justification=blank)
        assert "Say in a few words why you nominate this person." in response.content.decode()
    response = nominate(client, kwame, session, justification="x" * 1001)
    assert "at most 1000 characters" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_sessions_not_open_for_enrollment_are_refused(client, course, focal):
    now = datetime.datetime.now(datetime.UTC)
    closed = make_session(course, status="closed")
    not_yet = make_session(
        course,
        enrollment_opens_at=now + datetime.timedelta(days=2),
        enrollment_closes_at=now + datetime.timedelta(days=9),
    )
    draft = make_session(course, status="draft")
    kwame = colleague("kwame")
    client.force_login(focal)
    html = client.get(URL).content.decode()
    for session in (closed, not_yet, draft):
        assert f'value="{session.pk}"' not in html
        response = nominate(client, kwame, session)
        assert "Choose a session that is open for enrollment." in response.content.decode()
    response = client.post(
        URL, {"colleague": kwame.pk, "session": "999999", "justification": "Forged."}
    )
    assert "Choose a session that is open for enrollment." in response.content.decode()
    assert not Enrollment.objects.exists()


def test_get_never_changes_anything(client, course, focal):
    session = make_session(course, policy="open")
    kwame = colleague("kwame")
    client.force_login(focal)
    query = f"?colleague={kwame.pk}&session={session.pk}&justification=Sneaky"
    for url in (URL, URL + query, URL + "?org=AUC&" + query[1:]):
        response = client.get(url)
        assert response.status_code == 200
        assert "is nominated" not in response.content.decode()
        assert 'class="error-summary"' not in response.content.decode()
    assert not Enrollment.objects.exists()


def test_the_page_runs_a_fixed_number_of_queries(client, catalog, focal):
    client.force_login(focal)

    def count():
        client.get(URL)  # shows, and so clears, the pending messages
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    def grow(n):
        """n more courses, each with an open session of one seat and two of our staff
        (one confirmed, one waitlisted, both nominated), and one of another organization."""
        for _ in range(n):
            session = make_session(make_course(catalog), capacity=1)
            for _ in range(2):
                nominate(client, colleague(f"staff{Enrollment.objects.count()}"), session)
            other = colleague(f"other{Enrollment.objects.count()}", "DPPA")
            Enrollment.objects.create(
                session=session,
                participant=other.user,
                organization=other.organization,
                status=Enrollment.Status.REQUESTED,
            )

    grow(1)
    small = count()
    grow(4)
    assert Enrollment.objects.filter(organization__acronym="AUC").count() == 10
    assert count() == small
