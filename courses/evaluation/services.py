"""Evaluation actions: put a questionnaire to a session, copy one, save a draft,
submit, and owe the reminders and the follow-up survey.

Submitting writes the person's ``Submission`` marker and the anonymous ``Response`` rows
in one transaction, under the marker's row lock, so a second submission (a double
click, a second tab) is refused and never duplicated.
"""

from __future__ import annotations

import datetime
import itertools
import random

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.enrollment import notifications
from courses.evaluation import answers as answer_rules
from courses.evaluation.selectors import MIN_GROUP
from courses.models import (
    ROSTER,
    CourseSession,
    Enrollment,
    Meeting,
    Notice,
    Question,
    Questionnaire,
    Response,
    SessionQuestionnaire,
    Submission,
)

K = Questionnaire.Kind
T = Question.Type
REMINDER_DAYS = (2, 7)
# Late enough for the evaluation's reminders, early enough to be remembered.
DEFAULT_OPEN_DAYS = {K.EVALUATION: 14, K.PRE_CHECK: 0, K.POST_CHECK: 14, K.FOLLOW_UP: 30}


class EvaluationError(Exception):
    """A refusal to show the person, with nothing saved."""

    def __init__(self, message, errors=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


def follow_up_after() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "EVALUATION_FOLLOW_UP_DAYS", 91))


def default_moments(
    session: CourseSession, kind: str
) -> tuple[datetime.datetime, datetime.datetime]:
    """When a questionnaire of ``kind`` opens and closes by default: the evaluation and the
    post-check at the start of the last sitting, the pre-check from now until the first
    sitting starts, the follow-up survey a configurable time after the last day."""
    meetings = list(Meeting.objects.filter(session=session).order_by("starts_at"))
    tz = datetime.UTC
    first = (
        meetings[0].starts_at
        if meetings
        else datetime.datetime.combine(session.starts_on, datetime.time(8), tz)
    )
    last = (
        meetings[-1].starts_at
        if meetings
        else datetime.datetime.combine(session.ends_on, datetime.time(8), tz)
    )
    if kind == K.PRE_CHECK:
        opens = min(timezone.now(), first - datetime.timedelta(days=1))
        return opens, first
    if kind == K.FOLLOW_UP:
        opens = datetime.datetime.combine(session.ends_on, datetime.time(8), tz) + follow_up_after()
        return opens, opens + datetime.timedelta(days=DEFAULT_OPEN_DAYS[kind])
    return last, last + datetime.timedelta(days=DEFAULT_OPEN_DAYS[kind])


def attach(
    *,
    session: CourseSession,
    questionnaire: Questionnaire,
    opens_at: datetime.datetime | None = None,
    closes_at: datetime.datetime | None = None,
) -> SessionQuestionnaire:
    """Put ``questionnaire`` to ``session`` (one of each kind per session), at the given
    moments or the defaults of its kind. Refused for a second questionnaire of a kind."""
    if SessionQuestionnaire.objects.filter(
        session=session, questionnaire__kind=questionnaire.kind
    ).exists():
        raise EvaluationError(
            _("This session already has a questionnaire of this kind: %(kind)s.")
            % {"kind": questionnaire.get_kind_display()}
        )
    default_opens, default_closes = default_moments(session, questionnaire.kind)
    return SessionQuestionnaire.objects.create(
        session=session,
        questionnaire=questionnaire,
        opens_at=opens_at or default_opens,
        closes_at=closes_at or default_closes,
    )


def copy_questionnaire(*, questionnaire: Questionnaire, title: str | None = None) -> Questionnaire:
    """A new, editable questionnaire with the same questions (never a standard one)."""
    with transaction.atomic():
        copy = Questionnaire.objects.create(
            title=title or _("Copy of %(title)s") % {"title": questionnaire.title},
            intro=questionnaire.intro,
            kind=questionnaire.kind,
            anonymous=questionnaire.anonymous,
            pass_mark=questionnaire.pass_mark,
            minutes=questionnaire.minutes,
            translations=questionnaire.translations,
        )
        Question.objects.bulk_create(
            Question(
                questionnaire=copy,
                sort_order=q.sort_order,
                text=q.text,
                type=q.type,
                required=q.required,
                choices=q.choices,
                statements=q.statements,
                low_label=q.low_label,
                high_label=q.high_label,
                correct=q.correct,
                translations=q.translations,
            )
            for q in questionnaire.questions.all()
        )
    return copy


def _enrollment(assignment: SessionQuestionnaire, user) -> Enrollment:
    enrollment = Enrollment.objects.filter(
        session_id=assignment.session_id, participant=user, status__in=ROSTER
    ).first()
    if enrollment is None:
        raise EvaluationError(_("Only the participants of this session can answer it."))
    return enrollment


def _marker(enrollment: Enrollment, assignment: SessionQuestionnaire) -> Submission:
    """The person's marker row, made if missing, locked until the transaction ends."""
    Submission.objects.bulk_create(
        [Submission(enrollment=enrollment, assignment=assignment)], ignore_conflicts=True
    )
    return Submission.objects.select_for_update().get(enrollment=enrollment, assignment=assignment)


def _refuse_closed(assignment, now):
    if not assignment.is_open(now):
        if now < assignment.opens_at:
            raise EvaluationError(_("This questionnaire is not open yet."))
        raise EvaluationError(_("This questionnaire is closed: answers are no longer taken."))


def save_draft(*, assignment: SessionQuestionnaire, user, data, now=None) -> Submission:
    """Keep a partial answer on the person's marker, to finish later. Values are checked
    as for a submission (a bad value saves nothing); one transaction; saving again
    replaces the draft."""
    now = now or timezone.now()
    questions = list(assignment.questionnaire.questions.all())
    with transaction.atomic():
        enrollment = _enrollment(assignment, user)
        _refuse_closed(assignment, now)
        checked = answer_rules.check(questions, data, complete=False)
        if checked.errors:
            raise EvaluationError(_("Some answers need correcting."), checked.errors)
        marker = _marker(enrollment, assignment)
        if marker.submitted_at:
            raise EvaluationError(_("You have already submitted this questionnaire."))
        marker.draft = checked.answers
        marker.save(update_fields=["draft"])
    return marker


def respondent_groups(enrollment: Enrollment) -> dict[str, str]:
    """The groups a response is counted in across sessions (kind of organization,
    gender, organization, in that order), each kept only while at least ``MIN_GROUP``
    people on the session's roster share every value kept so far: whoever reads the
    table sees at most a group of five or more people of this session, never a person.
    One query: the roster is counted under every combination of the values at once
    (conditional aggregates), then each value is kept, in that order, while its group
    stays large enough."""
    organization = enrollment.organization
    profile = getattr(enrollment.participant, "participant", None)
    candidates = [
        (field, lookup, value)
        for field, lookup, value in (
            ("organization_kind", "organization__kind", organization.kind),
            ("gender", "participant__participant__gender", getattr(profile, "gender", "")),
            ("organization", "organization__acronym", organization.acronym),
        )
        if value
    ]
    if not candidates:
        return {}
    combinations = [
        combination
        for size in range(1, len(candidates) + 1)
        for combination in itertools.combinations(range(len(candidates)), size)
    ]
    counts = Enrollment.objects.filter(
        session_id=enrollment.session_id, status__in=ROSTER
    ).aggregate(
        **{
            "n" + "_".join(map(str, combination)): Count(
                "pk", filter=Q(**{candidates[i][1]: candidates[i][2] for i in combination})
            )
            for combination in combinations
        }
    )
    kept, taken = {}, ()
    for index, (field, _lookup, value) in enumerate(candidates):
        trial = (*taken, index)
        if counts["n" + "_".join(map(str, trial))] >= MIN_GROUP:
            kept[field], taken = value, trial
    return kept


def _responses(assignment, questions, answers, groups=None) -> list[Response]:
    groups = groups or {}
    rows = []
    for question in questions:
        value = answers.get(str(question.pk))
        if value is None:
            continue
        if question.type == T.TEXT:
            rows.append(Response(assignment=assignment, question=question, text=value, **groups))
        elif question.type == T.MULTIPLE:
            rows += [
                Response(assignment=assignment, question=question, number=v, **groups)
                for v in value
            ]
        elif question.type == T.MATRIX:
            rows += [
                Response(assignment=assignment, question=question, statement=i, number=v, **groups)
                for i, v in enumerate(value)
                if v is not None
            ]
        else:
            rows.append(Response(assignment=assignment, question=question, number=value, **groups))
    return rows


def submit(*, assignment: SessionQuestionnaire, user, data, now=None) -> Submission:
    """Submit the person's answers, once.

    Refused with nothing saved when the person is not on the session's roster, the
    questionnaire is not open, a value is out of range or unknown, a question id is
    forged, a required answer is missing, or they submitted before. Side effects, in one
    transaction under the marker's row lock: the marker is stamped (with the score for a
    knowledge check), its draft cleared; the answers become ``Response`` rows, in random
    order and with random keys (an anonymous questionnaire keeps no other copy), each
    with the respondent's groups as far as ``respondent_groups`` keeps them.
    """
    now = now or timezone.now()
    questionnaire = assignment.questionnaire
    questions = list(questionnaire.questions.all())
    with transaction.atomic():
        enrollment = _enrollment(assignment, user)
        _refuse_closed(assignment, now)
        checked = answer_rules.check(questions, data, complete=True)
        if checked.errors:
            raise EvaluationError(_("Some answers need correcting."), checked.errors)
        marker = _marker(enrollment, assignment)
        if marker.submitted_at:
            raise EvaluationError(_("You have already submitted this questionnaire."))
        rows = _responses(assignment, questions, checked.answers, respondent_groups(enrollment))
        random.shuffle(rows)
        Response.objects.bulk_create(rows)
        marker.draft = {}
        marker.answers = {} if questionnaire.anonymous else checked.answers
        marker.submitted_at = now
        if questionnaire.is_check:
            marker.score = answer_rules.score(questions, checked.answers)
            if questionnaire.pass_mark is not None and marker.score is not None:
                marker.passed = marker.score >= questionnaire.pass_mark
        marker.save(update_fields=["draft", "answers", "submitted_at", "score", "passed"])
    return marker


# ---------------------------------------------------------------------- reminders


def owe_reminders(now: datetime.datetime | None = None) -> int:
    """Daily (Celery beat): for each open evaluation or follow-up survey, a notice when it
    opens and reminders 2 and 7 days after, to each person on the roster who has not
    submitted. Each notice is made once (``Notice``'s unique key), so running twice a
    day, or again after a failure, sends nothing twice."""
    now = now or timezone.now()
    made = 0
    open_now = SessionQuestionnaire.objects.filter(
        opens_at__lte=now,
        closes_at__gt=now,
        questionnaire__kind__in=[K.EVALUATION, K.FOLLOW_UP, K.POST_CHECK],
    ).exclude(session__status=CourseSession.Status.CANCELLED)
    for assignment in open_now:
        days_open = (now - assignment.opens_at).days
        # Only the latest stage reached: a run missed for a week sends one email, not three.
        suffix, kind = "open", Notice.Kind.EVALUATION_OPEN
        for d in REMINDER_DAYS:
            if days_open >= d:
                suffix, kind = f"{d}d", Notice.Kind.EVALUATION_REMINDER
        waiting = Enrollment.objects.filter(
            session_id=assignment.session_id, status__in=ROSTER
        ).exclude(submissions__assignment=assignment, submissions__submitted_at__isnull=False)
        with transaction.atomic():
            for enrollment in waiting:
                key = f"q{assignment.pk}-{suffix}"
                made += notifications.owe(enrollment, kind, key) is not None
    return made
