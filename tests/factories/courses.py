"""Sessions and participant profiles, built as coordinators and participants would."""

import datetime
import itertools

from django.utils import timezone

from courses.models import CourseSession
from participants.models import Organization, Participant

_seq = itertools.count(1)


def make_session(course, *, capacity=20, policy="open", status="open", coordinators=(), **extra):
    now = timezone.now()
    n = next(_seq)
    start = (now + datetime.timedelta(days=30)).date()
    session = CourseSession.objects.create(
        course=course,
        code=extra.pop("code", f"session-{n}"),
        starts_on=extra.pop("starts_on", start),
        ends_on=extra.pop("ends_on", start + datetime.timedelta(days=4)),
        city=extra.pop("city", "Nairobi"),
        country=extra.pop("country", "KE"),
        language=extra.pop("language", "en"),
        capacity=capacity,
        policy=policy,
        status=status,
        enrollment_opens_at=extra.pop("enrollment_opens_at", now - datetime.timedelta(days=1)),
        enrollment_closes_at=extra.pop("enrollment_closes_at", now + datetime.timedelta(days=20)),
        **extra,
    )
    session.coordinators.set(coordinators)
    return session


def make_profile(user, acronym="DPPA", **extra):
    return Participant.objects.create(
        user=user,
        organization=Organization.objects.get(acronym=acronym),
        job_title=extra.pop("job_title", "Political affairs officer"),
        duty_station=extra.pop("duty_station", "KE"),
        **extra,
    )


def make_learner(course, username="learner", acronym="DPPA"):
    """A participant with a confirmed place in a session of ``course``: may read its modules."""
    from courses.services import enroll
    from tests.factories.users import make_participant

    user = make_participant(username)
    make_profile(user, acronym)
    enroll(participant=user, session=make_session(course, capacity=50))
    return user
