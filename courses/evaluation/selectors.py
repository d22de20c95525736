"""Reads of the evaluation: what a participant has to answer, the form as they see it,
what completion still needs, and the session and cross-session figures.

Reports never show a breakdown of fewer than ``MIN_GROUP`` responses: a small group's
answers could be told apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Count, Q
from django.utils import timezone

from courses.evaluation.answers import Localized, lines, localize
from courses.models import (
    ROSTER,
    Enrollment,
    Question,
    Questionnaire,
    Response,
    SessionQuestionnaire,
    Submission,
)
from courses.translated import texts_in

K = Questionnaire.Kind
T = Question.Type
MIN_GROUP = 5


# ---------------------------------------------------------------------- participants


@dataclass
class Assigned:
    """A questionnaire put to one of the person's sessions, and where they stand."""

    assignment: SessionQuestionnaire
    enrollment: Enrollment
    submission: Submission | None
    title: str

    @property
    def submitted(self) -> bool:
        return bool(self.submission and self.submission.submitted_at)

    @property
    def has_draft(self) -> bool:
        return bool(self.submission and self.submission.draft and not self.submitted)

    @property
    def is_open(self) -> bool:
        return self.assignment.is_open()

    @property
    def kind(self) -> str:
        return self.assignment.questionnaire.kind


def title_of(questionnaire: Questionnaire, language: str | None) -> str:
    return texts_in(questionnaire.translations, language).get("title") or questionnaire.title


def intro_of(questionnaire: Questionnaire, language: str | None) -> str:
    return texts_in(questionnaire.translations, language).get("intro") or questionnaire.intro


def assigned_to(user, language: str | None) -> list[Assigned]:
    """Every questionnaire of the sessions the person is on the roster of, opened by
    now: two queries."""
    now = timezone.now()
    enrollments = {
        e.session_id: e
        for e in Enrollment.objects.filter(participant=user, status__in=ROSTER).select_related(
            "session__course"
        )
    }
    if not enrollments:
        return []
    assignments = list(
        SessionQuestionnaire.objects.filter(session_id__in=enrollments, opens_at__lte=now)
        .select_related("questionnaire")
        .order_by("-opens_at")
    )
    submissions = {
        s.assignment_id: s
        for s in Submission.objects.filter(
            enrollment__in=enrollments.values(), assignment__in=assignments
        )
    }
    return [
        Assigned(
            assignment=a,
            enrollment=enrollments[a.session_id],
            submission=submissions.get(a.pk),
            title=title_of(a.questionnaire, language),
        )
        for a in assignments
    ]


def assignment_for(user, pk: int) -> SessionQuestionnaire | None:
    """A questionnaire of a session the person is on the roster of, or None (a 404)."""
    return (
        SessionQuestionnaire.objects.filter(
            pk=pk,
            session__enrollments__participant=user,
            session__enrollments__status__in=ROSTER,
        )
        .select_related("questionnaire", "session__course")
        .first()
    )


@dataclass
class FormQuestion:
    localized: Localized
    value: object = None
    error: str = ""

    def __getattr__(self, name):
        return getattr(self.localized, name)

    @property
    def scale(self) -> list[int]:
        return list(range(0, 11)) if self.localized.type == T.NPS else list(range(1, 6))

    @property
    def rows(self) -> list[tuple[int, str, object]]:
        """Matrix: (index, statement, chosen value)."""
        values = self.value if isinstance(self.value, list) else []
        return [
            (i, s, values[i] if i < len(values) else None)
            for i, s in enumerate(self.localized.statements)
        ]

    @property
    def picked(self) -> set:
        if isinstance(self.value, list):
            return set(self.value)
        return {self.value} if self.value is not None else set()


def form_questions(questionnaire: Questionnaire, language, values=None, errors=None):
    values = values or {}
    errors = errors or {}
    return [
        FormQuestion(
            localized=localize(q, language),
            value=values.get(str(q.pk)),
            error=errors.get(q.pk, ""),
        )
        for q in questionnaire.questions.all()
    ]


def submission_of(user, assignment) -> Submission | None:
    return Submission.objects.filter(enrollment__participant=user, assignment=assignment).first()


# ---------------------------------------------------------------------- completion


def completion_requirements(session, enrollment_ids) -> dict[int, tuple[str, ...]]:
    """What the evaluation still owes completion, per enrollment id: ``"evaluation"``
    (not submitted) and ``"post_check"`` (not passed). A requirement applies only when the
    session asks for it and has such a questionnaire. No query unless it asks: one."""
    kinds = []
    if session.completion_requires_evaluation:
        kinds.append(K.EVALUATION)
    if session.completion_requires_post_check:
        kinds.append(K.POST_CHECK)
    enrollment_ids = list(enrollment_ids)
    if not kinds or not enrollment_ids:
        return {}
    present = set(
        SessionQuestionnaire.objects.filter(
            session=session, questionnaire__kind__in=kinds
        ).values_list("questionnaire__kind", flat=True)
    )
    done = defaultdict(set)
    rows = Submission.objects.filter(
        assignment__session=session,
        assignment__questionnaire__kind__in=present,
        enrollment_id__in=enrollment_ids,
        submitted_at__isnull=False,
    ).values_list("enrollment_id", "assignment__questionnaire__kind", "passed")
    for enrollment_id, kind, passed in rows:
        if kind == K.EVALUATION or passed:
            done[enrollment_id].add(kind)
    return {
        pk: tuple(k for k in kinds if k in present and k not in done[pk]) for pk in enrollment_ids
    }


# ---------------------------------------------------------------------- reports


@dataclass
class Distribution:
    question: Question
    labels: list[str]
    counts: list[int]
    #: Matrix: one (statement, counts, mean) per statement.
    statements: list[tuple[str, list[int], float | None]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    mean: float | None = None
    answered: int = 0

    @property
    def rows(self):
        total = sum(self.counts) or 1
        return [
            (label, n, round(100 * n / total))
            for label, n in zip(self.labels, self.counts, strict=True)
        ]


@dataclass
class SessionEvaluation:
    assignment: SessionQuestionnaire
    roster: int
    submitted: int
    suppressed: bool
    questions: list[Distribution]

    @property
    def rate(self) -> int:
        return round(100 * self.submitted / self.roster) if self.roster else 0


def _scale_labels(question: Question) -> list[str]:
    if question.type == T.NPS:
        return [str(i) for i in range(11)]
    if question.type in (T.RATING, T.MATRIX):
        return [str(i) for i in range(1, 6)]
    return lines(question.choices)


def _offset(question: Question) -> int:
    return 1 if question.type in (T.RATING, T.MATRIX) else 0


def session_evaluation(session) -> list[SessionEvaluation]:
    """Each questionnaire of ``session`` with its response rate and, from 5 responses,
    each question's distribution, mean and free text. Five queries whatever the number
    of respondents (three when no questionnaire has 5 responses)."""
    assignments = list(
        SessionQuestionnaire.objects.filter(session=session)
        .select_related("questionnaire")
        .prefetch_related("questionnaire__questions")
        .annotate(submitted=Count("submissions", filter=Q(submissions__submitted_at__isnull=False)))
    )
    if not assignments:
        return []
    roster = Enrollment.objects.filter(session=session, status__in=ROSTER).count()
    counts = defaultdict(Counter)
    texts = defaultdict(list)
    shown = [a for a in assignments if a.submitted >= MIN_GROUP]
    if shown:
        responses = Response.objects.filter(assignment__in=shown).order_by()
        # Numbers are counted per question, statement and value by the database: one
        # row per bar of a chart, however many people answered.
        for assignment_id, question_id, statement, number, n in (
            responses.filter(number__isnull=False)
            .values_list("assignment_id", "question_id", "statement", "number")
            .annotate(n=Count("pk"))
        ):
            counts[(assignment_id, question_id, statement)][number] += n
        for assignment_id, question_id, text in (
            responses.exclude(text="")
            .values_list("assignment_id", "question_id", "text")
            .order_by("text")
        ):
            texts[(assignment_id, question_id)].append(text)
    result = []
    for a in assignments:
        suppressed = a.submitted < MIN_GROUP
        questions = []
        if not suppressed:
            for q in a.questionnaire.questions.all():
                questions.append(_distribution(a, q, counts, texts))
        result.append(
            SessionEvaluation(
                assignment=a,
                roster=roster,
                submitted=a.submitted,
                suppressed=suppressed,
                questions=questions,
            )
        )
    return result


def _mean(counter: Counter, offset=0) -> float | None:
    total = sum(counter.values())
    if not total:
        return None
    return round(sum(v * n for v, n in counter.items()) / total, 2)


def _distribution(a, q, counts, texts) -> Distribution:
    labels = _scale_labels(q)
    offset = _offset(q)
    if q.type == T.TEXT:
        found = texts.get((a.pk, q.pk), [])
        return Distribution(question=q, labels=[], counts=[], texts=found, answered=len(found))
    if q.type == T.MATRIX:
        statements = []
        for i, statement in enumerate(lines(q.statements)):
            c = counts.get((a.pk, q.pk, i), Counter())
            statements.append(
                (statement, [c.get(v + offset, 0) for v in range(len(labels))], _mean(c))
            )
        means = [m for _s, _c, m in statements if m is not None]
        return Distribution(
            question=q,
            labels=labels,
            counts=[],
            statements=statements,
            mean=round(mean(means), 2) if means else None,
        )
    c = counts.get((a.pk, q.pk, None), Counter())
    dist = Distribution(
        question=q,
        labels=labels,
        counts=[c.get(v + offset, 0) for v in range(len(labels))],
        answered=sum(c.values()),
    )
    if q.type in (T.RATING, T.NPS):
        dist.mean = _mean(c)
    return dist


@dataclass
class Gain:
    pre_mean: float | None
    post_mean: float | None
    pairs: int
    mean_gain: float | None
    passed: int
    post_count: int


def session_gain(session) -> Gain:
    """Knowledge checks: mean scores before and after, and the mean gain of the people
    who took both (scored and tied to enrollments: not anonymous). One query."""
    rows = Submission.objects.filter(
        assignment__session=session,
        assignment__questionnaire__kind__in=[K.PRE_CHECK, K.POST_CHECK],
        submitted_at__isnull=False,
        score__isnull=False,
    ).values_list("enrollment_id", "assignment__questionnaire__kind", "score", "passed")
    pre, post = {}, {}
    passed = 0
    for enrollment_id, kind, score, ok in rows:
        (pre if kind == K.PRE_CHECK else post)[enrollment_id] = score
        passed += bool(kind == K.POST_CHECK and ok)
    both = pre.keys() & post.keys()
    return Gain(
        pre_mean=round(mean(pre.values()), 1) if pre else None,
        post_mean=round(mean(post.values()), 1) if post else None,
        pairs=len(both),
        mean_gain=round(mean(post[k] - pre[k] for k in both), 1) if both else None,
        passed=passed,
        post_count=len(post),
    )
