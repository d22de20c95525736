"""Images and documents: trainers and coordinators change and delete only what they
uploaded and what is in the collection of a course they edit; nobody but its uploader
and the administrators replaces a signature scan printed on certificates."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, ReferenceIndex

from cms.roles import COORDINATORS, TRAINERS, ensure_roles
from cms.services import assign_trainer, course_collection
from participants.certificate_images import signatures_collection
from participants.models import Organization
from tests.factories.pages import make_course
from tests.factories.users import make_coordinator, make_trainer, make_user

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def png_bytes(colour="navy", size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(owner, collection=None, title="Banner"):
    return Image.objects.create(
        title=title,
        file=ContentFile(png_bytes(), name="picture.png"),
        uploaded_by_user=owner,
        collection=collection or Collection.get_first_root_node(),
    )


def make_document(owner, collection=None):
    return Document.objects.create(
        title="Handout",
        file=ContentFile(b"agenda", name="handout.txt"),
        uploaded_by_user=owner,
        collection=collection or Collection.get_first_root_node(),
    )


@pytest.fixture
def coordinator():
    return make_coordinator()


@pytest.fixture
def trainer():
    return make_trainer("trainer")


@pytest.fixture
def other_trainer():
    return make_trainer("other-trainer")


@pytest.fixture
def course(catalog, trainer, coordinator):
    course = make_course(catalog, title="Mediation process design")
    assign_trainer(course=course, user=trainer, assigned_by=coordinator)
    return course


def make_superuser():
    return make_user("root", superuser=True)


def edit_image(client, image, title):
    return client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": title,
            "collection": image.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("forged.png", png_bytes("red"), "image/png"),
        },
    )


def unchanged(image):
    before = (image.title, image.file.name)
    image.refresh_from_db()
    return (image.title, image.file.name) == before


def test_a_trainer_cannot_change_or_delete_another_persons_image(client, trainer, other_trainer):
    image = make_image(other_trainer)
    client.force_login(trainer)
    assert edit_image(client, image, "Forged").status_code in (302, 403, 404)
    assert unchanged(image)
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert Image.objects.filter(pk=image.pk).exists()


def test_a_trainer_cannot_replace_a_signature_scan(client, trainer, coordinator):
    signature = make_image(coordinator, signatures_collection(), title="Signature")
    client.force_login(trainer)
    assert edit_image(client, signature, "Forged").status_code in (302, 403, 404)
    assert unchanged(signature)
    client.post(reverse("wagtailimages:delete", args=[signature.pk]))
    assert Image.objects.filter(pk=signature.pk).exists()
    # Nor can another coordinator; the uploader can.
    client.force_login(make_coordinator("other-coordinator"))
    edit_image(client, signature, "Forged")
    assert unchanged(signature)
    client.force_login(coordinator)
    assert edit_image(client, signature, "New scan").status_code == 302
    signature.refresh_from_db()
    assert signature.title == "New scan"


def test_a_trainer_changes_their_own_image_and_their_course_collection(
    client, trainer, other_trainer, course
):
    own = make_image(trainer)
    in_course = make_image(other_trainer, course_collection(course))
    client.force_login(trainer)
    for image in (own, in_course):
        assert edit_image(client, image, "Renamed").status_code == 302
        image.refresh_from_db()
        assert image.title == "Renamed"
    client.post(reverse("wagtailimages:delete", args=[in_course.pk]))
    assert not Image.objects.filter(pk=in_course.pk).exists()


def test_a_trainer_cannot_change_or_delete_another_persons_document(client, trainer, other_trainer):
    document = make_document(other_trainer)
    client.force_login(trainer)
    client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Forged", "collection": document.collection_id, "tags": ""},
    )
    document.refresh_from_db()
    assert document.title == "Handout"
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert Document.objects.filter(pk=document.pk).exists()


def test_ensure_roles_takes_back_the_old_library_wide_change_rights(course):
    root = Collection.get_first_root_node()
    for name in (TRAINERS, COORDINATORS):
        for codename in ("change_image", "change_document"):
            GroupCollectionPermission.objects.create(
                group=Group.objects.get(name=name),
                collection=root,
                permission=Permission.objects.get(codename=codename),
            )
    ensure_roles()
    ensure_roles()  # idempotent
    assert not GroupCollectionPermission.objects.filter(
        group__name__in=(TRAINERS, COORDINATORS),
        collection=root,
        permission__codename__startswith="change_",
    ).exists()
    assert Collection.objects.filter(name="Certificate signatures and logos").count() == 1
    editors = Group.objects.get(name=f"Course editors #{course.pk}")
    assert GroupCollectionPermission.objects.filter(
        group=editors, collection=course_collection(course), permission__codename="change_image"
    ).exists()


def test_an_image_over_forty_megapixels_is_refused_with_a_message(client, trainer):
    # 7000 x 7000 = 49 MP, a few hundred kilobytes as a one-colour PNG.
    huge = png_bytes("white", size=(7000, 7000))
    client.force_login(trainer)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Huge",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "file": SimpleUploadedFile("huge.png", huge, "image/png"),
        },
    )
    assert response.status_code == 200
    assert "This file has too many pixels" in response.content.decode()
    assert not Image.objects.filter(title="Huge").exists()
    # A sensible image still goes in.
    client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Banner",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "file": SimpleUploadedFile("banner.png", png_bytes(size=(1600, 900)), "image/png"),
        },
    )
    assert Image.objects.filter(title="Banner").exists()


@pytest.mark.parametrize("listing", ["wagtailimages:index", "wagtailimages:index_results"])
def test_the_image_listing_searches_and_filters_by_usage_together(client, listing):

    used = make_image(None, title="Banner in use")
    unused = make_image(None, title="Banner unused")
    make_image(None, title="Portrait unused")
    organization = Organization.objects.get(acronym="AUC")
    organization.logo = used
    organization.save()
    ReferenceIndex.create_or_update_for_object(organization)
    client.force_login(make_superuser())
    response = client.get(
        reverse(listing), {"q": "banner", "usage_count_min": "0", "usage_count_max": "0"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert unused.title in html
    assert used.title not in html
    assert "Portrait unused" not in html
    response = client.get(reverse(listing), {"q": "banner", "usage_count_min": "1"})
    html = response.content.decode()
    assert used.title in html and unused.title not in html


def test_the_document_listing_searches_and_filters_by_usage_together(client):
    document = make_document(None)
    client.force_login(make_superuser())
    response = client.get(reverse("wagtaildocs:index"), {"q": "handout", "usage_count_max": "3"})
    assert response.status_code == 200
    assert document.title in response.content.decode()
