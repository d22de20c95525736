"""The stored search documents of the courses (``CourseSearchDocument``), how they are
kept fresh, and the SQL conditions the catalogue searches them with.

A course page's document holds its own text (title, summary, audience, prerequisites,
outcomes, thematic areas, partners) and the text of its live modules (title, summary,
objectives, body). It is computed by PostgreSQL, in one statement for a batch of
courses, when a course or one of its modules is published, unpublished, moved or
deleted (in the same transaction), in bulk by ``rebuild_search_documents`` (the data
migration, ``manage.py rebuild_search_documents``), and for the demo's generated copies
of a course by ``write_copied_search_documents``, which reads the shared text once. A
search therefore reads stored, indexed rows: the first search after a publish costs
what any other does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection, transaction
from wagtail.models import Locale, Page

from participants.models import Organization

from .models import CoursePage, ModulePage, ThematicArea
from .search_models import CourseSearchDocument

# PostgreSQL's text-search configuration of each content language; the others ('ar',
# 'zh-hans') are matched word for word ('simple'), and by pg_trgm for substrings and
# typos.
TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "pt-br": "portuguese",
    "ru": "russian",
}
CONFIGS = sorted({*TEXT_SEARCH_CONFIGS.values(), "simple"})

# Arabic spellings that vary in practice are read as one: the hamza forms of alif, ta
# marbuta and ha, alif maqsura and ya; short-vowel marks (tashkil) are dropped.
ARABIC_FROM = "أإآٱةى" + "ًٌٍَُِّْ"
ARABIC_TO = "ااااهي"

# How alike a word of the query and a word of a course must be (pg_trgm's
# word_similarity, 0..1) to count as a typo of it: "mediaton" ~ "mediation" is 0.67,
# "diplomatie" ~ "diplomacy" 0.64, unrelated words stay below 0.4.
TYPO_SIMILARITY = 0.6
# Words shorter than this are matched exactly only: three letters share too few trigrams.
TYPO_MIN_LENGTH = 4
MAX_SEARCH_WORDS = 8
# Courses whose text the "did you mean" suggestion is drawn from.
SUGGESTION_SAMPLE = 50
BATCH_SIZE = 500


def fold(sql: str) -> str:
    """SQL: ``sql`` in lower case without accents (unaccent, cms migration 0006), and
    Arabic letters in one spelling: "MÉDIATION" → "mediation", "الوساطة" → "الوساطه"."""
    return f"translate(lower(unaccent({sql})), '{ARABIC_FROM}', '{ARABIC_TO}')"


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _config_case(language_code_sql: str) -> str:
    whens = " ".join(
        f"WHEN '{code}' THEN '{config}'" for code, config in TEXT_SEARCH_CONFIGS.items()
    )
    return f"(CASE {language_code_sql} {whens} ELSE 'simple' END)"


# A course's document is rewritten whole: both writers end with this.
UPSERT_SQL = """\
ON CONFLICT (page_id) DO UPDATE SET
    translation_key = EXCLUDED.translation_key,
    locale_id = EXCLUDED.locale_id,
    config = EXCLUDED.config,
    document = EXCLUDED.document,
    text = EXCLUDED.text
"""

# One statement for a batch of course pages (by id or tree path): the document of each
# live one, inserted or replaced. ``cms_stream_text`` (cms migration 0008) is the text
# of a StreamField's blocks, tags and URLs left out. A course's modules are its live
# children, found by a range of the page tree's indexed path.
REFRESH_SQL = """
WITH target AS (
    SELECT p.id, p.path, p.depth, p.title, p.translation_key, p.locale_id,
        c.summary, c.target_audience, c.prerequisites, c.learning_outcomes,
        {config} AS config
    FROM {page} p
    JOIN {course} c ON c.page_ptr_id = p.id
    JOIN {locale} l ON l.id = p.locale_id
    WHERE p.live AND (p.id = ANY(%(ids)s::integer[]) OR p.path = ANY(%(paths)s::text[]))
), folded AS (
    SELECT t.id, t.translation_key, t.locale_id, t.config,
        {fold_title} AS title,
        {fold_summary} AS summary,
        {fold_rest} AS rest
    FROM target t
)
INSERT INTO {document} (page_id, translation_key, locale_id, config, document, text)
SELECT id, translation_key, locale_id, config,
    setweight(to_tsvector(config::regconfig, title), 'A')
    || setweight(to_tsvector(config::regconfig, summary), 'B')
    || setweight(to_tsvector(config::regconfig, rest), 'C'),
    concat_ws(' ', title, summary, rest)
FROM folded
{only_existing}
{upsert}"""

# The documents of pages of the batch that are no longer live (deleted pages take
# theirs with them: the foreign key cascades).
FORGET_SQL = """
DELETE FROM {document} d USING {page} p
WHERE p.id = d.page_id AND NOT p.live
    AND (p.id = ANY(%(ids)s::integer[]) OR p.path = ANY(%(paths)s::text[]))
"""


def _rest_sql() -> str:
    """SQL: the text of a course page ``t`` other than its title and summary (its
    audience, prerequisites, outcomes, areas, partners and live modules), unfolded."""
    strip = "regexp_replace({}, '<[^>]*>', ' ', 'g')"
    areas = CoursePage.thematic_areas.through
    orgs = CoursePage.partner_organizations.through
    return f"""concat_ws(' ',
        {strip.format("t.target_audience")},
        {strip.format("t.prerequisites")},
        cms_stream_text(t.learning_outcomes),
        (SELECT string_agg(a.name, ' ' ORDER BY a.name)
            FROM {_table(areas)} ta JOIN {_table(ThematicArea)} a ON a.id = ta.thematicarea_id
            WHERE ta.coursepage_id = t.id),
        (SELECT string_agg(o.name || ' ' || o.acronym, ' ' ORDER BY o.acronym)
            FROM {_table(orgs)} po JOIN {_table(Organization)} o ON o.id = po.organization_id
            WHERE po.coursepage_id = t.id),
        (SELECT string_agg(concat_ws(' ', mp.title, m.summary,
                cms_stream_text(m.learning_objectives), cms_stream_text(m.body)),
                ' ' ORDER BY mp.path)
            FROM {_table(Page)} mp JOIN {_table(ModulePage)} m ON m.page_ptr_id = mp.id
            WHERE mp.live AND mp.depth = t.depth + 1
                AND mp.path > t.path AND mp.path <= t.path || 'ZZZZ')
    )"""  # noqa: S608 -- names ours, values are parameters


def _names() -> dict[str, str]:
    return {
        "page": _table(Page),
        "course": _table(CoursePage),
        "locale": _table(Locale),
        "document": _table(CourseSearchDocument),
    }


def _refresh_sql(*, only_existing: bool = False) -> tuple[str, str]:
    names = _names()
    refresh = REFRESH_SQL.format(
        config=_config_case("l.language_code"),
        fold_title=fold("t.title"),
        fold_summary=fold("coalesce(t.summary, '')"),
        fold_rest=fold(_rest_sql()),
        upsert=UPSERT_SQL,
        only_existing=(
            f"WHERE EXISTS (SELECT 1 FROM {names['document']} e WHERE e.page_id = folded.id)"  # noqa: S608 -- names ours
            if only_existing
            else ""
        ),
        **names,
    )
    return refresh, FORGET_SQL.format(**names)


def refresh_search_documents(
    *, ids: Iterable[int] = (), paths: Iterable[str] = (), only_existing: bool = False
) -> None:
    """Compute again the documents of the course pages with these ids or tree paths:
    two statements per batch of ``BATCH_SIZE`` (the live ones written, the others'
    removed). ``only_existing``: documents that exist are rewritten, none is added."""
    ids, paths = sorted(set(ids)), sorted(set(paths))
    if not ids and not paths:
        return
    refresh, forget = _refresh_sql(only_existing=only_existing)
    with connection.cursor() as cursor:
        for start in range(0, max(len(ids), len(paths)), BATCH_SIZE):
            params = {
                "ids": ids[start : start + BATCH_SIZE],
                "paths": paths[start : start + BATCH_SIZE],
            }
            cursor.execute(refresh, params)
            cursor.execute(forget, params)


# The documents of course pages whose text, but for the title, is that of another course
# page (``source``) in the same language: the bulk-seeded copies of a written course.
# The source's summary and the rest of its text are folded and turned into one weighted
# vector once (MATERIALIZED: not again for each copy), then each copy's document is its
# own title's vector followed by it: the same value the statement above gives, since
# tsvector concatenation is associative (A || (B || C) = (A || B) || C).
SHARED_TAIL_SQL = """
WITH copy AS (
    SELECT * FROM unnest(%(ids)s::integer[], %(sources)s::integer[]) AS c(id, source)
), t AS (
    SELECT p.id, p.path, p.depth, c.summary, c.target_audience, c.prerequisites,
        c.learning_outcomes, {config} AS config
    FROM {page} p
    JOIN {course} c ON c.page_ptr_id = p.id
    JOIN {locale} l ON l.id = p.locale_id
    WHERE p.id IN (SELECT source FROM copy)
), folded AS (
    SELECT t.id, t.config, {fold_summary} AS summary, {fold_rest} AS rest FROM t
), tail AS MATERIALIZED (
    SELECT id, config, concat_ws(' ', summary, rest) AS text,
        setweight(to_tsvector(config::regconfig, summary), 'B')
        || setweight(to_tsvector(config::regconfig, rest), 'C') AS vector
    FROM folded
)
INSERT INTO {document} (page_id, translation_key, locale_id, config, document, text)
SELECT p.id, p.translation_key, p.locale_id, tail.config,
    setweight(to_tsvector(tail.config::regconfig, {fold_title}), 'A') || tail.vector,
    concat_ws(' ', {fold_title}, tail.text)
FROM copy
JOIN {page} p ON p.id = copy.id AND p.live
JOIN tail ON tail.id = copy.source
{upsert}"""


def write_copied_search_documents(copies: dict[int, int]) -> None:
    """The documents of the live course pages ``copies`` maps to a source course page
    whose text, but for the title, is theirs and whose language is theirs (same
    summary, audience, outcomes, areas, partners and module text: ``cms.demo``'s
    generated courses): one statement, however many copies, and the text of each source
    extracted and folded once rather than once per copy. What it writes is what
    ``refresh_search_documents`` would (a test compares them)."""
    if not copies:
        return
    sql = SHARED_TAIL_SQL.format(
        config=_config_case("l.language_code"),
        fold_title=fold("p.title"),
        fold_summary=fold("coalesce(t.summary, '')"),
        fold_rest=fold(_rest_sql()),
        upsert=UPSERT_SQL,
        **_names(),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"ids": list(copies), "sources": list(copies.values())})


def rebuild_search_documents(*, batch_size: int = BATCH_SIZE, progress=None) -> int:
    """Every course page's document, in batches of ``batch_size`` courses (two
    statements each); returns how many course pages were looked at."""
    ids = list(CoursePage.objects.order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        for start in range(0, len(ids), batch_size):
            refresh_search_documents(ids=ids[start : start + batch_size])
            if progress is not None:
                progress(min(start + batch_size, len(ids)), len(ids))
    return len(ids)


# Keeping the documents fresh: signal receivers (connected in ``CmsConfig.ready``).


def _course_path_of(page) -> str | None:
    """The tree path of the course ``page`` is or belongs to (None: neither)."""
    specific = page.specific_class
    if specific is not None and issubclass(specific, CoursePage):
        return page.path
    if specific is not None and issubclass(specific, ModulePage):
        return page.path[: -Page.steplen]
    return None


def _refresh_now(paths: set[str | None]) -> None:
    """Refresh in the transaction that changed the pages, not after its commit: the
    document then changes atomically with what visitors see (a rolled-back publish
    leaves the old one), and a search right after the commit already finds it. It costs
    the publish two statements."""
    paths.discard(None)
    if paths:
        refresh_search_documents(paths=paths)


def on_page_changed(sender=None, instance=None, **kwargs) -> None:
    """page_published, page_unpublished (a translation's publish included): the
    course's document, or its course's for a module."""
    if isinstance(instance, Page):
        _refresh_now({_course_path_of(instance)})


def on_page_moved(sender=None, instance=None, parent_page_before=None, **kwargs) -> None:
    """post_page_move: the course moved (its document follows its new path), or the
    courses a module left and joined."""
    paths = {_course_path_of(instance)}
    if parent_page_before is not None and issubclass(
        parent_page_before.specific_class or Page, CoursePage
    ):
        paths.add(parent_page_before.path)
    _refresh_now(paths)


def on_page_deleted(sender=None, instance=None, **kwargs) -> None:
    """post_delete of a page: a module's course loses its text (a course's own
    document goes with it).

    Only a document that still exists is rewritten: when the course itself is being
    deleted with its modules, Django's collector has removed its document already, and
    one written again now would point at a course row about to go."""
    if isinstance(instance, ModulePage) or (
        isinstance(instance, Page) and instance.specific_class is ModulePage
    ):
        refresh_search_documents(paths=[instance.path[: -Page.steplen]], only_existing=True)


def on_vocabulary_changed(sender=None, instance=None, **kwargs) -> None:
    """A thematic area or an organization renamed: the documents of its courses."""
    name = "thematic_areas" if isinstance(instance, ThematicArea) else "partner_organizations"
    through = getattr(CoursePage, name).through
    column = "thematicarea_id" if name == "thematic_areas" else "organization_id"
    ids = list(
        through.objects.filter(**{column: instance.pk}).values_list("coursepage_id", flat=True)
    )
    refresh_search_documents(ids=ids)


# The catalogue's conditions on a document ``d``.


def search_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())[:MAX_SEARCH_WORDS]


def _like(name: str) -> str:
    return f"d.text LIKE '%%' || {fold(f'%({name})s')} || '%%'"


def exact_condition(text: str, words: list[str]) -> tuple[str, dict]:
    """A document matches exactly when its language's full-text search finds the words
    (stemmed: "mediaciones" finds "mediación"), or when each word appears in its folded
    text ("MÉDIATION" finds "mediation", "وساطة" finds "الوساطة")."""
    params = {"q_text": " ".join(words)}
    full_text = [
        f"(d.config = '{config}' AND d.document @@ plainto_tsquery('{config}', "
        f"{fold('%(q_text)s')}))"
        for config in CONFIGS
    ]
    contains = []
    for i, word in enumerate(words):
        params[f"q_{i}"] = word.replace("\\", "\\\\").replace("_", "\\_")
        contains.append(_like(f"q_{i}"))
    return "(" + " OR ".join([*full_text, "(" + " AND ".join(contains) + ")"]) + ")", params


def similar_condition(words: list[str]) -> tuple[str, dict]:
    """A document has words *like* each word of the query (pg_trgm: "mediaton" is like
    "mediation"); short words must appear as they are."""
    params, parts = {}, []
    for i, word in enumerate(words):
        if len(word) >= TYPO_MIN_LENGTH:
            params[f"q_{i}"] = word
            folded = fold(f"%(q_{i})s")
            parts.append(
                f"({folded} <%% d.text AND word_similarity({folded}, d.text) >= {TYPO_SIMILARITY})"
            )
        else:
            params[f"q_{i}"] = word.replace("\\", "\\\\").replace("_", "\\_")
            parts.append(_like(f"q_{i}"))
    return "(" + " AND ".join(parts) + ")", params


def matching_keys_sql(condition: str) -> str:
    """SQL: the translation keys of the live course pages whose document meets
    ``condition``."""
    return (
        f"SELECT d.translation_key FROM {_table(CourseSearchDocument)} d "  # noqa: S608 -- names ours
        f"JOIN {_table(Page)} dp ON dp.id = d.page_id AND dp.live WHERE {condition}"
    )


def sample_texts_sql(condition: str) -> str:
    """SQL: the folded text of a few live course pages under the catalogue
    (``%(depth)s``, ``%(paths)s``) whose document meets ``condition``."""
    return (
        f"SELECT d.text FROM {_table(CourseSearchDocument)} d "  # noqa: S608 -- names ours
        f"JOIN {_table(Page)} p ON p.id = d.page_id "
        f"WHERE p.live AND p.depth = %(depth)s AND p.path LIKE ANY(%(paths)s) AND {condition} "
        f"ORDER BY p.title, p.id LIMIT {SUGGESTION_SAMPLE}"
    )
