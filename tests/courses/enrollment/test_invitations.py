"""Invitations: invitation-only sessions, invites one by one and by list, the link's
rules (single use, expiry, revocation, resend, forwarded), accepting through the site,
declining, the emails, and the coordinators' screens."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from config.celery import app as celery_app
from courses.audit import INVITATION_ACCEPT_ACTION, INVITE_ACTION, NOMINATE_ACTION
from courses.enrollment import invitations
from courses.enrollment.invitations import InvitationError, Invitee
from courses.enrollment.services import EnrollmentError, enroll
from courses.models import Enrollment, Invitation, Notice
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_cohort, make_profile, make_session
from tests.factories.users import make_coordinator, make_participant, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_run_here():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def session(course, coordinator):
    return make_session(course, code="hlm-1", policy="invitation", coordinators=[coordinator])


def invite_one(session, coordinator, email="amina@example.org", **kwargs):
    (invitation,) = invitations.invite(
        session=session, by=coordinator, rows=[Invitee(1, email, "Amina Diallo", "AU")], **kwargs
    )
    return invitation


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitations/[0-9a-f]+/", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def sent_invitation(session, coordinator, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_one(session, coordinator, **kwargs)
    return invitation, path_of(link_in(mail.outbox[-1]))


def invitee(email="amina@example.org", username="amina", profile=True):
    user = make_participant(username)
    user.email = email
    user.save(update_fields=["email"])
    if profile:
        make_profile(user, "AUC")
    return user


# ---------------------------------------------------------------------- policy


def test_an_invitation_only_session_refuses_self_enrollment(session):
    user = invitee()
    with pytest.raises(EnrollmentError, match="by invitation only"):
        enroll(participant=user, session=session)
    assert not Enrollment.objects.exists()


# ---------------------------------------------------------------------- the link


def test_the_email_carries_a_link_whose_token_is_not_stored(
    session, coordinator, django_capture_on_commit_callbacks
):
    invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation.refresh_from_db()
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    assert token not in {str(v) for v in stored.values()}
    assert invitation.token_hash == invitations.hash_token(token)
    assert mail.outbox[-1].to == ["amina@example.org"]
    assert "Mediation process design" in mail.outbox[-1].subject
    assert invitation.state == Invitation.State.SENT
    notice = Notice.objects.get(invitation=invitation, kind=Notice.Kind.INVITATION)
    assert notice.sent_at is not None
    log = ModelLogEntry.objects.get(action=INVITE_ACTION)
    assert log.data["emails"] == ["amina@example.org"]


def test_an_invitee_with_an_account_accepts_and_is_confirmed(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    user = invitee()
    client.force_login(user)
    page = client.get(path)
    assert "Accept the invitation" in page.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.OPENED

    response = client.post(path, {"action": "accept"})

    assert response.status_code == 302 and response.url == reverse("my_learning")
    enrollment = Enrollment.objects.get(session=session, participant=user)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.ACCEPTED
    assert invitation.enrollment == enrollment
    assert ModelLogEntry.objects.filter(action=INVITATION_ACCEPT_ACTION).exists()


def test_requested_outcome_leaves_the_decision_to_the_coordinators(session, coordinator):
    invitation = invite_one(session, coordinator, outcome=Invitation.Outcome.REQUESTED)
    enrollment = invitations.accept(invitation=invitation, user=invitee())
    assert enrollment.status == Enrollment.Status.REQUESTED


def test_a_full_session_waitlists_an_invitee_promised_a_place(course, coordinator):
    session = make_session(course, policy="invitation", capacity=1, coordinators=[coordinator])
    make_cohort(session, 1, prefix="full")
    invitation = invite_one(session, coordinator)
    enrollment = invitations.accept(invitation=invitation, user=invitee())
    assert enrollment.status == Enrollment.Status.WAITLISTED


def test_a_visitor_without_an_account_is_led_to_sign_up_with_the_address(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    _invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    page = client.get(path).content.decode()
    assert "Create my account" in page
    assert "email=amina%40example.org" in page
    # The link proved the address: allauth verifies it on sign-up.
    assert client.session["account_verified_email"] == "amina@example.org"


def test_a_forwarded_link_is_refused_with_no_enrollment(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    someone_else = invitee("colleague@example.org", "colleague")
    client.force_login(someone_else)

    page = client.get(path)
    response = client.post(path, {"action": "accept"})

    assert page.status_code == 403 and "a•••@example.org" in page.content.decode()
    assert response.status_code == 403
    assert "not to the account you are signed in with" in response.content.decode()
    assert not Enrollment.objects.exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_verified_second_address_of_the_account_is_the_invitee(session, coordinator):
    user = invitee("main@example.org", "main")
    EmailAddress.objects.create(user=user, email="amina@example.org", verified=True)
    invitation = invite_one(session, coordinator)
    assert invitations.accept(invitation=invitation, user=user).status == "confirmed"


@pytest.mark.parametrize("state", ["expired", "revoked", "declined"])
def test_expired_revoked_or_declined_links_are_refused(
    client, session, coordinator, django_capture_on_commit_callbacks, state
):
    invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    elif state == "revoked":
        invitations.revoke(invitation=invitation, by=coordinator)
    else:
        invitations.decline(invitation=invitation)
    client.force_login(invitee())

    page = client.get(path)
    response = client.post(path, {"action": "accept"})

    assert page.status_code == 410
    assert response.status_code == 409
    assert "cannot be used" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_a_used_link_is_refused_to_anyone_else(session, coordinator):
    invitation = invite_one(session, coordinator)
    first = invitee()
    invitations.accept(invitation=invitation, user=first)
    # The same address on another account cannot exist (unique emails); a second account
    # that verified it later would still meet a used link.
    other = invitee("other@example.org", "other")
    EmailAddress.objects.create(user=other, email="amina2@example.org", verified=True)
    invitation.refresh_from_db()
    Invitation.objects.filter(pk=invitation.pk).update(email="other@example.org")
    invitation.refresh_from_db()
    with pytest.raises(InvitationError, match="used already"):
        invitations.accept(invitation=invitation, user=other)
    assert Enrollment.objects.filter(session=session).count() == 1


def test_accepting_twice_returns_the_same_enrollment(session, coordinator):
    invitation = invite_one(session, coordinator)
    user = invitee()
    first = invitations.accept(invitation=invitation, user=user)
    invitation.refresh_from_db()
    assert invitations.accept(invitation=invitation, user=user).pk == first.pk
    assert Enrollment.objects.count() == 1


def test_a_profile_is_asked_for_before_accepting(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    _invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    client.force_login(invitee(profile=False))
    assert "Complete my profile" in client.get(path).content.decode()
    response = client.post(path, {"action": "accept"})
    assert response.status_code == 302 and response.url.startswith(reverse("profile"))
    assert not Enrollment.objects.exists()


def test_resending_kills_the_old_link(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    invitation, old_path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        invitations.resend(invitation=invitation, by=coordinator)
    new_path = path_of(link_in(mail.outbox[-1]))
    assert new_path != old_path
    client.force_login(invitee())
    assert client.get(old_path).status_code == 404
    assert client.get(new_path).status_code == 200


def test_the_invitee_may_decline_without_an_account(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    response = client.post(path, {"action": "decline"})
    assert "You declined" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.DECLINED


def test_get_does_not_accept(client, session, coordinator, django_capture_on_commit_callbacks):
    _invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    client.force_login(invitee())
    client.get(path)
    assert not Enrollment.objects.exists()


# ---------------------------------------------------------------------- lists


def test_each_bad_row_is_reported_and_nothing_is_added(session, coordinator):
    invite_one(session, coordinator, email="invited@example.org")
    enrolled = invitee("enrolled@example.org", "enrolled")
    Enrollment.objects.create(
        session=session,
        participant=enrolled,
        organization=Organization.objects.get(acronym="AUC"),
        status="confirmed",
    )
    rows = invitations.parse_list(
        "email,name,organization\n"
        "good@example.org,Good One,AU\n"
        "not-an-email,Bad,AU\n"
        "good@example.org,Twice,AU\n"
        "Enrolled@Example.org,Enrolled,AU\n"
        "invited@example.org,Invited,AU\n"
        "other@example.org;Semicolon;OSCE\n"
    )
    checked = invitations.check_list(session, rows)
    problems = {(p.line, p.problem) for p in checked.problems}
    assert problems == {
        (3, "not a valid email address"),
        (4, "a duplicate of line 2"),
        (5, "already enrolled in this session"),
        (6, "already invited to this session"),
    }
    with pytest.raises(InvitationError, match="nothing was sent"):
        invitations.invite(session=session, by=coordinator, rows=rows)
    assert Invitation.objects.count() == 1

    sent = invitations.invite(session=session, by=coordinator, rows=rows, add_valid_rows=True)

    assert sorted(i.email for i in sent) == ["good@example.org", "other@example.org"]
    assert Invitation.objects.count() == 3


def test_a_count_that_changed_since_the_confirmation_is_refused(session, coordinator):
    rows = [Invitee(1, "a@example.org"), Invitee(2, "b@example.org")]
    with pytest.raises(InvitationError, match="changed since you confirmed"):
        invitations.invite(session=session, by=coordinator, rows=rows, expected_count=3)
    assert not Invitation.objects.exists()


def test_only_a_coordinator_of_the_session_invites(session):
    stranger = make_coordinator("stranger")
    with pytest.raises(InvitationError):
        invite_one(session, stranger)


# ---------------------------------------------------------------------- screens


def test_the_list_screen_checks_then_confirms_then_sends(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    check_url = reverse("course_invitations:check", args=[session.pk])
    page = client.post(
        check_url,
        {
            "list-people": "x@example.org, X\nbroken\ny@example.org, Y",
            "list-outcome": "requested",
            "action": "check",
        },
    )
    html = page.content.decode()
    assert "1 row has a problem" in html
    assert "Add the 2 valid rows and send 2 invitations" in html
    assert not Invitation.objects.exists()
    rows = re.search(r'name="rows" value="([^"]*)"', html).group(1).replace("&quot;", '"')

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            check_url,
            {
                "action": "send",
                "rows": rows,
                "expected_count": "2",
                "outcome": "requested",
                "add_valid_rows": "1",
            },
        )

    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("email", "outcome")) == [
        ("x@example.org", "requested"),
        ("y@example.org", "requested"),
    ]
    listing = client.get(reverse("course_invitations:index", args=[session.pk])).content.decode()
    assert "x@example.org" in listing and 'data-state="sent"' in listing
    assert sorted(m.to[0] for m in mail.outbox) == ["x@example.org", "y@example.org"]


def test_an_uploaded_csv_is_read(client, session, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile(
        "people.csv", "\ufeffemail,name,organization\nz@example.org,Zé,OSCE\n".encode()
    )
    page = client.post(
        reverse("course_invitations:check", args=[session.pk]),
        {"list-upload": upload, "list-outcome": "confirmed", "action": "check"},
    )
    assert "Invite 1 person?" in page.content.decode()


def test_another_coordinator_gets_404(client, session):
    client.force_login(make_coordinator("other"))
    assert client.get(reverse("course_invitations:index", args=[session.pk])).status_code == 404
    invitation = invite_one(session, session.coordinators.get())
    response = client.post(reverse("course_invitations:revoke", args=[session.pk, invitation.pk]))
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_revoke_and_resend_from_the_screen(client, session, coordinator):
    invitation = invite_one(session, coordinator)
    client.force_login(coordinator)
    client.post(reverse("course_invitations:revoke", args=[session.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.REVOKED
    old_hash = invitation.token_hash
    client.post(reverse("course_invitations:resend", args=[session.pk, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is None and invitation.token_hash != old_hash


def test_the_list_reads_in_a_constant_number_of_queries(
    client, session, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    url = reverse("course_invitations:index", args=[session.pk])
    invitations.invite(
        session=session, by=coordinator, rows=[Invitee(i, f"a{i}@example.org") for i in range(3)]
    )
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    invitations.invite(
        session=session,
        by=coordinator,
        rows=[Invitee(i, f"b{i}@example.org") for i in range(30)],
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


# ---------------------------------------------------------------------- focal points


def test_a_focal_point_invites_a_colleague_and_acceptance_is_the_nomination(course):
    session = make_session(course, policy="nomination")
    focal = make_participant("focal")
    make_profile(focal, "AUC")
    FocalPoint.objects.create(user=focal, organization=Organization.objects.get(acronym="AUC"))
    (invitation,) = invitations.invite(
        session=session,
        by=focal,
        rows=[Invitee(1, "amina@example.org")],
        nominated_by=focal,
        justification="Leads the mediation unit.",
    )

    enrollment = invitations.accept(invitation=invitation, user=invitee())

    assert enrollment.status == Enrollment.Status.REQUESTED
    assert enrollment.nominated_by == focal
    assert enrollment.justification == "Leads the mediation unit."
    assert ModelLogEntry.objects.filter(action=NOMINATE_ACTION).exists()


def test_someone_who_is_not_a_focal_point_cannot_invite_nominees(course):
    session = make_session(course, policy="nomination")
    nobody = make_user("nobody")
    with pytest.raises(InvitationError):
        invitations.invite(
            session=session,
            by=nobody,
            rows=[Invitee(1, "x@example.org")],
            nominated_by=nobody,
            justification="Why not.",
        )
    assert not Invitation.objects.exists()


def test_a_batch_writes_each_invitee_their_own_name_and_link(
    session, coordinator, django_capture_on_commit_callbacks
):
    rows = [
        Invitee(1, "a@example.org", "Amina Diallo"),
        Invitee(2, "b@example.org", "Kwame Mensah"),
        Invitee(3, "c@example.org"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        sent = invitations.invite(session=session, by=coordinator, rows=rows)
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "Dear Amina Diallo," in by_address["a@example.org"]
    assert "Dear Kwame Mensah," in by_address["b@example.org"]
    assert "Hello," in by_address["c@example.org"]
    for invitation in sent:
        assert invitations.link_of(invitation) in by_address[invitation.email]
    assert len({link_in(m) for m in mail.outbox}) == 3
    assert all("\x00" not in body for body in by_address.values())


def test_the_email_has_text_and_html_in_the_recipients_language(
    session, coordinator, django_capture_on_commit_callbacks
):
    """Plain text and HTML (the layout of every email, the link as a button), in the
    language of the invitee's account, else the session's."""
    arabic = invitee("layla@example.org", "layla", profile=False)
    make_profile(arabic, "AUC", preferred_language="ar")
    rows = [Invitee(1, "layla@example.org", "Layla <Haddad>"), Invitee(2, "new@example.org")]
    with django_capture_on_commit_callbacks(execute=True):
        sent = invitations.invite(session=session, by=coordinator, rows=rows)
    assert {i.email: i.language for i in sent} == {
        "layla@example.org": "ar",
        "new@example.org": "en",
    }
    by_address = {m.to[0]: m for m in mail.outbox}
    for invitation in sent:
        message = by_address[invitation.email]
        [(html, mimetype)] = message.alternatives
        assert mimetype == "text/html"
        link = invitations.link_of(invitation)
        assert link in message.body
        # The button, in the same frame as the notices.
        assert f'<a href="{link}" style="display:inline-block;' in html
        assert "border-top:4px solid #0b5394" in html
        raw = message.message().as_bytes()
        assert b"multipart/alternative" in raw and b"text/html" in raw and b"text/plain" in raw
    layla = by_address["layla@example.org"]
    [(html, _mimetype)] = layla.alternatives
    assert "يدعوك المنسقون إلى المشاركة في" in layla.body
    assert "يدعوك المنسقون إلى المشاركة في" in html
    assert '<html lang="ar" dir="rtl">' in html
    # The name typed in the list is escaped in the HTML, as it is in the text.
    assert "Layla &lt;Haddad&gt;" in html and "Layla <Haddad>" in layla.body
    newcomer = by_address["new@example.org"]
    [(html, _mimetype)] = newcomer.alternatives
    assert "The coordinators invite you to take part in" in newcomer.body
    assert '<html lang="en" dir="ltr">' in html and "Open my invitation" in html


def test_signing_up_through_the_link_verifies_only_the_invited_address(
    client, session, coordinator, django_capture_on_commit_callbacks
):
    _invitation, path = sent_invitation(session, coordinator, django_capture_on_commit_callbacks)
    client.get(path)
    password = "an unguessable passphrase 42"
    client.post(
        reverse("account_signup"),
        {"email": "forwarded.to@example.org", "password1": password, "password2": password},
    )
    stranger = EmailAddress.objects.get(email="forwarded.to@example.org").user
    assert list(stranger.emailaddress_set.values_list("email", "verified")) == [
        ("forwarded.to@example.org", False)
    ]

    other = Client()
    other.get(path)
    other.post(
        reverse("account_signup"),
        {"email": "amina@example.org", "password1": password, "password2": password},
    )
    assert EmailAddress.objects.get(email="amina@example.org").verified


def test_inviting_one_person_twice_says_why_on_the_form(client, session, coordinator):
    client.force_login(coordinator)
    url = reverse("course_invitations:invite", args=[session.pk])
    data = {"one-email": "Amina@Example.org", "one-name": "Amina", "one-outcome": "confirmed"}
    assert client.post(url, data).status_code == 302
    page = client.post(url, data)
    assert "already invited to this session" in page.content.decode()
    assert list(Invitation.objects.values_list("email", flat=True)) == ["amina@example.org"]
