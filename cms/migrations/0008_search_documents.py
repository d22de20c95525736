import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


STREAM_TEXT_SQL = r"""
CREATE OR REPLACE FUNCTION cms_stream_text(data jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH RECURSIVE node(value) AS (
        SELECT data
        UNION ALL
        SELECT child.value
        FROM node
        CROSS JOIN LATERAL (
            SELECT member.value
            FROM jsonb_each(CASE WHEN jsonb_typeof(node.value) = 'object' THEN node.value END)
                AS member
            WHERE member.key NOT IN ('id', 'type')
            UNION ALL
            SELECT element
            FROM jsonb_array_elements(
                CASE WHEN jsonb_typeof(node.value) = 'array' THEN node.value END
            ) AS element
        ) AS child
    )
    SELECT coalesce(string_agg(regexp_replace(regexp_replace(
        value #>> '{}', '<[^>]*>', ' ', 'g'), '&[#a-zA-Z0-9]+;', ' ', 'g'), ' '), '')
    FROM node
    WHERE jsonb_typeof(value) = 'string' AND value #>> '{}' !~ '^https?://'
$$
"""


def build_documents(apps, schema_editor):
    from cms.search import rebuild_search_documents  # noqa: PLC0415 -- raw SQL only

    rebuild_search_documents()


class Migration(migrations.Migration):
    """The stored search document of each live course page, its modules' text included
    (``cms.search``): a weighted tsvector in the page's language (GIN) and its folded
    text (GIN trigram index); ``cms_stream_text`` reads the text of a StreamField's
    blocks; the documents of the existing pages are built at the end."""

    dependencies = [
        ('cms', '0007_reviewed_partners'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='CourseSearchDocument',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_document', serialize=False, to='cms.coursepage')),
                ('translation_key', models.UUIDField(db_index=True)),
                ('config', models.CharField(max_length=32)),
                ('document', django.contrib.postgres.search.SearchVectorField()),
                ('text', models.TextField()),
                ('locale', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.locale')),
            ],
            options={
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['document'], name='cms_search_document_gin'), django.contrib.postgres.indexes.GinIndex(fields=['text'], name='cms_search_text_trgm', opclasses=['gin_trgm_ops'])],
            },
        ),
        migrations.RunSQL(STREAM_TEXT_SQL, "DROP FUNCTION IF EXISTS cms_stream_text(jsonb)"),
        migrations.RunPython(build_documents, migrations.RunPython.noop),
    ]
