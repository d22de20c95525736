"""Template context shared by the public pages."""

import uuid

from django.utils.functional import SimpleLazyObject

from .cache import content_version


def content(request):
    """``content_version``, for ``{% cache %}`` fragments of published content.

    In an editor's preview it is a value never seen before, so a preview neither reads
    the published page's fragments nor leaves its draft where visitors would get it.
    """
    if getattr(request, "is_preview", False):
        return {"content_version": f"preview-{uuid.uuid4().hex}"}
    return {"content_version": SimpleLazyObject(content_version)}
