"""Application forms: the questions a session asks, the applicant's answers and files,
and applying with them (``submit_application``).

A file is accepted by what it contains, never by its name: a PDF starts with ``%PDF-``;
a DOCX is a ZIP whose ``[Content_Types].xml`` declares a word-processing document; an
ODT is a ZIP whose first member ``mimetype`` says so. Anything else (an HTML page named
``cv.pdf``, a spreadsheet, an image) is refused with a message. Files go to the private
``applications`` storage (never /media/); ``application_views.answer_file`` serves them.
"""

from __future__ import annotations

import io
import secrets
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from courses.access import lock_session
from courses.enrollment import clearance as clearance_service
from courses.enrollment import consent as consent_service
from courses.enrollment.services import EnrollmentError, enroll
from courses.models import (
    FILE_QUESTIONS,
    ApplicationAnswer,
    ApplicationForm,
    ApplicationQuestion,
    CourseSession,
    Enrollment,
    SupervisorClearance,
)
from courses.translated import fits, texts_in, translated

MAX_FILE_BYTES = 10 * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", ODT: "odt"}
#: The levels of a language proficiency answer (the common European framework's words).
LEVELS = [
    ("basic", gettext_lazy("Basic")),
    ("working", gettext_lazy("Working knowledge")),
    ("fluent", gettext_lazy("Fluent")),
    ("native", gettext_lazy("Mother tongue")),
]
LEVEL_LABELS = dict(LEVELS)
Q = ApplicationQuestion.Kind


def sniff_document(upload) -> str:
    """The content type of an uploaded document, found from its bytes, or a
    ``forms.ValidationError`` that says what is wrong. Reads the file, then rewinds it."""
    if upload.size > MAX_FILE_BYTES:
        raise forms.ValidationError(
            _("The file is larger than 10 MB: send a smaller one (a PDF of the key pages).")
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                    return ODT
                if "[Content_Types].xml" in names and b"wordprocessingml.document.main+xml" in (
                    archive.read("[Content_Types].xml")
                ):
                    return DOCX
        except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError):
            pass
    raise forms.ValidationError(
        _(
            "Only PDF, Word (DOCX) and OpenDocument (ODT) documents are accepted; "
            "this file is none of them."
        )
    )


def form_of(session: CourseSession) -> ApplicationForm | None:
    """The session's application form with its questions and acknowledgements (three
    queries), or None when it asks nothing."""
    form = (
        ApplicationForm.objects.filter(session=session)
        .prefetch_related("questions", "consents")
        .first()
    )
    if form is None:
        return None
    if not (form.questions.all() or form.requires_clearance or form.consents.all()):
        return None
    return form


def application_asked():
    """Whether a session's form asks anything, as an expression on a session query:
    ``annotate(asks_application=application_asked())`` reads it with the session, so the
    hot path of enrolling costs no query for it."""
    return models.Exists(
        ApplicationForm.objects.filter(session=models.OuterRef("pk")).filter(
            models.Q(questions__isnull=False)
            | models.Q(requires_clearance=True)
            | models.Q(consents__isnull=False)
        )
    )


def needs_application(session: CourseSession) -> bool:
    """Whether enrolling in ``session`` goes through the application page (one query,
    on the hot path of enrolling)."""
    return (
        ApplicationForm.objects.filter(session=session)
        .filter(
            models.Q(questions__isnull=False)
            | models.Q(requires_clearance=True)
            | models.Q(consents__isnull=False)
        )
        .exists()
    )


def question_choices(question: ApplicationQuestion) -> list[tuple[str, str]]:
    """(stored value, label shown) of a choice question: values stay in the form's
    language, labels follow the reader's."""
    labels = texts_in(question.translations, get_language()).get("choices")
    if not fits(question.choice_list, labels):
        labels = question.choice_list
    return list(zip(question.choice_list, labels, strict=True))


def field_name(question: ApplicationQuestion) -> str:
    return f"q{question.pk}"


class LanguagesWidget(forms.MultiWidget):
    template_name = "courses/applications/languages_widget.html"

    def __init__(self, languages, attrs=None):
        self.languages = languages
        choices = [("", _("Not spoken")), *LEVELS]
        super().__init__([forms.Select(choices=choices) for _language in languages], attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(language, "") for language in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for language, sub in zip(self.languages, context["widget"]["subwidgets"], strict=True):
            sub["language"] = language
        return context


class LanguagesField(forms.MultiValueField):
    def __init__(self, languages, **kwargs):
        self.languages = languages
        choices = [("", "")] + [(key, label) for key, label in LEVELS]
        fields = [forms.ChoiceField(choices=choices, required=False) for _language in languages]
        super().__init__(
            fields,
            widget=LanguagesWidget(languages),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        levels = {
            language: level
            for language, level in zip(self.languages, data_list or [], strict=False)
            if level
        }
        if self.required and not levels:
            raise forms.ValidationError(_("Give your level in at least one language."))
        return levels


class ApplicationFormView(forms.Form):
    """The applicant's side of an application form, built from its questions, plus the
    supervisor's address and the acknowledgements it requires."""

    def __init__(self, *args, application_form: ApplicationForm, pending_consents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.application_form = application_form
        self.questions = list(application_form.questions.all())
        for question in self.questions:
            self.fields[field_name(question)] = self._field(question)
        if application_form.requires_clearance:
            self.fields["supervisor_name"] = forms.CharField(
                label=_("Your supervisor's name"), max_length=200, required=False
            )
            self.fields["supervisor_email"] = forms.EmailField(
                label=_("Your supervisor's email"),
                help_text=_(
                    "We email them a link to clear your taking part (no account needed); "
                    "your request is decided once they have answered."
                ),
            )
        self.consents = list(pending_consents)
        for document in self.consents:
            self.fields[f"consent{document.pk}"] = forms.BooleanField(
                label=_("I have read and accept: %(title)s (version %(version)s)")
                % {"title": translated(document, "title"), "version": document.version},
                error_messages={"required": _("Accept this text to apply.")},
            )

    def _field(self, question: ApplicationQuestion) -> forms.Field:
        common = {
            "label": translated(question, "text"),
            "help_text": translated(question, "help_text"),
            "required": question.required,
        }
        if question.kind == Q.SHORT_TEXT:
            return forms.CharField(max_length=300, **common)
        if question.kind == Q.LONG_TEXT:
            return forms.CharField(
                max_length=4000, widget=forms.Textarea(attrs={"rows": 5}), **common
            )
        if question.kind == Q.SINGLE:
            return forms.ChoiceField(
                choices=question_choices(question), widget=forms.RadioSelect, **common
            )
        if question.kind == Q.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=question_choices(question), widget=forms.CheckboxSelectMultiple, **common
            )
        if question.kind == Q.YES_NO:
            return forms.TypedChoiceField(
                choices=[("yes", _("Yes")), ("no", _("No"))],
                coerce=lambda value: value == "yes",
                empty_value=None,
                widget=forms.RadioSelect,
                **common,
            )
        if question.kind == Q.LANGUAGES:
            return LanguagesField(question.choice_list, **common)
        help_text = common.pop("help_text")
        limits = _("PDF, DOCX or ODT, 10 MB at most.")
        return forms.FileField(
            help_text=f"{help_text} {limits}".strip(),
            widget=forms.ClearableFileInput(
                attrs={"accept": ".pdf,.docx,.odt,application/pdf," + DOCX + "," + ODT}
            ),
            **common,
        )

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            name = field_name(question)
            upload = cleaned.get(name)
            if question.is_file and upload:
                try:
                    upload.sniffed_type = sniff_document(upload)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def answers(self) -> dict[int, object]:
        return {q.pk: self.cleaned_data.get(field_name(q)) for q in self.questions}


@dataclass
class Application:
    """What an applicant sends: answers by question id (files as uploads), the
    supervisor, and the ids of the acknowledgements they accepted."""

    answers: dict[int, object] = field(default_factory=dict)
    supervisor_email: str = ""
    supervisor_name: str = ""
    accepted: set[int] = field(default_factory=set)


def submit_application(
    *, participant, session: CourseSession, application: Application, now=None
) -> Enrollment:
    """Apply to ``session`` with an application: the enrollment (``services.enroll``, by
    the session's policy, under the session lock), the answers and files, the request to
    the supervisor (a Notice, emailed after commit) and the consents, in ONE transaction:
    a refusal or an error leaves nothing behind (files written are removed).

    Refused when the person already holds an enrollment in the session (answers are not
    changed behind a coordinator's back), when a required answer or acknowledgement is
    missing, or when a file is not a PDF, DOCX or ODT. Calling it twice therefore makes
    one application.
    """
    now = now or timezone.now()
    form = form_of(session)
    if form is None:
        raise EnrollmentError(_("This session asks no application form."))
    questions = list(form.questions.all())
    _check(form, questions, application, participant)
    stored = []
    try:
        with transaction.atomic():
            enrollment = _enrollment_for(participant, session, now)
            for question in questions:
                value = application.answers.get(question.pk)
                if value in (None, "", [], {}):
                    ApplicationAnswer.objects.filter(
                        enrollment=enrollment, question=question
                    ).delete()
                    continue
                answer, _created = ApplicationAnswer.objects.get_or_create(
                    enrollment=enrollment, question=question
                )
                answer.answered_at = now
                if question.is_file:
                    content_type = getattr(value, "sniffed_type", None) or sniff_document(value)
                    if answer.file:
                        answer.file.delete(save=False)
                    # A name of ours (never the uploader's), unique without a lookup.
                    name = (
                        f"{session.code}/{enrollment.pk}-{question.pk}-"
                        f"{secrets.token_hex(8)}.{EXTENSIONS[content_type]}"
                    )
                    answer.file.save(name, value, save=False)
                    stored.append(answer.file.name)
                    answer.file_name = (value.name or "")[-200:]
                    answer.content_type = content_type
                    answer.value = None
                else:
                    answer.value = value
                answer.save()
            if form.requires_clearance:
                clearance_service.request_clearance(
                    enrollment=enrollment,
                    supervisor_email=application.supervisor_email,
                    supervisor_name=application.supervisor_name,
                    now=now,
                )
            consent_service.accept(
                user=participant,
                documents=[d for d in form.consents.all() if d.pk in application.accepted],
                session=session,
                now=now,
            )
    except BaseException:
        storage = ApplicationAnswer.file.field.storage
        for name in stored:
            storage.delete(name)
        raise
    return enrollment


ANSWERABLE = (
    Enrollment.Status.REQUESTED,
    Enrollment.Status.WAITLISTED,
    Enrollment.Status.CONFIRMED,
)


def form_unanswered() -> models.Q:
    """Enrollments (still in play) whose session's form asks something (a question or
    a supervisor's clearance) that they have not answered: nominees, people enrolled
    before the form was added or by a coordinator. For ``filter`` or, wrapped, for an
    annotation (My learning's link to the form)."""
    session = OuterRef("session")
    asks = Exists(ApplicationQuestion.objects.filter(form__session=session)) | Exists(
        ApplicationForm.objects.filter(session=session, requires_clearance=True)
    )
    answered = Exists(ApplicationAnswer.objects.filter(enrollment=OuterRef("pk"))) | Exists(
        SupervisorClearance.objects.filter(enrollment=OuterRef("pk"))
    )
    return models.Q(status__in=ANSWERABLE) & models.Q(asks) & ~models.Q(answered)


def with_form_unanswered(enrollments):
    """Annotate ``form_unanswered`` (no extra query)."""
    return enrollments.annotate(
        form_unanswered=models.ExpressionWrapper(
            form_unanswered(), output_field=models.BooleanField()
        )
    )


def _enrollment_for(participant, session: CourseSession, now) -> Enrollment:
    """The enrollment the application is for, under the session lock. Nomination: the
        nominee answers after their focal point put them forward (their request, not yet
        answered). Other policies: the person's enrollment the form was never answered for
    (``form_unanswered``), else a new request, or a fresh one after a withdrawal."""
    if session.policy == CourseSession.Policy.NOMINATION:
        lock_session(session)
        enrollment = (
            Enrollment.objects.select_for_update()
            .filter(session=session, participant=participant, status=Enrollment.Status.REQUESTED)
            .exclude(nominated_by=None)
            .first()
        )
        if enrollment is None:
            raise EnrollmentError(
                _("Staff join this session when their organization's focal point nominates them.")
            )
        if (
            enrollment.answers.exists()
            or SupervisorClearance.objects.filter(enrollment=enrollment).exists()
        ):
            raise EnrollmentError(_("You have already sent your application."))
        return enrollment
    lock_session(session)
    unanswered = (
        Enrollment.objects.select_for_update()
        .filter(session=session, participant=participant)
        .filter(form_unanswered())
        .first()
    )
    if unanswered is not None:  # enrolled before the form, or by a coordinator
        return unanswered
    enrollment = enroll(participant=participant, session=session, now=now)
    if enrollment.requested_at != now:
        raise EnrollmentError(
            _("You have already applied to this session (%(status)s).")
            % {"status": enrollment.get_status_display()}
        )
    return enrollment


def _check(form, questions, application: Application, participant) -> None:
    missing = [
        q.text
        for q in questions
        if q.required and application.answers.get(q.pk) in (None, "", [], {})
    ]
    if missing:
        raise EnrollmentError(
            _("Answer the required questions: %(questions)s.") % {"questions": "; ".join(missing)}
        )
    for question in questions:
        value = application.answers.get(question.pk)
        if value in (None, "", [], {}):
            continue
        allowed = set(question.choice_list)
        if question.kind == Q.SINGLE and value not in allowed:
            raise EnrollmentError(_("“%(value)s” is not one of the choices.") % {"value": value})
        if question.kind == Q.MULTIPLE and not set(value) <= allowed:
            raise EnrollmentError(_("Choose among the choices given."))
        if question.kind == Q.LANGUAGES and (
            not set(value) <= allowed or not set(value.values()) <= set(LEVEL_LABELS)
        ):
            raise EnrollmentError(_("Choose a level for the languages given."))
        if question.kind in FILE_QUESTIONS:
            try:
                value.sniffed_type = sniff_document(value)
            except forms.ValidationError as error:
                raise EnrollmentError(f"{question.text}: {error.messages[0]}") from error
    if form.requires_clearance and not application.supervisor_email:
        raise EnrollmentError(
            _("Give your supervisor's email: this session needs their clearance.")
        )
    if form.requires_clearance and (
        application.supervisor_email.strip().lower() == (participant.email or "").lower()
    ):
        raise EnrollmentError(_("Your supervisor's email cannot be your own."))
    required = {d.pk for d in consent_service.pending(participant, form.consents.all())}
    if not required <= set(application.accepted):
        raise EnrollmentError(_("Accept the texts this session requires to apply."))


def answer_text(answer: ApplicationAnswer) -> str:
    """An answer as one line of text (the queue, the roster export)."""
    question = answer.question
    value = answer.value
    if question.is_file:
        return answer.file_name
    if question.kind == Q.YES_NO:
        return str(_("Yes") if value else _("No"))
    if question.kind == Q.MULTIPLE:
        return "; ".join(value or [])
    if question.kind == Q.LANGUAGES:
        return "; ".join(
            f"{language}: {LEVEL_LABELS.get(level, level)}"
            for language, level in (value or {}).items()
        )
    return "" if value is None else str(value)


def site_url(path: str) -> str:
    return settings.SITE_URL + path


# ---------------------------------------------------------------------- the review queue


def queue_columns(session: CourseSession) -> list[ApplicationQuestion]:
    """The questions the coordinator chose to show as columns of the review queue."""
    return list(
        ApplicationQuestion.objects.filter(form__session=session, in_queue=True).order_by(
            "sort_order", "pk"
        )
    )


FILTERABLE = (Q.SINGLE, Q.MULTIPLE, Q.YES_NO, Q.LANGUAGES)


def queue_filters(columns, params) -> list[dict]:
    """The filters of the queue: one per choice, yes/no or language column, with its
    options and the value chosen in ``params`` (the query string)."""
    filters = []
    for question in columns:
        if question.kind not in FILTERABLE:
            continue
        if question.kind == Q.YES_NO:
            options = [("yes", _("Yes")), ("no", _("No"))]
        else:
            options = [(choice, choice) for choice in question.choice_list]
        name = f"q{question.pk}"
        chosen = params.get(name, "")
        filters.append(
            {
                "name": name,
                "label": question.text,
                "options": options,
                "value": chosen if chosen in dict(options) else "",
                "question": question,
            }
        )
    return filters


def _answered(question, value) -> Exists:
    """The row has an answer to ``question`` that matches the filter's ``value``."""
    answers = ApplicationAnswer.objects.filter(enrollment=OuterRef("pk"), question=question)
    if question.kind == Q.YES_NO:
        answers = answers.filter(value=(value == "yes"))
    elif question.kind == Q.SINGLE:
        answers = answers.filter(value=value)
    elif question.kind == Q.MULTIPLE:
        answers = answers.filter(value__contains=[value])
    else:  # languages: spoken at some level
        answers = answers.filter(value__has_key=value)
    return Exists(answers)


def filter_queue(queue, filters=(), clearance_state: str = ""):
    """The queue's queryset filtered by ``filters`` and the clearance state (``none``:
    no clearance asked), in the database: the pages and their count follow. With no
    filter chosen, ``queue`` itself."""
    for f in filters:
        if f["value"]:
            queue = queue.filter(_answered(f["question"], f["value"]))
    if clearance_state == "none":
        queue = queue.filter(clearance__isnull=True)
    elif clearance_state:
        queue = queue.filter(clearance__state=clearance_state)
    return queue


def with_answers(rows, columns) -> list:
    """Each row (of one page) with ``cells``: (question, its answer or None) for each
    column. Uses the answers ``review_queue`` prefetched: no query."""
    rows = list(rows)
    for row in rows:
        by_question = {answer.question_id: answer for answer in row.answers.all()}
        row.cells = [(question, by_question.get(question.pk)) for question in columns]
    return rows


#: The colour of each clearance state's tag (Wagtail's status tones).
CLEARANCE_TONES = {
    "pending": "warning",
    "cleared": "positive",
    "declined": "critical",
    "waived": "info",
}


def has_clearance(enrollment) -> bool:
    try:
        return enrollment.clearance is not None
    except SupervisorClearance.DoesNotExist:
        return False
