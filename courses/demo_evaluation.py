"""Demo evaluations: the finished sessions carry the standard evaluation, a knowledge
check before and after, and answers a real cohort might give, all made through the
services the site uses. Kept apart from ``demo.py`` (called once the sessions and
certificates are seeded). Safe to rerun: a session with questionnaires is left alone."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from courses.evaluation.services import EvaluationError, attach, copy_questionnaire, submit
from courses.models import ROSTER, CourseSession, Enrollment, Question, Questionnaire

COMMENTS = [
    "The simulation of a ceasefire negotiation was the most useful part.",
    "More time for the case studies, please.",
    "Meeting colleagues from other regional organizations was invaluable.",
    "The module on gender and inclusion in mediation changed how I plan dialogues.",
    "Some slides were too dense; the trainers' examples were excellent.",
    "I will use the conflict analysis tools in my next assessment mission.",
]


def demo_check(kind: str) -> Questionnaire:
    title = {"pre_check": "Mediation basics: before", "post_check": "Mediation basics: after"}[kind]
    check, made = Questionnaire.objects.get_or_create(
        title=title, kind=kind, defaults={"anonymous": False, "pass_mark": 60, "minutes": 5}
    )
    if made:
        rows = [
            (
                "Which comes first in a mediation process?",
                "single",
                "Conflict analysis\nSigning an agreement\nMonitoring",
                "Conflict analysis",
            ),
            (
                "Who owns the outcome of a mediation?",
                "single",
                "The parties\nThe mediator\nThe donors",
                "The parties",
            ),
            (
                "Which are principles of mediation (UN Guidance)?",
                "multiple",
                "Consent\nImpartiality\nSecrecy from the parties",
                "Consent\nImpartiality",
            ),
            (
                "What does an entry point mean?",
                "single",
                "An opening for dialogue\nA border crossing\nA budget line",
                "An opening for dialogue",
            ),
            (
                "Which help inclusivity?",
                "multiple",
                "Consulting women's groups\nClosed-door talks only\nCivil society tracks",
                "Consulting women's groups\nCivil society tracks",
            ),
        ]
        Question.objects.bulk_create(
            Question(questionnaire=check, sort_order=i, text=t, type=ty, choices=c, correct=ok)
            for i, (t, ty, c, ok) in enumerate(rows)
        )
    return check


def _answers(assignment, rng, skill: float) -> dict:
    data = {}
    for q in assignment.questionnaire.questions.all():
        key = f"q{q.pk}"
        choices = [c for c in q.choices.splitlines() if c.strip()]
        correct = {i for i, c in enumerate(choices) if c in q.correct.splitlines()}
        if q.type == "matrix":
            for i, _s in enumerate(q.statements.splitlines()):
                data[f"{key}_{i}"] = [str(rng.choices([2, 3, 4, 5], [1, 3, 8, 6])[0])]
        elif q.type == "rating":
            data[key] = [str(rng.choices([2, 3, 4, 5], [1, 2, 8, 7])[0])]
        elif q.type == "nps":
            data[key] = [str(rng.choices(range(4, 11), [1, 1, 2, 4, 6, 5, 4])[0])]
        elif q.type == "text":
            if rng.random() < 0.6:
                data[key] = [rng.choice(COMMENTS)]
        elif q.type == "single":
            right = rng.random() < skill
            pick = next(iter(correct)) if right and correct else rng.randrange(len(choices))
            data[key] = [str(pick)]
        elif q.type == "multiple":
            picked = correct if rng.random() < skill else {rng.randrange(len(choices))}
            data[key] = [str(i) for i in sorted(picked)]
    return data


def seed_evaluations(*, seed: int = 16) -> int:
    """Questionnaires and answers for every finished session; returns how many
    submissions were made."""
    rng = random.Random(seed)
    today = timezone.localdate()
    standard = Questionnaire.objects.get(is_standard=True, kind="evaluation")
    made = 0
    finished = CourseSession.objects.filter(ends_on__lt=today).exclude(
        status__in=[CourseSession.Status.CANCELLED, CourseSession.Status.DRAFT]
    )
    for session in finished:
        if session.questionnaires.exists():
            continue
        start = datetime.datetime.combine(session.starts_on, datetime.time(6), datetime.UTC)
        end = datetime.datetime.combine(session.ends_on, datetime.time(15), datetime.UTC)
        week = datetime.timedelta(days=7)
        evaluation = attach(
            session=session,
            questionnaire=copy_questionnaire(questionnaire=standard, title=standard.title),
            opens_at=end - datetime.timedelta(hours=3),
            closes_at=end + 2 * week,
        )
        pre = attach(
            session=session,
            questionnaire=demo_check("pre_check"),
            opens_at=start - week,
            closes_at=start,
        )
        post = attach(
            session=session,
            questionnaire=demo_check("post_check"),
            opens_at=end - datetime.timedelta(hours=3),
            closes_at=end + 2 * week,
        )
        for enrollment in Enrollment.objects.filter(
            session=session, status__in=ROSTER
        ).select_related("participant"):
            user = enrollment.participant
            skill = rng.uniform(0.3, 0.6)
            for assignment, share, gain in (
                (pre, 0.9, 0),
                (post, 0.85, 0.35),
                (evaluation, 0.8, 0),
            ):
                if rng.random() > share:
                    continue
                try:
                    submit(
                        assignment=assignment,
                        user=user,
                        data=_answers(assignment, rng, min(0.95, skill + gain)),
                        now=assignment.opens_at + datetime.timedelta(hours=rng.randint(1, 48)),
                    )
                except EvaluationError:
                    continue
                made += 1
    return made
