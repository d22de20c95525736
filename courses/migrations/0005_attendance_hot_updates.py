"""Attendance marks are updated in place far more often than inserted: the indexes
leave out the columns a save changes (status, note, version), and each table page
keeps room (fillfactor 70), so PostgreSQL can update a mark without writing any
index (a HOT update). The (meeting, status) index becomes the meeting foreign key's
own index; the enrollment one is the unique (enrollment, meeting) constraint's."""

import django.db.models.deletion
from django.db import migrations, models


def set_fillfactor(value):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return  # a storage parameter of PostgreSQL's only
        table = schema_editor.quote_name(apps.get_model("courses", "Attendance")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} SET (fillfactor = {int(value)})")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_certificates"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="attendance",
            name="attendance_meeting_status",
        ),
        migrations.AlterField(
            model_name="attendance",
            name="enrollment",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="attendances",
                to="courses.enrollment",
                verbose_name="enrollment",
            ),
        ),
        migrations.RunPython(set_fillfactor(70), set_fillfactor(100), elidable=False),
    ]
