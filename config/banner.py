"""Printed by `make run` once the demo is loaded: where things are and how to sign in.

The accounts come from the demo's own lists (seed_demo, courses.demo), so the banner
cannot drift from what was seeded; a test signs in with every address it prints."""

import os

ROLES = {
    "admin": "superuser: everything, in the admin",
    "coordinator": "runs the sessions; reviews and publishes trainers' changes",
    "trainer": "edits two assigned courses",
    "trainer2": "edits one assigned course",
    "participant": "enrolled in sessions; reads modules, gets certificates",
    "focal": "focal point of the AUC: nominates colleagues",
}


def logins() -> list[tuple[str, str, str]]:
    """(email, password, what the account is for), one per demo role and the cohort."""
    from courses.demo import COHORT, COHORT_PASSWORD  # noqa: PLC0415 -- app registry not ready
    from courses.management.commands.seed_demo import (  # noqa: PLC0415 -- app registry not ready
        DEMO_USERS,
    )

    rows = [
        (f"{username}@concord.example.org", password, ROLES.get(username, ""))
        for username, password, *_ in DEMO_USERS
    ]
    first, second = COHORT[0][0], COHORT[1][0]
    rows.append(
        (
            f"{first}@concord.example.org",
            COHORT_PASSWORD,
            f"one of the cohort of {len(COHORT)} ({second}@…, …), same password",
        )
    )
    return rows


def banner(environ=os.environ) -> str:
    site = environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    if environ.get("EMAIL_URL"):
        mail = "sent through EMAIL_URL"
    else:
        mail = "written to var/mail/ (one .eml file per message; the log says which)"
    width = max(len(email) for email, _, _ in logins())
    accounts = "\n".join(
        f"    {email:<{width}}  {password:<20} {role}" for email, password, role in logins()
    )
    return f"""
  Concord is starting on {site}/
    catalogue  {site}/courses/
    sign in    {site}/accounts/login/   (by email address)
    admin      {site}/admin/

  Demo accounts (email address / password):
{accounts}

  Mail: {mail}.
  Services: {environ.get("CONCORD_SERVICES") or "those DATABASE_URL and REDIS_URL name"}.
  Ctrl+C stops the web server, the Celery worker, beat and the services together.
"""


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()
    print(banner())
