"""Account emails are Concord's: branded, text and HTML, in the recipient's language."""

import re

import pytest
from django.core import mail

from participants.models import Organization, Participant
from tests.factories.users import make_participant

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "email": "new.person@example.org",
    "password1": "a long and unusual passphrase",
    "password2": "a long and unusual passphrase",
}


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def assert_branded(message):
    html = html_of(message)
    for text in (message.subject, message.body, html):
        assert "example.com" not in text and "Hello from" not in text
        assert "127.0.0.1:8000!" not in text
    assert "Concord" in message.body and "Concord" in html
    assert html.lstrip().startswith("<!DOCTYPE html>")


def send(client, django_capture_on_commit_callbacks, url, data, **headers):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, **headers)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_sign_up_confirmation_in_english(client, home, django_capture_on_commit_callbacks):
    message = send(client, django_capture_on_commit_callbacks, "/accounts/signup/", SIGN_UP)
    assert message.subject == "[Concord] Confirm your email address"
    assert message.body.startswith("Hello,")
    assert "create an account on Concord" in message.body
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    html = html_of(message)
    assert f'href="{link}"' in html and "Confirm my email address" in html
    assert_branded(message)


def test_sign_up_confirmation_in_the_language_of_the_request(
    client, home, django_capture_on_commit_callbacks
):
    message = send(
        client,
        django_capture_on_commit_callbacks,
        "/accounts/signup/",
        SIGN_UP,
        headers={"Accept-Language": "fr"},
    )
    assert message.subject == "[Concord] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour,")
    assert "Confirmer mon adresse e-mail" in html_of(message)
    assert '<html lang="fr" dir="ltr">' in html_of(message)
    assert_branded(message)


def test_password_reset_in_the_preferred_language_of_the_profile(
    client, home, django_capture_on_commit_callbacks
):
    user = make_participant()
    user.first_name, user.last_name = "Amina", "Diallo"
    user.save()
    Participant.objects.create(
        user=user,
        organization=Organization.objects.get(acronym="AUC"),
        job_title="Officer",
        duty_station="ET",
        preferred_language="fr",
    )
    # The request is in English; the person chose French.
    message = send(
        client,
        django_capture_on_commit_callbacks,
        "/accounts/password/reset/",
        {"email": user.email},
        headers={"Accept-Language": "en"},
    )
    assert message.subject == "[Concord] Réinitialiser votre mot de passe"
    assert message.body.startswith("Bonjour Amina Diallo,")
    assert "Choisissez un nouveau mot de passe" in html_of(message)
    assert "/accounts/password/reset/key/" in message.body
    assert_branded(message)

    Participant.objects.filter(user=user).update(preferred_language="en")
    mail.outbox.clear()
    message = send(
        client,
        django_capture_on_commit_callbacks,
        "/accounts/password/reset/",
        {"email": user.email},
        headers={"Accept-Language": "fr"},
    )
    assert message.subject == "[Concord] Reset your password"
    assert message.body.startswith("Dear Amina Diallo,")
    assert_branded(message)


def test_an_arabic_readers_account_email_is_right_to_left(
    client, home, django_capture_on_commit_callbacks
):
    user = make_participant()
    Participant.objects.create(
        user=user,
        organization=Organization.objects.get(acronym="AUC"),
        job_title="Officer",
        duty_station="EG",
        preferred_language="ar",
    )
    message = send(
        client,
        django_capture_on_commit_callbacks,
        "/accounts/password/reset/",
        {"email": user.email},
        headers={"Accept-Language": "fr"},
    )
    assert '<html lang="ar" dir="rtl">' in html_of(message)
