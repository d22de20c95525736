"""Demo content: the site tree, real courses written for Concord, and generated ones for scale.

Everything goes through the same calls editors make in the admin (``add_child``, a saved
revision, ``publish``), so search indexes, references and logs are built as in real use.
Every function is idempotent: what exists (by slug) is left alone.
"""

from __future__ import annotations

import io
import random
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from participants.models import Organization

from ..models import CatalogPage, CoursePage, HomePage, ModulePage, ThematicArea
from ..services import align_default_site_with_site_url
from .courses_a import COURSES as COURSES_A
from .courses_b import COURSES as COURSES_B
from .translations import COURSE_SLUG as TRANSLATED_COURSE
from .translations import LANGUAGES as TRANSLATED_INTO
from .translations import STRINGS as TRANSLATED_STRINGS

COURSES = [*COURSES_A, *COURSES_B]

HOME_TITLE = "Joint training in conflict prevention and mediation"
HOME_INTRO = (
    "<p>The United Nations and regional organizations train their staff together: "
    "mediators, political officers, electoral experts and the staff who serve the councils "
    "that take peace and security decisions. Learning side by side builds the shared "
    "understanding and the personal contacts that cooperation in a crisis depends on.</p>"
    "<p>Find a course, enroll or be nominated by your organization, follow its modules, "
    "attend its sessions and receive a certificate both organizations sign.</p>"
)
PARTNERS_INTRO = (
    "<p>Cooperation with regional organizations, recognized in Chapter VIII of the UN Charter, "
    "runs through desk-to-desk dialogues, joint analysis and joint training. These "
    "organizations design and deliver the programme with us.</p>"
)
CATALOG_INTRO = (
    "<p>Every course is designed and taught jointly by the United Nations and a regional or "
    "sub-regional organization. Filter by theme, partner, language or format, or search.</p>"
)

# Accent colours of the generated hero images, one per thematic area.
AREA_COLOURS = {
    "conflict-prevention": ("#0b3d66", "#5b92e5"),
    "preventive-diplomacy": ("#173b57", "#7fb2d9"),
    "mediation": ("#0f4c5c", "#5fb3b3"),
    "early-warning": ("#3d2c5c", "#a08bd6"),
    "electoral-assistance": ("#5c3b0f", "#e0a95b"),
    "policy-organs": ("#22433a", "#7cc2a5"),
    "women-peace-security": ("#5c1f3d", "#e08bb4"),
    "peacebuilding": ("#2f4a1c", "#9bcf72"),
}


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


@transaction.atomic
def seed_site() -> tuple[HomePage, CatalogPage]:
    """The home page as the default site's root, and the catalogue under it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Concord",
            slug="concord",
            intro_title=HOME_TITLE,
            intro=HOME_INTRO,
            partners_intro=PARTNERS_INTRO,
        )
        root.add_child(instance=home)
        publish(home)
        site = Site.objects.filter(is_default_site=True).first()
        previous_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "Concord"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="Concord"
            )
        # Wagtail's placeholder "Welcome" page is of no use once the site has a home.
        if (
            previous_root
            and previous_root.specific_class is Page
            and not previous_root.get_children().exists()
        ):
            previous_root.delete()
    align_default_site_with_site_url()
    catalog = CatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = CatalogPage(title="Course catalogue", slug="courses", intro=CATALOG_INTRO)
        home.add_child(instance=catalog)
        publish(catalog)
    return home, catalog


def hero_image(title: str, area_slug: str, seed: int):
    """A generated abstract banner (no photographs or emblems we have no right to)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    dark, light = AREA_COLOURS.get(area_slug, ("#0b3d66", "#5b92e5"))
    rng = random.Random(seed)
    canvas = PILImage.new("RGB", (1200, 500), dark)
    draw = ImageDraw.Draw(canvas, "RGBA")
    r, g, b = (int(light[i : i + 2], 16) for i in (1, 3, 5))
    for _index in range(14):
        x, y = rng.randint(-200, 1200), rng.randint(-200, 500)
        radius = rng.randint(60, 320)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=(r, g, b, rng.randint(18, 60)),
        )
    for offset in range(0, 1200, 48):
        draw.line((offset, 500, offset + 300, 0), fill=(255, 255, 255, 14), width=2)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{area_slug}-{seed}.png"))


# Blocks whose value is a list (ListBlock), directly or in a case study's questions.
LIST_BLOCKS = {"discussion_questions", "key_takeaways", "further_reading"}


def _list_items(values) -> list[dict]:
    """A ListBlock's items in Wagtail's block format (each with an id), the format an
    editor's save writes: wagtail-localize extracts strings for translation only from it."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _block_value(block_type, value):
    if block_type in LIST_BLOCKS:
        return _list_items(value)
    if block_type == "case_study" and "questions" in value:
        return {**value, "questions": _list_items(value["questions"])}
    return value


def _stream(items: Iterable) -> list[dict]:
    return [
        {"type": block_type, "value": _block_value(block_type, value)}
        for block_type, value in items
    ]


@transaction.atomic
def seed_course(catalog: CatalogPage, data: dict, *, index: int) -> CoursePage:
    course = CoursePage.objects.child_of(catalog).filter(slug=data["slug"]).first()
    if course is None:
        first_area = data["thematic_areas"][0]
        course = CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            hero_image=hero_image(
                f"Banner: {data.get('banner', data['title'])}", first_area, index
            ),
            learning_outcomes=_stream(("item", text) for text in data["learning_outcomes"]),
            target_audience=data["target_audience"],
            prerequisites=data.get("prerequisites", ""),
            duration_hours=data["duration_hours"],
            languages=data["languages"],
            delivery_mode=data["delivery_mode"],
            featured=data.get("featured", False),
        )
        course.thematic_areas = list(ThematicArea.objects.filter(slug__in=data["thematic_areas"]))
        course.partner_organizations = list(
            Organization.objects.filter(acronym__in=data["partners"])
        )
        catalog.add_child(instance=course)
        publish(course)
    for module_data in data["modules"]:
        if ModulePage.objects.child_of(course).filter(slug=module_data["slug"]).exists():
            continue
        module = ModulePage(
            title=module_data["title"],
            slug=module_data["slug"],
            summary=module_data.get("summary", ""),
            estimated_minutes=module_data["estimated_minutes"],
            learning_objectives=_stream(
                ("item", text) for text in module_data["learning_objectives"]
            ),
            body=_stream(module_data["body"]),
        )
        course.add_child(instance=module)
        publish(module)
    return course


def seed_courses(catalog: CatalogPage) -> list[CoursePage]:
    return [seed_course(catalog, data, index=i) for i, data in enumerate(COURSES)]


def seed_generated_courses(
    catalog: CatalogPage, count: int, *, modules_per_course: int = 5, progress=None
):
    """``count`` extra courses, variations on the written ones, for benchmarks at scale.

    Pages go through the editors' path (``add_child``, a saved revision, ``publish``), but
    the search and reference indexes are not updated on each of the three saves a page
    gets: that was most of the time of a load of thousands of pages. Both indexes are
    brought up to date once at the end, for the courses and modules of this call, so
    the pages come out exactly as an editor's would. ``progress(done, count)``, if given,
    is called after each course. Returns how many courses were made.
    """
    page_models = (CoursePage, ModulePage)
    existing = set(CoursePage.objects.child_of(catalog).values_list("slug", flat=True))
    courses = []
    disconnected = [
        model
        for model in page_models
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            for number in range(1, count + 1):
                template = COURSES[number % len(COURSES)]
                data = {
                    **template,
                    "slug": f"{template['slug']}-cohort-{number:04d}",
                    "title": f"{template['title']} — cohort {number}",
                    "featured": False,
                    "banner": template["title"],
                    "modules": [
                        {**module, "slug": f"{module['slug']}-{n}"}
                        for n, module in enumerate(
                            (template["modules"] * modules_per_course)[:modules_per_course],
                            start=1,
                        )
                    ],
                }
                courses.append(seed_course(catalog, data, index=number))
                if progress is not None:
                    progress(number, count)
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)

    course_ids = [course.pk for course in courses]
    batches = {
        CoursePage: CoursePage.objects.filter(pk__in=course_ids),
        ModulePage: ModulePage.objects.filter(
            pk__in=[
                pk
                for course in courses
                for pk in ModulePage.objects.child_of(course).values_list("pk", flat=True)
            ]
        ),
    }
    backends = list(get_search_backends(with_auto_update=True))
    for model, pages in batches.items():
        ids = list(pages.values_list("pk", flat=True))
        for start in range(0, len(ids), 200):
            chunk = list(model.get_indexed_objects().filter(pk__in=ids[start : start + 200]))
            for backend in backends:
                backend.add_bulk(model, chunk)
            with transaction.atomic():
                for page in chunk:
                    ReferenceIndex.create_or_update_for_object(page)
    return sum(1 for course in courses if course.slug not in existing)


def seed_translations() -> int:
    """The demo's translated course in Arabic, French and Spanish, made the way a trainer
    makes it: wagtail-localize extracts the strings of the course and of each module, the
    translator's strings (``cms.demo.translations``) are entered for each, and the
    translation is published. Languages the course has already are left alone. Returns
    how many languages were added.
    """
    from wagtail_localize.models import (  # noqa: PLC0415 -- demo only
        StringTranslation,
        Translation,
        TranslationSource,
    )

    course = CoursePage.objects.filter(
        slug=TRANSLATED_COURSE, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if course is None:
        return 0
    pages = [course, *ModulePage.objects.child_of(course).order_by("path")]
    added = 0
    for code in TRANSLATED_INTO:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or course.has_translation(locale):
            continue
        with transaction.atomic():
            for page in pages:
                source, _created = TranslationSource.get_or_create_from_instance(page)
                Translation.objects.get_or_create(source=source, target_locale=locale)
                for segment in source.stringsegment_set.select_related("string", "context"):
                    StringTranslation.objects.update_or_create(
                        translation_of=segment.string,
                        locale=locale,
                        context=segment.context,
                        defaults={
                            "data": TRANSLATED_STRINGS[segment.string.data][code],
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        },
                    )
                # A draft first, then published here: wagtail-localize publishes only once
                # the transaction commits, which a caller's transaction may postpone.
                source.create_or_update_translation(locale, publish=False, copy_parent_pages=True)
                page.get_translation(locale).get_latest_revision().publish()
        added += 1
    return added
