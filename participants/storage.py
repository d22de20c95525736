"""Private storages as model fields see them: looked up in ``STORAGES`` at each use.

A ``FileField``'s storage is made once, when its model class is defined; the storage that
``STORAGES`` names may change after that (a test that moves every file to an object store
with ``override_settings``). Django already looks ``default_storage`` up again when the
setting changes; this does the same for our named storages (participants is the lowest
layer, so every app's models can use it)."""

from django.core.files.storage import Storage, storages
from django.db import transaction
from django.db.models.signals import post_delete


class NamedStorage:
    """Stands for ``storages[alias]``, whatever it is when used."""

    def __init__(self, alias: str):
        self._alias = alias

    @property
    def _storage(self) -> Storage:
        return storages[self._alias]

    @property
    def __class__(self):  # so that FileField's ``isinstance(storage, Storage)`` holds
        return type(self._storage)

    def __getattr__(self, name):
        if name.startswith("__") or name == "_alias":
            raise AttributeError(name)
        return getattr(self._storage, name)

    def __reduce__(self):
        return (NamedStorage, (self._alias,))

    def __repr__(self):
        return f"<NamedStorage {self._alias!r}: {self._storage!r}>"


def delete_files_with_rows(model, *field_names: str) -> None:
    """Files of a deleted ``model`` row leave storage once the deleting transaction
    commits (a rolled-back deletion keeps them). A ``post_delete`` receiver, because rows
    also go by cascades that no view sees; Django sends it for every cascaded row."""

    def delete_files(sender, instance, **kwargs):
        stored = [getattr(instance, name) for name in field_names]
        stored = [(file.storage, file.name) for file in stored if file]
        if stored:
            transaction.on_commit(lambda: [storage.delete(name) for storage, name in stored])

    post_delete.connect(
        delete_files, sender=model, weak=False, dispatch_uid=f"{model._meta.label}.files"
    )
