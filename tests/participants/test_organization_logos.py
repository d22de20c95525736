"""An organization's logo is printed on certificates: saving the organization puts it in
the protected collection, where no trainer and no other coordinator can replace or
delete it; a logo the coordinator may not change is refused."""

import pytest
from django.urls import reverse

from participants.certificate_images import signatures_collection
from participants.models import Organization
from tests.factories.images import make_image, try_to_replace_and_delete
from tests.factories.users import make_coordinator, make_trainer

pytestmark = pytest.mark.django_db


def organization_data(organization, logo):
    return {
        "reviewed": "on",
        "name": organization.name,
        "acronym": organization.acronym,
        "kind": organization.kind,
        "website": organization.website,
        "logo": logo.pk,
        "colour": organization.colour,
    }


def edit_url(organization):
    return reverse("wagtailsnippets_participants_organization:edit", args=[organization.pk])


def test_a_saved_organizations_logo_moves_into_the_protected_collection(client):
    coordinator = make_coordinator()
    organization = Organization.objects.get(acronym="AUC")
    logo = make_image(coordinator, title="AUC logo")
    client.force_login(coordinator)
    response = client.post(edit_url(organization), organization_data(organization, logo))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.logo == logo
    logo.refresh_from_db()
    assert logo.collection == signatures_collection()

    for person in (make_trainer("trainer-logo"), make_coordinator("other-coordinator-logo")):
        client.force_login(person)
        assert try_to_replace_and_delete(client, logo)


def test_a_logo_the_coordinator_may_not_change_is_refused(client):
    organization = Organization.objects.get(acronym="AUC")
    someone_elses = make_image(make_trainer("uploader-logo"), title="Not mine")
    client.force_login(make_coordinator())
    response = client.post(edit_url(organization), organization_data(organization, someone_elses))
    assert response.status_code == 200
    assert "You may not change this image" in response.content.decode()
    organization.refresh_from_db()
    assert organization.logo is None
    someone_elses.refresh_from_db()
    assert someone_elses.collection != signatures_collection()
