"""A signatory's signature image is printed on certificates: saving the signatory puts
the image in the protected collection, where no trainer and no other coordinator can
replace or delete it; an image the coordinator may not change is refused."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from courses.models import SessionSignatory
from participants.certificate_images import signatures_collection
from participants.models import Organization
from tests.factories.courses import make_session
from tests.factories.images import make_image, try_to_replace_and_delete
from tests.factories.users import make_coordinator, make_trainer

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(course, coordinator):
    return make_session(course, code="sig-2027", coordinators=[coordinator])


def signatory_data(session, image, name="Grace Mbeki"):
    return {
        "session": session.pk,
        "name": name,
        "title": "Director",
        "signature": image.pk,
        "order": 0,
    }


def test_a_saved_signatorys_image_moves_into_the_protected_collection(client, session, coordinator):
    image = make_image(coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("session_signatories:add"), signatory_data(session, image))
    assert response.status_code == 302
    signatory = SessionSignatory.objects.get(session=session)
    assert signatory.signature == image
    image.refresh_from_db()
    assert image.collection == signatures_collection()

    session.trainers.add(trainer := make_trainer("trainer-sig"))
    for person in (trainer, make_coordinator("other-coordinator-sig")):
        client.force_login(person)
        assert try_to_replace_and_delete(client, image)


def test_editing_a_signatory_moves_a_newly_chosen_image(client, session, coordinator):
    signatory = SessionSignatory.objects.create(session=session, name="Grace", title="Director")
    image = make_image(coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("session_signatories:edit", args=[signatory.pk]),
        signatory_data(session, image, name="Grace"),
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.collection == signatures_collection()


def test_an_image_the_coordinator_may_not_change_is_refused(client, session, coordinator):
    someone_elses = make_image(make_trainer("uploader-sig"))
    client.force_login(coordinator)
    response = client.post(
        reverse("session_signatories:add"), signatory_data(session, someone_elses)
    )
    assert response.status_code == 200
    assert "You may not change this image" in response.content.decode()
    assert not SessionSignatory.objects.filter(session=session).exists()
    someone_elses.refresh_from_db()
    assert someone_elses.collection != signatures_collection()


def test_an_image_already_in_the_protected_collection_is_accepted(client, session, coordinator):
    scan = make_image(make_coordinator("scanner-sig"), signatures_collection())
    client.force_login(coordinator)
    response = client.post(reverse("session_signatories:add"), signatory_data(session, scan))
    assert response.status_code == 302
    assert SessionSignatory.objects.get(session=session).signature == scan


def test_migrate_moves_signatures_and_logos_chosen_before_into_the_protected_collection(
    session, coordinator
):
    signature = make_image(make_trainer("old-uploader"))
    SessionSignatory.objects.create(
        session=session, name="Grace", title="Director", signature=signature
    )
    logo = make_image(None, title="Old logo")
    Organization.objects.filter(acronym="AUC").update(logo=logo)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # idempotent
    for image in (signature, logo):
        image.refresh_from_db()
        assert image.collection == signatures_collection()
