"""Cohort messages in the admin (write, preview, confirm, follow the sending) and the
attachment's download for those who received it.

Views are thin: the form checks, ``services.send_cohort_message`` acts. Sessions outside
the coordinator's own answer 404; nothing is sent on GET; a message goes out only from
the confirmation that names how many people get it.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.crypto import get_random_string
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import HeaderButton

from courses.access import sessions_for
from courses.messaging import services
from courses.models import CohortMessage, Notice
from courses.screens import SessionScreenMixin
from participants.http import private_page
from participants.selectors import person_name

DRAFT_SALT = "courses.messaging.draft-attachment"


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = person_name(obj.participant) or obj.participant.get_username()
        return f"{name} ({obj.get_status_display()})"


class PreviewChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        name = person_name(obj.participant) or obj.participant.get_username()
        return f"{name} ({obj.get_status_display()})"


class MessageForm(forms.Form):
    audience = forms.ChoiceField(
        label=gettext_lazy("Recipients"),
        choices=CohortMessage.Audience.choices,
        widget=forms.RadioSelect,
        initial=CohortMessage.Audience.CONFIRMED,
    )
    picked = PersonChoice(
        label=gettext_lazy("People I choose"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Only with “People I choose”."),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    attachment = forms.FileField(
        label=gettext_lazy("Attachment (PDF, up to 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    preview_for = PreviewChoice(
        label=gettext_lazy("Preview as"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("The first recipient"),
    )
    draft = forms.CharField(widget=forms.HiddenInput, required=False)
    expected_count = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        people = services.pickable(session)
        self.fields["picked"].queryset = people
        self.fields["preview_for"].queryset = people
        counts = services.pickable(session).aggregate(
            **{
                audience: Count("pk", filter=Q(status=status))
                for audience, status in services.AUDIENCE_STATUSES.items()
            }
        )
        self.fields["audience"].choices = [
            (value, f"{label} ({counts[value]})" if value in counts else label)
            for value, label in CohortMessage.Audience.choices
        ]
        valid = ", ".join(f"{{{name}}}" for name in services.PLACEHOLDERS)
        self.fields["body"].help_text = _("Placeholders: %(valid)s.") % {"valid": valid}

    def clean_subject(self):
        return self._placeholders("subject")

    def clean_body(self):
        return self._placeholders("body")

    def _placeholders(self, name):
        value = self.cleaned_data[name]
        errors = services.placeholder_errors(value)
        if errors:
            raise forms.ValidationError(errors)
        return value

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        try:
            services.check_attachment(upload or None)
        except services.MessageError as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        audience = cleaned.get("audience")
        if audience == CohortMessage.Audience.PICKED and not cleaned.get("picked"):
            self.add_error("picked", _("Choose at least one person."))
        if audience and not self.errors:
            self.recipients = list(
                services.recipients(
                    self.session, audience, [e.pk for e in cleaned.get("picked") or []]
                )
            )
            if not self.recipients:
                self.add_error("audience", _("Nobody matches these recipients: choose others."))
        return cleaned

    # The attachment is uploaded once, at the preview, and kept as a private draft
    # until the message is sent: the confirmation page carries a signed reference.
    def keep_draft(self) -> None:
        upload = self.cleaned_data.get("attachment")
        if upload:
            stored = storages["messages"].save(
                f"drafts/{get_random_string(24)}.pdf", ContentFile(upload.read())
            )
            self.draft = signing.dumps({"path": stored, "name": upload.name}, salt=DRAFT_SALT)
        else:
            self.draft = self.cleaned_data.get("draft") or ""

    def attachment_file(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            return upload, None
        draft = self.cleaned_data.get("draft")
        if not draft:
            return None, None
        try:
            kept = signing.loads(draft, salt=DRAFT_SALT, max_age=86_400)
        except signing.BadSignature:
            return None, None
        storage = storages["messages"]
        if not storage.exists(kept["path"]):
            return None, None
        with storage.open(kept["path"], "rb") as handle:
            return ContentFile(handle.read(), name=kept["name"]), kept["path"]


class MessagingScreen(SessionScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "mail"

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Session"),
                url=reverse("course_sessions:edit", args=[self.session.pk]),
                icon_name="edit",
            )
        ]


class MessagesView(MessagingScreen):
    """The session's messages so far, and the form for a new one; POST ``preview``
    shows one recipient's copy and the confirmation naming the count, POST ``send``
    sends."""

    template_name = "courses/admin/cohort_messages.html"
    page_title = gettext_lazy("Messages")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        past = list(
            services.messages_for(self.session).annotate(
                sent_count=Count("notices", filter=Q(notices__sent_at__isnull=False))
            )
        )
        context.update(
            session=self.session,
            form=form or MessageForm(session=self.session),
            past=past,
            placeholders=services.PLACEHOLDERS,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST, request.FILES, session=self.session)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if request.POST.get("action") == "send":
            return self.send(form)
        form.keep_draft()
        recipient = form.cleaned_data.get("preview_for") or form.recipients[0]
        if recipient not in form.recipients:
            recipient = form.recipients[0]
        copy = services.preview(
            session=self.session,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            enrollment=recipient,
        )
        confirm = MessageForm(
            initial={
                **{k: v for k, v in form.cleaned_data.items() if k != "attachment"},
                "draft": form.draft,
                "expected_count": len(form.recipients),
            },
            session=self.session,
        )
        context = self.get_context_data(form=confirm)
        context.update(
            preview=copy,
            preview_person=recipient,
            count=len(form.recipients),
            has_attachment=bool(form.draft),
        )
        return self.render_to_response(context)

    def send(self, form):
        attachment, draft_path = form.attachment_file()
        try:
            message = services.send_cohort_message(
                session=self.session,
                by=self.request.user,
                audience=form.cleaned_data["audience"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                picked=[e.pk for e in form.cleaned_data.get("picked") or []],
                attachment=attachment,
                expected_count=form.cleaned_data.get("expected_count"),
            )
        except services.MessageError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        if draft_path:
            storages["messages"].delete(draft_path)
        messages.success(
            self.request,
            ngettext(
                "Your message is on its way to %(n)d person.",
                "Your message is on its way to %(n)d people.",
                message.recipient_count,
            )
            % {"n": message.recipient_count},
        )
        return redirect("course_messages:detail", self.session.pk, message.pk)


class MessageDetailView(MessagingScreen):
    """One message as sent, and how far its sending went (the page refreshes itself
    until every email is accepted or has failed)."""

    template_name = "courses/admin/cohort_message.html"

    @cached_property
    def message(self):
        return get_object_or_404(services.messages_for(self.session), pk=self.kwargs["message_pk"])

    def get_page_title(self):
        return self.message.subject

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sent, failing, total = services.progress(self.message)
        context.update(
            session=self.session,
            message=self.message,
            sent=sent,
            failing=failing,
            total=total,
            done=sent + failing >= total,
            percent=int(100 * sent / total) if total else 100,
            back_url=reverse("course_messages:index", args=[self.session.pk]),
        )
        return context


class MessagingViewSet(ViewSet):
    """The messages screens of a session (URL names ``course_messages:…``)."""

    name = "course_messages"
    url_prefix = "courses/sessions"
    icon = "mail"

    def get_urlpatterns(self):
        return [
            path("<int:pk>/messages/", MessagesView.as_view(), name="index"),
            path(
                "<int:pk>/messages/<int:message_pk>/",
                MessageDetailView.as_view(),
                name="detail",
            ),
        ]


@private_page
@login_required
@require_GET
def attachment_download(request, pk):
    """A message's attachment, for the people it was sent to and the session's
    coordinators; anyone else gets a 404."""
    message = get_object_or_404(CohortMessage.objects.exclude(attachment=""), pk=pk)
    received = Notice.objects.filter(
        message=message, kind=Notice.Kind.MESSAGE, enrollment__participant=request.user
    ).exists()
    if not received and not sessions_for(request.user).filter(pk=message.session_id).exists():
        raise Http404
    try:
        handle = message.attachment.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=message.attachment_name or "attachment.pdf",
        content_type="application/pdf",
    )
