from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from .i18n import ensure_content_locales  # noqa: PLC0415 -- app registry not ready
    from .roles import ensure_roles  # noqa: PLC0415 -- app registry not ready
    from .services import align_default_site_with_site_url  # noqa: PLC0415 -- app registry not ready

    ensure_roles()
    ensure_content_locales()
    # Wagtail's workflow emails link to the default Site: keep it at SITE_URL.
    align_default_site_with_site_url()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        # cms comes after Wagtail, Django and participants in INSTALLED_APPS, so their
        # permissions exist when its own post-migrate signal is sent.
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="cms.ensure_roles")

        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415 -- app registry not ready
        from wagtail.models import Page, PageViewRestriction, Site  # noqa: PLC0415 -- app registry not ready
        from wagtail.signals import page_published, page_unpublished, post_page_move  # noqa: PLC0415 -- app registry not ready

        from participants.models import Organization  # noqa: PLC0415 -- app registry not ready

        from .cache import bump_content_version  # noqa: PLC0415 -- app registry not ready
        from .catalog import forget_taxonomy  # noqa: PLC0415 -- app registry not ready
        from .models import ThematicArea  # noqa: PLC0415 -- app registry not ready

        for model in (ThematicArea, Organization):
            for signal in (post_save, post_delete):
                signal.connect(forget_taxonomy, sender=model, dispatch_uid=f"forget-{model}")
                signal.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
        # What visitors see changes only through these (drafts and revisions do not count).
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_content_version, dispatch_uid=f"bump-{signal}")
        post_delete.connect(bump_content_version, sender=Page, dispatch_uid="bump-page-delete")
        from wagtail.signals import copy_for_translation_done  # noqa: PLC0415 -- app registry not ready

        from .translations import (  # noqa: PLC0415 -- app registry not ready
            on_copy_for_translation,
            refresh_translation_source,
        )

        copy_for_translation_done.connect(
            on_copy_for_translation, dispatch_uid="cms.translation-editors"
        )
        page_published.connect(refresh_translation_source, dispatch_uid="cms.translation-source")
        for model in (Site, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{model}")
        _connect_search_documents()


def _connect_search_documents():
    """The courses' stored search documents follow what visitors can see."""
    from django.db.models.signals import post_delete, post_save  # noqa: PLC0415 -- app registry not ready
    from wagtail.signals import page_published, page_unpublished, post_page_move  # noqa: PLC0415 -- app registry not ready

    from participants.models import Organization  # noqa: PLC0415 -- app registry not ready

    from . import search  # noqa: PLC0415 -- app registry not ready
    from .models import ThematicArea  # noqa: PLC0415 -- app registry not ready

    for signal in (page_published, page_unpublished):
        signal.connect(search.on_page_changed, dispatch_uid=f"search-document-{signal}")
    post_page_move.connect(search.on_page_moved, dispatch_uid="search-document-move")
    post_delete.connect(search.on_page_deleted, dispatch_uid="search-document-delete")
    for model in (ThematicArea, Organization):
        post_save.connect(
            search.on_vocabulary_changed, sender=model, dispatch_uid=f"search-document-{model}"
        )
