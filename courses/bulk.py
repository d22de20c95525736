"""Writing thousands of rows in one statement without building a model instance each.

``bulk_create`` builds an instance per row and adapts every value in Python; for the
2,000 cells of a full attendance sheet that costs more than the database's own work.
Here the rows travel as one JSON document that PostgreSQL unpacks
(``jsonb_to_recordset``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection


def insert_rows(
    model,
    columns: Sequence[str],
    rows: Sequence[Sequence],
    *,
    same: dict | None = None,
    unique: Sequence[str] = (),
    update: Sequence[str] = (),
    returning: Sequence[str] = (),
) -> list[tuple]:
    """Insert ``rows`` (tuples of values for the fields ``columns``, given by attname:
    ``enrollment_id``) into ``model``'s table, each with the values of ``same``, in one
    statement. With ``unique`` (attnames of a unique constraint), a row that clashes
    updates the fields ``update`` of the existing one instead (an upsert).

    Values are written as they are: no field defaults, no ``pre_save`` (``auto_now``),
    no signals, so ``columns`` and ``same`` must name every column without a database
    default. Values must be JSON-serializable (``DjangoJSONEncoder``: dates, UUIDs).

    With ``returning`` (attnames), the values of those columns of each row written, in
    no particular order (return a column that tells the rows apart).
    """
    if not rows:
        return []
    same = same or {}
    quote = connection.ops.quote_name
    varying = [_field(model, name) for name in columns]
    fixed = [_field(model, name) for name in same]
    names = ", ".join(quote(field.column) for field in [*varying, *fixed])
    record = ", ".join(f"{quote(f.column)} {f.db_type(connection)}" for f in varying)
    selected = [f"r.{quote(field.column)}" for field in varying]
    selected += [f"%s::{field.db_type(connection)}" for field in fixed]
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({names}) "  # noqa: S608 - names from _meta
        f"SELECT {', '.join(selected)} FROM jsonb_to_recordset(%s::jsonb) AS r({record})"
    )
    if unique:
        targets = ", ".join(quote(_field(model, name).column) for name in unique)
        changes = ", ".join(
            f"{column} = EXCLUDED.{column}"
            for column in (quote(_field(model, name).column) for name in update)
        )
        sql += f" ON CONFLICT ({targets}) DO " + (f"UPDATE SET {changes}" if changes else "NOTHING")
    if returning:
        sql += " RETURNING " + ", ".join(quote(_field(model, name).column) for name in returning)
    keys = [field.column for field in varying]
    document = json.dumps(
        [dict(zip(keys, row, strict=True)) for row in rows], cls=DjangoJSONEncoder
    )
    params = [
        field.get_db_prep_save(value, connection)
        for field, value in zip(fixed, same.values(), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, document])
        return cursor.fetchall() if returning else []


def _field(model, attname: str):
    for field in model._meta.concrete_fields:
        if attname in (field.attname, field.name):
            return field
    raise ValueError(f"{model.__name__} has no column {attname!r}")
