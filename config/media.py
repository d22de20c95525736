"""Serving uploads without a separate web server, safely.

Only image files (originals and renditions) of Wagtail's library are served from
MEDIA_ROOT, with a CSP sandbox so that even a crafted file cannot run script in the
site's origin; an image that only training modules use goes only to who may read one
(``cms.files``), so no front server may serve /media/ by itself. Documents
never take this path: Wagtail serves them through its own view as attachments
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``).
"""

import mimetypes
import posixpath

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail.images import get_image_model

from cms.files import image_access

SERVED_PREFIXES = ("images/", "original_images/")
SERVED_SUFFIXES = (".gif", ".jpg", ".jpeg", ".png", ".webp", ".avif")


@require_safe
def serve_media(request, path):
    if not path.startswith(SERVED_PREFIXES) or not path.lower().endswith(SERVED_SUFFIXES):
        raise Http404
    if posixpath.normpath(path) != path:  # no "..", "//" or "./" steps out of the prefix
        raise Http404
    image = image_of(path)
    # A file no library image owns (left by a deleted image) was public before.
    access = image_access(image, request) if image else "public"
    if access == "denied":
        raise Http404
    response = _file_response(request, path)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # An image that only training modules use is sent only to who may read one of them
    # (cms.files) and never kept by a shared cache; every other image is public.
    response["Cache-Control"] = (
        "public, max-age=86400" if access == "public" else "private, no-store"
    )
    if access != "public":
        response["Vary"] = "Cookie"
    return response


def image_of(path):
    """The library image whose original or rendition is stored at ``path``, or None."""
    Image = get_image_model()
    if path.startswith("original_images/"):
        return Image.objects.filter(file=path).first()
    return Image.objects.filter(renditions__file=path).first()


def _file_response(request, path):
    """The stored file ``path``: from MEDIA_ROOT by Django's static view (which answers
    conditional requests), or streamed from the object store, whose objects are never
    public (config/storage.py): this view is the only way to them."""
    if isinstance(default_storage, FileSystemStorage):
        return serve(request, path, document_root=default_storage.location)
    try:
        file = default_storage.open(path, "rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type, _encoding = mimetypes.guess_type(path)
    return FileResponse(file, content_type=content_type or "application/octet-stream")
