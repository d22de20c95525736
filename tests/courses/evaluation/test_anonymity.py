"""Anonymity by schema: nothing leads from an answer to a person."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from courses.models import CourseSession, Enrollment, Questionnaire, Response, Submission
from participants.models import Organization, Participant

pytestmark = pytest.mark.django_db

PERSONAL = {get_user_model(), Enrollment, Submission, Participant, Organization}
# Shared, non-personal nodes where the walk stops: a session or a questionnaire is the
# same for everyone in it.
STOP = {CourseSession, Questionnaire}


def forward_targets(model):
    return {
        f.related_model
        for f in model._meta.get_fields()
        if f.is_relation and f.concrete and f.related_model is not None
    }


def test_no_foreign_key_path_from_a_response_to_a_person():
    seen, todo = set(), [Response]
    while todo:
        model = todo.pop()
        if model in seen or model in STOP:
            continue
        seen.add(model)
        targets = forward_targets(model)
        assert not targets & PERSONAL, (model, targets & PERSONAL)
        todo.extend(targets)


def test_response_columns_carry_no_person_and_no_moment():
    columns = {f.column for f in Response._meta.concrete_fields}
    assert columns == {
        "id",
        "assignment_id",
        "question_id",
        "statement",
        "number",
        "text",
        # Groups of five or more (see ``evaluation.services.respondent_groups``), as plain
        # values: no key to follow to an organization's people or to a person.
        "organization_kind",
        "organization",
        "gender",
    }
    groups = [Response._meta.get_field(n) for n in ("organization_kind", "organization", "gender")]
    assert all(f.get_internal_type() == "CharField" and not f.is_relation for f in groups)
    assert not any(
        f.get_internal_type() in ("DateTimeField", "DateField", "AutoField", "BigAutoField")
        for f in Response._meta.concrete_fields
    )


def test_no_model_points_at_a_response():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            assert not (field.is_relation and field.related_model is Response), model
