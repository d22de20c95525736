"""Content Security Policy: strict on every page we write, looser only in Wagtail's admin.

Our templates carry no inline script or style, so the public site runs with
``SECURE_CSP`` (no ``unsafe-inline``). Wagtail's admin, which we do not write, still
relies on inline script and style, so paths under ``ADMIN_CSP_PREFIX`` get
``ADMIN_CSP`` instead; its other directives are as strict as the site's.
"""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware


class SiteContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_CSP_PREFIX) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        return super().process_response(request, response)
