"""Printed by `make run` once the demo is loaded."""

import os

BANNER = """
  Concord is starting on {site}/   (Wagtail admin: {site}/admin/)

  Demo logins (username / password):
    admin        / concord-admin         superuser
    coordinator  / concord-coordinator   reviews and publishes trainers' changes
    trainer      / concord-trainer       edits two assigned courses
    trainer2     / concord-trainer       edits one assigned course
    participant  / concord-participant   reads training modules

  Ctrl+C stops the web server, the Celery worker and beat together.
"""

if __name__ == "__main__":
    print(BANNER.format(site=os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")))
