"""The collection that holds the images printed on certificates (signature scans and
organization logos), and the form rule that puts a chosen image there.

Trainers and coordinators hold no change rights on this collection, so only
administrators and each image's uploader replace or delete what is in it (Wagtail's
ownership rule). An image chosen from anywhere else in the library is moved into it
when the form that prints it is saved, provided the person saving may change that
image; otherwise the form refuses it, since moving someone else's image would take it
away from them (and leaving it where it is would let others replace it).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

SIGNATURES_COLLECTION = "Certificate signatures and logos"


def signatures_collection(root_collection=None) -> Collection:
    """The collection of signature scans and logos, created under the root on first use."""
    root_collection = root_collection or Collection.get_first_root_node()
    existing = root_collection.get_children().filter(name=SIGNATURES_COLLECTION).first()
    return existing or root_collection.add_child(name=SIGNATURES_COLLECTION)


class CertificateImagesFormMixin:
    """For a Wagtail admin model form whose ``certificate_image_fields`` choose images
    printed on certificates. Needs ``for_user`` (Wagtail's admin views pass it)."""

    certificate_image_fields: tuple[str, ...] = ()
    image_not_movable_message = _(
        "You may not change this image, so it cannot be printed on certificates. Upload "
        "the image through this form (Choose an image, then Upload), or ask an "
        "administrator to move it to the “%(collection)s” collection."
    )

    def clean(self):
        cleaned_data = super().clean()
        collection = signatures_collection()
        image_policy = policy_registry.get_by_type(get_image_model())
        for name in self.certificate_image_fields:
            image = cleaned_data.get(name)
            if image is None or image.collection_id == collection.pk:
                continue
            user = getattr(self, "for_user", None)
            if user is None or not image_policy.user_has_permission_for_instance(
                user, "change", image
            ):
                self.add_error(
                    name,
                    ValidationError(
                        self.image_not_movable_message,
                        code="image_not_movable",
                        params={"collection": collection.name},
                    ),
                )
        return cleaned_data

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            move_into_signatures_collection(
                [getattr(instance, f"{name}_id") for name in self.certificate_image_fields]
            )
        return instance


def move_into_signatures_collection(image_ids) -> None:
    """Put these images into the signatures collection (those not already there).
    Saved one by one so that Wagtail's search index follows; calling twice is a no-op."""
    collection = signatures_collection()
    images = (
        get_image_model()
        .objects.filter(pk__in=[pk for pk in image_ids if pk is not None])
        .exclude(collection=collection)
    )
    for image in images:
        image.collection = collection
        image.save(update_fields=["collection"])
