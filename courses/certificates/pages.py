"""Certificates on the public site: the verification page anyone may open, and the PDF
download for the person it was issued to and the coordinators of its session.

The verification page shows what the certificate says from its snapshot, whether it is
valid or revoked (with the date, never the reason) and nothing else about the person.
An unknown code is the site's ordinary 404. Each client IP address may verify a limited
number of codes per window (``CERTIFICATE_VERIFY_LIMIT`` per ``CERTIFICATE_VERIFY_WINDOW``
seconds), counted in the cache (Redis in production, shared by every web process).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from courses.access import count_hit
from courses.certificates.selectors import certificate_for_download
from courses.certificates.snapshot import CertificateSnapshot
from courses.models import Certificate
from participants.http import client_ip


def over_the_verify_limit(request) -> bool:
    """Count this request against its client's window; True once past the limit. The
    API's verification (api/) counts against the same budget."""
    window = settings.CERTIFICATE_VERIFY_WINDOW
    client = client_ip(request)
    key = f"certificate-verify:{client}:{int(time.time() // window)}"
    return count_hit(key, timeout=window + 5) > settings.CERTIFICATE_VERIFY_LIMIT


@require_safe
def verify(request, code):
    """Public: is this certificate genuine, and what does it certify?"""
    if over_the_verify_limit(request):
        response = render(request, "courses/certificates/too_many.html", status=429)
        response["Retry-After"] = str(settings.CERTIFICATE_VERIFY_WINDOW)
        return response
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        raise Http404
    snapshot = CertificateSnapshot.of(certificate)
    response = render(
        request,
        "courses/certificates/verify.html",
        {
            "certificate": certificate,
            "name": snapshot.participant_name,
            "course": snapshot.course_title,
            "starts_on": snapshot.starts_on,
            "ends_on": snapshot.ends_on,
            "place": snapshot.place,
            "is_online": snapshot.is_online,
            "hours": snapshot.hours_attended,
            # Monograms only: the logo copies stay in the certificates' private storage.
            "issuers": [
                {"name": i.name, "acronym": i.acronym, "colour": i.colour} for i in snapshot.issuers
            ],
        },
    )
    # A revocation must show at once, and the page names a person: keep no copies.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
def download(request, code):
    """The PDF, for the person it was issued to and the coordinators of its session."""
    certificate = certificate_for_download(request.user, code)
    if certificate is None or not certificate.pdf:
        raise Http404
    try:
        file = certificate.pdf.open("rb")
    except OSError as error:
        raise Http404(_("The file of this certificate is missing.")) from error
    response = FileResponse(
        file, as_attachment=True, filename=certificate.filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "no-store"
    return response
