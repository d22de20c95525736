"""Images in Wagtail's library, and an edit of one through the admin as a given person."""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection


def png_bytes(colour="navy", size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(owner, collection=None, title="Signature"):
    return get_image_model().objects.create(
        title=title,
        file=ContentFile(png_bytes(), name="picture.png"),
        uploaded_by_user=owner,
        collection=collection or Collection.get_first_root_node(),
    )


def try_to_replace_and_delete(client, image) -> bool:
    """Post a replacement file and a deletion for ``image``; True if it is untouched."""
    before = (image.title, image.file.name, image.collection_id)
    client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Forged",
            "collection": image.collection_id,
            "tags": "",
            "file": SimpleUploadedFile("forged.png", png_bytes("red"), "image/png"),
        },
    )
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    image = get_image_model().objects.filter(pk=image.pk).first()
    return image is not None and (image.title, image.file.name, image.collection_id) == before
