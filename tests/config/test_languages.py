# ruff: noqa: RUF001 -- Cyrillic and full-width letters of the wording in other scripts
"""The seven languages of the interface: their codes, the switcher, right to left, and
the stylesheet written for both directions."""

import pathlib
import re

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.users.models import UserProfile

from courses.dates import course_date
from participants.models import Participant
from tests.factories.courses import make_profile
from tests.factories.users import make_coordinator, make_participant

ROOT = pathlib.Path(settings.BASE_DIR)
SITE_PACKAGES = pathlib.Path(translation.__file__).parents[2]


def test_the_interface_offers_the_six_un_languages_and_portuguese_each_in_its_own_name():
    assert dict(settings.LANGUAGES) == {
        "ar": "العربية",
        "en": "English",
        "es": "Español",
        "fr": "Français",
        "pt-br": "Português",
        "ru": "Русский",
        "zh-hans": "中文",
    }
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == settings.LANGUAGES


@pytest.mark.parametrize("code", ["ar", "es", "fr", "pt-br", "ru", "zh-hans"])
def test_django_wagtail_and_allauth_ship_their_own_catalogue_for_each_code(code):
    """The codes are chosen so that the libraries' own screens and emails translate:
    Wagtail and allauth have no plain "pt", only pt_BR and pt_PT."""
    locale = translation.to_locale(code)
    import allauth  # noqa: PLC0415 -- only for its folder
    import django  # noqa: PLC0415
    import wagtail  # noqa: PLC0415

    for package, folder in (
        (django, "conf/locale"),
        (wagtail, "locale"),
        (wagtail, "admin/locale"),
        (allauth, "locale"),
    ):
        catalogue = pathlib.Path(package.__file__).parent / folder / locale / "LC_MESSAGES"
        assert (catalogue / "django.mo").exists(), catalogue
    assert translation.check_for_language(code)


def test_our_portuguese_catalogue_in_locale_pt_serves_the_pt_br_interface(tmp_path):
    """gettext looks for pt_BR, then pt: the translators' locale/pt applies to "pt-br"."""
    assert translation.to_locale("pt-br") == "pt_BR"
    import gettext  # noqa: PLC0415

    assert "pt" in gettext._expand_lang("pt_BR")


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("ar", "rtl"),
        ("en", "ltr"),
        ("es", "ltr"),
        ("fr", "ltr"),
        ("pt-br", "ltr"),
        ("ru", "ltr"),
        ("zh-hans", "ltr"),
    ],
)
def test_every_page_says_its_language_and_direction(client, home, catalog, code, direction):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    for path in ("/", "/courses/", "/accounts/login/"):
        html = client.get(path).content.decode()
        assert f'<html lang="{code}" dir="{direction}">' in html, path


def test_the_switcher_offers_each_language_in_its_own_name(client, home):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    html = client.get("/").content.decode()
    assert '<span class="lang-switch__current" lang="ar" aria-current="true">العربية</span>' in html
    for code, name in settings.LANGUAGES:
        if code != "ar":
            assert f'value="{code}" lang="{code}">{name}</button>' in html


def test_chinese_pages_load_the_shipped_chinese_font_and_others_do_not(client, home):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert "css/noto-sans-sc" in client.get("/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "css/noto-sans-sc" not in client.get("/").content.decode()
    css = (ROOT / "static/css/noto-sans-sc.css").read_text()
    fonts = re.findall(r'url\("\.\./fonts/(noto-sans-sc/[^"]+\.woff2)"\)', css)
    assert len(fonts) > 90
    for font in fonts:
        assert (ROOT / "static/fonts" / font).exists(), font
    assert "http" not in css  # nothing from other hosts


@pytest.mark.django_db
def test_switching_remembers_the_choice_of_a_signed_in_person_in_their_profile(client):
    person = make_participant()
    make_profile(person, preferred_language="en")
    client.force_login(person)

    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/courses/"})

    assert response.status_code == 302
    assert response["Location"] == "/courses/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert Participant.objects.get(user=person).preferred_language == "ar"


@pytest.mark.django_db
def test_switching_also_sets_the_admin_language_of_staff(client):
    """Wagtail writes its workflow emails in its own profile's language."""
    coordinator = make_coordinator()
    client.force_login(coordinator)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    assert UserProfile.get_for_user(coordinator).preferred_language == "ru"


@pytest.mark.django_db
def test_an_unknown_language_changes_nothing_and_a_get_changes_nothing(client):
    person = make_participant()
    make_profile(person, preferred_language="fr")
    client.force_login(person)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert client.get("/i18n/setlang/?language=ar").status_code == 405
    assert Participant.objects.get(user=person).preferred_language == "fr"


@pytest.mark.django_db
def test_signing_in_opens_the_site_in_the_language_of_the_profile(client):
    person = make_participant()
    person.set_password("a long passphrase 42")
    person.save()
    make_profile(person, preferred_language="zh-hans")
    response = client.post(
        "/accounts/login/", {"login": person.email, "password": "a long passphrase 42"}
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"


def test_dates_follow_the_active_language():
    import datetime  # noqa: PLC0415

    day = datetime.date(2027, 3, 5)
    expected = {
        "en": "March 5, 2027",
        "fr": "5 mars 2027",
        "ru": "5 марта 2027 г.",
        "zh-hans": "2027年3月5日",
        "es": "5 de marzo de 2027",
        "ar": "5 مارس، 2027",
    }
    for code, text in expected.items():
        with translation.override(code):
            assert course_date(day) == text, code


# ------------------------------------------------------------------ the stylesheets

_PHYSICAL = re.compile(
    r"(?<![-\w])(?:(?:margin|padding|border|inset)-(?:left|right)(?:-[a-z]+)?|left|right)\s*:"
    r"|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)|clear\s*:\s*(?:left|right)"
    # A shorthand of four values sets the left and right sides apart.
    r"|(?<![-\w])(?:margin|padding)\s*:\s*[\w.%-]+(?:\([^()]*\))?"
    r"(?:\s+[\w.%-]+(?:\([^()]*\))?){3}\s*;"
)


@pytest.mark.parametrize(
    "stylesheet",
    [
        "static/css/concord.css",
        *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "courses/static").rglob("*.css")),
    ],
)
def test_our_stylesheets_use_logical_properties_only(stylesheet):
    """No left or right: margins, paddings, borders, positions and alignments run with
    the reading direction (inline-start, inline-end), so Arabic needs no override."""
    css = re.sub(r"/\*.*?\*/", "", (ROOT / stylesheet).read_text(), flags=re.DOTALL)
    found = [match.group(0) for match in _PHYSICAL.finditer(css)]
    assert found == [], f"{stylesheet}: {found}"


def test_the_physical_property_check_would_catch_each_kind():
    for css in (
        "a{left: 0}",
        "a{margin-left: 1px}",
        "a{border-right-color: red}",
        "a{text-align: right}",
        "a{float: left}",
        "a{margin: 0 auto 0 0;}",
        "a{padding: 1px 2px 3px 4px;}",
        "a{padding: 1px clamp(1rem, 4vw, 2rem) 3px 4px;}",
    ):
        assert _PHYSICAL.search(css), css
    for css in (
        "a{inset-inline-start: 0}",
        "a{margin-inline: 0 auto}",
        "a{text-align: start}",
        "a{padding: 1.35rem clamp(1rem, 4vw, 1.5rem);}",
        "a{margin: 0 auto 1rem;}",
    ):
        assert not _PHYSICAL.search(css), css


def test_directional_icons_turn_around_right_to_left():
    css = (ROOT / "static/css/concord.css").read_text()
    rule = re.search(r'\[dir="rtl"\] \.icon--arrow-left,[^{]*\{[^}]*\}', css)
    assert rule and "scaleX(-1)" in rule.group(0) and ".icon--arrow-right" in rule.group(0)
