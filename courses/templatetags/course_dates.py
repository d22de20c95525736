"""Template filters for dates and times of courses: see ``courses.dates``."""

from django import template

from courses import dates

register = template.Library()

for name in (
    "course_date",
    "course_time",
    "course_datetime",
    "session_dates",
    "sitting_when",
    "sitting_day",
):
    register.filter(name, getattr(dates, name))
