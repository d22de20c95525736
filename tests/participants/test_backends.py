import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from participants.backends import ACCESS_ADMIN, EmailBackendWithAdminFlag
from participants.models import FocalPoint, Organization
from tests.factories.courses import make_profile
from tests.factories.users import make_coordinator, make_participant, make_trainer, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (make_participant, False),
        (make_trainer, True),
        (make_coordinator, True),
        (lambda: make_user("root", superuser=True), True),
    ],
)
def test_admin_flag_matches_the_permission(make, expected):
    user = make()
    loaded = EmailBackendWithAdminFlag().get_user(user.pk)
    assert loaded.can_access_admin is expected
    assert (
        get_user_model().objects.get(pk=user.pk).has_perm("wagtailadmin.access_admin") is expected
    )


def test_inactive_users_are_not_loaded():
    user = make_trainer()
    user.is_active = False
    user.save()
    assert EmailBackendWithAdminFlag().get_user(user.pk) is None


def test_focal_points_see_the_link_to_their_page_and_participants_do_not(client, home):

    focal = make_participant("focal")
    FocalPoint.objects.create(organization=Organization.objects.get(acronym="AUC"), user=focal)
    loaded = EmailBackendWithAdminFlag().get_user(focal.pk)
    assert loaded.is_focal_point is True

    client.force_login(focal)
    page = client.get("/").content.decode()
    assert 'href="/focal-point/"' in page

    client.force_login(make_participant())
    page = client.get("/").content.decode()
    assert 'href="/focal-point/"' not in page
    assert EmailBackendWithAdminFlag().get_user(make_trainer().pk).is_focal_point is False


@pytest.mark.parametrize("user_id", [10**6, 2**63, "x"])
def test_a_session_naming_no_user_signs_nobody_in(user_id):
    make_participant()
    assert EmailBackendWithAdminFlag().get_user(user_id) is None


def test_the_signed_in_user_is_read_whole_in_one_query(django_assert_num_queries):
    """Every field as the ORM reads it, the profile's organization with it, one query;
    the user is a saved row (an update changes it, not a copy)."""
    user = make_participant("whole")
    user.first_name, user.last_name = "Amina", "Diallo"
    user.save()
    make_profile(user, "AUC")
    with django_assert_num_queries(1):
        loaded = EmailBackendWithAdminFlag().get_user(user.pk)
    fresh = get_user_model().objects.get(pk=user.pk)
    for field in get_user_model()._meta.concrete_fields:
        assert getattr(loaded, field.attname) == getattr(fresh, field.attname), field.name
    assert loaded.profile_organization_id == Organization.objects.get(acronym="AUC").pk
    assert loaded._state.adding is False
    loaded.first_name = "Aminata"
    loaded.save(update_fields=["first_name"])
    assert get_user_model().objects.get(pk=user.pk).first_name == "Aminata"
    assert get_user_model().objects.count() == 1


def test_admin_access_is_answered_from_the_loaded_flag_as_the_permissions_would(
    django_assert_num_queries,
):
    """The same answer as ModelBackend's for every kind of user, without a query."""
    users = [
        make_participant(),
        make_trainer(),
        make_coordinator(),
        make_user("root", superuser=True),
    ]
    inactive = make_trainer("gone")
    inactive.is_active = False
    inactive.save()
    backend = EmailBackendWithAdminFlag()
    for user in users:
        loaded = backend.get_user(user.pk)
        expected = ModelBackend().has_perm(get_user_model().objects.get(pk=user.pk), ACCESS_ADMIN)
        with django_assert_num_queries(0):
            assert loaded.has_perm(ACCESS_ADMIN) is expected
            assert backend.has_perm(loaded, ACCESS_ADMIN) is expected
    inactive_copy = get_user_model().objects.get(pk=inactive.pk)
    inactive_copy.admin_permission = True  # as if loaded with the flag before deactivation
    assert backend.has_perm(inactive_copy, ACCESS_ADMIN) is False
