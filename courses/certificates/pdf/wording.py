# ruff: noqa: RUF001 -- Cyrillic and full-width letters of the wording in other scripts
"""What a certificate says, in each of the seven languages of the site.

English and French are ordinary translatable strings (``locale/fr/LC_MESSAGES/django.po``),
rendered under ``translation.override(language)``, so the certificate's language is the
session's, whatever the language of the request or worker that renders it. Arabic,
Chinese, Portuguese, Russian and Spanish are written out here (``_WRITTEN``), dates and
all: a certificate is a document of record, so its wording is reviewed as a whole, and
the sentences avoid what a name cannot tell (grammatical gender, case, plural of hours).
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
    number = _number(value)
    count = 1 if value == 1 else 2 if value % 1 else int(value)
    return ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": number}


@dataclass(frozen=True)
class _Written:
    title: str
    presented_to: str
    completed: str
    held: str  # {dates}, {place}
    held_online: str  # {dates}
    hours: str  # {hours}: the number alone
    certificate_number: str
    verification_code: str
    verify_at: str
    scan_to_verify: str
    months: tuple[str, ...]  # as they follow a day: "7 марта", "7 de marzo"
    full: str  # {day} {month} {year}
    day_month: str  # {day} {month}
    one_day: str  # {date}
    range: str  # {start} {end}
    first: str = "1"  # the first day of a month


_WRITTEN = {
    "ar": _Written(
        title="شهادة إتمام",
        presented_to="تُمنح هذه الشهادة إلى",
        completed="تقديرًا لإتمام الدورة التدريبية بنجاح",
        held="التي عُقدت {dates} في {place}",
        held_online="التي عُقدت عبر الإنترنت {dates}",
        hours="مجموع ساعات الحضور: {hours}",
        certificate_number="رقم الشهادة: {code}",
        verification_code="رمز التحقق: {code}",
        verify_at="للتحقق: {url}",
        scan_to_verify="امسح الرمز للتحقق",
        months=(
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ),
        full="{day} {month} {year}",
        day_month="{day} {month}",
        one_day="في {date}",
        range="من {start} إلى {end}",
    ),
    "es": _Written(
        title="Certificado de aprovechamiento",
        presented_to="Se certifica que",
        completed="ha completado con éxito el curso",
        held="celebrado {dates} en {place}",
        held_online="celebrado en línea {dates}",
        hours="Total de horas de asistencia: {hours}",
        certificate_number="Certificado n.º {code}",
        verification_code="Código de verificación: {code}",
        verify_at="Verifíquelo en {url}",
        scan_to_verify="Escanee para verificar",
        months=(
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
        full="{day} de {month} de {year}",
        day_month="{day} de {month}",
        one_day="el {date}",
        range="del {start} al {end}",
    ),
    "pt-br": _Written(
        title="Certificado de conclusão",
        presented_to="Certificamos que",
        completed="concluiu com êxito o curso",
        held="realizado {dates} em {place}",
        held_online="realizado on-line {dates}",
        hours="Total de horas de presença: {hours}",
        certificate_number="Certificado nº {code}",
        verification_code="Código de verificação: {code}",
        verify_at="Verifique em {url}",
        scan_to_verify="Escaneie para verificar",
        months=(
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ),
        full="{day} de {month} de {year}",
        day_month="{day} de {month}",
        one_day="em {date}",
        range="de {start} a {end}",
        first="1º",
    ),
    "ru": _Written(
        title="Сертификат об окончании курса",
        presented_to="Настоящий сертификат подтверждает, что",
        completed="успешно завершил(а) курс",
        held="проведённый {dates} в {place}",
        held_online="проведённый онлайн {dates}",
        hours="Общее время присутствия: {hours} ч",
        certificate_number="Сертификат № {code}",
        verification_code="Код проверки: {code}",
        verify_at="Проверить: {url}",
        scan_to_verify="Отсканируйте для проверки",
        months=(
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ),
        full="{day} {month} {year} г.",
        day_month="{day} {month}",
        one_day="{date}",
        range="с {start} по {end}",
    ),
    "zh-hans": _Written(
        title="结业证书",
        presented_to="兹证明",
        completed="已顺利完成课程",
        held="{dates}在{place}举办",
        held_online="{dates}在线举办",
        hours="出勤总时数：{hours} 小时",
        certificate_number="证书编号：{code}",
        verification_code="验证码：{code}",
        verify_at="验证网址：{url}",
        scan_to_verify="扫码验证",
        months=tuple(f"{n}月" for n in range(1, 13)),
        full="{year}年{month}{day}日",
        day_month="{month}{day}日",
        one_day="{date}",
        range="{start}至{end}",
    ),
}


def _written_dates(w: _Written, starts_on: datetime.date, ends_on: datetime.date) -> str:
    def day(date):
        return w.first if date.day == 1 else str(date.day)

    def full(date):
        return w.full.format(day=day(date), month=w.months[date.month - 1], year=date.year)

    def day_month(date):
        return w.day_month.format(day=day(date), month=w.months[date.month - 1])

    if starts_on == ends_on:
        return w.one_day.format(date=full(starts_on))
    same_month = (starts_on.year, starts_on.month) == (ends_on.year, ends_on.month)
    if w is _WRITTEN["zh-hans"]:
        # Chinese runs from the year down: 2025年3月3日至7日, 2025年3月28日至4月2日.
        if same_month:
            end = f"{day(ends_on)}日"
        elif starts_on.year == ends_on.year:
            end = day_month(ends_on)
        else:
            end = full(ends_on)
        return w.range.format(start=full(starts_on), end=end)
    if same_month:
        start = day(starts_on)
    elif starts_on.year == ends_on.year:
        start = day_month(starts_on)
    else:
        start = full(starts_on)
    return w.range.format(start=start, end=full(ends_on))


def _number(value: decimal.Decimal) -> str:
    value = decimal.Decimal(value)
    places = max(0, -value.normalize().as_tuple().exponent) if value % 1 else 0
    return formats.number_format(value, decimal_pos=places, use_l10n=True)


def wording(
    *,
    language: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    place: str,
    is_online: bool,
    hours_attended: decimal.Decimal,
) -> Wording:
    written = _WRITTEN.get(language)
    if written is not None:
        with translation.override(language):
            number = _number(hours_attended)
        when = _written_dates(written, starts_on, ends_on)
        if is_online:
            held = written.held_online.format(dates=when)
        else:
            held = written.held.format(dates=when, place=place)
        return Wording(
            title=written.title,
            presented_to=written.presented_to,
            completed=written.completed,
            held=held,
            hours=written.hours.format(hours=number),
            certificate_number=written.certificate_number,
            verification_code=written.verification_code,
            verify_at=written.verify_at,
            scan_to_verify=written.scan_to_verify,
        )
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
