"""Reading, checking and scoring the answers to a questionnaire (pure functions).

Answers are kept as ``{"<question id>": value}``: an int for ratings (1 to 5), 0 to 10 and
single choice (the choice's index), a list of indexes for multiple choice, a string
for free text, and a list (one rating or None per statement) for a matrix. Form fields
are ``q<id>`` and, for a matrix, ``q<id>_<statement index>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from courses.models import Question
from courses.translated import fits, texts_in

T = Question.Type
FIELD = re.compile(r"^q(\d+)(?:_(\d+))?$")
TEXT_LIMIT = 4000
RANGES = {T.RATING: (1, 5), T.MATRIX: (1, 5), T.NPS: (0, 10)}


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass
class Localized:
    """A question as a participant reads it, in their language when it is translated."""

    question: Question
    text: str
    choices: list[str]
    statements: list[str]
    low_label: str
    high_label: str

    @property
    def id(self) -> int:
        return self.question.pk

    @property
    def type(self) -> str:
        return self.question.type


def localize(question: Question, language: str | None) -> Localized:
    own = {
        "text": question.text,
        "choices": lines(question.choices),
        "statements": lines(question.statements),
        "low_label": question.low_label,
        "high_label": question.high_label,
    }
    for key, value in texts_in(question.translations, language).items():
        if key in own and fits(own[key], value):
            own[key] = value
    return Localized(question=question, **own)


@dataclass
class Checked:
    answers: dict = field(default_factory=dict)
    #: Field errors by question id (0: about the form as a whole).
    errors: dict[int, str] = field(default_factory=dict)


def _int(raw: str) -> int | None:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return None


def check(questions: list[Question], data, *, complete: bool) -> Checked:
    """Read ``data`` (a QueryDict or a dict of lists) against ``questions``.

    Every value given is checked (range, known choice, length); unknown question ids
    are refused. ``complete`` also requires an answer to each required question (a
    submission; a draft may be partial)."""
    by_id = {q.pk: q for q in questions}
    result = Checked()
    getlist = data.getlist if hasattr(data, "getlist") else lambda key: data.get(key, [])
    for key in data:
        match = FIELD.match(key)
        if key.startswith("q") and (not match or int(match.group(1)) not in by_id):
            result.errors[0] = _("The form holds an answer to a question that is not in it.")
            return result
    for question in questions:
        key = f"q{question.pk}"
        error = None
        value = None
        if question.type == T.MATRIX:
            statements = lines(question.statements)
            low, high = RANGES[T.MATRIX]
            row = []
            for index in range(len(statements)):
                raw = (getlist(f"{key}_{index}") or [""])[-1]
                number = _int(raw) if raw != "" else None
                if raw != "" and (number is None or not low <= number <= high):
                    error = _("Choose a value from %(low)d to %(high)d.") % {
                        "low": low,
                        "high": high,
                    }
                row.append(number)
            for extra in data:
                m = FIELD.match(extra)
                if (
                    m
                    and m.group(2) is not None
                    and int(m.group(1)) == question.pk
                    and int(m.group(2)) >= len(statements)
                ):
                    error = _("The form holds an answer to a question that is not in it.")
            if any(v is not None for v in row):
                value = row
                if complete and question.required and None in row and not error:
                    error = _("Rate every statement.")
        elif question.type == T.MULTIPLE:
            raws = [r for r in getlist(key) if r != ""]
            count = len(lines(question.choices))
            picked = sorted({_int(r) for r in raws}, key=lambda v: (v is None, v or 0))
            if any(p is None or not 0 <= p < count for p in picked):
                error = _("Choose among the choices given.")
            elif picked:
                value = picked
        else:
            raws = getlist(key)
            raw = (raws[-1] if raws else "") or ""
            if question.type == T.TEXT:
                raw = raw.strip()
                if len(raw) > TEXT_LIMIT:
                    error = _("Keep your answer under %(n)d characters.") % {"n": TEXT_LIMIT}
                elif raw:
                    value = raw
            elif raw != "":
                number = _int(raw)
                if question.type == T.SINGLE:
                    if number is None or not 0 <= number < len(lines(question.choices)):
                        error = _("Choose among the choices given.")
                else:
                    low, high = RANGES[question.type]
                    if number is None or not low <= number <= high:
                        error = _("Choose a value from %(low)d to %(high)d.") % {
                            "low": low,
                            "high": high,
                        }
                if error is None:
                    value = number
        if error:
            result.errors[question.pk] = error
        elif value is not None:
            result.answers[str(question.pk)] = value
        elif complete and question.required:
            result.errors[question.pk] = _("This question needs an answer.")
    return result


def correct_indexes(question: Question) -> set[int]:
    wanted = set(lines(question.correct))
    return {i for i, choice in enumerate(lines(question.choices)) if choice in wanted}


def score(questions: list[Question], answers: dict) -> int | None:
    """Share of the graded questions (choice questions with correct answers) answered
    exactly right, in whole per cent; None when nothing is graded."""
    graded = [q for q in questions if q.type in (T.SINGLE, T.MULTIPLE) and correct_indexes(q)]
    if not graded:
        return None
    right = 0
    for question in graded:
        given = answers.get(str(question.pk))
        if given is None:
            continue
        given = {given} if isinstance(given, int) else set(given)
        right += given == correct_indexes(question)
    return round(100 * right / len(graded))
