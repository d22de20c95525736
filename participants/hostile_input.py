"""Forms that answer unreadable input with a field error instead of a 500.

Django asks each widget to read its value from the POST (``value_from_datadict``), and
some widgets parse as they read: Wagtail's StreamField reads ``body-count`` and each
block's ``order`` with ``int()``, Draftail parses its JSON, a chooser later looks its id
up in the database when the form is shown again. A hostile or broken submission makes
them raise, which Django does not expect from a widget: a 500. Forms with this mixin
catch that per field, read the field as empty, and report "could not be read" on it, so
the editor gets the form back (400-class answer) with the reason next to the field.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

UNREADABLE_ERRORS = (
    ValueError,
    TypeError,
    AttributeError,
    KeyError,
    IndexError,
    OverflowError,
    ValidationError,
)


class ReadsHostileInputMixin:
    unreadable_message = _("This value could not be read. Enter it again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unreadable_fields: set[str] = set()
        for name, field in self.fields.items():
            # Fields (and their widgets) are deep copies per form: patching is local.
            field.widget.value_from_datadict = self._guarded(
                name, field, field.widget.value_from_datadict
            )

    def _guarded(self, name, field, read):
        def value_from_datadict(data, files, prefixed_name):
            try:
                value = read(data, files, prefixed_name)
                _check_chosen_id(field, value)
            except UNREADABLE_ERRORS:
                self.unreadable_fields.add(name)
                return _empty_value(field)
            return value

        return value_from_datadict

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name in sorted(self.unreadable_fields):
            if name in self.fields and not (self._errors and name in self._errors):
                self.add_error(name, self.unreadable_message)


def _check_chosen_id(field, value):
    """A chooser's id must be a primary key at all (the chooser looks it up to show the
    form again, with whatever it got)."""
    single = isinstance(field, forms.ModelChoiceField) and not isinstance(
        field, forms.ModelMultipleChoiceField
    )
    if single and value not in field.empty_values:
        field.queryset.model._meta.pk.to_python(value)


def _empty_value(field):
    block = getattr(field, "block", None)  # Wagtail's StreamField form field
    if block is not None:
        return block.get_default()
    return None
