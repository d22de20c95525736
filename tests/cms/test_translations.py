"""Translated courses and modules (wagtail-localize): what visitors, participants,
trainers and coordinators get in each language."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.demo import COURSES, seed_course, seed_site, seed_translations
from cms.models import CoursePage, ModulePage
from cms.services import assign_trainer
from courses.models import ModuleVisit
from tests.conftest import shared_data
from tests.factories.courses import make_learner, make_session
from tests.factories.pages import make_course, make_module
from tests.factories.users import make_coordinator, make_trainer

# Each test in its own transaction inside the module's (what it changes is undone).
pytestmark = pytest.mark.django_db

SLUG = "partnering-under-chapter-viii"
COURSE_URL = f"/courses/{SLUG}/"
TITLES = {
    "en": "Partnering under Chapter VIII: UN Cooperation with Regional Organizations",
    "fr": "Partenariat au titre du Chapitre VIII : la coopération de l’ONU avec les "  # noqa: RUF001
    "organisations régionales",
    "es": "Asociación en virtud del Capítulo VIII: la cooperación de las Naciones Unidas "
    "con las organizaciones regionales",
    "ar": "الشراكة في إطار الفصل الثامن: تعاون الأمم المتحدة مع المنظمات الإقليمية",
}


@pytest.fixture(scope="module")
def translated_demo(django_db_setup, django_db_blocker):
    """The demo's translated course (Arabic, French, Spanish), built once per module."""
    with shared_data(django_db_blocker):
        _home, catalog = seed_site()
        index, data = next((i, c) for i, c in enumerate(COURSES) if c["slug"] == SLUG)
        seed_course(catalog, data, index=index)
        assert seed_translations() == 3
        yield catalog


def page_text(response):
    return response.content.decode()


def h1(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", page_text(response), re.S).group(1).strip()


def source_course():
    return CoursePage.objects.get(slug=SLUG, locale__language_code="en")


def missing_notice(language, missing, shown):
    """The course page's notice that it is shown in another language, as ``language``
    says it."""
    with translation.override(language):
        return gettext(
            "This course is not yet available in %(language)s. It is shown in %(shown)s."
        ) % {"language": missing, "shown": shown}


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_the_course_is_served_in_the_visitors_language(client, translated_demo, language):
    response = client.get(COURSE_URL, headers={"accept-language": language})
    assert h1(response) == TITLES[language]
    html = page_text(response)
    assert missing_notice(language, dict(settings.LANGUAGES)[language], "English") not in html
    # Its modules, in the same language, at the same addresses.
    module = ModulePage.objects.get(
        slug="chapter-viii-and-the-evolution-of-cooperation", locale__language_code=language
    )
    assert module.title in html
    if language == "ar":
        assert 'lang="ar" dir="rtl"' in html


def test_a_language_link_shows_another_translation(client, translated_demo):
    response = client.get(COURSE_URL + "?language=es", headers={"accept-language": "en"})
    assert h1(response) == TITLES["es"]
    links = re.findall(
        r'class="page-languages__link" href="([^"]+)" lang="([^"]+)"', page_text(response)
    )
    assert links == [
        ("?language=ar", "ar"),
        ("?language=en", "en"),
        ("?language=es", "es"),
        ("?language=fr", "fr"),
    ]


def test_without_a_translation_the_source_is_shown_with_a_notice(client, translated_demo):
    response = client.get(COURSE_URL, headers={"accept-language": "ru"})
    assert h1(response) == TITLES["en"]
    # The notice is in the visitor's language (the interface is translated into Russian).
    assert missing_notice("ru", "Русский", "English") in page_text(response)
    english = client.get(COURSE_URL, headers={"accept-language": "en"})
    assert "not yet available" not in page_text(english)


def test_a_translated_course_page_costs_no_more_queries_than_the_source(client, translated_demo):
    def count(language):
        client.get(COURSE_URL, headers={"accept-language": language})  # warm the cache
        with CaptureQueriesContext(connection) as queries:
            client.get(COURSE_URL, headers={"accept-language": language})
        return len(queries)

    assert count("ar") == count("en")


def catalogue_cards(response):
    return re.findall(r'class="card__link" href="([^"]+)">([^<]+)<', page_text(response))


def test_the_catalogue_shows_each_course_once_in_the_best_language(client, translated_demo):
    english = client.get("/courses/", headers={"accept-language": "en"})
    assert catalogue_cards(english) == [(COURSE_URL, TITLES["en"])]
    assert "Available in: العربية · English · Español · Français" in page_text(english)

    arabic = client.get("/courses/", headers={"accept-language": "ar"})
    assert catalogue_cards(arabic) == [(COURSE_URL, TITLES["ar"])]
    # A language the course is not in: the source.
    russian = client.get("/courses/", headers={"accept-language": "ru"})
    assert catalogue_cards(russian) == [(COURSE_URL, TITLES["en"])]


def test_filters_work_in_every_language(client, translated_demo):
    for language in ("en", "fr", "ar"):
        found = client.get(
            "/courses/?area=preventive-diplomacy&lang=ar", headers={"accept-language": language}
        )
        assert len(catalogue_cards(found)) == 1
        none = client.get("/courses/?lang=sw", headers={"accept-language": language})
        assert catalogue_cards(none) == []


@pytest.mark.parametrize(
    "words",
    [
        "وساطة",  # Arabic: within "الوساطة"
        "mediación",
        "médiation",
        "MEDIACION",  # accents and case aside
        "mediaciones",  # Spanish stemming
        "جامعة الدول العربية",
        "Liga de los Estados Árabes",
        "organisations régionales",
        "وساطه",  # ta marbuta written as ha: Arabic spellings folded
        "الدبلوماسبة",  # a typo in Arabic: trigram matching
    ],
)
def test_search_finds_the_course_in_every_language(client, translated_demo, words):
    response = client.get("/courses/", {"q": words}, headers={"accept-language": "en"})
    assert catalogue_cards(response) == [(COURSE_URL, TITLES["en"])]


def test_search_finds_nothing_for_words_no_translation_has(client, translated_demo):
    response = client.get("/courses/", {"q": "منطاد"}, headers={"accept-language": "ar"})
    assert catalogue_cards(response) == []


def test_sessions_are_shared_by_every_translation(client, translated_demo):
    make_session(source_course(), code="chapter-viii-cairo", city="Cairo", country="EG")
    for language in ("en", "fr", "ar"):
        response = client.get(COURSE_URL, headers={"accept-language": language})
        assert page_text(response).count('class="session-item"') == 1
        assert "Cairo" in page_text(response)


def test_a_participant_of_the_source_reads_the_translated_modules(client, translated_demo):
    learner = make_learner(source_course(), "chapter-reader")
    client.force_login(learner)
    arabic_module = ModulePage.objects.get(
        slug="comparative-advantages-and-division-of-labour", locale__language_code="ar"
    )
    response = client.get(arabic_module.url, headers={"accept-language": "ar"})
    assert response.status_code == 200
    assert h1(response) == arabic_module.title
    # The opening counts for the session's completion: recorded on its course's module.
    visit = ModuleVisit.objects.get(user=learner)
    assert visit.module.translation_key == arabic_module.translation_key
    assert visit.module.locale.language_code == "en"


def test_other_visitors_cannot_open_the_translated_modules(client, translated_demo):
    client.force_login(make_trainer("outsider"))
    arabic_module = ModulePage.objects.get(
        slug="comparative-advantages-and-division-of-labour", locale__language_code="ar"
    )
    response = client.get(arabic_module.url, headers={"accept-language": "ar"})
    assert response.status_code == 302
    assert response["Location"].endswith(COURSE_URL + "#sessions")


def test_api_sessions_of_a_translation_are_the_courses(client, translated_demo):
    make_session(source_course(), code="chapter-viii-api")
    french = CoursePage.objects.get(slug=SLUG, locale__language_code="fr")
    response = client.get("/api/v1/sessions", {"course": french.pk})
    assert [row["code"] for row in response.json()["items"]] == ["chapter-viii-api"]


# ---------------------------------------------------------------- trainers and review


@pytest.fixture
def course_to_translate(catalog):
    coordinator = make_coordinator("coordinator")
    trainer = make_trainer("trainer")
    course = make_course(catalog, title="Mediation process design", slug="mediation-design")
    make_module(course, title="Readiness", body_text="Original module text.")
    assign_trainer(course=course, user=trainer, assigned_by=coordinator)
    return course, trainer, coordinator


def translate_strings(page, locale, words):
    """What a translator types in wagtail-localize's editor: one string per segment."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": words.get(segment.string.data, segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def test_a_translation_is_published_only_after_review(client, course_to_translate):
    course, trainer, coordinator = course_to_translate
    french = Locale.objects.get(language_code="fr")
    client.force_login(trainer)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [french.pk]},
    )
    assert response.status_code == 302
    translated = CoursePage.objects.get(translation_key=course.translation_key, locale=french)
    # A draft, which the course's trainer may edit but not publish.
    assert not translated.live
    permissions = translated.permissions_for_user(trainer)
    assert permissions.can_edit()
    assert not permissions.can_publish()

    translate_strings(
        course, french, {"Mediation process design": "Conception de processus de médiation"}
    )
    page = client.get(reverse("cms_translations:submit_for_review", args=[translated.pk]))
    assert "Send for review" in page_text(page)
    response = client.post(reverse("cms_translations:submit_for_review", args=[translated.pk]))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(translated.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # Sending twice changes nothing.
    client.post(reverse("cms_translations:submit_for_review", args=[translated.pk]))
    assert WorkflowState.objects.filter(object_id=str(translated.pk)).count() == 1

    client.logout()
    waiting = client.get(
        "/courses/mediation-design/?language=fr", headers={"accept-language": "en"}
    )
    assert h1(waiting) == "Mediation process design"
    assert "not yet available in Français" in page_text(waiting)

    client.force_login(coordinator)
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[translated.pk, "approve", task_state.pk]
        ),
        {"comment": "Bien."},
    )
    client.logout()
    published = client.get("/courses/mediation-design/", headers={"accept-language": "fr"})
    assert h1(published) == "Conception de processus de médiation"


def test_only_editors_of_the_translation_may_send_it_for_review(client, course_to_translate):
    course, trainer, _coordinator = course_to_translate
    french = Locale.objects.get(language_code="fr")
    client.force_login(trainer)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [french.pk]},
    )
    translated = CoursePage.objects.get(translation_key=course.translation_key, locale=french)
    client.force_login(make_trainer("another-trainer"))
    url = reverse("cms_translations:submit_for_review", args=[translated.pk])
    assert client.post(url).status_code in (302, 403)
    assert not WorkflowState.objects.filter(object_id=str(translated.pk)).exists()
    # The source is no translation: nothing to send.
    client.force_login(trainer)
    assert client.get(
        reverse("cms_translations:submit_for_review", args=[course.pk])
    ).status_code in (302, 403)


def test_changes_to_the_source_show_as_needing_translation(client, course_to_translate):
    course, trainer, _coordinator = course_to_translate
    french = Locale.objects.get(language_code="fr")
    client.force_login(trainer)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
        {"locales": [french.pk]},
    )
    translate_strings(
        course, french, {"A course of the joint programme.": "Un cours du programme."}
    )
    translation = Translation.objects.get(
        source__object_id=course.translation_key, target_locale=french
    )

    def untranslated():
        return set(
            translation.source.stringsegment_set.annotate_translation(french)
            .filter(translation__isnull=True)
            .values_list("string__data", flat=True)
        )

    assert untranslated() == set()
    course.summary = "A course of the joint programme, revised."
    course.save_revision().publish()
    assert untranslated() == {"A course of the joint programme, revised."}
