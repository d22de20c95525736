from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _grant_role_permissions(sender, **kwargs):
    from .access import grant_role_permissions  # noqa: PLC0415 -- app registry not ready

    grant_role_permissions()


def _protect_signature_images(sender, **kwargs):
    """Signature images chosen before the signatory form moved them into the protected
    collection go there now (idempotent)."""
    from participants.certificate_images import (  # noqa: PLC0415 -- app registry not ready
        move_into_signatures_collection,
    )

    from .models import SessionSignatory  # noqa: PLC0415 -- app registry not ready

    move_into_signatures_collection(
        SessionSignatory.objects.exclude(signature=None).values_list("signature_id", flat=True)
    )


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from participants.retention import (  # noqa: PLC0415 -- app registry not ready
            register_expiring_records,
        )
        from participants.storage import (  # noqa: PLC0415 -- app registry not ready
            delete_files_with_rows,
        )

        from . import checks  # noqa: F401, PLC0415 -- app registry not ready (registers the checks)
        from .enrollment import (  # noqa: PLC0415 -- app registry not ready
            application_records,  # noqa: F401 -- connects the answers' post_delete (their files)
            clearance,  # noqa: F401 -- registers the supervisor emails' writer
            erasure,  # noqa: F401 -- app registry not ready (connects it)
            invitations,  # noqa: F401 -- registers the invitation emails' batch sender
        )
        from .messaging import services  # noqa: F401, PLC0415 -- registers the message emails' writer
        from .models import (  # noqa: PLC0415 -- app registry not ready
            Certificate,
            CohortMessage,
            DonorSummary,
        )
        from .sessions import record_keeping  # noqa: PLC0415 -- app registry not ready

        register_expiring_records("application files", record_keeping.purge_application_records)
        # A certificate's PDF, a donor summary and a message's attachment go with their row
        # (answers' files: enrollment.application_records). Certificates' logo and signature
        # copies are shared by content, so they stay.
        delete_files_with_rows(Certificate, "pdf")
        delete_files_with_rows(DonorSummary, "pdf")
        delete_files_with_rows(CohortMessage, "attachment")

        # Sent after courses' own migrations, once its permissions are made.
        post_migrate.connect(
            _grant_role_permissions, sender=self, dispatch_uid="courses.grant_role_permissions"
        )
        post_migrate.connect(
            _protect_signature_images, sender=self, dispatch_uid="courses.protect_signature_images"
        )
