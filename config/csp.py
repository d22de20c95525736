"""Content Security Policy: strict on every page we write, looser only in Wagtail's admin.

Our templates carry no inline script or style, so the public site runs with
``SECURE_CSP`` (no ``unsafe-inline``). Wagtail's admin, which we do not write, still
relies on inline script and style, so paths under ``ADMIN_CSP_PREFIX`` get
``ADMIN_CSP`` instead; its other directives are as strict as the site's.

Neither policy carries a nonce, so each is the same text on every response: it is
written once per process (per settings object) rather than on each response, as
Django's middleware does.
"""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils.csp import CSP, build_policy


def _uses_nonce(config) -> bool:
    return any(
        isinstance(values, list | tuple | set) and CSP.NONCE in values for values in config.values()
    )


class SiteContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self._written: tuple = (None, "")  # (the settings' policy, its header)

    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_CSP_PREFIX) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        if hasattr(response, "_csp_config") or CSP.HEADER_ENFORCE in response:
            return super().process_response(request, response)
        config = settings.SECURE_CSP
        if self._written[0] is not config:
            if not config or _uses_nonce(config):
                return super().process_response(request, response)
            self._written = (config, build_policy(config))
        response.headers[CSP.HEADER_ENFORCE] = self._written[1]
        if settings.SECURE_CSP_REPORT_ONLY:  # rare: Django's middleware writes it
            return super().process_response(request, response)
        return response
