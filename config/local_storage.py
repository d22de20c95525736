"""The local filesystem's storage, written so that nobody ever reads a partial file."""

import os
import tempfile

from django.core.files.storage import FileSystemStorage


class AtomicFileSystemStorage(FileSystemStorage):
    """Writes each file to a temporary file beside its name, then moves it there in one
    step: a reader (another process serving a download) sees no file or the whole file,
    even if the writer is killed halfway. ``os.link`` refuses to replace a file, so a
    name taken meanwhile gets another, as Django's own storage does; with
    ``allow_overwrite`` (certificates, whose names say which certificate they are)
    ``os.replace`` swaps the new file in.

    Not fsynced: a file lost to a power cut is rendered or uploaded again; what matters
    is that no half-written one is ever served.
    """

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".part")
        try:
            with os.fdopen(descriptor, "wb") as file:
                for chunk in content.chunks():
                    file.write(chunk.encode() if isinstance(chunk, str) else chunk)
            os.chmod(temporary, self.file_permissions_mode or 0o644)
            while True:
                if self._allow_overwrite:
                    os.replace(temporary, full_path)
                    break
                try:
                    os.link(temporary, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return str(name).replace("\\", "/")
