"""Cursor pagination (keyset: ``WHERE (key) > (last key)``), so a page costs the same at
the start of 30,000 rows as at their end and a row added meanwhile is never skipped or
shown twice. The cursor is opaque to clients: URL-safe base 64 of the last row's key."""

from __future__ import annotations

import base64
import datetime
import json

from django.db.models import Q, QuerySet

MAX_LIMIT = 100


class BadCursor(ValueError):
    pass


def encode_cursor(values: list) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, datetime.date) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, kinds: tuple[type, ...]) -> list:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError
        decoded = []
        for value, kind in zip(values, kinds, strict=True):
            if kind is datetime.date:
                decoded.append(datetime.date.fromisoformat(value))
            elif kind is int and isinstance(value, int) and not isinstance(value, bool):
                if not 0 <= value < 2**63:
                    raise ValueError
                decoded.append(value)
            else:
                raise ValueError
        return decoded
    except (ValueError, TypeError, UnicodeDecodeError) as error:
        raise BadCursor("This cursor is not one the API gave.") from error


def page(queryset: QuerySet, *, keys: tuple[str, ...], kinds: tuple[type, ...], cursor, limit: int):
    """(rows, next cursor or None): ``limit`` rows after ``cursor`` in ``keys`` order
    (ascending; the last key must be unique). One query."""
    queryset = queryset.order_by(*keys)
    if cursor:
        after = decode_cursor(cursor, kinds)
        condition = Q()
        # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y)
        for depth in range(len(keys)):
            step = Q(**{f"{keys[depth]}__gt": after[depth]})
            for earlier in range(depth):
                step &= Q(**{keys[earlier]: after[earlier]})
            condition |= step
        queryset = queryset.filter(condition)
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    following = None
    if more and rows:
        last = rows[-1]
        following = encode_cursor([_value(last, key) for key in keys])
    return rows, following


def _value(row, key):
    value = row
    for part in key.split("__"):
        value = getattr(value, part)
    return value
