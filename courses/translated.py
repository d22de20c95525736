"""Texts a coordinator writes in one language, with their translations in a JSON field.

Application questions, forms and consent documents (``enrollment.applications``) and
evaluation questionnaires and questions (``evaluation``) keep the text as written in
their own fields and the other languages in ``translations``:
``{"fr": {"text": "…", "choices": ["…", …]}, "ar": {…}}``. Reading one text in a
language, and checking that what an editor typed is such an object, is the same for
both: it lives here, a shared leaf both slices may import.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _


def language_key(language: str | None) -> str:
    """The key of ``language`` in ``translations``: its base code (``zh-hans`` → ``zh``)."""
    return (language or "").split("-")[0]


def texts_in(translations, language: str | None) -> dict:
    """The texts ``translations`` holds for ``language``; {} when there are none, or when
    the field (edited by hand in the admin) holds something else than objects."""
    if not isinstance(translations, dict):
        return {}
    texts = translations.get(language_key(language))
    return texts if isinstance(texts, dict) else {}


def translated(obj, name: str, language: str | None = None):
    """``obj.<name>`` in ``language`` (the active one by default) from its
    ``translations``, else as written."""
    return texts_in(obj.translations, language or get_language()).get(name) or getattr(obj, name)


def fits(own, value) -> bool:
    """Whether a translation ``value`` may stand for ``own``: not empty, and for a list
    (choices, statements), as many items, since the n-th item's index is what answers
    store: the n-th French choice must be the n-th English one."""
    if not value:
        return False
    if isinstance(own, list):
        return isinstance(value, list) and len(value) == len(own)
    return True


def check_translations(form, cleaned: dict, field: str = "translations") -> None:
    """An admin form's error when the translations typed are not an object by language."""
    translations = cleaned.get(field)
    if translations is not None and not isinstance(translations, dict):
        form.add_error(field, _('Write an object by language, e.g. {"fr": {…}}.'))
