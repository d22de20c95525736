"""My learning's questionnaires section (its own include, so my_learning.html only
gains one line)."""

from collections import defaultdict

from django import template
from django.utils.translation import get_language

from courses.evaluation import selectors

register = template.Library()


@register.inclusion_tag("courses/evaluation/my_questionnaires.html", takes_context=True)
def my_questionnaires(context):
    """Open questionnaires first, then what the person submitted, with check scores and
    the gain from the check before the course to the one after."""
    user = context["request"].user
    items = selectors.assigned_to(user, get_language())
    scores = defaultdict(dict)
    for item in items:
        if item.submitted and item.submission.score is not None:
            scores[item.enrollment.session_id][item.kind] = item.submission.score
    for item in items:
        mine = scores[item.enrollment.session_id]
        item.gain = (
            mine["post_check"] - mine["pre_check"]
            if item.kind == "post_check" and {"pre_check", "post_check"} <= mine.keys()
            else None
        )
    return {
        "open_items": [i for i in items if i.is_open and not i.submitted],
        "done_items": [i for i in items if i.submitted],
    }
