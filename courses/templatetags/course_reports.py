"""Filters of the attendance and completion reports."""

from django import template

from courses.reports.charts import percent as format_percent

register = template.Library()


@register.filter
def percent(value) -> str:
    """``{{ rate|percent }}``: ``85 %``, ``85,5 %`` in French, a dash when there is none."""
    return format_percent(value)


@register.filter
def bar_step(value) -> int:
    """A rate rounded to a step of 5, for a CSS class such as ``report-bar--35``."""
    return 0 if value is None else max(0, min(100, 5 * round(float(value) / 5)))
