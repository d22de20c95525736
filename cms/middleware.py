"""Resolve the Wagtail site of a request from memory or the cache, not the database."""

from wagtail.models import Site

from .cache import local_cached


def site_not_needed(view):
    """Mark a view that answers without the Wagtail site (a POST that redirects): the
    middleware then does not look it up (issue 20: the enroll POST is a hot path)."""
    view.site_not_needed = True
    return view


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site``, which ``Site.find_for_request`` then uses as is.

    The site comes with its root page in its specific form, the way Wagtail's router
    asks for it, so a page request starts routing without a query. Both are cached for
    the current content version (``cms.cache``), which editing a site or publishing a
    page changes.

    In front of the shared cache, each process keeps the sites it found for the content
    version it last read, and trusts that version for ``CMS_LOCAL_CACHE_SECONDS``
    (a second): most requests then resolve their site without a Redis round trip, and
    a change to a site reaches every process within that second. Set in
    ``process_view``, so a view marked ``site_not_needed`` costs nothing here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "site_not_needed", False) or request.path_info.startswith("/admin/"):
            return None
        request._wagtail_site = self.site_for(request)
        return None

    def site_for(self, request):
        # The in-process layer of ``cms.cache``; a missing site is cached as False.
        key = f"site:{request.get_host()}:{request.get_port()}"
        return local_cached(key, lambda: self.find_site(request) or False) or None

    @staticmethod
    def find_site(request):
        site = Site._find_for_request(request)
        if site is not None:
            # The specific home page, loaded now so it is cached with the site; its
            # ``localized`` is itself (HomePage.route picks the visitor's translation).
            site.root_page = site.root_page.specific
        return site
