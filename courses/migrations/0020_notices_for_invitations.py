"""One outbound email table: a Notice may be an invitation's email (no enrollment).

The invitation emails' rows (``InvitationNotice``) become notices of kind ``invitation``,
sent or not, with their attempts and errors; their table goes. The table and the
columns the SQL functions of 0017-0019 insert into keep their names, and the rows they
insert (an enrollment, no invitation, an enrollment kind) pass the new CHECK.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0019_decide_function"),
    ]

    operations = [
        migrations.AddField(
            model_name="notice",
            name="invitation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notices",
                to="courses.invitation",
                verbose_name="invitation",
            ),
        ),
        migrations.AlterField(
            model_name="notice",
            name="enrollment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="notices",
                to="courses.enrollment",
                verbose_name="enrollment",
            ),
        ),
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
                    ("message", "Message from the coordinators"),
                    ("evaluation_open", "Questionnaire open"),
                    ("evaluation_reminder", "Questionnaire reminder"),
                    ("clearance_request", "Clearance asked of the supervisor"),
                    ("clearance_reminder", "Clearance reminder to the supervisor"),
                    ("invitation", "Invitation"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        # Every row, as it was; the invitation notices' ids are not kept (nothing refers
        # to them but queued tasks, which the sweep replaces).
        migrations.RunSQL(
            # Foreign keys checked now, not at commit: a pending check would forbid the
            # ALTER TABLEs that follow in this transaction.
            sql="""
                SET CONSTRAINTS ALL IMMEDIATE;
                INSERT INTO courses_notice
                    (invitation_id, enrollment_id, message_id, kind, key,
                     created_at, sent_at, attempts, last_error)
                SELECT invitation_id, NULL, NULL, 'invitation', key,
                       created_at, sent_at, attempts, last_error
                  FROM courses_invitationnotice
                 ORDER BY id;
                SET CONSTRAINTS ALL DEFERRED;
            """,
            reverse_sql="""
                SET CONSTRAINTS ALL IMMEDIATE;
                INSERT INTO courses_invitationnotice
                    (invitation_id, key, created_at, sent_at, attempts, last_error)
                SELECT invitation_id, key, created_at, sent_at, attempts, last_error
                  FROM courses_notice
                 WHERE kind = 'invitation'
                 ORDER BY id;
                DELETE FROM courses_notice WHERE kind = 'invitation';
                SET CONSTRAINTS ALL DEFERRED;
            """,
        ),
        migrations.RemoveIndex(
            model_name="invitationnotice",
            name="invitation_notice_unsent",
        ),
        migrations.RemoveConstraint(
            model_name="invitationnotice",
            name="one_notice_per_invitation_sending",
        ),
        migrations.AddConstraint(
            model_name="notice",
            constraint=models.UniqueConstraint(
                fields=("invitation", "key"), name="one_notice_per_invitation_link"
            ),
        ),
        migrations.AddConstraint(
            model_name="notice",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("enrollment__isnull", False),
                        ("invitation__isnull", True),
                        models.Q(("kind", "invitation"), _negated=True),
                    ),
                    models.Q(
                        ("enrollment__isnull", True),
                        ("invitation__isnull", False),
                        ("kind", "invitation"),
                    ),
                    _connector="OR",
                ),
                name="notice_to_an_enrollment_or_an_invitation",
                violation_error_message="A notice goes to an enrollment, or (an invitation's email) to an invitation, never to both or neither.",
            ),
        ),
        migrations.DeleteModel(
            name="InvitationNotice",
        ),
    ]
