"""Site UI tags: inline SVG icons without a template include per icon."""

from django import template
from django.conf import settings
from django.core.cache.utils import make_template_fragment_key
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cms.cache import local_cached

register = template.Library()

# Stroke icons on a 24px grid. Always decorative: the text next to them says what they mean.
ICON_PATHS = {
    "clock": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "globe": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>',
    "format": '<rect x="3" y="4" width="18" height="12" rx="2"/><path d="M8 20h8M12 16v4"/>',
    "calendar": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
    "users": '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6.5 6.5 0 0 1 3.5 6"/>',
    "check": '<path d="M5 12.5l4.5 4.5L19 7.5"/>',
    "check-circle": '<circle cx="12" cy="12" r="9"/><path d="M8 12.5l3 3 5-6"/>',
    "alert": '<circle cx="12" cy="12" r="9"/><path d="M12 7.5v5.5M12 16.5v.01"/>',
    "arrow-left": '<path d="M19 12H5M11 6l-6 6 6 6"/>',
    "arrow-right": '<path d="M5 12h14M13 6l6 6-6 6"/>',
    "chevron-down": '<path d="M6 9l6 6 6-6"/>',
    "search": '<circle cx="11" cy="11" r="7"/><path d="M20 20l-4-4"/>',
    "close": '<path d="M6 6l12 12M18 6L6 18"/>',
    "download": '<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>',
    "document": '<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5M9 13h6M9 17h6"/>',
    "lock": '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/>',
    "book": '<path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z"/><path d="M4 21a2 2 0 0 1 2-2h13v2"/>',
    "filter": '<path d="M4 5h16l-6 7.5V19l-4 2v-8.5z"/>',
    "layers": '<path d="M12 3l9 5-9 5-9-5z"/><path d="M3 13l9 5 9-5"/>',
    "target": '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="1"/>',
    "chat": '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.6A8 8 0 1 1 21 12z"/>',
    "bulb": '<path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.9V16h5v-.2c0-.8.4-1.5 1-1.9A6 6 0 0 0 12 3z"/>',
    "external": '<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>',
    "play": '<circle cx="12" cy="12" r="9"/><path d="M10 8.5v7l6-3.5z"/>',
    "briefcase": '<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2M3 13h18"/>',
}

_SVG = (
    '<svg class="icon icon--{name}" viewBox="0 0 24 24" width="20" height="20" fill="none" '
    'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
    'aria-hidden="true" focusable="false">{paths}</svg>'
)
ICONS = {
    name: format_html(_SVG, name=name, paths=mark_safe(paths))  # noqa: S308 - our own constants
    for name, paths in ICON_PATHS.items()
}


@register.simple_tag
def icon(name):
    """``{% icon "clock" %}``: an unknown name is a template bug, so it raises."""
    return ICONS[name]


@register.simple_tag
def site_languages():
    """settings.LANGUAGES as they are: each language named in itself. (Django's
    ``get_available_languages`` passes the names through gettext, and "English" would
    read "الإنجليزيّة" on an Arabic page.)"""
    return settings.LANGUAGES


# Stands for the visitor's CSRF token in a kept fragment; each response puts its own in.
CSRF_PLACEHOLDER = "csrf-token-of-this-response"


class PublishedFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, shared):
        self.nodelist, self.name, self.vary_on, self.shared = nodelist, name, vary_on, shared

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A preview shows a draft: never read nor leave it where visitors get it.
            return self.nodelist.render(context)
        vary = [var.resolve(context) for var in self.vary_on]
        key = make_template_fragment_key(self.name, vary)
        html = local_cached(key, lambda: self.render_for_anyone(context), shared=self.shared)
        if CSRF_PLACEHOLDER in html:
            html = html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", "")))
        return mark_safe(html)  # noqa: S308 -- rendered by our template

    def render_for_anyone(self, context):
        with context.push(csrf_token=CSRF_PLACEHOLDER):
            return str(self.nodelist.render(context))


@register.tag
def published_fragment(parser, token):
    """``{% published_fragment "name" var… %}…{% endpublished_fragment %}``: the part of a
    page that only depends on published content and on the ``var``s, rendered once per
    content version and kept in process (``cms.cache.local_cached``): a dict look-up
    instead of a render, and no Redis round trip. Every value the part reads that is not
    published content must be among the ``var``s (language, signed in or not, …); a
    CSRF token in it is the visitor's own. Ending the ``var``s with ``in_process`` keeps the
    fragment out of the shared cache (``local_cached(shared=False)``)."""
    name, *vary_on = token.split_contents()[1:]
    shared = not (vary_on and vary_on[-1] == "in_process")
    if not shared:
        vary_on.pop()
    nodelist = parser.parse(("endpublished_fragment",))
    parser.delete_first_token()
    return PublishedFragmentNode(
        nodelist, name, [parser.compile_filter(var) for var in vary_on], shared
    )
