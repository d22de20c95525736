"""Running courses: scheduled sessions, their sittings, and who is enrolled in them.

Models hold fields, constraints and cheap properties only; every change of an
enrollment's status goes through the slices' services (``courses.enrollment.services``,
…), which lock the session row. Status groups live beside their enums.
"""

import secrets
import zoneinfo

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_supported_language_variant, gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from cms.models import COURSE_LANGUAGES
from participants.models import Organization
from participants.storage import NamedStorage


def validate_https_url(value):
    """Joining links are followed by participants from emails and calendars: only https."""
    if value and not value.lower().startswith("https://"):
        raise ValidationError(
            _("A joining link must be a secure address starting with https://."), code="https"
        )


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


# Certificates print in every language of the interface (the codes of settings.LANGUAGES).
CERTIFICATE_LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt-br", _("Portuguese")),
    ("ru", _("Russian")),
    ("zh-hans", _("Chinese")),
]


class CourseSession(models.Model):
    """One scheduled delivery of a course ("session" to users; never a plain ``Session``)."""

    class Policy(models.TextChoices):
        OPEN = "open", _("Open: first come, first served")
        APPROVAL = "approval", _("Approval: a coordinator decides")
        NOMINATION = "nomination", _("Nomination: focal points put people forward")
        INVITATION = "invitation", _("Invitation: only invited people may enroll")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for enrollment")
        CLOSED = "closed", _("Enrollment closed")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class ExcusedAbsences(models.TextChoices):
        ATTENDED = "attended", _("Count excused absences as attended")
        EXCLUDED = "excluded", _("Leave excused meetings out of the count")

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
    issuing_organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("issuing organizations"),
        related_name="+",
        blank=True,
        help_text=_(
            "The organizations whose names and logos the certificates carry. Leave empty "
            "for the UN entity that runs the programme and the course's partner "
            "organizations."
        ),
    )
    certificate_second_language = models.CharField(
        _("second language of the certificates"),
        max_length=8,
        blank=True,
        choices=CERTIFICATE_LANGUAGES,
        help_text=_(
            "Leave empty for certificates in the session's language only. Otherwise each "
            "certificate says everything in both languages, side by side on one page."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # Where: the venue (in person, blended) and the online joining details. Joining
    # details and access notes are shown only to the session's confirmed people, trainers
    # and coordinators (``courses.access.joining_details_visible``).
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("address"), max_length=500, blank=True)
    venue_room = models.CharField(_("room"), max_length=200, blank=True)
    venue_map_url = models.URLField(
        _("map link"), max_length=500, blank=True, validators=[validate_https_url]
    )
    venue_access_notes = models.TextField(
        _("access notes"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Security, badges, entrance: shown only to confirmed participants, trainers "
            "and coordinators."
        ),
    )
    online_platform = models.CharField(
        _("platform"), max_length=100, blank=True, help_text=_("For example: Microsoft Teams.")
    )
    online_url = models.URLField(
        _("joining link"),
        max_length=500,
        blank=True,
        validators=[validate_https_url],
        help_text=_("An https:// address, shown only to confirmed participants."),
    )
    online_meeting_id = models.CharField(_("meeting ID"), max_length=100, blank=True)
    online_passcode = models.CharField(_("passcode"), max_length=100, blank=True)
    online_dial_in = models.TextField(_("dial-in numbers"), max_length=1000, blank=True)
    online_notes = models.TextField(_("joining notes"), max_length=2000, blank=True)
    # SEQUENCE of the session's calendar events: the services that change dates, venue,
    # link or agenda raise it, so calendar clients replace what they imported.
    calendar_sequence = models.PositiveIntegerField(_("calendar revision"), default=0)

    # The completion rule: what evaluating the session checks for each confirmed person.
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_("Share of the session's meetings a participant must attend to complete it."),
    )
    excused_absences = models.CharField(
        _("excused absences"),
        max_length=10,
        choices=ExcusedAbsences.choices,
        default=ExcusedAbsences.EXCLUDED,
    )
    min_modules_opened = models.PositiveSmallIntegerField(
        _("minimum modules opened"),
        default=0,
        help_text=_("How many of the course's modules a participant must have opened (0: none)."),
    )
    completion_requires_evaluation = models.BooleanField(
        _("evaluation submitted"),
        default=False,
        help_text=_("Completing requires submitting the end-of-session evaluation."),
    )
    completion_requires_post_check = models.BooleanField(
        _("knowledge check passed"),
        default=False,
        help_text=_("Completing requires passing the knowledge check after the course."),
    )
    # Self check-in: arriving later than this after a meeting starts is recorded as late.
    late_after_minutes = models.PositiveSmallIntegerField(
        _("late after (minutes)"),
        default=15,
        help_text=_("A check-in this many minutes after a meeting starts is recorded as late."),
    )

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
            models.CheckConstraint(
                condition=Q(min_attendance_percent__lte=100),
                name="session_min_attendance_is_a_percentage",
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
        if self.course_id and (problem := self.course_problem()):
            errors["course"] = problem
        if self.certificate_second_language and (
            self.certificate_second_language == self.certificate_language
        ):
            errors["certificate_second_language"] = _(
                "The certificates are in this language already: choose another one, or none."
            )
        if errors:
            raise ValidationError(errors)

    def course_problem(self) -> str:
        """Why ``course`` cannot be the session's, or "": a session runs the course
        itself (its source page), never one of its translations or aliases, so that its
        enrollments and reports count once for the course in every language."""
        # cms.translations reads wagtail-localize's models, loaded after this module.
        from cms.translations import source_of  # noqa: PLC0415 -- app loading order

        course = self.course
        source = source_of(course)
        if source is None or source.pk == course.pk:
            return ""
        return _(
            "“%(course)s” is a translation (%(language)s) of the course “%(source)s”. A "
            "session belongs to the course itself: choose “%(source)s”; participants "
            "read it in their own language all the same."
        ) % {
            "course": course.title,
            "language": course.locale.get_display_name(),
            "source": source.title,
        }

    @property
    def certificate_language(self) -> str:
        """The first language of the session's certificates: its own language as the
        interface spells it ("zh" is "zh-hans"), or English when certificates have no
        wording in it (Swahili)."""
        codes = {code for code, _name in CERTIFICATE_LANGUAGES}
        try:
            language = get_supported_language_variant(self.language or "en")
        except LookupError:
            return "en"
        return language if language in codes else "en"

    @property
    def place(self):
        if self.is_online:
            return _("Online")
        return ", ".join(str(part) for part in (self.city, self.country.name) if part)

    @property
    def has_venue(self) -> bool:
        return bool(self.venue_name or self.venue_address)

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


class MeetingQuerySet(models.QuerySet):
    def held(self):
        """The sittings that take place: a cancelled one took place for nobody (no mark,
        no check-in, and it counts neither way for completion or hours)."""
        return self.filter(is_cancelled=False)

    def numbered(self):
        """Each sitting with ``number``: its place among ALL the sittings of its session
        (cancelled ones included, by start, then id), for ``label``. A correlated count,
        not a window function: a window would renumber whatever the queryset filters."""
        earlier = (
            Meeting.objects.filter(session=models.OuterRef("session"))
            .filter(
                Q(starts_at__lt=models.OuterRef("starts_at"))
                | Q(starts_at=models.OuterRef("starts_at"), pk__lt=models.OuterRef("pk"))
            )
            .order_by()
            .values("session")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            number=models.functions.Coalesce(
                models.Subquery(earlier, output_field=models.IntegerField()), 0
            )
            + 1
        )


class Meeting(models.Model):
    """One sitting of a session, on which attendance is taken.

    A sitting with no title is called by ``label``, "Day 3" in the language of whoever
    reads it: generated sittings store no title, so the words are never frozen in the
    language of whoever created the session.
    """

    session = models.ForeignKey(
        CourseSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # The agenda: who leads the sitting (a trainer of the session or a named resource
    # person) and what it covers.
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("A trainer of the session who leads this sitting."),
    )
    resource_person = models.CharField(
        _("resource person"),
        max_length=200,
        blank=True,
        help_text=_("Or the name of a guest who leads it, e.g. “Amb. N. Diallo, AU PSC”."),
    )
    description = models.TextField(_("description"), max_length=2000, blank=True)
    # A sitting may be elsewhere than the rest of its session: blank means the session's.
    venue_room = models.CharField(
        _("room"), max_length=200, blank=True, help_text=_("Blank: the session's room.")
    )
    online_url = models.URLField(
        _("joining link"),
        max_length=500,
        blank=True,
        validators=[validate_https_url],
        help_text=_("Blank: the session's joining link."),
    )
    online_meeting_id = models.CharField(_("meeting ID"), max_length=100, blank=True)
    online_passcode = models.CharField(_("passcode"), max_length=100, blank=True)
    is_cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Calendars and the agenda show it as cancelled."),
    )

    objects = MeetingQuerySet.as_manager()

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
        return self.label

    @property
    def label(self) -> str:
        """What every screen, file and message calls the sitting: its title, or "Day N"
        translated when shown (``Meeting.objects.numbered()`` spares the query)."""
        if self.title:
            return self.title
        return gettext("Day %(n)s") % {"n": self.number}

    @cached_property
    def number(self) -> int:
        """The sitting's place among all the sittings of its session (1 for the first).
        An annotation of ``numbered()`` sets it without a query."""
        if self.pk is None:
            return 1
        return (
            Meeting.objects.filter(session_id=self.session_id)
            .filter(Q(starts_at__lt=self.starts_at) | Q(starts_at=self.starts_at, pk__lt=self.pk))
            .count()
            + 1
        )

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    @property
    def leader(self) -> str:
        """Who leads the sitting, as printed on the agenda."""
        if self.resource_person:
            return self.resource_person
        if self.facilitator_id:
            user = self.facilitator
            return user.get_full_name() or user.get_username()
        return ""

    @property
    def room(self) -> str:
        return self.venue_room or self.session.venue_room

    @property
    def joining_url(self) -> str:
        return self.online_url or self.session.online_url

    @property
    def meeting_id(self) -> str:
        return self.online_meeting_id or self.session.online_meeting_id

    @property
    def passcode(self) -> str:
        return self.online_passcode or self.session.online_passcode


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

    # Indexes (issue 20: each is written by every enrollment, under the session's lock):
    # the session's come first in the unique pair and in (session, status); the people
    # who nominated, decided or overrode are indexed only where there are some.
    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="enrollments",
        db_index=False,
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
        db_index=False,
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
        db_index=False,
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)

    # The completion outcome, written by ``services.evaluate_completion``: the figures
    # that decided it (as they were when it was evaluated) and what the rule said.
    attended_meetings = models.PositiveSmallIntegerField(
        _("meetings attended"), null=True, blank=True
    )
    counted_meetings = models.PositiveSmallIntegerField(
        _("meetings counted"), null=True, blank=True
    )
    attendance_percent = models.DecimalField(
        _("attendance (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    modules_opened = models.PositiveSmallIntegerField(_("modules opened"), null=True, blank=True)
    completion_rule_met = models.BooleanField(_("completion rule met"), null=True, blank=True)
    completion_evaluated_at = models.DateTimeField(
        _("completion evaluated at"), null=True, blank=True
    )
    # A coordinator's override of the rule's decision; it stands until they clear it.
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overridden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    overridden_at = models.DateTimeField(_("overridden at"), null=True, blank=True)
    override_reason = models.TextField(_("reason for the override"), max_length=1000, blank=True)

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
            models.CheckConstraint(
                condition=Q(overridden_at__isnull=True) | ~Q(override_reason=""),
                name="completion_override_has_a_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status"], name="enrollment_session_status"),
            *(
                models.Index(
                    fields=[field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"enrollment_{field}",
                )
                for field in ("nominated_by", "decided_by", "overridden_by")
            ),
        ]

    def __str__(self):
        return f"{self.participant} · {self.session.code} ({self.get_status_display()})"

    @property
    def is_overridden(self) -> bool:
        return self.overridden_at is not None


# Status groups of an enrollment, beside its enum.
# Waiting for a coordinator's decision (the review queue).
REVIEWABLE = (Enrollment.Status.REQUESTED, Enrollment.Status.WAITLISTED)
# Still in play: they hold a seat, a place in line or a pending request.
OPEN_STATUSES = (
    Enrollment.Status.REQUESTED,
    Enrollment.Status.CONFIRMED,
    Enrollment.Status.WAITLISTED,
)
# Hold or held a seat: the people attendance is taken for and completion decided on.
ROSTER = (
    Enrollment.Status.CONFIRMED,
    Enrollment.Status.COMPLETED,
    Enrollment.Status.NOT_COMPLETED,
)
# Hold a seat now (what capacity and quotas count).
HELD = (Enrollment.Status.CONFIRMED,)


class Attendance(models.Model):
    """Whether a confirmed participant attended one meeting. No row: not recorded yet.

    ``version`` goes up by one at every change, so a sheet saved over a change someone
    else made since it was loaded can be refused (``services.record_attendance``).
    """

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        LATE = "late", _("Late")
        EXCUSED = "excused", _("Excused")
        ABSENT = "absent", _("Absent")

    class Source(models.TextChoices):
        SHEET = "sheet", _("Attendance sheet")
        CHECK_IN = "check_in", _("Self check-in")
        IMPORT = "import", _("Import")

    # Marks are updated far more than inserted (a sheet is saved again and again), so
    # the indexes leave out what changes, status above all: an update that changes no
    # indexed column is a HOT update (no index written), with the room the table's
    # fillfactor keeps in each page (migration 0005). The unique (enrollment, meeting)
    # constraint serves lookups by enrollment.
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="attendances",
        db_index=False,
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    source = models.CharField(
        _("recorded through"), max_length=8, choices=Source.choices, default=Source.SHEET
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["meeting_id", "enrollment_id"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "meeting"], name="one_attendance_per_enrollment_and_meeting"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} · {self.meeting_id}: {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        return self.status in ATTENDED


# Status group of a mark: the meetings a person attended (late counts in full).
ATTENDED = (Attendance.Status.PRESENT, Attendance.Status.LATE)


class ModuleVisit(models.Model):
    """The first time a person opened a training module: completion may require some."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="module_visits",
        db_index=False,
    )
    module = models.ForeignKey(
        "cms.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    first_opened_at = models.DateTimeField(_("first opened at"), default=timezone.now)

    class Meta:
        verbose_name = _("module visit")
        verbose_name_plural = _("module visits")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="one_visit_per_user_and_module")
        ]

    def __str__(self):
        return f"{self.user_id} · {self.module_id}"


class Notice(models.Model):
    """An email we owe someone, made once, sent once: every outbound email of ``courses``
    to a person is one of these rows (the table the enrollment functions of migrations
    0017-0019 insert into, by its column names).

    Its recipient is either an enrollment's participant or, for an invitation's email
    (kind ``invitation``), the invited address: exactly one of ``enrollment`` and
    ``invitation`` is set, a database CHECK says so. The unique (enrollment, kind, key)
    and (invitation, key) rows are what make queuing it again harmless: the key tells
    two notices of the same kind apart (the decision's time, "7d" for the reminder a
    week before, the invitation's nonce at that sending), and ``sent_at`` records that
    the mail server took it.
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
        WITHDRAWN = "withdrawn", _("Withdrawal confirmed")
        MESSAGE = "message", _("Message from the coordinators")
        EVALUATION_OPEN = "evaluation_open", _("Questionnaire open")
        EVALUATION_REMINDER = "evaluation_reminder", _("Questionnaire reminder")
        CLEARANCE_REQUEST = "clearance_request", _("Clearance asked of the supervisor")
        CLEARANCE_REMINDER = "clearance_reminder", _("Clearance reminder to the supervisor")
        INVITATION = "invitation", _("Invitation")

    # Null for an invitation's email: the invitee may have no account, let alone an
    # enrollment. Nullable (and ``invitation`` too) so the rows the SQL functions insert,
    # which name neither, stay valid.
    # Indexes: the enrollment's and the invitation's come first in their unique
    # constraints, which hold rows of their own kind only; a message's where there is one.
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notices",
        db_index=False,
    )
    # For an invitation's email: the invitation it sends (its key is the link's nonce).
    invitation = models.ForeignKey(
        "Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notices",
        db_index=False,
    )
    # For a cohort message: the message it delivers (its key is the message's id).
    message = models.ForeignKey(
        "CohortMessage",
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notices",
        db_index=False,
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
            # Named in the SQL functions' ``ON CONFLICT ON CONSTRAINT``: keep the name.
            models.UniqueConstraint(
                fields=["enrollment", "kind", "key"], name="one_notice_per_event"
            ),
            models.UniqueConstraint(
                fields=["invitation", "key"],
                condition=Q(invitation__isnull=False),
                name="one_notice_per_invitation_link",
            ),
            models.CheckConstraint(
                condition=(
                    Q(enrollment__isnull=False, invitation__isnull=True) & ~Q(kind="invitation")
                )
                | Q(enrollment__isnull=True, invitation__isnull=False, kind="invitation"),
                name="notice_to_an_enrollment_or_an_invitation",
                violation_error_message=_(
                    "A notice goes to an enrollment, or (an invitation's email) to an "
                    "invitation, never to both or neither."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="notice_unsent"
            ),
            models.Index(
                fields=["message"], condition=Q(message__isnull=False), name="notice_message"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.enrollment or self.invitation}"


def message_storage():
    return NamedStorage("messages")


class CohortMessage(models.Model):
    """A coordinator's message to some of a session's people: the text as sent, who it
    went to (one ``Notice`` each, linked here) and its optional PDF attachment, kept in
    private storage (never under ``/media/``)."""

    class Audience(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed participants")
        WAITLISTED = "waitlisted", _("People on the waitlist")
        REQUESTED = "requested", _("People whose request waits for a decision")
        COMPLETED = "completed", _("Participants who completed")
        NOT_COMPLETED = "not_completed", _("Participants who did not complete")
        PICKED = "picked", _("People I choose")

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="messages",
    )
    audience = models.CharField(_("recipients"), max_length=16, choices=Audience.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=10_000)
    attachment = models.FileField(
        _("attachment"), storage=message_storage, max_length=200, blank=True
    )
    attachment_name = models.CharField(_("attachment name"), max_length=200, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("cohort message")
        verbose_name_plural = _("cohort messages")

    def __str__(self):
        return self.subject


class Digest(models.Model):
    """One daily summary email to a coordinator or a focal point: made once a day per
    person and kind, sent once (the sweep sends what a lost task left)."""

    class Kind(models.TextChoices):
        COORDINATOR = "coordinator", _("Requests and nominations waiting")
        FOCAL_POINT = "focal_point", _("What happened to your nominees")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    day = models.DateField(_("day"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "day"], name="one_digest_per_person_kind_and_day"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.day}"


class SessionSignatory(models.Model):
    """A person who signs the certificates of a session, in the order they are printed."""

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(
        _("title"), max_length=200, help_text=_("For example: Director, Training Programme.")
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature on a white or transparent background."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["session", "order", "pk"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return f"{self.name}, {self.title}"


def certificate_storage():
    return NamedStorage("certificates")


# Crockford's base 32: no I, L, O or U, so a printed code reads back unambiguously.
SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_certificate_code() -> str:
    """192 random bits, URL-safe: what the QR code and the verification link carry."""
    return secrets.token_urlsafe(24)


def new_short_code() -> str:
    """A reference to read aloud or type, e.g. ``7KQ4-M2XD-9F3A`` (60 random bits)."""
    raw = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


class Certificate(models.Model):
    """A certificate for a completed enrollment: what it certifies, frozen when issued.

    ``snapshot`` holds everything printed (names as written, course, dates, place, hours,
    issuing organizations with copies of their logos, signatories with copies of their
    signatures), so later edits or deletions never change it. Re-issuing makes a new row
    and revokes the old one; at most one certificate per enrollment is not revoked.
    The pipeline (``services.certificates.process_certificate``) records each step:
    ``rendered_at`` once the PDF is stored, ``mail_accepted_at`` the moment the mail
    server accepted the email (so a re-run never mails twice), ``sent_at`` when done.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        RENDERED = "rendered", _("Rendered")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        REVOKED = "revoked", _("Revoked")

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(
        _("verification code"), max_length=64, unique=True, default=new_certificate_code
    )
    short_code = models.CharField(
        _("reference"), max_length=16, unique=True, default=new_short_code
    )
    language = models.CharField(_("language"), max_length=8, choices=CERTIFICATE_LANGUAGES)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    pdf = models.FileField(_("PDF"), storage=certificate_storage, max_length=200, blank=True)
    snapshot = models.JSONField(_("what it certifies"), default=dict)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    # When a task was last queued for it (or, for a retry, is due to run): the sweep
    # queues again what stays unfinished long after this.
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    mail_accepted_at = models.DateTimeField(_("mail accepted at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revoking"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment"],
                condition=~Q(state="revoked"),
                name="one_valid_certificate_per_enrollment",
            ),
            models.CheckConstraint(
                condition=Q(state="revoked", revoked_at__isnull=False)
                | (~Q(state="revoked") & Q(revoked_at__isnull=True)),
                name="revoked_certificate_has_its_date",
            ),
        ]
        indexes = [
            models.Index(
                fields=["queued_at"],
                condition=Q(state__in=["pending", "rendered"]),
                name="certificate_unfinished",
            ),
        ]

    def __str__(self):
        return f"{self.short_code} · {self.snapshot.get('participant_name', '')}"

    def get_absolute_url(self) -> str:
        """The public verification page (the QR code carries it, with the site's address)."""
        return reverse("certificate_verify", args=[self.code])

    @property
    def is_valid(self) -> bool:
        return self.state != self.State.REVOKED

    @property
    def filename(self) -> str:
        return f"certificate-{self.short_code}.pdf"


def new_feed_secret() -> str:
    """256 random bits, URL-safe: the secret part of a private calendar feed's address."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's private calendar feed: one stable address until they reset it.

    The address carries the row's id and its secret (``token``); the secret is kept as
    is, since the address is shown again on every visit to My learning, and compared in
    constant time. A reset gives a new secret, so the old address stops working.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    secret = models.CharField(_("secret"), max_length=64, default=new_feed_secret)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return f"{self.user_id} · {self.created_at:%Y-%m-%d}"

    @property
    def token(self) -> str:
        return f"{self.pk}.{self.secret}"


# ---------------------------------------------------------------------- the REST API


class ApiToken(models.Model):
    """A key an administrator gives another system (an HR or learning-record system) to
    read the staff data of one organization through the REST API (``api/``).

    Only a SHA-256 digest of the secret is kept: the secret is shown once, when the
    token is created. ``prefix`` (the secret's first characters) names it in lists and
    logs. A revoked token stops at once: every call looks it up.
    """

    class Scope(models.TextChoices):
        ENROLLMENTS = "enrollments:read", _("Read enrollments")
        ATTENDANCE = "attendance:read", _("Read attendance summaries")
        CERTIFICATES = "certificates:read", _("Read certificates")

    name = models.CharField(
        _("name"), max_length=120, help_text=_("Who uses it, e.g. “AUC HR system”.")
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The token reads the data of this organization's staff only."),
    )
    scopes = ArrayField(
        models.CharField(max_length=32, choices=Scope.choices),
        verbose_name=_("scopes"),
        default=list,
        blank=True,
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ApiCall(models.Model):
    """One call made with an API token: who, when, what, and the answer's status. The
    token's secret never appears here (the path is stored without its query string)."""

    token = models.ForeignKey(
        ApiToken,
        verbose_name=_("token"),
        on_delete=models.CASCADE,
        related_name="calls",
        db_index=False,
    )
    at = models.DateTimeField(_("called at"), default=timezone.now)
    method = models.CharField(_("method"), max_length=8)
    path = models.CharField(_("path"), max_length=300)
    status = models.PositiveSmallIntegerField(_("status"))
    client_ip = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")
        indexes = [models.Index(fields=["token", "-at"], name="api_call_token_at")]

    def __str__(self):
        return f"{self.method} {self.path} {self.status}"


class CertificateCredential(models.Model):
    """A sent certificate as an Open Badges 3.0 credential, signed as a VC-JWT
    (``courses.certificates.credentials``). ``status_index`` is its bit in the
    revocation status list; the JWT is kept as issued, so it never changes."""

    certificate = models.OneToOneField(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="credential",
    )
    status_index = models.PositiveIntegerField(_("status list index"), unique=True)
    key_id = models.CharField(_("key"), max_length=64)
    jwt = models.TextField(_("signed credential"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        verbose_name = _("signed credential")
        verbose_name_plural = _("signed credentials")

    def __str__(self):
        return f"{self.certificate.short_code} #{self.status_index}"


class CredentialStatusList(models.Model):
    """The Bitstring Status List (revocation) of the credentials, as last signed. Its row
    is also the lock under which status indexes are handed out."""

    slug = models.SlugField(_("name"), max_length=20, unique=True, default="revocation")
    next_index = models.PositiveIntegerField(_("next free index"), default=0)
    jwt = models.TextField(_("signed list"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("credential status list")
        verbose_name_plural = _("credential status lists")

    def __str__(self):
        return self.slug


# ---------------------------------------------------------------------- evaluation
#
# Anonymity is a property of the schema, not of the screens: ``Submission`` records
# *that* a person responded (for reminders, completion and "submitted once"), and
# ``Response`` records *what* was answered, with no column or foreign key leading to a
# person, an enrollment or a submission, a random primary key (no order to line up with
# the submissions) and no timestamp (no moment to join on). Both are written in one
# transaction (``courses.evaluation.services.submit``).


class Questionnaire(ClusterableModel):
    """A set of questions: an end-of-session evaluation, a knowledge check or a survey.

    Text is written in the session's working language; ``translations`` holds the other
    languages as ``{"fr": {"title": …, "intro": …}}`` (the question rows carry their
    own), edited in the admin as JSON: wagtail-localize translates pages, not models.
    """

    class Kind(models.TextChoices):
        EVALUATION = "evaluation", _("End-of-session evaluation")
        PRE_CHECK = "pre_check", _("Knowledge check before the course")
        POST_CHECK = "post_check", _("Knowledge check after the course")
        FOLLOW_UP = "follow_up", _("Follow-up survey")

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), max_length=2000, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    anonymous = models.BooleanField(
        _("anonymous"),
        default=True,
        help_text=_(
            "Answers are stored apart from who gave them: no screen or export can tell. "
            "Knowledge checks are scored, so they are never anonymous."
        ),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Knowledge checks: the share of correct answers needed to pass."),
    )
    minutes = models.PositiveSmallIntegerField(
        _("minutes to answer"), default=3, help_text=_("Shown to participants.")
    )
    is_standard = models.BooleanField(
        _("standard questionnaire"),
        default=False,
        help_text=_("Shipped with Concord: copy it, then adapt the copy."),
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=["pre_check", "post_check"]) | Q(anonymous=False),
                name="knowledge_check_is_not_anonymous",
            ),
            models.CheckConstraint(
                condition=Q(pass_mark__isnull=True) | Q(pass_mark__lte=100),
                name="questionnaire_pass_mark_is_a_percentage",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_check(self) -> bool:
        return self.kind in (self.Kind.PRE_CHECK, self.Kind.POST_CHECK)


class Question(Orderable):
    """One question; choices, statements and correct answers one per line."""

    class Type(models.TextChoices):
        RATING = "rating", _("Rating 1 to 5")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TEXT = "text", _("Free text")
        NPS = "nps", _("Recommendation 0 to 10")
        MATRIX = "matrix", _("Rating 1 to 5 of several statements")

    questionnaire = ParentalKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    text = models.CharField(_("question"), max_length=500)
    type = models.CharField(_("type"), max_length=10, choices=Type.choices)
    required = models.BooleanField(_("required"), default=True)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("Single and multiple choice: one per line.")
    )
    statements = models.TextField(
        _("statements"), blank=True, help_text=_("Matrix: one statement per line.")
    )
    low_label = models.CharField(
        _("label of the lowest value"), max_length=60, blank=True, default=""
    )
    high_label = models.CharField(
        _("label of the highest value"), max_length=60, blank=True, default=""
    )
    correct = models.TextField(
        _("correct answers"),
        blank=True,
        help_text=_("Knowledge checks: the correct choices, copied exactly, one per line."),
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_(
            'Other languages, e.g. {"fr": {"text": "…", "choices": ["…"], '
            '"statements": ["…"], "low_label": "…", "high_label": "…"}}.'
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def clean(self):
        def lines(text):
            return [line.strip() for line in (text or "").splitlines() if line.strip()]

        errors = {}
        choices = lines(self.choices)
        if self.type in (self.Type.SINGLE, self.Type.MULTIPLE) and len(choices) < 2:
            errors["choices"] = _("Give at least two choices, one per line.")
        if self.type == self.Type.MATRIX and not lines(self.statements):
            errors["statements"] = _("Give at least one statement, one per line.")
        correct = lines(self.correct)
        wrong = sorted(set(correct) - set(choices))
        if wrong:
            errors["correct"] = _("Not among the choices: %(answers)s.") % {
                "answers": ", ".join(wrong)
            }
        elif self.type == self.Type.SINGLE and len(set(correct)) > 1:
            errors["correct"] = _("A single-choice question has one correct answer.")
        if errors:
            raise ValidationError(errors)


class SessionQuestionnaire(models.Model):
    """A questionnaire put to a session's participants between two moments."""

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="questionnaires",
        db_index=False,
    )
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))

    class Meta:
        ordering = ["session", "opens_at", "pk"]
        verbose_name = _("session questionnaire")
        verbose_name_plural = _("session questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "questionnaire"], name="questionnaire_once_per_session"
            ),
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="questionnaire_closes_after_it_opens"
            ),
        ]

    def __str__(self):
        return f"{self.questionnaire} · {self.session.code}"

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at < self.closes_at


class Submission(models.Model):
    """That a person answered a session's questionnaire (or has a draft of it).

    For an anonymous questionnaire it never holds the answers once submitted: the draft
    is cleared in the transaction that writes the ``Response`` rows. Knowledge checks
    (and questionnaires that are not anonymous) keep their answers and score here.
    """

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="submissions",
        db_index=False,
    )
    assignment = models.ForeignKey(
        SessionQuestionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    draft = models.JSONField(_("draft"), default=dict, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "assignment"], name="one_submission_per_questionnaire"
            )
        ]

    def __str__(self):
        return f"{self.assignment_id} · {self.enrollment_id}"


def new_response_id():
    return secrets.token_hex(16)


class Response(models.Model):
    """One answer, anonymous by construction (see the section's comment): the question,
    the session's questionnaire, a number (rating, 0 to 10, or the chosen choice's index),
    a statement index for matrices, or free text. Multiple choice: one row per choice."""

    id = models.CharField(primary_key=True, max_length=32, default=new_response_id, editable=False)
    assignment = models.ForeignKey(
        SessionQuestionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="responses",
        db_index=False,
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="responses"
    )
    statement = models.PositiveSmallIntegerField(_("statement"), null=True, blank=True)
    number = models.SmallIntegerField(_("value"), null=True, blank=True)
    text = models.TextField(_("text"), max_length=4000, blank=True)
    # The respondent's groups for the cross-session report, copied at submission as plain
    # values (no foreign key: no join path to a person), each only while at least five
    # people on the session's roster share all the values kept (``evaluation.services``);
    # blank when not kept.
    organization_kind = models.CharField(_("kind of organization"), max_length=20, blank=True)
    organization = models.CharField(_("organization"), max_length=20, blank=True)
    gender = models.CharField(_("gender"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["assignment", "question"], name="response_question")]

    def __str__(self):
        return f"{self.question_id}: {self.number if self.number is not None else self.text}"


class DonorSummary(models.Model):
    """The printable one-page summary of a session for donors (``courses.reports.donor``):
    asked for by a coordinator, rendered by the worker, kept in private storage and
    downloaded only through a view that checks who asks. Asking again re-renders it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    session = models.OneToOneField(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="donor_summary",
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    pdf = models.FileField(_("PDF"), storage=certificate_storage, max_length=200, blank=True)
    requested_at = models.DateTimeField(_("requested at"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    #: The language of the screen it was asked from: the PDF speaks it.
    language = models.CharField(_("language"), max_length=8, default="en")
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("donor summary")
        verbose_name_plural = _("donor summaries")

    def __str__(self):
        return f"{self.session_id} · {self.state}"


# ---------------------------------------------------------------------- applications
#
# What a session may ask of the people who apply (issue 15, part B): questions of an
# application form, a supervisor's clearance, and acknowledgements (consent) of
# versioned texts. Uploaded files live in the private ``applications`` storage, never
# under /media/; ``courses.enrollment.application_views`` checks who may read them.
#
# Translations follow the evaluation questionnaires' approach (no wagtail-localize for
# models): the coordinator writes in the session's language, and ``translations`` holds
# the other languages as JSON, e.g. {"fr": {"text": "…", "help_text": "…"}}.


def application_storage():
    return NamedStorage("applications")


class ConsentDocument(models.Model):
    """An acknowledgement text of the library (privacy notice, Chatham House rule, …).

    Changing its text makes a new version (``version`` + 1, by the admin form): people
    who accepted an earlier one are asked again at their next step. What each person
    accepted is kept in ``ConsentRecord`` with the version and the text as it stood.
    """

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("Privacy notice")
        CONDUCT = "conduct", _("Code of conduct / Chatham House rule")
        RECORDING = "recording", _("Photo and recording consent")
        DIRECTORY = "directory", _("Listing in the cohort directory")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=20_000)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    version_date = models.DateTimeField(_("version of"), default=timezone.now, editable=False)
    is_condition = models.BooleanField(
        _("condition of taking part"),
        default=True,
        help_text=_(
            "A condition cannot be withdrawn while taking part; others (photos, the "
            "directory) can be withdrawn at any time."
        ),
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Other languages, e.g. {"fr": {"title": "…", "text": "…"}}.'),
    )

    class Meta:
        ordering = ["kind", "title", "pk"]
        verbose_name = _("acknowledgement text")
        verbose_name_plural = _("acknowledgement texts")

    def __str__(self):
        return f"{self.title} (v{self.version})"


class ApplicationForm(ClusterableModel):
    """What a session asks of applicants: its questions, a supervisor's clearance, the
    acknowledgements. One per session; no form means nothing is asked."""

    session = models.OneToOneField(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="application_form",
    )
    intro = models.TextField(
        _("introduction"), max_length=2000, blank=True, help_text=_("Shown above the questions.")
    )
    requires_clearance = models.BooleanField(
        _("supervisor's clearance required"),
        default=False,
        help_text=_(
            "Applicants name their supervisor, who clears or declines through an emailed link."
        ),
    )
    consents = models.ManyToManyField(
        ConsentDocument,
        verbose_name=_("acknowledgements required"),
        blank=True,
        related_name="forms",
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Other languages, e.g. {"fr": {"intro": "…"}}.'),
    )

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def __str__(self):
        return str(self.session.code)


class ApplicationQuestion(Orderable):
    """One question of an application form. Choices (and the languages of a language
    proficiency question) one per line."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        LANGUAGES = "languages", _("Language proficiency, per language")
        YES_NO = "yes_no", _("Yes or no")
        CV = "cv", _("File: CV")
        NOMINATION_LETTER = "nomination_letter", _("File: nomination letter")
        ENDORSEMENT = "endorsement", _("File: supervisor's endorsement")

    form = ParentalKey(
        ApplicationForm,
        verbose_name=_("application form"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("Choices, or the languages of a proficiency question: one per line."),
    )
    required = models.BooleanField(_("required"), default=True)
    in_queue = models.BooleanField(
        _("column in the review queue"),
        default=False,
        help_text=_("Show the answers in a column of the review queue."),
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_(
            'Other languages, e.g. {"fr": {"text": "…", "help_text": "…", "choices": ["…"]}}.'
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")

    def __str__(self):
        return self.text

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def is_file(self) -> bool:
        return self.kind in FILE_QUESTIONS

    def clean(self):
        if self.kind in CHOICE_QUESTIONS and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})
        if self.kind == self.Kind.LANGUAGES and not self.choice_list:
            raise ValidationError({"choices": _("Give the languages, one per line.")})


FILE_QUESTIONS = (
    ApplicationQuestion.Kind.CV,
    ApplicationQuestion.Kind.NOMINATION_LETTER,
    ApplicationQuestion.Kind.ENDORSEMENT,
)
CHOICE_QUESTIONS = (ApplicationQuestion.Kind.SINGLE, ApplicationQuestion.Kind.MULTIPLE)


class ApplicationAnswer(models.Model):
    """An applicant's answer to one question: ``value`` holds text, a choice, a list of
    choices, {language: level} or a yes/no; a file question holds the file instead."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="answers",
        db_index=False,
    )
    question = models.ForeignKey(
        ApplicationQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    value = models.JSONField(_("answer"), null=True, blank=True)
    file = models.FileField(_("file"), storage=application_storage, max_length=200, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("file type"), max_length=100, blank=True)
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        ordering = ["question__sort_order", "pk"]
        verbose_name = _("application answer")
        verbose_name_plural = _("application answers")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} · {self.question_id}"


class SupervisorClearance(models.Model):
    """An applicant's supervisor clears (or declines) their taking part, through a signed
    link (``courses.enrollment.clearance``); no account needed. ``nonce`` is part of
    what the link signs: a new request makes the links of the old one stop working."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for the supervisor")
        CLEARED = "cleared", _("Cleared")
        DECLINED = "declined", _("Declined")
        WAIVED = "waived", _("Decided without clearance")

    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="clearance",
    )
    supervisor_name = models.CharField(_("supervisor's name"), max_length=200, blank=True)
    supervisor_email = models.EmailField(_("supervisor's email"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    nonce = models.CharField(max_length=32, default=new_response_id, editable=False)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    expires_at = models.DateTimeField(_("link expires at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("supervisor's comment"), max_length=2000, blank=True)
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided without clearance by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    waive_reason = models.TextField(_("reason to decide without it"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("supervisor's clearance")
        verbose_name_plural = _("supervisors' clearances")
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="waived") | ~Q(waive_reason=""),
                name="waived_clearance_has_a_reason",
            )
        ]
        indexes = [
            models.Index(
                fields=["requested_at"],
                condition=Q(state="pending"),
                name="clearance_pending",
            )
        ]

    def __str__(self):
        return f"{self.supervisor_email} · {self.get_state_display()}"


class ConsentRecord(models.Model):
    """That a person accepted one version of an acknowledgement text, and when; and when
    they withdrew it, if they did. The text is kept as they read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    document = models.ForeignKey(
        ConsentDocument,
        verbose_name=_("acknowledgement text"),
        on_delete=models.PROTECT,
        related_name="records",
    )
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text as accepted"))
    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The session the person was applying to or taking part in."),
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-accepted_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document", "version"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_standing_consent_per_version",
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.document_id} v{self.version}"


# ---------------------------------------------------------------------- invitations
# Invitations by email (``courses.enrollment.invitations``): a single-use, expiring link
# bound to one address. Only a hash of the link's token is stored; the token itself is
# derived from ``nonce`` with the site's secret key (``invitations.token_for``), so the
# email can be written by the worker and a copy of the database alone opens nothing.


class Invitation(models.Model):
    """One person invited to one session by email, with what accepting gives them."""

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("A confirmed place")
        REQUESTED = "requested", _("A request for the coordinators to decide")

    class State(models.TextChoices):
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        OPENED = "opened", _("Opened")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="invitations",
        db_index=False,
    )
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    organization_name = models.CharField(_("organization"), max_length=200, blank=True)
    outcome = models.CharField(
        _("on acceptance"), max_length=12, choices=Outcome.choices, default=Outcome.CONFIRMED
    )
    language = models.CharField(_("language of the email"), max_length=8, blank=True)
    nonce = models.CharField(max_length=32, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # A focal point's invitation to a nomination session: accepting it is the nomination.
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    justification = models.TextField(_("justification"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrollment"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
    )
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["session", "email"], name="one_invitation_per_email")
        ]

    def __str__(self):
        return f"{self.email} → {self.session_id}"

    def state_at(self, now=None) -> str:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.declined_at:
            return self.State.DECLINED
        if self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        if self.opened_at:
            return self.State.OPENED
        if self.sent_at:
            return self.State.SENT
        return self.State.SENDING

    @property
    def state(self) -> str:
        return self.state_at()

    def get_state_display(self) -> str:
        return self.State(self.state).label


class SessionFigures(models.Model):
    """What the cross-session report counts of one session's enrollments of one
    organization and gender, or of all of them (``courses.reports.selectors``), kept by
    the database: the triggers of migrations 0023 and 0026 flag a session in
    ``StaleSessionFigures`` whenever something counted here changes (or a key it is
    counted under: the course, the year, the organization's kind), and
    ``concord_refresh_session_figures()`` recounts the flagged sessions (and those where
    a meeting has started since), from the Celery beat (``courses.reports.services``);
    the report counts the sessions still flagged itself. A derived read model: never
    written from Python.

    No foreign-key constraints: a session's rows must outlive the session until the
    refresh takes them out of ``GroupFigures`` (a cascade would leave the sums counting
    them)."""

    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    #: The organization's id; null with a null gender: the session's total, all
    #: organizations and genders. A number, not a relation: what walks every relation
    #: to an organization (merging one into another) must leave these rows to the
    #: refresh.
    organization = models.BigIntegerField(_("organization"), null=True, db_column="organization_id")
    #: The participant's gender, "not_given" when blank or without a profile.
    gender = models.CharField(_("gender"), max_length=12, null=True)  # noqa: DJ001 -- null: total
    #: The keys the row was counted under, as they were then (the triggers flag the
    #: session when one changes): its course's translation key, its first day's year,
    #: and the organization's kind (null on the session's total).
    course_key = models.UUIDField(_("course"), null=True)
    year = models.IntegerField(_("year"), null=True)
    kind = models.CharField(_("kind of organization"), max_length=20, null=True)  # noqa: DJ001 -- null: total
    enrollments = models.PositiveIntegerField(_("enrollments"))
    roster = models.PositiveIntegerField(_("roster"))
    completed = models.PositiveIntegerField(_("completed"))
    not_completed = models.PositiveIntegerField(_("not completed"))
    #: The roster's people times the meetings held when computed.
    expected = models.PositiveIntegerField(_("expected attendances"))
    attended = models.PositiveIntegerField(_("attended"))
    excused = models.PositiveIntegerField(_("excused"))
    computed_at = models.DateTimeField(_("computed at"))
    #: When the session's next meeting starts (the figures change then); null: none.
    valid_until = models.DateTimeField(_("valid until"), null=True)

    class Meta:
        verbose_name = _("session figures")
        verbose_name_plural = _("session figures")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "organization", "gender"],
                name="one_figures_row_per_group",
                nulls_distinct=False,
            )
        ]
        indexes = [
            models.Index(fields=["valid_until"], name="session_figures_valid_until"),
            # The sessions' totals, all a report by course or year reads.
            models.Index(
                fields=["session"],
                condition=Q(organization__isnull=True),
                name="session_figures_totals",
            ),
        ]

    def __str__(self):
        return f"{self.session_id} · {self.organization_id} · {self.gender}"


class GroupFigures(models.Model):
    """The sums of ``SessionFigures`` by the report's groupings (course, organization,
    kind, gender, year; ``all``: every session), kept by the refresh in the same
    transaction as the session rows it changes, so that the report across every session
    reads a row per group rather than a row per session. ``sessions``: the sessions
    with at least one enrollment in the group. A derived read model: never written from
    Python."""

    grouping = models.CharField(_("grouping"), max_length=12)
    #: The group's key as text (a translation key, an organization's id, a kind, a
    #: gender, a year); empty for ``all``.
    key = models.CharField(_("key"), max_length=64)
    #: The course's title (grouping by course only; others are named when read).
    label = models.TextField(_("label"), null=True)  # noqa: DJ001 -- null: not a course
    sessions = models.BigIntegerField(_("sessions"))
    enrollments = models.BigIntegerField(_("enrollments"))
    roster = models.BigIntegerField(_("roster"))
    completed = models.BigIntegerField(_("completed"))
    not_completed = models.BigIntegerField(_("not completed"))
    expected = models.BigIntegerField(_("expected attendances"))
    attended = models.BigIntegerField(_("attended"))
    excused = models.BigIntegerField(_("excused"))

    class Meta:
        verbose_name = _("group figures")
        verbose_name_plural = _("group figures")
        constraints = [
            models.UniqueConstraint(fields=["grouping", "key"], name="one_figures_row_per_key")
        ]
        indexes = [
            # The report by course in its natural order: a page of 50 courses by title.
            models.Index(F("grouping"), Lower("label"), F("key"), name="group_figures_by_label"),
        ]

    def __str__(self):
        return f"{self.grouping} · {self.key}"


class StaleSessionFigures(models.Model):
    """A session whose ``SessionFigures`` must be recounted (written by triggers only);
    ``bumps`` goes up at each write, see migration 0020."""

    session_id = models.BigIntegerField(_("session"), primary_key=True)
    bumps = models.PositiveIntegerField(_("bumps"), db_default=1)

    class Meta:
        verbose_name = _("stale session figures")
        verbose_name_plural = _("stale session figures")

    def __str__(self):
        return f"{self.session_id} ({self.bumps})"
