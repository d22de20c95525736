"""The one-page donor summary of a session: what a training unit reports to the donors
of a course (course, dates and place, organizations, who took part, attendance and
completion, response rate, satisfaction, learning gain, a few anonymous quotes).

A coordinator asks for it on the session's report (``request_donor_summary``); the
worker renders it (``render_donor_summary``, task ``render_donor_summary``) with the
certificates' PDF machinery (ReportLab and the shaped multi-script text of
``courses.certificates.pdf.text``), into private storage; it is downloaded only
through a view that checks who asks. Asking again renders it again.

Anonymity as on the report: counts of people by kind of organization or gender below
``MIN_GROUP`` print "fewer than 5" (and, when exactly one group is hidden, the next
smallest too, so that the total cannot give it away); the evaluation's figures and
quotes need ``MIN_GROUP`` responses; quotes come only from an anonymous questionnaire.
"""

from __future__ import annotations

import io
import logging
import secrets
from collections import Counter
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from courses.access import lock_session, sessions_for
from courses.certificates.pdf import text as pdf_text
from courses.dates import course_datetime, session_dates
from courses.evaluation.selectors import MIN_GROUP, session_evaluation, session_gain
from courses.models import CourseSession, DonorSummary, Question, Questionnaire
from courses.reports.charts import percent
from courses.reports.selectors import session_report
from courses.tasks import render_donor_summary as render_task
from participants.models import Organization, Participant

logger = logging.getLogger(__name__)

T = Question.Type
K = Questionnaire.Kind
QUOTES = 3
QUOTE_LENGTH = 220


class DonorSummaryRefused(Exception):
    """Someone who does not run the session asked for its summary."""


# ---------------------------------------------------------------------- figures


@dataclass
class Group:
    label: str
    count: int | None  # None: fewer than MIN_GROUP, not shown


@dataclass
class DonorFigures:
    course: str
    code: str
    dates: str
    place: str
    organizations: list[str]
    roster: int
    by_kind: list[Group]
    by_gender: list[Group]
    attendance_rate: str
    completion_rate: str
    completed: int
    submitted: int = 0
    response_rate: str = "—"
    evaluation_shown: bool = False
    #: (question, share of ratings of 4 or 5) for each rating question
    agreeing: list[tuple[str, str]] = field(default_factory=list)
    #: (statement or question, mean rating 1-5)
    means: list[tuple[str, str]] = field(default_factory=list)
    pre_mean: str = "—"
    post_mean: str = "—"
    gain: str = "—"
    pairs: int = 0
    quotes: list[str] = field(default_factory=list)


def suppressed(counts: Counter, labels: dict) -> list[Group]:
    """Groups by size, those below ``MIN_GROUP`` hidden; when only one is hidden, the next
    smallest is hidden too (the roster's total minus the others would give it away)."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    hidden = {key for key, n in ordered if n < MIN_GROUP}
    shown = [key for key, _n in ordered if key not in hidden]
    if len(hidden) == 1 and shown:
        hidden.add(shown[-1])
    return [
        Group(label=str(labels.get(key, key)), count=None if key in hidden else n)
        for key, n in ordered
    ]


def _number(value) -> str:
    return "—" if value is None else f"{value:.1f}".removesuffix(".0")


def donor_figures(session: CourseSession) -> DonorFigures:
    """Everything the summary prints, in the active language."""
    report = session_report(session)
    kinds = dict(Organization.Kind.choices)
    by_kind = Counter(line.enrollment.organization.kind for line in report.participants)
    genders = Counter()
    for line in report.participants:
        profile = getattr(line.enrollment.participant, "participant", None)
        genders[getattr(profile, "gender", "") or ""] += 1
    gender_labels = {"": _("Not given"), **dict(Participant.Gender.choices)}
    figures = DonorFigures(
        course=session.course.title,
        code=session.code,
        dates=session_dates(session),
        place=str(session.place),
        organizations=sorted(
            {line.enrollment.organization.acronym for line in report.participants}
        ),
        roster=report.roster,
        by_kind=suppressed(by_kind, kinds),
        by_gender=suppressed(genders, gender_labels),
        attendance_rate=percent(report.attendance_rate),
        completion_rate=percent(report.completion_rate),
        completed=report.completed,
    )
    evaluation = next(
        (e for e in session_evaluation(session) if e.assignment.questionnaire.kind == K.EVALUATION),
        None,
    )
    if evaluation is not None:
        figures.submitted = evaluation.submitted
        figures.response_rate = f"{evaluation.rate} %"
        figures.evaluation_shown = not evaluation.suppressed
        anonymous = evaluation.assignment.questionnaire.anonymous
        for d in evaluation.questions:
            q = d.question
            if q.type == T.RATING and d.answered:
                agreeing = sum(d.counts[3:])  # 4 and 5 on the 1-5 scale
                figures.agreeing.append((q.text, f"{round(100 * agreeing / d.answered)} %"))
                figures.means.append((q.text, _number(d.mean)))
            elif q.type == T.MATRIX:
                figures.means += [(s, _number(m)) for s, _c, m in d.statements]
            elif q.type == T.TEXT and anonymous:
                figures.quotes += [t for t in d.texts if len(t) <= QUOTE_LENGTH]
        figures.quotes = list(dict.fromkeys(figures.quotes))[:QUOTES]  # no quote twice
    gain = session_gain(session)
    figures.pre_mean = _number(gain.pre_mean)
    figures.post_mean = _number(gain.post_mean)
    figures.pairs = gain.pairs
    if gain.pairs >= MIN_GROUP:
        figures.gain = _number(gain.mean_gain)
    return figures


# ---------------------------------------------------------------------- the page

WIDTH, HEIGHT = A4
MARGIN = 46
INK = HexColor("#1b1b1b")
MUTED = HexColor("#4d5b69")
ACCENT = HexColor("#1f4e79")
RULE = HexColor("#c8d1da")


class _Page:
    """A top-down cursor on one A4 page; text that would run off the bottom is left out
    (the summary is one page by design) and counted, so a test can tell."""

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.y = HEIGHT - MARGIN
        self.dropped = 0

    def text(self, value: str, *, size=9.5, style="sans", colour=INK, indent=0, lines=2, gap=3):
        width = WIDTH - 2 * MARGIN - indent
        block = pdf_text.fit(value, style=style, size=size, width=width, max_lines=lines)
        if self.y - block.height < MARGIN:
            self.dropped += 1
            return
        last = pdf_text.draw(
            self.canvas,
            block,
            x=MARGIN + indent,
            y=self.y - block.size,
            colour=colour,
            align="left",
        )
        self.y = last - gap - block.size * 0.25

    def heading(self, value: str):
        self.y -= 6
        self.text(value, size=11.5, style="serif-bold", colour=ACCENT, lines=1, gap=2)
        self.canvas.setStrokeColor(RULE)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(MARGIN, self.y + 1, WIDTH - MARGIN, self.y + 1)
        self.y -= 4

    def pairs(self, rows: list[tuple[str, str]]):
        for label, value in rows:
            self.text(
                _("%(label)s: %(value)s") % {"label": label, "value": value},
                indent=8,
                lines=2,
                gap=1.5,
            )


def _groups(groups: list[Group]) -> str:
    return " · ".join(
        f"{g.label} {g.count}" if g.count is not None else f"{g.label} {_('fewer than 5')}"
        for g in groups
    )


def render_pdf(figures: DonorFigures) -> bytes:
    """The one-page PDF of ``figures`` (pure: reads no database)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(_("Donor summary: %(course)s (%(code)s)") % vars(figures))
    page = _Page(canvas)
    page.text(_("Training summary for donors"), size=10, colour=MUTED, lines=1)
    page.text(figures.course, size=18, style="serif-bold", lines=2, gap=4)
    page.text(
        _("%(code)s · %(dates)s · %(place)s") % vars(figures), size=10.5, colour=MUTED, lines=2
    )
    if figures.organizations:
        page.text(
            _("Organizations: %(list)s") % {"list": ", ".join(figures.organizations)}, lines=3
        )

    page.heading(_("Participants"))
    page.pairs(
        [
            (_("On the roster"), str(figures.roster)),
            (_("By kind of organization"), _groups(figures.by_kind) or "—"),
            (_("By gender"), _groups(figures.by_gender) or "—"),
        ]
    )
    page.heading(_("Attendance and completion"))
    page.pairs(
        [
            (_("Attendance rate"), figures.attendance_rate),
            (_("Completion rate"), figures.completion_rate),
            (_("Completed"), str(figures.completed)),
        ]
    )
    page.heading(_("Evaluation"))
    page.pairs(
        [(_("Response rate"), f"{figures.response_rate} ({figures.submitted})")]
        if figures.submitted or figures.response_rate != "—"
        else [(_("Response rate"), "—")]
    )
    if figures.evaluation_shown:
        for question, share in figures.agreeing:
            page.text(
                _("%(share)s agree or strongly agree: %(question)s")
                % {"share": share, "question": question},
                indent=8,
                lines=2,
                gap=1.5,
            )
        if figures.means:
            page.text(_("Mean rating per statement (1 to 5):"), indent=8, lines=1, gap=1.5)
            for statement, value in figures.means:
                page.text(f"{value} · {statement}", indent=18, lines=1, gap=1)
    else:
        page.text(
            _("Fewer than 5 responses: no breakdown is shown, to keep them anonymous."),
            indent=8,
            colour=MUTED,
        )
    took_both = ngettext("%(n)d person took both", "%(n)d people took both", figures.pairs) % {
        "n": figures.pairs
    }
    page.heading(_("Knowledge checks"))
    page.pairs(
        [
            (_("Mean score before (%)"), figures.pre_mean),
            (_("Mean score after (%)"), figures.post_mean),
            (
                _("Mean learning gain (points)"),
                f"{figures.gain} ({took_both})",
            ),
        ]
    )
    if figures.quotes:
        page.heading(_("In their words (anonymous)"))
        for quote in figures.quotes:
            page.text(f"“{quote}”", style="serif", indent=8, lines=3, gap=2)
    footer = pdf_text.fit(
        _("Prepared by Concord on %(when)s.") % {"when": course_datetime(timezone.now())},
        style="sans",
        size=7.5,
        width=WIDTH - 2 * MARGIN,
    )
    pdf_text.draw(canvas, footer, x=MARGIN, y=MARGIN - 18, colour=MUTED, align="left")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# ---------------------------------------------------------------------- actions


def request_donor_summary(*, session: CourseSession, by) -> DonorSummary:
    """Record that ``by`` (a coordinator of ``session`` or a superuser) asks for the
    session's summary, in state "being prepared", and queue its rendering after commit.
    In one transaction that locks the session. Calling it again renders it again (the
    old PDF stays downloadable until the new one replaces it)."""
    with transaction.atomic():
        session = lock_session(
            session,
            by=by,
            refusal=DonorSummaryRefused(
                _("Only a coordinator of this session can prepare its donor summary.")
            ),
        )
        summary, _created = DonorSummary.objects.update_or_create(
            session=session,
            defaults={
                "state": DonorSummary.State.PENDING,
                "requested_at": timezone.now(),
                "requested_by": by,
                "language": translation.get_language() or "en",
                "error": "",
            },
        )
        transaction.on_commit(lambda: render_task.delay(summary_id=summary.pk))
    return summary


def render_donor_summary(summary_id: int) -> None:
    """Render the summary ``summary_id`` in the language it was asked in and store it in
    private storage; a failure is recorded on the row (state "failed"). Rendering twice
    only replaces the file."""
    summary = (
        DonorSummary.objects.select_related("session__course", "requested_by")
        .filter(pk=summary_id)
        .first()
    )
    if summary is None:
        return
    try:
        with translation.override(summary.language):
            pdf = render_pdf(donor_figures(summary.session))
    except Exception as error:
        logger.exception("donor summary %s failed", summary_id)
        DonorSummary.objects.filter(pk=summary_id).update(
            state=DonorSummary.State.FAILED, error=str(error)[:2000]
        )
        return
    old = summary.pdf.name
    name = f"donor-summaries/{summary.session.code}-{secrets.token_hex(8)}.pdf"
    summary.pdf.save(name, ContentFile(pdf), save=False)
    DonorSummary.objects.filter(pk=summary_id).update(
        pdf=summary.pdf.name, state=DonorSummary.State.READY, rendered_at=timezone.now()
    )
    if old and old != summary.pdf.name:
        summary.pdf.storage.delete(old)


def summary_of(session: CourseSession) -> DonorSummary | None:
    """The session's summary row (any state), for its report screen."""
    return DonorSummary.objects.filter(session=session).first()


def summary_for(user, session_pk: int) -> DonorSummary | None:
    """The ready summary of a session ``user`` runs, or None (the view answers 404)."""
    return (
        DonorSummary.objects.filter(session__in=sessions_for(user), session_id=session_pk)
        .exclude(pdf="")
        .first()
    )
