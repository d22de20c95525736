"""Build the demo: site tree, courses and one user per role. Safe to run again."""

import contextlib
import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.demo import seed_courses, seed_generated_courses, seed_site, seed_translations
from cms.models import CoursePage
from cms.roles import COORDINATORS, PARTICIPANTS, TRAINERS
from cms.services import assign_trainer
from courses.certificates.credentials import issue_sent_credentials
from courses.demo import (
    demo_user,
    seed_certificates,
    seed_generated_sessions,
    seed_practical_details,
    seed_sessions,
)
from courses.demo_applications import seed_applications
from courses.demo_evaluation import seed_evaluations

# username, password, first name, last name, groups, superuser
DEMO_USERS = [
    ("admin", "concord-admin", "Ada", "Admin", [], True),
    ("coordinator", "concord-coordinator", "Comfort", "Mensah", [COORDINATORS], False),
    ("trainer", "concord-trainer", "Thandiwe", "Ndlovu", [TRAINERS], False),
    ("trainer2", "concord-trainer", "Tomás", "Herrera", [TRAINERS], False),
    ("participant", "concord-participant", "Pierre", "Lefèvre", [PARTICIPANTS], False),
    ("focal", "concord-focal", "Fatou", "Sow", [PARTICIPANTS], False),
]
# Which written course each demo trainer may edit (by slug).
TRAINER_COURSES = {
    "trainer": ["mediation-process-design", "gender-inclusive-mediation"],
    "trainer2": ["early-warning-and-conflict-analysis"],
}


class Command(BaseCommand):
    help = "Load the demo site, its courses and one user per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--courses",
            type=int,
            default=0,
            help="Also generate this many courses (5 modules, 2 sessions each) for benchmarks.",
        )
        parser.add_argument(
            "--modules",
            type=int,
            default=5,
            help="Modules of each generated course (most of the time of a large load).",
        )

    def handle(self, *args, courses, modules, verbosity, **options):
        if courses < 0 or modules < 0:
            raise CommandError("--courses and --modules must be zero or more.")
        # Wagtail logs every page created and published; below -v 2 only our summary shows.
        with quiet_logger("wagtail", enabled=verbosity < 2):
            self.seed(courses, modules)

    def seed(self, courses, modules=5):
        _home, catalog = seed_site()
        written = seed_courses(catalog)
        self.stdout.write(f"Site ready: {len(written)} written courses.")
        if translated := seed_translations():
            self.stdout.write(f"Translations ready: one course in {translated} more languages.")
        users = self.seed_users()
        self.assign_trainers(users)
        sessions = seed_sessions(
            coordinator=users["coordinator"],
            trainers=[users["trainer"], users["trainer2"]],
            participant=users["participant"],
            focal_point=users["focal"],
        )
        if sessions:
            self.stdout.write(f"Sessions ready: {sessions} new, with their cohorts.")
        certificates = seed_certificates(coordinator=users["coordinator"])
        if certificates:
            self.stdout.write(
                f"Certificates ready: {len(certificates)}. Verify one at "
                f"{settings.SITE_URL}{certificates[0].get_absolute_url()}"
            )
        if seed_practical_details(coordinator=users["coordinator"]):
            self.stdout.write("Joining details, venue, agenda and a cohort message ready.")
        self.seed_credentials()
        applied = seed_applications()
        if applied:
            self.stdout.write(
                f"Applications ready: {applied}, with a CV, supervisors' clearance and consent."
            )
        answered = seed_evaluations()
        if answered:
            self.stdout.write(f"Evaluations ready: {answered} questionnaires answered.")
        if courses:
            self.stdout.write(f"Generating {courses} more courses…")
            start = time.perf_counter()
            seed_generated_courses(
                catalog, courses, modules_per_course=modules, progress=self.report_progress
            )
            made = seed_generated_sessions(coordinator=users["coordinator"])
            self.stdout.write(
                f"Generated courses and {made} sessions in {time.perf_counter() - start:.1f} s."
            )
        total = CoursePage.objects.live().child_of(catalog).count()  # default language
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {total} live courses."))

    def seed_credentials(self):
        """Every sent demo certificate also as a signed Open Badges credential."""
        made = issue_sent_credentials()
        if made:
            self.stdout.write(f"Signed credentials ready: {made} (Open Badges 3.0).")

    def report_progress(self, done, count):
        self.stdout.write(f"  {done}/{count} courses")

    @transaction.atomic
    def seed_users(self):
        return {
            username: demo_user(username, password, first, last, groups=groups, superuser=su)
            for username, password, first, last, groups, su in DEMO_USERS
        }

    def assign_trainers(self, users):
        for username, slugs in TRAINER_COURSES.items():
            for course in CoursePage.objects.filter(
                slug__in=slugs, locale__language_code=settings.LANGUAGE_CODE
            ):
                assign_trainer(course=course, user=users[username], assigned_by=users["admin"])


@contextlib.contextmanager
def quiet_logger(name, *, enabled):
    logger = logging.getLogger(name)
    previous = logger.level
    if enabled:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)
