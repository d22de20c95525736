"""The catalogue: filters and search combine, counts are right, hostile input is answered."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from cms.catalog import (
    MAX_QUERY_LENGTH,
    PAGE_SIZE,
    CatalogQuery,
    CatalogResults,
    search_catalog,
    taxonomy,
)
from cms.demo import seed_site
from cms.models import ThematicArea
from participants.models import Organization
from tests.conftest import shared_data
from tests.factories.pages import make_course

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def catalog_courses(django_db_setup, django_db_blocker):
    with shared_data(django_db_blocker):
        _home, catalog = seed_site()
        yield catalog, build_courses(catalog)


@pytest.fixture
def catalog(catalog_courses, db):
    return catalog_courses[0]


@pytest.fixture
def courses(catalog_courses, db):
    return catalog_courses[1]


def build_courses(catalog):
    return {
        "design": make_course(
            catalog,
            title="Mediation process design",
            areas=("mediation",),
            partners=("DPPA", "AUC"),
            languages=("en", "fr"),
            mode="in_person",
            summary="Designing mediation processes with the African Union.",
        ),
        "gender": make_course(
            catalog,
            title="Gender-inclusive mediation",
            areas=("mediation", "women-peace-security"),
            partners=("DPPA", "EEAS"),
            languages=("en", "es"),
            mode="blended",
            summary="Women's meaningful participation in peace processes.",
        ),
        "warning": make_course(
            catalog,
            title="Early warning and conflict analysis",
            areas=("early-warning",),
            partners=("DPPA", "ECOWAS"),
            languages=("fr", "pt"),
            mode="online",
            summary="Indicators, scenarios and the warning-response gap.",
        ),
        "draft": make_course(catalog, title="Unpublished mediation draft", live=False),
    }


def run(catalog, query_string):
    return search_catalog(catalog=catalog, query=CatalogQuery.from_params(QueryDict(query_string)))


def titles(results):
    return sorted(course.title for course in results.courses)


def counts(results, facet):
    return {option.value: option.count for option in results.facets[facet].options}


def test_unfiltered_lists_live_courses_only(catalog, courses):
    results = run(catalog, "")
    assert titles(results) == [
        "Early warning and conflict analysis",
        "Gender-inclusive mediation",
        "Mediation process design",
    ]
    assert results.total == 3


def test_filters_combine_across_facets_and_or_within(catalog, courses):
    assert titles(run(catalog, "area=mediation&lang=fr")) == ["Mediation process design"]
    assert titles(run(catalog, "lang=es&lang=pt")) == [
        "Early warning and conflict analysis",
        "Gender-inclusive mediation",
    ]
    assert titles(run(catalog, "org=ecowas&mode=online")) == ["Early warning and conflict analysis"]
    assert titles(run(catalog, "org=ecowas&mode=blended")) == []


def test_facet_counts_apply_the_other_filters(catalog, courses):
    results = run(catalog, "area=mediation")
    # Area counts ignore the area filter itself, so other areas stay selectable.
    assert counts(results, "area") == {
        "mediation": 2,
        "women-peace-security": 1,
        "early-warning": 1,
    }
    # Other facets count within the area filter.
    assert counts(results, "lang") == {"en": 2, "fr": 1, "es": 1}
    assert counts(results, "mode") == {"in_person": 1, "blended": 1}
    assert counts(results, "org") == {"dppa": 2, "auc": 1, "eeas": 1}
    selected = [o.value for o in results.facets["area"].options if o.selected]
    assert selected == ["mediation"]


def test_search_combines_with_filters(catalog, courses):
    assert titles(run(catalog, "q=mediation")) == [
        "Gender-inclusive mediation",
        "Mediation process design",
    ]
    assert titles(run(catalog, "q=mediation&mode=blended")) == ["Gender-inclusive mediation"]
    results = run(catalog, "q=mediation")
    assert counts(results, "mode") == {"in_person": 1, "blended": 1}


def test_search_finds_text_in_summary_and_partner_names(catalog, courses):
    assert titles(run(catalog, "q=indicators")) == ["Early warning and conflict analysis"]
    assert titles(run(catalog, "q=ECOWAS")) == ["Early warning and conflict analysis"]


@pytest.mark.parametrize(
    "query_string",
    [
        "q=",
        "q=%20%20%20%09",
        "q=%00",
        "q=media%00tion",
        "q=" + "x" * 10_000,
        "area=no-such-area&org=%3Cscript%3E&lang=xx&mode=teleport",
        "page=abc",
        "page=-5",
        "page=99999",
        "q=%27%22%3B--%20DROP%20TABLE",
        "q=%E2%80%AE%F0%9F%95%8A",
    ],
)
def test_hostile_queries_are_answered(client, catalog, courses, query_string):
    response = client.get(catalog.url + "?" + query_string)
    assert response.status_code == 200
    assert response.context["results"].total >= 0


def test_blank_and_unknown_filters_mean_no_filter(catalog, courses):
    assert run(catalog, "q=%20%20&area=nope&lang=xx").total == 3


def test_nul_byte_is_dropped_from_search(catalog, courses):
    query = CatalogQuery.from_params(QueryDict("q=media%00tion"))
    assert "\x00" not in query.q


def test_long_query_is_truncated(catalog, courses):
    query = CatalogQuery.from_params(QueryDict("q=" + "mediation " * 2000))
    assert len(query.q) <= MAX_QUERY_LENGTH


def test_pagination_clamps_to_last_page_and_links_neighbours(catalog, courses):
    for n in range(PAGE_SIZE - 1):
        make_course(catalog, title=f"Extra course {n:02d}", areas=("peacebuilding",))
    results = run(catalog, "page=99")
    assert results.total == PAGE_SIZE + 2
    assert results.page.number == 2
    assert len(results.courses) == 2
    assert results.pagination["previous_url"] == "?"  # page 1 is the bare URL
    assert results.pagination["next_url"] is None
    second = run(catalog, "area=peacebuilding&area=mediation&page=2")
    assert second.page.number == 2
    assert second.pagination["previous_url"] == "?area=peacebuilding&area=mediation"
    assert [link["number"] for link in second.pagination["links"]] == [1, 2]


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (1, [1, 2, 3, None, 20]),
        (10, [1, None, 8, 9, 10, 11, 12, None, 20]),
        (5, [1, 2, 3, 4, 5, 6, 7, None, 20]),  # a gap never hides a single page
        (20, [1, None, 18, 19, 20]),
    ],
)
def test_the_pager_shows_the_ends_and_two_pages_either_side(current, expected):
    page = Paginator(range(20 * PAGE_SIZE), PAGE_SIZE).page(current)
    results = CatalogResults(
        courses=[],
        page=page,
        total=20 * PAGE_SIZE,
        facets={},
        query=CatalogQuery(),
        active_filters=[],
    )
    links = results.pagination["links"]
    assert [link.get("number") for link in links] == expected
    assert [link["number"] for link in links if link.get("current")] == [current]


def test_filter_urls_round_trip(catalog, courses):
    results = run(catalog, "q=mediation&area=mediation")
    option = next(o for o in results.facets["lang"].options if o.value == "fr")
    again = run(catalog, option.toggle_url.lstrip("?"))
    assert again.query.lang == ("fr",)
    assert again.query.area == ("mediation",)
    assert again.query.q == "mediation"


def test_empty_result_page_offers_to_clear_filters(client, catalog, courses):
    response = client.get(catalog.url + "?org=ecowas&mode=blended")
    assert response.context["results"].total == 0
    assert response.context["results"].clear_url in response.content.decode()


def test_vocabulary_is_one_union_query_without_ordering_inside_it(catalog, courses):
    """The union of areas and organizations must not carry their default orderings into
    its parts: an ORDER BY inside a part of a UNION is not standard SQL (the catalogue
    answered 500 on a database that refuses it)."""
    with CaptureQueriesContext(connection) as queries:
        vocabulary = taxonomy()
    assert len(queries) == 1
    sql = queries[0]["sql"].upper()
    assert "UNION ALL" in sql and "ORDER BY" not in sql
    mediation = ThematicArea.objects.get(slug="mediation")
    assert vocabulary["area"]["mediation"] == (mediation.pk, mediation.name)
    dppa = Organization.objects.get(acronym="DPPA")
    assert vocabulary["org"]["dppa"] == (dppa.pk, "DPPA")
    assert len(vocabulary["org"]) == Organization.objects.count()


def add_diplomacy_course(catalog):
    return make_course(
        catalog,
        title="Preventive diplomacy in practice",
        areas=("mediation",),
        partners=("DPPA",),
        summary="Good offices, envoys and quiet diplomacy before violence breaks out.",
    )


@pytest.mark.parametrize("text", ["médiation", "MÉDIATION", "Médiation", "MEDIATION"])
def test_search_forgives_accents_and_case(catalog, courses, text):
    results = run(catalog, "q=" + text)
    assert titles(results) == titles(run(catalog, "q=mediation"))
    assert results.total == 2 and results.exact_match


def test_a_typo_finds_the_courses_and_suggests_the_spelling(client, catalog, courses):
    results = run(catalog, "q=mediaton&lang=en")
    assert titles(results) == titles(run(catalog, "q=mediation&lang=en"))
    assert not results.exact_match
    assert results.suggestion == "mediation"
    assert results.suggestion_url == "?q=mediation&lang=en"

    html = client.get(catalog.url + "?q=mediaton").content.decode()
    assert "Did you mean" in html and 'href="?q=mediation"' in html


def test_a_french_word_finds_the_english_course_like_it(catalog, courses):
    add_diplomacy_course(catalog)
    results = run(catalog, "q=diplomatie")
    assert titles(results) == ["Preventive diplomacy in practice"]
    assert results.suggestion == "diplomacy"


def test_exact_words_win_over_similar_ones(catalog, courses):
    add_diplomacy_course(catalog)
    results = run(catalog, "q=diplomacy")
    assert titles(results) == ["Preventive diplomacy in practice"]
    assert results.exact_match and not results.suggestion
    assert run(catalog, "q=zzqxv").total == 0


def test_the_filter_panel_stays_when_nothing_is_found(client, catalog, courses):
    results = run(catalog, "q=zzqxv&area=mediation")
    assert results.total == 0
    areas = {option.value: option.count for option in results.facets["area"].options}
    assert {"mediation", "early-warning", "women-peace-security"} <= set(areas)
    assert set(areas.values()) == {0}
    html = client.get(catalog.url + "?q=zzqxv&area=mediation").content.decode()
    assert 'name="mode"' in html and 'name="lang"' in html
