"""Content Security Policy: strict on every page we write, looser only in Wagtail's admin.

Our templates carry no inline style, and inline script only with the request's nonce,
so the public site runs with ``SECURE_CSP`` (no ``unsafe-inline``). Wagtail's admin,
which we do not write, still relies on inline script and style, so paths under
``ADMIN_CSP_PREFIX`` get ``ADMIN_CSP`` instead; its other directives are as strict as
the site's.

A response that did not use its nonce (a redirect, most pages) gets the same policy
text every time: it is written once per settings object rather than on each response,
as Django's middleware does. A response that used the nonce is written by Django's.
"""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce
from django.utils.csp import CSP, build_policy


class SiteContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self._written: tuple = (None, "")  # (the settings' policy, its text without a nonce)

    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_CSP_PREFIX) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        config = settings.SECURE_CSP
        if (
            not config
            or get_nonce(request)  # used by the page: its policy names it
            or hasattr(response, "_csp_config")
            or CSP.HEADER_ENFORCE in response
            or settings.SECURE_CSP_REPORT_ONLY
        ):
            return super().process_response(request, response)
        if self._written[0] is not config:
            self._written = (config, build_policy(config))
        response.headers[str(CSP.HEADER_ENFORCE)] = self._written[1]
        return response
