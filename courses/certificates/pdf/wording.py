"""What a certificate says, in its own language (English and French ship).

The sentences are ordinary translatable strings (``locale/fr/LC_MESSAGES/django.po``),
rendered under ``translation.override(language)``, so the certificate's language is the
session's, whatever the language of the request or worker that renders it.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext, ngettext, pgettext


@dataclass(frozen=True)
class Wording:
    title: str
    presented_to: str
    completed: str
    held: str  # where and when
    hours: str
    certificate_number: str
    verification_code: str
    verify_at: str
    scan_to_verify: str


def languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def _day(date: datetime.date) -> str:
    if date.day == 1:
        # French writes the first of the month as an ordinal: "1er mars".
        return pgettext("certificate: the first day of a month", "1")
    return str(date.day)


def _day_month(date: datetime.date) -> str:
    return pgettext("certificate: day and month", "{day} {month}").format(
        day=_day(date), month=MONTHS[date.month]
    )


def _full(date: datetime.date) -> str:
    return pgettext("certificate: day, month and year", "{day} {month} {year}").format(
        day=_day(date), month=MONTHS[date.month], year=date.year
    )


def dates(starts_on: datetime.date, ends_on: datetime.date) -> str:
    """ "from 3 to 7 March 2025" in the active language, shortest unambiguous form."""
    if starts_on == ends_on:
        return pgettext("certificate: dates of a one-day session", "on {date}").format(
            date=_full(starts_on)
        )
    if (starts_on.year, starts_on.month) == (ends_on.year, ends_on.month):
        start = _day(starts_on)
    elif starts_on.year == ends_on.year:
        start = _day_month(starts_on)
    else:
        start = _full(starts_on)
    return pgettext("certificate: dates of a session", "from {start} to {end}").format(
        start=start, end=_full(ends_on)
    )


def hours(value: decimal.Decimal) -> str:
    """ "24 hours", "22.5 hours" ("22,5 heures"): no trailing zeros, local decimal mark."""
    value = decimal.Decimal(value)
    places = max(0, -value.normalize().as_tuple().exponent) if value % 1 else 0
    number = formats.number_format(value, decimal_pos=places, use_l10n=True)
    count = 1 if value == 1 else 2 if value % 1 else int(value)
    return ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": number}


def wording(
    *,
    language: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    place: str,
    is_online: bool,
    hours_attended: decimal.Decimal,
) -> Wording:
    with translation.override(language):
        when = dates(starts_on, ends_on)
        if is_online:
            held = gettext("held online {dates}").format(dates=when)
        else:
            held = gettext("held {dates} in {place}").format(dates=when, place=place)
        return Wording(
            title=gettext("Certificate of Completion"),
            presented_to=gettext("This certifies that"),
            completed=gettext("has successfully completed the course"),
            held=held,
            hours=gettext("Total attendance: {hours}").format(hours=hours(hours_attended)),
            certificate_number=gettext("Certificate no. {code}"),
            verification_code=gettext("Verification code: {code}"),
            verify_at=gettext("Verify at {url}"),
            scan_to_verify=gettext("Scan to verify"),
        )
