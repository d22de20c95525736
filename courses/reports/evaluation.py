"""The evaluation's part of the reports: a session's response rate, each question's
distribution as a chart beside its table, the mean per statement, free text and the
knowledge checks' gain; across sessions, satisfaction and gain by group.

Suppression: a questionnaire with fewer than ``MIN_GROUP`` responses shows its
response rate only, and a cross-session group of fewer than ``MIN_GROUP`` people or
responses shows no figure; by organization, kind or gender, a session's responses
count in a group only when neither the group nor the rest of that session's
respondents is a group of 1 to 4 (``_satisfaction_by_respondent_group``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import mean

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.evaluation.selectors import (
    MIN_GROUP,
    Distribution,
    SessionEvaluation,
    session_evaluation,
    session_gain,
)
from courses.models import (
    ROSTER,
    Question,
    Questionnaire,
    Response,
    SessionQuestionnaire,
    Submission,
)
from courses.reports.charts import Bar, bar_chart
from participants.models import Organization, Participant

T = Question.Type
K = Questionnaire.Kind


@dataclass
class QuestionBlock:
    distribution: Distribution
    chart: str


@dataclass
class EvaluationSection:
    evaluation: SessionEvaluation
    blocks: list[QuestionBlock]


def _chart(prefix: str, distribution: Distribution) -> str:
    q = distribution.question
    if q.type == T.MATRIX:
        bars = [
            Bar(label=s, value=m or 0, text=f"{m:.2f}" if m is not None else "—")
            for s, _c, m in distribution.statements
        ]
        return bar_chart(
            chart_id=f"{prefix}-q{q.pk}",
            title=q.text,
            description=_("Mean rating per statement, from 1 to 5."),
            bars=bars,
            maximum=5,
        )
    total = sum(distribution.counts) or 1
    bars = [
        Bar(label=label, value=100 * n / total, text=f"{n} ({round(100 * n / total)} %)")
        for label, n in zip(distribution.labels, distribution.counts, strict=True)
    ]
    return bar_chart(
        chart_id=f"{prefix}-q{q.pk}",
        title=q.text,
        description=_("Share of the responses per answer."),
        bars=bars,
    )


def session_sections(session) -> list[EvaluationSection]:
    sections = []
    for evaluation in session_evaluation(session):
        prefix = f"eval-{evaluation.assignment.pk}"
        blocks = [
            QuestionBlock(
                distribution=d,
                chart="" if d.question.type == T.TEXT else _chart(prefix, d),
            )
            for d in evaluation.questions
        ]
        sections.append(EvaluationSection(evaluation=evaluation, blocks=blocks))
    return sections


def session_context(session) -> dict:
    return {"evaluation_sections": session_sections(session), "gain": session_gain(session)}


# ---------------------------------------------------------------------- across sessions

#: The groupings of the cross-session evaluation report. Satisfaction is anonymous: by
#: course and year it is grouped by what a session is; by organization, kind or gender,
#: by the groups copied onto each response at submission (``Response.organization`` …,
#: kept only for groups of five or more on the roster). Learning gain comes from the
#: scored checks, tied to enrollments, so it is grouped by person.
GROUPS = {
    "course": gettext_lazy("Course"),
    "year": gettext_lazy("Year"),
    "organization": gettext_lazy("Organization"),
    "kind": gettext_lazy("Kind of organization"),
    "gender": gettext_lazy("Gender"),
}
SESSION_GROUPS = ("course", "year")
#: Where a response keeps each respondent group.
RESPONSE_FIELDS = {"organization": "organization", "kind": "organization_kind", "gender": "gender"}


@dataclass
class Line:
    group: str
    respondents: int
    satisfaction: float | None
    agreeing: float | None
    people: int
    gain: float | None


@dataclass
class Ratings:
    """The 1-5 ratings of a group, summed up by the database: how many, their sum and
    how many of them are 4 or 5."""

    count: int = 0
    total: int = 0
    agreeing: int = 0

    def add(self, count: int, total: int, agreeing: int) -> None:
        self.count += count
        self.total += total
        self.agreeing += agreeing

    @property
    def mean(self) -> float | int:
        """As ``statistics.mean`` gives it: a whole number when the division is exact."""
        whole, rest = divmod(self.total, self.count)
        return self.total / self.count if rest else whole


#: One 1-5 rating per row: the rating and matrix questions of the evaluations.
RATED = Q(question__type__in=[T.RATING, T.MATRIX], number__isnull=False)


def _rating_sums(responses, *keys):
    """``responses`` grouped by ``keys``, each group as its count, sum and agreeing count:
    one query whose size is the number of groups, not of responses."""
    return (
        responses.filter(RATED)
        .values_list(*keys)
        .annotate(n=Count("pk"), total=Sum("number"), agree=Count("pk", filter=Q(number__gte=4)))
        .order_by()
    )


def _session_key_expression(grouping):
    if grouping == "course":
        return F("session__course__title")
    return ExtractYear("session__starts_on")


def cross_session(sessions, grouping: str) -> list[Line]:
    """Per group of ``sessions``: satisfaction (the mean of the evaluations' 1-5
    ratings and the share of ratings of 4 or 5, "agreeing") and the mean learning gain
    (post-check minus pre-check score of the people who took both). The ratings are
    summed up per questionnaire in the database, then per group here; four or five
    queries, whatever the number of sessions or responses."""
    session_ids = sessions.order_by().values("pk")
    satisfaction: dict[str, Ratings] = defaultdict(Ratings)
    respondents = defaultdict(int)
    evaluations = SessionQuestionnaire.objects.filter(
        session_id__in=session_ids, questionnaire__kind=K.EVALUATION
    )
    if grouping in SESSION_GROUPS:
        # The group of each evaluation (a session's course or year), then the responses
        # counted per evaluation: the large table is read by its own key, not joined to
        # the sessions and pages.
        group_of_assignment = {
            pk: str(key)
            for pk, key in evaluations.annotate(group=_session_key_expression(grouping))
            .values_list("pk", "group")
            .order_by()
        }
        ratings = _rating_sums(
            Response.objects.filter(assignment_id__in=list(group_of_assignment)),
            "assignment_id",
        )
        for assignment_id, n, total, agree in ratings:
            satisfaction[group_of_assignment[assignment_id]].add(n, total, agree)
        submitted = (
            Submission.objects.filter(
                assignment_id__in=list(group_of_assignment), submitted_at__isnull=False
            )
            .values_list("assignment_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for assignment_id, n in submitted:
            respondents[group_of_assignment[assignment_id]] += n
    pre, post, group_of = {}, {}, {}
    checks = Submission.objects.filter(
        Q(assignment__questionnaire__kind=K.PRE_CHECK)
        | Q(assignment__questionnaire__kind=K.POST_CHECK),
        assignment__session_id__in=session_ids,
        submitted_at__isnull=False,
        score__isnull=False,
        enrollment__status__in=ROSTER,
    ).values_list(
        "enrollment_id",
        "assignment__questionnaire__kind",
        "score",
        "enrollment__session__course__title",
        "enrollment__session__starts_on",
        "enrollment__organization__acronym",
        "enrollment__organization__kind",
        "enrollment__participant__participant__gender",
    )
    if grouping in RESPONSE_FIELDS:
        satisfaction, respondents = _satisfaction_by_respondent_group(session_ids, grouping)
    for eid, kind, score, title, starts, acronym, org_kind, gender in checks.iterator(
        chunk_size=5000
    ):
        (pre if kind == K.PRE_CHECK else post)[eid] = score
        group_of[eid] = {
            "course": title,
            "year": str(starts.year),
            "organization": acronym,
            "kind": org_kind,
            "gender": gender or _("Not given"),
        }[grouping]
    gains = defaultdict(list)
    for eid in pre.keys() & post.keys():
        gains[group_of[eid]].append(post[eid] - pre[eid])
    labels = _labels(grouping)
    lines = []
    for key in sorted(set(satisfaction) | set(gains), key=lambda k: str(labels.get(k, k))):
        ratings = satisfaction.get(key) or Ratings()
        shown = respondents.get(key, 0) >= MIN_GROUP and ratings.count
        people = gains.get(key, [])
        lines.append(
            Line(
                group=str(labels.get(key, key)),
                respondents=respondents.get(key, 0),
                satisfaction=round(ratings.mean, 2) if shown else None,
                agreeing=round(100 * ratings.agreeing / ratings.count, 1) if shown else None,
                people=len(people),
                gain=round(mean(people), 1) if len(people) >= MIN_GROUP else None,
            )
        )
    return lines


def _labels(grouping: str) -> dict:
    if grouping == "kind":
        return dict(Organization.Kind.choices)
    if grouping == "gender":
        return dict(Participant.Gender.choices)
    return {}


def _satisfaction_by_respondent_group(session_ids, grouping: str):
    """Ratings and respondents per organization, kind or gender, from the groups copied
    onto the anonymous responses. A session's responses count in a group only when the
    group has at least ``MIN_GROUP`` respondents in it AND the rest of the session's
    respondents are none or ``MIN_GROUP`` or more: a figure for "everyone but this
    group" of 1 to 4 people, subtracted from the session's own, would tell theirs.
    Responses whose group was not kept (blank) count towards the rest only. Three
    queries."""
    field = RESPONSE_FIELDS[grouping]
    evaluations = Response.objects.filter(
        assignment_id__in=SessionQuestionnaire.objects.filter(
            session_id__in=session_ids, questionnaire__kind=K.EVALUATION
        ).values("pk"),
    )
    # Respondents of a group in a questionnaire: answers to its most answered question
    # that takes one answer per person (a matrix through its first statement).
    per_question = (
        evaluations.filter(
            Q(question__type__in=[T.RATING, T.NPS, T.SINGLE])
            | Q(question__type=T.MATRIX, statement=0)
        )
        .values_list("assignment_id", field, "question_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    in_group: dict[tuple[int, str], int] = defaultdict(int)
    for assignment_id, group, _question, n in per_question:
        in_group[(assignment_id, group)] = max(in_group[(assignment_id, group)], n)
    totals = dict(
        Submission.objects.filter(
            assignment_id__in={a for a, _g in in_group}, submitted_at__isnull=False
        )
        .values_list("assignment_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counted = {
        (a, g)
        for (a, g), n in in_group.items()
        if g and n >= MIN_GROUP and (totals.get(a, n) - n == 0 or totals.get(a, n) - n >= MIN_GROUP)
    }
    respondents = defaultdict(int)
    for a, g in counted:
        respondents[g] += in_group[(a, g)]
    satisfaction: dict[str, Ratings] = defaultdict(Ratings)
    for assignment_id, group, n, total, agree in _rating_sums(evaluations, "assignment_id", field):
        if (assignment_id, group) in counted:
            satisfaction[group].add(n, total, agree)
    return satisfaction, respondents
