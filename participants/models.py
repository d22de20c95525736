from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .storage import NamedStorage


class Organization(models.Model):
    """A UN entity or a regional, sub-regional or other organization whose staff train with us."""

    class Kind(models.TextChoices):
        UN = "un", _("UN entity")
        REGIONAL = "regional", _("Regional organization")
        SUBREGIONAL = "subregional", _("Sub-regional organization")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload only a logo you have the right to use; without one a monogram shows."),
    )
    colour = models.CharField(
        _("monogram colour"),
        max_length=7,
        default="#1f4e79",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))],
        help_text=_("Background of the generated monogram, as #rrggbb; keep it dark for contrast."),
    )
    # An organization a person named on their profile because it was not listed: usable
    # for them at once, offered to others only once a coordinator has reviewed it.
    reviewed = models.BooleanField(
        _("reviewed"),
        default=True,
        help_text=_("Reviewed organizations are offered to everyone on the profile form."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(colour__regex=r"^#[0-9a-fA-F]{6}$"),
                name="organization_colour_hex",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})"


class Participant(models.Model):
    """What Concord knows about a person who trains: completed before a first enrollment.

    Gender is optional and used only for the balance figures of a cohort; it is never
    shown publicly.
    """

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        ANOTHER = "another", _("Another gender")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="participant",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="participants",
    )
    job_title = models.CharField(_("job title"), max_length=200)
    duty_station = CountryField(_("duty station (country)"))
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    # Certificates and credentials print these: the order and script of a name are the
    # holder's to say (a Chinese or Hungarian family name comes first).
    printed_name = models.CharField(
        _("name as it should print"),
        max_length=200,
        blank=True,
        help_text=_(
            "As it should appear on your certificates, in your own script and order. "
            "Leave empty for your given name followed by your family name."
        ),
    )
    printed_name_latin = models.CharField(
        _("name in Latin letters"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional: if your name is written in another script, how it is written in "
            "Latin letters. It prints under your name."
        ),
    )
    gender = models.CharField(
        _("gender"),
        max_length=12,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional. Used only to report the balance of a cohort."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("participant profile")
        verbose_name_plural = _("participant profiles")

    def __str__(self):
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({self.organization.acronym})"


class FocalPoint(models.Model):
    """A person who may nominate the staff of an organization and sees its enrollments."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="focal_points",
        db_index=False,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="focal_point_for",
    )
    created_at = models.DateTimeField(_("appointed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"], name="unique_focal_point_per_organization"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.organization.acronym}"


class ErasureRequest(models.Model):
    """A person asked to be forgotten; a coordinator or administrator confirms it.

    The row outlives the account: once done, ``user`` is the anonymised shell (or None if
    the account could be deleted outright) and ``reference`` is all that names the person
    ("person #12"), so the audit trail says that an erasure happened, not whose.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        DONE = "done", _("Erased")
        WITHDRAWN = "withdrawn", _("Withdrawn by the person")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure_requests",
    )
    reference = models.CharField(_("reference"), max_length=40)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_erasure_request_per_person",
            )
        ]

    def __str__(self):
        return f"{self.reference} · {self.get_status_display()}"


def personal_data_storage():
    return NamedStorage("personal_data")


class PersonalDataExport(models.Model):
    """A "Download my data" ZIP: prepared by a task, offered to its owner for a day."""

    class State(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="personal_data_exports",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PREPARING
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    file = models.FileField(_("file"), storage=personal_data_storage, max_length=200, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("personal data export")
        verbose_name_plural = _("personal data exports")

    def __str__(self):
        return f"{self.user_id} · {self.requested_at:%Y-%m-%d %H:%M}"


class RetentionNotice(models.Model):
    """The warning a person got that their data will be erased for lack of activity."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="retention_notice",
    )
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("retention notice")
        verbose_name_plural = _("retention notices")

    def __str__(self):
        return f"{self.user_id} · {self.sent_at:%Y-%m-%d}"
