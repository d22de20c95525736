"""Certificate PDFs: one A4 landscape page per certificate, in any script, fast.

``render_certificate(CertificateContent(...)) -> bytes`` is pure: it reads no database,
only its argument and the installed fonts (see ``fonts``), so the Celery task that
renders a certificate passes it the certificate's snapshot. See ``text`` for how names
in any script are shaped and kept extractable, ``wording`` for the English and French
sentences.
"""

from courses.certificates.pdf.render import (
    CertificateContent,
    CertificateRenderError,
    Issuer,
    Signatory,
    render_certificate,
)
from courses.certificates.pdf.text import printed_text

__all__ = [
    "CertificateContent",
    "CertificateRenderError",
    "Issuer",
    "Signatory",
    "printed_text",
    "render_certificate",
]
