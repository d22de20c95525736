"""Demo sessions and cohorts, built through the services the site uses. Safe to rerun."""

from __future__ import annotations

import datetime
import random

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

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
from courses.enrollment.services import decide, enroll, withdraw
from courses.messaging.services import send_cohort_message
from courses.sessions.services import bump_calendar, cancel_session, generate_meetings
from participants.models import FocalPoint, Organization, Participant

from . import mailer
from .models import (
    Attendance,
    Certificate,
    CohortMessage,
    CourseSession,
    Enrollment,
    ModuleVisit,
    SeatQuota,
    SessionSignatory,
)

# code, course slug, days from today to the first day, length in days, place, language,
# seats, policy, quotas {acronym or kind: seats}
SESSIONS = [
    (
        "mpd-2027-nairobi",
        "mediation-process-design",
        35,
        5,
        ("Nairobi", "KE"),
        "en",
        24,
        "approval",
        {"un": 12, "regional": 12},
    ),
    ("mpd-2027-online", "mediation-process-design", 70, 3, None, "fr", 30, "open", {}),
    (
        "gim-2027-addis",
        "gender-inclusive-mediation",
        50,
        4,
        ("Addis Ababa", "ET"),
        "en",
        20,
        "nomination",
        {"AUC": 6},
    ),
    ("ewca-2027-online", "early-warning-and-conflict-analysis", 21, 10, None, "en", 40, "open", {}),
    (
        "pdp-2027-vienna",
        "preventive-diplomacy-in-practice",
        60,
        4,
        ("Vienna", "AT"),
        "en",
        18,
        "open",
        {"OSCE": 6},
    ),
    (
        "auc-2027-addis",
        "supporting-au-policy-organs",
        90,
        3,
        ("Addis Ababa", "ET"),
        "fr",
        16,
        "approval",
        {},
    ),
]

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
    for code, slug, offset, length, place, language, seats, policy, quotas in SESSIONS:
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            continue
        starts_on = today + datetime.timedelta(days=offset)
        session, created = CourseSession.objects.get_or_create(
            code=code,
            defaults={
                "course": course,
                "starts_on": starts_on,
                "ends_on": starts_on + datetime.timedelta(days=length - 1),
                "is_online": place is None,
                "city": place[0] if place else "",
                "country": place[1] if place else "",
                "timezone": "UTC",
                "language": language,
                "capacity": seats,
                "policy": policy,
                "status": CourseSession.Status.OPEN,
                "enrollment_opens_at": now - datetime.timedelta(days=7),
                "enrollment_closes_at": now + datetime.timedelta(days=offset - 7),
            },
        )
        if not created:
            continue
        made += 1
        generate_meetings(session=session)
        session.coordinators.add(coordinator)
        # Only the trainers assigned to the course teach its sessions.
        assigned = set(
            CourseTrainer.objects.filter(course=course).values_list("user_id", flat=True)
        )
        session.trainers.add(*[t for t in trainers if t and t.pk in assigned])
        for who, number in quotas.items():
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


def _session(
    code, slug, *, starts_on, length, seats, status="open", policy="open", now, coordinator
):
    course = CoursePage.objects.filter(slug=slug).first()
    if course is None or CourseSession.objects.filter(code=code).exists():
        return None
    session = CourseSession.objects.create(
        course=course,
        code=code,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=length - 1),
        is_online=True,
        language="en",
        capacity=seats,
        policy=policy,
        status=CourseSession.Status.OPEN,
        enrollment_opens_at=now - datetime.timedelta(days=60),
        enrollment_closes_at=now + datetime.timedelta(days=1),
    )
    session.coordinators.add(coordinator)
    generate_meetings(session=session)
    return session


def _history(cohort, coordinator, now, today, *, participant):
    """Sessions in every state and enrollments in every status, made through the services."""
    statuses = Enrollment.Status
    # A full session: confirmed and waitlisted, then a withdrawal promotes the first in line.
    full = _session(
        "dfn-2027-geneva",
        "dialogue-facilitation-and-negotiation-skills",
        starts_on=today + datetime.timedelta(days=40),
        length=5,
        seats=3,
        now=now,
        coordinator=coordinator,
    )
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
    cancelled = _session(
        "pcr-2027-brussels",
        "partnering-under-chapter-viii",
        starts_on=today + datetime.timedelta(days=55),
        length=3,
        seats=20,
        now=now,
        coordinator=coordinator,
    )
    if cancelled:
        for user in cohort[6:9]:
            enroll(participant=user, session=cancelled)
        cancel_session(session=cancelled, by=coordinator, reason="The venue is unavailable.")
    # Running, finished, closed and draft sessions.
    for code, slug, offset, length, status in [
        ("ewca-2026-online", "early-warning-and-conflict-analysis", -2, 10, "in_progress"),
        ("mpd-2026-addis", "mediation-process-design", -120, 5, "completed"),
        (
            "eav-2027-accra",
            "electoral-assistance-and-prevention-of-electoral-violence",
            25,
            4,
            "closed",
        ),
        ("gim-2027-online", "gender-inclusive-mediation", 100, 3, "draft"),
    ]:
        session = _session(
            code,
            slug,
            starts_on=today + datetime.timedelta(days=offset),
            length=length,
            seats=20,
            status=status,
            now=now,
            coordinator=coordinator,
        )
        if session is None:
            continue
        if status in ("in_progress", "completed", "closed"):
            for user in cohort[:5]:
                enroll(participant=user, session=session)
        if status == "in_progress":
            enroll(participant=participant, session=session)
        CourseSession.objects.filter(pk=session.pk).update(
            status=status,
            enrollment_opens_at=now - datetime.timedelta(days=200 if offset < 0 else 30),
            enrollment_closes_at=now - datetime.timedelta(days=1)
            if status != "draft"
            else now + datetime.timedelta(days=60),
        )


def _enroll_demo_cohort(session, cohort, participant, focal_point, coordinator):
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
    if session.code == "mpd-2027-online":
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
    vienna = _session(
        "pdp-2026-vienna",
        "preventive-diplomacy-in-practice",
        starts_on=today - datetime.timedelta(days=60),
        length=4,
        seats=20,
        now=now,
        coordinator=coordinator,
    )
    if vienna:
        for user in [*cohort, participant]:
            enroll(participant=user, session=vienna)
        CourseSession.objects.filter(pk=vienna.pk).update(
            status=CourseSession.Status.IN_PROGRESS,
            min_modules_opened=2,
            enrollment_opens_at=now - datetime.timedelta(days=120),
            enrollment_closes_at=now - datetime.timedelta(days=70),
        )
        vienna.refresh_from_db()
        people = _take_attendance(
            vienna, coordinator, rng, habits=["steady", "steady", "late riser", "steady", "busy"]
        )
        _open_modules(vienna, people, [3, 2, 2, 0, 4, 2, 1, 3, 2, 2, 0, 3, 2])
        evaluate_completion(session=vienna, by=coordinator)
        # Attended every day but opened no module online: the coordinator overrides.
        offline = (
            Enrollment.objects.filter(session=vienna, status="not_completed", modules_opened=0)
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
CERTIFICATE_SESSIONS = ["mpd-2026-addis", "pdp-2026-vienna"]
SIGNATORIES = [
    ("Comfort Mensah", "Training Coordinator, UNITAR"),
    ("Thandiwe Ndlovu", "Senior Mediation Adviser, DPPA"),
]


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
        for order, (name, title) in enumerate(SIGNATORIES, start=1):
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
