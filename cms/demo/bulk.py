"""Rows written by PostgreSQL's COPY, for the demo's bulk loads (``seed_demo --courses``).

``bulk_create`` on PostgreSQL sends each column as an array parameter, which the
driver quotes element by element in Python on a client-side cursor, after Django has
compiled a multi-row INSERT: for 30,000 pages and their revisions that was a third of
a load's time. COPY streams the rows instead, each value adapted by the driver's C
dumpers. The primary keys are taken from the table's sequence first (one statement),
so that related rows (a page's specific row, its revision) can name them before they
are written; foreign keys are checked at commit as usual (Django declares them
deferrable). COPY does not pass through Django's cursor wrappers: a
``CaptureQueriesContext`` does not list it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection


def allocate_ids(model, count: int) -> list[int]:
    """``count`` new primary keys of ``model`` from its table's sequence, ascending."""
    if count == 0:
        return []
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, count],
        )
        return sorted(row[0] for row in cursor.fetchall())


def copy_rows(model, objs: Iterable, *, fields: Sequence | None = None) -> None:
    """Write ``objs`` (instances of ``model`` or of a child of it, primary keys set)
    into ``model``'s own table: its local concrete fields, or ``fields``, prepared for
    the database as Django prepares them for an INSERT (``auto_now_add`` included).
    Like ``bulk_create``, it sends no model signals."""
    fields = list(fields if fields is not None else model._meta.local_concrete_fields)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objs:
            copy.write_row(
                [
                    field.get_db_prep_save(field.pre_save(obj, add=True), connection)
                    for field in fields
                ]
            )
