"""What the API app serves outside ``/api/v1/``: the issuer's DID document, the signed
revocation list, the holder's downloads of their credential (JSON and baked SVG badge),
and the problem-detail answers for unknown API paths and server errors."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe
from django.views.defaults import server_error

from api.problems import problem
from courses.certificates import credentials
from courses.certificates.selectors import certificate_for_download
from courses.models import Certificate
from participants.http import private_page


@require_safe
def did_document(request):
    """``did:web`` resolution: the issuer's public keys, old ones included."""
    response = JsonResponse(credentials.did_document(), content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def status_list(request):
    """The Bitstring Status List credential (VC-JWT): revoked credentials' bits set."""
    response = HttpResponse(credentials.status_list_jwt(), content_type="application/vc+jwt")
    response["Access-Control-Allow-Origin"] = "*"
    # A revocation must be seen quickly, but verifiers may keep it a minute.
    response["Cache-Control"] = "public, max-age=60"
    return response


def _holders_credential(request, code):
    certificate = certificate_for_download(request.user, code)
    if certificate is None or certificate.state != Certificate.State.SENT:
        raise Http404
    try:
        return credentials.issue_credential(certificate=certificate)
    except credentials.CredentialError as error:
        raise Http404 from error


@login_required
@require_safe
@private_page
def credential_download(request, code):
    credential = _holders_credential(request, code)
    body = json.dumps(credentials.credential_json(credential), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json")
    name = f"credential-{credential.certificate.short_code}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_safe
@private_page
def badge_download(request, code):
    credential = _holders_credential(request, code)
    response = HttpResponse(credentials.baked_svg(credential), content_type="image/svg+xml")
    name = f"badge-{credential.certificate.short_code}.svg"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def unknown_api_path(request, rest=""):
    return problem(404, "No such API endpoint. The list is at /api/v1/docs.")


def server_error_handler(request, *args, **kwargs):
    """handler500: problem details under /api/, the site's own page elsewhere."""
    if request.path.startswith("/api/"):
        return problem(500, "Something went wrong on our side; it has been logged.")
    return server_error(request, *args, **kwargs)
