"""The catalogue searches stored documents (cms.search): a course is found by its
modules' text too, in every language, and the documents follow what is published."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from cms.catalog import CatalogQuery, search_catalog
from cms.demo import COURSES, seed_course, seed_generated_courses, seed_site, seed_translations
from cms.models import CoursePage, CourseSearchDocument, ModulePage
from cms.search import rebuild_search_documents
from tests.conftest import shared_data
from tests.factories.pages import make_course, make_module, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker):
        _home, catalog = seed_site()
        negotiation = make_course(
            catalog,
            title="Negotiation skills",
            summary="Talking to the parties.",
            areas=("early-warning",),
        )
        make_module(
            negotiation,
            title="Listening to the parties",
            body_text="An ombudsperson hears complaints before the talks.",
        )
        languages = make_course(
            catalog, title="Regional partners", summary="Who does what.", areas=("early-warning",)
        )
        make_module(
            languages,
            title="Words of the field",
            body_text="La mediación regional; la médiation préventive; الوساطة الإقليمية؛"
            " الدبلوماسية الوقائية.",
        )
        yield catalog


@pytest.fixture
def catalog(site, db):
    cache.clear()
    return site


def run(catalog, text, **filters):
    params = QueryDict(mutable=True)
    params["q"] = text
    for name, value in filters.items():
        params[name] = value
    return search_catalog(catalog=catalog, query=CatalogQuery.from_params(params))


def titles(results):
    return sorted(course.title for course in results.courses)


def test_a_modules_text_finds_its_course(catalog):
    results = run(catalog, "ombudsperson")
    assert titles(results) == ["Negotiation skills"]
    assert results.exact_match
    # Its title too, and the words of its key takeaways (a list block).
    assert titles(run(catalog, "complaints listening")) == ["Negotiation skills"]


@pytest.mark.parametrize(
    "words", ["وساطة", "mediación", "médiation", "MEDIACION", "Mediacion regional", "وساطه"]
)
def test_words_of_a_module_in_other_languages_find_its_course(catalog, words):
    results = run(catalog, words)
    assert titles(results) == ["Regional partners"]
    assert results.exact_match


def test_a_typo_in_arabic_finds_the_module_by_trigrams(catalog):
    results = run(catalog, "الدبلوماسبة")  # a typo of الدبلوماسية
    assert titles(results) == ["Regional partners"]
    assert not results.exact_match
    assert results.suggestion == "الدبلوماسيه"  # folded: ta marbuta as ha


def test_accents_and_case_aside_in_a_module(catalog):
    assert titles(run(catalog, "OMBUDSPÉRSON")) == ["Negotiation skills"]
    assert titles(run(catalog, "preventive")) == ["Regional partners"]  # "préventive"


def test_editing_and_publishing_a_module_changes_what_finds_its_course(catalog):
    module = ModulePage.objects.get(title="Listening to the parties")
    module.body = [{"type": "paragraph", "value": "<p>A facilitator keeps the agenda.</p>"}]
    module.save_revision()  # a draft is not searched
    assert titles(run(catalog, "facilitator")) == []
    cache.clear()
    publish(module)
    cache.clear()
    assert titles(run(catalog, "facilitator")) == ["Negotiation skills"]
    assert titles(run(catalog, "ombudsperson")) == []


def test_an_unpublished_or_deleted_module_no_longer_finds_its_course(catalog):
    module = ModulePage.objects.get(title="Listening to the parties")
    module.unpublish()
    assert titles(run(catalog, "ombudsperson")) == []
    cache.clear()
    publish(module)
    cache.clear()
    assert titles(run(catalog, "ombudsperson")) == ["Negotiation skills"]
    module.delete()
    cache.clear()
    assert titles(run(catalog, "ombudsperson")) == []


def test_a_course_deleted_with_its_modules_leaves_no_document_behind(catalog):
    course = CoursePage.objects.get(title="Negotiation skills")
    course.delete()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the foreign keys, checked now
    assert not CourseSearchDocument.objects.filter(page_id=course.pk).exists()
    cache.clear()
    assert titles(run(catalog, "ombudsperson")) == []


def test_a_module_moved_to_another_course_finds_that_course(catalog):
    module = ModulePage.objects.get(title="Listening to the parties")
    other = CoursePage.objects.get(title="Regional partners")
    module.move(other, pos="last-child")
    cache.clear()
    assert titles(run(catalog, "ombudsperson")) == ["Regional partners"]


def test_an_unpublished_course_is_no_longer_found(catalog):
    course = CoursePage.objects.get(title="Negotiation skills")
    course.unpublish()
    assert not CourseSearchDocument.objects.filter(page=course).exists()
    cache.clear()
    assert titles(run(catalog, "ombudsperson")) == []
    assert titles(run(catalog, "negotiation")) == []


def test_a_renamed_partner_is_found_by_its_new_name(catalog):
    course = CoursePage.objects.get(title="Negotiation skills")
    partner = course.partner_organizations.get(acronym="AUC")
    partner.name = "Commission of the Zanzibar Union"
    partner.save()
    cache.clear()
    assert "Negotiation skills" in titles(run(catalog, "zanzibar"))


def test_a_search_costs_the_same_queries_whatever_the_number_of_courses(catalog):
    def queries(text):
        cache.clear()  # as just after a publish: nothing cached
        run(catalog, "")  # the vocabulary and the catalogue's paths, cached apart
        with CaptureQueriesContext(connection) as captured:
            run(catalog, text)
        return len(captured)

    before = {text: queries(text) for text in ("ombudsperson", "mediation", "الدبلوماسبة")}
    for i in range(14):
        course = make_course(catalog, title=f"Mediation course {i}")
        make_module(course, body_text=f"An ombudsperson number {i}.")
    after = {text: queries(text) for text in before}
    assert after == before
    # Exactly: the search with the counts and the page, the shown courses; a typo adds
    # the courses like it and the counts again.
    assert before == {"ombudsperson": 2, "mediation": 2, "الدبلوماسبة": 4}


def test_the_first_search_after_a_publish_computes_nothing_per_course(catalog):
    run(catalog, "ombudsperson")
    publish(CoursePage.objects.get(title="Negotiation skills"))  # a new content version
    with CaptureQueriesContext(connection) as first:
        run(catalog, "ombudsperson")
    with CaptureQueriesContext(connection) as later:
        run(catalog, "ombudsperson listening")
    statements = [q["sql"] for q in first.captured_queries]
    # The catalogue's tree paths and the locales, looked up once per content version;
    # then the same two statements as any later search: one reads the stored documents.
    assert len(statements) == len(later) + 2 == 4
    assert sum("cms_coursesearchdocument" in sql for sql in statements) == 1
    assert not any("cms_modulepage" in sql or "cms_stream_text" in sql for sql in statements)


def test_rebuilding_every_document_takes_two_statements_a_batch(catalog):
    CourseSearchDocument.objects.all().delete()
    assert titles(run(catalog, "ombudsperson")) == []
    with CaptureQueriesContext(connection) as captured:
        assert rebuild_search_documents(batch_size=1) == CoursePage.objects.count()
    writes = [q for q in captured.captured_queries if "cms_coursesearchdocument" in q["sql"]]
    assert len(writes) == 2 * CoursePage.objects.count()
    cache.clear()
    assert titles(run(catalog, "ombudsperson")) == ["Negotiation skills"]


def test_the_management_command_rebuilds_the_documents(catalog):
    CourseSearchDocument.objects.all().delete()
    call_command("rebuild_search_documents", verbosity=0)
    assert CourseSearchDocument.objects.count() == CoursePage.objects.live().count()
    assert titles(run(catalog, "mediación")) == ["Regional partners"]


def test_courses_seeded_in_bulk_are_found_by_their_modules(catalog):
    assert seed_generated_courses(catalog, 2, modules_per_course=1) == 2
    generated = CoursePage.objects.filter(slug__contains="-cohort-")
    assert CourseSearchDocument.objects.filter(page__in=generated).count() == 2
    template = COURSES[1]
    word = max(re.findall(r"[a-z]{6,}", str(template["modules"][0]["body"]).lower()), key=len)
    cache.clear()
    assert f"{template['title']} — cohort 1" in titles(run(catalog, word))


@pytest.fixture(scope="module")
def translated_demo(django_db_setup, django_db_blocker):
    """The demo's course translated into Arabic, French and Spanish."""
    with shared_data(django_db_blocker):
        _home, catalog = seed_site()
        index, data = next(
            (i, c) for i, c in enumerate(COURSES) if c["slug"] == "partnering-under-chapter-viii"
        )
        seed_course(catalog, data, index=index)
        assert seed_translations() == 3
        yield catalog


@pytest.mark.parametrize("language", ["ar", "es", "fr"])
def test_the_translated_modules_text_finds_the_course(translated_demo, db, language):
    """Words only the translated modules have (not the course page itself): found while
    the modules are live, not once they are unpublished."""
    cache.clear()
    course = CoursePage.objects.get(
        slug="partnering-under-chapter-viii", locale__language_code=language
    )
    with_modules = set(re.findall(r"\w{6,}", CourseSearchDocument.objects.get(page=course).text))
    modules = list(ModulePage.objects.child_of(course).live())
    assert modules
    for module in modules:
        module.unpublish()
    without = set(re.findall(r"\w{6,}", CourseSearchDocument.objects.get(page=course).text))
    # Words of the modules that the course page does not have, nor a word of the same
    # stem (the search is stemmed in the course's language): found by nothing now.
    words = []
    candidates = sorted(with_modules - without)
    for word in candidates[:: max(1, len(candidates) // 30)]:
        cache.clear()
        if run(translated_demo, word).total == 0:
            words.append(word)
    assert len(words) >= 5
    for module in modules:
        module.get_latest_revision().publish()
    for word in words:
        cache.clear()
        results = run(translated_demo, word)
        assert [c.translation_key for c in results.courses] == [course.translation_key], word
