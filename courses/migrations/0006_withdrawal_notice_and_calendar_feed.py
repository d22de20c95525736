"""A notice for a confirmed withdrawal, and the private calendar feed of each person
(one stable address, reset on request)."""

import courses.models
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_attendance_hot_updates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="notice",
            name="kind",
            field=models.CharField(
                choices=[
                    ("received", "Request received"),
                    ("confirmed", "Place confirmed"),
                    ("waitlisted", "Waitlisted"),
                    ("promoted", "Promoted from the waitlist"),
                    ("rejected", "Request declined"),
                    ("session_changed", "Session changed"),
                    ("session_cancelled", "Session cancelled"),
                    ("reminder", "Reminder"),
                    ("withdrawn", "Withdrawal confirmed"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.CreateModel(
            name="CalendarFeed",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "secret",
                    models.CharField(
                        default=courses.models.new_feed_secret, max_length=64, verbose_name="secret"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="created at"
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendar_feed",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "calendar feed",
                "verbose_name_plural": "calendar feeds",
            },
        ),
    ]
