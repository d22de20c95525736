"""The participant's questionnaire page: read, save a draft, submit once.

Works without JavaScript; state changes only on POST; a questionnaire of a session the
person is not on the roster of answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.evaluation import answers, selectors, services
from participants.http import private_page


@private_page
@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_view(request, pk):
    assignment = selectors.assignment_for(request.user, pk)
    if assignment is None:
        raise Http404
    language = get_language()
    submission = selectors.submission_of(request.user, assignment)
    values = submission.draft if submission else {}
    errors, message = {}, ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "draft":
                services.save_draft(assignment=assignment, user=request.user, data=request.POST)
                messages.success(request, _("Your draft is saved. Come back to finish it."))
                return redirect("evaluation_questionnaire", pk=assignment.pk)
            services.submit(assignment=assignment, user=request.user, data=request.POST)
        except services.EvaluationError as error:
            errors, message = error.errors, error.message
            status = 400
            values = _posted_values(assignment, request.POST)
        else:
            messages.success(request, _("Thank you: your answers are submitted."))
            return redirect("my_learning")
        submission = selectors.submission_of(request.user, assignment)
    questionnaire = assignment.questionnaire
    return render(
        request,
        "courses/evaluation/questionnaire.html",
        {
            "assignment": assignment,
            "session": assignment.session,
            "questionnaire": questionnaire,
            "title": selectors.title_of(questionnaire, language),
            "intro": selectors.intro_of(questionnaire, language),
            "questions": selectors.form_questions(questionnaire, language, values, errors),
            "submission": submission,
            "submitted": bool(submission and submission.submitted_at),
            "is_open": assignment.is_open(),
            "now": timezone.now(),
            "message": message,
            "form_error": errors.get(0, ""),
        },
        status=status,
    )


def _posted_values(assignment, data) -> dict:
    """What the person typed, shown back with the errors (checked loosely: display only)."""
    checked = answers.check(list(assignment.questionnaire.questions.all()), data, complete=False)
    return checked.answers
