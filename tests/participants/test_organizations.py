import pytest
from django.db import IntegrityError, transaction

from participants.models import Organization
from tests.factories.users import make_coordinator

pytestmark = pytest.mark.django_db

EXPECTED = {
    "un": {"DPPA", "DPO", "UNDP", "UNITAR", "UNSSC"},
    "regional": {"AUC", "EEAS", "OAS", "OSCE", "ASEAN", "LAS", "OIC", "PIF"},
    "subregional": {"ECOWAS", "IGAD", "SADC", "ECCAS", "EAC", "CARICOM", "SICA"},
}


def test_real_organizations_are_seeded_by_migration():
    for kind, acronyms in EXPECTED.items():
        assert (
            set(Organization.objects.filter(kind=kind).values_list("acronym", flat=True))
            == acronyms
        )
    for org in Organization.objects.all():
        assert org.website.startswith("http")
        assert org.logo is None  # monograms only: no emblem we have no right to


def test_monogram_colour_must_be_a_hex_colour():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name="Test", acronym="TST", kind="other", colour="#12345z")


def test_organizations_are_editable_in_the_admin(client):
    client.force_login(make_coordinator())
    response = client.get("/admin/snippets/participants/organization/")
    assert response.status_code == 200
    assert "ECOWAS" in response.content.decode()
