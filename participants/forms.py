import unicodedata

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Organization, Participant


def _latin(char: str) -> bool:
    name = unicodedata.name(char, "")
    return not char.isalpha() or name.startswith("LATIN ")


class NameForm(forms.ModelForm):
    """The person's name, as certificates will print it."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }
        help_texts = {"first_name": _("Your given name, as in your official documents.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True


class ParticipantForm(forms.ModelForm):
    """What a person tells about themselves before a first enrollment."""

    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.filter(reviewed=True).order_by("name"),
        empty_label=_("Choose your organization"),
        error_messages={
            "required": _("Choose your organization, or type its name if it is not listed.")
        },
    )
    new_organization = forms.CharField(
        label=_("My organization is not listed"),
        required=False,
        max_length=200,
        help_text=_(
            "Type its full name instead of choosing one above. You can enroll at once; "
            "a coordinator reviews new organizations before others see them."
        ),
    )

    class Meta:
        model = Participant
        fields = [
            "organization",
            "job_title",
            "duty_station",
            "preferred_language",
            "gender",
            "printed_name",
            "printed_name_latin",
        ]
        labels = {
            "job_title": _("Job title"),
            "duty_station": _("Duty station (country)"),
            "preferred_language": _("Preferred language"),
            "gender": _("Gender"),
        }
        help_texts = {
            "preferred_language": _("The language of this site and of the emails we send you."),
            "gender": _("Used only to report the balance of a cohort; never shown publicly."),
        }
        widgets = {
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "printed_name_latin": forms.TextInput(attrs={"dir": "ltr", "lang": "und-Latn"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = [c for c in self.fields["duty_station"].choices if c[0] != ""]
        self.fields["duty_station"].choices = [("", _("Choose a country")), *countries]
        self.fields["gender"].choices = [("", _("Not given")), *Participant.Gender.choices]
        # Required unless the person names an organization that is not listed; the
        # browser must not insist on the list for them (no ``required`` attribute).
        organization = self.fields["organization"]
        organization.required = not (
            self.data.get(self.add_prefix("new_organization")) or ""
        ).strip()
        organization.widget.use_required_attribute = lambda initial: False
        # The person's own organization stays on offer while it awaits review.
        current = self.instance.organization_id if self.instance.pk else None
        if current:
            self.fields["organization"].queryset = Organization.objects.filter(
                Q(reviewed=True) | Q(pk=current)
            ).order_by("name")

    def clean_printed_name(self):
        return " ".join(self.cleaned_data["printed_name"].split())

    def clean_printed_name_latin(self):
        value = " ".join(self.cleaned_data["printed_name_latin"].split())
        if value and not all(_latin(char) for char in value):
            raise forms.ValidationError(
                _("Use Latin letters only (accents are fine), as in a passport.")
            )
        return value

    def clean_new_organization(self):
        return " ".join(self.cleaned_data["new_organization"].split())
