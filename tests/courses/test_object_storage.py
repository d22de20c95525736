"""Files in an S3-compatible bucket (``STORAGE_URL``), against moto's S3 server on a free
local port: every storage goes to its own prefix; certificates, application files and
library images are written whole, reach people only through the views that check who
asks, are never public objects, and leave the bucket with their rows."""

import io
import os
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile, File
from django.core.files.storage import storages
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from config.storage_url import PREFIXES, bucket_options, in_bucket, parse_storage_url
from courses.certificates.services import issue_certificates, process_certificate
from courses.models import Certificate
from participants.privacy import build_personal_data_export, request_personal_data_export
from tests.courses.enrollment.application_factories import (
    applicant,
    approval_session,
    make_form,
    pdf,
)
from tests.factories.certificates import make_completers
from tests.factories.courses import make_learner, make_session
from tests.factories.images import make_image
from tests.factories.pages import publish
from tests.factories.users import make_participant, make_user

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------------------ the URL


def test_a_storage_url_names_the_bucket_a_prefix_and_the_clients_options():
    options = parse_storage_url(
        "s3://concord-files/prod?endpoint_url=http://127.0.0.1:9000&region_name=us-east-1"
        "&addressing_style=path&querystring_expire=120&use_ssl=false"
    )
    assert options == {
        "bucket_name": "concord-files",
        "location": "prod",
        "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "us-east-1",
        "addressing_style": "path",
        "querystring_expire": 120,
        "use_ssl": False,
    }
    assert parse_storage_url("s3://concord-files") == {
        "bucket_name": "concord-files",
        "location": "",
    }


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://concord-files", "the scheme must be s3://"),
        ("concord-files", "the scheme must be s3://"),
        ("s3://Concord_Files", "is not a bucket name"),
        ("s3://", "is not a bucket name"),
        ("s3://key:secret@concord-files", "credentials"),
        ("s3://concord-files:9000", "credentials or a port"),
        ("s3://concord-files?endpoint=http://minio:9000", "unknown option 'endpoint'"),
        ("s3://concord-files?endpoint_url=minio:9000", "endpoint_url must be an http"),
        ("s3://concord-files?endpoint_url=http://minio:port", "endpoint_url"),
        ("s3://concord-files?querystring_expire=soon", "number of seconds"),
        ("s3://concord-files?use_ssl=maybe", "true or false"),
        ("s3://concord-files?default_acl=public-read", "default_acl must be private"),
        ("s3://concord-files?region_name=a&region_name=b", "given twice"),
    ],
)
def test_a_malformed_storage_url_is_refused_with_its_reason(url, reason):
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_storage_url(url)
    message = str(refused.value)
    assert message.startswith("STORAGE_URL is malformed") and reason in message
    assert "secret" not in message  # a URL holding a secret is not echoed into logs


def test_a_malformed_storage_url_stops_the_start(tmp_path):
    environment = {**os.environ, "STORAGE_URL": "s3://Concord_Files?region=x"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: STORAGE_URL is malformed" in result.stderr


def test_every_storage_but_static_files_goes_to_the_bucket_under_its_own_prefix(settings):
    moved = in_bucket(settings.STORAGES, parse_storage_url("s3://concord-files/prod"))
    assert moved["staticfiles"] == settings.STORAGES["staticfiles"]
    in_the_bucket = {alias: config for alias, config in moved.items() if alias != "staticfiles"}
    assert set(in_the_bucket) >= set(PREFIXES)
    prefixes = [config["OPTIONS"]["location"] for config in in_the_bucket.values()]
    assert len(set(prefixes)) == len(prefixes)
    assert moved["certificates"]["OPTIONS"]["location"] == "prod/certificates"
    assert moved["default"]["BACKEND"] == "config.storage.MediaStorage"
    for config in in_the_bucket.values():
        assert config["OPTIONS"]["default_acl"] == "private"
        assert config["OPTIONS"]["querystring_auth"] is True
        assert config["OPTIONS"]["querystring_expire"] <= 300
        assert "addressing_style" not in config["OPTIONS"]  # AWS: its own default
    own_server = parse_storage_url("s3://concord-files?endpoint_url=http://minio:9000")
    assert in_bucket(settings.STORAGES, own_server)["default"]["OPTIONS"]["addressing_style"] == (
        "path"
    )


def test_the_usual_aws_settings_name_the_bucket_too():
    environment = {
        "AWS_STORAGE_BUCKET_NAME": "concord-files",
        "AWS_S3_ENDPOINT_URL": "http://minio:9000",
        "AWS_S3_REGION_NAME": "eu-west-1",
    }
    options = bucket_options(lambda name, default: environment.get(name, default))
    assert options == {
        "bucket_name": "concord-files",
        "location": "",
        "endpoint_url": "http://minio:9000",
        "region_name": "eu-west-1",
    }
    assert bucket_options(lambda name, default: default) is None


# --------------------------------------------------------------------- the bucket


def test_a_certificate_is_written_to_the_bucket_and_downloaded_only_by_who_may(
    bucket, course, coordinator, client, login, django_capture_on_commit_callbacks
):
    session = make_session(course, code="s3-2027", coordinators=[coordinator])
    (enrollment,) = make_completers(session)
    (certificate,) = issue_certificates(session=session, by=coordinator)
    assert process_certificate(certificate_id=certificate.pk) == Certificate.State.SENT
    certificate.refresh_from_db()
    key = f"certificates/{certificate.pdf.name}"
    assert key in bucket.object_keys()
    # Not a single object is public, the PDF or the logo copies beside it.
    assert bucket.anonymous_get(key) == 403
    for stored in bucket.object_keys():
        assert bucket.public_grants(stored) == []
    assert not any(name.endswith(".part") for name in bucket.object_keys())

    url = reverse("certificate_download", args=[certificate.code])
    login(client, enrollment.participant)
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    assert body == bucket.s3.get_object(Bucket=bucket.name, Key=key)["Body"].read()
    login(client, coordinator)
    assert client.get(url).status_code == 200
    login(client, make_participant("someone-else"))
    assert client.get(url).status_code == 404

    # The storage's own URL is presigned and short-lived, for a view that checked first.
    presigned = certificate.pdf.url
    assert "X-Amz-Signature=" in presigned and "X-Amz-Expires=300" in presigned
    with urllib.request.urlopen(presigned) as fetched:
        assert fetched.read() == body

    with django_capture_on_commit_callbacks(execute=True):
        certificate.delete()
    assert key not in bucket.object_keys()


class KilledWriter(io.RawIOBase):
    """A file whose writer dies after the first 64 KiB."""

    def __init__(self):
        self.sent = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.sent >= 65_536:
            raise OSError("the writer was killed")
        size = min(len(buffer), 65_536 - self.sent)
        buffer[:size] = b"%" * size
        self.sent += size
        return size


@pytest.mark.parametrize("backend", ["filesystem", "bucket"])
def test_a_write_that_dies_halfway_leaves_the_previous_file_or_none(backend, request):
    if backend == "bucket":
        request.getfixturevalue("bucket")
    storage = storages["certificates"]
    name = f"pdf/test/{uuid.uuid4().hex}.pdf"
    with pytest.raises(OSError, match="killed"):
        storage.save(name, File(io.BufferedReader(KilledWriter()), name="x.pdf"))
    assert not storage.exists(name)

    storage.save(name, File(io.BytesIO(b"%PDF-1.7 whole"), name="x.pdf"))
    with pytest.raises(OSError, match="killed"):
        storage.save(name, File(io.BufferedReader(KilledWriter()), name="x.pdf"))
    with storage.open(name, "rb") as kept:
        assert kept.read() == b"%PDF-1.7 whole"
    if backend == "filesystem":
        folder = Path(storage.path(name)).parent
        assert [path.name for path in folder.iterdir() if path.suffix == ".part"] == []
    storage.delete(name)


def test_an_application_file_is_uploaded_to_the_bucket_and_served_by_the_checking_view(
    bucket, course, coordinator, client, login, django_capture_on_commit_callbacks
):
    session = approval_session(course, coordinators=[coordinator])
    _form, questions = make_form(session)
    user = applicant("owner")
    login(client, user)
    response = client.post(
        reverse("apply", args=[session.code]),
        {
            f"q{questions['role'].pk}": "Mediator",
            f"q{questions['years'].pk}": "4",
            f"q{questions['french'].pk}": "yes",
            f"q{questions['languages'].pk}_0": "fluent",
            f"q{questions['languages'].pk}_1": "",
            f"q{questions['cv'].pk}": pdf(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    answer = user.enrollments.get(session=session).answers.get(question=questions["cv"])
    key = f"applications/{answer.file.name}"
    assert key in bucket.object_keys() and bucket.anonymous_get(key) == 403

    url = reverse("application_file", args=[answer.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    login(client, coordinator)
    assert client.get(url).status_code == 200
    login(client, make_participant("someone-else"))
    assert client.get(url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        answer.delete()
    assert key not in bucket.object_keys()


def test_a_second_upload_under_the_same_name_gets_another_name(bucket):
    storage = storages["applications"]
    first = storage.save("same.pdf", File(io.BytesIO(b"%PDF- one"), name="same.pdf"))
    second = storage.save("same.pdf", File(io.BytesIO(b"%PDF- two"), name="same.pdf"))
    assert first == "same.pdf" and second != first
    with storage.open(first, "rb") as kept:
        assert kept.read() == b"%PDF- one"


def test_library_images_are_private_objects_served_through_the_media_view(bucket, client):
    image = make_image(make_user("editor"))
    rendition = image.get_rendition("width-4")
    assert rendition.url.startswith("/media/images/")
    assert f"media/{image.file.name}" in bucket.object_keys()
    assert bucket.anonymous_get(f"media/{rendition.file.name}") == 403

    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    with rendition.file.open("rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()
    assert client.get("/media/images/missing.png").status_code == 404
    assert client.get("/media/images/../documents/x.png").status_code == 404


def test_a_restricted_handout_and_image_in_the_bucket_go_only_to_readers(bucket, client, course):
    from cms.models import ModulePage  # noqa: PLC0415 -- after the app registry

    owner = make_user("librarian", superuser=True)
    handout = get_document_model().objects.create(
        title="Mediation agenda",
        file=ContentFile(b"%PDF-1.7 agenda", name="agenda.pdf"),
        uploaded_by_user=owner,
        collection=Collection.get_first_root_node(),
    )
    picture = make_image(owner, title="Negotiation table")
    module = ModulePage(
        title="Readiness",
        slug="readiness",
        estimated_minutes=30,
        learning_objectives=[],
        body=[
            {"type": "handout", "value": {"document": handout.pk, "description": "Agenda"}},
            {"type": "image", "value": {"image": picture.pk, "alt_text": "A table"}},
        ],
    )
    course.add_child(instance=module)
    publish(module)
    assert f"media/{handout.file.name}" in bucket.object_keys()
    assert bucket.anonymous_get(f"media/{handout.file.name}") == 403

    for url in (handout.url, picture.file.url):
        assert client.get(url).status_code == 404, url
    client.force_login(make_learner(course))
    response = client.get(handout.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 agenda"
    assert response["Content-Disposition"].startswith("attachment")
    image = client.get(picture.file.url)
    assert image.status_code == 200 and image["Cache-Control"] == "private, no-store"


def test_a_data_export_in_the_bucket_goes_only_to_its_owner_and_leaves_with_its_row(
    bucket, client, django_capture_on_commit_callbacks
):
    owner = make_participant("amina")
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=False):
        export = request_personal_data_export(user=owner)
    build_personal_data_export(export=export)  # what the task does
    key = f"personal-data/{export.file.name}"
    assert key in bucket.object_keys() and bucket.anonymous_get(key) == 403

    url = reverse("profile_data_download", args=[export.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"PK")
    client.force_login(make_participant("someone-else"))
    assert client.get(url).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        export.delete()
    assert key not in bucket.object_keys()
