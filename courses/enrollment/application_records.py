"""Application records under the personal-data rules: the files applicants uploaded and
what their supervisors wrote are kept only ``APPLICATION_RECORDS_RETENTION_DAYS`` after
their session ends (``participants.retention`` runs
``courses.sessions.record_keeping.purge_application_records`` daily, which calls
``purge_for_sessions`` here), and a file leaves storage when its answer row is deleted.

Files are deleted from storage only once the transaction that dropped them commits
(``transaction.on_commit``): a rolled-back erasure, purge or deletion keeps its files.

Why a ``post_delete`` receiver and not code in each deleting view: answers are deleted
by cascades from several places (an enrollment deleted, a form or one of its questions
removed, a user deleted; a session goes only once it has no enrollments), and a
receiver sees them all; Django sends it for every cascaded row (having a receiver
turns the "fast delete" off for this model).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from courses.models import ApplicationAnswer, SupervisorClearance, application_storage


def delete_files_on_commit(names) -> None:
    """Remove these application files from storage once the current transaction
    commits (at once outside one). Missing files are fine."""
    names = [name for name in names if name]
    if not names:
        return

    def delete():
        storage = application_storage()
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


@receiver(post_delete, sender=ApplicationAnswer, dispatch_uid="courses.application_file_deleted")
def delete_file_of_deleted_answer(sender, instance, **kwargs):
    delete_files_on_commit([instance.file.name])


def purge_for_sessions(past) -> int:
    """For the sessions ``past`` (a queryset): delete the application files (from
    storage, and blank the answers' file fields) and blank the supervisors' comments.
    Returns how many files and comments went; a second run finds nothing left (0)."""
    with transaction.atomic():
        answers = ApplicationAnswer.objects.filter(enrollment__session__in=past).exclude(file="")
        names = list(answers.select_for_update().values_list("file", flat=True))
        files = answers.update(file="", file_name="", content_type="")
        delete_files_on_commit(names)
        comments = (
            SupervisorClearance.objects.filter(enrollment__session__in=past)
            .exclude(comment="")
            .update(comment="")
        )
    return files + comments
