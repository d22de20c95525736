"""Demo content: the site tree, real courses written for Concord, and generated ones for scale.

The written courses go through the same calls editors make in the admin (``add_child``,
a saved revision, ``publish``), so search indexes, references and logs are built as in
real use; the generated ones, thousands for benchmarks, are written in bulk to the same
result (``seed_generated_courses`` says how).
Every function is idempotent: what exists (by slug) is left alone.
"""

from __future__ import annotations

import io
import random
import uuid
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from participants.models import Organization

from ..models import CatalogPage, CoursePage, HomePage, ModulePage, ThematicArea
from ..services import align_default_site_with_site_url
from .bulk import allocate_ids, copy_rows
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
    catalog: CatalogPage,
    count: int,
    *,
    modules_per_course: int = 5,
    extra_modules: int = 0,
    progress=None,
) -> int:
    """``count`` extra courses, variations on the written ones, for benchmarks at scale,
    live, each with ``modules_per_course`` live modules (the first ``extra_modules``
    courses one more); returns how many courses were made (those whose slug exists are
    left alone).

    Why it is written this way: through ``add_child`` and ``publish`` page by page,
    5,000 courses (30,000 pages) take many minutes; a newcomer's ``seed_demo --courses``,
    the benchmarks' 5,000-course catalogue and CI's scale test all wait for it. Here the
    work is done once per table, not once per page, with the same result:

    - Tree paths are computed as treebeard would (the next steps after the catalogue's
      last child, then each course's children), with ``url_path``, ``depth`` and
      ``numchild``; a test checks ``Page.find_problems()`` finds nothing.
    - Ids are taken from the sequences first, so pages, their specific rows, one
      published revision each (``serializable_data()`` as a publish saves it, so the
      editor opens them as any page) and the courses' areas and partners are written by
      COPY (``cms.demo.bulk``) in a few statements, the pages already pointing at their
      revisions.
    - Text is read once per *shape*: every generated course copies a written course
      (template and module count) and differs only by its title, every module copies a
      written module. One course or module per shape goes through Wagtail's search
      backend; the others' index entries are copies of it (a course's title vectors its
      own), and the catalogue's search documents are one statement that extracts each
      shape's text once (``cms.search.write_copied_search_documents``). Tests compare
      both with what a publish and the backend write.
    - The catalogue's child count and the content version are brought up to date once.

    The statements issued do not grow with ``count`` (a test counts them). The reference
    index (what the admin's "usage" counts) is left to ``rebuild_references_index``.
    ``progress(done, count)``, if given, is called every 500 courses.
    """
    from cms.cache import bump_content_version  # noqa: PLC0415 -- demo only
    from cms.search import write_copied_search_documents  # noqa: PLC0415 -- demo only

    existing = set(CoursePage.objects.child_of(catalog).values_list("slug", flat=True))
    areas = {area.slug: area for area in ThematicArea.objects.all()}
    partners = {org.acronym: org for org in Organization.objects.all()}
    images = {}
    plans = []
    for number in range(1, count + 1):
        template = COURSES[number % len(COURSES)]
        slug = f"{template['slug']}-cohort-{number:04d}"
        if slug in existing:
            continue
        modules = modules_per_course + (1 if number <= extra_modules else 0)
        if template["title"] not in images:
            images[template["title"]] = hero_image(
                f"Banner: {template['title']}", template["thematic_areas"][0], number
            )
        plans.append((number, template, slug, modules))
    if not plans:
        return 0

    now = timezone.now()
    locale = catalog.locale_id
    course_type = ContentType.objects.get_for_model(CoursePage)
    module_type = ContentType.objects.get_for_model(ModulePage)
    page_type = ContentType.objects.get_for_model(Page)
    last = catalog.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0

    def page(model, *, path, depth, numchild, title, slug, url_path, **fields):
        return model(
            path=path,
            depth=depth,
            numchild=numchild,
            translation_key=uuid.uuid4(),
            locale_id=locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            latest_revision_created_at=now,
            title=title,
            draft_title=title,
            slug=slug,
            content_type=course_type if model is CoursePage else module_type,
            url_path=url_path,
            **fields,
        )

    # StreamField values built once per written course or module and given to every copy
    # as raw data, which Wagtail writes back as is (a StreamValue made from a list is
    # converted block by block, then serialised again: most of the time of 25,000
    # module bodies).
    streams: dict = {}

    def lazy(model, name, key, items):
        if (name, key) not in streams:
            raw = _stream(("item", text) for text in items) if name != "body" else _stream(items)
            streams[(name, key)] = raw
        block = model._meta.get_field(name).stream_block
        return StreamValue(block, streams[(name, key)], is_lazy=True)

    courses, modules = [], []
    copied_from: dict[int, tuple[str, str]] = {}
    for number, template, slug, module_count in plans:
        step += 1
        path = Page._get_path(catalog.path, catalog.depth + 1, step)
        course = page(
            CoursePage,
            path=path,
            depth=catalog.depth + 1,
            numchild=module_count,
            title=f"{template['title']} — cohort {number}",
            slug=slug,
            url_path=f"{catalog.url_path}{slug}/",
            summary=template["summary"],
            hero_image=images[template["title"]],
            learning_outcomes=lazy(
                CoursePage, "learning_outcomes", template["slug"], template["learning_outcomes"]
            ),
            target_audience=template["target_audience"],
            prerequisites=template.get("prerequisites", ""),
            duration_hours=template["duration_hours"],
            languages=template["languages"],
            delivery_mode=template["delivery_mode"],
            featured=False,
        )
        course.thematic_areas = [areas[a] for a in template["thematic_areas"] if a in areas]
        course.partner_organizations = [partners[a] for a in template["partners"] if a in partners]
        courses.append(course)
        written = (template["modules"] * module_count)[:module_count]
        for n, data in enumerate(written, start=1):
            module_slug = f"{data['slug']}-{n}"
            copied_from[len(modules)] = (template["slug"], data["slug"])
            modules.append(
                page(
                    ModulePage,
                    path=Page._get_path(path, catalog.depth + 2, n),
                    depth=catalog.depth + 2,
                    numchild=0,
                    title=data["title"],
                    slug=module_slug,
                    url_path=f"{course.url_path}{module_slug}/",
                    summary=data.get("summary", ""),
                    estimated_minutes=data["estimated_minutes"],
                    learning_objectives=lazy(
                        ModulePage,
                        "learning_objectives",
                        (template["slug"], data["slug"]),
                        data["learning_objectives"],
                    ),
                    body=lazy(ModulePage, "body", (template["slug"], data["slug"]), data["body"]),
                )
            )
        if progress is not None and (len(courses) % 500 == 0 or len(courses) == len(plans)):
            progress(len(courses), len(plans))

    with transaction.atomic():
        pages = [*courses, *modules]
        # The ids of the pages and of their revisions first, so that each row can name
        # the others before any is written; then every table by COPY (``bulk``).
        for p, pk in zip(pages, allocate_ids(Page, len(pages)), strict=True):
            p.pk = p.id = p.page_ptr_id = pk
        # Nothing hangs under the new pages (trainers, inline rows): said here, so that
        # serialising a page for its revision does not ask the database for each.
        for p in pages:
            for relation in get_all_child_relations(p):
                setattr(p, relation.get_accessor_name(), [])
        # Each revision holds its page as saving a revision before a publish serialises
        # it (no live or latest revision yet); the page then points at it as published.
        revisions = [
            Revision(
                content_type=course_type if isinstance(p, CoursePage) else module_type,
                base_content_type=page_type,
                object_id=str(p.pk),
                created_at=now,
                object_str=p.title,
                content=p.serializable_data(),
            )
            for p in pages
        ]
        for p, revision, pk in zip(
            pages, revisions, allocate_ids(Revision, len(revisions)), strict=True
        ):
            revision.pk = pk
            p.live_revision_id = p.latest_revision_id = pk
        # Wagtail's page table (the parent model), then the specific rows with the same
        # ids, the revisions and the courses' areas and partners.
        copy_rows(Page, pages)
        copy_rows(CoursePage, courses)
        copy_rows(ModulePage, modules)
        copy_rows(Revision, revisions)
        for name, column in (
            ("thematic_areas", "thematicarea_id"),
            ("partner_organizations", "organization_id"),
        ):
            through = getattr(CoursePage, name).through
            copy_rows(
                through,
                (
                    through(coursepage_id=course.pk, **{column: target.pk})
                    for course in courses
                    for target in getattr(course, name).all()
                ),
                fields=[through._meta.get_field("coursepage"), through._meta.get_field(column)],
            )
        Page.objects.filter(pk=catalog.pk).update(numchild=Page.objects.child_of(catalog).count())
        catalog.numchild = Page.objects.get(pk=catalog.pk).numchild

        # Every generated course is a copy of a written one but for its title, and every
        # module a copy of a written module: the text of each "shape" is read once.
        course_shapes: dict[tuple[str, int], int] = {}
        course_sources = {
            course.pk: course_shapes.setdefault((template["slug"], module_count), course.pk)
            for course, (_number, template, _slug, module_count) in zip(courses, plans, strict=True)
        }
        module_shapes: dict[tuple[str, str], int] = {}
        module_sources = {
            module.pk: module_shapes.setdefault(copied_from[i], module.pk)
            for i, module in enumerate(modules)
        }
        # Wagtail's search index (the admin's search) and the catalogue's documents.
        _index_copies(CoursePage, course_sources, own_title=True)
        _index_copies(ModulePage, module_sources, own_title=False)
        write_copied_search_documents(course_sources)
    bump_content_version()
    return len(courses)


def _index_copies(model, sources: dict[int, int], *, own_title: bool) -> None:
    """Wagtail's search-index entries of the pages ``sources`` maps to a page whose
    indexed text is theirs (a copy's ``source``, itself for the first of each kind).

    The sources go through the search backend, as a publish would; each other page's
    entry is then its source's, copied by one statement (extracting the text of 5,000
    courses or 25,000 module bodies again is most of a bulk load's time). With
    ``own_title`` a copy has a title of its own: its title vectors are made from it as
    the backend makes them (the title field's weight, the backend's configurations), the
    rest is copied; a test compares such entries with the backend's. A backend other
    than the database one gets every page the slow way.
    """
    from modelsearch.backends.database.postgres.postgres import (  # noqa: PLC0415 -- demo only
        PostgresSearchBackend,
    )
    from modelsearch.backends.database.postgres.weights import (  # noqa: PLC0415 -- demo only
        get_weight,
    )
    from modelsearch.index import SearchField  # noqa: PLC0415 -- demo only

    if not sources:
        return
    originals = sorted(set(sources.values()))
    prefetch = ["thematic_areas", "partner_organizations"] if model is CoursePage else []
    for backend in get_search_backends(with_auto_update=True):
        if not isinstance(backend, PostgresSearchBackend):
            ids = list(sources)
            for start in range(0, len(ids), 1_000):
                chunk = model.get_indexed_objects().filter(pk__in=ids[start : start + 1_000])
                backend.add_bulk(model, list(chunk.prefetch_related(*prefetch)))
            continue
        backend.add_bulk(
            model,
            list(model.get_indexed_objects().filter(pk__in=originals).prefetch_related(*prefetch)),
        )
        copies = {pk: source for pk, source in sources.items() if pk != source}
        if not copies:
            continue
        table = connection.ops.quote_name(
            apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        )
        if own_title:
            boost = next(
                field.boost
                for field in model.get_search_fields()
                if isinstance(field, SearchField) and field.field_name == "title"
            )
            config = "%(config)s::regconfig, " if backend.config else ""
            title = f"setweight(to_tsvector({config}COALESCE(p.title, '')), %(weight)s)"
            autocomplete = (
                "setweight(to_tsvector(%(autocomplete)s::regconfig, COALESCE(p.title, '')), 'D')"
            )
            # The norm the backend gives a new entry: the mean title length over its
            # length (``_refresh_title_norms``), the mean taken once before the copies.
            norm = (
                f"CASE WHEN length({title}) > 0 THEN "  # noqa: S608 -- names ours
                f"(SELECT avg(length(title)) FROM {table} WHERE length(title) > 0) "
                f"/ length({title}) ELSE 1.0 END"
            )
            columns = f"{title}, {autocomplete}, e.body, {norm}, p.title, e.body_text"
        else:
            columns = "e.title, e.autocomplete, e.body, e.title_norm, e.title_text, e.body_text"
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, "  # noqa: S608 -- names ours
                "title_norm, title_text, body_text) "
                f"SELECT e.content_type_id, copy.id::text, {columns} "
                "FROM unnest(%(ids)s::integer[], %(sources)s::integer[]) AS copy(id, source) "
                f"JOIN {connection.ops.quote_name(Page._meta.db_table)} p ON p.id = copy.id "
                f"JOIN {table} e ON e.object_id = copy.source::text "
                "AND e.content_type_id = %(content_type)s "
                "ON CONFLICT (content_type_id, object_id) DO NOTHING",
                {
                    "ids": list(copies),
                    "sources": list(copies.values()),
                    "content_type": ContentType.objects.get_for_model(model).pk,
                    "config": backend.config,
                    "autocomplete": backend.autocomplete_config,
                    "weight": get_weight(boost) if own_title else None,
                },
            )


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
