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


def test_coordinators_see_unreviewed_organizations_first_and_can_filter_them(client):

    pending = Organization.objects.create(
        name="Zambezi Peace Council", acronym="ZPC", kind="other", reviewed=False
    )
    client.force_login(make_coordinator())
    listing = list(client.get("/admin/snippets/participants/organization/").context["object_list"])
    assert listing[0] == pending
    filtered = client.get("/admin/snippets/participants/organization/?reviewed=false")
    assert list(filtered.context["object_list"]) == [pending]

    edit = f"/admin/snippets/participants/organization/edit/{pending.pk}/"
    form = client.get(edit).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(reviewed="on", name="Zambezi Peace Council", acronym="ZPC")
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    pending.refresh_from_db()
    assert pending.reviewed is True
