"""Private storages as model fields see them: looked up in ``STORAGES`` at each use.

A ``FileField``'s storage is made once, when its model class is defined; the storage that
``STORAGES`` names may change after that (a test that moves every file to an object store
with ``override_settings``). Django already looks ``default_storage`` up again when the
setting changes; this does the same for our named storages (participants is the lowest
layer, so every app's models can use it)."""

from django.core.files.storage import Storage, storages


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
