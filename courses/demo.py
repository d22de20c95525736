"""Demo sessions and cohorts, built through the services the site uses. Safe to rerun."""

from __future__ import annotations

import datetime
import random
import zoneinfo
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from cms.demo.bulk import allocate_ids, copy_rows
from cms.models import CoursePage, CourseTrainer, ModulePage
from cms.roles import PARTICIPANTS
from courses.attendance.services import (
    CellChange,
    evaluate_completion,
    mark_all_present,
    override_completion,
    record_attendance,
)
from courses.certificates.services import (
    issue_certificates,
    process_certificate,
    reissue_certificate,
)
from courses.enrollment import invitations
from courses.enrollment.services import decide, enroll, withdraw
from courses.messaging.services import send_cohort_message
from courses.sessions.services import bump_calendar, cancel_session
from participants.models import FocalPoint, Organization, Participant

from . import mailer
from .models import (
    Attendance,
    Certificate,
    CohortMessage,
    CourseSession,
    Enrollment,
    Meeting,
    ModuleVisit,
    SeatQuota,
    SessionSignatory,
)


@dataclass(frozen=True)
class Place:
    """Where an in-person session meets, and the time zone its sittings are set in."""

    city: str
    country: str
    timezone: str


ADDIS_ABABA = Place("Addis Ababa", "ET", "Africa/Addis_Ababa")
ACCRA = Place("Accra", "GH", "Africa/Accra")
DAKAR = Place("Dakar", "SN", "Africa/Dakar")
# Switzerland has one zone, named after Zurich (there is no "Europe/Geneva").
GENEVA = Place("Geneva", "CH", "Europe/Zurich")
NAIROBI = Place("Nairobi", "KE", "Africa/Nairobi")


@dataclass(frozen=True)
class DemoSession:
    """One demo session. In person at ``place`` (its code ends with the city), or online
    (``place`` None, code ``…-online``) from the host organization's ``timezone``.
    ``sittings`` working days (Monday to Friday, the first on or after ``start`` days
    from today), each from ``hours[0]`` to ``hours[1]`` local time; the sittings add up
    to no more than the course's stated hours (exactly them when the course is wholly
    in person or wholly online). ``story``: what the demo does with it after creating
    it (``cohort``: quotas, trainers and the cohort's requests; the others in
    ``_history`` and ``_attendance``). Venues and joining links can join this table."""

    code: str
    course: str
    start: int
    sittings: int
    hours: tuple[str, str]
    place: Place | None = None
    timezone: str = ""
    language: str = "en"
    seats: int = 20
    policy: str = "open"
    status: str = "open"
    quotas: dict = field(default_factory=dict)
    story: str = "cohort"
    signatories: tuple[tuple[str, str], ...] = ()

    @property
    def zone(self) -> str:
        return self.place.timezone if self.place else self.timezone


FULL_DAY = ("09:00", "16:00")  # seven hours of sittings; lunch is not counted

SESSIONS = [
    DemoSession(
        "mpd-2027-nairobi",
        "mediation-process-design",
        35,
        5,
        FULL_DAY,
        NAIROBI,
        seats=24,
        policy="approval",
        quotas={"un": 12, "regional": 12},
    ),
    DemoSession(
        "mpd-2027-dakar",
        "mediation-process-design",
        70,
        5,
        FULL_DAY,
        DAKAR,
        language="fr",
        seats=30,
    ),
    DemoSession(
        "gim-2027-addis",
        "gender-inclusive-mediation",
        50,
        4,
        FULL_DAY,
        ADDIS_ABABA,
        policy="nomination",
        quotas={"AUC": 6},
    ),
    DemoSession(
        "ewca-2027-online",
        "early-warning-and-conflict-analysis",
        21,
        10,
        ("14:00", "16:00"),
        timezone="Africa/Lagos",  # hosted with ECOWAS, Abuja
        seats=40,
    ),
    DemoSession(
        "pdp-2027-online",
        "preventive-diplomacy-in-practice",
        60,
        5,
        ("13:00", "17:00"),
        timezone="Europe/Vienna",  # hosted with the OSCE
        seats=18,
        quotas={"OSCE": 6},
    ),
    DemoSession(
        "auc-2027-addis",
        "supporting-au-policy-organs",
        90,
        4,
        FULL_DAY,
        ADDIS_ABABA,
        language="fr",
        seats=16,
        policy="approval",
    ),
    # By invitation only: invitations pending, accepted, declined (``_invite_demo_cohort``).
    DemoSession(
        "mpd-2027-geneva",
        "mediation-process-design",
        80,
        5,
        FULL_DAY,
        GENEVA,
        seats=20,
        policy="invitation",
    ),
    # Full: confirmed and waitlisted, then a withdrawal promotes the first in line.
    DemoSession(
        "dfn-2027-geneva",
        "dialogue-facilitation-and-negotiation-skills",
        40,
        5,
        FULL_DAY,
        GENEVA,
        seats=3,
        story="full",
    ),
    # Cancelled: its enrollments are cancelled and everyone is told.
    DemoSession(
        "pcr-2027-online",
        "partnering-under-chapter-viii",
        55,
        5,
        ("14:00", "17:00"),
        timezone="Europe/Brussels",
        story="cancelled",
    ),
    # Running, finished, closed and draft sessions.
    DemoSession(
        "ewca-2026-online",
        "early-warning-and-conflict-analysis",
        -2,
        10,
        ("09:00", "11:00"),
        timezone="America/New_York",  # hosted with DPPA, New York
        status="in_progress",
        story="history",
    ),
    DemoSession(
        "mpd-2026-addis",
        "mediation-process-design",
        -120,
        5,
        FULL_DAY,
        ADDIS_ABABA,
        status="completed",
        story="history",
        signatories=(
            ("Thandiwe Ndlovu", "Senior Mediation Adviser, DPPA"),
            ("Aïcha Mahamat", "Head, Mediation and Dialogue Division, AUC"),
        ),
    ),
    DemoSession(
        "eav-2027-accra",
        "electoral-assistance-and-prevention-of-electoral-violence",
        25,
        6,
        FULL_DAY,
        ACCRA,
        status="closed",
        story="history",
    ),
    DemoSession(
        "gim-2027-online",
        "gender-inclusive-mediation",
        100,
        8,
        ("09:00", "12:00"),
        timezone="Europe/Brussels",  # hosted with the EEAS
        status="draft",
        story="history",
    ),
    # Finished, evaluated, certified: the whole cohort and the demo participant.
    DemoSession(
        "pdp-2026-online",
        "preventive-diplomacy-in-practice",
        -60,
        5,
        ("09:00", "13:00"),
        timezone="Asia/Jakarta",  # hosted with ASEAN, Jakarta
        story="finished",
        signatories=(
            ("Thandiwe Ndlovu", "Senior Mediation Adviser, DPPA"),
            ("Katharina Berger", "Senior Adviser, Conflict Prevention Centre, OSCE"),
        ),
    ),
]
DEMO_SESSIONS = {spec.code: spec for spec in SESSIONS}


def working_days(first: datetime.date, count: int) -> list[datetime.date]:
    """``count`` days from Monday to Friday, the first on or after ``first``."""
    days = []
    day = first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


# username, first, last, organization, job title, duty station, language, gender
COHORT = [
    ("amina.diallo", "Amina", "Diallo", "AUC", "Political Affairs Officer", "ET", "fr", "woman"),
    ("kwame.asante", "Kwame", "Asante", "ECOWAS", "Early Warning Analyst", "NG", "en", "man"),
    ("lena.novak", "Lena", "Novak", "OSCE", "Conflict Prevention Officer", "AT", "en", "woman"),
    ("omar.haddad", "Omar", "Haddad", "LAS", "Mediation Adviser", "EG", "en", "man"),
    ("sofia.rojas", "Sofía", "Rojas", "OAS", "Electoral Observer", "US", "en", "woman"),
    ("nguyen.thi.lan", "Nguyễn Thị", "Lan", "ASEAN", "Programme Officer", "ID", "en", "woman"),
    ("james.otieno", "James", "Otieno", "IGAD", "Peace and Security Officer", "DJ", "en", "man"),
    ("marie.dubois", "Marie", "Dubois", "EEAS", "Mediation Support Officer", "BE", "fr", ""),
    ("ivan.petrov", "Ivan", "Petrov", "DPPA", "Political Affairs Officer", "US", "en", "man"),
    (
        "fatima.zahra",
        "Fatima",
        "Zahra",
        "UNDP",
        "Peace and Development Adviser",
        "MA",
        "fr",
        "woman",
    ),
    ("tariq.aziz", "Tariq", "Aziz", "DPO", "Civil Affairs Officer", "SS", "en", "undisclosed"),
    ("grace.mbeki", "Grace", "Mbeki", "SADC", "Mediation Unit Officer", "BW", "en", "woman"),
]
# A colleague of the AUC focal point with no enrollment yet: someone to nominate.
COLLEAGUES = [
    ("kofi.boateng", "Kofi", "Boateng", "AUC", "Mediation Support Officer", "ET", "en", "man"),
]
COHORT_PASSWORD = "concord-participant"  # noqa: S105 - documented demo password


def demo_user(username, password, first, last, *, groups=(), superuser=False):
    """The demo account ``username`` (made once, then left as it is) with a confirmed email."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            email=f"{username}@concord.example.org",
            first_name=first,
            last_name=last,
            is_superuser=superuser,
            is_staff=superuser,
        )
        user.set_password(password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=groups))
    verified_email(user)
    return user


def verified_email(user):
    """Demo addresses count as confirmed, so the logins work where confirmation is required."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def _profile(user, acronym, job_title, duty_station, language, gender):
    Participant.objects.get_or_create(
        user=user,
        defaults={
            "organization": Organization.objects.get(acronym=acronym),
            "job_title": job_title,
            "duty_station": duty_station,
            "preferred_language": language,
            "gender": gender,
        },
    )


@transaction.atomic
def seed_sessions(*, coordinator, trainers, participant, focal_point) -> int:
    """The demo's sessions, profiles, a focal point and a cohort awaiting decisions."""
    today = timezone.localdate()
    now = timezone.now()
    _profile(participant, "EEAS", "Mediation Support Officer", "BE", "fr", "man")
    _profile(focal_point, "AUC", "Political Affairs Officer", "ET", "en", "woman")
    _profile(coordinator, "UNITAR", "Training Coordinator", "CH", "en", "woman")
    for trainer, profile in zip(
        trainers,
        [
            ("DPPA", "Senior Mediation Adviser", "US", "en", "woman"),
            ("OAS", "Conflict Analysis Specialist", "US", "en", "man"),
        ],
        strict=False,
    ):
        if trainer:
            _profile(trainer, *profile)
    FocalPoint.objects.get_or_create(
        organization=Organization.objects.get(acronym="AUC"), user=focal_point
    )
    cohort = []
    for username, first, last, acronym, title, station, language, gender in COHORT + COLLEAGUES:
        user = demo_user(username, COHORT_PASSWORD, first, last, groups=[PARTICIPANTS])
        _profile(user, acronym, title, station, language, gender)
        if username in {row[0] for row in COHORT}:
            cohort.append(user)

    made = 0
    for spec in SESSIONS:
        if spec.story != "cohort":
            continue
        session = _create(
            spec,
            today=today,
            coordinator=coordinator,
            opens=now - datetime.timedelta(days=7),
            closes=now + datetime.timedelta(days=spec.start - 7),
        )
        if session is None:
            continue
        made += 1
        course = session.course
        # Only the trainers assigned to the course teach its sessions.
        assigned = set(
            CourseTrainer.objects.filter(course=course).values_list("user_id", flat=True)
        )
        session.trainers.add(*[t for t in trainers if t and t.pk in assigned])
        for who, number in spec.quotas.items():
            if who in Organization.Kind.values:
                SeatQuota.objects.create(session=session, organization_kind=who, seats=number)
            else:
                organization = Organization.objects.get(acronym=who)
                SeatQuota.objects.create(session=session, organization=organization, seats=number)
        _enroll_demo_cohort(session, cohort, participant, focal_point, coordinator)
    if made:
        _history(cohort, coordinator, now, today, participant=participant)
        _attendance(cohort, coordinator, participant, now, today)
    return made


def _create(spec: DemoSession, *, today, coordinator, opens, closes):
    """The session ``spec`` describes, open, with its sittings; None if it exists already
    or its course is not in the catalogue."""
    course = CoursePage.objects.filter(slug=spec.course).first()
    if course is None or CourseSession.objects.filter(code=spec.code).exists():
        return None
    days = working_days(today + datetime.timedelta(days=spec.start), spec.sittings)
    session = CourseSession.objects.create(
        course=course,
        code=spec.code,
        starts_on=days[0],
        ends_on=days[-1],
        is_online=spec.place is None,
        city=spec.place.city if spec.place else "",
        country=spec.place.country if spec.place else "",
        timezone=spec.zone,
        language=spec.language,
        capacity=spec.seats,
        policy=spec.policy,
        status=CourseSession.Status.OPEN,
        enrollment_opens_at=opens,
        enrollment_closes_at=closes,
    )
    session.coordinators.add(coordinator)
    _schedule(session, days, spec.hours)
    return session


def _schedule(session, days, hours):
    """One sitting on each of ``days``, at ``hours`` in the session's time zone (the
    service's own schedule would also sit at weekends)."""
    zone = zoneinfo.ZoneInfo(session.timezone)
    starts, ends = (datetime.time.fromisoformat(hour) for hour in hours)
    Meeting.objects.bulk_create(
        Meeting(
            session=session,
            starts_at=datetime.datetime.combine(day, starts, tzinfo=zone),
            ends_at=datetime.datetime.combine(day, ends, tzinfo=zone),
        )
        for day in days
    )


def _past_session(code, *, now, today, coordinator):
    """A session of the table whose enrollment was open until now (so the services
    accept the demo's enrollments), whatever its dates."""
    return _create(
        DEMO_SESSIONS[code],
        today=today,
        coordinator=coordinator,
        opens=now - datetime.timedelta(days=60),
        closes=now + datetime.timedelta(days=1),
    )


def _history(cohort, coordinator, now, today, *, participant):
    """Sessions in every state and enrollments in every status, made through the services."""
    statuses = Enrollment.Status
    common = {"now": now, "today": today, "coordinator": coordinator}
    # A full session: confirmed and waitlisted, then a withdrawal promotes the first in line.
    full = _past_session("dfn-2027-geneva", **common)
    if full:
        first, *_rest = [enroll(participant=u, session=full) for u in cohort[:6]]
        withdraw(enrollment=first, by=first.participant)
    # Decisions on requests: confirmed, rejected with a reason, waitlisted.
    nairobi = CourseSession.objects.filter(code="mpd-2027-nairobi").first()
    if nairobi:
        queue = list(nairobi.enrollments.filter(status=statuses.REQUESTED).order_by("pk"))
        for enrollment in queue[:4]:
            decide(enrollment=enrollment, decision=statuses.CONFIRMED, by=coordinator)
        if len(queue) > 5:
            decide(
                enrollment=queue[4],
                decision=statuses.REJECTED,
                by=coordinator,
                reason="This cohort is for staff who work on mediation support at least half time.",
            )
            decide(enrollment=queue[5], decision=statuses.WAITLISTED, by=coordinator)
    # A cancelled session: its enrollments are cancelled and everyone is told.
    cancelled = _past_session("pcr-2027-online", **common)
    if cancelled:
        for user in cohort[6:9]:
            enroll(participant=user, session=cancelled)
        cancel_session(session=cancelled, by=coordinator, reason="The venue is unavailable.")
    # Running, finished, closed and draft sessions.
    for spec in SESSIONS:
        if spec.story != "history":
            continue
        session = _past_session(spec.code, **common)
        if session is None:
            continue
        status = spec.status
        if status in ("in_progress", "completed", "closed"):
            for user in cohort[:5]:
                enroll(participant=user, session=session)
        if status == "in_progress":
            enroll(participant=participant, session=session)
        CourseSession.objects.filter(pk=session.pk).update(
            status=status,
            enrollment_opens_at=now - datetime.timedelta(days=200 if spec.start < 0 else 30),
            enrollment_closes_at=now - datetime.timedelta(days=1)
            if status != "draft"
            else now + datetime.timedelta(days=60),
        )


def _invite_demo_cohort(session, cohort, coordinator):
    """Invitations to an invitation-only session: three of the cohort accepted, one
    person without an account declined, the others wait for an answer."""
    outsiders = [
        ("hauwa.bello@ecowas.example.org", "Hauwa Bello", "ECOWAS Commission"),
        ("l.moreau@eeas.example.org", "Léa Moreau", "EEAS"),
        ("t.sato@asean.example.org", "Takeshi Sato", "ASEAN Secretariat"),
    ]
    members = cohort[:5]
    rows = [
        invitations.Invitee(i, u.email.lower(), f"{u.first_name} {u.last_name}", "")
        for i, u in enumerate(members, start=1)
    ] + [invitations.Invitee(len(members) + i, *row) for i, row in enumerate(outsiders, start=1)]
    sent = invitations.invite(session=session, by=coordinator, rows=rows)
    by_email = {i.email: i for i in sent}
    for user in members[:3]:
        invitations.accept(invitation=by_email[user.email.lower()], user=user)
    invitations.decline(invitation=by_email[outsiders[2][0]])


def _enroll_demo_cohort(session, cohort, participant, focal_point, coordinator):
    if session.policy == CourseSession.Policy.INVITATION:
        _invite_demo_cohort(session, cohort, coordinator)
        return
    if session.policy == CourseSession.Policy.NOMINATION:
        for user in cohort:
            if user.participant.organization.acronym == "AUC":
                enroll(
                    participant=user,
                    session=session,
                    nominated_by=focal_point,
                    justification="Leads the Commission's mediation support desk.",
                )
            elif user.participant.organization.kind == "un":
                enroll(
                    participant=user,
                    session=session,
                    nominated_by=coordinator,
                    justification="Joint analysis with the AU on the Sahel.",
                )
        return
    if session.code == "mpd-2027-dakar":
        enroll(participant=participant, session=session)
    people = cohort if session.policy == CourseSession.Policy.APPROVAL else cohort[:6]
    for user in people:
        enroll(participant=user, session=session)


# How often each kind of person is present, late, excused or absent: most come every day.
HABITS = {
    "steady": (0.92, 0.05, 0.02, 0.01),
    "late riser": (0.6, 0.35, 0.0, 0.05),
    "busy": (0.55, 0.05, 0.15, 0.25),
}


def _marks(people, meetings, rng, *, habits):
    changes = []
    for person, habit in zip(people, habits, strict=True):
        weights = HABITS[habit]
        for meeting in meetings:
            status = rng.choices(
                [Attendance.Status.PRESENT, Attendance.Status.LATE, "excused", "absent"],
                weights=weights,
            )[0]
            note = ""
            if status == Attendance.Status.EXCUSED:
                note = rng.choice(["Medical appointment", "Mission travel", "Family emergency"])
            elif status == Attendance.Status.LATE:
                note = rng.choice(["", "Flight delayed", "Visa appointment"])
            changes.append(CellChange(person.pk, meeting.pk, status, note=note))
    return changes


def _take_attendance(session, coordinator, rng, *, habits, until=None):
    people = list(session.enrollments.filter(status="confirmed").order_by("pk"))
    meetings = [
        m for m in session.meetings.order_by("starts_at") if until is None or m.starts_at <= until
    ]
    if not people or not meetings:
        return people
    habits = (habits * len(people))[: len(people)]
    record_attendance(
        session=session, by=coordinator, changes=_marks(people, meetings, rng, habits=habits)
    )
    return people


def _open_modules(session, people, share):
    modules = list(ModulePage.objects.live().child_of(session.course).order_by("path"))
    ModuleVisit.objects.bulk_create(
        (
            ModuleVisit(user=person.participant, module=module)
            for person, opened in zip(people, share, strict=False)
            for module in modules[:opened]
        ),
        ignore_conflicts=True,
    )


def _attendance(cohort, coordinator, participant, now, today):
    """Attendance and completion: two finished sessions, evaluated (some people complete,
    some do not, one decision overridden), and the running one taken so far."""
    rng = random.Random(2027)  # the same demo every time
    # A finished session with the whole cohort and the demo participant, which also asks
    # for two modules opened.
    finished = _past_session("pdp-2026-online", now=now, today=today, coordinator=coordinator)
    if finished:
        for user in [*cohort, participant]:
            enroll(participant=user, session=finished)
        CourseSession.objects.filter(pk=finished.pk).update(
            status=CourseSession.Status.IN_PROGRESS,
            min_modules_opened=2,
            enrollment_opens_at=now - datetime.timedelta(days=120),
            enrollment_closes_at=now - datetime.timedelta(days=70),
        )
        finished.refresh_from_db()
        people = _take_attendance(
            finished, coordinator, rng, habits=["steady", "steady", "late riser", "steady", "busy"]
        )
        _open_modules(finished, people, [3, 2, 2, 0, 4, 2, 1, 3, 2, 2, 0, 3, 2])
        evaluate_completion(session=finished, by=coordinator)
        # Attended every day but opened no module online: the coordinator overrides.
        offline = (
            Enrollment.objects.filter(session=finished, status="not_completed", modules_opened=0)
            .order_by("pk")
            .first()
        )
        if offline:
            override_completion(
                enrollment=offline,
                completed=True,
                reason="Worked through the modules on paper: no connection at the duty station.",
                by=coordinator,
            )
    addis = CourseSession.objects.filter(code="mpd-2026-addis").first()
    if addis and not Attendance.objects.filter(meeting__session=addis).exists():
        people = _take_attendance(
            addis, coordinator, rng, habits=["steady", "busy", "late riser", "busy", "steady"]
        )
        CourseSession.objects.filter(pk=addis.pk).update(
            excused_absences=CourseSession.ExcusedAbsences.ATTENDED
        )
        addis.refresh_from_db()
        evaluate_completion(session=addis, by=coordinator)
    running = CourseSession.objects.filter(code="ewca-2026-online").first()
    if running and not Attendance.objects.filter(meeting__session=running).exists():
        _take_attendance(running, coordinator, rng, habits=["steady", "late riser"], until=now)


# The finished demo sessions whose completers receive certificates; in the first, one
# certificate is re-issued after a correction (so the demo also shows a revoked one).
# Each signs for one of the session's issuing organizations (``DemoSession.signatories``).
CERTIFICATE_SESSIONS = ["mpd-2026-addis", "pdp-2026-online"]


def seed_certificates(*, coordinator) -> list[Certificate]:
    """Certificates of the finished sessions, made through the services (completion
    evaluated if it was not, issued, rendered and "sent" here: the demo's made-up
    addresses are never mailed), one re-issued after a correction, so the demo holds
    sent, revoked and re-issued certificates whose verification pages work. Returns the
    certificates made; a session that has certificates already is left as it is."""
    made = []
    for position, code in enumerate(CERTIFICATE_SESSIONS):
        session = CourseSession.objects.filter(code=code).first()
        if session is None or Certificate.objects.filter(enrollment__session=session).exists():
            continue
        made += _certify(session, coordinator, correct_one=position == 0)
    return made


def _certify(session, coordinator, *, correct_one):
    with transaction.atomic():
        signatories = DEMO_SESSIONS[session.code].signatories
        for order, (name, title) in enumerate(signatories, start=1):
            SessionSignatory.objects.get_or_create(
                session=session, name=name, defaults={"title": title, "order": order}
            )
        if not session.enrollments.filter(status=Enrollment.Status.COMPLETED).exists():
            for meeting in session.meetings.all():
                mark_all_present(meeting=meeting, by=coordinator)
            evaluate_completion(session=session, by=coordinator)
        issued = issue_certificates(session=session, by=coordinator)
        with mailer.discarding():
            for certificate in issued:
                process_certificate(certificate_id=certificate.pk)
            if issued and correct_one:
                corrected = reissue_certificate(
                    certificate=issued[-1],
                    reason="The participant's name was misspelt on the first certificate.",
                    by=coordinator,
                )
                process_certificate(certificate_id=corrected.pk)
                issued.append(corrected)
    return issued


# Where and when of two demo sessions: an online one with its joining details, an
# in-person one with its venue and agenda, and a message to the confirmed of the first.
ONLINE_DEMO = "ewca-2027-online"
IN_PERSON_DEMO = "pdp-2027-vienna"
VIENNA_AGENDA = [
    ("Opening: preventive diplomacy today", "Amb. Helga Brandt, OSCE Conflict Prevention Centre"),
    ("Early warning to early action", ""),
    ("Simulation: a border dispute", ""),
    ("Lessons, evaluation and closing", ""),
]


def seed_practical_details(*, coordinator) -> int:
    """Joining details, venue and agenda on two demo sessions, and one cohort message
    (marked sent, never mailed: the demo's addresses are made up). Leaves
    a session that has them already as it is; returns how many sessions it completed."""
    done = 0
    online = CourseSession.objects.filter(code=ONLINE_DEMO, online_url="").first()
    if online is not None:
        online.online_platform = "Concord Meet"
        online.online_url = "https://meet.concord.example/j/ewca-2027"
        online.online_meeting_id = "812 2027 0042"
        online.online_passcode = "EWCA-27"
        online.online_dial_in = "+41 22 000 00 00 (Geneva)\n+254 20 000 0000 (Nairobi)"
        online.online_notes = "Join 10 minutes early for a sound check."
        online.save()
        bump_calendar(online)
        with transaction.atomic():
            if online.enrollments.filter(status=Enrollment.Status.CONFIRMED).exists():
                message = send_cohort_message(
                    session=online,
                    by=coordinator,
                    audience=CohortMessage.Audience.CONFIRMED,
                    subject="{course}: pre-reading before we start",
                    body=(
                        "Dear {first_name},\n\nWelcome to {course} ({session_dates}). Please "
                        "read the first two modules before our first sitting.\n\nJoining "
                        "link: {joining_link}\n\nThe course team"
                    ),
                )
                # Counted as sent without mailing: the demo's addresses are made up.
                message.notices.update(sent_at=timezone.now())
        done += 1
    vienna = CourseSession.objects.filter(code=IN_PERSON_DEMO, venue_name="").first()
    if vienna is not None:
        vienna.venue_name = "Hofburg Congress Centre"
        vienna.venue_room = "Neuer Saal"
        vienna.venue_address = "Heldenplatz, 1010 Vienna, Austria"
        vienna.venue_map_url = "https://www.openstreetmap.org/?mlat=48.2066&mlon=16.3654"
        vienna.venue_access_notes = "Enter through the Ballhausplatz gate with your passport."
        vienna.save()
        trainer = vienna.trainers.first()
        for sitting, (title, guest) in zip(vienna.meetings.all(), VIENNA_AGENDA, strict=False):
            sitting.title = title
            sitting.resource_person = guest
            sitting.facilitator = None if guest else trainer
            sitting.description = "Plenary, then work in groups of five."
            sitting.save()
        bump_calendar(vienna)
        done += 1
    return done


GENERATED_PREFIX = "gen-"
CITIES = [("Nairobi", "KE"), ("Addis Ababa", "ET"), ("Vienna", "AT"), ("Bangkok", "TH")]


def seed_generated_sessions(*, coordinator, per_course: int = 2) -> int:
    """``per_course`` sessions of each generated course (``cms.demo``'s "-cohort-"
    courses) that has none yet, with one meeting a day, for benchmarks and a newcomer's
    look at the reports at scale, coordinated by the demo coordinator; a past session in
    two is completed, the others open for enrollment. Written by COPY, one statement per
    table whatever the count. Returns how many sessions were made.
    """
    now = timezone.now()
    today = timezone.localdate(now)
    courses = list(
        CoursePage.objects.filter(slug__contains="-cohort-", sessions__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    sessions = []
    for c, course_id in enumerate(courses):
        for k in range(per_course):
            past = k % 2 == 0
            spread = (c * 7 + k) % 300
            start = today + datetime.timedelta(days=-60 - spread if past else 30 + spread)
            city, country = CITIES[(c + k) % len(CITIES)]
            sessions.append(
                CourseSession(
                    course_id=course_id,
                    code=f"{GENERATED_PREFIX}{course_id}-{k + 1}",
                    starts_on=start,
                    ends_on=start + datetime.timedelta(days=2),
                    city=city,
                    country=country,
                    language="en",
                    capacity=24,
                    enrollment_opens_at=now - datetime.timedelta(days=800),
                    enrollment_closes_at=(
                        now - datetime.timedelta(days=61)
                        if past
                        else now + datetime.timedelta(days=20)
                    ),
                    status=CourseSession.Status.COMPLETED if past else CourseSession.Status.OPEN,
                )
            )
    # By COPY (``cms.demo.bulk``), the ids taken first so that the meetings name them.
    with transaction.atomic():
        for session, pk in zip(sessions, allocate_ids(CourseSession, len(sessions)), strict=True):
            session.pk = pk
        copy_rows(CourseSession, sessions)
        copy_rows(
            Meeting,
            (
                Meeting(
                    session=session,
                    title=f"Day {d + 1}",
                    starts_at=datetime.datetime.combine(
                        session.starts_on + datetime.timedelta(days=d),
                        datetime.time(9),
                        tzinfo=datetime.UTC,
                    ),
                    ends_at=datetime.datetime.combine(
                        session.starts_on + datetime.timedelta(days=d),
                        datetime.time(16),
                        tzinfo=datetime.UTC,
                    ),
                )
                for session in sessions
                for d in range(3)
            ),
            fields=[f for f in Meeting._meta.local_concrete_fields if not f.primary_key],
        )
        through = CourseSession.coordinators.through
        copy_rows(
            through,
            (through(coursesession_id=session.pk, user_id=coordinator.pk) for session in sessions),
            fields=[through._meta.get_field("coursesession"), through._meta.get_field("user")],
        )
    return len(sessions)
