"""Drop the single-column indexes of foreign keys that a unique constraint or index
starting with the same column already serves: each was written by every insert for no
query the longer one does not answer (tests/config/test_indexes.py keeps it so)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0009_signed_in_user_function"),
    ]

    operations = [
        migrations.AlterField(
            model_name="focalpoint",
            name="organization",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="focal_points",
                to="participants.organization",
                verbose_name="organization",
            ),
        ),
    ]
