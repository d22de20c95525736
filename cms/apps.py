from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from .roles import ensure_roles

    ensure_roles()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        # cms comes after Wagtail, Django and participants in INSTALLED_APPS, so their
        # permissions exist when its own post-migrate signal is sent.
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="cms.ensure_roles")

        from django.db.models.signals import post_delete, post_save

        from participants.models import Organization

        from .catalog import forget_taxonomy
        from .models import ThematicArea

        for model in (ThematicArea, Organization):
            for signal in (post_save, post_delete):
                signal.connect(forget_taxonomy, sender=model, dispatch_uid=f"forget-{model}")
