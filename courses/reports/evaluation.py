"""The evaluation's part of the reports: a session's response rate, each question's
distribution as a chart beside its table, the mean per statement, free text and the
knowledge checks' gain; across sessions, satisfaction and gain by group.

Suppression: a questionnaire with fewer than ``MIN_GROUP`` responses shows its
response rate only, and a cross-session group of fewer than ``MIN_GROUP`` people or
responses shows no figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import mean

from django.db.models import Q
from django.utils.translation import gettext as _

from courses.evaluation.selectors import (
    MIN_GROUP,
    Distribution,
    SessionEvaluation,
    session_evaluation,
    session_gain,
)
from courses.models import ROSTER, Question, Questionnaire, Response, Submission
from courses.reports.charts import Bar, bar_chart

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

#: The groupings of the cross-session evaluation report. Satisfaction is anonymous, so
#: it is grouped only by what a session is (course, year); learning gain comes from the
#: scored checks, tied to enrollments, so it is grouped by person too.
GROUPS = {
    "course": _("Course"),
    "year": _("Year"),
    "organization": _("Organization"),
    "kind": _("Kind of organization"),
    "gender": _("Gender"),
}
SESSION_GROUPS = ("course", "year")


@dataclass
class Line:
    group: str
    respondents: int
    satisfaction: float | None
    agreeing: float | None
    people: int
    gain: float | None


def _session_key(grouping, session):
    if grouping == "course":
        return session["session__course__title"]
    return str(session["session__starts_on"].year)


def cross_session(sessions, grouping: str) -> list[Line]:
    """Per group of ``sessions``: satisfaction (the mean of the evaluations' 1-5
    ratings and the share of ratings of 4 or 5, "agreeing") and the mean learning gain
    (post-check minus pre-check score of the people who took both). Three queries."""
    session_ids = list(sessions.values_list("pk", flat=True))
    satisfaction = defaultdict(list)
    respondents = defaultdict(int)
    if grouping in SESSION_GROUPS:
        ratings = (
            Response.objects.filter(
                assignment__session_id__in=session_ids,
                assignment__questionnaire__kind=K.EVALUATION,
                question__type__in=[T.RATING, T.MATRIX],
                number__isnull=False,
            )
            .values(
                "assignment__session__course__title", "assignment__session__starts_on", "number"
            )
            .order_by()
        )
        for row in ratings.iterator(chunk_size=5000):
            key = _session_key(
                grouping,
                {
                    "session__course__title": row["assignment__session__course__title"],
                    "session__starts_on": row["assignment__session__starts_on"],
                },
            )
            satisfaction[key].append(row["number"])
        for row in (
            Submission.objects.filter(
                assignment__session_id__in=session_ids,
                assignment__questionnaire__kind=K.EVALUATION,
                submitted_at__isnull=False,
            )
            .values("assignment__session__course__title", "assignment__session__starts_on")
            .order_by()
        ):
            key = _session_key(
                grouping,
                {
                    "session__course__title": row["assignment__session__course__title"],
                    "session__starts_on": row["assignment__session__starts_on"],
                },
            )
            respondents[key] += 1
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
    lines = []
    for key in sorted(set(satisfaction) | set(gains), key=str):
        ratings = satisfaction.get(key, [])
        enough = respondents.get(key, 0) >= MIN_GROUP
        people = gains.get(key, [])
        lines.append(
            Line(
                group=str(key),
                respondents=respondents.get(key, 0),
                satisfaction=round(mean(ratings), 2) if enough and ratings else None,
                agreeing=round(100 * sum(r >= 4 for r in ratings) / len(ratings), 1)
                if enough and ratings
                else None,
                people=len(people),
                gain=round(mean(people), 1) if len(people) >= MIN_GROUP else None,
            )
        )
    return lines
