"""The texts of application and evaluation questions in the reader's language: one
reading of the ``translations`` JSON for both slices."""

from types import SimpleNamespace

from django import forms
from django.utils import translation

from courses.enrollment.applications import question_choices
from courses.evaluation.answers import localize
from courses.evaluation.selectors import title_of
from courses.translated import check_translations, fits, texts_in, translated


def test_texts_in_takes_the_base_language_and_ignores_what_is_not_an_object():
    translations = {"zh": {"text": "问题"}, "fr": "not an object"}
    assert texts_in(translations, "zh-hans") == {"text": "问题"}
    assert texts_in(translations, "fr") == {}
    assert texts_in(["a list"], "fr") == {}
    assert texts_in(None, "fr") == {}
    assert texts_in(translations, None) == {}


def test_translated_follows_the_active_language_and_falls_back_to_the_text_as_written():
    question = SimpleNamespace(text="Why?", translations={"fr": {"text": "Pourquoi ?"}})
    with translation.override("fr"):
        assert translated(question, "text") == "Pourquoi ?"
    assert translated(question, "text", "ar") == "Why?"
    assert translated(question, "text", "fr") == "Pourquoi ?"


def test_a_translated_list_must_have_as_many_items():
    assert fits(["a", "b"], ["x", "y"])
    assert not fits(["a", "b"], ["x"])
    assert not fits(["a", "b"], "x\ny")
    assert not fits("text", "")
    assert fits("text", "texte")


def test_both_slices_read_a_short_list_of_choices_the_same_way():
    """An application question and an evaluation question, each with a French list of
    choices one item short: both keep their own labels, and take the French text."""
    application = SimpleNamespace(
        choices="Yes\nNo",
        choice_list=["Yes", "No"],
        translations={"fr": {"choices": ["Oui"], "text": "Venez-vous ?"}},
    )
    with translation.override("fr"):
        assert question_choices(application) == [("Yes", "Yes"), ("No", "No")]
    evaluation = SimpleNamespace(
        text="Useful?",
        choices="Yes\nNo",
        statements="",
        low_label="",
        high_label="",
        translations={"fr": {"choices": ["Oui"], "text": "Utile ?"}},
    )
    localized = localize(evaluation, "fr-ca")
    assert (localized.text, localized.choices) == ("Utile ?", ["Yes", "No"])
    application.translations["fr"]["choices"] = ["Oui", "Non"]
    evaluation.translations["fr"]["choices"] = ["Oui", "Non"]
    with translation.override("fr"):
        assert question_choices(application) == [("Yes", "Oui"), ("No", "Non")]
    assert localize(evaluation, "fr").choices == ["Oui", "Non"]
    questionnaire = SimpleNamespace(title="Feedback", translations={"fr": {"title": "Avis"}})
    assert (title_of(questionnaire, "fr"), title_of(questionnaire, None)) == ("Avis", "Feedback")


class TranslationsForm(forms.Form):
    translations = forms.JSONField(required=False)


def test_an_admin_form_is_told_when_translations_are_not_an_object():
    form = TranslationsForm(data={})
    form.full_clean()
    check_translations(form, {"translations": ["fr"]})
    assert "translations" in form.errors
    form = TranslationsForm(data={})
    form.full_clean()
    check_translations(form, {"translations": {"fr": {}}})
    assert not form.errors
