"""Filters of the attendance and completion reports."""

from django import template

from courses.charts import percent as format_percent

register = template.Library()


@register.filter
def percent(value) -> str:
    """``{{ rate|percent }}``: ``85 %``, ``85,5 %`` in French, a dash when there is none."""
    return format_percent(value)
