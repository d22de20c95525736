"""People who completed a session, with their attendance, ready for certificates."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.roles import PARTICIPANTS
from courses.models import Attendance, Enrollment, Meeting
from participants.models import Organization, Participant
from tests.factories.users import PASSWORD

_seq = itertools.count(1)


def make_meetings(session, *, days=2, hours=7):
    """``days`` sittings of ``hours`` hours each, on the session's first days."""
    meetings = []
    for day in range(days):
        starts = datetime.datetime.combine(
            session.starts_on + datetime.timedelta(days=day), datetime.time(9), tzinfo=datetime.UTC
        )
        meetings.append(
            Meeting.objects.create(
                session=session,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=hours),
            )
        )
    return meetings


def make_completers(session, count=1, *, names=None, acronym="AUC", attended=None):
    """``count`` participants who attended every sitting (or ``attended`` of them) and
    completed ``session``. Built with bulk inserts: a session of 200 takes a second."""
    User = get_user_model()
    meetings = list(session.meetings.all()) or make_meetings(session)
    attended = meetings if attended is None else meetings[:attended]
    organization = Organization.objects.get(acronym=acronym)
    names = list(names or [])
    password = make_password(PASSWORD)  # hashed once for the whole batch
    users = []
    for index in range(count):
        n = next(_seq)
        first, last = names[index] if index < len(names) else (f"Person{n}", f"Completer{n}")
        users.append(
            User(
                username=f"completer{n}",
                email=f"completer{n}@example.org",
                first_name=first,
                last_name=last,
                password=password,
            )
        )
    users = User.objects.bulk_create(users)
    group = Group.objects.get(name=PARTICIPANTS)
    group.user_set.add(*users)
    Participant.objects.bulk_create(
        Participant(
            user=user, organization=organization, job_title="Mediation officer", duty_station="ET"
        )
        for user in users
    )
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            session=session,
            participant=user,
            organization=organization,
            status=Enrollment.Status.COMPLETED,
            requested_at=now,
            decided_at=now,
        )
        for user in users
    )
    Attendance.objects.bulk_create(
        Attendance(enrollment=enrollment, meeting=meeting, status=Attendance.Status.PRESENT)
        for enrollment in enrollments
        for meeting in attended
    )
    return enrollments
