"""Reads that several pages share, each with a fixed number of queries."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
from wagtail.models import Page

from participants.models import Organization

from .i18n import locale_ids
from .models import CoursePage


def featured_courses(*, home, limit=6):
    """Live featured courses under ``home``, each in the language of ``home`` when it is
    translated into it: 3 queries whatever their number, 5 on a translated home page.

    A translated home page (an alias of the site's home, or a translation of it) shows
    the featured courses of the site's home, so every language has them.
    """

    def courses(queryset):
        return queryset.select_related("hero_image").prefetch_related(
            Prefetch("partner_organizations", queryset=Organization.objects.only("id", "acronym")),
        )

    source = home
    if home.alias_of_id or home.locale_id != locale_ids().get(settings.LANGUAGE_CODE):
        source = (
            Page.objects.filter(
                translation_key=home.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            or home
        )
    featured = list(
        courses(CoursePage.objects.live().descendant_of(source).filter(featured=True)).order_by(
            "title"
        )[:limit]
    )
    if source is home:
        return featured
    translated = {
        course.translation_key: course
        for course in courses(
            CoursePage.objects.live().filter(
                translation_key__in=[c.translation_key for c in featured], locale=home.locale_id
            )
        )
    }
    return [translated.get(course.translation_key, course) for course in featured]


def partner_organizations():
    """Organizations that run at least one live course, UN entities first (one query)."""
    runs_a_live_course = CoursePage.partner_organizations.through.objects.filter(
        organization_id=OuterRef("pk"), coursepage__live=True
    )
    return list(
        Organization.objects.filter(Exists(runs_a_live_course))
        .select_related("logo")
        .order_by("kind", "acronym")
    )


def titles_in(pages, language: str) -> dict[int, str]:
    """{page id: its title in ``language``} for ``pages``, from their live translations
    where they have one: one query at most, none when every page is in that language."""
    pages = list(pages)
    titles = {page.pk: page.title for page in pages}
    locale_id = locale_ids().get(language)
    elsewhere = {page.translation_key: page.pk for page in pages if page.locale_id != locale_id}
    if locale_id is None or not elsewhere:
        return titles
    translated = (
        Page.objects.live()
        .filter(translation_key__in=list(elsewhere), locale_id=locale_id)
        .values_list("translation_key", "title")
    )
    for key, title in translated:
        titles[elsewhere[key]] = title
    return titles


def title_in(page: Page, language: str) -> str:
    """``page``'s title in ``language``: its live translation's, else its own (one query,
    none when ``page`` is in that language already). Emails and certificates name a
    course this way, since a session points at the course's source page."""
    locale_id = locale_ids().get(language)
    if locale_id is None or locale_id == page.locale_id:
        return page.title
    translated = (
        type(page)
        .objects.live()
        .filter(translation_key=page.translation_key, locale_id=locale_id)
        .values_list("title", flat=True)
        .first()
    )
    return translated or page.title
