"""Wagtail registrations of ``courses``: the admin areas, menus and audit actions."""

from courses.sessions import viewsets  # noqa: F401 - its hooks register the admin areas
