"""Where files live: the local filesystem, or one S3-compatible bucket that every web and
worker replica reads, when ``STORAGE_URL`` (or the usual ``AWS_STORAGE_BUCKET_NAME``) is set.

``STORAGE_URL`` names the bucket, an optional common key prefix and the client's options::

    s3://concord-files/prod?endpoint_url=http://minio:9000&region_name=us-east-1

Credentials never go in the URL: boto3 reads ``AWS_ACCESS_KEY_ID`` and
``AWS_SECRET_ACCESS_KEY`` (or an instance role) as usual.

Every storage of ``STORAGES`` but ``staticfiles`` (whitenoise serves those from the image)
then goes to the bucket, each under its own key prefix (``PREFIXES``). No object is ever
public: objects are written with the ``private`` ACL, and every file reaches a browser
through one of our views, which checks who asks (``config.media`` for the media library,
each private file's own download view). ``url()`` of a private storage only gives a
short-lived presigned URL; the media storage's ``url()`` names our ``/media/`` view.
"""

import re
from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

# Each storage's key prefix inside the bucket; a storage not named here uses its alias.
PREFIXES = {
    "default": "media",
    "certificates": "certificates",
    "messages": "messages",
    "applications": "applications",
    "personal_data": "personal-data",
}
# Storages whose names say which record they belong to, rewritten in place by one PUT
# (an object store shows the old object or the new one, never a part): certificates'
# PDFs and their content-addressed logo copies. Elsewhere a name is never reused.
OVERWRITTEN = {"certificates"}
NOT_IN_BUCKET = {"staticfiles"}
# How long a presigned URL lasts, unless the URL says otherwise (querystring_expire).
PRESIGNED_SECONDS = 300

# What STORAGE_URL's query may set, and how each value is read.
_OPTIONS = {
    "endpoint_url": str,
    "region_name": str,
    "addressing_style": str,
    "signature_version": str,
    "querystring_expire": int,
    "default_acl": str,
    "use_ssl": bool,
    "verify": bool,
}
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _bad(url: str, why: str) -> ImproperlyConfigured:
    # The URL is not repeated in full: someone may have put a secret in it.
    return ImproperlyConfigured(
        f"STORAGE_URL is malformed: {why}. Expected "
        "s3://<bucket>[/<prefix>][?endpoint_url=https://host:port&region_name=<region>]; "
        f"query keys allowed: {', '.join(sorted(_OPTIONS))}. "
        "Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, never the URL."
    )


def parse_storage_url(url: str) -> dict:
    """The options every S3 storage shares, from ``url``; ImproperlyConfigured says what
    is wrong with a malformed one. The common prefix, if any, is under ``"location"``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # raises on a port that is not a number
    except ValueError as error:
        raise _bad(url, str(error)) from None
    if parts.scheme != "s3":
        raise _bad(url, f"the scheme must be s3://, not {parts.scheme or 'missing'!r}")
    if "@" in parts.netloc or parts.password is not None or port is not None:
        raise _bad(url, "credentials or a port in the bucket part")
    if not _BUCKET.match(parts.netloc):
        raise _bad(url, f"{parts.netloc!r} is not a bucket name (3-63 of a-z 0-9 . -)")
    if parts.fragment:
        raise _bad(url, "a #fragment")
    options: dict = {"bucket_name": parts.netloc, "location": parts.path.strip("/")}
    try:
        pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError as error:
        raise _bad(url, f"the query: {error}") from None
    for key, value in pairs:
        kind = _OPTIONS.get(key)
        if kind is None:
            raise _bad(url, f"unknown option {key!r}")
        if key in options:
            raise _bad(url, f"{key!r} given twice")
        if kind is int:
            if not value.isdigit() or not 0 < int(value) <= 7 * 24 * 3600:
                raise _bad(url, f"{key} must be a number of seconds up to a week")
            options[key] = int(value)
        elif kind is bool:
            if value.lower() not in _TRUE | _FALSE:
                raise _bad(url, f"{key} must be true or false")
            options[key] = value.lower() in _TRUE
        else:
            options[key] = value
    endpoint = options.get("endpoint_url")
    if endpoint is not None:
        try:
            endpoint_parts = urlsplit(endpoint)
            endpoint_parts.port  # noqa: B018 -- raises on a port that is not a number
        except ValueError as error:
            raise _bad(url, f"endpoint_url: {error}") from None
        if endpoint_parts.scheme not in {"http", "https"} or not endpoint_parts.hostname:
            raise _bad(url, "endpoint_url must be an http:// or https:// URL with a host")
    if options.get("addressing_style") not in {None, "auto", "path", "virtual"}:
        raise _bad(url, "addressing_style must be auto, path or virtual")
    # "none" leaves the ACL header out, for buckets whose ACLs are disabled (AWS's
    # BucketOwnerEnforced): keep their public access blocked.
    if options.get("default_acl") not in {None, "private", "none"}:
        raise _bad(url, "default_acl must be private (the default) or none")
    return options


def bucket_options(environ) -> dict | None:
    """The shared S3 options the environment asks for, or None for the local filesystem.

    ``STORAGE_URL`` first; else ``AWS_STORAGE_BUCKET_NAME`` with ``AWS_S3_ENDPOINT_URL``
    and ``AWS_S3_REGION_NAME`` (the names django-storages documents)."""
    url = environ("STORAGE_URL", default="")
    if url:
        return parse_storage_url(url)
    bucket = environ("AWS_STORAGE_BUCKET_NAME", default="")
    if not bucket:
        return None
    query = "&".join(
        f"{key}={value}"
        for key, value in (
            ("endpoint_url", environ("AWS_S3_ENDPOINT_URL", default="")),
            ("region_name", environ("AWS_S3_REGION_NAME", default="")),
        )
        if value
    )
    location = environ("AWS_LOCATION", default="").strip("/")
    return parse_storage_url(f"s3://{bucket}/{location}" + (f"?{query}" if query else ""))


def in_bucket(storages: dict, options: dict | None) -> dict:
    """``storages`` (a STORAGES setting) with every storage but static files moved to the
    bucket ``options`` describe (``bucket_options``), each under its own prefix;
    ``storages`` unchanged when ``options`` is None."""
    if options is None:
        return storages
    options = dict(options)
    common = options.pop("location", "")
    acl = options.pop("default_acl", "private")
    moved = {}
    for alias, config in storages.items():
        if alias in NOT_IN_BUCKET:
            moved[alias] = config
            continue
        prefix = PREFIXES.get(alias, alias.replace("_", "-"))
        moved[alias] = {
            "BACKEND": "config.storage.MediaStorage"
            if alias == "default"
            else "config.storage.PrivateStorage",
            "OPTIONS": {
                "querystring_expire": PRESIGNED_SECONDS,
                # Presigned URLs with Signature Version 4: every region and S3-compatible
                # server accepts it, and it carries its lifetime (X-Amz-Expires).
                "signature_version": "s3v4",
                # A server of one's own (MinIO, moto, Ceph) answers at one host name,
                # rarely at <bucket>.<host>: path-style addresses, unless the URL says.
                **({"addressing_style": "path"} if options.get("endpoint_url") else {}),
                **options,
                "location": f"{common}/{prefix}" if common else prefix,
                "default_acl": None if acl == "none" else acl,
                "querystring_auth": True,
                "file_overwrite": alias in OVERWRITTEN,
                "custom_domain": None,
            },
        }
    return moved
