"""Consent: recorded with its version and time, asked again for a new version at the
next step, withdrawn where it is not a condition of taking part."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from courses.enrollment import consent
from courses.enrollment.applications import Application, submit_application
from courses.models import ConsentDocument, ConsentRecord
from tests.courses.enrollment.application_factories import (
    applicant,
    approval_session,
    make_consent,
    make_form,
)
from tests.factories.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(course, coordinator):
    return approval_session(course, coordinators=[coordinator])


@pytest.fixture
def texts():
    return make_consent("Chatham House rule"), make_consent(
        "Photos and recordings", kind="recording", condition=False
    )


@pytest.fixture
def participant(session, texts):
    _form, questions = make_form(session, consents=texts, cv_required=False)
    user = applicant("amina")
    submit_application(
        participant=user,
        session=session,
        application=Application(
            answers={questions["role"].pk: "Mediator", questions["years"].pk: "3"},
            accepted={document.pk for document in texts},
        ),
    )
    return user


def edit_text(client, login, document, text):
    admin = get_user_model().objects.filter(username="admin").first()
    login(client, admin or make_user("admin", superuser=True))
    response = client.post(
        reverse("consent_documents:edit", args=[document.pk]),
        {
            "title": document.title,
            "kind": document.kind,
            "text": text,
            "is_condition": "on" if document.is_condition else "",
            "translations": "{}",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    return document


def test_acceptance_is_recorded_with_version_and_time(participant, texts):
    records = ConsentRecord.objects.filter(user=participant).order_by("document__title")
    assert [(r.document.title, r.version) for r in records] == [
        ("Chatham House rule", 1),
        ("Photos and recordings", 1),
    ]
    assert all(r.accepted_at and r.withdrawn_at is None for r in records)
    assert consent.pending_for(participant) == []


def test_a_new_version_asks_again_on_my_learning_and_at_check_in(client, login, participant, texts):
    chatham, _photos = texts
    chatham = edit_text(client, login, chatham, "The rule, reworded.")
    assert chatham.version == 2
    # Only a change of wording makes a version.
    assert edit_text(client, login, chatham, "The rule, reworded.").version == 2
    assert consent.pending_for(participant) == [chatham]

    login(client, participant)
    learning = client.get(reverse("my_learning")).content.decode()
    assert "Before your next session, read and accept" in learning
    assert "Chatham House rule</strong> (version 2)" in learning
    check_in = client.get(reverse("check_in")).content.decode()
    assert "Chatham House rule</strong> (version 2)" in check_in
    page = client.get(reverse("my_consents")).content.decode()
    assert "The rule, reworded." in page and "a newer version waits for you" in page

    client.post(reverse("my_consents"), {"accept": [str(chatham.pk)]})
    record = ConsentRecord.objects.get(user=participant, document=chatham, version=2)
    assert record.text == "The rule, reworded."
    assert ConsentRecord.objects.filter(user=participant, document=chatham).count() == 2
    assert consent.pending_for(participant) == []
    learning = client.get(reverse("my_learning")).content.decode()
    assert "Before your next session" not in learning


def test_withdrawal_where_it_is_not_a_condition(client, login, participant, texts):
    chatham, photos = texts
    login(client, participant)
    page = client.get(reverse("my_consents")).content.decode()
    assert f'name="withdraw" value="{photos.pk}"' in page
    assert f'name="withdraw" value="{chatham.pk}"' not in page
    client.post(reverse("my_consents"), {"withdraw": str(photos.pk)})
    assert ConsentRecord.objects.get(user=participant, document=photos).withdrawn_at is not None
    refused = client.post(reverse("my_consents"), {"withdraw": str(chatham.pk)}, follow=True)
    assert "is a condition of taking part" in refused.content.decode()
    assert ConsentRecord.objects.get(user=participant, document=chatham).withdrawn_at is None
    with pytest.raises(consent.ConsentError):
        consent.withdraw(user=participant, document=chatham)


def test_accepting_an_unknown_or_missing_text_records_nothing(client, login, participant):
    login(client, participant)
    response = client.post(reverse("my_consents"), {"accept": ["999999", "x"]}, follow=True)
    assert "Tick the texts you accept." in response.content.decode()
    assert ConsentRecord.objects.filter(user=participant).count() == 2
    assert client.post(reverse("my_consents"), {"withdraw": "nope"}).status_code == 404
    assert client.get(reverse("my_consents")).status_code == 200


def test_the_library_is_read_by_coordinators_and_managed_by_administrators(
    client, login, coordinator, texts
):
    login(client, coordinator)
    index = client.get(reverse("consent_documents:index"))
    assert index.status_code == 200 and "Chatham House rule" in index.content.decode()
    client.post(
        reverse("consent_documents:edit", args=[texts[0].pk]),
        {"title": "Hijacked", "kind": "conduct", "text": "x", "translations": "{}"},
    )
    assert ConsentDocument.objects.get(pk=texts[0].pk).title == "Chatham House rule"
