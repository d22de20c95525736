"""Sessions, their sittings and their signatories in the Wagtail admin: model viewsets
limited to the sessions a coordinator runs (``courses.access``).

A coordinator sees only the sessions they coordinate; every other session answers 404 in
every view (list, edit, delete, inspect, history). Superusers see all. ``wagtail_hooks``
registers these viewsets, grouped in the menu with the other areas of courses.
"""

import re
import zoneinfo

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Count, ProtectedError, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages as admin_messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton
from wagtail.images.widgets import AdminImageChooser

from cms.models import CoursePage, CourseTrainer
from cms.roles import COORDINATORS, TRAINERS
from cms.translations import source_courses
from courses.access import SessionScopedMixin, sessions_for
from courses.dates import session_dates, sitting_when
from courses.enrollment.selectors import with_seat_counts
from courses.enrollment.services import EnrollmentError
from courses.models import CourseSession, Enrollment, Meeting, SessionSignatory
from courses.sessions.admin_views import AnnounceChangeView, CopySessionView
from courses.sessions.services import (
    JOINING_CHANGES,
    apply_session_edit,
    confirmed_count,
    generate_meetings,
    save_sitting,
)
from courses.spreadsheets import SafeSpreadsheetExportMixin
from participants.certificate_images import CertificateImagesFormMixin
from participants.selectors import person_name


def _review_url(session):
    return reverse("course_review:review", args=[session.pk])


def _certificates_url(session):
    return reverse("course_certificates:index", args=[session.pk])


def _users_in(group_name):
    return (
        get_user_model()
        .objects.filter(groups__name=group_name, is_active=True)
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


class UserChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = person_name(obj)
        return f"{name} <{obj.email}>" if obj.email else name


LARGEST_ID = 2**31 - 1


class TolerantChooserMixin:
    """A chooser that shows a posted id which is no id at all (a NUL byte, 5,000 digits,
    a number past the database's integers: a tampered request) as "nothing chosen" when
    the invalid form is shown again, instead of failing on the lookup with a 500. The
    form's field still refuses the value with its own message."""

    def get_instance(self, value):
        if value is not None and not isinstance(value, models.Model):
            try:
                number = int(str(value).strip())
            except ValueError:
                return None
            if not 0 < number <= LARGEST_ID:
                return None
        return super().get_instance(value)


class ImageChooser(TolerantChooserMixin, AdminImageChooser):
    pass


VENUE_FIELDS = ["venue_name", "venue_room", "venue_address", "venue_map_url", "venue_access_notes"]
JOINING_FIELDS = [
    "online_platform",
    "online_url",
    "online_meeting_id",
    "online_passcode",
    "online_dial_in",
    "online_notes",
]
_SHORT_TEXT = {"rows": 3}


class CourseSessionForm(WagtailAdminModelForm):
    """The session's own fields; coordinators and trainers are chosen within their groups."""

    coordinators = UserChoiceField(
        queryset=_users_in(COORDINATORS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Coordinators"),
        help_text=gettext_lazy("People of the Coordinators group who run this session."),
    )
    trainers = UserChoiceField(
        queryset=_users_in(TRAINERS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Trainers"),
        help_text=gettext_lazy("People of the Trainers group who teach this session."),
    )

    class Meta:
        model = CourseSession
        fields = [
            "course",
            "code",
            "starts_on",
            "ends_on",
            "timezone",
            "is_online",
            "city",
            "country",
            "language",
            "capacity",
            "enrollment_opens_at",
            "enrollment_closes_at",
            "policy",
            "status",
            "coordinators",
            "trainers",
            "issuing_organizations",
            "certificate_second_language",
            "min_attendance_percent",
            "excused_absences",
            "min_modules_opened",
            "completion_requires_evaluation",
            "completion_requires_post_check",
            "late_after_minutes",
            *VENUE_FIELDS,
            *JOINING_FIELDS,
        ]
        widgets = {
            "issuing_organizations": forms.CheckboxSelectMultiple,
            "course": forms.Select,
            "timezone": forms.Select(
                choices=[(name, name) for name in sorted(zoneinfo.available_timezones())]
            ),
            "venue_address": forms.Textarea(attrs=_SHORT_TEXT),
            "venue_access_notes": forms.Textarea(attrs=_SHORT_TEXT),
            "online_dial_in": forms.Textarea(attrs=_SHORT_TEXT),
            "online_notes": forms.Textarea(attrs=_SHORT_TEXT),
            "online_url": forms.URLInput(attrs={"placeholder": "https://"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "course" in self.fields:
            self.fields["course"].widget.choices = self.course_choices()

    def course_choices(self) -> list[tuple]:
        """Only courses themselves, not their translations: a session's enrollments and
        reports belong to the course in every language (the model's ``clean`` says so
        if another page is posted). Titles only, not whole pages: one light query. A
        session that points at a translation already keeps it on offer, so the form
        shows it with the reason to change it."""
        rows = list(source_courses().order_by("title").values_list("pk", "title"))
        current = self.instance.course_id if self.instance.pk else None
        if current and current not in {pk for pk, _title in rows}:
            rows += CoursePage.objects.filter(pk=current).values_list("pk", "title")
        return [("", _("Choose a course")), *rows]

    def clean(self):
        cleaned = super().clean()
        course, trainers = cleaned.get("course"), cleaned.get("trainers")
        if course is not None and trainers:
            # A session's trainers teach what they are assigned to (and may edit): a
            # trainer of another course would get this session's roster and emails.
            assigned = set(CourseTrainer.objects.filter(course=course).values_list("user_id"))
            strangers = [t for t in trainers if (t.pk,) not in assigned]
            if strangers:
                self.add_error(
                    "trainers",
                    ngettext(
                        "%(names)s is not assigned to the course “%(course)s”. Assign them "
                        "to the course under Course trainers first, or leave them out.",
                        "%(names)s are not assigned to the course “%(course)s”. Assign them "
                        "to the course under Course trainers first, or leave them out.",
                        len(strangers),
                    )
                    % {
                        "names": ", ".join(person_name(t) or t.get_username() for t in strangers),
                        "course": course.title,
                    },
                )
        return cleaned


class SeatsColumn(Column):
    """Who holds or held the seats, against the capacity, from the list's annotations:
    "12 confirmed / 20" while a session runs; "5 completed · 1 not completed / 20" once
    its completion was evaluated (confirmed people then count as completed or not)."""

    def get_value(self, instance):
        parts = []
        confirmed, completed, missed = (
            instance.confirmed_count,
            instance.completed_count,
            instance.missed_count,
        )
        if confirmed or not (completed or missed):
            parts.append(
                ngettext("%(n)d confirmed", "%(n)d confirmed", confirmed) % {"n": confirmed}
            )
        if completed:
            parts.append(
                ngettext("%(n)d completed", "%(n)d completed", completed) % {"n": completed}
            )
        if missed:
            parts.append(
                ngettext("%(n)d not completed", "%(n)d not completed", missed) % {"n": missed}
            )
        return _("%(people)s / %(capacity)d") % {
            "people": " · ".join(parts),
            "capacity": instance.capacity,
        }


class DatesColumn(Column):
    """The session's days in the language's date format, and its time zone."""

    def get_value(self, instance):
        return f"{session_dates(instance)} ({instance.timezone})"


class SittingWhenColumn(Column):
    """A sitting's day and hours where its session is, the zone named."""

    def get_value(self, instance):
        return sitting_when(instance)


class SessionFilterSet(WagtailFilterSet):
    """The list's filters; the course filter offers only the courses of the user's own
    sessions (Wagtail's default would list every course with a session)."""

    course = django_filters.ChoiceFilter(label=gettext_lazy("Course"), field_name="course")

    class Meta:
        model = CourseSession
        fields = ["status", "policy", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sessions = sessions_for(self.request.user)
        self.filters["course"].extra["choices"] = [
            (str(pk), title)
            for pk, title in CoursePage.objects.filter(pk__in=sessions.values("course_id"))
            .order_by("title")
            .values_list("pk", "title")
        ]


class SessionIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    export_sheet_title = gettext_lazy("Sessions")

    def get_base_queryset(self):
        outcome = Enrollment.Status
        return with_seat_counts(sessions_for(self.request.user).select_related("course")).annotate(
            # In the same query as the seat counts: the list stays one query for its rows.
            completed_count=Count(
                "enrollments", filter=Q(enrollments__status=outcome.COMPLETED), distinct=True
            ),
            missed_count=Count(
                "enrollments", filter=Q(enrollments__status=outcome.NOT_COMPLETED), distinct=True
            ),
        )

    def get_list_buttons(self, instance):
        # The review queue is what coordinators open most: a visible button, not a menu item.
        review = ListingButton(
            _("Review"),
            url=_review_url(instance),
            icon_name="tasks",
            attrs={"aria-label": _("Review enrollments of %(code)s") % {"code": instance.code}},
        )
        certificates = ListingButton(
            _("Certificates"),
            url=_certificates_url(instance),
            icon_name="doc-full",
            attrs={"aria-label": _("Certificates of %(code)s") % {"code": instance.code}},
        )
        attendance = ListingButton(
            _("Attendance"),
            url=reverse("course_attendance:sheet", args=[instance.pk]),
            icon_name="table",
            attrs={"aria-label": _("Attendance of %(code)s") % {"code": instance.code}},
        )
        report = ListingButton(
            _("Report"),
            url=reverse("course_session_report:index", args=[instance.pk]),
            icon_name="table",
            attrs={"aria-label": _("Report of %(code)s") % {"code": instance.code}},
        )
        return [review, attendance, report, certificates, *super().get_list_buttons(instance)]


def offer_to_tell(request, session) -> None:
    """After a change of venue, joining details or agenda: offer to tell the confirmed
    people (a button to the confirmation screen; nothing is sent without it)."""
    count = confirmed_count(session)
    if count:
        admin_messages.warning(
            request,
            ngettext(
                "%(n)d person is confirmed in %(code)s: tell them about the change?",
                "%(n)d people are confirmed in %(code)s: tell them about the change?",
                count,
            )
            % {"n": count, "code": session.code},
            buttons=[
                admin_messages.button(
                    reverse("course_sessions:announce", args=[session.pk]),
                    _("Tell them"),
                )
            ],
        )


class SessionCreateView(generic.CreateView):
    def save_instance(self):
        session = super().save_instance()
        if not self.request.user.is_superuser:
            # Whoever creates a session runs it: without this they would lose sight of it.
            session.coordinators.add(self.request.user)
        generate_meetings(session=session)
        return session


class SessionEditView(SessionScopedMixin, generic.EditView):
    """Saves the form; a new capacity goes through ``services.change_capacity`` first, so
    a rise promotes the waitlist and a fall below the confirmed count is refused."""

    promoted = ()
    before: dict = {}

    def save_instance(self):
        before = {name: self.form.initial.get(name) for name in self.form.changed_data}
        self.before = before
        session = super().save_instance()
        self.promoted = apply_session_edit(session=session, before=before, by=self.request.user)
        return session

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except EnrollmentError as error:
            # The transaction around save_instance rolled back: nothing was saved.
            form.add_error("capacity", str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_action(self):
        if self.promoted:
            messages.success(
                self.request,
                ngettext(
                    "%(n)d person was confirmed from the waitlist.",
                    "%(n)d people were confirmed from the waitlist.",
                    len(self.promoted),
                )
                % {"n": len(self.promoted)},
            )
        if self.before.keys() & JOINING_CHANGES:
            offer_to_tell(self.request, self.object)
        return super().save_action()

    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Review enrollments"), url=_review_url(self.object), icon_name="tasks"),
            HeaderButton(
                _("Invitations"),
                url=reverse("course_invitations:index", args=[self.object.pk]),
                icon_name="mail",
            ),
            HeaderButton(
                _("Attendance"),
                url=reverse("course_attendance:sheet", args=[self.object.pk]),
                icon_name="table",
            ),
            HeaderButton(
                _("Completion"),
                url=reverse("course_attendance:completion", args=[self.object.pk]),
                icon_name="check",
            ),
            HeaderButton(
                _("Report"),
                url=reverse("course_session_report:index", args=[self.object.pk]),
                icon_name="table",
            ),
            HeaderButton(
                _("Certificates"), url=_certificates_url(self.object), icon_name="doc-full"
            ),
            HeaderButton(
                _("Messages"),
                url=reverse("course_messages:index", args=[self.object.pk]),
                icon_name="mail",
            ),
            HeaderButton(
                _("Copy to a new edition"),
                url=reverse("course_sessions:copy_edition", args=[self.object.pk]),
                icon_name="copy",
            ),
        ]


class SessionDeleteView(SessionScopedMixin, generic.DeleteView):
    """A session people enrolled in (and so one with certificates) is never deleted: the
    database refuses it, and the person is told why instead of meeting an error page."""

    def delete_action(self):
        with transaction.atomic():
            super().delete_action()

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "This session has enrollments, and perhaps certificates, that must stay: "
                    "it cannot be deleted. Cancel it instead."
                ),
            )
            return redirect(reverse("course_sessions:edit", args=[self.object.pk]))


class SessionInspectView(SessionScopedMixin, generic.InspectView):
    pass


class SessionHistoryView(SessionScopedMixin, history.HistoryView):
    pass


class SessionUsageView(SessionScopedMixin, usage.UsageView):
    pass


class CourseSessionViewSet(ModelViewSet):
    model = CourseSession
    icon = "date"
    menu_label = gettext_lazy("Sessions")
    menu_order = 100
    url_prefix = "courses/sessions"
    inspect_view_enabled = True
    copy_view_enabled = False

    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    inspect_view_class = SessionInspectView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView

    list_display = [
        "code",
        Column("course", label=gettext_lazy("Course"), accessor="course.title"),
        DatesColumn("dates", label=gettext_lazy("Dates"), sort_key="starts_on"),
        Column("place", label=gettext_lazy("Place")),
        "language",
        "status",
        "policy",
        SeatsColumn("seats", label=gettext_lazy("People / seats")),
        Column(
            "waitlisted_count",
            label=gettext_lazy("Waitlist"),
            sort_key="waitlisted_count",
        ),
    ]
    filterset_class = SessionFilterSet
    # CSV and XLSX of the filtered list (``SafeSpreadsheetExportMixin`` formats them).
    list_export = [
        "code",
        "course.title",
        "starts_on",
        "ends_on",
        "place",
        "timezone",
        "get_language_display",
        "get_status_display",
        "get_policy_display",
        "capacity",
        "enrollment_opens_at",
        "enrollment_closes_at",
    ]
    export_headings = {
        "course.title": gettext_lazy("Course"),
        "place": gettext_lazy("Place"),
        "get_language_display": gettext_lazy("Language"),
        "get_status_display": gettext_lazy("Status"),
        "get_policy_display": gettext_lazy("Policy"),
    }
    export_filename = "sessions"
    search_fields = ["code", "course__title"]
    ordering = ["starts_on", "code"]
    inspect_view_fields = CourseSessionForm.Meta.fields

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("announce/<int:pk>/", AnnounceChangeView.as_view(), name="announce"),
            path("copy/<int:pk>/", CopySessionView.as_view(), name="copy_edition"),
        ]

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("course"),
                    FieldPanel("code"),
                    FieldRowPanel([FieldPanel("language"), FieldPanel("status")]),
                ],
                heading=gettext_lazy("Course"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldPanel("timezone"),
                ],
                heading=gettext_lazy("Dates"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("is_online"),
                    FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                ],
                heading=gettext_lazy("Place"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("venue_name"), FieldPanel("venue_room")]),
                    FieldPanel("venue_address"),
                    FieldPanel("venue_map_url"),
                    FieldPanel("venue_access_notes"),
                ],
                heading=gettext_lazy("Venue"),
                help_text=gettext_lazy(
                    "Everyone sees the venue's name; the room, address, map and access notes "
                    "only confirmed participants, trainers and coordinators."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("online_platform"), FieldPanel("online_url")]),
                    FieldRowPanel([FieldPanel("online_meeting_id"), FieldPanel("online_passcode")]),
                    FieldPanel("online_dial_in"),
                    FieldPanel("online_notes"),
                ],
                heading=gettext_lazy("Online joining details"),
                help_text=gettext_lazy(
                    "Shown only to confirmed participants, trainers and coordinators: on My "
                    "learning, the course page, reminders and their calendar."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("policy")]),
                    FieldRowPanel(
                        [FieldPanel("enrollment_opens_at"), FieldPanel("enrollment_closes_at")]
                    ),
                ],
                heading=gettext_lazy("Enrollment"),
            ),
            MultiFieldPanel(
                [FieldPanel("coordinators"), FieldPanel("trainers")],
                heading=gettext_lazy("People"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("min_attendance_percent"), FieldPanel("min_modules_opened")]
                    ),
                    FieldPanel("excused_absences"),
                    FieldRowPanel(
                        [
                            FieldPanel("completion_requires_evaluation"),
                            FieldPanel("completion_requires_post_check"),
                        ]
                    ),
                    FieldPanel("late_after_minutes"),
                ],
                heading=gettext_lazy("Completion and check-in"),
            ),
            MultiFieldPanel(
                [FieldPanel("issuing_organizations"), FieldPanel("certificate_second_language")],
                heading=gettext_lazy("Certificates"),
            ),
        ],
        base_form_class=CourseSessionForm,
    )


class FacilitatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj) or obj.get_username()


class MeetingForm(WagtailAdminModelForm):
    """A sitting: its times and the agenda (title, who leads it, what it covers), and
    where it differs from its session (another room, another link that day)."""

    facilitator = FacilitatorChoiceField(
        queryset=_users_in(TRAINERS),
        required=False,
        label=gettext_lazy("Facilitator"),
        help_text=gettext_lazy("A trainer of the session who leads this sitting."),
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "session" in self.fields:
            self.fields["session"].queryset = sessions_for(for_user)

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A sitting must end after it starts."))
        session, facilitator = cleaned.get("session"), cleaned.get("facilitator")
        if (
            session is not None
            and facilitator is not None
            and not session.trainers.filter(pk=facilitator.pk).exists()
        ):
            self.add_error(
                "facilitator",
                _(
                    "%(name)s does not teach this session: add them to its trainers, or "
                    "name a resource person instead."
                )
                % {"name": person_name(facilitator) or facilitator.get_username()},
            )
        if facilitator is not None and cleaned.get("resource_person"):
            self.add_error(
                "resource_person",
                _("Choose a facilitator or name a resource person, not both."),
            )
        return cleaned


class SittingScopeMixin(SessionScopedMixin):
    """A sitting or a signatory of someone else's session is not found."""

    session_path = "session"


class MeetingIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    export_sheet_title = gettext_lazy("Sittings")

    def get_base_queryset(self):
        return (
            Meeting.objects.filter(session__in=sessions_for(self.request.user))
            .numbered()
            .select_related("session")
            .order_by("session__code", "starts_at")
        )


class SittingSaveMixin:
    """Saving a sitting raises its session's calendar SEQUENCE (``save_sitting``) and
    offers to tell the session's confirmed people."""

    def save_instance(self):
        changed = list(self.form.changed_data)
        with transaction.atomic():
            meeting = super().save_instance()
            save_sitting(meeting=meeting, by=self.request.user, changed=changed or ["new"])
        self.sitting_changed = bool(changed)
        return meeting

    def save_action(self):
        if getattr(self, "sitting_changed", False):
            offer_to_tell(self.request, self.object.session)
        return super().save_action()


class MeetingCreateView(SittingSaveMixin, generic.CreateView):
    pass


class MeetingEditView(SittingSaveMixin, SittingScopeMixin, generic.EditView):
    pass


class MeetingDeleteView(SittingScopeMixin, generic.DeleteView):
    pass


class MeetingHistoryView(SittingScopeMixin, history.HistoryView):
    pass


class MeetingUsageView(SittingScopeMixin, usage.UsageView):
    pass


class MeetingViewSet(ModelViewSet):
    """The sittings attendance is taken on, and the session's agenda: generated from a
    session's dates, editable."""

    model = Meeting
    icon = "time"
    menu_label = gettext_lazy("Sittings")
    menu_order = 200
    url_prefix = "courses/meetings"
    index_view_class = MeetingIndexView
    add_view_class = MeetingCreateView
    edit_view_class = MeetingEditView
    delete_view_class = MeetingDeleteView
    history_view_class = MeetingHistoryView
    usage_view_class = MeetingUsageView
    list_display = [
        "session",
        Column("label", label=gettext_lazy("Title")),
        SittingWhenColumn("when", label=gettext_lazy("When"), sort_key="starts_at"),
    ]
    list_export = ["session.code", "label", "starts_at", "ends_at"]
    export_headings = {"session.code": gettext_lazy("Session"), "label": gettext_lazy("Title")}
    export_filename = "sittings"
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("session"),
            FieldPanel(
                "title",
                help_text=gettext_lazy(
                    "Blank: the sitting is called “Day 1”, “Day 2”… by its place in the "
                    "session, in the reader's language."
                ),
            ),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("facilitator"), FieldPanel("resource_person")]),
                    FieldPanel("description", widget=forms.Textarea(attrs=_SHORT_TEXT)),
                ],
                heading=gettext_lazy("Agenda"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("venue_room"),
                    FieldPanel(
                        "online_url", widget=forms.URLInput(attrs={"placeholder": "https://"})
                    ),
                    FieldRowPanel([FieldPanel("online_meeting_id"), FieldPanel("online_passcode")]),
                ],
                heading=gettext_lazy("Where, if not as for the whole session"),
            ),
            FieldPanel("is_cancelled"),
        ],
        base_form_class=MeetingForm,
    )


class SignatoryForm(CertificateImagesFormMixin, WagtailAdminModelForm):
    """The signature is printed on certificates: saving moves it into the protected
    collection, or refuses an image the coordinator may not change."""

    certificate_image_fields = ("signature",)

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "session" in self.fields:
            self.fields["session"].queryset = sessions_for(for_user)


class SignatoryIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        signatories = SessionSignatory.objects.filter(
            session__in=sessions_for(self.request.user)
        ).select_related("session")
        session = self.request.GET.get("session", "")
        if re.fullmatch(r"[0-9]{1,9}", session):
            signatories = signatories.filter(session_id=int(session))
        return signatories.order_by("session__code", "order", "pk")


class SignatoryEditView(SittingScopeMixin, generic.EditView):
    pass


class SignatoryDeleteView(SittingScopeMixin, generic.DeleteView):
    pass


class SignatoryHistoryView(SittingScopeMixin, history.HistoryView):
    pass


class SignatoryUsageView(SittingScopeMixin, usage.UsageView):
    pass


class SessionSignatoryViewSet(ModelViewSet):
    """Who signs a session's certificates, with their title and signature image.
    Issued certificates keep the signatories they were issued with."""

    model = SessionSignatory
    icon = "user"
    menu_label = gettext_lazy("Signatories")
    menu_order = 300
    url_prefix = "courses/signatories"
    index_view_class = SignatoryIndexView
    edit_view_class = SignatoryEditView
    delete_view_class = SignatoryDeleteView
    history_view_class = SignatoryHistoryView
    usage_view_class = SignatoryUsageView
    list_display = ["session", "name", "title", "order"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("session"),
            FieldRowPanel([FieldPanel("name"), FieldPanel("title")]),
            FieldPanel("signature", widget=ImageChooser),
            FieldPanel("order"),
        ],
        base_form_class=SignatoryForm,
    )
