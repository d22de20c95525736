"""The course catalogue: full-text search and faceted filters, combinable, in a fixed
number of queries whatever the catalogue's size.

PostgreSQL counts the facets and picks the page of results in one statement
(``FACET_SQL``); Python only labels the counts and reads the dozen courses shown, so a
request costs the same in Python at 500 courses as at 5,000. A facet's counts apply
every *other* active filter, so a count always says how many results ticking that box
would add.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    CharField,
    Q,
    Value,
)
from django.http import QueryDict
from wagtail.models import Page

from participants.models import Organization

from .cache import cached
from .i18n import best_of, content_language_names, locale_codes, locale_ids
from .models import COURSE_LANGUAGES, CoursePage, DeliveryMode, ThematicArea
from .search import (
    TYPO_MIN_LENGTH,
    exact_condition,
    matching_keys_sql,
    sample_texts_sql,
    search_words,
    similar_condition,
)

PAGE_SIZE = 12
MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FILTER = 20
FACETS = ("area", "org", "lang", "mode")


def clean_search_text(raw: str) -> str:
    """Printable text of at most MAX_QUERY_LENGTH characters, spaces collapsed."""
    text = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw[: MAX_QUERY_LENGTH * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class CatalogQuery:
    q: str = ""
    area: tuple[str, ...] = ()
    org: tuple[str, ...] = ()
    lang: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    page: int = 1

    @classmethod
    def from_params(cls, params: QueryDict) -> CatalogQuery:
        def values(name):
            seen = []
            for raw in params.getlist(name)[:MAX_VALUES_PER_FILTER]:
                value = clean_search_text(raw).lower()[:60]
                if value and value not in seen:
                    seen.append(value)
            return tuple(seen)

        try:
            page = int(params.get("page", "1"))
        except ValueError:
            page = 1
        return cls(
            q=clean_search_text(params.get("q", "")),
            area=values("area"),
            org=values("org"),
            lang=values("lang"),
            mode=values("mode"),
            page=max(page, 1),
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or self.area or self.org or self.lang or self.mode)

    def urlencode(self, **changes) -> str:
        """The query string of this query with ``changes``, page reset unless given."""
        data = {"q": self.q, **{name: getattr(self, name) for name in FACETS}, "page": 1}
        data.update(changes)
        params = QueryDict(mutable=True)
        if data["q"]:
            params["q"] = data["q"]
        for name in FACETS:
            params.setlist(name, list(data[name]))
        if data["page"] and data["page"] != 1:
            params["page"] = str(data["page"])
        return params.urlencode()


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str


@dataclass
class Facet:
    name: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


@dataclass
class CatalogResults:
    courses: list
    page: PaginatorPage
    total: int
    facets: dict[str, Facet]
    query: CatalogQuery
    active_filters: list[FacetOption]
    # False when no course has the words searched for and courses with words like them
    # (typos) are shown instead; ``suggestion`` is then the closest spelling.
    exact_match: bool = True
    suggestion: str = ""

    @property
    def suggestion_url(self):
        """The same filters, searching for the suggested spelling."""
        return "?" + self.query.urlencode(q=self.suggestion) if self.suggestion else ""

    def page_url(self, number):
        return "?" + self.query.urlencode(page=number)

    @property
    def clear_url(self):
        """Filters dropped, search text kept."""
        return "?" + CatalogQuery(q=self.query.q).urlencode()

    @property
    def pagination(self):
        """Links for the pager: first, last, and two pages either side of the current one
        (Django's elided page range: a gap stands for two pages or more)."""
        current = self.page.number
        links = [
            {"gap": True}
            if number == Paginator.ELLIPSIS
            else {"number": number, "url": self.page_url(number), "current": number == current}
            for number in self.page.paginator.get_elided_page_range(
                current, on_each_side=2, on_ends=1
            )
        ]
        return {
            "links": links,
            "previous_url": self.page_url(current - 1) if self.page.has_previous() else None,
            "next_url": self.page_url(current + 1) if self.page.has_next() else None,
        }


def _catalog_paths(catalog) -> list[str]:
    """The tree paths of the catalogue in every language, cached."""
    return cached(
        f"catalog-paths:{catalog.translation_key}",
        lambda: list(
            Page.objects.filter(translation_key=catalog.translation_key).values_list(
                "path", flat=True
            )
        ),
    )


def catalog_courses(catalog):
    """Live courses of ``catalog`` in every language (the children of its translations)."""
    under = Q()
    for path in _catalog_paths(catalog) or [catalog.path]:
        under |= Q(path__startswith=path)
    return CoursePage.objects.live().filter(under, depth=catalog.depth + 1)


# The catalogue's courses, one row per course (per translation key): the facets of its
# page in the default language, else of its first translation by title; then, for each
# facet, how many rows meet every active filter but that facet's own, and the keys of the
# page of rows that meet them all. Counted by PostgreSQL in one statement, so that no
# request loops over (or unpickles) every course in Python: at 5,000 courses this was
# most of the page's time.
FACET_SQL = """
WITH course AS (
    SELECT DISTINCT ON (p.translation_key)
        p.id AS pk, p.translation_key AS key, p.title, c.delivery_mode AS mode,
        ARRAY(SELECT jsonb_array_elements_text(c.languages)) AS lang
    FROM {page} p JOIN {course} c ON c.page_ptr_id = p.id
    WHERE p.live AND p.depth = %(depth)s AND p.path LIKE ANY(%(paths)s)
    ORDER BY p.translation_key, (p.locale_id = %(default_locale)s) DESC, p.title, p.id
), flagged AS (
    SELECT course.*, areas.ids AS area, orgs.ids AS org,
        ({ok_q}) AS ok_q,
        (%(no_area)s OR areas.ids && %(area)s::bigint[]) AS ok_area,
        (%(no_org)s OR orgs.ids && %(org)s::bigint[]) AS ok_org,
        (%(no_lang)s OR course.lang && %(lang)s::text[]) AS ok_lang,
        (%(no_mode)s OR course.mode = ANY(%(mode)s::text[])) AS ok_mode
    FROM course
    CROSS JOIN LATERAL (
        SELECT ARRAY(SELECT thematicarea_id FROM {areas} WHERE coursepage_id = course.pk) AS ids
    ) areas
    CROSS JOIN LATERAL (
        SELECT ARRAY(SELECT organization_id FROM {orgs} WHERE coursepage_id = course.pk) AS ids
    ) orgs
)
SELECT 'area', value::text, count(*) FILTER (WHERE ok_q AND ok_org AND ok_lang AND ok_mode), 0, ''
    FROM flagged, unnest(area) value GROUP BY value
UNION ALL
SELECT 'org', value::text, count(*) FILTER (WHERE ok_q AND ok_area AND ok_lang AND ok_mode), 0, ''
    FROM flagged, unnest(org) value GROUP BY value
UNION ALL
SELECT 'lang', value, count(*) FILTER (WHERE ok_q AND ok_area AND ok_org AND ok_mode), 0, ''
    FROM flagged, unnest(lang) value GROUP BY value
UNION ALL
SELECT 'mode', mode, count(*) FILTER (WHERE ok_q AND ok_area AND ok_org AND ok_lang), 0, ''
    FROM flagged GROUP BY mode
UNION ALL
SELECT 'matched', '', count(*) FILTER (WHERE ok_q), 0, '' FROM flagged
UNION ALL
SELECT 'total', '', count(*), 0, '' FROM flagged
    WHERE ok_q AND ok_area AND ok_org AND ok_lang AND ok_mode
UNION ALL
(SELECT 'hit', key::text, 0, pk, array_to_string(area, ',') || ';' || array_to_string(org, ',')
    FROM flagged WHERE ok_q AND ok_area AND ok_org AND ok_lang AND ok_mode
    ORDER BY title, pk LIMIT %(limit)s OFFSET (
        -- Past the last page: the last page, as Django's paginator would show it.
        SELECT LEAST(%(offset)s, GREATEST(0, (count(*) - 1) / %(limit)s * %(limit)s))
        FROM flagged WHERE ok_q AND ok_area AND ok_org AND ok_lang AND ok_mode
    ))
"""


def _facet_sql(ok_q: str) -> str:
    through = CoursePage.thematic_areas.through._meta.db_table
    return FACET_SQL.format(
        ok_q=ok_q,
        page=connection.ops.quote_name(Page._meta.db_table),
        course=connection.ops.quote_name(CoursePage._meta.db_table),
        areas=connection.ops.quote_name(through),
        orgs=connection.ops.quote_name(CoursePage.partner_organizations.through._meta.db_table),
    )


@dataclass
class _Counted:
    counts: dict[str, dict]  # facet → {key: count}, every value the catalogue has
    total: int
    hits: list[tuple]  # (translation key, representative pk, area ids, org ids)
    matched: int = 0  # courses the search text matches, whatever the filters
    # False when no course has the words searched for and courses with words like them
    # are counted instead; ``suggestion`` is then the closest spelling.
    exact: bool = True
    suggestion: str = ""


def _count(
    catalog, wanted: dict, ok_q: str = "TRUE", search_params=None, *, offset: int
) -> _Counted:
    """The facet counts, the total and one page of hits, in one query; ``ok_q`` is the
    SQL condition of the search text on a course (``course.key``)."""

    def ints(text):
        return [int(x) for x in text.split(",") if x]

    params = {
        "depth": catalog.depth + 1,
        "paths": [f"{path}%" for path in (_catalog_paths(catalog) or [catalog.path])],
        "default_locale": locale_ids().get(settings.LANGUAGE_CODE, 0),
        "limit": PAGE_SIZE,
        "offset": offset,
        **(search_params or {}),
    }
    for name in FACETS:
        params[f"no_{name}"] = not wanted[name]
        params[name] = sorted(str(v) if name in ("lang", "mode") else v for v in wanted[name])
    counts: dict[str, dict] = {name: {} for name in FACETS}
    total, hits, matched = 0, [], 0
    with connection.cursor() as cursor:
        cursor.execute(_facet_sql(ok_q), params)
        for kind, value, count, pk, extra in cursor.fetchall():
            if kind == "total":
                total = count
            elif kind == "matched":
                matched = count
            elif kind == "hit":
                areas, _sep, orgs = extra.partition(";")
                hits.append((value, pk, ints(areas), ints(orgs)))
            else:
                counts[kind][int(value) if kind in ("area", "org") else value] = count
    return _Counted(counts=counts, total=total, hits=hits, matched=matched)


VOCABULARY_CACHE_KEY = "cms:catalog-vocabulary:v1"


def taxonomy():
    """Thematic areas and organizations as {url value: (id, label)}, cached.

    They change rarely and only through the admin; ``forget_taxonomy`` runs when they do.
    """
    cached = cache.get(VOCABULARY_CACHE_KEY)
    if cached is None:
        # Both models have a default ordering: cleared in the parts and in the whole, since
        # an ORDER BY inside the parts of a UNION is not portable SQL and the rows fill
        # dictionaries anyway.
        kind = Value("area", output_field=CharField())
        areas = ThematicArea.objects.order_by().values_list(kind, "pk", "slug", "name")
        kind = Value("org", output_field=CharField())
        orgs = Organization.objects.order_by().values_list(kind, "pk", "acronym", "acronym")
        cached = {"area": {}, "org": {}}
        for facet, pk, value, label in areas.union(orgs, all=True).order_by():  # one query
            cached[facet][value.lower() if facet == "org" else value] = (pk, label)
        cache.set(VOCABULARY_CACHE_KEY, cached, timeout=3600)
    return cached


def forget_taxonomy(**kwargs):
    cache.delete(VOCABULARY_CACHE_KEY)


def _closest_spelling(words, documents):
    """The query with each word replaced by the best-known word like it in the found
    courses: among the words nearly as alike as the closest one, the word that most of
    these courses use ("diplomatie": "diplomacy" of several courses rather than the
    "diplomats" of one)."""
    used_by: dict[str, int] = {}
    for document in documents:
        for word in set(re.findall(r"\w+", document)):
            if len(word) >= TYPO_MIN_LENGTH:
                used_by[word] = used_by.get(word, 0) + 1
    closest = []
    for word in words:
        if word in used_by or len(word) < TYPO_MIN_LENGTH:
            closest.append(word)
            continue
        alike = {
            candidate: difflib.SequenceMatcher(None, word, candidate).ratio()
            for candidate in difflib.get_close_matches(word, used_by, n=5, cutoff=0.5)
        }
        if not alike:
            closest.append(word)
            continue
        best = max(alike.values())
        near = [c for c, ratio in alike.items() if ratio >= best - 0.15]
        closest.append(max(near, key=lambda c: (used_by[c], alike[c])))
    suggestion = " ".join(closest)
    return suggestion if suggestion != " ".join(words) else ""


class _Hits:
    """What Django's paginator needs of the results: their number, and the page shown
    (already read: the paginator asks for exactly that slice)."""

    def __init__(self, total: int, shown: list):
        self.total = total
        self.shown = shown

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.shown


def _search_and_count(catalog, text: str, words: list[str], wanted: dict, offset: int):
    """The counts and page of results for ``text``: the courses it matches exactly
    (see ``cms.search.exact_condition``); only when none does, the courses with words
    *like* each of its words (typos: "mediaton" finds "mediation"), with the closest
    spelling as a suggestion."""
    if not text:
        return _count(catalog, wanted, offset=offset)
    if not words:  # nothing but signs and symbols: no course has them
        return _count(catalog, wanted, "FALSE", offset=offset)
    condition, params = exact_condition(text, words)
    counted = _count(
        catalog, wanted, f"course.key IN ({matching_keys_sql(condition)})", params, offset=offset
    )
    if counted.matched:
        return counted
    condition, params = similar_condition(words)
    with connection.cursor() as cursor:
        cursor.execute(
            sample_texts_sql(condition),
            {
                "depth": catalog.depth + 1,
                "paths": [f"{path}%" for path in (_catalog_paths(catalog) or [catalog.path])],
                **params,
            },
        )
        texts = [text for (text,) in cursor.fetchall()]
    if not texts:
        return counted
    counted = _count(
        catalog, wanted, f"course.key IN ({matching_keys_sql(condition)})", params, offset=offset
    )
    counted.exact = False
    counted.suggestion = _closest_spelling(words, texts)
    return counted


def search_catalog(*, catalog, query: CatalogQuery, language: str = "") -> CatalogResults:
    """Search and filter the courses of ``catalog``: each course once, in ``language``
    when it is available in it (else in the default language), whichever of its
    translations the search found it by.

    Unknown filter values are ignored, as if absent. Queries: facet counts with the
    page of results, the search included, 1 (none while cached for the content
    version); when the text matches no course exactly, 2 more (the courses with words
    like it, and the counts again); the shown courses in their languages 1. Labels come
    from the cache and image renditions from Wagtail's rendition cache.

    The text is searched in the stored documents of the courses (``cms.search``), kept
    up to date when pages are published: nothing is computed per course per request, so
    the first search after a publish costs what the next one does.
    """
    vocab = {
        **taxonomy(),
        "lang": {code: (code, str(label)) for code, label in COURSE_LANGUAGES},
        "mode": {value: (value, str(label)) for value, label in DeliveryMode.choices},
    }
    # The active filters, as row keys, with unknown values dropped.
    wanted = {
        name: {vocab[name][v][0] for v in getattr(query, name) if v in vocab[name]}
        for name in FACETS
    }
    offset = (query.page - 1) * PAGE_SIZE
    words = search_words(query.q) if query.q else []
    # Counted once per content version for each search, filters and page (PostgreSQL
    # reads every course to count: about 0.1 s at 5,000 courses, the same answer for
    # the catalogue's first page, a common filter or a common search). The key holds
    # the search's words, at most MAX_SEARCH_WORDS of a text of at most
    # MAX_QUERY_LENGTH characters, and expires with the content version or after
    # ``cms.cache.TIMEOUT``; the value is a page of results, never a set of courses.
    key = repr(
        (
            bool(query.q),
            words,
            sorted((n, sorted(map(str, v))) for n, v in wanted.items()),
            offset,
        )
    )
    counted = cached(
        f"catalog-counts:{catalog.translation_key}:{hashlib.sha256(key.encode()).hexdigest()[:32]}",
        lambda: _search_and_count(catalog, query.q, words, wanted, offset),
    )
    last_page = max(1, math.ceil(counted.total / PAGE_SIZE))
    counts = counted.counts

    facets = {}
    active = []
    for name in FACETS:
        facet = Facet(name=name)
        chosen = set(getattr(query, name))
        for value, (key, label) in vocab[name].items():
            selected = value in chosen
            count = counts[name].get(key)
            # With nothing found, the filters the catalogue has stay on offer (at zero),
            # so the panel does not vanish and a filter can be changed from there.
            if not selected and (count is None or (not count and counted.total)):
                continue
            toggled = (
                tuple(v for v in getattr(query, name) if v != value)
                if selected
                else (
                    *getattr(query, name),
                    value,
                )
            )
            option = FacetOption(
                value=value,
                label=label,
                count=count or 0,
                selected=selected,
                toggle_url="?" + query.urlencode(**{name: toggled}),
            )
            facet.options.append(option)
            if selected:
                active.append(option)
        facet.options.sort(key=lambda o: (-o.count, o.label))
        facets[name] = facet

    # The shown courses in every language they are live in, in one query: each is shown
    # in the visitor's language when it has it, else in the default language.
    keys = [key for key, *_rest in counted.hits]
    translations: dict[str, dict[str, CoursePage]] = {key: {} for key in keys}
    codes = locale_codes()
    for course in (
        catalog_courses(catalog)
        .filter(translation_key__in=keys)
        .select_related("hero_image")
        .only(
            "id",
            "title",
            "slug",
            "url_path",
            "path",
            "depth",
            "summary",
            "duration_hours",
            "delivery_mode",
            "languages",
            "hero_image",
            "locale_id",
            "translation_key",
        )
    ):
        code = codes.get(course.locale_id, settings.LANGUAGE_CODE)
        translations[str(course.translation_key)][code] = course
    area_names = dict(vocab["area"].values())
    org_names = dict(vocab["org"].values())
    names = content_language_names()
    wanted_language = language or settings.LANGUAGE_CODE
    courses = []
    for key, _pk, areas, orgs in counted.hits:
        available = translations[key]
        if not available:  # unpublished between the two queries
            continue
        shown = best_of({code: c.pk for code, c in available.items()}, wanted_language)
        chosen_code, course = next((c, p) for c, p in available.items() if p.pk == shown)
        course.area_names = sorted(area_names[a] for a in areas if a in area_names)
        course.partner_acronyms = sorted(org_names[o] for o in orgs if o in org_names)
        course.content_language = chosen_code
        course.available_languages = [names[code] for code in names if code in available]
        courses.append(course)
    paginator = Paginator(_Hits(counted.total, courses), PAGE_SIZE)
    page = paginator.page(min(query.page, last_page))
    return CatalogResults(
        courses=courses,
        page=page,
        total=counted.total,
        facets=facets,
        query=query,
        active_filters=active,
        exact_match=counted.exact,
        suggestion=counted.suggestion,
    )
