"""Serving uploads without a separate web server, safely.

Only image files (originals and renditions) are served from MEDIA_ROOT, with a CSP
sandbox so that even a crafted file cannot run script in the site's origin. Documents
never take this path: Wagtail serves them through its own view as attachments
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``).
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

SERVED_PREFIXES = ("images/", "original_images/")
SERVED_SUFFIXES = (".gif", ".jpg", ".jpeg", ".png", ".webp", ".avif")


@require_safe
def serve_media(request, path):
    if not path.startswith(SERVED_PREFIXES) or not path.lower().endswith(SERVED_SUFFIXES):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response
