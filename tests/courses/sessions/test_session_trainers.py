"""A session's trainers are among its course's assigned trainers: the session form says
so clearly, and the demo only makes a trainer teach the courses he is assigned to."""

import pytest
from django.forms.models import model_to_dict

from cms.models import CourseTrainer
from cms.services import assign_trainer
from courses.models import CourseSession
from courses.sessions.viewsets import CourseSessionForm
from tests.factories.courses import make_session
from tests.factories.users import make_trainer, make_user


def session_data(session, **changes):
    data = model_to_dict(session, fields=CourseSessionForm.Meta.fields)
    data["coordinators"] = [u.pk for u in data["coordinators"]]
    data["trainers"] = [u.pk for u in data["trainers"]]
    data["issuing_organizations"] = [o.pk for o in data["issuing_organizations"]]
    for key in ("enrollment_opens_at", "enrollment_closes_at"):
        data[key] = data[key].strftime("%Y-%m-%d %H:%M")
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_a_trainer_not_assigned_to_the_course_is_refused_with_a_clear_error(course):
    root = make_user("root", superuser=True)
    assigned, stranger = make_trainer("assigned-t"), make_trainer("stranger-t")
    stranger.first_name, stranger.last_name = "Sam", "Stranger"
    stranger.save()
    assign_trainer(course=course, user=assigned, assigned_by=root)
    session = make_session(course)
    form = CourseSessionForm(
        data=session_data(session, trainers=[assigned.pk, stranger.pk]),
        instance=session,
        for_user=root,
    )
    assert not form.is_valid()
    (error,) = form.errors["trainers"]
    assert "Sam Stranger is not assigned to the course “Mediation process design”" in error
    assert "Course trainers" in error
    assert not session.trainers.exists()


@pytest.mark.django_db
def test_the_course_s_assigned_trainers_are_accepted(course):
    root = make_user("root", superuser=True)
    assigned = make_trainer("assigned-t")
    assign_trainer(course=course, user=assigned, assigned_by=root)
    session = make_session(course)
    form = CourseSessionForm(
        data=session_data(session, trainers=[assigned.pk]), instance=session, for_user=root
    )
    assert form.is_valid(), form.errors
    form.save()
    assert list(session.trainers.all()) == [assigned]


@pytest.mark.django_db  # sorted with the database tests, before any flushing one
def test_after_seed_demo_every_session_trainer_is_assigned_to_the_course(demo_site):
    pairs = list(CourseSession.objects.values_list("course_id", "trainers"))
    taught = [(course, trainer) for course, trainer in pairs if trainer is not None]
    assert taught, "the demo has sessions with trainers"
    assigned = set(CourseTrainer.objects.values_list("course_id", "user_id"))
    assert [pair for pair in taught if pair not in assigned] == []
