"""No index of ours is written for nothing: none repeats the leading columns of another.

Each index is one more entry written (and logged) by every insert, some of them under a
session's lock on the enrollment hot path (issue 20). A plain index on a column that an
index or unique constraint already starts with serves no query the longer one does not.
"""

import pytest
from django.apps import apps
from django.db import connection

pytestmark = pytest.mark.django_db

OURS = ("api", "cms", "courses", "participants")

INDEXES = """
SELECT t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL,
       array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             ORDER BY k.n)
  FROM pg_index ix
  JOIN pg_class t ON t.oid = ix.indrelid
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_am am ON am.oid = i.relam
 WHERE t.relname = ANY(%s) AND am.amname = 'btree' AND ix.indexprs IS NULL
"""


def test_no_index_repeats_the_start_of_another():
    tables = [
        model._meta.db_table for label in OURS for model in apps.get_app_config(label).get_models()
    ]
    with connection.cursor() as cursor:
        cursor.execute(INDEXES, [tables])
        rows = cursor.fetchall()
    by_table = {}
    for table, name, unique, partial, columns in rows:
        by_table.setdefault(table, []).append((name, unique, partial, tuple(columns)))
    redundant = [
        f"{table}.{name} {columns} (served by {other})"
        for table, indexes in by_table.items()
        for name, unique, partial, columns in indexes
        if not unique and not partial
        for other, _, other_partial, longer in indexes
        if other != name
        and not other_partial
        and longer[: len(columns)] == columns
        and (len(longer) > len(columns) or other < name)
    ]
    assert not redundant, "\n".join(redundant)
