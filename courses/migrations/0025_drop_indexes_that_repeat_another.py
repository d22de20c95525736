"""Drop the single-column indexes of foreign keys that a unique constraint or index
starting with the same column already serves: each was written by every insert for no
query the longer one does not answer (tests/config/test_indexes.py keeps it so)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0024_lean_enrollment_and_notice_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="apicall",
            name="token",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="calls",
                to="courses.apitoken",
                verbose_name="token",
            ),
        ),
        migrations.AlterField(
            model_name="applicationanswer",
            name="enrollment",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="answers",
                to="courses.enrollment",
                verbose_name="enrollment",
            ),
        ),
        migrations.AlterField(
            model_name="digest",
            name="recipient",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="recipient",
            ),
        ),
        migrations.AlterField(
            model_name="invitation",
            name="session",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="invitations",
                to="courses.coursesession",
                verbose_name="session",
            ),
        ),
        migrations.AlterField(
            model_name="modulevisit",
            name="user",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="module_visits",
                to=settings.AUTH_USER_MODEL,
                verbose_name="user",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="assignment",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="responses",
                to="courses.sessionquestionnaire",
                verbose_name="questionnaire",
            ),
        ),
        migrations.AlterField(
            model_name="sessionfigures",
            name="session",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="courses.coursesession",
                verbose_name="session",
            ),
        ),
        migrations.AlterField(
            model_name="sessionquestionnaire",
            name="session",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="questionnaires",
                to="courses.coursesession",
                verbose_name="session",
            ),
        ),
        migrations.AlterField(
            model_name="submission",
            name="enrollment",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="submissions",
                to="courses.enrollment",
                verbose_name="enrollment",
            ),
        ),
    ]
