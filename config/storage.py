"""The S3 storages ``STORAGE_URL`` selects (config/storage_url.py says how): private
objects only, reached through the views that check who asks."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateStorage(S3Storage):
    """A private part of the bucket: objects written with the ``private`` ACL, URLs only
    presigned (``querystring_auth``) and short-lived; names never overwritten unless the
    storage says so (``OVERWRITTEN``), as on the filesystem."""


class MediaStorage(PrivateStorage):
    """Wagtail's images and documents: still private objects. Images go out through our
    ``/media/`` view (``config.media``), which checks who may see an image that only
    training modules use and sets the cache headers; documents through Wagtail's serve
    view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks view restrictions."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(name)
