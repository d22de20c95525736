"""Wagtail registrations of ``courses``: the admin areas, menus and audit actions."""

from wagtail import hooks

from courses import audit
from courses.sessions import viewsets  # noqa: F401 - its hooks register the admin areas


@hooks.register("register_log_actions")
def register_log_actions(actions):
    audit.register_actions(actions)
