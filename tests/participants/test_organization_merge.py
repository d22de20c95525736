"""A coordinator merges an organization someone proposed on their profile into one
already listed: every reference moves (profiles, focal points, enrollments, quotas,
issuing organizations), the proposal is deleted and the merge logged. Only who may
change organizations does it, only by POST, after a confirmation page."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.models import Enrollment, SeatQuota
from participants.models import FocalPoint, Organization, Participant
from participants.services import MergeError, merge_organization, references_to
from tests.factories.courses import make_profile, make_session
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_participant, make_trainer, make_user

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/participants/organization/"


def merge_url(organization):
    return reverse("wagtailsnippets_participants_organization:merge", args=[organization.pk])


@pytest.fixture
def proposal():
    person = make_participant("horn.person")
    organization = Organization.objects.create(
        name="Horn of Africa Peace Forum",
        acronym="HAPF",
        kind="other",
        reviewed=False,
        proposed_by=person,
    )
    make_profile(person, "HAPF")
    return organization


@pytest.fixture
def igad():
    return Organization.objects.get(acronym="IGAD")


@pytest.fixture
def references(proposal, igad, catalog):
    """Something of every kind that points at the proposal, and one focal point that
    ``igad`` already has (the same person)."""
    course = make_course(catalog, title="Mediation process design")
    session = make_session(course, code="mpd-2027-nairobi")
    person = Participant.objects.get(organization=proposal).user
    enrollment = Enrollment.objects.create(
        session=session, participant=person, organization=proposal, status="confirmed"
    )
    quota = SeatQuota.objects.create(session=session, organization=proposal, seats=2)
    session.issuing_organizations.add(proposal)
    both = make_user("both.focal")
    FocalPoint.objects.create(organization=proposal, user=both)
    FocalPoint.objects.create(organization=igad, user=both)
    only = make_user("only.focal")
    FocalPoint.objects.create(organization=proposal, user=only)
    return {
        "session": session,
        "person": person,
        "enrollment": enrollment,
        "quota": quota,
        "both": both,
        "only": only,
    }


def test_merging_moves_every_reference_and_deletes_the_proposal(
    client, proposal, igad, references, login
):
    coordinator = make_coordinator()
    response = login(client, coordinator).post(merge_url(proposal), {"into": igad.pk})

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailsnippets_participants_organization:edit", args=[igad.pk]
    )
    assert not Organization.objects.filter(pk=proposal.pk).exists()
    assert Participant.objects.get(user=references["person"]).organization == igad
    references["enrollment"].refresh_from_db()
    assert references["enrollment"].organization == igad
    references["quota"].refresh_from_db()
    assert references["quota"].organization == igad
    assert list(references["session"].issuing_organizations.all()) == [igad]
    # The focal point igad already had is kept once; the other one moves.
    assert FocalPoint.objects.filter(user=references["both"]).count() == 1
    assert FocalPoint.objects.get(user=references["only"]).organization == igad

    entry = ModelLogEntry.objects.get(action="participants.organization.merge")
    assert entry.object_id == str(igad.pk)
    assert entry.user == coordinator
    assert entry.data["merged"]["name"] == "Horn of Africa Peace Forum"
    assert entry.data["dropped"] == 1
    assert "Merged “Horn of Africa Peace Forum” (HAPF)" in entry.message

    follow = client.get(response["Location"])
    assert "was merged into" in follow.content.decode()


def test_choosing_where_to_merge_shows_what_moves_and_changes_nothing(
    client, proposal, igad, references, login
):
    client = login(client, make_coordinator())
    page = client.get(merge_url(proposal))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'method="get"' in html
    assert "horn.person" in html or "Horn" in html
    # What points at it, counted per kind of record.
    labels = {reference.label: reference.count for reference in references_to(proposal)}
    assert labels["Participant profiles"] == 1
    assert labels["Focal points"] == 2
    for label in labels:
        assert label in html

    confirm = client.get(merge_url(proposal), {"into": igad.pk})
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Merge “Horn of Africa Peace Forum” into “Intergovernmental Authority" in html
    assert 'method="post"' in html
    assert f'name="into" value="{igad.pk}"' in html
    # Nothing changed on GET.
    assert Organization.objects.filter(pk=proposal.pk).exists()
    assert Participant.objects.get(user=references["person"]).organization == proposal
    assert not ModelLogEntry.objects.filter(action="participants.organization.merge").exists()


def test_a_post_without_a_choice_explains_and_merges_nothing(client, proposal, login):
    response = login(client, make_coordinator()).post(merge_url(proposal), {})
    assert response.status_code == 200
    assert "Choose the organization to merge into." in response.content.decode()
    assert Organization.objects.filter(pk=proposal.pk).exists()


def test_an_organization_cannot_be_merged_into_itself(client, proposal, login):
    response = login(client, make_coordinator()).post(merge_url(proposal), {"into": proposal.pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Organization.objects.filter(pk=proposal.pk).exists()
    with pytest.raises(MergeError):
        merge_organization(source=proposal, into=proposal, by=make_coordinator("c2"))


@pytest.mark.parametrize("maker", [make_trainer, make_participant])
def test_only_who_may_change_organizations_merges(client, proposal, igad, maker, login):
    client = login(client, maker("someone"))
    for response in (
        client.get(merge_url(proposal), {"into": igad.pk}),
        client.post(merge_url(proposal), {"into": igad.pk}),
    ):
        assert response.status_code in (302, 403)
        assert reverse("wagtailsnippets_participants_organization:edit", args=[igad.pk]) not in (
            response.get("Location", "")
        )
    assert Organization.objects.filter(pk=proposal.pk).exists()


def test_an_administrator_merges_too(client, proposal, igad, login):
    admin = make_user("root", superuser=True)
    response = login(client, admin).post(merge_url(proposal), {"into": igad.pk})
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=proposal.pk).exists()


def test_listed_organizations_are_not_merged(client, igad, login):
    client = login(client, make_coordinator())
    auc = Organization.objects.get(acronym="AUC")
    assert client.get(merge_url(igad)).status_code == 404
    assert client.post(merge_url(igad), {"into": auc.pk}).status_code == 404
    assert Organization.objects.filter(pk=igad.pk).exists()
    with pytest.raises(MergeError):
        merge_organization(source=igad, into=auc, by=make_coordinator("c2"))


def test_a_second_merge_of_the_same_proposal_is_refused(proposal, igad):
    coordinator = make_coordinator()
    stale = Organization.objects.get(pk=proposal.pk)
    merge_organization(source=proposal, into=igad, by=coordinator)
    with pytest.raises(MergeError):
        merge_organization(source=stale, into=igad, by=coordinator)


def test_the_list_offers_merge_for_proposals_only(client, proposal, login):
    html = login(client, make_coordinator()).get(LIST).content.decode()
    assert merge_url(proposal) in html  # in its menu
    assert merge_url(Organization.objects.get(acronym="IGAD")) not in html
