"""Make the key that signs the Open Badges credentials, or rotate it.

manage.py credential_keys           # a first key if there is none (safe to run again)
manage.py credential_keys --rotate  # a new key signs from now on; older ones stay
                                    # in /.well-known/did.json so old credentials verify
"""

from django.core.management.base import BaseCommand

from courses.certificates.credentials import (
    create_signing_key,
    ensure_signing_key,
    key_dir,
    signing_keys,
)


class Command(BaseCommand):
    help = "Create (or with --rotate, replace) the Ed25519 key that signs credentials."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rotate", action="store_true", help="Add a newer key, which signs from now on."
        )

    def handle(self, *args, rotate=False, **options):
        kid = create_signing_key() if rotate else ensure_signing_key()
        count = len(signing_keys())
        self.stdout.write(
            f"Credentials are signed with {kid} ({count} key(s) published) in {key_dir()}."
        )
