"""Handouts and images of training modules stay with the people the modules are for.

A document or image that only training modules use (Wagtail's reference index says
where each is used) is *restricted*: it is served only to someone who may read one of
those modules (``modules_readable_by``) or who works with the media library in the
admin. Anything a public page also uses, or nothing uses yet, stays public. People who
may not have the file get 404, like a page they may not see.

Uploaded documents are checked by what they contain, not by their name: a file named
``.pdf`` must start like a PDF, an Office or OpenDocument file like a ZIP, and text
must be text, never markup a browser would run.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from .models import ModulePage, modules_readable_by

LIBRARY_PERMISSIONS = ["add", "change", "choose"]


def restricting_modules(obj) -> list[ModulePage] | None:
    """The modules that restrict ``obj`` (a document or image), or None when it is public.

    Restricted means: used by at least one page, and every page using it is a training
    module. References from other objects (snippets, settings) neither restrict nor
    publish it. Two queries.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if not page_ids:
        return None
    pages = list(Page.objects.filter(pk__in=page_ids).only("path", "depth", "content_type_id"))
    module_type = ContentType.objects.get_for_model(ModulePage).pk
    if any(page.content_type_id != module_type for page in pages):
        return None
    return [page.specific_deferred for page in pages]


def may_have(user, obj, *, model) -> bool:
    """Whether ``user`` may download ``obj``: public, or they may read a module using it,
    or they work with the media library in the admin (editors preview what they chose)."""
    modules = restricting_modules(obj)
    return modules is None or may_have_restricted(user, modules, model=model)


def may_have_restricted(user, modules, *, model) -> bool:
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(model)
    if getattr(user, "can_access_admin", False) and policy.user_has_any_permission(
        user, LIBRARY_PERMISSIONS
    ):
        return True
    return any(
        modules_readable_by(user, course_path=module.path[: -module.steplen], page=module)
        for module in modules
    )


def check_document(document, request):
    """``before_serve_document``: a restricted handout answers 404 to who may not have it."""
    if not may_have(request.user, document, model=get_document_model()):
        raise Http404
    return None


def image_access(image, request) -> str:
    """How an image (original or rendition) may be sent: "public" to anyone and any
    cache, "private" to this person only, or "denied" (answer 404)."""
    modules = restricting_modules(image)
    if modules is None:
        return "public"
    if may_have_restricted(request.user, modules, model=get_image_model()):
        return "private"
    return "denied"


# What each allowed extension must start with. Office Open XML and OpenDocument files
# are ZIP archives; a text file is checked separately.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"csv", "txt"}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script", b"<head", b"<body")


def content_matches_extension(head: bytes, extension: str) -> bool:
    """Whether the first bytes of a file are what its extension promises."""
    extension = extension.lower()
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in head:
            return False
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as error:
            # The sample may end inside a character; anything else is not UTF-8.
            if error.start < len(head) - 3:
                try:
                    text = head.decode("cp1252")
                except UnicodeDecodeError:
                    return False
            else:
                text = head[: error.start].decode("utf-8")
        start = text.lstrip("\ufeff \t\r\n").lower().encode()
        return not start.startswith(MARKUP_STARTS)
    return False


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file whose content is not what its name says."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # unchanged on edit
            return upload
        extension = upload.name.rsplit(".", 1)[-1] if "." in upload.name else ""
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(0)
        if not content_matches_extension(head, extension):
            raise forms.ValidationError(
                _(
                    "This file's content does not match its extension “.%(extension)s”. "
                    "Save it again in that format, or rename it to what it really is."
                ),
                code="content_mismatch",
                params={"extension": extension},
            )
        return upload
