from django.core.management.base import BaseCommand

from cms.search import rebuild_search_documents


class Command(BaseCommand):
    help = "Compute again the stored search document of every course page (the catalogue's search)."

    def handle(self, *args, **options):
        count = rebuild_search_documents(
            progress=lambda done, total: (
                self.stdout.write(f"{done}/{total}") if options["verbosity"] > 1 else None
            )
        )
        self.stdout.write(self.style.SUCCESS(f"{count} course pages indexed."))
