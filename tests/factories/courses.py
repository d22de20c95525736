"""Sessions and participant profiles, built as coordinators and participants would."""

import datetime
import itertools

from django.utils import timezone

from courses.enrollment.services import enroll
from courses.models import CourseSession, Enrollment, Meeting
from participants.models import Organization, Participant
from tests.factories.users import make_participant

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
    user = make_participant(username)
    make_profile(user, acronym)
    enroll(participant=user, session=make_session(course, capacity=50))
    return user


def make_meetings(session, n, *, first=None, hours=3):
    """``n`` meetings of ``session``, one a day from ``first`` (default: ``n`` days ago),
    untitled as generated ones are (their label is "Day 1", "Day 2"…)."""
    first = first or timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(
        days=n
    )
    return Meeting.objects.bulk_create(
        Meeting(
            session=session,
            starts_at=first + datetime.timedelta(days=i),
            ends_at=first + datetime.timedelta(days=i, hours=hours),
        )
        for i in range(n)
    )


def make_cohort(session, n, *, acronym="DPPA", prefix="p", status="confirmed"):
    """``n`` participants with a profile, each holding a confirmed place in ``session``
    (made directly, as the seat rules are not what these tests are about)."""
    organization = Organization.objects.get(acronym=acronym)
    enrollments = []
    for i in range(n):
        user = make_participant(f"{prefix}{session.pk}-{i}")
        user.first_name, user.last_name = f"{prefix.upper()}{i:03d}", acronym.title()
        user.save(update_fields=["first_name", "last_name"])
        make_profile(user, acronym)
        enrollments.append(
            Enrollment(
                session=session,
                participant=user,
                organization=organization,
                status=status,
                decided_at=timezone.now(),
            )
        )
    return Enrollment.objects.bulk_create(enrollments)


def make_running_session(course, *, people=3, meetings=3, coordinators=(), trainers=(), **extra):
    """A session under way: its meetings already started, ``people`` confirmed in it."""
    today = timezone.localdate()
    session = make_session(
        course,
        status=extra.pop("status", "in_progress"),
        starts_on=extra.pop("starts_on", today - datetime.timedelta(days=meetings)),
        ends_on=extra.pop("ends_on", today),
        enrollment_opens_at=timezone.now() - datetime.timedelta(days=60),
        enrollment_closes_at=timezone.now() - datetime.timedelta(days=30),
        coordinators=coordinators,
        capacity=max(people, 1) + 5,
        **extra,
    )
    session.trainers.set(trainers)
    make_meetings(session, meetings)
    make_cohort(session, people)
    return session


def session_form(session, **changes):
    """The session admin form's data for ``session`` as it is, with ``changes``."""
    local = timezone.localtime
    data = {
        "course": session.course_id,
        "code": session.code,
        "starts_on": session.starts_on.isoformat(),
        "ends_on": session.ends_on.isoformat(),
        "timezone": session.timezone,
        "city": session.city,
        "country": str(session.country),
        "language": session.language,
        "capacity": session.capacity,
        "enrollment_opens_at": local(session.enrollment_opens_at).strftime("%Y-%m-%d %H:%M"),
        "enrollment_closes_at": local(session.enrollment_closes_at).strftime("%Y-%m-%d %H:%M"),
        "policy": session.policy,
        "status": session.status,
        "coordinators": [u.pk for u in session.coordinators.all()],
        "trainers": [],
        "min_attendance_percent": session.min_attendance_percent,
        "excused_absences": session.excused_absences,
        "min_modules_opened": session.min_modules_opened,
        "late_after_minutes": session.late_after_minutes,
    }
    data.update(changes)
    return data
