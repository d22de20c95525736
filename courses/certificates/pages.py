"""Certificates on the public site: the verification page anyone may open, and the PDF
download for the person it was issued to and the coordinators of its session.

The verification page shows what the certificate says from its snapshot, whether it is
valid or revoked (with the date, never the reason) and nothing else about the person.
An unknown code answers 404 with a page that says no valid certificate has it, and a
form to try again. That form (``lookup``) takes the short reference printed on the PDF
("Certificate no. 3RWW-953F-Q5PF"), forgiving case, spaces, dashes and the letters read
as digits (O for 0, I and L for 1), and leads to the certificate's verification page.
Each client IP address may verify or look up a limited number of codes per window
(``CERTIFICATE_VERIFY_LIMIT`` per ``CERTIFICATE_VERIFY_WINDOW`` seconds), counted in the
cache (Redis in production, shared by every web process).
"""

from __future__ import annotations

import re
import time

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from courses.access import count_hit
from courses.certificates.selectors import certificate_for_download
from courses.certificates.snapshot import CertificateSnapshot
from courses.models import SHORT_CODE_ALPHABET, Certificate
from participants.http import client_ip


def over_the_verify_limit(request) -> bool:
    """Count this request against its client's window; True once past the limit. The
    API's verification (api/) counts against the same budget."""
    window = settings.CERTIFICATE_VERIFY_WINDOW
    client = client_ip(request)
    key = f"certificate-verify:{client}:{int(time.time() // window)}"
    return count_hit(key, timeout=window + 5) > settings.CERTIFICATE_VERIFY_LIMIT


def _too_many(request):
    response = render(request, "courses/certificates/too_many.html", status=429)
    response["Retry-After"] = str(settings.CERTIFICATE_VERIFY_WINDOW)
    return response


# What people misread or mistype in a reference: Crockford's base 32 reads O as 0 and
# I, L as 1 (none of them is in the alphabet), and ignores case, spaces and dashes.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")  # spaces, dashes of every kind
SHORT_CODE_LENGTH = 12


def normalize_reference(value: str) -> str | None:
    """``3rww 953f-q5pf`` → ``3RWW-953F-Q5PF``; None when it cannot be a reference."""
    if len(value) > 64:
        return None
    raw = _IGNORED.sub("", value).upper().translate(_READ_AS)
    if len(raw) != SHORT_CODE_LENGTH or any(c not in SHORT_CODE_ALPHABET for c in raw):
        return None
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class ReferenceForm(forms.Form):
    reference = forms.CharField(
        label=gettext_lazy("Certificate reference"),
        help_text=gettext_lazy(
            "Printed on the certificate after “Certificate no.”: twelve letters and digits, "
            "for example 3RWW-953F-Q5PF. Capitals, spaces and dashes do not matter."
        ),
        max_length=64,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_reference(self):
        reference = normalize_reference(self.cleaned_data["reference"])
        if reference is None:
            raise forms.ValidationError(
                _("A reference has twelve letters and digits, like 3RWW-953F-Q5PF: check it.")
            )
        return reference


def _not_found(request, form, status=404):
    response = render(
        request,
        "courses/certificates/lookup.html",
        {"form": form, "not_found": True},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def lookup(request):
    """Public: find a certificate by the short reference printed on it (a GET form: it
    changes nothing), then show its verification page."""
    if "reference" not in request.GET:
        return render(request, "courses/certificates/lookup.html", {"form": ReferenceForm()})
    if over_the_verify_limit(request):
        return _too_many(request)
    form = ReferenceForm(request.GET)
    if not form.is_valid():
        response = render(request, "courses/certificates/lookup.html", {"form": form}, status=400)
        response["Cache-Control"] = "no-store"
        return response
    code = (
        Certificate.objects.filter(short_code=form.cleaned_data["reference"])
        .values_list("code", flat=True)
        .first()
    )
    if code is None:
        return _not_found(request, form)
    return redirect("certificate_verify", code=code)


@require_safe
def verify(request, code):
    """Public: is this certificate genuine, and what does it certify?"""
    if over_the_verify_limit(request):
        return _too_many(request)
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        return _not_found(request, ReferenceForm())
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
