"""Drop the single-column indexes of foreign keys that a unique constraint or index
starting with the same column already serves: each was written by every insert for no
query the longer one does not answer (tests/config/test_indexes.py keeps it so)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_search_documents"),
    ]

    operations = [
        migrations.AlterField(
            model_name="coursetrainer",
            name="course",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="trainers",
                to="cms.coursepage",
                verbose_name="course",
            ),
        ),
    ]
