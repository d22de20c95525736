"""A submission that no browser sends answers 400 Bad Request, with the form and its errors.

The forms that read hostile input (``participants.hostile_input.ReadsHostileInputMixin``:
the page editor of every page type of ours, and the admin forms built on it) read a
field whose widget cannot parse the submitted value (a tampered StreamField count,
broken Draftail JSON, a chooser id that is no id) as empty and put "could not be read"
on it; Wagtail's create and edit views then show the form again as for any invalid
form, with 200. ``UnreadableSubmissionMiddleware`` answers such a submission with the
same page and errors but status 400, as it is one: a structure that the editor's own
widgets never produce. So is a chooser id beyond what the database can hold (no row
has it, unlike the id of an image deleted meanwhile), a value that cannot be an id in
a list of choices, and a formset's management count that is missing, unreadable or
beyond the formset's absolute maximum.

A form that is merely invalid (a missing title, a word in a number field, an image
deleted while the page was open) keeps Wagtail's 200. JSON answers (autosave) are
Wagtail's own, 400 already.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext_lazy as _

from participants.hostile_input import ReadsHostileInputMixin


class ExplainsTamperedFormsetsMixin:
    """For a form with formsets (Wagtail's page forms: the comments): a formset whose
    management count is missing, unreadable or beyond its absolute maximum is an error
    of the whole form, which Wagtail's message above the form then lists (it shows no
    formset's own errors)."""

    tampered_message = _(
        "The form arrived incomplete or altered, so nothing was saved. "
        "Reload the page and make your changes again."
    )

    def clean(self):
        cleaned_data = super().clean()
        if any(_unreadable_count(formset) for formset in getattr(self, "formsets", {}).values()):
            self.add_error(None, self.tampered_message)
        return cleaned_data


class UnreadableSubmissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        context = response.context_data or {}
        if (
            request.method == "POST"
            and response.status_code == 200
            and any(is_unreadable(value) for value in context.values())
        ):
            response.status_code = 400
        return response


def is_unreadable(form) -> bool:
    """Whether ``form``, bound and of ours, was given something no editor can submit."""
    if not isinstance(form, ReadsHostileInputMixin) or not form.is_bound:
        return False
    if form.unreadable_fields:
        return True
    if any(_unreadable_count(formset) for formset in getattr(form, "formsets", {}).values()):
        return True
    errors = form.errors
    return any(
        _unreadable_choice(form, name, field)
        for name, field in form.fields.items()
        if name in errors and isinstance(field, forms.ModelChoiceField)
    )


def _unreadable_count(formset) -> bool:
    management = formset.management_form
    if not management.is_valid():
        return True
    return management.cleaned_data[forms.formsets.TOTAL_FORM_COUNT] > formset.absolute_max


def _unreadable_choice(form, name: str, field: forms.ModelChoiceField) -> bool:
    if any(error.code == "invalid_pk_value" for error in form.errors.as_data()[name]):
        return True
    key = field.queryset.model._meta.pk
    to_field = getattr(field, "to_field_name", None)
    if to_field:
        key = field.queryset.model._meta.get_field(to_field)
    values = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    if not isinstance(values, list | tuple):
        values = [values]
    for value in values:
        if value in field.empty_values:
            continue
        try:
            value = key.to_python(value)
        except ValidationError:
            return True
        if isinstance(value, int) and not _fits(key, value):
            return True
    return False


def _fits(key, value: int) -> bool:
    internal_type = key.get_internal_type()
    try:
        low, high = connection.ops.integer_field_range(internal_type)
    except KeyError:  # not an integer column
        return True
    return (low is None or value >= low) and (high is None or value <= high)
