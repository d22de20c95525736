"""Fewer index entries written by each enrollment and its notice (issue 20).

Every enrollment inserts a row in ``courses_enrollment`` and one in ``courses_notice``
while it holds its session's lock; each index of those tables is one more entry written
and logged. Dropped: the single-column indexes that an index or unique constraint
starting with the same column already serves (the session's, the enrollment's, the
invitation's); made partial: the indexes of nullable references, which most rows leave
empty (who nominated, decided or overrode; a notice's cohort message; the unique link
of an invitation's notice, which never holds for a NULL invitation anyway). Deleting a
user or a message still finds its rows by index.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0023_session_figures"),
        ("participants", "0009_signed_in_user_function"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="notice",
            name="one_notice_per_invitation_link",
        ),
        migrations.AlterField(
            model_name="enrollment",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="decided by",
            ),
        ),
        migrations.AlterField(
            model_name="enrollment",
            name="nominated_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="nominated by",
            ),
        ),
        migrations.AlterField(
            model_name="enrollment",
            name="overridden_by",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="overridden by",
            ),
        ),
        migrations.AlterField(
            model_name="enrollment",
            name="session",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="enrollments",
                to="courses.coursesession",
                verbose_name="session",
            ),
        ),
        migrations.AlterField(
            model_name="notice",
            name="enrollment",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notices",
                to="courses.enrollment",
                verbose_name="enrollment",
            ),
        ),
        migrations.AlterField(
            model_name="notice",
            name="invitation",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notices",
                to="courses.invitation",
                verbose_name="invitation",
            ),
        ),
        migrations.AlterField(
            model_name="notice",
            name="message",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notices",
                to="courses.cohortmessage",
                verbose_name="message",
            ),
        ),
        migrations.AddIndex(
            model_name="enrollment",
            index=models.Index(
                condition=models.Q(("nominated_by__isnull", False)),
                fields=["nominated_by"],
                name="enrollment_nominated_by",
            ),
        ),
        migrations.AddIndex(
            model_name="enrollment",
            index=models.Index(
                condition=models.Q(("decided_by__isnull", False)),
                fields=["decided_by"],
                name="enrollment_decided_by",
            ),
        ),
        migrations.AddIndex(
            model_name="enrollment",
            index=models.Index(
                condition=models.Q(("overridden_by__isnull", False)),
                fields=["overridden_by"],
                name="enrollment_overridden_by",
            ),
        ),
        migrations.AddIndex(
            model_name="notice",
            index=models.Index(
                condition=models.Q(("message__isnull", False)),
                fields=["message"],
                name="notice_message",
            ),
        ),
        migrations.AddConstraint(
            model_name="notice",
            constraint=models.UniqueConstraint(
                condition=models.Q(("invitation__isnull", False)),
                fields=("invitation", "key"),
                name="one_notice_per_invitation_link",
            ),
        ),
    ]
