"""Handouts and images of training modules go only to who may read the modules; public
pages' images stay public and cacheable; uploads are checked by what they contain."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.files import DocumentForm, content_matches_extension
from courses.enrollment.services import enroll
from tests.factories.courses import make_learner, make_profile, make_session
from tests.factories.images import make_image, png_bytes
from tests.factories.pages import make_course, publish
from tests.factories.users import make_coordinator, make_participant, make_user

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture
def owner():
    return make_user("librarian", superuser=True)


@pytest.fixture
def handout(owner):
    return Document.objects.create(
        title="Mediation agenda",
        file=ContentFile(b"%PDF-1.7 agenda", name="agenda.pdf"),
        uploaded_by_user=owner,
        collection=Collection.get_first_root_node(),
    )


@pytest.fixture
def picture(owner):
    return make_image(owner, title="Negotiation table")


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Mediation process design")


@pytest.fixture
def module(course, handout, picture):
    from cms.models import ModulePage  # noqa: PLC0415 -- after the app registry

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
    return publish(module)


def image_urls(client, module):
    """The addresses of the images the module page shows to a reader."""
    html = client.get(module.url).content.decode()
    return [part.split('"', 1)[0] for part in html.split('src="')[1:] if "/media/" in part]


def test_a_handout_of_a_module_goes_only_to_its_readers(client, module, handout):
    url = handout.url
    assert client.get(url).status_code == 404  # anonymous

    client.force_login(make_participant("not-enrolled"))
    assert client.get(url).status_code == 404

    session = make_session(module.get_parent().specific, capacity=1)
    confirmed, waitlisted = make_participant("confirmed"), make_participant("waitlisted")
    for user in (confirmed, waitlisted):
        make_profile(user)
        enroll(participant=user, session=session)
    client.force_login(waitlisted)
    assert client.get(url).status_code == 404

    client.force_login(confirmed)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 agenda"
    assert response["Content-Disposition"].startswith("attachment")


def test_an_image_of_a_module_goes_only_to_its_readers(client, module, picture):
    learner = make_learner(module.get_parent().specific)
    client.force_login(learner)
    urls = image_urls(client, module)
    assert urls, "the module shows its image"
    original = picture.file.url
    for url in [*urls, original]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store"

    client.force_login(make_participant("not-enrolled"))
    for url in [*urls, original]:
        assert client.get(url).status_code == 404, url
    client.logout()
    for url in [*urls, original]:
        assert client.get(url).status_code == 404, url


def test_editors_still_see_restricted_images_and_handouts_in_the_admin(client, module, picture):
    client.force_login(make_coordinator())
    assert client.get(picture.file.url).status_code == 200
    handout = Document.objects.get()
    assert client.get(handout.url).status_code == 200


def test_an_image_a_public_page_also_uses_stays_public(client, course, module, picture):
    course.hero_image = picture
    publish(course)
    response = client.get(picture.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"


def test_a_document_no_module_uses_stays_public(client, owner):
    document = Document.objects.create(
        title="Programme leaflet",
        file=ContentFile(b"%PDF-1.7 leaflet", name="leaflet.pdf"),
        uploaded_by_user=owner,
        collection=Collection.get_first_root_node(),
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_uploaded_html_is_never_shown_inline(client, owner):
    document = Document.objects.create(
        title="Looks like text",
        file=ContentFile(b"<script>alert(1)</script>", name="page.html"),
        uploaded_by_user=owner,
        collection=Collection.get_first_root_node(),
    )
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("agenda.pdf", b"%PDF-1.7\n...", True),
        ("agenda.pdf", b"<svg onload=alert(1)>", False),
        ("notes.docx", b"PK\x03\x04rest", True),
        ("notes.docx", b"%PDF-1.4", False),
        ("list.csv", "name,pays\nAmina,Sénégal\n".encode(), True),
        ("list.csv", b"\xef\xbb\xbf<!DOCTYPE html><html>", False),
        ("readme.txt", b"<svg xmlns='http://www.w3.org/2000/svg'/>", False),
        ("readme.txt", b"\x89PNG\r\n\x1a\n\x00\x00", False),
        ("letter.rtf", b"{\\rtf1\\ansi", True),
    ],
)
def test_uploaded_documents_are_checked_by_content(name, content, accepted):
    extension = name.rsplit(".", 1)[1]
    assert content_matches_extension(content, extension) is accepted


def test_the_admin_refuses_a_document_whose_content_lies_about_its_type(client, owner):
    client.force_login(owner)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Agenda",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("agenda.pdf", b"<html><script>x</script></html>"),
        },
    )
    assert response.status_code == 200
    assert "does not match its extension" in response.content.decode()
    assert not Document.objects.exists()

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Agenda",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("agenda.pdf", b"%PDF-1.7 real"),
        },
    )
    assert response.status_code == 302
    assert Document.objects.get().title == "Agenda"


def test_a_forms_base_class_is_ours():
    from wagtail.documents.forms import get_document_form  # noqa: PLC0415

    assert issubclass(get_document_form(Document), DocumentForm)
    assert png_bytes()  # the factory module is shared with the media-rights tests
