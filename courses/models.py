"""Running courses: scheduled sessions, their sittings, and who is enrolled in them.

Models hold fields, constraints and cheap properties only; every change of an
enrollment's status goes through ``courses.services``, which locks the session row.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.models import COURSE_LANGUAGES
from participants.models import Organization


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class CourseSession(models.Model):
    """One scheduled delivery of a course ("session" to users; never a plain ``Session``)."""

    class Policy(models.TextChoices):
        OPEN = "open", _("Open: first come, first served")
        APPROVAL = "approval", _("Approval: a coordinator decides")
        NOMINATION = "nomination", _("Nomination: focal points put people forward")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for enrollment")
        CLOSED = "closed", _("Enrollment closed")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    course = models.ForeignKey(
        "cms.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    code = models.SlugField(
        _("code"), max_length=40, unique=True, help_text=_("For example: mpd-2027-nairobi.")
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    timezone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_timezone]
    )
    is_online = models.BooleanField(_("online"), default=False)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=COURSE_LANGUAGES)
    capacity = models.PositiveIntegerField(_("seats"))
    enrollment_opens_at = models.DateTimeField(_("enrollment opens"))
    enrollment_closes_at = models.DateTimeField(_("enrollment closes"))
    policy = models.CharField(
        _("enrollment policy"), max_length=12, choices=Policy.choices, default=Policy.OPEN
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        related_name="coordinated_sessions",
        blank=True,
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        related_name="trained_sessions",
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "code"]
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="session_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(enrollment_closes_at__gt=F("enrollment_opens_at")),
                name="session_enrollment_window_ordered",
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="session_has_seats"),
            models.CheckConstraint(
                condition=Q(is_online=True) | ~Q(city=""), name="session_has_a_place"
            ),
        ]

    def __str__(self):
        return f"{self.code} · {self.course.title}"

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The last day cannot come before the first.")
        if (
            self.enrollment_opens_at
            and self.enrollment_closes_at
            and self.enrollment_closes_at <= self.enrollment_opens_at
        ):
            errors["enrollment_closes_at"] = _("Enrollment must close after it opens.")
        if not self.is_online and not self.city:
            errors["city"] = _("Give the city, or mark the session as online.")
        if errors:
            raise ValidationError(errors)

    @property
    def place(self):
        if self.is_online:
            return _("Online")
        return ", ".join(str(part) for part in (self.city, self.country.name) if part)

    def enrollment_is_open(self, at=None):
        at = at or timezone.now()
        return (
            self.status == self.Status.OPEN
            and self.enrollment_opens_at <= at < self.enrollment_closes_at
        )


class SeatQuota(models.Model):
    """At most ``seats`` confirmed places for one organization, or for one kind of them."""

    session = models.ForeignKey(
        CourseSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="quotas"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    organization_kind = models.CharField(
        _("kind of organization"), max_length=20, choices=Organization.Kind.choices, blank=True
    )
    seats = models.PositiveIntegerField(_("seats"))

    class Meta:
        verbose_name = _("seat quota")
        verbose_name_plural = _("seat quotas")
        constraints = [
            models.CheckConstraint(
                condition=(Q(organization__isnull=False) & Q(organization_kind=""))
                | (Q(organization__isnull=True) & ~Q(organization_kind="")),
                name="quota_for_an_organization_or_a_kind",
            ),
            models.UniqueConstraint(
                fields=["session", "organization"],
                condition=Q(organization__isnull=False),
                name="one_quota_per_organization",
            ),
            models.UniqueConstraint(
                fields=["session", "organization_kind"],
                condition=~Q(organization_kind=""),
                name="one_quota_per_organization_kind",
            ),
        ]

    def __str__(self):
        who = (
            self.organization.acronym
            if self.organization_id
            else self.get_organization_kind_display()
        )
        return f"{who}: {self.seats}"


class Meeting(models.Model):
    """One sitting of a session, on which attendance is taken."""

    session = models.ForeignKey(
        CourseSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_it_starts"
            )
        ]

    def __str__(self):
        return self.title or f"{self.session.code} · {self.starts_at:%Y-%m-%d %H:%M}"


class Enrollment(models.Model):
    """A participant in a session: one row per pair, ever, whatever happens to it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")
        NOT_COMPLETED = "not_completed", _("Not completed")

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The participant's organization when they enrolled: quotas count it."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    justification = models.TextField(_("justification"), max_length=1000, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"], name="one_enrollment_per_participant_and_session"
            ),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="waitlisted_enrollment_has_its_place_in_line",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"], name="enrollment_session_status")]

    def __str__(self):
        return f"{self.participant} · {self.session.code} ({self.get_status_display()})"


class Notice(models.Model):
    """An email owed to a participant about their enrollment: made once, sent once.

    The unique (enrollment, kind, key) row is what makes queuing it again harmless: the
    key tells two notices of the same kind apart (the decision's time, "7d" for the
    reminder a week before), and ``sent_at`` records that the mail server took it.
    """

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Request received")
        CONFIRMED = "confirmed", _("Place confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        PROMOTED = "promoted", _("Promoted from the waitlist")
        REJECTED = "rejected", _("Request declined")
        SESSION_CHANGED = "session_changed", _("Session changed")
        SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
        REMINDER = "reminder", _("Reminder")

    enrollment = models.ForeignKey(
        Enrollment, verbose_name=_("enrollment"), on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "kind", "key"], name="one_notice_per_event"
            )
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="notice_unsent"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.enrollment}"
