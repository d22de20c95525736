from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        from .models import PersonalDataExport  # noqa: PLC0415 -- app registry not ready
        from .storage import delete_files_with_rows  # noqa: PLC0415 -- app registry not ready

        delete_files_with_rows(PersonalDataExport, "file")
