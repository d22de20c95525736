"""Resolve the Wagtail site of a request from the cache instead of the database."""

from wagtail.models import Site

from .cache import cached


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site``, which ``Site.find_for_request`` then uses as is.

    The site comes with its root page in its specific form, the way Wagtail's router
    asks for it, so a page request starts routing without a query. Both are cached for
    the current content version (``cms.cache``), which editing a site or publishing a
    page changes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            request._wagtail_site = cached(
                f"site:{request.get_host()}:{request.get_port()}",
                lambda: self.find_site(request),
            )
        return self.get_response(request)

    @staticmethod
    def find_site(request):
        site = Site._find_for_request(request)
        if site is not None:
            # The specific home page, loaded now so it is cached with the site; its
            # ``localized`` is itself (HomePage.route picks the visitor's translation).
            site.root_page = site.root_page.specific
        return site
