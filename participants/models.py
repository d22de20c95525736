from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


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
