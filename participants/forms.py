from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Organization, Participant


class NameForm(forms.ModelForm):
    """The person's name, as certificates will print it."""

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }
        help_texts = {"first_name": _("As it should appear on your certificates.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True


class ParticipantForm(forms.ModelForm):
    """What a person tells about themselves before a first enrollment."""

    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.order_by("name"),
        empty_label=_("Choose your organization"),
    )

    class Meta:
        model = Participant
        fields = ["organization", "job_title", "duty_station", "preferred_language", "gender"]
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
        widgets = {"job_title": forms.TextInput(attrs={"autocomplete": "organization-title"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = [c for c in self.fields["duty_station"].choices if c[0] != ""]
        self.fields["duty_station"].choices = [("", _("Choose a country")), *countries]
        self.fields["gender"].choices = [("", _("Not given")), *Participant.Gender.choices]
